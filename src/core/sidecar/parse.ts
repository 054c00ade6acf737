// Reading a sidecar. Never throws: a broken or hostile file comes back as a list of problems with
// line and column, so the editor can point at them and refuse to overwrite the file.
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { PersistedStatus, ProposedAnchor, TagLink } from '../tags/types';
import { LINK_KEYS, TAGSET_KEYS, TAG_KEYS, TEXT_KEYS, TOP_KEYS } from './serialize';
import { SIDECAR_VERSION, type SidecarDocument, type SidecarParseResult, type SidecarProblem, type SidecarTag, type TagSetEntry } from './types';

/** Larger sidecars are refused before parsing (about 50,000 tags fit in 20 MB). */
export const MAX_SIDECAR_LENGTH = 20 * 1024 * 1024;
/** Sidecars we write have no aliases; a few are tolerated in hand-written ones, a bomb is not. */
const MAX_ALIASES = 100;
const MAX_ID_LENGTH = 128;

type Path = (string | number)[];

class Problems {
  readonly errors: SidecarProblem[] = [];
  readonly warnings: SidecarProblem[] = [];
  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter,
  ) {}

  at(path: Path): { line: number; column: number } {
    if (this.doc) {
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, n), true);
        const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
        if (range) {
          const pos = this.lines.linePos(range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
    return { line: 1, column: 1 };
  }

  error(path: Path, message: string): void {
    this.errors.push({ message, ...this.at(path) });
  }

  warn(path: Path, message: string): void {
    this.warnings.push({ message, ...this.at(path) });
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extraOf(obj: Record<string, unknown>, known: readonly string[]): Record<string, unknown> | undefined {
  const extra = Object.entries(obj).filter(([k]) => !known.includes(k));
  return extra.length ? Object.fromEntries(extra) : undefined;
}

function where(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
}

/** Parses and checks a sidecar's text. Offsets are left in code points. */
export function parseSidecar(source: string): SidecarParseResult {
  const lines = new LineCounter();
  if (source.length > MAX_SIDECAR_LENGTH) {
    const mb = (source.length / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      errors: [{ message: `The sidecar is too large to read (${mb} MB; the limit is ${MAX_SIDECAR_LENGTH / 1024 / 1024} MB).`, line: 1, column: 1 }],
      warnings: [],
    };
  }
  let doc: Document;
  try {
    doc = parseDocument(source.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
  } catch (e) {
    return { ok: false, errors: [{ message: `The sidecar could not be read: ${(e as Error).message}`, line: 1, column: 1 }], warnings: [] };
  }
  const problems = new Problems(doc, lines);
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    problems.errors.push({ message: `Invalid YAML: ${e.message.split('\n')[0]}`, line: pos.line, column: pos.col });
  }
  for (const w of doc.warnings) {
    const pos = lines.linePos(w.pos[0]);
    problems.warnings.push({ message: w.message.split('\n')[0], line: pos.line, column: pos.col });
  }
  if (problems.errors.length) return { ok: false, errors: problems.errors, warnings: problems.warnings };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    const message = /alias/i.test((e as Error).message)
      ? 'The sidecar uses too many YAML aliases (a "billion laughs" expansion); it was not read.'
      : `The sidecar could not be read: ${(e as Error).message}`;
    return { ok: false, errors: [{ message, ...problems.at([]) }], warnings: problems.warnings };
  }
  if (data === null || data === undefined) {
    problems.warn([], 'The sidecar is empty; it holds no tags.');
    return { ok: true, sidecar: { version: SIDECAR_VERSION, text: { file: '' }, tags: [] }, warnings: problems.warnings };
  }
  const sidecar = readSidecar(data, problems);
  if (problems.errors.length || !sidecar) return { ok: false, errors: problems.errors, warnings: problems.warnings };
  return { ok: true, sidecar, warnings: problems.warnings };
}

function readSidecar(data: unknown, p: Problems): SidecarDocument | undefined {
  if (!isRecord(data)) {
    p.error([], 'A sidecar must be a mapping with "version", "text" and "tags".');
    return undefined;
  }
  const version = data.version;
  if (version === undefined) p.error([], 'Missing "version" (this format is version 1).');
  else if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) p.error(['version'], '"version" must be a whole number, 1 or more.');
  else if (version > SIDECAR_VERSION) {
    p.warn(['version'], `Written by a newer version of the format (${version}); fields this version does not know are kept as they are.`);
  }

  let text: SidecarDocument['text'] = { file: '' };
  if (!isRecord(data.text)) p.error(data.text === undefined ? [] : ['text'], '"text" must be a mapping with "file" (and "sha256").');
  else {
    const file = data.text.file;
    const sha = data.text.sha256;
    if (typeof file !== 'string' || file.length === 0) p.error(['text', 'file'], '"text.file" must name the text file.');
    if (sha !== undefined && sha !== null && (typeof sha !== 'string' || !/^[0-9a-f]{64}$/i.test(sha))) {
      p.error(['text', 'sha256'], '"text.sha256" must be 64 hexadecimal digits.');
    }
    text = { file: typeof file === 'string' ? file : '', sha256: typeof sha === 'string' ? sha : undefined, extra: extraOf(data.text, TEXT_KEYS) };
    if (!text.extra) delete (text as { extra?: unknown }).extra;
    if (!text.sha256) delete (text as { sha256?: unknown }).sha256;
  }

  let tagset: TagSetEntry[] | undefined;
  if (data.tagset !== undefined && data.tagset !== null) {
    if (!Array.isArray(data.tagset)) p.error(['tagset'], '"tagset" must be a list of labels.');
    else tagset = data.tagset.map((e, i) => readTagSetEntry(e, ['tagset', i], p)).filter((e): e is TagSetEntry => !!e);
  }

  const tags: SidecarTag[] = [];
  if (data.tags === undefined || data.tags === null) {
    if (data.tags === undefined) p.error([], 'Missing "tags" (write "tags: []" for none).');
  } else if (!Array.isArray(data.tags)) p.error(['tags'], '"tags" must be a list.');
  else {
    const seen = new Map<string, number>();
    data.tags.forEach((raw, i) => {
      const tag = readTag(raw, ['tags', i], p);
      if (!tag) return;
      const first = seen.get(tag.id);
      if (first !== undefined) {
        p.error(['tags', i, 'id'], `Duplicate tag id "${tag.id}" (also used at line ${p.at(['tags', first, 'id']).line}); ids must be unique.`);
      } else seen.set(tag.id, i);
      tags.push(tag);
    });
    tags.forEach((tag, i) => {
      tag.links.forEach((link, j) => {
        if (!seen.has(link.tag)) p.warn(['tags', i, 'links', j, 'tag'], `Tag "${tag.id}" links to "${link.tag}", which is not in this sidecar.`);
      });
    });
  }
  if (p.errors.length) return undefined;
  const extra = extraOf(data, TOP_KEYS);
  return {
    version: version as number,
    text,
    ...(tagset ? { tagset } : {}),
    tags,
    ...(extra ? { extra } : {}),
  };
}

