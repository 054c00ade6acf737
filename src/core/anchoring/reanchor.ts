// Finding tags again after the text changed outside the editor (git, another editor, a merge):
// at their offsets first, then by their exact text and context, then approximately. A weak match
// is only proposed (doubtful), never silently taken; no match leaves the tag orphaned, kept.
import type { ProposedAnchor, Tag, TagStatus } from '../tags/types';
import { contextAround, contextLikeness, fold, foldDocument } from './context';
import { GramIndex, alignWithin, approximateFind } from './fuzzy';

export interface AnchorResult {
  readonly id: string;
  readonly status: TagStatus;
  /** UTF-16 offsets where the tag now is (its last offsets when doubtful or orphaned). */
  readonly start: number;
  readonly end: number;
  /** For a doubtful tag, the match offered to the user. */
  readonly proposed?: ProposedAnchor;
}

export interface ReanchorOptions {
  /** Least likeness (0..1) of a fuzzy match's text to the tag's text to be proposed at all. */
  readonly minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.6;
const LONG_TEXT = 240;
const PART = 100;

/** The folded text with maps both ways, shared by every tag of one pass. */
class FoldedText {
  readonly folded: string;
  /** folded index → original index (one extra entry for the end). */
  readonly toOriginal: Int32Array;
  /** original index → folded index of the first folded unit at or after it. */
  readonly toFolded: Int32Array;
  private index: GramIndex | undefined;

  constructor(readonly original: string) {
    const f = foldDocument(original);
    this.folded = f.folded;
    this.toOriginal = f.map;
    this.toFolded = new Int32Array(original.length + 1);
    let j = 0;
    for (let i = 0; i <= original.length; i++) {
      while (j < this.folded.length && f.map[j] < i) j++;
      this.toFolded[i] = j;
    }
  }

  grams(): GramIndex {
    return (this.index ??= new GramIndex(this.folded));
  }

  /** The original span a folded span came from. */
  span(foldedStart: number, foldedEnd: number): { start: number; end: number } {
    const start = this.toOriginal[foldedStart];
    const end = foldedEnd > foldedStart ? this.toOriginal[foldedEnd - 1] + 1 : start;
    return { start, end };
  }

