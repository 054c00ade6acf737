// Built-in and user glossaries, and the inflection-aware index the term finder walks.
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import builtinData from '../../../glossary/builtin.glossary.yaml';
import type { GlossaryEntry, GlossaryKind } from './types';
import { compileExactPhrase, compilePhrase, foldWord } from './morphology';
import { PhraseIndex } from './phraseIndex';
import { INSTRUMENT_HEADS } from './instrumentHeads';

export const GLOSSARY_KINDS: readonly GlossaryKind[] = ['instrument', 'procedure', 'organisation', 'rank', 'document', 'concept'];

/** Limits that keep a hostile or mistaken glossary file from freezing the editor. */
export const GLOSSARY_LIMITS = {
  fileChars: 20_000_000,
  entriesPerFile: 200_000,
  fieldChars: 1_000,
  phraseChars: 200,
  phraseWords: 16,
  formsPerEntry: 100,
};

export class Glossary {
  readonly entries: readonly GlossaryEntry[];
  private readonly byId = new Map<string, GlossaryEntry>();
  private compiled?: PhraseIndex;

  /** Later entries win over earlier ones with the same id or the same lemma. */
  constructor(entries: readonly GlossaryEntry[]) {
    const byLemma = new Map<string, number>();
    const byId = new Map<string, number>();
    const kept: (GlossaryEntry | undefined)[] = [];
    for (const e of entries) {
      const lemma = foldWord(e.lemma);
      for (const old of [byId.get(e.id), byLemma.get(lemma)]) {
        if (old === undefined || !kept[old]) continue;
        const o = kept[old]!;
        byId.delete(o.id);
        byLemma.delete(foldWord(o.lemma));
        kept[old] = undefined;
      }
      byId.set(e.id, kept.length);
      byLemma.set(lemma, kept.length);
      kept.push(e);
    }
    this.entries = kept.filter((e): e is GlossaryEntry => e !== undefined);
    for (const e of this.entries) this.byId.set(e.id, e);
  }

  get(id: string): GlossaryEntry | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.entries.length;
  }

  /** A glossary where these entries (a user's) win over this one's by id or lemma. */
  withUserEntries(entries: readonly GlossaryEntry[]): Glossary {
    return entries.length === 0 ? this : new Glossary([...this.entries, ...entries]);
  }

  /** The compiled matcher, built on first use: entry indexes are positions in `entries`. */
  get index(): PhraseIndex {
    if (this.compiled) return this.compiled;
    const index = new PhraseIndex();
    this.entries.forEach((e, k) => {
      for (const phrase of phrasesOf(e)) {
        const patterns = compilePhrase(phrase);
        if (patterns) index.add(patterns, k);
      }
      for (const phrase of e.exactForms ?? []) {
        const patterns = compileExactPhrase(phrase);
        if (patterns) index.add(patterns, k);
      }
    });
    INSTRUMENT_HEADS.forEach((h, tag) => index.mark(compilePhrase(h.lemma)![0], tag));
    return (this.compiled = index);
  }

  /** The entry a whole phrase (in any inflected form) names: `Генассамблеей ООН` → the UN General Assembly. */
  find(phrase: string): GlossaryEntry | undefined {
    const { words, ids } = this.index.lookUp(phrase);
    if (words.length === 0) return undefined;
    const m = this.index.longestAt(words, ids, 0);
    return m && m.last === words.length - 1 ? this.entries[m.payloads[m.payloads.length - 1]] : undefined;
  }
}

function phrasesOf(e: GlossaryEntry): string[] {
  const out = [e.lemma, ...(e.forms ?? []), ...(e.acronyms ?? [])];
  if (e.fullNameRu && (e.kind === 'organisation' || e.kind === 'instrument')) out.push(e.fullNameRu);
  return out;
}

let builtin: Glossary | undefined;

/** The glossary that ships inside the extension (parsed at build time; indexed on first use). */
export function builtinGlossary(): Glossary {
  if (builtin) return builtin;
  const { entries, errors } = readEntries(builtinData, 'built-in');
  if (errors.length) throw new Error(`built-in glossary: ${errors.map((e) => e.message).join('; ')}`);
  return (builtin = new Glossary(entries));
}

export interface GlossaryFileError {
  /** 1-based line and column of the problem in the file. */
  line: number;
  column: number;
  message: string;
}

