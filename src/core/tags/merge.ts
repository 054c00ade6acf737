// Three-way merge of a document's tags by id: base (the sidecar as last read or written), ours
// (memory), theirs (the sidecar on disk now). Changes from either side are kept; the same tag
// changed differently on both sides is a conflict for the user, never silently decided.
import type { Tag } from './types';

export type ConflictKind = 'both-changed' | 'changed-here-deleted-there' | 'deleted-here-changed-there' | 'added-differently';

export interface TagConflict {
  readonly id: string;
  readonly kind: ConflictKind;
  readonly base?: Tag;
  readonly ours?: Tag;
  readonly theirs?: Tag;
  /** The fields changed differently on both sides. */
  readonly fields: readonly string[];
}

export interface MergeResult {
  /** The merged tags. In a conflict the version the user had on screen is kept until resolved. */
  readonly tags: Tag[];
  readonly conflicts: TagConflict[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Fields merged one by one. Offsets are not among them: see `position`. */
const FIELDS = ['label', 'note', 'links', 'status', 'proposed', 'created', 'author', 'extra'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Where a tag is is judged by its text: offsets differ between memory and disk whenever the
 * document has unsaved edits, which is no conflict. Only a tag re-pointed at other words is.
 */
function spanOf(t: Tag): { start: number; end: number; text: string; before: string; after: string } {
  return { start: t.start, end: t.end, text: t.text, before: t.before, after: t.after };
}

function changedFields(from: Tag, to: Tag): Set<string> {
  const out = new Set<string>();
  for (const f of FIELDS) if (!same(from[f], to[f])) out.add(f);
  if (from.text !== to.text) out.add('text');
  return out;
}

/** Two versions of a tag say the same (where it is judged by its text, as in a merge). */
export function sameTag(a: Tag, b: Tag): boolean {
  return changedFields(a, b).size === 0;
}

function mergeOne(base: Tag, ours: Tag, theirs: Tag): { tag: Tag; conflictFields: string[] } {
  const mine = changedFields(base, ours);
  const yours = changedFields(base, theirs);
  const conflictFields: string[] = [];
  let tag: Record<string, unknown> = { ...ours };
  for (const f of FIELDS as readonly Field[]) {
    if (!yours.has(f)) continue;
    if (mine.has(f) && !same(ours[f], theirs[f])) conflictFields.push(f);
    else if (theirs[f] === undefined) delete tag[f];
    else tag[f] = theirs[f];
  }
  if (yours.has('text')) {
    if (mine.has('text') && ours.text !== theirs.text) conflictFields.push('text');
    else tag = { ...tag, ...spanOf(theirs) };
  }
  return { tag: tag as unknown as Tag, conflictFields };
}

export function mergeTags(base: readonly Tag[], ours: readonly Tag[], theirs: readonly Tag[]): MergeResult {
  const baseById = new Map(base.map((t) => [t.id, t]));
  const oursById = new Map(ours.map((t) => [t.id, t]));
  const theirsById = new Map(theirs.map((t) => [t.id, t]));
  const ids = [...new Set([...ours.map((t) => t.id), ...theirs.map((t) => t.id), ...base.map((t) => t.id)])];
  const tags: Tag[] = [];
  const conflicts: TagConflict[] = [];
  for (const id of ids) {
    const b = baseById.get(id);
    const o = oursById.get(id);
    const t = theirsById.get(id);
    if (o && t) {
      if (!b) {
        const fields = [...changedFields(o, t)];
        if (fields.length) conflicts.push({ id, kind: 'added-differently', ours: o, theirs: t, fields });
        tags.push(o);
        continue;
      }
      const { tag, conflictFields } = mergeOne(b, o, t);
      if (conflictFields.length) conflicts.push({ id, kind: 'both-changed', base: b, ours: o, theirs: t, fields: conflictFields });
      tags.push(tag);
    } else if (o) {
      if (!b) tags.push(o);
      else if (changedFields(b, o).size) {
        // Deleted on disk but changed here: keep it, and ask.
        conflicts.push({ id, kind: 'changed-here-deleted-there', base: b, ours: o, fields: [] });
        tags.push(o);
      }
    } else if (t) {
      if (!b) tags.push(t);
      else if (changedFields(b, t).size) {
        conflicts.push({ id, kind: 'deleted-here-changed-there', base: b, theirs: t, fields: [] });
        tags.push(t);
      }
    }
  }
  return { tags, conflicts };
}
