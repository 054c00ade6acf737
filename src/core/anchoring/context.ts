// The context kept beside each tag: a few code points either side, enough to tell apart two
// occurrences of the same phrase without making the sidecar hard to read.

export const CONTEXT_LENGTH = 32;

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** UTF-16 offset `count` code points before `at` (never splitting a surrogate pair). */
export function codePointsBack(text: string, at: number, count: number): number {
  let i = Math.min(at, text.length);
  for (let n = 0; n < count && i > 0; n++) {
    i--;
    if (i > 0 && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) i--;
  }
  return i;
}

/** UTF-16 offset `count` code points after `at`. */
export function codePointsForward(text: string, at: number, count: number): number {
  let i = Math.max(0, at);
  for (let n = 0; n < count && i < text.length; n++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** The context either side of [start, end) in `text`. */
export function contextAround(text: string, start: number, end: number, length = CONTEXT_LENGTH): { before: string; after: string } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { before: text.slice(codePointsBack(text, s, length), s), after: text.slice(e, codePointsForward(text, e, length)) };
}

/** The folded form of a string alone (see `foldForMatch`). */
export function fold(text: string): string {
  return foldDocument(text).folded;
}

function bigramDice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  // Contexts are at most a few dozen units: a sorted list of bigram codes beats a Map.
  const codes = (s: string) => {
    const out = new Float64Array(s.length - 1);
    for (let i = 0; i + 1 < s.length; i++) out[i] = s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);
    return out.sort();
  };
  const x = codes(a);
  const y = codes(b);
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}

/**
 * How well two folded contexts agree, 0..1. `nearEnd` says which end sits against the tag: the
 * characters next to the tag count most (common affix), a loose bigram likeness covers the rest.
 */
export function contextLikeness(expected: string, actual: string, nearEnd: 'start' | 'end'): number {
  if (expected === actual) return 1;
  if (expected.length === 0) return 0.75;
  let common = 0;
  const n = Math.min(expected.length, actual.length);
  if (nearEnd === 'end') {
    while (common < n && expected[expected.length - 1 - common] === actual[actual.length - 1 - common]) common++;
  } else {
    while (common < n && expected[common] === actual[common]) common++;
  }
  return 0.5 * (common / expected.length) + 0.5 * bigramDice(expected, actual);
}

const lowerCache = new Map<number, number>();
const decoder = new TextDecoder('utf-16le');

function lowerUnit(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 32 : c;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x430 && c <= 0x44f) return c;
  let l = lowerCache.get(c);
  if (l === undefined) {
    const s = String.fromCharCode(c).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : c;
    lowerCache.set(c, l);
  }
  return l;
}

/**
 * The same folding as `foldForMatch`, built for whole documents: typed arrays instead of string
 * concatenation, so a 1 MB text folds in a few milliseconds.
 */
export function foldDocument(text: string): { folded: string; map: Int32Array } {
  const n = text.length;
  const units = new Uint16Array(n);
  const map = new Int32Array(n + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c === 0xad) continue;
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x451 || c === 0x401) c = 0x435;
    else if (c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x09) c = 0x20;
    else c = lowerUnit(c);
    units[k] = c;
    map[k++] = i;
  }
  map[k] = n;
  let folded = '';
  if (k < 2048) folded = String.fromCharCode.apply(null, units.subarray(0, k) as unknown as number[]);
  else folded = decoder.decode(units.subarray(0, k));
  return { folded, map: map.subarray(0, k + 1) };
}
