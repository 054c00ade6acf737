// Workspace glossaries: found by the `glossary.files` globs, reloaded when they change, their
// problems shown as diagnostics at the offending line. Their entries win over the built-in ones.
// In an untrusted workspace they are not loaded at all.
import * as vscode from 'vscode';
import { Glossary, builtinGlossary, parseGlossaryFile } from '../core/glossary/glossary';
import type { GlossaryEntry } from '../core/glossary/types';
import type { Settings } from './config';
import { log, logError } from './log';

export class GlossaryService implements vscode.Disposable {
  private readonly files = new Map<string, GlossaryEntry[]>();
  private merged: Glossary | undefined;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('diplomaticAnnotator.glossary');
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private loading: Promise<void> | undefined;

  constructor(private readonly settings: Settings) {
    settings.onDidChange(() => void this.reload(), this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload(), this, this.disposables);
    vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reload(), this, this.disposables);
  }

  /** The glossary to analyse with: built-in entries overridden by the workspace's. */
  current(): Glossary {
    // Workspace glossaries are looked for only once a news file needs them, not on activation.
    void this.start();
    if (!this.merged) {
      const user = [...this.files.values()].flat();
      this.merged = user.length ? builtinGlossary().withUserEntries(user) : builtinGlossary();
    }
    return this.merged;
  }

  /** Loads workspace glossaries in the background; resolves when done (tests await it). */
  start(): Promise<void> {
    // Deferred: reload() fires onDidChange, whose listeners analyse, which asks for current() again.
    return (this.loading ??= Promise.resolve().then(() => this.reload()));
  }

  async reload(): Promise<void> {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    this.files.clear();
    this.diagnostics.clear();
    this.merged = undefined;
    if (!vscode.workspace.isTrusted) {
      log().info('Workspace is not trusted: workspace glossary files are not loaded (built-in glossary only).');
      this.changed.fire();
      const present = await Promise.all(this.settings.value.glossaryFiles.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 1)));
      if (present.some((found) => found.length > 0)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This workspace is in Restricted Mode: its glossary files are not loaded. Built-in glosses, highlighting and tags still work.'));
      }
      return;
    }
    const globs = this.settings.value.glossaryFiles;
    for (const glob of globs) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidChange((uri) => void this.load(uri));
      watcher.onDidCreate((uri) => void this.load(uri));
      watcher.onDidDelete((uri) => this.forget(uri));
      this.watchers.push(watcher);
    }
    const found = await Promise.all(globs.map((g) => vscode.workspace.findFiles(g, '**/node_modules/**', 500)));
    await Promise.all(found.flat().map((uri) => this.load(uri, false)));
    this.merged = undefined;
    this.changed.fire();
  }

  private async load(uri: vscode.Uri, notify = true): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      const origin = vscode.workspace.asRelativePath(uri);
      const { entries, errors } = parseGlossaryFile(new TextDecoder('utf-8').decode(bytes), origin);
      this.files.set(uri.toString(), entries);
      this.diagnostics.set(
        uri,
        errors.map((e) => {
          const pos = new vscode.Position(Math.max(0, e.line - 1), Math.max(0, e.column - 1));
          const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), e.message, vscode.DiagnosticSeverity.Error);
          d.source = 'Diplomatic Annotator';
          return d;
        }),
      );
      log().info(`glossary ${origin}: ${entries.length} entries${errors.length ? `, ${errors.length} problems` : ''}`);
    } catch (error) {
      logError(`Could not read glossary ${uri.toString()}`, error);
      this.files.delete(uri.toString());
    }
    if (notify) {
      this.merged = undefined;
      this.changed.fire();
    }
  }

  private forget(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
    this.diagnostics.delete(uri);
    this.merged = undefined;
    this.changed.fire();
  }

  dispose(): void {
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}