export interface GlossaryFile {
  entries: GlossaryEntry[];
  errors: GlossaryFileError[];
}

/**
 * Reads a user's glossary file (YAML: a list of entries, or a map with `entries:`). Never throws:
 * what cannot be read is reported with its line, and every well-formed entry is still returned.
 */
export function parseGlossaryFile(text: string, origin: string): GlossaryFile {
  if (text.length > GLOSSARY_LIMITS.fileChars) {
    return { entries: [], errors: [{ line: 1, column: 1, message: `The file is too large for a glossary (over ${GLOSSARY_LIMITS.fileChars / 1_000_000} million characters).` }] };
  }
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    return { entries: [], errors: [{ line: 1, column: 1, message: `Could not read the file as YAML: ${String(e)}` }] };
  }
  const at = (offset: number | undefined): { line: number; column: number } => {
    const p = lineCounter.linePos(offset ?? 0);
    return { line: p.line, column: p.col };
  };
  const errors: GlossaryFileError[] = doc.errors.map((e) => ({ ...at(e.pos[0]), message: firstLine(e.message) }));
  if (errors.length) return { entries: [], errors };
  const root = doc.contents as YamlNode | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return { entries: [], errors: [] };
  let list: YamlNode | undefined;
  if (isSeq(root)) list = root;
  else if (isMap(root)) {
    const e = root.get('entries', true) as YamlNode | undefined;
    if (e === undefined) return { entries: [], errors: [{ ...at(root.range?.[0]), message: 'A glossary file is a list of entries, or a map with an `entries:` list.' }] };
    list = e;
  }
  if (!list || !isSeq(list)) {
    return { entries: [], errors: [{ ...at((list ?? root).range?.[0]), message: 'Expected a list of glossary entries.' }] };
  }
  // Aliases are expanded with a cap, so a "billion laughs" file fails here instead of exhausting memory.
  let values: unknown[];
  try {
    const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
    values = (Array.isArray(js) ? js : isRecord(js) && Array.isArray(js.entries) ? js.entries : []) as unknown[];
  } catch (e) {
    return { entries: [], errors: [{ line: 1, column: 1, message: `Could not read the file: ${firstLine(e instanceof Error ? e.message : String(e))}` }] };
  }
  const entries: GlossaryEntry[] = [];
  list.items.forEach((item, i) => {
    const pos = at((item as YamlNode | null)?.range?.[0]);
    if (i >= GLOSSARY_LIMITS.entriesPerFile) {
      if (i === GLOSSARY_LIMITS.entriesPerFile) errors.push({ ...pos, message: `Only the first ${GLOSSARY_LIMITS.entriesPerFile} entries are read.` });
      return;
    }
    if (!isMap(item)) {
      errors.push({ ...pos, message: `Entry ${i + 1} is not a map of fields (lemma, english, …).` });
      return;
    }
    const fieldPos = (key: string) => {
      const pair = item.items.find((p) => isScalar(p.key) && p.key.value === key);
      return at((pair?.value as YamlNode | null)?.range?.[0] ?? (pair?.key as YamlNode | null)?.range?.[0] ?? item.range?.[0]);
    };
    const result = validateEntry(values[i], origin, i);
    for (const problem of result.problems) errors.push({ ...fieldPos(problem.field), message: problem.message });
    if (result.entry) entries.push(result.entry);
  });
  return { entries, errors };
}

function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return i === -1 ? s : s.slice(0, i);
}

interface Problem {
  field: string;
  message: string;
}

/** Entries from already-parsed data (the built-in glossary): the same checks as a user file. */
export function readEntries(data: unknown, origin: string): { entries: GlossaryEntry[]; errors: Problem[] } {
  const list = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.entries) ? data.entries : undefined;
  if (!list) return { entries: [], errors: [{ field: '', message: 'expected a list of entries' }] };
  const entries: GlossaryEntry[] = [];
  const errors: Problem[] = [];
  list.forEach((raw, i) => {
    const r = validateEntry(raw, origin, i);
    errors.push(...r.problems.map((p) => ({ field: p.field, message: `entry ${i + 1} (${r.entry?.id ?? '?'}): ${p.message}` })));
    if (r.entry) entries.push(r.entry);
  });
  return { entries, errors };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const STRING_FIELDS = ['english', 'definition', 'source', 'fullNameRu', 'fullNameEn', 'adopted', 'status'] as const;
