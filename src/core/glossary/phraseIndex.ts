// The compiled form of a glossary: finds the longest phrase starting at any word in one linear pass.
// Two tries: one over the characters of word stems (so a text word is matched to every glossary word
// it can be an inflected form of, by walking its letters once) and one over sequences of those words.
// The character tries are flat tables and endings are numbers, so looking a word up makes no string:
// every word of the text goes through here, and most of them match nothing.
import { ACRONYM_ENDINGS, type WordPattern, type WordShape } from './morphology';
import { foldCode, listWords, type WordList } from './words';

interface Shape {
  endings: ReadonlySet<number>;
  /** Characters in the longest ending. */
  longest: number;
  id: number;
}

interface PhraseNode {
  next?: Map<number, PhraseNode>;
  /** Payloads of the phrases that end here, in the order they were added. */
  payloads?: number[];
}

export interface PhraseMatch {
  /** Index of the last word of the match (inclusive). */
  last: number;
  payloads: readonly number[];
}

/** The glossary word ids of each word of a text: word `k` has `pool[from[k]]` up to `pool[from[k + 1]]` (exclusive). */
export interface WordIds {
  readonly from: Int32Array;
  readonly pool: Int32Array;
}

/** Folded Cyrillic letters (`а` … `я`; `ё` folds to `е`) have a slot per trie node; other characters go through a map. */
const CYRILLIC_FIRST = 0x430;
const CYRILLIC_SLOTS = 32;

export class PhraseIndex {
  // Stem trie over folded characters; node 0 is the root. A child is stored as its index + 1 (0: none).
  private cyrillicChild = new Int32Array(CYRILLIC_SLOTS * 256);
  private readonly otherChild = new Map<number, number>();
  private readonly shapesAt: (Shape[] | undefined)[] = [undefined];
  // Case-sensitive words (acronyms) in a trie over characters as written (ё folded), keyed `node * 0x10000 + code`.
  private readonly exactChild = new Map<number, number>();
  private readonly exactIdAt: number[] = [-1];
  private readonly patternIds = new Map<string, number>();
  private readonly phrases: PhraseNode = {};

  /** Marks a single word so that its forms get the id `-(tag + 1)` (never part of a phrase). */
  mark(pattern: WordPattern, tag: number): void {
    if ('exact' in pattern) return;
    this.addShapes(pattern.shapes, -(tag + 1));
  }

