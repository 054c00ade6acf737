// One document's tags in memory: what the commands change, what the sidecar is written from, and
// what an outside change of the sidecar is merged into. Pure; the editor layer does the I/O.
import { applyEdits, type EditOutcome } from '../anchoring/edits';
import { contextAround } from '../anchoring/context';
import { reanchor, type AnchorResult, type ReanchorOptions } from '../anchoring/reanchor';
import { sidecarFromTags, tagsFromSidecar } from '../sidecar/convert';
import { serializeSidecar } from '../sidecar/serialize';
import type { SidecarDocument, SidecarProblem, TagSetEntry } from '../sidecar/types';
import { createIdGenerator } from './ids';
import { mergeTags, sameTag, type TagConflict } from './merge';
import { compareTags, type Tag, type TextChange } from './types';

export const DEFAULT_LABELS = ['quote', 'speaker', 'date', 'treaty-term', 'claim', 'position', 'commitment', 'note'] as const;

export interface TagStoreOptions {
  /** Makes tag ids (injectable for tests). */
  readonly newId?: () => string;
  /** The clock for `created` (injectable for tests). */
  readonly now?: () => Date;
  /** Written as each new tag's `author`, when set. */
  readonly author?: string;
}

export class TagStoreError extends Error {}

export class TagStore {
  private byId = new Map<string, Tag>();
  /** The tags as last read from or written to disk: the base of a three-way merge. */
  private base: Tag[] = [];
  /** The tags of the file our last write replaced: what a writer who never read that write started from. */
  private replaced: Tag[] | undefined;
  private previous: SidecarDocument | undefined;
  private recent: string[] = [];
  private unresolved = new Map<string, TagConflict>();
  private readonly newId: () => string;
  private readonly now: () => Date;
  private changedSinceSaved = false;
  /** Counts changes, so a write can tell whether memory moved on while it was under way. */
  revision = 0;

  /** True when the sidecar on disk no longer says what memory says. */
  get dirty(): boolean {
    return this.changedSinceSaved;
  }
  set dirty(value: boolean) {
    if (value) this.revision++;
    this.changedSinceSaved = value;
  }

  constructor(
    /** The text file's name, as written in the sidecar. */
    readonly file: string,
    private readonly options: TagStoreOptions = {},
  ) {
    this.newId = options.newId ?? createIdGenerator();
    this.now = options.now ?? (() => new Date());
  }

  /** A store holding a parsed sidecar's tags, converted to UTF-16 offsets into `text`. */
  static fromSidecar(file: string, sidecar: SidecarDocument, text: string, options?: TagStoreOptions): { store: TagStore; warnings: SidecarProblem[] } {
    const store = new TagStore(file, options);
    const { tags, warnings } = tagsFromSidecar(sidecar, text);
    store.replaceAll(tags);
    store.base = tags;
    store.previous = sidecar;
    store.recent = [...tags].sort((a, b) => (b.created ?? '').localeCompare(a.created ?? '')).map((t) => t.label);
    store.recent = [...new Set(store.recent)];
    return { store, warnings };
  }

  private replaceAll(tags: readonly Tag[]): void {
    this.byId = new Map(tags.map((t) => [t.id, t]));
  }

  /** All tags in text order. */
  get tags(): Tag[] {
    return [...this.byId.values()].sort(compareTags);
  }

  get(id: string): Tag | undefined {
    return this.byId.get(id);
  }

  /** Tags covering a UTF-16 offset (innermost first), orphaned ones excluded. */
  at(offset: number): Tag[] {
    return this.tags.filter((t) => t.status !== 'orphaned' && t.start <= offset && offset <= t.end).sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  get tagset(): readonly TagSetEntry[] | undefined {
    return this.previous?.tagset;
  }

  /** Labels for the quick pick: recently used first, then the tag set, the file's own, the defaults. */
  labels(defaults: readonly string[] = DEFAULT_LABELS): string[] {
    const fromSet = this.previous?.tagset?.map((e) => e.label) ?? [];
    const inFile = this.tags.map((t) => t.label);
    return [...new Set([...this.recent, ...fromSet, ...inFile, ...defaults])];
  }

  private put(tag: Tag): Tag {
    this.byId.set(tag.id, tag);
    this.dirty = true;
    return tag;
  }

  private must(id: string): Tag {
    const tag = this.byId.get(id);
    if (!tag) throw new TagStoreError(`No tag ${id} in ${this.file}.`);
    return tag;
  }

  /** Tags [start, end) of `text` (UTF-16 offsets) with `label`. */
  add(text: string, start: number, end: number, label: string, note?: string): Tag {
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
      throw new TagStoreError('A tag needs a non-empty selection inside the text.');
    }
    const trimmed = label.trim();
    if (!trimmed || /[\r\n]/.test(trimmed)) throw new TagStoreError('A label must be one line of text.');
    let id = this.newId();
    while (this.byId.has(id)) id = this.newId();
    this.recent = [trimmed, ...this.recent.filter((l) => l !== trimmed)];
    return this.put({
      id,
      label: trimmed,
      start,
      end,
      text: text.slice(start, end),
      ...contextAround(text, start, end),
      ...(note ? { note } : {}),
      links: [],
      created: this.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ...(this.options.author ? { author: this.options.author } : {}),
    });
  }

