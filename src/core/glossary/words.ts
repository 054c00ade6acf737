// Splits text into words for glossary matching, in one pass, keeping UTF-16 offsets. Folded forms are
// computed only for the few words a caller looks at closely; the matcher reads characters in place.

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

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && isWordChar(text.charCodeAt(i))) i++;
    words.push(new Word(text, start, i, gapJoins(text, i)));
  }
  return words;
}

function gapJoins(text: string, from: number): boolean {
  let i = from;
  const n = text.length;
  if (i < n && isHyphen(text.charCodeAt(i))) return i + 1 < n && isWordChar(text.charCodeAt(i + 1));
  // A line break ends a phrase: news text has one paragraph (or the title) per line.
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  return i > from && i < n && isWordChar(text.charCodeAt(i));
}