function readString(obj: Record<string, unknown>, key: string, path: Path, p: Problems, required: boolean, oneLine = false): string | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) p.error(path, `Missing "${key}" at ${where(path)}.`);
    return undefined;
  }
  if (typeof v !== 'string') {
    p.error([...path, key], `"${key}" at ${where(path)} must be text (quote it).`);
    return undefined;
  }
  if (oneLine && /[\r\n]/.test(v)) {
    p.error([...path, key], `"${key}" at ${where(path)} must be on one line.`);
    return undefined;
  }
  return v;
}

function readOffset(obj: Record<string, unknown>, key: string, path: Path, p: Problems): number | undefined {
  const v = obj[key];
  if (v === undefined || v === null) {
    p.error(path, `Missing "${key}" at ${where(path)}.`);
    return undefined;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
    p.error([...path, key], `"${key}" at ${where(path)} must be a whole number of code points.`);
    return undefined;
  }
  if (v < 0) {
    p.error([...path, key], `"${key}" at ${where(path)} is negative (${v}).`);
    return undefined;
  }
  return v;
}

function readTagSetEntry(raw: unknown, path: Path, p: Problems): TagSetEntry | undefined {
  if (typeof raw === 'string') return { label: raw };
  if (!isRecord(raw)) {
    p.error(path, `The tag set entry at ${where(path)} must be a label or a mapping with "label".`);
    return undefined;
  }
  const label = readString(raw, 'label', path, p, true, true);
  const color = readString(raw, 'color', path, p, false, true);
  const description = readString(raw, 'description', path, p, false);
  if (label === undefined) return undefined;
  const extra = extraOf(raw, TAGSET_KEYS);
  return { label, ...(color !== undefined ? { color } : {}), ...(description !== undefined ? { description } : {}), ...(extra ? { extra } : {}) };
}

