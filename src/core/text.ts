// Text helpers shared by the analysis, glossary and anchoring code. Pure; no 'vscode'.
import type { ArticleHeader } from './analysis/types';

const HEADER = /^\uFEFF? date (\d{4}-\d{2}-\d{2})[ \t]+([^\r\n]*)/;

/** The header line ` date YYYY-MM-DD Title`, when the text starts with one. */
export function parseHeader(text: string): ArticleHeader | undefined {
  const m = HEADER.exec(text);
  if (!m) return undefined;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { date: m[1], title: m[2].trimEnd(), start, end: m[0].length };
}

/** True when the first line of a document is a news header. */
export function isNewsHeader(firstLine: string): boolean {
  return HEADER.test(firstLine);
}

/**
 * Folds a string for comparison: ё→е, NBSP and other spaces → space, soft hyphens removed,
 * CRLF → LF, lower case. Returns the folded string and, for each folded UTF-16 unit, the
 * offset in the original string it came from (plus one trailing entry for the end).
 */
export function foldForMatch(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\u00AD') continue;
    if (c === '\r' && text[i + 1] === '\n') continue;
    let f: string;
    if (c === 'ё') f = 'е';
    else if (c === 'Ё') f = 'е';
    else if (c === '\u00A0' || c === '\u2007' || c === '\u202F' || c === '\t') f = ' ';
    else f = c.toLowerCase();
    // toLowerCase of a single BMP unit stays one unit for Cyrillic and Latin; guard anyway.
    if (f.length !== 1) f = c;
    folded += f;
    map.push(i);
  }
  map.push(text.length);
  return { folded, map };
}

/** UTF-16 offset → Unicode code point offset. */
export function toCodePointOffset(text: string, utf16: number): number {
  let cp = 0;
  for (let i = 0; i < utf16 && i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < utf16) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return cp;
}

/** Unicode code point offset → UTF-16 offset (clamped to the text). */
export function fromCodePointOffset(text: string, codePoints: number): number {
  let i = 0;
  for (let cp = 0; cp < codePoints && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i;
}

/** Converts many UTF-16 offsets to code points in one pass (offsets need not be sorted). */
export function codePointConverter(text: string): (utf16: number) => number {
  // Fast path: no surrogates, offsets agree.
  if (!/[\uD800-\uDFFF]/.test(text)) return (o) => o;
  const prefix = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800)) cp++;
  }
  prefix[text.length] = cp;
  return (o) => prefix[Math.max(0, Math.min(o, text.length))];
}
