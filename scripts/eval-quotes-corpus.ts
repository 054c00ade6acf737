// Scores the analyzer's quotes and speakers on real Russian news it was not written against: the
// NEREL dev texts (../shared/corpus/nerel.dev.json), with quotes annotated by hand in
// test/fixtures/corpus-quotes/nerel-dev.quotes.json. The gold file holds only ids, hashes and offsets,
// never corpus text, so the corpus itself must be present to run this.
//
//   npm run eval:quotes:corpus -- [CORPUS.json | TEXTS-FOLDER] [--gold GOLD.json | --all] [--verbose]
//   (--all scores every gold set in test/fixtures/corpus-quotes, one line each, then all together)
//   (TEXTS-FOLDER: a folder of ID.txt files, searched recursively, such as a checkout of NEREL
//   (github.com/nerel-ds/NEREL) for the sets in test/fixtures/corpus-quotes/nerel-more/)
//   (builds into out/scripts and runs from there)
//   --dash-direct: read the gold's unmarked words closed by a typeset dash and a verb (`…, — отметил
//   Песков`) as direct speech, as NEREL's annotators mostly did, where the news-pages sets' rule 6 calls
//   them indirect; the analyzer reads them as indirect (direct speech is speech in quotation marks), so
//   this shows how much of a set's score that convention moves.
//
// Matching is the rule of scripts/eval-quotes.ts, replicated here because that script exports no
// span helpers and runs its own main() when bundled into another entry point: a predicted quote
// matches a gold one when they overlap by at least half of their union, each prediction matching at
// most one gold quote, gold taken in document order. Direct F1 counts a gold direct quote found as
// indirect as a miss, and an indirect one found as direct as a false positive, as that script does.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../src/core/analysis/analyze';
import type { QuoteAnnotation, SpeakerAnnotation } from '../src/core/analysis/types';

interface Span {
  start: number;
  end: number;
}

interface GoldQuote extends Span {
  direct: boolean;
  /** The mention the quote is attributed to; `name` only when it is a proper name of a person or body. */
  speaker?: Span & { name?: string };
}