  foldedAt(original: number): number {
    return this.toFolded[Math.max(0, Math.min(original, this.original.length))];
  }
}

function textAt(text: string, start: number, end: number): string | undefined {
  return start >= 0 && end <= text.length && start <= end ? text.slice(start, end) : undefined;
}

function contextScore(ft: FoldedText, fs: number, fe: number, before: string, after: string): number {
  const b = ft.folded.slice(Math.max(0, fs - before.length), fs);
  const a = ft.folded.slice(fe, fe + after.length);
  return (contextLikeness(before, b, 'end') + contextLikeness(after, a, 'start')) / 2;
}

const WINDOWS = [2_000, 32_000, 512_000, Infinity];
const MAX_OCCURRENCES = 5_000;
/** How much being far from the old place costs a candidate, at most, against context likeness. */
const DISTANCE_WEIGHT = 0.5;
const DISTANCE_SCALE = 20_000;
const GOOD_ENOUGH = 0.75;

/**
 * Best exact (folded) occurrence of a tag's text: the best context wins, and among near-equal ones
 * the nearest to where the tag was (`origin`). `guess` is where a shift seen on earlier tags puts
 * it; it is only a candidate, so one wrong guess cannot drag later tags into a repeated passage.
 */
function findExact(ft: FoldedText, needle: string, before: string, after: string, origin: number, guess?: number): number | undefined {
  const hay = ft.folded;
  let best: { at: number; score: number } | undefined;
  const seen = new Set<number>();
  const consider = (at: number) => {
    if (seen.has(at)) return;
    seen.add(at);
    const ctx = contextScore(ft, at, at + needle.length, before, after);
    const score = ctx - DISTANCE_WEIGHT * Math.min(1, Math.abs(at - origin) / DISTANCE_SCALE);
    if (!best || score > best.score) best = { at, score };
  };
  const good = () => (best?.score ?? -1) >= GOOD_ENOUGH;
  const scan = (from: number, to: number) => {
    from = Math.max(0, from);
    to = Math.min(hay.length, to);
    if (to - from < needle.length) return;
    // Search a slice, so a phrase that is not there costs the window, not the rest of the text.
    const window = from === 0 && to === hay.length ? hay : hay.slice(from, to);
    for (let at = window.indexOf(needle); at !== -1 && seen.size < MAX_OCCURRENCES; at = window.indexOf(needle, at + 1)) consider(from + at);
  };
  if (guess !== undefined && hay.startsWith(needle, guess)) consider(guess);
  scan(origin - WINDOWS[0], origin + WINDOWS[0] + needle.length);
  if (good()) return best?.at;
  if (guess !== undefined) scan(guess - WINDOWS[0], guess + WINDOWS[0] + needle.length);
  if (good()) return best?.at;
  const grams = ft.grams();
  if (needle.length >= grams.q) {
    const offset = grams.rarestGram(needle);
    const hits = grams.positions(needle.slice(offset, offset + grams.q), MAX_OCCURRENCES);
    for (const at of hits.positions) if (at >= offset && hay.startsWith(needle, at - offset)) consider(at - offset);
    if (hits.complete) return best?.at;
  }
  // A very common phrase: widen the window step by step instead of listing every occurrence.
  for (const radius of WINDOWS.slice(1)) {
    scan(origin - radius, origin + radius + needle.length);
    if (good() || seen.size >= MAX_OCCURRENCES) break;
  }
  return best?.at;
}

/** Approximate place of `pattern` near `expected` first, then anywhere by q-gram votes. */
function locate(ft: FoldedText, pattern: string, expected: number, enough: number) {
  const radius = pattern.length * 2 + 64;
  const near = alignWithin(pattern, ft.folded, expected - radius, expected + pattern.length + radius, expected);
  if (near && 1 - near.distance / pattern.length >= enough) return near;
  const far = approximateFind(pattern, ft.grams(), expected);
  if (!near) return far;
  if (!far) return near;
  return far.distance < near.distance ? far : near;
}

/** A fuzzy match for a tag, in folded offsets, with its likeness to the tag's text. */
function findApproximate(
  ft: FoldedText,
  needle: string,
  before: string,
  after: string,
  expected: number,
): { start: number; end: number; score: number } | undefined {
  const hay = ft.folded;
  if (needle.length <= LONG_TEXT) {
    const whole = locate(ft, before + needle + after, Math.max(0, expected - before.length), 0.8);
    if (!whole) return undefined;
    const total = before.length + needle.length + after.length;
    if (1 - whole.distance / total < 0.5) return undefined;
    const inner = alignWithin(needle, hay, whole.start, whole.end, whole.start + before.length);
    if (!inner || inner.end <= inner.start) return undefined;
    return { start: inner.start, end: inner.end, score: 1 - inner.distance / needle.length };
  }
  // A long quotation: find its opening and its closing words separately.
  const head = needle.slice(0, PART);
  const tail = needle.slice(-PART);
  const headZone = locate(ft, before + head, Math.max(0, expected - before.length), 0.8);
  if (!headZone) return undefined;
  const headAt = alignWithin(head, hay, headZone.start, headZone.end, headZone.start + before.length);
  if (!headAt) return undefined;
  const tailZone = locate(ft, tail + after, headAt.start + needle.length - PART, 0.8);
  if (!tailZone) return undefined;
  const tailAt = alignWithin(tail, hay, tailZone.start, tailZone.end, tailZone.start);
  if (!tailAt || tailAt.end <= headAt.start) return undefined;
  const length = tailAt.end - headAt.start;
  if (length < needle.length / 2 || length > needle.length * 2) return undefined;
  const score = 1 - (headAt.distance + tailAt.distance) / (2 * PART);
  return { start: headAt.start, end: tailAt.end, score: score * Math.min(1, Math.min(length, needle.length) / Math.max(length, needle.length) + 0.25) };
}

/**
 * Re-anchors tags against a new text. Returns every tag (none is ever dropped) and a result per
 * tag. Tags are visited in position order so a shift found for one tag is tried first for the next.
 */
export function reanchor(tags: readonly Tag[], text: string, options: ReanchorOptions = {}): { tags: Tag[]; results: AnchorResult[] } {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  let ft: FoldedText | undefined;
  const folded = () => (ft ??= new FoldedText(text));
  const order = tags.map((_, i) => i).sort((a, b) => tags[a].start - tags[b].start || tags[a].end - tags[b].end);
  const outTags: Tag[] = new Array(tags.length);
  const results: AnchorResult[] = new Array(tags.length);
  let shift = 0;

  const anchorAt = (i: number, start: number, end: number, status: 'anchored' | 'moved') => {
    const tag = tags[i];
    const { status: _s, proposed: _p, ...rest } = tag;
    void _s;
    void _p;
    const current = text.slice(start, end);
    const ctx = contextAround(text, start, end);
    const same = !tag.status && tag.start === start && tag.end === end && tag.text === current && tag.before === ctx.before && tag.after === ctx.after;
    outTags[i] = same ? tag : { ...rest, start, end, text: current, ...ctx };
    results[i] = { id: tag.id, status, start, end };
  };

  for (const i of order) {
    const tag = tags[i];
    const fitsAt = (start: number, end: number): boolean => {
      const there = textAt(text, start, end);
      return tag.text.length > 0 && there !== undefined && (there === tag.text || fold(there) === fold(tag.text));
    };
    // Unchanged text around an unchanged tag: the common case, settled without folding anything.
    if (text.startsWith(tag.text, tag.start) && text.startsWith(tag.after, tag.end) && tag.start >= tag.before.length && text.startsWith(tag.before, tag.start - tag.before.length)) {
      anchorAt(i, tag.start, tag.end, 'anchored');
      shift = 0;
      continue;
    }
    const f = folded();
    const needle = fold(tag.text);
    const before = fold(tag.before);
    const after = fold(tag.after);
    if (fitsAt(tag.start, tag.end) && contextScore(f, f.foldedAt(tag.start), f.foldedAt(tag.end), before, after) >= GOOD_ENOUGH) {
      anchorAt(i, tag.start, tag.end, 'anchored');
      shift = 0;
      continue;
    }
    const origin = f.foldedAt(tag.start);
    const guess = shift !== 0 && fitsAt(tag.start + shift, tag.end + shift) ? f.foldedAt(tag.start + shift) : undefined;
    const exact = needle.length > 0 ? findExact(f, needle, before, after, origin, guess) : undefined;
    if (exact !== undefined) {
      const { start, end } = f.span(exact, exact + needle.length);
      anchorAt(i, start, end, start === tag.start && end === tag.end ? 'anchored' : 'moved');
      shift = start - tag.start;
      continue;
    }
    const expected = f.foldedAt(tag.start + shift);
    const near = needle.length > 0 ? findApproximate(f, needle, before, after, expected) : undefined;
    if (near && near.score >= minScore) {
      const span = f.span(near.start, near.end);
      const proposed: ProposedAnchor = { start: span.start, end: span.end, score: Math.round(near.score * 1000) / 1000 };
      const same = tag.status === 'doubtful' && tag.proposed?.start === proposed.start && tag.proposed.end === proposed.end && tag.proposed.score === proposed.score;
      outTags[i] = same ? tag : { ...tag, status: 'doubtful', proposed };
      results[i] = { id: tag.id, status: 'doubtful', start: tag.start, end: tag.end, proposed };
      continue;
    }
    const { proposed: _p, ...rest } = tag;
    void _p;
    outTags[i] = tag.status === 'orphaned' && !tag.proposed ? tag : { ...rest, status: 'orphaned' };
    results[i] = { id: tag.id, status: 'orphaned', start: tag.start, end: tag.end };
  }
  return { tags: outTags, results };
}
