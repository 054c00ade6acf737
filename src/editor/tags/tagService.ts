// The tags of every open news document, kept in step with the editor and with the sidecar file.
// Rules: edits move tags exactly; the sidecar is written (atomically, and on a local disk under a
// lock file that another window writing it waits for) when the text on disk matches the tags'
// offsets — at once for a saved document, on save for a dirty one; until then the tags are backed
// up in the extension's storage. A sidecar that does not parse is never overwritten; a
// tag changed both here and on disk stays on disk as the file has it until the user chooses.
import * as vscode from 'vscode';
import { parseSidecar } from '../../core/sidecar/parse';
import { serializeSidecar } from '../../core/sidecar/serialize';
import type { SidecarDocument, SidecarProblem } from '../../core/sidecar/types';
import { TagStore, TagStoreError } from '../../core/tags/store';
import type { Tag } from '../../core/tags/types';
import type { TagConflict } from '../../core/tags/merge';
import { textSha256 } from '../../core/sidecar/convert';
import { baseName } from '../../core/sidecar/paths';
import { isNewsDocument } from '../newsDocuments';
import { log, logError } from '../log';
import { readSidecar, readSidecarFile, recoverSidecar, sidecarUriFor, textUriFor, withSidecarLock, writeSidecarAtomically } from './sidecarFiles';

export interface TagState {
  /** The open document; rebound when VS Code hands out a new object for the same file. */
  document: vscode.TextDocument;
  readonly sidecarUri: vscode.Uri;
  /** Undefined while the sidecar is broken: tagging that file waits until it is fixed. */
  store?: TagStore;
  broken?: readonly SidecarProblem[];
  /** The sidecar text as last read or written by us, to tell our own writes from outside ones. */
  onDisk?: string;
  /** The last write failed: say so, keep the backup, retry on the next save. */
  writeError?: string;
  /** A conflict question is on screen, not answered or dismissed yet. */
  asking?: boolean;
  /** An untitled buffer saved as a file: the file whose tags its tags became. */
  handedTo?: string;
  /** When our last write reached the disk, by the file's own clock (its mtime). */
  wroteAt?: number;
}

interface Backup {
  /** Serialized sidecar with offsets for the text whose hash is `textSha256`. */
  sidecar: string;
  textSha256: string;
  /**
   * The base for merging it back: the sidecar on disk when the backup was made or, while conflicts
   * wait, that sidecar with each conflicting tag as it was before either side changed it.
   */
  base?: string;
}

const BACKUP_PREFIX = 'diplomaticAnnotator.backup:';
/** How often one write merges and writes again when someone writes over it each time. */
const MAX_WRITE_ATTEMPTS = 3;
/**
 * An outside change written this close to our last write (by the files' mtimes) may come from a
 * writer that never read ours: merged against the file before our write (see `TagStore.merge`).
 */
const CONCURRENT_WRITE_MS = 2000;
/**
 * When the sidecar is read again after loading. VS Code starts watching a moment after the watcher
 * is made (and never watches files outside the workspace folders): a change made in between would
 * go unseen until our next write.
 */
const RECHECK_AFTER_LOAD_MS = [1000, 5000];

export class TagService implements vscode.Disposable {
  private readonly states = new Map<string, TagState>();
  private readonly loading = new Map<string, Promise<TagState | undefined>>();
  /** Tags of untitled documents that were saved: picked up when the saved file opens. */
  private readonly handedOver = new Map<string, { sidecar: string; from: string }>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('diplomaticAnnotator.sidecar');
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument | undefined>();
  /** Fires when a document's tags (or their status) changed; undefined for "everything". */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly backupTimers = new Map<string, NodeJS.Timeout>();
  /** One write at a time per sidecar: two renames racing over one file would lose one. */
  private readonly writing = new Map<string, Promise<boolean>>();
  /** The last few sidecar texts we wrote ourselves, per sidecar: their change events are ours. */
  private readonly ownWrites = new Map<string, string[]>();
  private readonly rechecks = new Set<NodeJS.Timeout>();
  /** Watchers of single sidecars beside news files outside the workspace folders, by text URI. */
  private readonly outsideWatchers = new Map<string, vscode.Disposable>();