  add(patterns: readonly WordPattern[], payload: number): void {
    let node = this.phrases;
    for (const p of patterns) {
      const id = this.patternId(p);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = {}));
      node = child;
    }
    (node.payloads ??= []).push(payload);
  }

  private patternId(p: WordPattern): number {
    const key = 'exact' in p ? '=' + p.exact : p.key;
    let id = this.patternIds.get(key);
    if (id !== undefined) return id;
    id = this.patternIds.size;
    this.patternIds.set(key, id);
    if ('exact' in p) this.addExact(p.exact, id);
    else this.addShapes(p.shapes, id);
    return id;
  }

  private addExact(word: string, id: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * 0x10000 + word.charCodeAt(i);
      let child = this.exactChild.get(key);
      if (child === undefined) {
        child = this.exactIdAt.length;
        this.exactIdAt.push(-1);
        this.exactChild.set(key, child);
      }
      node = child;
    }
    if (this.exactIdAt[node] === -1) this.exactIdAt[node] = id;
  }

  private addShapes(shapes: readonly WordShape[], id: number): void {
    for (const shape of shapes) {
      let node = 0;
      for (let i = 0; i < shape.stem.length; i++) {
        const c = shape.stem.charCodeAt(i);
        let child = this.child(node, c);
        if (child === -1) child = this.newChild(node, c);
        node = child;
      }
      (this.shapesAt[node] ??= []).push({ endings: endingKeys(shape.endings), longest: longestEnding(shape.endings), id });
    }
  }

  private child(node: number, c: number): number {
    const slot = c - CYRILLIC_FIRST;
    if (slot >= 0 && slot < CYRILLIC_SLOTS) return this.cyrillicChild[node * CYRILLIC_SLOTS + slot] - 1;
    return this.otherChild.get(node * 0x10000 + c) ?? -1;
  }

  private newChild(node: number, c: number): number {
    const child = this.shapesAt.length;
    this.shapesAt.push(undefined);
    // Every node has its slots, so that reading a child never runs past the table.
    if ((child + 1) * CYRILLIC_SLOTS > this.cyrillicChild.length) {
      const grown = new Int32Array(this.cyrillicChild.length * 2);
      grown.set(this.cyrillicChild);
      this.cyrillicChild = grown;
    }
    const slot = c - CYRILLIC_FIRST;
    if (slot >= 0 && slot < CYRILLIC_SLOTS) this.cyrillicChild[node * CYRILLIC_SLOTS + slot] = child + 1;
    else this.otherChild.set(node * 0x10000 + c, child);
    return child;
  }

  /** The words of `text`, each with the ids of every glossary word it can be a form of. */
  lookUp(text: string): { words: WordList; ids: WordIds } {
    const words = listWords(text);
    const from = new Int32Array(words.length + 1);
    const pool = new IntList((words.length >> 2) + 16);
    for (let k = 0; k < words.length; k++) {
      from[k] = pool.length;
      this.wordIds(text, words.starts[k], words.ends[k], pool);
    }
    from[words.length] = pool.length;
    return { words, ids: { from, pool: pool.items } };
  }

  /** Appends the ids of the word `text.slice(start, end)` to `out`. */
  private wordIds(text: string, start: number, end: number, out: IntList): void {
    const first = out.length;
    // Acronyms are looked up as written; only a capital followed by another capital can be one.
    if (this.exactIdAt.length > 1 && end - start >= 2 && isUpper(text.charCodeAt(start)) && hasUpperAfterFirst(text, start, end)) {
      const id = this.exactId(text, start, end);
      if (id !== -1) out.push(id);
    }
    // Walk the stem trie over the word's folded characters, in place.
    let node = 0;
    let i = start;
    for (;;) {
      const shapes = this.shapesAt[node];
      if (shapes !== undefined) {
        let rest = -2;
        for (const s of shapes) {
          // Most words run far past a short stem (`в`, `по`): skip them before reading the ending.
          if (end - i > s.longest + 2) continue;
          if (rest === -2) rest = endingKey(text, i, end);
          if (s.endings.has(rest) && !out.has(s.id, first)) out.push(s.id);
        }
      }
      if (i >= end) break;
      const raw = text.charCodeAt(i++);
      // Cyrillic letters, lower and upper case, go straight to their slot.
      if (raw >= 0x430 && raw <= 0x44f) node = this.cyrillicChild[node * CYRILLIC_SLOTS + raw - 0x430] - 1;
      else if (raw >= 0x410 && raw <= 0x42f) node = this.cyrillicChild[node * CYRILLIC_SLOTS + raw - 0x410] - 1;
      else {
        let c = foldCode(raw);
        while (c === -1 && i < end) c = foldCode(text.charCodeAt(i++));
        if (c === -1) break;
        node = this.child(node, c);
      }
      if (node === -1) break;
    }
  }

  /** The id of an acronym as written, also inflected (`МИДа`, `МИДом`); -1 when there is none. */
  private exactId(text: string, start: number, end: number): number {
    let node = 0;
    let length = 0;
    // Where the last capital letter (or digit) ends: an inflected acronym's ending comes after it.
    let cutNode = -1;
    let cutLength = 0;
    let cutAt = start;
    for (let i = start; i < end; i++) {
      const c = foldExactCode(text.charCodeAt(i));
      if (c === -1) continue;
      length++;
      if (node !== -1) node = this.exactChild.get(node * 0x10000 + c) ?? -1;
      if (isUpper(c)) {
        cutNode = node;
        cutLength = length;
        cutAt = i + 1;
      }
    }
    if (node !== -1 && this.exactIdAt[node] !== -1) return this.exactIdAt[node];
    if (cutNode === -1 || this.exactIdAt[cutNode] === -1 || cutLength < 2 || cutLength >= length) return -1;
    let ending = '';
    for (let i = cutAt; i < end; i++) {
      const c = foldExactCode(text.charCodeAt(i));
      if (c !== -1) ending += String.fromCharCode(c);
    }
    return ACRONYM_ENDINGS.has(ending) ? this.exactIdAt[cutNode] : -1;
  }

  /** The longest glossary phrase that starts at word `start`, if any. */
  longestAt(words: WordList, ids: WordIds, start: number): PhraseMatch | undefined {
    // One word in five has ids, mostly prepositions that start no phrase: turn them away first.
    const roots = this.phrases.next;
    if (!roots) return undefined;
    let starts = false;
    for (let p = ids.from[start]; p < ids.from[start + 1] && !starts; p++) starts = roots.has(ids.pool[p]);
    if (!starts) return undefined;
    const found: { best?: PhraseMatch } = {};
    this.walk(words, ids, this.phrases, start, found);
    return found.best;
  }

  private walk(words: WordList, ids: WordIds, node: PhraseNode, i: number, found: { best?: PhraseMatch }): void {
    for (let p = ids.from[i]; p < ids.from[i + 1]; p++) {
      const child = node.next?.get(ids.pool[p]);
      if (!child) continue;
      if (child.payloads && (!found.best || i > found.best.last)) found.best = { last: i, payloads: child.payloads };
      if (child.next && words.joins[i] === 1 && i + 1 < words.length) this.walk(words, ids, child, i + 1, found);
    }
  }
}

