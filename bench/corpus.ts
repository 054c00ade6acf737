// Russian news text for the benchmarks: the shared NEREL corpus when it is beside the project
// (as on the project's machines), else the project's own samples, repeated to the size asked for.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

export function newsText(): { text: string; source: string } {
  const root = path.resolve(__dirname, '..', '..');
  const corpus = [process.env.DA_CORPUS, path.join(root, '..', 'shared', 'corpus', 'nerel.dev.json')].find((p) => p && existsSync(p));
  if (corpus) {
    const data = JSON.parse(readFileSync(corpus, 'utf8')) as { docs: { text: string }[] };
    return { text: data.docs.map((d) => d.text).join('\n\n'), source: path.basename(corpus) };
  }
  const samples = path.join(root, 'samples');
  const text = readdirSync(samples)
    .filter((f) => /\.(txt|news)$/.test(f))
    .map((f) => readFileSync(path.join(samples, f), 'utf8'))
    .join('\n\n');
  return { text, source: 'samples/' };
}

/** Text of about `bytes` UTF-8 bytes, starting with a news header so relative dates resolve. */
export function sized(base: string, bytes: number): string {
  const header = ' date 2025-10-25 Сводка новостей\n\n';
  const perChar = Buffer.byteLength(base) / base.length;
  const chars = Math.max(1, Math.round(bytes / perChar));
  let body = '';
  while (body.length < chars) body += base + '\n\n';
  // Made flat, as a file read from disk or an editor document's text is: a string built by
  // concatenation would be read through its pieces until something flattened it.
  return Buffer.from(header + body.slice(0, chars), 'utf8').toString('utf8');
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}