const LIST_FIELDS = ['forms', 'exactForms', 'acronyms'] as const;
const KNOWN = new Set<string>(['id', 'kind', 'lemma', ...STRING_FIELDS, ...LIST_FIELDS]);

// Control characters (except tab) never belong in a glossary string; they can break a hover or a log line.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

function clean(s: string, max: number): string {
  const t = s.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

function validateEntry(raw: unknown, origin: string, index: number): { entry?: GlossaryEntry; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!isRecord(raw)) return { problems: [{ field: '', message: `Entry ${index + 1} is not a map of fields.` }] };
  const str = (field: string, required: boolean): string | undefined => {
    const v = raw[field];
    if (v === undefined || v === null) {
      if (required) problems.push({ field, message: `Entry ${index + 1} has no \`${field}\`.` });
      return undefined;
    }
    if (typeof v === 'number' || typeof v === 'boolean') return clean(String(v), GLOSSARY_LIMITS.fieldChars);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v !== 'string') {
      problems.push({ field, message: `\`${field}\` should be text, not ${Array.isArray(v) ? 'a list' : 'a map'}.` });
      return undefined;
    }
    const s = clean(v, GLOSSARY_LIMITS.fieldChars);
    if (required && s === '') problems.push({ field, message: `\`${field}\` is empty.` });
    return s === '' ? undefined : s;
  };
  const lemma = str('lemma', true);
  const english = str('english', true);
  const lemmaOk = lemma !== undefined && checkPhrase(lemma, 'lemma', problems);
  let kind: GlossaryKind = 'concept';
  const k = raw.kind;
  if (k !== undefined && k !== null) {
    if (typeof k === 'string' && (GLOSSARY_KINDS as readonly string[]).includes(k)) kind = k as GlossaryKind;
    else problems.push({ field: 'kind', message: `\`kind\` should be one of ${GLOSSARY_KINDS.join(', ')}.` });
  }
  let id = str('id', false);
  if (id !== undefined && id.length > 100) {
    problems.push({ field: 'id', message: '`id` is longer than 100 characters.' });
    id = undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN.has(key)) problems.push({ field: key, message: `Unknown field \`${clean(key, 40)}\` (ignored).` });
  }
  if (!lemma || !english || !lemmaOk) return { problems };
  const entry: GlossaryEntry = { id: id ?? `${origin === 'built-in' ? '' : 'user:'}${foldWord(lemma)}`, kind, lemma, english, definition: str('definition', false) ?? '', origin };
  for (const f of STRING_FIELDS) {
    if (f === 'english' || f === 'definition') continue;
    const v = str(f, false);
    if (v !== undefined) entry[f] = v;
  }
  for (const f of LIST_FIELDS) {
    const v = raw[f];
    if (v === undefined || v === null) continue;
    const items = typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined;
    if (!items) {
      problems.push({ field: f, message: `\`${f}\` should be a list of phrases.` });
      continue;
    }
    const phrases: string[] = [];
    for (const item of items.slice(0, GLOSSARY_LIMITS.formsPerEntry)) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        problems.push({ field: f, message: `Every item of \`${f}\` should be text.` });
        continue;
      }
      const s = clean(String(item), GLOSSARY_LIMITS.fieldChars);
      if (s !== '' && checkPhrase(s, f, problems)) phrases.push(s);
    }
    if (items.length > GLOSSARY_LIMITS.formsPerEntry) problems.push({ field: f, message: `Only the first ${GLOSSARY_LIMITS.formsPerEntry} items of \`${f}\` are read.` });
    if (phrases.length) entry[f] = phrases;
  }
  return { entry, problems };
}

function checkPhrase(s: string, field: string, problems: Problem[]): boolean {
  if (s.length > GLOSSARY_LIMITS.phraseChars) {
    problems.push({ field, message: `\`${field}\` phrase is longer than ${GLOSSARY_LIMITS.phraseChars} characters; it is not matched.` });
    return false;
  }
  if (s.split(/\s+/).length > GLOSSARY_LIMITS.phraseWords) {
    problems.push({ field, message: `\`${field}\` phrase has more than ${GLOSSARY_LIMITS.phraseWords} words; it is not matched.` });
    return false;
  }
  return true;
}