  constructor(private readonly storage: vscode.Memento) {
    vscode.workspace.onDidOpenTextDocument((d) => void this.load(d), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.followEdits(e), this, this.disposables);
    vscode.workspace.onDidSaveTextDocument((d) => void this.onSaved(d), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.onClosed(d), this, this.disposables);
    vscode.workspace.onDidRenameFiles((e) => void this.onRenamed(e), this, this.disposables);
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.tags.yaml');
    watcher.onDidChange((uri) => void this.onSidecarChanged(uri), this, this.disposables);
    watcher.onDidCreate((uri) => void this.onSidecarChanged(uri), this, this.disposables);
    watcher.onDidDelete((uri) => this.onSidecarDeleted(uri), this, this.disposables);
    this.disposables.push(watcher);
    // Back from another window (perhaps one that tagged the same file): what is on screen is looked at again.
    vscode.window.onDidChangeWindowState((w) => (w.focused ? this.recheckVisible() : undefined), this, this.disposables);
    for (const d of vscode.workspace.textDocuments) void this.load(d);
  }

  /** The state of a document's tags, once loaded. */
  get(document: vscode.TextDocument): TagState | undefined {
    const state = this.states.get(document.uri.toString());
    if (state && state.document !== document) this.rebind(state, document);
    return state;
  }

  /**
   * A file closed and opened again (or switched to Russian News) comes back as a new document
   * object: the tags stay, checked against the text it has now, so nothing reads a stale copy.
   */
  private rebind(state: TagState, document: vscode.TextDocument): void {
    state.document = document;
    if (state.store) state.store.reanchor(document.getText());
  }

  all(): TagState[] {
    return [...this.states.values()];
  }

  /** Loads (once) the tags of a news document: from the sidecar, the backup, or a hand-over. */
  load(document: vscode.TextDocument): Promise<TagState | undefined> {
    if (!isNewsDocument(document)) return Promise.resolve(undefined);
    const key = document.uri.toString();
    const existing = this.get(document);
    if (existing) return Promise.resolve(existing);
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.loadFresh(document).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending;
  }

  private async loadFresh(document: vscode.TextDocument): Promise<TagState | undefined> {
    const sidecarUri = sidecarUriFor(document.uri);
    const state: TagState = { document, sidecarUri };
    const file = baseName(document.uri.path);
    let onDisk: string | undefined;
    if (!document.isUntitled) {
      try {
        onDisk = await readSidecar(sidecarUri);
        onDisk ??= await recoverSidecar(sidecarUri, (t) => parseSidecar(t).ok);
      } catch (error) {
        logError(`Could not read ${sidecarUri.toString()}`, error);
        state.broken = [{ message: vscode.l10n.t('The sidecar could not be read: {0}', error instanceof Error ? error.message : String(error)), line: 1, column: 1 }];
        this.showProblems(sidecarUri, state.broken, false);
      }
    }
    // Read after the awaits: the text the tags are placed in is the text as it is now.
    const text = document.getText();
    state.onDisk = onDisk;
    if (onDisk !== undefined) {
      const parsed = parseSidecar(onDisk);
      this.showProblems(sidecarUri, parsed.ok ? parsed.warnings : parsed.errors, parsed.ok);
      if (!parsed.ok) {
        state.broken = parsed.errors;
      } else {
        state.store = TagStore.fromSidecar(file, parsed.sidecar, text).store;
      }
    } else if (!state.broken) {
      state.store = new TagStore(file);
    }
    const conflicts = state.store ? this.restoreBackup(state, text) : [];
    this.takeHandOver(state, text);
    if (state.store) this.reportAnchoring(document, state.store.reanchor(text));
    this.states.set(document.uri.toString(), state);
    this.watchOutside(document, sidecarUri);
    this.changed.fire(document);
    this.settle(document, conflicts);
    if (!document.isUntitled) this.recheckLater(state);
    if (state.store?.dirty) await this.persist(state);
    return state;
  }

