// Following the editor's content changes exactly, so tags stay on their text while the user types.
//
// Boundary rule: text inserted exactly at a tag's start or end goes outside the tag (the tag does
// not grow at its edges, as a quotation does not swallow the words typed next to it); text
// inserted strictly inside grows the tag. A deletion of part of a tag shrinks it; a deletion that
// takes all of its text orphans it. An orphaned tag keeps its text and collapses to the place its
// text was; when that text comes back there (undo, or the same words pasted back), it re-anchors.
import type { Tag, TextChange } from '../tags/types';
import { contextAround, contextLikeness, fold } from './context';

export interface EditOutcome {
  /** All tags, in the order given; tags an edit did not touch are the same objects. */
  readonly tags: Tag[];
  /** Ids of tags whose text was deleted by these changes. */
  readonly orphaned: string[];
  /** Ids of orphaned tags whose text came back and that are anchored again. */
  readonly restored: string[];
  /** True when any tag changed. */
  readonly changed: boolean;
}

interface Working {
  tag: Tag;
  start: number;
  end: number;
  text: string;
  orphan: boolean;
  proposed?: { start: number; end: number; score: number };
  touched: boolean;
}

/** A region of inserted text, in the coordinates of the text after all changes so far. */
interface Inserted {
  start: number;
  end: number;
}

function mapPoint(p: number, o: number, deletedEnd: number, delta: number): number {
  if (p <= o) return p;
  if (p >= deletedEnd) return p + delta;
  return o;
}

function applyOne(w: Working, o: number, length: number, inserted: string): void {
  const deletedEnd = o + length;
  const delta = inserted.length - length;
  const { start: s, end: e } = w;
  if (w.orphan || w.tag.status === 'doubtful') {
    // Offsets that no longer hold the tag's text move as plain points.
    w.start = mapPoint(s, o, deletedEnd, delta);
    w.end = Math.max(w.start, mapPoint(e, o, deletedEnd, delta));
    if (w.proposed) {
      const ps = mapPoint(w.proposed.start, o, deletedEnd, delta);
      const pe = mapPoint(w.proposed.end, o, deletedEnd, delta);
      w.proposed = pe > ps ? { ...w.proposed, start: ps, end: pe } : undefined;
      if (!w.proposed) w.orphan = true;
    }
    if (w.start !== s || w.end !== e || w.orphan !== (w.tag.status === 'orphaned')) w.touched = true;
    return;
  }
  if (length === 0) {
    if (o <= s) {
      w.start += delta;
      w.end += delta;
    } else if (o < e) {
      w.text = w.text.slice(0, o - s) + inserted + w.text.slice(o - s);
      w.end += delta;
    } else return;
  } else if (deletedEnd <= s) {
    w.start += delta;
    w.end += delta;
  } else if (o >= e) {
    return;
  } else if (o <= s && deletedEnd >= e) {
    w.orphan = true;
    w.start = o;
    w.end = o;
  } else if (o >= s && deletedEnd <= e) {
    w.text = w.text.slice(0, o - s) + inserted + w.text.slice(deletedEnd - s);
    w.end += delta;
  } else if (o < s) {
    // The replaced text straddles the tag's start: the tag keeps only its surviving words.
    w.text = w.text.slice(deletedEnd - s);
    w.start = o + inserted.length;
    w.end += delta;
  } else {
    w.text = w.text.slice(0, o - s);
    w.end = o;
  }
  w.touched = true;
}

/** Finds where an orphaned tag's text has come back inside freshly inserted text, if it has. */
function findRestored(w: Working, text: string, inserted: readonly Inserted[]): number | undefined {
  const needle = w.tag.text;
  if (!needle) return undefined;
  const foldedBefore = fold(w.tag.before);
  const foldedAfter = fold(w.tag.after);
  let best: { at: number; score: number } | undefined;
  for (const r of inserted) {
    if (r.end - r.start <= 0) continue;
    const from = Math.max(0, r.start - needle.length + 1);
    const to = Math.min(text.length, r.end + needle.length - 1);
    for (let at = text.indexOf(needle, from); at !== -1 && at + needle.length <= to; at = text.indexOf(needle, at + 1)) {
      const ctx = contextAround(text, at, at + needle.length);
      const likeness =
        (contextLikeness(foldedBefore, fold(ctx.before), 'end') + contextLikeness(foldedAfter, fold(ctx.after), 'start')) / 2;
      // Text typed or pasted back at the very spot the tag was deleted from needs no context.
      const atTheSpot = r.start <= w.start && w.start <= r.end;
      if (!atTheSpot && likeness < 0.6) continue;
      const score = likeness + (atTheSpot ? 1 : 0) - Math.abs(at - w.start) / (text.length + 1);
      if (!best || score > best.score) best = { at, score };
    }
  }
  return best?.at;
}

/**
 * Moves tags through the editor's content changes, applied in sequence (each change's offsets
 * refer to the text after the changes before it). `currentText` (the text after all changes) lets
 * orphaned tags re-anchor when their text comes back and refreshes the context of touched tags.
 */
export function applyEdits(tags: readonly Tag[], changes: readonly TextChange[], currentText?: () => string): EditOutcome {
  const work: Working[] = tags.map((tag) => ({
    tag,
    start: tag.start,
    end: tag.end,
    text: tag.text,
    orphan: tag.status === 'orphaned',
    proposed: tag.proposed,
    touched: false,
  }));
  const inserted: Inserted[] = [];
  const orphaned: string[] = [];
  for (const change of changes) {
    const o = change.rangeOffset;
    const length = change.rangeLength;
    const deletedEnd = o + length;
    const delta = change.text.length - length;
    for (const w of work) {
      const wasOrphan = w.orphan;
      applyOne(w, o, length, change.text);
      if (w.orphan && !wasOrphan) orphaned.push(w.tag.id);
    }
    for (const r of inserted) {
      r.start = mapPoint(r.start, o, deletedEnd, delta);
      r.end = Math.max(r.start, mapPoint(r.end, o, deletedEnd, delta));
    }
    if (change.text.length > 0) inserted.push({ start: o, end: o + change.text.length });
  }

  const restored: string[] = [];
  let text: string | undefined;
  if (currentText) {
    const orphans = work.filter((w) => w.orphan);
    if (orphans.length && inserted.length) {
      text = currentText();
      for (const w of orphans) {
        const at = findRestored(w, text, inserted);
        if (at === undefined) continue;
        w.orphan = false;
        w.proposed = undefined;
        w.start = at;
        w.end = at + w.tag.text.length;
        w.text = w.tag.text;
        w.touched = true;
        restored.push(w.tag.id);
      }
    }
  }

  let changed = false;
  const out = work.map((w) => {
    if (!w.touched) return w.tag;
    changed = true;
    const { status: _status, proposed: _proposed, ...rest } = w.tag;
    void _status;
    void _proposed;
    let next: Tag = { ...rest, start: w.start, end: w.end, text: w.text };
    if (w.orphan) next = { ...next, status: 'orphaned' };
    else if (w.tag.status === 'doubtful' && w.proposed) next = { ...next, status: 'doubtful', proposed: w.proposed };
    else if (currentText && !w.orphan) {
      text ??= currentText();
      next = { ...next, ...contextAround(text, w.start, w.end) };
    }
    return next;
  });
  return { tags: out, orphaned: orphaned.filter((id) => !restored.includes(id)), restored, changed };
}
