// The one place where offsets change units: code points on disk, UTF-16 in memory. A leading
// byte-order mark is not counted on disk (the editor never shows it), CRLF counts as two.
import { sha256OfText } from '../sha256';
import { codePointConverter, fromCodePointOffset } from '../text';
import { contextAround } from '../anchoring/context';
import { compareTags, type Tag } from '../tags/types';
import { SIDECAR_VERSION, type SidecarDocument, type SidecarProblem, type SidecarTag, type TagSetEntry } from './types';

function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** SHA-256 (hex) of the text's UTF-8 bytes, without a byte-order mark. */
export function textSha256(text: string): string {
  return sha256OfText(text.slice(bomLength(text)));
}

/** Converts code point offsets (disk) into UTF-16 offsets in `text`, and back, for many offsets. */
export class OffsetConverter {
  private readonly toCp: (utf16: number) => number;
  private readonly bom: number;
  private readonly cpLength: number;

  constructor(private readonly text: string) {
    this.toCp = codePointConverter(text);
    this.bom = bomLength(text);
    this.cpLength = this.toCp(text.length) - this.bom;
  }

  /** Offsets past the end of the text stay past it by the same amount, so nothing is lost. */
  toUtf16(codePoints: number): number {
    if (codePoints >= this.cpLength) return this.text.length + (codePoints - this.cpLength);
    return fromCodePointOffset(this.text, codePoints + this.bom);
  }

  toCodePoints(utf16: number): number {
    if (utf16 >= this.text.length) return this.cpLength + (utf16 - this.text.length);
    return Math.max(0, this.toCp(Math.max(utf16, this.bom)) - this.bom);
  }

  /** Length of the text in code points, as counted on disk. */
  get length(): number {
    return this.cpLength;
  }
}

function mapOffsets(tag: Tag, map: (n: number) => number): Tag {
  const out: Tag = { ...tag, start: map(tag.start), end: map(tag.end) };
  return tag.proposed ? { ...out, proposed: { ...tag.proposed, start: map(tag.proposed.start), end: map(tag.proposed.end) } } : out;
}

/**
 * The sidecar's tags with UTF-16 offsets into `text`. Offsets past the end of the text are kept
 * (the tag will be re-anchored or orphaned) and reported as warnings.
 */
export function tagsFromSidecar(sidecar: SidecarDocument, text: string): { tags: Tag[]; warnings: SidecarProblem[] } {
  const convert = new OffsetConverter(text);
  const warnings: SidecarProblem[] = [];
  const tags = sidecar.tags.map((t) => {
    if (t.end > convert.length) {
      warnings.push({ message: `Tag "${t.id}" ends at ${t.end}, past the end of the text (${convert.length}); it will be looked for by its text.`, line: 1, column: 1 });
    }
    return mapOffsets(t, (n) => convert.toUtf16(n));
  });
  return { tags, warnings };
}

export interface SidecarMeta {
  /** The text file's name relative to the sidecar, e.g. `story.txt`. */
  readonly file: string;
  /** The sidecar this one replaces: its version, tag set and unknown fields are carried over. */
  readonly previous?: SidecarDocument;
  readonly tagset?: readonly TagSetEntry[];
}

/**
 * The sidecar for `tags` (UTF-16 offsets into `text`). Anchored tags get their text and context
 * refreshed from `text`; doubtful and orphaned tags keep what they had.
 */
export function sidecarFromTags(tags: readonly Tag[], text: string, meta: SidecarMeta): SidecarDocument {
  const convert = new OffsetConverter(text);
  const prev = meta.previous;
  const out: SidecarTag[] = [...tags].sort(compareTags).map((tag) => {
    let t = tag;
    if (!tag.status && tag.end <= text.length) {
      const current = text.slice(tag.start, tag.end);
      const ctx = contextAround(text, tag.start, tag.end);
      if (current !== tag.text || ctx.before !== tag.before || ctx.after !== tag.after) t = { ...tag, text: current, ...ctx };
    }
    return mapOffsets(t, (n) => convert.toCodePoints(n));
  });
  const tagset = meta.tagset ?? prev?.tagset;
  return {
    version: Math.max(SIDECAR_VERSION, prev?.version ?? SIDECAR_VERSION),
    text: { ...(prev?.text.extra ? { extra: prev.text.extra } : {}), file: meta.file, sha256: textSha256(text) },
    ...(tagset ? { tagset } : {}),
    tags: out,
    ...(prev?.extra ? { extra: prev.extra } : {}),
  };
}
