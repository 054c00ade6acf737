// Exchange formats: brat standoff (.ann), W3C Web Annotation (JSON-LD) and CSV out; brat in.
// Offsets in all of them count code points, as in the sidecar.
import { contextAround } from '../anchoring/context';
import { createIdGenerator } from '../tags/ids';
import type { Tag, TagLink } from '../tags/types';
import { OffsetConverter } from './convert';
import type { SidecarDocument, SidecarTag } from './types';

function usable(tag: SidecarTag): boolean {
  return !tag.status;
}

/** brat types are single tokens: whitespace becomes `_`. */
function bratType(label: string): string {
  return label.trim().replace(/\s+/g, '_') || 'tag';
}

function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\t]/g, ' ');
}

/**
 * brat standoff: `T1\tlabel START END\ttext`, a text spanning lines as fragments
 * (`START END;START END`) as brat writes them, notes as `#1\tAnnotatorNotes T1\tnote`, links as
 * `R1\trole Arg1:T1 Arg2:T2`. Doubtful and orphaned tags are left out (their offsets are stale).
 */
export function exportBrat(sidecar: SidecarDocument): string {
  const lines: string[] = [];
  const tags = sidecar.tags.filter(usable);
  const bratId = new Map<string, string>();
  tags.forEach((t, i) => bratId.set(t.id, `T${i + 1}`));
  let notes = 0;
  let relations = 0;
  for (const t of tags) {
    const fragments: string[] = [];
    const texts: string[] = [];
    let at = t.start;
    for (const piece of t.text.split(/(\r\n|\n|\r)/)) {
      const length = [...piece].length;
      if (!/^(\r\n|\n|\r)$/.test(piece) && length > 0) {
        fragments.push(`${at} ${at + length}`);
        texts.push(piece);
      }
      at += length;
    }
    if (fragments.length === 0) fragments.push(`${t.start} ${t.end}`);
    lines.push(`${bratId.get(t.id)}\t${bratType(t.label)} ${fragments.join(';')}\t${texts.join(' ')}`);
    if (t.note !== undefined && t.note !== '') lines.push(`#${++notes}\tAnnotatorNotes ${bratId.get(t.id)}\t${oneLine(t.note)}`);
  }
  for (const t of tags) {
    for (const link of t.links) {
      const target = bratId.get(link.tag);
      if (target) lines.push(`R${++relations}\t${bratType(link.role)} Arg1:${bratId.get(t.id)} Arg2:${target}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

const TAG_URN = 'urn:diplomatic-annotator:tag:';

/**
 * W3C Web Annotation JSON-LD: an AnnotationPage of annotations, each with a TextQuoteSelector
 * (exact, prefix, suffix) and, unless the tag is doubtful or orphaned, a TextPositionSelector.
 */
export function exportW3c(sidecar: SidecarDocument, source: string = sidecar.text.file): string {
  const items = sidecar.tags.map((t) => {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: t.label }];
    if (t.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: t.note, format: 'text/plain' });
    for (const l of t.links) body.push({ type: 'SpecificResource', purpose: 'linking', source: TAG_URN + l.tag, role: l.role });
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: t.text, prefix: t.before, suffix: t.after }];
    if (usable(t)) selector.push({ type: 'TextPositionSelector', start: t.start, end: t.end });
    return {
      id: TAG_URN + t.id,
      type: 'Annotation',
      motivation: t.note ? 'commenting' : 'tagging',
      ...(t.created ? { created: t.created } : {}),
      ...(t.author ? { creator: t.author } : {}),
      ...(t.status ? { status: t.status } : {}),
      body,
      target: { source, selector },
    };
  });
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items }, null, 2) + '\n';
}

function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180: CRLF rows, fields quoted when they hold a comma, quote or line break). */
export function exportCsv(sidecar: SidecarDocument): string {
  const header = ['id', 'label', 'status', 'start', 'end', 'text', 'before', 'after', 'note', 'links'];
  const rows = sidecar.tags.map((t) => [
    t.id,
    t.label,
    t.status ?? 'anchored',
    t.start,
    t.end,
    t.text,
    t.before,
    t.after,
    t.note ?? '',
    t.links.map((l) => `${l.role}:${l.tag}`).join(' '),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

interface BratEntity {
  readonly bratId: string;
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly line: number;
}

/**
 * How brat's offsets may count: as the sidecar does, or counting a byte-order mark, or over the
 * text with CRLF read as LF (brat reads files in Python's text mode). The one under which the most
 * entity texts match is used.
 */
function offsetReadings(text: string): { name: string; toUtf16: (cp: number) => number }[] {
  const plain = new OffsetConverter(text);
  const readings = [{ name: 'code points', toUtf16: (cp: number) => plain.toUtf16(cp) }];
  if (text.charCodeAt(0) === 0xfeff) readings.push({ name: 'code points with BOM', toUtf16: (cp: number) => (cp === 0 ? 0 : plain.toUtf16(cp - 1)) });
  if (text.includes('\r\n')) {
    // Map offsets of the LF-only text back to the CRLF text.
    const lf = text.replace(/\r\n/g, '\n');
    const lfConvert = new OffsetConverter(lf);
    const lfToCrlf = new Int32Array(lf.length + 1);
    for (let i = 0, j = 0; i <= lf.length; i++, j++) {
      if (text[j] === '\r' && text[j + 1] === '\n') j++;
      lfToCrlf[i] = j;
    }
    readings.push({ name: 'code points, CRLF as LF', toUtf16: (cp: number) => lfToCrlf[Math.min(lfConvert.toUtf16(cp), lf.length)] });
  }
  return readings;
}

/**
 * Reads brat standoff annotations of `text`: entities (T) become tags (brat types → labels),
 * AnnotatorNotes (#) become notes, relations (R) become links from Arg1 to Arg2. Other lines
 * (events, attributes, normalisations) are reported and skipped. Offsets in the tags are UTF-16.
 */
export function importBrat(annText: string, text: string, newId: () => string = createIdGenerator()): { tags: Tag[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const entities: BratEntity[] = [];
  const notes = new Map<string, string[]>();
  const relations: { type: string; from: string; to: string; line: number }[] = [];
  annText.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    const cols = raw.split('\t');
    const kind = cols[0][0];
    if (kind === 'T') {
      const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(cols[1] ?? '');
      if (!m) {
        problems.push({ line, message: `Unreadable entity line: ${raw.slice(0, 80)}` });
        return;
      }
      const numbers = m[2].split(/[ ;]/).map(Number);
      const start = Math.min(...numbers);
      const end = Math.max(...numbers);
      entities.push({ bratId: cols[0], type: m[1], start, end, text: cols.slice(2).join('\t'), line });
    } else if (kind === '#') {
      const m = /^\S+ (\S+)$/.exec(cols[1] ?? '');
      if (!m) {
        problems.push({ line, message: `Unreadable note line: ${raw.slice(0, 80)}` });
        return;
      }
      notes.set(m[1], [...(notes.get(m[1]) ?? []), cols.slice(2).join('\t')]);
    } else if (kind === 'R') {
      const m = /^(\S+) Arg1:(\S+) Arg2:(\S+)$/.exec(cols[1] ?? '');
      if (!m) {
        problems.push({ line, message: `Unreadable relation line: ${raw.slice(0, 80)}` });
        return;
      }
      relations.push({ type: m[1], from: m[2], to: m[3], line });
    } else {
      problems.push({ line, message: `Skipped (not an entity, note or relation): ${raw.slice(0, 80)}` });
    }
  });

  // brat joins fragments with spaces; compare ignoring how line breaks were written.
  const same = (a: string, b: string) => a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
  const readings = offsetReadings(text);
  let reading = readings[0];
  let bestMatches = -1;
  for (const r of readings) {
    const matches = entities.filter((e) => same(text.slice(r.toUtf16(e.start), r.toUtf16(e.end)), e.text)).length;
    if (matches > bestMatches) {
      bestMatches = matches;
      reading = r;
    }
  }

  const ids = new Map<string, string>();
  const tags = new Map<string, Tag>();
  for (const e of entities) {
    if (ids.has(e.bratId)) {
      problems.push({ line: e.line, message: `Duplicate brat id ${e.bratId}; the later one is skipped.` });
      continue;
    }
    const start = reading.toUtf16(e.start);
    const end = reading.toUtf16(e.end);
    const there = text.slice(start, end);
    if (!same(there, e.text)) problems.push({ line: e.line, message: `${e.bratId}: the text at ${e.start}–${e.end} is not "${e.text.slice(0, 40)}"; the tag will be re-anchored.` });
    const id = newId();
    ids.set(e.bratId, id);
    const note = notes.get(e.bratId)?.join('\n');
    tags.set(e.bratId, {
      id,
      label: e.type,
      start,
      end,
      text: same(there, e.text) ? there : e.text,
      ...contextAround(text, start, end),
      ...(note !== undefined ? { note } : {}),
      links: [],
    });
  }
  for (const bratId of notes.keys()) {
    if (!ids.has(bratId)) problems.push({ line: 0, message: `A note refers to ${bratId}, which is not an entity here; skipped.` });
  }
  for (const r of relations) {
    const from = tags.get(r.from);
    const to = ids.get(r.to);
    if (!from || !to) {
      problems.push({ line: r.line, message: `Relation ${r.type} refers to an unknown entity; skipped.` });
      continue;
    }
    const link: TagLink = { role: r.type, tag: to };
    tags.set(r.from, { ...from, links: [...from.links, link] });
  }
  return { tags: [...tags.values()], problems };
}
