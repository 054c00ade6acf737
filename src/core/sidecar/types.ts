// The sidecar file `NAME.EXT.tags.yaml` as data. Offsets here count Unicode code points.
import type { Tag } from '../tags/types';

export const SIDECAR_VERSION = 1;

/** A tag as stored in the sidecar: the same fields as `Tag`, offsets in code points. */
export type SidecarTag = Tag;

/** One label of a workspace tag set. */
export interface TagSetEntry {
  readonly label: string;
  /** A theme colour id (e.g. `diplomaticAnnotator.tag.quote`) or `#rrggbb` / `#rrggbbaa`. */
  readonly color?: string;
  readonly description?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface SidecarTextInfo {
  /** The text file's name, relative to the sidecar. */
  readonly file: string;
  /** SHA-256 (hex) of the UTF-8 text the offsets refer to, byte-order mark excluded. */
  readonly sha256?: string;
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface SidecarDocument {
  readonly version: number;
  readonly text: SidecarTextInfo;
  readonly tagset?: readonly TagSetEntry[];
  readonly tags: readonly SidecarTag[];
  /** Top-level fields a newer version wrote; kept so a rewrite does not drop them. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** Something wrong (or worth knowing) about a sidecar, at a 1-based line and column. */
export interface SidecarProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export type SidecarParseResult =
  | { readonly ok: true; readonly sidecar: SidecarDocument; readonly warnings: readonly SidecarProblem[] }
  | { readonly ok: false; readonly errors: readonly SidecarProblem[]; readonly warnings: readonly SidecarProblem[] };
