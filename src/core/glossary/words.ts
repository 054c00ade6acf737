// Splits text into words for glossary matching, in one pass, keeping UTF-16 offsets. A 1 MB news file
// has about 75,000 words, so they are kept as parallel arrays of offsets, and a `Word` object (with its
// folded forms) is made only for the few words a caller looks at closely; the matcher reads characters
// in place.
import { grown } from '../growable';

/** Folds a word for matching: lower case, ё → е, soft hyphens and stress marks removed. */
export function foldWord(word: string): string {
  let w = word;
  if (w.includes('\u00AD') || w.includes('\u0301')) w = w.replace(/[\u00AD\u0301]/g, '');
  w = w.toLowerCase();
  return w.includes('ё') ? w.replace(/ё/g, 'е') : w;
}

/** Folds ё and invisible marks but keeps case, for acronyms. */
export function foldExact(word: string): string {
  let w = word;
  if (w.includes('\u00AD') || w.includes('\u0301')) w = w.replace(/[\u00AD\u0301]/g, '');
  return w.includes('ё') || w.includes('Ё') ? w.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : w;
}

export class Word {
  private exactForm?: string;
  private foldedForm?: string;

  constructor(
    readonly source: string,
    readonly start: number,
    readonly end: number,
    /** The gap to the next word is spaces on the same line, or a single hyphen. */
    readonly joinsNext: boolean,
  ) {}

  /** As written, with ё → е and soft hyphens removed (case kept, for acronyms). */
  get exact(): string {
    return (this.exactForm ??= foldExact(this.source.slice(this.start, this.end)));
  }

  /** Lower-cased `exact`. */
  get folded(): string {
    return (this.foldedForm ??= foldWord(this.exact));
  }
}

const LETTER = /\p{L}|\p{N}/u;

// What each UTF-16 code is to the word splitter, worked out on first sight and remembered: every
// character of the text is classified, and a table read is much cheaper than the tests (and the
// regular expression) in `isWordChar`.
const WORD = 1;
const SPACE = 2;
const HYPHEN = 3;
const OTHER = 4;
const classes = new Uint8Array(0x10000);

// Small enough to be inlined into the splitting loops; most characters of Russian text are decided by the range test.
function classOf(c: number): number {
  return c >= 0x400 && c <= 0x4ff ? WORD : classes[c] || learnClass(c);
}

function learnClass(c: number): number {
  return (classes[c] = classify(c));
}

function classify(c: number): number {
  if (isWordChar(c)) return WORD;
  if (isSpace(c)) return SPACE;
  return isHyphen(c) ? HYPHEN : OTHER;
}

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
  if (c >= 0x400 && c <= 0x4ff) return true;
  if (c === 0xad || c === 0x301) return true;
  if (c <= 0xbf || (c >= 0x2000 && c <= 0x2bff) || (c >= 0xd800 && c <= 0xdfff)) return false;
  return LETTER.test(String.fromCharCode(c));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x2007 || c === 0x202f || c === 0x2009 || c === 0x200a;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

/**
 * The character code a text character folds to for matching: lower case, ё → е; -1 for characters
 * that are dropped (soft hyphen, stress mark).
 */
export function foldCode(c: number): number {
  if (c >= 0x430 && c <= 0x44f) return c;
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c === 0x451 || c === 0x401) return 0x435;
  if (c >= 0x61 && c <= 0x7a) return c;
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c === 0xad || c === 0x301) return -1;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c < 0x80) return c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** The words of a text: word `k` is `text.slice(starts[k], ends[k])`. */
export class WordList {
  private readonly made = new Map<number, Word>();

  constructor(
    readonly text: string,
    readonly length: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** 1 when the gap to the next word is spaces on the same line, or a single hyphen. */
    readonly joins: Uint8Array,
  ) {}

  /** Word `k` as an object (made once, on first use), or undefined past either end of the text. */
  word(k: number): Word | undefined {
    if (k < 0 || k >= this.length) return undefined;
    let w = this.made.get(k);
    if (w === undefined) this.made.set(k, (w = new Word(this.text, this.starts[k], this.ends[k], this.joins[k] === 1)));
    return w;
  }
}

export function listWords(text: string): WordList {
  const n = text.length;
  // Russian news averages seven characters a word with its gap: room for six, doubled when short.
  let capacity = Math.ceil(n / 6) + 16;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let joins = new Uint8Array(capacity);
  let count = 0;
  let i = 0;
  for (;;) {
    const start = wordStart(text, i);
    if (start === -1) break;
    i = wordEnd(text, start);
    if (count === capacity) {
      capacity *= 2;
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
      joins = grown(joins, capacity);
    }
    starts[count] = start;
    ends[count] = i;
    joins[count] = gapJoins(text, i) ? 1 : 0;
    count++;
  }
  return new WordList(text, count, starts, ends, joins);
}

/** Every word of a short text (a glossary phrase) as objects. */
export function splitWords(text: string): Word[] {
  const list = listWords(text);
  const words: Word[] = [];
  for (let k = 0; k < list.length; k++) words.push(list.word(k)!);
  return words;
}

// The character loops are functions of their own: small, called for every word, they are optimised
// early and stay so, whatever happens to the code of the long loop that calls them.
function wordStart(text: string, from: number): number {
  const n = text.length;
  for (let i = from; i < n; i++) if (classOf(text.charCodeAt(i)) === WORD) return i;
  return -1;
}

function wordEnd(text: string, from: number): number {
  const n = text.length;
  let i = from + 1;
  while (i < n && classOf(text.charCodeAt(i)) === WORD) i++;
  return i;
}

function gapJoins(text: string, from: number): boolean {
  let i = from;
  const n = text.length;
  if (i >= n) return false;
  const c = classOf(text.charCodeAt(i));
  if (c === HYPHEN) return i + 1 < n && classOf(text.charCodeAt(i + 1)) === WORD;
  // A line break ends a phrase: news text has one paragraph (or the title) per line.
  if (c !== SPACE) return false;
  while (i < n && classOf(text.charCodeAt(i)) === SPACE) i++;
  return i < n && classOf(text.charCodeAt(i)) === WORD;
}