  /** Adds tags made elsewhere (an import), skipping any that repeat a tag already here. */
  addAll(tags: readonly Tag[]): Tag[] {
    const key = (t: Tag) => `${t.label}\u0000${t.start}\u0000${t.end}`;
    const have = new Set(this.tags.map(key));
    const added: Tag[] = [];
    for (const t of tags) {
      if (have.has(key(t))) continue;
      const tag = this.byId.has(t.id) ? { ...t, id: this.newId() } : t;
      have.add(key(tag));
      added.push(this.put(tag));
    }
    return added;
  }

  /** Takes these tags as the store's own (a backup restored, a merge result); marks it dirty. */
  adopt(tags: readonly Tag[]): void {
    this.replaceAll(tags);
    this.dirty = true;
  }

  /** Removes a tag and the links other tags had to it. */
  remove(id: string): Tag {
    const tag = this.must(id);
    this.byId.delete(id);
    for (const other of this.byId.values()) {
      if (other.links.some((l) => l.tag === id)) this.byId.set(other.id, { ...other, links: other.links.filter((l) => l.tag !== id) });
    }
    this.unresolved.delete(id);
    this.dirty = true;
    return tag;
  }

  setNote(id: string, note: string | undefined): Tag {
    const tag = this.must(id);
    const { note: _old, ...rest } = tag;
    void _old;
    if ((note || undefined) === tag.note) return tag;
    return this.put(note ? { ...rest, note } : rest);
  }

  setLabel(id: string, label: string): Tag {
    const tag = this.must(id);
    const trimmed = label.trim();
    if (!trimmed || /[\r\n]/.test(trimmed)) throw new TagStoreError('A label must be one line of text.');
    if (trimmed === tag.label) return tag;
    this.recent = [trimmed, ...this.recent.filter((l) => l !== trimmed)];
    return this.put({ ...tag, label: trimmed });
  }

  /** Links tag `id` to tag `target` in a role (e.g. a quote to its `speaker`); once per pair and role. */
  link(id: string, role: string, target: string): Tag {
    const tag = this.must(id);
    this.must(target);
    if (id === target) throw new TagStoreError('A tag cannot be linked to itself.');
    if (tag.links.some((l) => l.role === role && l.tag === target)) return tag;
    return this.put({ ...tag, links: [...tag.links, { role, tag: target }] });
  }

  unlink(id: string, role: string, target: string): Tag {
    const tag = this.must(id);
    const links = tag.links.filter((l) => !(l.role === role && l.tag === target));
    return links.length === tag.links.length ? tag : this.put({ ...tag, links });
  }

  /** Moves a doubtful tag to its proposed place (the user said yes). */
  confirmProposed(id: string, text: string): Tag {
    const tag = this.must(id);
    if (!tag.proposed) throw new TagStoreError('This tag has no proposed place to confirm.');
    const { start, end } = tag.proposed;
    const { status: _s, proposed: _p, ...rest } = tag;
    void _s;
    void _p;
    return this.put({ ...rest, start, end, text: text.slice(start, end), ...contextAround(text, start, end) });
  }

  /** Rejects a doubtful tag's proposed place: the tag stays, orphaned, where it was. */
  rejectProposed(id: string): Tag {
    const tag = this.must(id);
    const { proposed: _p, ...rest } = tag;
    void _p;
    return this.put({ ...rest, status: 'orphaned' });
  }

