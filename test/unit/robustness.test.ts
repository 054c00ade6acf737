// Hostile and odd text never breaks the analysis: it returns in time, throws nothing, and every
// annotation points at real text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../src/core/analysis/analyze';

const RUNS = Number(process.env.FC_RUNS ?? 150);

function checkAnnotations(text: string): void {
  const { annotations } = analyze(text);
  for (const a of annotations) {
    assert.ok(a.start >= 0 && a.start <= a.end && a.end <= text.length, `${a.kind} ${a.start}-${a.end} inside the text`);
    assert.equal(text.slice(a.start, a.end), a.text, `${a.kind} text matches its offsets`);
  }
}

// Pieces that news text is made of, so random strings reach the interesting code paths.
const newsPieces = fc.constantFrom(
  ' date 2025-10-25 Заголовок\n', '«', '»', '„', '“', '"', '‘', '’', ' — ', ' – ', ', - ', ': ', '. ', '\n\n', '\r\n',
  'заявил', 'сказала', 'отметил, что ', 'по словам ', 'Сергей Лавров', 'Лавров', 'Он ', 'МИД', 'ООН', 'Конвенции ООН',
  'ратификации', 'договора о ', '24 окт', '3-4 сентября', 'в 2024 году', 'в понедельник', 'в течение 12 месяцев',
  '\u00A0', '\u00AD', '\u0301', '-\u0301', 'ё', '😀', '\uD800', '\uFEFF', '(', ')', '[', ']', '*', '\\', '$', '^', '.', '+', '?',
);

describe('the analyzer on hostile input', () => {
  it('never throws on random Unicode and keeps its offsets true', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => checkAnnotations(s)), { numRuns: RUNS });
  });

  it('never throws on random mixes of news fragments', () => {
    fc.assert(fc.property(fc.array(fc.oneof(newsPieces, fc.string({ maxLength: 8 })), { maxLength: 120 }).map((xs) => xs.join('')), (s) => checkAnnotations(s)), { numRuns: RUNS });
  });

  it('handles an empty file, a lone header and a file of quotation marks', () => {
    checkAnnotations('');
    checkAnnotations(' date 2025-10-25 ');
    checkAnnotations('«'.repeat(5000) + '»'.repeat(5000));
    checkAnnotations('"'.repeat(20000));
    checkAnnotations('Венская конвенция-\u0301');
  });

  it('analyses one 5 MB line without blowing up', function () {
    this.timeout(60_000);
    const sentence = 'По словам министра, «договор о сотрудничестве будет ратифицирован 24 октября 2025 года», — сказал Лавров, ';
    const line = ' date 2025-10-25 Т\n\n' + sentence.repeat(Math.ceil((5 * 1024 * 1024) / sentence.length / 2));
    const started = performance.now();
    const { annotations } = analyze(line);
    assert.ok(annotations.length > 1000);
    assert.ok(performance.now() - started < 30_000, 'linear, not quadratic');
  });

  it('reads CRLF, NBSP, soft hyphens and ё like their plain forms', () => {
    const plain = ' date 2025-10-25 Т\n\nГлава МИД заявил, что Россия ратифицирует договор 24 октября.\n';
    const odd = plain.replace(/\n/g, '\r\n').replace('24 октября', '24\u00A0октября').replace('ратифицирует', 'рати\u00ADфицирует');
    const kinds = (t: string) => analyze(t).annotations.map((a) => a.kind).sort();
    assert.deepEqual(kinds(odd), kinds(plain));
  });
});
