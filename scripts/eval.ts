// Scores the analyzer against an annotated corpus (schema: ../shared/corpus/README.md).
//
//   npm run eval -- CORPUS.json [--show date|law|person] [--limit N]
//
// Overlap scoring per kind: a predicted span is correct when it overlaps a gold span of the matching
// type; a gold span is found when some prediction overlaps it. Discontinuous gold counts by its outer
// extent. Prints a small table, then one JSON line for scripts to read.
import { readFileSync } from 'node:fs';
import { analyze } from '../src/core/analysis/analyze';
import type { Annotation } from '../src/core/analysis/types';

interface GoldSpan {
  type: string;
  start: number;
  end: number;
  text: string;
  fragments?: [number, number][];
}

interface CorpusDoc {
  id: string;
  text: string;
  spans: GoldSpan[];
}

interface Corpus {
  docs: CorpusDoc[];
}

interface Span {
  start: number;
  end: number;
}

/** How our annotations line up with the corpus's types. */
const COMPARISONS: { name: string; gold: string; ours: (a: Annotation) => boolean; informative?: boolean }[] = [
  { name: 'date', gold: 'date', ours: (a) => a.kind === 'date' },
  { name: 'instrument~law', gold: 'law', ours: (a) => a.kind === 'term' && a.category === 'instrument' },
  { name: 'speaker~person', gold: 'person', ours: (a) => a.kind === 'speaker', informative: true },
];

interface Tally {
  predicted: number;
  predictedCorrect: number;
  gold: number;
  goldFound: number;
  falsePositives: { doc: string; text: string; context: string }[];
  misses: { doc: string; text: string; context: string }[];
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function outerExtent(s: GoldSpan): Span {
  if (!s.fragments?.length) return { start: s.start, end: s.end };
  return { start: Math.min(s.start, ...s.fragments.map((f) => f[0])), end: Math.max(s.end, ...s.fragments.map((f) => f[1])) };
}

function context(text: string, s: Span): string {
  const clean = (t: string): string => t.replace(/\s+/g, ' ');
  return `${clean(text.slice(Math.max(0, s.start - 40), s.start))}[[${clean(text.slice(s.start, s.end))}]]${clean(text.slice(s.end, s.end + 30))}`;
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function parseArgs(argv: string[]): { file?: string; show?: string; limit: number } {
  let file: string | undefined;
  let show: string | undefined;
  let limit = 40;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--show') show = argv[++i];
    else if (argv[i] === '--limit') limit = Number(argv[++i]);
    else file ??= argv[i];
  }
  return { file, show, limit };
}

function main(): number {
  const { file, show, limit } = parseArgs(process.argv.slice(2));
  if (!file) {
    console.error('usage: npm run eval -- CORPUS.json [--show date|law|person] [--limit N]');
    return 2;
  }
  let corpus: Corpus;
  try {
    corpus = JSON.parse(readFileSync(file, 'utf8')) as Corpus;
  } catch (e) {
    console.error(`${file}: cannot read the corpus: ${(e as Error).message}`);
    return 2;
  }
  if (!Array.isArray(corpus.docs)) {
    console.error(`${file}: no "docs" array; see the corpus schema`);
    return 2;
  }

  const tallies = new Map<string, Tally>(
    COMPARISONS.map((c) => [c.name, { predicted: 0, predictedCorrect: 0, gold: 0, goldFound: 0, falsePositives: [], misses: [] }]),
  );
  let failures = 0;
  let chars = 0;
  let elapsed = 0;

  for (const doc of corpus.docs) {
    chars += doc.text.length;
    let annotations: Annotation[] = [];
    const t0 = performance.now();
    try {
      annotations = analyze(doc.text).annotations;
    } catch (e) {
      // One broken document must not hide the score of the others; a few examples say enough.
      failures++;
      if (failures <= 3) console.error(`${doc.id}: analyze failed: ${((e as Error).stack ?? String(e)).split('\n').slice(0, 3).join('\n')}`);
    }
    elapsed += performance.now() - t0;

    for (const c of COMPARISONS) {
      const tally = tallies.get(c.name)!;
      const ours = annotations.filter(c.ours);
      const gold = doc.spans.filter((s) => s.type === c.gold).map(outerExtent);
      tally.predicted += ours.length;
      tally.gold += gold.length;
      for (const a of ours) {
        if (gold.some((g) => overlaps(a, g))) tally.predictedCorrect++;
        else tally.falsePositives.push({ doc: doc.id, text: a.text, context: context(doc.text, a) });
      }
      for (const g of gold) {
        if (ours.some((a) => overlaps(a, g))) tally.goldFound++;
        else tally.misses.push({ doc: doc.id, text: doc.text.slice(g.start, g.end), context: context(doc.text, g) });
      }
    }
  }

  const rows = COMPARISONS.map((c) => {
    const t = tallies.get(c.name)!;
    const precision = ratio(t.predictedCorrect, t.predicted);
    const recall = ratio(t.goldFound, t.gold);
    return { kind: c.name, predicted: t.predicted, gold: t.gold, precision, recall, f1: f1(precision, recall), informative: c.informative ?? false };
  });

  const fmt = (n: number): string => n.toFixed(3);
  if (failures > 3) console.error(`… and ${failures - 3} more documents failed`);
  console.log(`${file}: ${corpus.docs.length} documents, ${(chars / 1e6).toFixed(2)} M chars, ${failures} failed`);
  console.log('kind              predicted   gold   precision  recall  F1');
  for (const r of rows) {
    console.log(
      `${(r.kind + (r.informative ? '*' : '')).padEnd(17)} ${String(r.predicted).padStart(9)} ${String(r.gold).padStart(6)}   ${fmt(r.precision).padStart(9)}  ${fmt(r.recall).padStart(6)}  ${fmt(r.f1)}`,
    );
  }
  console.log('* informative only: NEREL has no speakers; persons are the nearest thing.');
  const msPerMB = chars ? elapsed / (chars / 1e6) : 0;
  console.log(`analysis time: ${elapsed.toFixed(0)} ms, ${msPerMB.toFixed(1)} ms per 1M chars`);

  if (show) {
    const c = COMPARISONS.find((x) => x.name === show || x.gold === show);
    const t = c && tallies.get(c.name);
    if (t) {
      console.log(`\nfalse positives (${t.falsePositives.length}):`);
      for (const x of t.falsePositives.slice(0, limit)) console.log(`  ${x.doc}: ${x.context}`);
      console.log(`\nmisses (${t.misses.length}):`);
      for (const x of t.misses.slice(0, limit)) console.log(`  ${x.doc}: ${x.context}`);
    }
  }

  console.log(
    JSON.stringify({
      corpus: file,
      documents: corpus.docs.length,
      failed: failures,
      msPerMB: Number(msPerMB.toFixed(1)),
      scores: Object.fromEntries(
        rows.map((r) => [r.kind, { predicted: r.predicted, gold: r.gold, precision: Number(fmt(r.precision)), recall: Number(fmt(r.recall)), f1: Number(fmt(r.f1)) }]),
      ),
    }),
  );
  return failures ? 1 : 0;
}

process.exitCode = main();