  /** Follows the editor's content changes (see `applyEdits`). */
  applyEdits(changes: readonly TextChange[], currentText?: () => string): EditOutcome {
    const outcome = applyEdits(this.tags, changes, currentText);
    if (outcome.changed) {
      this.replaceAll(outcome.tags);
      this.dirty = true;
    }
    this.moveConflicts((tags) => applyEdits(tags, changes, currentText).tags);
    return outcome;
  }

  /** Finds every tag again in `text` after an outside change or on open (see `reanchor`). */
  reanchor(text: string, options?: ReanchorOptions): AnchorResult[] {
    const before = this.tags;
    const { tags, results } = reanchor(before, text, options);
    if (tags.some((t, i) => t !== before[i])) {
      this.replaceAll(tags);
      this.dirty = true;
    }
    this.moveConflicts((held) => reanchor(held, text, options).tags);
    return results;
  }

  /**
   * The disk's and the base's versions of a conflicting tag wait for the user's choice while the
   * text is edited: they move with it, so whichever is chosen (or written meanwhile) fits the text.
   */
  private moveConflicts(move: (tags: Tag[]) => Tag[]): void {
    if (this.unresolved.size === 0) return;
    const pending = [...this.unresolved.values()];
    for (const side of ['theirs', 'base'] as const) {
      const held = pending.filter((c) => c[side]);
      const moved = move(held.map((c) => c[side]!));
      held.forEach((c, i) => this.unresolved.set(c.id, { ...this.unresolved.get(c.id)!, [side]: moved[i] }));
    }
  }

  /** The sidecar for the current tags, with offsets for `text`. */
  toSidecar(text: string): SidecarDocument {
    return sidecarFromTags(this.tags, text, { file: this.file, previous: this.previous });
  }

  serialize(text: string): string {
    return serializeSidecar(this.toSidecar(text));
  }

  /**
   * The sidecar to write. While a conflict waits for the user, the tag is written as the file
   * already has it: the other side's edit is not overwritten before the user chose.
   */
  toSidecarForDisk(text: string): SidecarDocument {
    return sidecarFromTags(this.withConflicts('theirs', this.tags), text, { file: this.file, previous: this.previous });
  }

  /**
   * What a backup keeps: the user's own tags, and the base they were changed from. While conflicts
   * wait, the base holds each conflicting tag as it was before either side changed it, so merging
   * the backup with the file again (after a restart) asks the same question instead of choosing.
   * Without conflicts `base` is undefined: the sidecar on disk is the base.
   */
  backup(text: string): { sidecar: string; base?: string } {
    const sidecar = serializeSidecar(sidecarFromTags(this.withConflicts('ours', this.tags), text, { file: this.file, previous: this.previous }));
    if (this.unresolved.size === 0) return { sidecar };
    const base = sidecarFromTags(this.withConflicts('base', this.base), text, { file: this.file, previous: this.previous });
    return { sidecar, base: serializeSidecar(base) };
  }

  /** `tags` with each conflicting tag replaced by one side's version (or left out where it has none). */
  private withConflicts(side: 'ours' | 'theirs' | 'base', tags: readonly Tag[]): Tag[] {
    if (this.unresolved.size === 0) return [...tags];
    const out = tags.filter((t) => !this.unresolved.has(t.id));
    for (const c of this.unresolved.values()) {
      // Our side is what is in memory now (edits since the merge included); not deleted, that is.
      const chosen = side === 'ours' ? c.ours && this.byId.get(c.id) : c[side];
      if (chosen) out.push(chosen);
    }
    return out.sort(compareTags);
  }

  /** Call after the sidecar was written: what was written is the new merge base. */
  /**
   * `revision`: the store's revision when `written` was made. A change made while the file was being
   * written (a tag rejected during the rename) is not in it, so memory stays ahead of the file.
   */
  markSaved(written: SidecarDocument, text: string, revision = this.revision): void {
    this.previous = written;
    this.replaced = this.base;
    this.base = tagsFromSidecar(written, text).tags;
    // Memory still differs from the file while a conflict waits for the user.
    this.changedSinceSaved = this.unresolved.size > 0 || revision !== this.revision;
  }

