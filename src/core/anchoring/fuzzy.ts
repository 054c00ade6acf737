// Approximate search for a tag whose exact text is gone: seeds from a q-gram index pick a few
// candidate places, and a semi-global edit distance (Sellers) measures each one.

const Q = 6;
const MAX_CHAIN = 4000;
const MAX_SEED_HITS = 200;

/** A hash-chained index of every q-gram of a (folded) text, built once per re-anchoring pass. */
export class GramIndex {
  readonly q = Q;
  private readonly head: Int32Array;
  /** How many positions share each hash bucket: a cheap upper bound on a gram's frequency. */
  private readonly counts: Uint32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(readonly text: string) {
    let size = 1 << 10;
    while (size < text.length && size < 1 << 22) size <<= 1;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(Math.max(0, text.length)).fill(-1);
    this.counts = new Uint32Array(size);
    // Walk backwards so each chain lists positions in ascending order.
    for (let i = text.length - Q; i >= 0; i--) {
      const h = this.hashAt(text, i);
      this.next[i] = this.head[h];
      this.head[h] = i;
      this.counts[h]++;
    }
  }

  private hashAt(s: string, at: number): number {
    let h = 0;
    for (let k = 0; k < Q; k++) h = (Math.imul(h, 31) + s.charCodeAt(at + k)) | 0;
    return (h ^ (h >>> 15)) & this.mask;
  }

  /** The offset in `needle` (at least q long) of its least frequent q-gram, among a few tried. */
  rarestGram(needle: string): number {
    const last = needle.length - Q;
    const step = Math.max(1, Math.floor(last / 15));
    let best = 0;
    let bestCount = Infinity;
    for (let k = 0; k <= last; k += step) {
      const n = this.counts[this.hashAt(needle, k)];
      if (n < bestCount) {
        bestCount = n;
        best = k;
      }
    }
    return best;
  }

  /** Positions where `gram` (exactly q units long) occurs, at most `limit`; `complete` if that is all. */
  positions(gram: string, limit = MAX_CHAIN): { positions: number[]; complete: boolean } {
    const out: number[] = [];
    let steps = 0;
    let p = this.head[this.hashAt(gram, 0)];
    for (; p !== -1 && steps < MAX_CHAIN && out.length < limit; p = this.next[p], steps++) {
      if (this.text.startsWith(gram, p)) out.push(p);
    }
    return { positions: out, complete: p === -1 };
  }
}

export interface Alignment {
  /** Where the best match starts and ends in the searched text. */
  readonly start: number;
  readonly end: number;
  /** Edits (insertions, deletions, substitutions) between the pattern and that stretch. */
  readonly distance: number;
}

/**
 * The stretch of `text[from, to)` closest to `pattern` by edit distance, pattern matched whole
 * and the stretch anywhere (Sellers). Ties go to the stretch nearest `prefer`.
 */
export function alignWithin(pattern: string, text: string, from: number, to: number, prefer = from): Alignment | undefined {
  from = Math.max(0, from);
  to = Math.min(text.length, to);
  const m = pattern.length;
  const w = to - from;
  if (m === 0 || w <= 0) return undefined;
  let prevCost = new Int32Array(w + 1);
  let prevStart = new Int32Array(w + 1);
  let cost = new Int32Array(w + 1);
  let start = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) prevStart[j] = j;
  for (let i = 1; i <= m; i++) {
    const pc = pattern.charCodeAt(i - 1);
    cost[0] = i;
    start[0] = 0;
    for (let j = 1; j <= w; j++) {
      let c = prevCost[j - 1] + (text.charCodeAt(from + j - 1) === pc ? 0 : 1);
      let s = prevStart[j - 1];
      const up = prevCost[j] + 1;
      if (up < c) {
        c = up;
        s = prevStart[j];
      }
      const left = cost[j - 1] + 1;
      if (left < c) {
        c = left;
        s = start[j - 1];
      }
      cost[j] = c;
      start[j] = s;
    }
    [prevCost, cost] = [cost, prevCost];
    [prevStart, start] = [start, prevStart];
  }
  let best = -1;
  for (let j = 1; j <= w; j++) {
    if (
      best === -1 ||
      prevCost[j] < prevCost[best] ||
      (prevCost[j] === prevCost[best] && Math.abs(from + prevStart[j] - prefer) < Math.abs(from + prevStart[best] - prefer))
    ) {
      best = j;
    }
  }
  return { start: from + prevStart[best], end: from + best, distance: prevCost[best] };
}

/**
 * Finds the best approximate occurrence of `pattern` in the indexed text: q-grams of the pattern
 * vote for where it would start, and the few best-voted places are measured exactly.
 */
export function approximateFind(pattern: string, index: GramIndex, expected: number, maxCandidates = 4): Alignment | undefined {
  const q = index.q;
  if (pattern.length < q) return undefined;
  const bucketSize = Math.max(16, pattern.length >> 2);
  const votes = new Map<number, number>();
  for (let k = 0; k + q <= pattern.length; k += q) {
    for (const p of index.positions(pattern.slice(k, k + q), MAX_SEED_HITS).positions) {
      const bucket = Math.floor((p - k) / bucketSize);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }
  if (votes.size === 0) return undefined;
  const ranked = [...votes.entries()]
    .map(([bucket, n]) => ({ bucket, n: n + (votes.get(bucket - 1) ?? 0) / 2 + (votes.get(bucket + 1) ?? 0) / 2 }))
    .sort((a, b) => b.n - a.n || Math.abs(a.bucket * bucketSize - expected) - Math.abs(b.bucket * bucketSize - expected))
    .slice(0, maxCandidates);
  const slack = Math.ceil(pattern.length * 0.4) + bucketSize;
  let best: Alignment | undefined;
  for (const { bucket } of ranked) {
    const at = bucket * bucketSize;
    const found = alignWithin(pattern, index.text, at - slack, at + pattern.length + slack, expected);
    if (found && (!best || found.distance < best.distance)) best = found;
  }
  return best;
}