/** A growing list of integers. */
class IntList {
  length = 0;
  items: Int32Array;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = x;
  }

  /** Whether `x` is among the items from position `from` on. */
  has(x: number, from: number): boolean {
    for (let p = from; p < this.length; p++) if (this.items[p] === x) return true;
    return false;
  }
}

// Endings are short runs of Cyrillic letters: each is read as a number in base 33 (digits 1–32 for
// а…я), exact up to 10 letters, so a text word's ending is compared without making a string.
const ENDING_BASE = 33;
const ENDING_MAX = 10;
const NO_ENDING = -1;

function endingKey(text: string, from: number, to: number): number {
  let key = 0;
  let letters = 0;
  for (let i = from; i < to; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c === -1) continue;
    const digit = c - CYRILLIC_FIRST + 1;
    if (digit < 1 || digit > CYRILLIC_SLOTS || ++letters > ENDING_MAX) return NO_ENDING;
    key = key * ENDING_BASE + digit;
  }
  return key;
}

const keysOf = new WeakMap<ReadonlySet<string>, ReadonlySet<number>>();
function endingKeys(endings: ReadonlySet<string>): ReadonlySet<number> {
  let keys = keysOf.get(endings);
  if (keys === undefined) {
    const made = new Set<number>();
    for (const e of endings) {
      const key = endingKey(e, 0, e.length);
      // An ending that cannot be a number (not Cyrillic, too long) could never match a text word's.
      if (key !== NO_ENDING) made.add(key);
    }
    keysOf.set(endings, (keys = made));
  }
  return keys;
}

const longest = new WeakMap<ReadonlySet<string>, number>();
function longestEnding(endings: ReadonlySet<string>): number {
  let n = longest.get(endings);
  if (n === undefined) {
    n = 0;
    for (const e of endings) n = Math.max(n, e.length);
    longest.set(endings, n);
  }
  return n;
}

/** Folds `ё` and drops invisible marks, keeping case (acronyms); -1 for a dropped character. */
function foldExactCode(c: number): number {
  if (c === 0x451) return 0x435;
  if (c === 0x401) return 0x415;
  if (c === 0xad || c === 0x301) return -1;
  return c;
}

function isUpper(c: number): boolean {
  return (c >= 0x410 && c <= 0x42f) || c === 0x401 || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function hasUpperAfterFirst(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (isUpper(text.charCodeAt(i))) return true;
  return false;
}