  /**
   * Unsaved tag changes kept in storage come back whole when the sidecar has not changed since,
   * and are merged by tag id (against the sidecar they were based on) when it has.
   */
  private restoreBackup(state: TagState, text: string): TagConflict[] {
    const backup = this.storage.get<Backup>(BACKUP_PREFIX + state.document.uri.toString());
    const store = state.store;
    if (!backup || !store) return [];
    const parsed = parseSidecar(backup.sidecar);
    if (!parsed.ok) return [];
    const recovered = TagStore.fromSidecar(store.file, parsed.sidecar, text).store;
    if (backup.textSha256 !== textSha256(text)) recovered.reanchor(text);
    const ours = recovered.tags;
    if (backup.base === state.onDisk) {
      store.adopt(ours);
      log().info(`restored unsaved tag changes for ${state.document.uri.toString()}`);
      return [];
    }
    const baseDoc = backup.base === undefined ? undefined : parseSidecar(backup.base);
    const base = baseDoc?.ok ? TagStore.fromSidecar(store.file, baseDoc.sidecar, text).store.tags : [];
    const conflicts = store.restore(ours, base);
    log().info(`merged unsaved tag changes for ${state.document.uri.toString()} with the sidecar on disk (${conflicts.length} conflicts)`);
    return conflicts;
  }

  /** Tags of a saved untitled buffer whose text is this file's: they become the file's. */
  private takeHandOver(state: TagState, text: string): boolean {
    const store = state.store;
    if (!store || state.document.isUntitled) return false;
    // Save As opens the file while the buffer still holds the text, then empties and closes it.
    for (const twin of this.states.values()) {
      if (!twin.document.isUntitled || twin.handedTo || !twin.store?.tags.length) continue;
      const twinText = twin.document.getText();
      if (twinText.length !== text.length || twinText !== text) continue;
      store.addAll(twin.store.tags.filter((t) => !store.get(t.id)));
      twin.handedTo = state.document.uri.toString();
      void this.storage.update(BACKUP_PREFIX + twin.document.uri.toString(), undefined);
      log().info(`tags of ${twin.document.uri.toString()} handed over to ${twin.handedTo}`);
      return true;
    }
    // Hashing a very large text takes a while: only when a saved untitled buffer waits for its file.
    if (this.handedOver.size === 0) return false;
    const key = textSha256(text);
    const handed = this.handedOver.get(key);
    if (!handed) return false;
    const parsed = parseSidecar(handed.sidecar);
    if (parsed.ok) {
      const recovered = TagStore.fromSidecar(store.file, parsed.sidecar, text).store;
      recovered.reanchor(text);
      store.addAll(recovered.tags.filter((t) => !store.get(t.id)));
    }
    this.handedOver.delete(key);
    void this.storage.update(BACKUP_PREFIX + handed.from, undefined);
    return true;
  }

  private reportAnchoring(document: vscode.TextDocument, results: readonly { id: string; status: string }[]): void {
    const counts = new Map<string, number>();
    for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    if (results.length) log().info(`${document.uri.toString()}: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`);
  }