  /**
   * Merges the sidecar now on disk (`theirs`, re-read after an outside change) into memory by tag
   * id. Returns the conflicts: each keeps the version on screen until `resolve` is called.
   * The caller re-anchors afterwards if the text changed too.
   *
   * `concurrent`: theirs was written at about the moment of our last write, perhaps by a writer
   * that never read it (one that takes no lock). Unless their file shows any of that write, the
   * file before it is the base for each tag it changed: a tag we added is not taken for one they
   * deleted, nor a change of ours for one they undid, and a tag they changed too is asked about.
   * (The price: a file that undoes all of our last write within that moment brings it back.)
   */
  merge(theirs: SidecarDocument, text: string, concurrent = false): TagConflict[] {
    const theirTags = tagsFromSidecar(theirs, text).tags;
    const base = concurrent && this.replaced ? this.baseBefore(this.replaced, theirTags) : this.base;
    const { tags, conflicts } = mergeTags(base, this.tags, theirTags);
    this.replaceAll(tags);
    this.base = theirTags;
    this.previous = theirs;
    this.refreshConflicts(theirTags, conflicts);
    const merged = JSON.stringify(this.tags);
    this.dirty = this.unresolved.size > 0 || merged !== JSON.stringify([...theirTags].sort(compareTags));
    return conflicts;
  }

  /**
   * The base for a file written by someone who may not have read our last write. When their file
   * shows any of that write (a tag it added, whose id they could have from nowhere else, or a tag
   * as it changed it), they read it: the usual base. Otherwise, for each tag that write changed,
   * the version before it (`before`), unless their file has the tag as we wrote it.
   */
  private baseBefore(before: readonly Tag[], theirs: readonly Tag[]): Tag[] {
    const was = new Map(before.map((t) => [t.id, t]));
    const is = new Map(this.base.map((t) => [t.id, t]));
    const same = (a: Tag | undefined, b: Tag | undefined) => (a && b ? sameTag(a, b) : !a && !b);
    const sawIt = theirs.some((t) => {
      const wrote = is.get(t.id);
      return wrote && (!was.has(t.id) || (!same(was.get(t.id), wrote) && sameTag(t, wrote)));
    });
    if (sawIt) return this.base;
    const their = new Map(theirs.map((t) => [t.id, t]));
    const out: Tag[] = [];
    for (const id of new Set([...was.keys(), ...is.keys()])) {
      const chosen = same(their.get(id), is.get(id)) ? is.get(id) : was.get(id);
      if (chosen) out.push(chosen);
    }
    return out;
  }

  /**
   * Takes back unsaved tags kept in a backup (`ours`, changed from `base`) when the sidecar read
   * now (this store's tags) differs from that base: merged by tag id, conflicts kept for the user.
   */
  restore(ours: readonly Tag[], base: readonly Tag[]): TagConflict[] {
    const onDisk = this.tags;
    const { tags, conflicts } = mergeTags(base, ours, onDisk);
    this.replaceAll(tags);
    this.refreshConflicts(onDisk, conflicts);
    this.dirty = true;
    return conflicts;
  }

  /**
   * Records new conflicts, and brings older ones still waiting up to date with the file: a tag the
   * file now has as we have it is no conflict any more; otherwise the file's newer version is the
   * one to hold on disk.
   */
  private refreshConflicts(onDisk: readonly Tag[], conflicts: readonly TagConflict[]): void {
    const fresh = new Map(conflicts.map((c) => [c.id, c]));
    const disk = new Map(onDisk.map((t) => [t.id, t]));
    for (const [id, c] of this.unresolved) {
      if (fresh.has(id)) continue;
      const theirs = disk.get(id);
      const mine = c.ours && this.byId.get(id);
      if (mine && theirs ? sameTag(mine, theirs) : !mine && !theirs) this.unresolved.delete(id);
      else this.unresolved.set(id, { ...c, theirs });
    }
    for (const c of conflicts) this.unresolved.set(c.id, { ...c, base: this.unresolved.get(c.id)?.base ?? c.base });
  }

  /** Conflicts from `merge` still waiting for the user. */
  get conflicts(): TagConflict[] {
    return [...this.unresolved.values()];
  }

  /**
   * Settles a conflict: keep the tag as it is here (`ours`, with any edits since) or as the file
   * has it (`theirs`, moved with the text since); a side that deleted the tag deletes it.
   */
  resolve(id: string, side: 'ours' | 'theirs'): void {
    const c = this.unresolved.get(id);
    if (!c) return;
    this.unresolved.delete(id);
    const chosen = side === 'ours' ? c.ours && this.byId.get(id) : c.theirs;
    if (chosen) this.byId.set(id, chosen);
    else this.byId.delete(id);
    this.dirty = true;
  }
}
