// The tag as the rest of the extension sees it. Pure data; no 'vscode'.

/**
 * Where a tag stands against the current text:
 * - `anchored`: its text is at its offsets;
 * - `moved`: its exact text was found elsewhere and the tag now points there;
 * - `doubtful`: only a weak, fuzzy match was found; the tag keeps its offsets and the match is
 *   offered as `proposed` for the user to confirm or reject;
 * - `orphaned`: its text was not found; the tag keeps its last offsets and its text.
 */
export type TagStatus = 'anchored' | 'moved' | 'doubtful' | 'orphaned';

/** The statuses worth writing down: an anchored or moved tag needs no mark. */
export type PersistedStatus = 'doubtful' | 'orphaned';

export interface TagLink {
  /** What the linked tag is to this one, e.g. `speaker`. */
  readonly role: string;
  /** The id of the linked tag. */
  readonly tag: string;
  /** Fields a newer version wrote; kept so a rewrite does not drop them. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A fuzzy match found for a doubtful tag, waiting for the user's word. */
export interface ProposedAnchor {
  readonly start: number;
  readonly end: number;
  /** 0..1, how closely the text there resembles the tag's text. */
  readonly score: number;
}

/**
 * One tag. In memory `start`/`end` (and `proposed`) are UTF-16 offsets into the document text,
 * end exclusive; in a parsed sidecar (`SidecarTag`) the same fields count Unicode code points.
 */
export interface Tag {
  /** Stable and never reused (see `createIdGenerator`). */
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  /** The tagged text as it was last seen; what anchoring searches for. */
  readonly text: string;
  /** Up to 32 code points of text before and after, to tell repeated phrases apart. */
  readonly before: string;
  readonly after: string;
  readonly note?: string;
  readonly links: readonly TagLink[];
  /** Absent when the tag is anchored. */
  readonly status?: PersistedStatus;
  readonly proposed?: ProposedAnchor;
  /** ISO 8601, when the tag was made. */
  readonly created?: string;
  readonly author?: string;
  /** Fields a newer version wrote; kept so a rewrite does not drop them. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** A content change as the editor reports it: UTF-16 offsets into the text before this change. */
export interface TextChange {
  readonly rangeOffset: number;
  readonly rangeLength: number;
  readonly text: string;
}

/** Orders tags by position, then by id, so lists and files never depend on insertion order. */
export function compareTags(a: Tag, b: Tag): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
