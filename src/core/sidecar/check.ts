// What `diplomatic-annotator check` reports: each tag of a sidecar against the current text.
import { reanchor, type ReanchorOptions } from '../anchoring/reanchor';
import type { TagStatus } from '../tags/types';
import { OffsetConverter, tagsFromSidecar, textSha256 } from './convert';
import type { SidecarDocument, SidecarTag } from './types';

export interface TagCheck {
  readonly id: string;
  readonly label: string;
  readonly status: TagStatus;
  /** Code points, as found in the current text; an orphaned or doubtful tag keeps its last offsets. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** For a doubtful tag, the weak match offered (code points). */
  readonly proposed?: { readonly start: number; readonly end: number; readonly score: number };
}

export interface CheckReport {
  readonly tags: readonly TagCheck[];
  /** True when every tag is anchored or moved. */
  readonly allAnchored: boolean;
  /**
   * The sidecar with moved tags re-anchored (for `--fix`); doubtful and orphaned tags stay as
   * they were. The same object as the input when nothing moved.
   */
  readonly fixed: SidecarDocument;
}

/** Checks every tag of `sidecar` against `text` (the text file's content, as read). */
export function checkTags(sidecar: SidecarDocument, text: string, options?: ReanchorOptions): CheckReport {
  const { tags } = tagsFromSidecar(sidecar, text);
  const result = reanchor(tags, text, options);
  const convert = new OffsetConverter(text);
  const cp = (n: number) => convert.toCodePoints(n);
  const byId = new Map(result.tags.map((t) => [t.id, t]));
  const checks: TagCheck[] = result.results.map((r) => {
    const tag = byId.get(r.id)!;
    return {
      id: r.id,
      label: tag.label,
      status: r.status,
      start: cp(r.start),
      end: cp(r.end),
      text: tag.text,
      ...(r.proposed ? { proposed: { start: cp(r.proposed.start), end: cp(r.proposed.end), score: r.proposed.score } } : {}),
    };
  });
  const moved = new Map(checks.filter((c) => c.status === 'moved').map((c) => [c.id, c]));
  let fixed = sidecar;
  if (moved.size) {
    const fixedTags: SidecarTag[] = sidecar.tags.map((t) => {
      const c = moved.get(t.id);
      if (!c) return t;
      const now = byId.get(t.id)!;
      const { status: _s, proposed: _p, ...rest } = t;
      void _s;
      void _p;
      return { ...rest, start: c.start, end: c.end, text: now.text, before: now.before, after: now.after };
    });
    fixed = { ...sidecar, text: { ...sidecar.text, sha256: textSha256(text) }, tags: fixedTags };
  }
  return { tags: checks, allAnchored: checks.every((c) => c.status === 'anchored' || c.status === 'moved'), fixed };
}