  private showProblems(uri: vscode.Uri, problems: readonly SidecarProblem[], warningsOnly: boolean): void {
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const at = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.column - 1));
        const d = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.message, warningsOnly ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
        d.source = 'Diplomatic Annotator';
        return d;
      }),
    );
  }

  /** The store of a document for a command, or a message saying why tagging is refused. */
  async storeFor(document: vscode.TextDocument): Promise<TagStore | string> {
    if (!isNewsDocument(document)) return vscode.l10n.t('Tags can be added to Russian news files only.');
    const state = await this.load(document);
    if (!state) return vscode.l10n.t('Tags can be added to Russian news files only.');
    if (!state.store) {
      const where = state.broken?.[0];
      return vscode.l10n.t(
        'Tagging is paused for this file: its sidecar {0} is broken{1}. Fix it and tagging resumes; the file is not overwritten.',
        baseName(state.sidecarUri.path),
        where ? vscode.l10n.t(' (line {0}: {1})', where.line, where.message) : '',
      );
    }
    return state.store;
  }

  /** Run after a command changed a document's tags: repaint, then write or back up. */
  async commit(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document);
    if (!state?.store) return;
    this.changed.fire(document);
    await this.persist(state, true);
  }

  /** `deliberate`: a command changed the tags (not typing): back it up at once, not in a while. */
  private async persist(state: TagState, deliberate = false): Promise<void> {
    const { document, store } = state;
    if (!store?.dirty) return;
    if (document.isUntitled || document.isDirty) {
      log().debug(`${document.uri.toString()} has unsaved text: tags backed up, written on save`);
      // A window closed or an extension host killed a moment later must not take a tag with it.
      if (deliberate) await this.backupNow(document, store, document.getText());
      else this.backupSoon(state);
      return;
    }
    await this.write(state);
  }

  /** Queues a write behind the one under way for the same sidecar. */
  private write(state: TagState): Promise<boolean> {
    return this.queued(state.sidecarUri, () => this.writeNow(state));
  }

  /**
   * Runs `work` after whatever is under way for the same sidecar: writes and the handling of
   * outside changes never interleave, so a read taken before our write is never merged after it.
   */
  private queued<T>(sidecarUri: vscode.Uri, work: () => Promise<T>): Promise<T> {
    const key = sidecarUri.toString();
    const next = (this.writing.get(key) ?? Promise.resolve(true)).then(work, work);
    const settled = next.then(
      () => true,
      () => false,
    );
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return next;
  }

  /** Writes the sidecar for the saved text, merging first if it changed on disk since we read it. */
  private async writeNow(state: TagState): Promise<boolean> {
    const { document, store, sidecarUri } = state;
    if (!store || state.broken) return false;
    const version = document.version;
    const text = document.getText();
    try {
      // Another window writing this sidecar now waits for the lock, then reads what we wrote.
      const outcome = await withSidecarLock(sidecarUri, () => this.mergeAndWrite(state, store, text, version));
      if (outcome !== 'saved') return outcome === 'clean';
      state.writeError = undefined;
      if (document.version !== version) {
        // Typing went on during the write: memory is ahead of the file again.
        store.dirty = true;
        this.backupSoon(state);
      } else if (store.conflicts.length) {
        // Our side of each conflict is only in memory: the backup keeps it, question and all.
        void this.backupNow(document, store, text);
      } else {
        clearTimeout(this.backupTimers.get(document.uri.toString()));
        this.backupTimers.delete(document.uri.toString());
        await this.storage.update(BACKUP_PREFIX + document.uri.toString(), undefined);
      }
      this.changed.fire(document);
      return true;
    } catch (error) {
      const message = writeErrorText(error);
      logError(`Could not write ${sidecarUri.toString()}`, error);
      void this.backupNow(document, store, text);
      if (state.writeError !== message) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not write the tags to {0}: {1}. They are kept in memory and in VS Code\'s storage, and writing is tried again on the next save.', baseName(sidecarUri.path), message),
        );
      }
      state.writeError = message;
      return false;
    }
  }

  /**
   * Reads the sidecar, merges what someone else wrote since we last read it, writes, and reads it
   * back: a writer that takes no lock (a virtual file system, another tool) may have renamed its
   * file over ours in between, and then what it wrote is merged and written again. Until a write
   * is read back as written, the file as read before stays the merge base, so such a writer's
   * content, which lacks our newest tags because it never saw them, takes none of them away.
   */
  private async mergeAndWrite(state: TagState, store: TagStore, text: string, version: number): Promise<'saved' | 'clean' | 'failed'> {
    const { document, sidecarUri } = state;
    const read = await readSidecarFile(sidecarUri);
    let current = read?.text;
    // Written over by someone right after our last write, and the watcher has not told us yet.
    let concurrent = this.nearOurWrite(state, read);
    for (let attempt = 1; ; attempt++) {
      if (state.document !== document || state.store !== store || document.version !== version) {
        // The text changed while the sidecar was read: the tags' offsets no longer fit `text`.
        // Start again from the document as it is now (a dirty one is backed up, written on save).
        void this.persist(state);
        return 'failed';
      }
      if (current !== state.onDisk && current !== undefined) {
        // Someone else wrote it (another window, git): merge theirs before writing ours.
        const parsed = parseSidecar(current);
        if (!parsed.ok) {
          state.broken = parsed.errors;
          state.store = undefined;
          this.showProblems(sidecarUri, parsed.errors, false);
          void this.backupNow(document, store, text);
          void vscode.window.showErrorMessage(vscode.l10n.t('{0} was changed on disk and no longer parses; your tags are kept and were not written.', baseName(sidecarUri.path)));
          this.changed.fire(document);
          return 'failed';
        }
        this.settle(document, store.merge(parsed.sidecar, text, concurrent));
        store.reanchor(text);
        state.onDisk = current;
      }
      if (!store.dirty && current !== undefined) return 'clean';
      const revision = store.revision;
      const sidecar: SidecarDocument = store.toSidecarForDisk(text);
      const content = serializeSidecar(sidecar);
      if (content !== current) {
        const own = this.ownWrites.get(sidecarUri.toString()) ?? [];
        this.ownWrites.set(sidecarUri.toString(), [content, ...own].slice(0, 5));
        await writeSidecarAtomically(sidecarUri, content);
        const back = await readSidecarFile(sidecarUri).catch(() => undefined);
        if (back !== undefined && back.text !== content) {
          if (attempt < MAX_WRITE_ATTEMPTS) {
            log().info(`${sidecarUri.toString()} was written over while we wrote it: merging again (attempt ${attempt + 1})`);
            current = back.text;
            // The file as read before this write is still the base (it was not marked saved).
            concurrent = false;
            continue;
          }
          // Memory stays ahead of the file, backed up; the watcher brings that writer's file in next.
          log().warn(`${sidecarUri.toString()} was written over ${attempt} times in a row while we wrote it; trying again on its next change`);
          void this.backupNow(document, store, text);
          return 'failed';
        }
        state.wroteAt = back?.mtime;
        log().debug(`wrote ${sidecarUri.toString()} (${store.tags.length} tags)`);
      }
      state.onDisk = content;
      store.markSaved(sidecar, text, revision);
      // A change made during the write (the awaits above) waits for its own write.
      if (store.dirty && !store.conflicts.length) void this.persist(state);
      return 'saved';
    }
  }

  /** The file was written at about the moment of our last write: perhaps by a writer that never read it. */
  private nearOurWrite(state: TagState, file: { mtime: number } | undefined): boolean {
    return state.wroteAt !== undefined && file !== undefined && Math.abs(file.mtime - state.wroteAt) < CONCURRENT_WRITE_MS;
  }

  private backupSoon(state: TagState): void {
    const key = state.document.uri.toString();
    // Throttled, not debounced: steady typing must not put the backup off for ever.
    if (this.backupTimers.has(key)) return;
    this.backupTimers.set(
      key,
      setTimeout(() => {
        this.backupTimers.delete(key);
        if (state.store) void this.backupNow(state.document, state.store, state.document.getText());
      }, 500),
    );
  }

  private backupNow(document: vscode.TextDocument, store: TagStore, text: string): Thenable<void> {
    const kept = store.backup(text);
    const backup: Backup = { sidecar: kept.sidecar, textSha256: textSha256(text), base: kept.base ?? this.get(document)?.onDisk };
    return this.storage.update(BACKUP_PREFIX + document.uri.toString(), backup);
  }

  private followEdits(e: vscode.TextDocumentChangeEvent): void {
    const state = this.get(e.document);
    // A buffer saved as a file is emptied before it closes: its tags went with the text.
    if (!state?.store || state.handedTo || e.contentChanges.length === 0) return;
    // A clean document after a change that was not an undo/redo was reloaded from disk: its lines
    // were replaced wholesale, so every tag is found again in the new text rather than clipped.
    if (!e.document.isDirty && e.reason === undefined) {
      state.store.reanchor(e.document.getText());
      this.changed.fire(e.document);
      void this.persist(state);
      return;
    }
    const changes = e.contentChanges.map((c) => ({ rangeOffset: c.rangeOffset, rangeLength: c.rangeLength, text: c.text }));
    const outcome = state.store.applyEdits(changes, () => e.document.getText());
    if (outcome.changed || state.store.dirty) {
      this.changed.fire(e.document);
      void this.persist(state);
    }
  }

  private async onSaved(document: vscode.TextDocument): Promise<void> {
    const state = this.get(document);
    if (state?.store?.dirty || state?.writeError) await this.write(state);
    // A question not answered yet comes back when the user saves: the tags it holds wait for it.
    if (state?.store?.conflicts.length && !state.asking) this.settle(document, state.store.conflicts);
  }

  /**
   * The workspace watcher sees only the workspace folders: a news file opened from elsewhere gets a
   * watcher of its own sidecar, for as long as it is open.
   */
  private watchOutside(document: vscode.TextDocument, sidecarUri: vscode.Uri): void {
    const key = document.uri.toString();
    if (this.outsideWatchers.has(key) || document.uri.scheme !== 'file' || vscode.workspace.getWorkspaceFolder(document.uri)) return;
    const folder = sidecarUri.with({ path: sidecarUri.path.slice(0, sidecarUri.path.lastIndexOf('/')) || '/' });
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, baseName(sidecarUri.path)));
    watcher.onDidChange((uri) => void this.onSidecarChanged(uri));
    watcher.onDidCreate((uri) => void this.onSidecarChanged(uri));
    watcher.onDidDelete((uri) => this.onSidecarDeleted(uri));
    this.outsideWatchers.set(key, watcher);
  }

  private onClosed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.states.get(key);
    // A plain-text twin of a news file closes when its language is switched: not ours to drop.
    if (!state || state.document !== document) return;
    this.outsideWatchers.get(key)?.dispose();
    this.outsideWatchers.delete(key);
    if (state.handedTo) {
      // Its tags are the saved file's now (see takeHandOver); the emptied buffer's are no one's.
      this.states.delete(key);
      this.changed.fire(undefined);
      return;
    }
    const text = document.getText();
    if (state.store && state.store.tags.length && document.isUntitled && text) {
      // Where the buffer closes before its file opens, the file finds the tags by its content.
      this.handedOver.set(textSha256(text), { sidecar: state.store.serialize(text), from: key });
    }
    if (state.store?.dirty) void this.backupNow(document, state.store, text);
    this.states.delete(key);
    this.changed.fire(undefined);
  }

  private stateForSidecar(uri: vscode.Uri): TagState | undefined {
    const textUri = textUriFor(uri);
    return textUri ? this.states.get(textUri.toString()) : undefined;
  }

  private onSidecarChanged(uri: vscode.Uri): Promise<void> {
    return this.queued(uri, () => this.takeOutsideChange(uri));
  }

  private async takeOutsideChange(uri: vscode.Uri): Promise<void> {
    const state = this.stateForSidecar(uri);
    if (!state) return;
    let file: { text: string; mtime: number } | undefined;
    try {
      file = await readSidecarFile(uri);
    } catch (error) {
      logError(`Could not re-read ${uri.toString()}`, error);
      return;
    }
    const content = file?.text;
    if (content === undefined || content === state.onDisk || this.ownWrites.get(uri.toString())?.includes(content)) return;
    const { document } = state;
    const text = document.getText();
    const parsed = parseSidecar(content);
    this.showProblems(uri, parsed.ok ? parsed.warnings : parsed.errors, parsed.ok);
    if (!parsed.ok) {
      if (state.store) void this.backupNow(document, state.store, text);
      state.broken = parsed.errors;
      state.store = undefined;
      state.onDisk = content;
      this.changed.fire(document);
      return;
    }
    if (!state.store) {
      // Fixed at last: load it, then bring back what was kept while it was broken.
      this.states.delete(document.uri.toString());
      // Not awaited: loading may write, and writes queue behind this very handler.
      void this.load(document);
      return;
    }
    state.onDisk = content;
    this.settle(document, state.store.merge(parsed.sidecar, text, this.nearOurWrite(state, file)));
    state.store.reanchor(text);
    this.changed.fire(document);
    // Not awaited, for the same reason: the write queues behind this handler.
    if (state.store.dirty) void this.persist(state);
  }

  /** Reads the sidecar again after loading (see RECHECK_AFTER_LOAD_MS); takes what changed meanwhile. */
  private recheckLater(state: TagState): void {
    for (const ms of RECHECK_AFTER_LOAD_MS) {
      const timer = setTimeout(() => {
        this.rechecks.delete(timer);
        if (this.states.get(state.document.uri.toString()) === state) void this.onSidecarChanged(state.sidecarUri);
      }, ms);
      this.rechecks.add(timer);
    }
  }

  private recheckVisible(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const state = this.states.get(editor.document.uri.toString());
      if (state && !state.document.isUntitled) void this.onSidecarChanged(state.sidecarUri);
    }
  }

  private onSidecarDeleted(uri: vscode.Uri): void {
    const state = this.stateForSidecar(uri);
    if (!state?.store) return;
    // The tags stay in memory and in storage; the next change or save writes the sidecar again.
    state.onDisk = undefined;
    if (state.store.tags.length) {
      state.store.dirty = true;
      void this.backupNow(state.document, state.store, state.document.getText());
    }
    this.diagnostics.delete(uri);
  }

  /**
   * Conflicting edits of the same tag are put to the user, never silently decided. Until the user
   * answers, each such tag stays on disk as the file has it, and ours in memory and in the backup.
   */
  private settle(document: vscode.TextDocument, conflicts: readonly TagConflict[]): void {
    if (conflicts.length === 0) return;
    const state = this.get(document);
    if (!state) return;
    this.changed.fire(document);
    const keepMine = vscode.l10n.t('Keep Mine');
    const keepTheirs = vscode.l10n.t('Keep the File\'s');
    state.asking = true;
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t('{0} tag(s) in {1} were changed both here and in the sidecar on disk ({2}).', conflicts.length, baseName(document.uri.path), conflicts.map((c) => c.id).join(', ')),
        keepMine,
        keepTheirs,
      )
      .then(async (choice) => {
        state.asking = false;
        if (choice) await this.resolveConflicts(state.document, choice === keepMine ? 'ours' : 'theirs', conflicts.map((c) => c.id));
      });
  }

  /**
   * Settles a document's waiting conflicts (those of `ids`, or all): the chosen version of each tag
   * is kept, and written like any other tag change. Returns how many were settled.
   */
  async resolveConflicts(document: vscode.TextDocument, side: 'ours' | 'theirs', ids?: readonly string[]): Promise<number> {
    const store = this.get(document)?.store;
    if (!store) return 0;
    const waiting = store.conflicts.filter((c) => !ids || ids.includes(c.id));
    for (const c of waiting) store.resolve(c.id, side);
    if (waiting.length) await this.commit(document);
    return waiting.length;
  }

  private async onRenamed(e: vscode.FileRenameEvent): Promise<void> {
    for (const { oldUri, newUri } of e.files) {
      // Unsaved tag changes (backed up when the old document closed) follow the file too.
      const backup = this.storage.get<Backup>(BACKUP_PREFIX + oldUri.toString());
      if (backup) {
        await this.storage.update(BACKUP_PREFIX + newUri.toString(), backup);
        await this.storage.update(BACKUP_PREFIX + oldUri.toString(), undefined);
      }
      this.states.delete(oldUri.toString());
      const from = sidecarUriFor(oldUri);
      const content = await readSidecar(from).catch(() => undefined);
      if (content !== undefined) {
        const to = sidecarUriFor(newUri);
        try {
          const parsed = parseSidecar(content);
          // The sidecar follows its text; its `text.file` names the new file.
          const next = parsed.ok ? serializeSidecar({ ...parsed.sidecar, text: { ...parsed.sidecar.text, file: baseName(newUri.path) } }) : content;
          await writeSidecarAtomically(to, next);
          await vscode.workspace.fs.delete(from);
          log().info(`moved ${from.toString()} to ${to.toString()}`);
        } catch (error) {
          logError(`Could not move the sidecar ${from.toString()}`, error);
          void vscode.window.showErrorMessage(vscode.l10n.t('The text was renamed but its tags could not follow: {0} is still at the old place.', baseName(from.path)));
        }
      }
      const opened = vscode.workspace.textDocuments.find((d) => d.uri.toString() === newUri.toString());
      if (opened && (content !== undefined || backup)) {
        // Loaded again from the moved sidecar and the moved backup.
        await this.loading.get(newUri.toString());
        this.states.delete(newUri.toString());
        await this.load(opened);
      }
    }
  }

  /**
   * Drops every document's tags from memory without writing or backing up anything, as a killed
   * extension host would; the next use loads them again from the sidecars and the backups. For
   * tests of what survives a lost window.
   */
  forgetAll(): void {
    for (const timer of this.backupTimers.values()) clearTimeout(timer);
    this.backupTimers.clear();
    this.states.clear();
    this.handedOver.clear();
    this.ownWrites.clear();
    this.changed.fire(undefined);
  }

  /** Tags of a document covering an offset; none when not loaded. */
  tagsAt(document: vscode.TextDocument, offset: number): Tag[] {
    return this.get(document)?.store?.at(offset) ?? [];
  }

  dispose(): void {
    for (const timer of this.rechecks) clearTimeout(timer);
    for (const [key, timer] of this.backupTimers) {
      clearTimeout(timer);
      const state = this.states.get(key);
      if (state?.store) void this.backupNow(state.document, state.store, state.document.getText());
    }
    for (const d of this.disposables) d.dispose();
    for (const w of this.outsideWatchers.values()) w.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

export { TagStoreError };

/** Why a write failed, in the user's words first (the system's message after, for support). */
function writeErrorText(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
      return vscode.l10n.t('the disk is full ({0})', raw);
    case 'EACCES':
    case 'EPERM':
      return vscode.l10n.t('permission denied ({0})', raw);
    case 'EROFS':
      return vscode.l10n.t('the folder is read-only ({0})', raw);
    default:
      return raw;
  }
}