interface GoldDoc {
  id: string;
  sha256: string;
  quotes: GoldQuote[];
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** One line per finding, for --verbose; excerpts are printed, never written anywhere. */
interface Finding {
  doc: string;
  what: string;
  excerpt: string;
}

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();

function overlapsByHalf(a: Span, b: Span): boolean {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return inter > 0 && inter / union >= 0.5;
}

function touches(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function scores(c: Counts): { p: number; r: number; f1: number } & Counts {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function excerpt(text: string, s: Span, max = 110): string {
  const clean = (t: string): string => t.replace(/\s+/g, ' ');
  const inner = clean(text.slice(s.start, s.end));
  const shown = inner.length > max ? `${inner.slice(0, max / 2)} … ${inner.slice(-max / 2 + 4)}` : inner;
  return `${clean(text.slice(Math.max(0, s.start - 30), s.start))}[[${shown}]]${clean(text.slice(s.end, s.end + 20))}`;
}

/** The repository root: the nearest folder above the working directory that holds the gold file. */
function repoRoot(): string {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'test/fixtures/corpus-quotes'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

let dashDirect = false;

/** A gold indirect quote that is unmarked words closed by `, —` and a lower-case word (a verb of speech). */
function closedByDash(text: string, q: GoldQuote): boolean {
  return !q.direct && !/[«»"“”„]/.test(text.slice(q.start, q.end)) && /^,?[ \u00a0]*[—–][ \u00a0]*[а-яё]/.test(text.slice(q.end, q.end + 12));
}

function parseArgs(argv: string[]): { corpus: string; gold: string; verbose: boolean; all: boolean; folder: string } {
  const root = repoRoot();
  let corpus = path.join(root, '../shared/corpus/nerel.dev.json');
  let gold = path.join(root, 'test/fixtures/corpus-quotes/nerel-dev.quotes.json');
  let verbose = false;
  let all = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verbose') verbose = true;
    else if (argv[i] === '--gold') gold = argv[++i];
    else if (argv[i] === '--all') all = true;
    else if (argv[i] === '--dash-direct') dashDirect = true;
    else corpus = argv[i];
  }
  return { corpus, gold, verbose, all, folder: path.join(root, 'test/fixtures/corpus-quotes') };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  for (const file of [args.corpus, args.gold]) {
    if (!existsSync(file)) {
      console.error(`${file}: not found (run from inside the repository, or pass CORPUS.json and --gold GOLD.json)`);
      process.exit(2);
    }
  }
  const texts = readTexts(args.corpus);
  if (!args.all) {
    const gold = JSON.parse(readFileSync(args.gold, 'utf8')) as { docs: GoldDoc[] };
    evaluate(texts, gold.docs, `quotes on ${args.corpus}`, args.verbose);
    return;
  }
  // --all: every gold set in the folder, one line each, then all of them together.
  const files = readdirSync(args.folder).filter((f) => f.endsWith('.quotes.json')).sort();
  const union: GoldDoc[] = [];
  const lines: string[] = [];
  const f = (x: number): string => x.toFixed(3);
  for (const file of files) {
    const docs = (JSON.parse(readFileSync(path.join(args.folder, file), 'utf8')) as { docs: GoldDoc[] }).docs;
    union.push(...docs);
    const r = evaluate(texts, docs, file, false, false);
    lines.push(`| ${file} | ${r.docs} | ${r.quotes} | ${f(r.direct.f1)} | ${f(r.all.f1)} | ${f(r.speaker.accuracy)} |`);
  }
  console.log('| gold set | articles | quotes | direct F1 | all F1 | speaker |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const line of lines) console.log(line);
  console.log();
  evaluate(texts, union, `all ${files.length} sets`, args.verbose);
}

/** The texts by document id: from a corpus JSON file, or from the ID.txt files in a folder and the folders in it. */
function readTexts(corpus: string): Map<string, string> {
  const texts = new Map<string, string>();
  if (!statSync(corpus).isDirectory()) {
    for (const d of (JSON.parse(readFileSync(corpus, 'utf8')) as { docs: { id: string; text: string }[] }).docs) texts.set(d.id, d.text);
    return texts;
  }
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name.endsWith('.txt')) texts.set(entry.name.slice(0, -4), readFileSync(file, 'utf8'));
    }
  };
  visit(corpus);
  return texts;
}

/** Scores the analyzer on the gold documents; prints the table (and, verbose, each finding) when `print`. */
function evaluate(texts: Map<string, string>, goldDocs: GoldDoc[], label: string, verbose: boolean, print = true) {
  const gold = { docs: goldDocs };
  const direct: Counts = { tp: 0, fp: 0, fn: 0 };
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  let exact = 0;
  let speakerRight = 0;
  let goldQuotes = 0;
  let skipped = 0;
  const findings: Finding[] = [];
  const started = performance.now();

  for (let doc of gold.docs) {
    const text = texts.get(doc.id);
    const sha = text === undefined ? undefined : createHash('sha256').update(text, 'utf8').digest('hex');
    if (sha !== doc.sha256) {
      // Offsets into a changed text would score nonsense; say so and leave the document out.
      console.error(`${doc.id}: ${text === undefined ? 'not in the corpus' : 'text changed (SHA-256 differs)'}; skipped`);
      skipped++;
      continue;
    }
    const t = text!;
    if (dashDirect) doc = { ...doc, quotes: doc.quotes.map((q) => (closedByDash(t, q) ? { ...q, direct: true } : q)) };
    const annotations = analyze(t).annotations;
    const quotes = annotations.filter((a): a is QuoteAnnotation => a.kind === 'quote');
    const speakers = new Map(
      annotations.filter((a): a is SpeakerAnnotation => a.kind === 'speaker').map((s) => [s.id, s]),
    );
    const used = new Set<QuoteAnnotation>();
    const kind = (direct: boolean): string => (direct ? 'direct' : 'indirect');

    for (const g of doc.quotes) {
      goldQuotes++;
      const hit = quotes.find((q) => !used.has(q) && overlapsByHalf(q, g));
      if (!hit) {
        all.fn++;
        if (g.direct) direct.fn++;
        findings.push({ doc: doc.id, what: `missed ${kind(g.direct)}`, excerpt: excerpt(t, g) });
        continue;
      }
      used.add(hit);
      all.tp++;
      if (hit.start === g.start && hit.end === g.end) exact++;
      if (g.direct && hit.direct) direct.tp++;
      else if (g.direct) direct.fn++;
      else if (hit.direct) direct.fp++;
      if (g.direct !== hit.direct) {
        findings.push({ doc: doc.id, what: `${kind(g.direct)} found as ${kind(hit.direct)}`, excerpt: excerpt(t, hit) });
      }

      const s = hit.speaker ? speakers.get(hit.speaker) : undefined;
      const right = g.speaker
        ? !!s && (touches(s, g.speaker) || (!!g.speaker.name && !!s.name && fold(s.name) === fold(g.speaker.name)))
        : !s;
      if (right) speakerRight++;
      else {
        const expected = g.speaker ? `«${t.slice(g.speaker.start, g.speaker.end)}»${g.speaker.name ? ` (${g.speaker.name})` : ''}` : 'none';
        const got = s ? `«${s.text}»${s.name ? ` (${s.name})` : ''}` : 'none';
        findings.push({ doc: doc.id, what: `speaker: expected ${expected}, got ${got}`, excerpt: excerpt(t, g, 60) });
      }
    }
    for (const q of quotes) {
      if (used.has(q)) continue;
      all.fp++;
      if (q.direct) direct.fp++;
      findings.push({ doc: doc.id, what: `extra ${kind(q.direct)}`, excerpt: excerpt(t, q) });
    }
  }

  const d = scores(direct);
  const a = scores(all);
  const matched = all.tp;
  const result = {
    docs: gold.docs.length - skipped,
    skipped,
    quotes: goldQuotes,
    direct: d,
    all: a,
    exactSpans: matched ? exact / matched : 1,
    speaker: { correct: speakerRight, matched, accuracy: matched ? speakerRight / matched : 1 },
    // As scripts/eval-quotes.ts counts it: a missed quote counts as a wrong attribution.
    speakerOverAllGold: goldQuotes ? speakerRight / goldQuotes : 1,
    ms: Math.round(performance.now() - started),
  };

  if (!print) return result;
  const f = (x: number): string => x.toFixed(3);
  const row = (name: string, s: ReturnType<typeof scores>, target: number): string =>
    `${name.padEnd(16)} ${f(s.p)}  ${f(s.r)}  ${f(s.f1)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}   ≥ ${target}`;
  console.log(`${label}: ${result.docs} documents, ${goldQuotes} gold quotes${skipped ? `, ${skipped} skipped` : ''}`);
  console.log(`${''.padEnd(16)} P      R      F1       tp   fp   fn   target`);
  console.log(row('direct quotes', d, 0.95));
  console.log(row('all quotes', a, 0.85));
  console.log(`${'speaker'.padEnd(16)} ${f(result.speaker.accuracy)} of matched quotes (${speakerRight}/${matched}); ${f(result.speakerOverAllGold)} of all gold quotes   ≥ 0.85`);
  console.log(`${'exact spans'.padEnd(16)} ${f(result.exactSpans)} of matched quotes`);
  if (verbose) {
    for (const x of findings) console.log(`  ${x.doc}: ${x.what}: ${x.excerpt}`);
  }
  console.log(JSON.stringify(result));
  if (skipped) process.exitCode = 1;
  return result;
}

main();
