// Scores findQuotes against hand-written quote fixtures (test/fixtures/quotes/*.yaml):
// direct-quote F1, all-quotes F1 and speaker-attribution accuracy.
// Usage: node out/scripts/eval-quotes.js [--verbose] [FIXTURE.yaml ...]
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { findQuotes } from '../src/core/analysis/quotes';
import type { QuoteAnnotation, SpeakerAnnotation } from '../src/core/analysis/types';

export interface QuoteFixture {
  id: string;
  text: string;
  quotes: { text: string; direct: boolean; speaker?: string; name?: string }[];
}

export interface QuoteScore {
  direct: { tp: number; fp: number; fn: number; f1: number };
  all: { tp: number; fp: number; fn: number; f1: number };
  /** Exact boundaries among matched quotes. */
  exact: number;
  speaker: { correct: number; total: number; accuracy: number };
  quotes: number;
  errors: string[];
}

const fold = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim();

/** A predicted span matches a gold one when they overlap by at least half of their union. */
function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
}

function f1(tp: number, fp: number, fn: number) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** The occurrence of `needle` nearest to `near` (fixtures name spans by their text). */
function locate(text: string, needle: string, near = 0): { start: number; end: number } | undefined {
  let best: number | undefined;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best === undefined || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  return best === undefined ? undefined : { start: best, end: best + needle.length };
}

export function scoreQuotes(cases: QuoteFixture[]): QuoteScore {
  let dtp = 0, dfp = 0, dfn = 0, atp = 0, afp = 0, afn = 0, exact = 0, correct = 0, total = 0;
  const errors: string[] = [];
  for (const c of cases) {
    const { quotes, speakers } = findQuotes(c.text);
    const byId = new Map<string, SpeakerAnnotation>(speakers.map((s) => [s.id, s]));
    const used = new Set<QuoteAnnotation>();
    for (const g of c.quotes) {
      total++;
      const span = locate(c.text, g.text);
      if (!span) {
        errors.push(`${c.id}: fixture quote not in text: ${g.text}`);
        continue;
      }
      const hit = quotes.find((q) => !used.has(q) && overlaps(q, span));
      if (!hit) {
        afn++;
        if (g.direct) dfn++;
        errors.push(`${c.id}: missed ${g.direct ? 'direct' : 'indirect'} «${g.text}»`);
        continue;
      }
      used.add(hit);
      atp++;
      if (hit.start === span.start && hit.end === span.end) exact++;
      if (g.direct && hit.direct) dtp++;
      else if (g.direct) dfn++;
      else if (hit.direct) dfp++;
      const s = hit.speaker ? byId.get(hit.speaker) : undefined;
      let ok: boolean;
      if (!g.speaker) ok = !s;
      else {
        const gs = locate(c.text, g.speaker, span.start);
        const where = !!s && ((!!gs && s.start < gs.end && gs.start < s.end) || fold(s.text) === fold(g.speaker));
        ok = where && (!g.name || fold(s!.name ?? '') === fold(g.name));
      }
      if (ok) correct++;
      else errors.push(`${c.id}: speaker of «${g.text.slice(0, 40)}…»: expected ${g.speaker ?? 'none'}${g.name ? ` (${g.name})` : ''}, got ${s ? `${s.text}${s.name ? ` (${s.name})` : ''}` : 'none'}`);
    }
    for (const q of quotes) {
      if (used.has(q)) continue;
      afp++;
      if (q.direct) dfp++;
      errors.push(`${c.id}: extra ${q.direct ? 'direct' : 'indirect'} «${q.text}»`);
    }
  }
  return {
    direct: f1(dtp, dfp, dfn),
    all: f1(atp, afp, afn),
    exact: atp ? exact / atp : 1,
    speaker: { correct, total, accuracy: total ? correct / total : 1 },
    quotes: total,
    errors,
  };
}

export function formatScore(name: string, s: QuoteScore): string {
  const pct = (x: number) => x.toFixed(3);
  return `${name}: ${s.quotes} quotes | direct F1 ${pct(s.direct.f1)} (tp ${s.direct.tp} fp ${s.direct.fp} fn ${s.direct.fn}) | all F1 ${pct(s.all.f1)} (tp ${s.all.tp} fp ${s.all.fp} fn ${s.all.fn}) | exact spans ${pct(s.exact)} | speaker ${pct(s.speaker.accuracy)} (${s.speaker.correct}/${s.speaker.total})`;
}

function main(): void {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  let files = args.filter((a) => !a.startsWith('--'));
  if (!files.length) files = ['test/fixtures/quotes/dev.yaml', 'test/fixtures/quotes/holdout.yaml'];
  for (const f of files) {
    const doc = YAML.parse(readFileSync(f, 'utf8')) as { cases: QuoteFixture[] };
    const score = scoreQuotes(doc.cases);
    console.log(formatScore(f, score));
    if (verbose) for (const e of score.errors) console.log('  ' + e);
  }
}

if (require.main === module) main();
