// The keystroke path gives exactly what a full analysis gives, while looking again only at the
// paragraphs that changed.
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyze } from '../../src/core/analysis/analyze';
import { IncrementalAnalyzer } from '../../src/core/analysis/incremental';
import { repoRoot } from './repo';

const samples = path.join(repoRoot(), 'samples');
const news = readdirSync(samples)
  .filter((f) => /\.(txt|news)$/.test(f))
  .map((f) => readFileSync(path.join(samples, f), 'utf8'));
const long = news[0] + '\n\n' + news.slice(1).map((t) => t.slice(t.indexOf('\n') + 1)).join('\n\n');

describe('incremental re-analysis', () => {
  it('matches a full analysis on every sample', () => {
    for (const text of [...news, long]) assert.deepEqual(new IncrementalAnalyzer().analyze(text), analyze(text));
  });

  it('matches a full analysis after any sequence of edits, and reuses untouched paragraphs', () => {
    const pieces = ['«', '»', '"', ', - сказал Лавров', 'заявил, что ', '24 окт', 'ратификации', '\n\n', '\n', ' ', 'Конвенции ООН', 'в понедельник', 'х'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(20), fc.constantFrom(...pieces)), { minLength: 1, maxLength: 25 }), (edits) => {
        const incremental = new IncrementalAnalyzer();
        let text = long;
        incremental.analyze(text);
        for (const [at, cut, insert] of edits) {
          const from = at % (text.length + 1);
          text = text.slice(0, from) + insert + text.slice(Math.min(text.length, from + cut));
          assert.deepEqual(incremental.analyze(text), analyze(text));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('looks again only at the paragraph that was typed in', () => {
    const incremental = new IncrementalAnalyzer();
    incremental.analyze(long);
    const paragraphs = incremental.lastAnalysed + incremental.lastReused;
    const at = long.indexOf('Лавров');
    incremental.analyze(long.slice(0, at) + 'x' + long.slice(at));
    assert.equal(incremental.lastAnalysed, 1);
    assert.equal(incremental.lastReused, paragraphs - 1);
  });
});
