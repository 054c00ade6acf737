// The compiled form of a glossary: finds the longest phrase starting at any word in one linear pass.
// Two tries: one over the characters of word stems (so a text word is matched to every glossary word
// it can be an inflected form of, by walking its letters once) and one over sequences of those words.
import { ACRONYM_ENDINGS, type WordPattern, type WordShape } from './morphology';
import { foldCode, type Word } from './words';

interface CharNode {
  next?: Map<number, CharNode>;
  shapes?: { endings: ReadonlySet<string>; longest: number; id: number }[];
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

export class PhraseIndex {
  private readonly stems: CharNode = {};
  private readonly exactWords = new Map<string, number>();
  private readonly patternIds = new Map<string, number>();
  private readonly phrases: PhraseNode = {};

  /** Marks a single word so that `wordIds` reports `-(tag + 1)` for its forms (never part of a phrase). */
  mark(pattern: WordPattern, tag: number): void {
    if ('exact' in pattern) return;
    this.addShapes(pattern, -(tag + 1));
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
    if ('exact' in p) this.exactWords.set(p.exact, id);
    else this.addShapes(p, id);
    return id;
  }

  private addShapes(p: { shapes: readonly WordShape[] }, id: number): void {
    {
      for (const shape of p.shapes) {
        let node = this.stems;
        for (let i = 0; i < shape.stem.length; i++) {
          const c = shape.stem.charCodeAt(i);
          node.next ??= new Map();
          let child = node.next.get(c);
          if (!child) node.next.set(c, (child = {}));
          node = child;
        }
        (node.shapes ??= []).push({ endings: shape.endings, longest: longestEnding(shape.endings), id });
      }
    }
  }

  /** Ids of every glossary word this text word can be a form of. */
  wordIds(word: Word): readonly number[] {
    let ids: number[] | undefined;
    const text = word.source;
    // Acronyms are looked up as written; only a capital followed by another capital can be one.
    if (this.exactWords.size > 0 && word.end - word.start >= 2 && isUpper(text.charCodeAt(word.start)) && hasUpperAfterFirst(text, word.start, word.end)) {
      const exact = word.exact;
      let id = this.exactWords.get(exact);
      if (id === undefined) {
        // An inflected acronym: `МИДа`, `МИДом`.
        let cut = exact.length;
        while (cut > 0 && !isUpper(exact.charCodeAt(cut - 1))) cut--;
        if (cut >= 2 && cut < exact.length && ACRONYM_ENDINGS.has(exact.slice(cut))) id = this.exactWords.get(exact.slice(0, cut));
      }
      if (id !== undefined) ids = [id];
    }
    // Walk the stems trie over the word's folded characters, in place.
    let node: CharNode | undefined = this.stems;
    let i = word.start;
    for (;;) {
      if (node.shapes) {
        let rest: string | undefined;
        for (const s of node.shapes) {
          // Most words run far past a short stem (`в`, `по`): skip them before building the ending.
          if (word.end - i > s.longest + 2) continue;
          rest ??= i >= word.end ? '' : foldRest(text, i, word.end);
          if (s.endings.has(rest)) {
            ids ??= [];
            if (!ids.includes(s.id)) ids.push(s.id);
          }
        }
      }
      if (i >= word.end || !node.next) break;
      let c = foldCode(text.charCodeAt(i++));
      while (c === -1 && i < word.end) c = foldCode(text.charCodeAt(i++));
      if (c === -1) break;
      node = node.next.get(c);
      if (!node) break;
    }
    return ids ?? NO_IDS;
  }

  /**
   * The longest glossary phrase that starts at `words[start]`, if any. `idsOf` lets a caller that
   * has already looked every word up pass the results in.
   */
  longestAt(words: readonly Word[], start: number, idsOf: (i: number) => readonly number[] = (i) => this.wordIds(words[i])): PhraseMatch | undefined {
    const first = idsOf(start);
    if (first.length === 0) return undefined;
    let best: PhraseMatch | undefined;
    const walk = (node: PhraseNode, i: number, ids: readonly number[]): void => {
      for (const id of ids) {
        const child = node.next?.get(id);
        if (!child) continue;
        if (child.payloads && (!best || i > best.last)) best = { last: i, payloads: child.payloads };
        if (child.next && words[i].joinsNext && i + 1 < words.length) walk(child, i + 1, idsOf(i + 1));
      }
    };
    walk(this.phrases, start, first);
    return best;
  }
}

const NO_IDS: readonly number[] = [];

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

function isUpper(c: number): boolean {
  return (c >= 0x410 && c <= 0x42f) || c === 0x401 || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function hasUpperAfterFirst(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (isUpper(text.charCodeAt(i))) return true;
  return false;
}

function foldRest(text: string, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c !== -1) s += String.fromCharCode(c);
  }
  return s;
}
