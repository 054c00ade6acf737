// Writing a sidecar: deterministic to the byte, so that the same tags give the same file and two
// people tagging different parts of one text merge cleanly in git (each tag is one block of lines,
// tags in text order).
import { compareTags } from '../tags/types';
import type { SidecarDocument, SidecarTag, TagSetEntry } from './types';
import { type QuotePolicy, writeEntries, writeItem } from './yamlWriter';

const FREE_TEXT = new Set(['id', 'tag', 'text', 'before', 'after', 'note', 'created', 'author', 'sha256', 'description']);
const quoteFreeText: QuotePolicy = (k) => FREE_TEXT.has(k);

export const TAG_KEYS = ['id', 'label', 'start', 'end', 'text', 'before', 'after', 'note', 'links', 'status', 'proposed', 'created', 'author'] as const;
export const LINK_KEYS = ['role', 'tag'] as const;
export const TOP_KEYS = ['version', 'text', 'tagset', 'tags'] as const;
export const TEXT_KEYS = ['file', 'sha256'] as const;
export const TAGSET_KEYS = ['label', 'color', 'description'] as const;

function withExtra(known: [string, unknown][], extra: Readonly<Record<string, unknown>> | undefined, knownKeys: readonly string[]): [string, unknown][] {
  if (!extra) return known;
  return [...known, ...Object.entries(extra).filter(([k]) => !knownKeys.includes(k))];
}

function tagEntries(tag: SidecarTag): [string, unknown][] {
  return withExtra(
    [
      ['id', tag.id],
      ['label', tag.label],
      ['start', tag.start],
      ['end', tag.end],
      ['text', tag.text],
      ['before', tag.before],
      ['after', tag.after],
      ['note', tag.note],
      ['links', tag.links.length ? tag.links.map((l) => Object.fromEntries(withExtra([['role', l.role], ['tag', l.tag]], l.extra, LINK_KEYS))) : undefined],
      ['status', tag.status],
      ['proposed', tag.proposed ? { start: tag.proposed.start, end: tag.proposed.end, score: tag.proposed.score } : undefined],
      ['created', tag.created],
      ['author', tag.author],
    ],
    tag.extra,
    TAG_KEYS,
  );
}

function tagsetEntries(entry: TagSetEntry): [string, unknown][] {
  return withExtra(
    [
      ['label', entry.label],
      ['color', entry.color],
      ['description', entry.description],
    ],
    entry.extra,
    TAGSET_KEYS,
  );
}

/** A file name safe to show inside a one-line comment. */
function commentSafe(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

/**
 * The sidecar as YAML text: a header comment, then version, text, tagset, tags (ordered by
 * start, end, id), then any fields from a newer version. LF line ends and a final newline.
 */
export function serializeSidecar(doc: SidecarDocument): string {
  const out: string[] = [
    `# Tags for ${commentSafe(doc.text.file)}, kept by Diplomatic Annotator.`,
    '# Offsets count Unicode code points. Format: sidecar version 1 (schemas/sidecar.schema.json).',
  ];
  writeEntries([['version', doc.version]], '', out);
  out.push('text:');
  writeEntries(withExtra([['file', doc.text.file], ['sha256', doc.text.sha256]], doc.text.extra, TEXT_KEYS), '  ', out, quoteFreeText);
  if (doc.tagset) {
    if (doc.tagset.length === 0) out.push('tagset: []');
    else {
      out.push('tagset:');
      for (const entry of doc.tagset) writeItem(Object.fromEntries(tagsetEntries(entry)), '  ', out, quoteFreeText);
    }
  }
  const tags = [...doc.tags].sort(compareTags);
  if (tags.length === 0) out.push('tags: []');
  else {
    out.push('tags:');
    for (const tag of tags) writeItem(Object.fromEntries(tagEntries(tag)), '  ', out, quoteFreeText);
  }
  if (doc.extra) {
    writeEntries(
      Object.entries(doc.extra).filter(([k]) => !(TOP_KEYS as readonly string[]).includes(k)),
      '',
      out,
    );
  }
  return out.join('\n') + '\n';
}
