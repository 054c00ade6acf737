// Keeps one analysis per open news document, fresh for its version: computed on demand
// (hover, outline) and re-computed after typing stops (highlighting).
import * as vscode from 'vscode';
import { IncrementalAnalyzer } from '../core/analysis/incremental';
import { AnalysisIndex } from '../core/analysis/lookup';
import type { Glossary } from '../core/glossary/glossary';
import type { Settings } from './config';
import { isNewsDocument } from './newsDocuments';
import { log, logError } from './log';

export interface DocumentAnalysis {
  readonly version: number;
  readonly index: AnalysisIndex;
  readonly millis: number;
}

export type SkipReason = 'tooLarge' | 'disabled';

export class AnalysisService implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentAnalysis>();
  /** Per document: keeps each paragraph's dates and terms, so typing re-reads one paragraph. */
  private readonly analyzers = new Map<string, IncrementalAnalyzer>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disabled = new Set<string>();
  private readonly updated = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires when a document's analysis (or its being skipped) changed. */
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** performance.now() when the first analysis finished: the end of "activation to first paint". */
  firstAnalysisAt: number | undefined;

  constructor(
    private readonly settings: Settings,
    private readonly glossary: () => Glossary,
  ) {
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.forget(d), this, this.disposables);
    settings.onDidChange(() => this.refreshAll(), this, this.disposables);
  }

  /** Why a news document is not analysed, if it is not. */
  skipReason(document: vscode.TextDocument): SkipReason | undefined {
    if (this.disabled.has(document.uri.toString())) return 'disabled';
    // Length in UTF-16 units is a close, cheap stand-in for the byte size of Cyrillic text.
    const limit = this.settings.value.maxFileSizeKB * 1024;
    if (document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > limit) return 'tooLarge';
    return undefined;
  }

  /** The analysis for the document as it is now, or undefined when it is not analysed. */
  get(document: vscode.TextDocument): DocumentAnalysis | undefined {
    if (!isNewsDocument(document) || this.skipReason(document)) return undefined;
    const key = document.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === document.version) return cached;
    return this.compute(document);
  }

  isEnabled(document: vscode.TextDocument): boolean {
    return !this.disabled.has(document.uri.toString());
  }

  toggle(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    if (this.disabled.has(key)) this.disabled.delete(key);
    else this.disabled.add(key);
    this.updated.fire(document);
    return !this.disabled.has(key);
  }

  /** Re-analyses every open news document (after a settings or glossary change). */
  refreshAll(): void {
    this.cache.clear();
    this.analyzers.clear();
    for (const d of vscode.workspace.textDocuments) if (isNewsDocument(d)) this.updated.fire(d);
  }

  private compute(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const started = performance.now();
    try {
      const key = document.uri.toString();
      let analyzer = this.analyzers.get(key);
      if (!analyzer) this.analyzers.set(key, (analyzer = new IncrementalAnalyzer()));
      const analysis = analyzer.analyze(document.getText(), { glossary: this.glossary() });
      const result: DocumentAnalysis = { version: document.version, index: new AnalysisIndex(analysis), millis: performance.now() - started };
      this.cache.set(document.uri.toString(), result);
      this.firstAnalysisAt ??= performance.now();
      log().trace(`analysed ${document.uri.toString()} v${document.version} in ${result.millis.toFixed(1)} ms (${analysis.annotations.length} annotations)`);
      return result;
    } catch (error) {
      logError(`Analysis failed for ${document.uri.toString()}`, error);
      return undefined;
    }
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isNewsDocument(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.updated.fire(document);
      }, this.settings.value.analysisDelay),
    );
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.cache.delete(key);
    this.analyzers.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.cache.clear();
    this.analyzers.clear();
    this.updated.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