function readTag(raw: unknown, path: Path, p: Problems): SidecarTag | undefined {
  if (!isRecord(raw)) {
    p.error(path, `The tag at ${where(path)} must be a mapping with id, label, start, end and text.`);
    return undefined;
  }
  const errorsBefore = p.errors.length;
  const id = readString(raw, 'id', path, p, true, true);
  if (id !== undefined && (id.length === 0 || id.length > MAX_ID_LENGTH || /\s/.test(id))) {
    p.error([...path, 'id'], `The id at ${where(path)} must be 1 to ${MAX_ID_LENGTH} characters without spaces.`);
  }
  const label = readString(raw, 'label', path, p, true, true);
  if (label !== undefined && label.trim().length === 0) p.error([...path, 'label'], `The label at ${where(path)} is empty.`);
  const start = readOffset(raw, 'start', path, p);
  const end = readOffset(raw, 'end', path, p);
  if (start !== undefined && end !== undefined && end < start) {
    p.error([...path, 'end'], `The tag at ${where(path)} ends (${end}) before it starts (${start}).`);
  }
  const text = readString(raw, 'text', path, p, true);
  const before = readString(raw, 'before', path, p, false) ?? '';
  const after = readString(raw, 'after', path, p, false) ?? '';
  const note = readString(raw, 'note', path, p, false);
  const created = readString(raw, 'created', path, p, false, true);
  const author = readString(raw, 'author', path, p, false, true);

  const links: TagLink[] = [];
  if (raw.links !== undefined && raw.links !== null) {
    if (!Array.isArray(raw.links)) p.error([...path, 'links'], `"links" at ${where(path)} must be a list of {role, tag}.`);
    else {
      raw.links.forEach((l, j) => {
        const lp = [...path, 'links', j];
        if (!isRecord(l)) {
          p.error(lp, `The link at ${where(lp)} must be a mapping with "role" and "tag".`);
          return;
        }
        const role = readString(l, 'role', lp, p, true, true);
        const tag = readString(l, 'tag', lp, p, true, true);
        if (role === undefined || tag === undefined) return;
        const extra = extraOf(l, LINK_KEYS);
        links.push(extra ? { role, tag, extra } : { role, tag });
      });
    }
  }

  let status: PersistedStatus | undefined;
  const rawStatus = raw.status;
  if (rawStatus !== undefined && rawStatus !== null && rawStatus !== 'anchored') {
    if (rawStatus === 'doubtful' || rawStatus === 'orphaned') status = rawStatus;
    else p.error([...path, 'status'], `"status" at ${where(path)} must be doubtful or orphaned (or left out).`);
  }

  let proposed: ProposedAnchor | undefined;
  if (raw.proposed !== undefined && raw.proposed !== null) {
    const pp = [...path, 'proposed'];
    if (!isRecord(raw.proposed)) p.error(pp, `"proposed" at ${where(path)} must be a mapping with start, end and score.`);
    else {
      const ps = readOffset(raw.proposed, 'start', pp, p);
      const pe = readOffset(raw.proposed, 'end', pp, p);
      const score = raw.proposed.score;
      if (typeof score !== 'number' || !(score >= 0 && score <= 1)) p.error([...pp, 'score'], `"proposed.score" at ${where(path)} must be between 0 and 1.`);
      else if (ps !== undefined && pe !== undefined) {
        if (pe < ps) p.error([...pp, 'end'], `The proposed place at ${where(path)} ends before it starts.`);
        else proposed = { start: ps, end: pe, score };
      }
    }
  }

  if (p.errors.length > errorsBefore || id === undefined || label === undefined || start === undefined || end === undefined || text === undefined) {
    return undefined;
  }
  const extra = extraOf(raw, TAG_KEYS);
  return {
    id,
    label,
    start,
    end,
    text,
    before,
    after,
    ...(note !== undefined ? { note } : {}),
    links,
    ...(status ? { status } : {}),
    ...(proposed ? { proposed } : {}),
    ...(created !== undefined ? { created } : {}),
    ...(author !== undefined ? { author } : {}),
    ...(extra ? { extra } : {}),
  };
}
