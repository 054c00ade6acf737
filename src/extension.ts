// Wiring only: each feature registers itself. Nothing heavy runs here; the analysis and the
// glossary index are built the first time a news file asks for them.
import * as vscode from 'vscode';
import { Settings } from './editor/config';
import { AnalysisService } from './editor/analysisService';
import { GlossaryService } from './editor/glossaryService';
import { disposeLog, log, logError } from './editor/log';
import * as newsDocuments from './editor/newsDocuments';
import * as highlighting from './editor/highlighting';
import * as hover from './editor/hover';
import * as outline from './editor/outline';
import * as statusBar from './editor/statusBar';
import * as viewCommands from './editor/viewCommands';
import * as tagging from './editor/tags';

declare const __daLoadStart: number | undefined;

/** What the extension hands to other extensions and tests: its own timings. */
export interface DiplomaticAnnotatorApi {
  timings(): { activationMs: number; firstAnalysisMs?: number };
}

export function activate(context: vscode.ExtensionContext): DiplomaticAnnotatorApi {
  const started = typeof __daLoadStart === 'number' ? __daLoadStart : performance.now();
  try {
    const settings = new Settings();
    const glossaries = new GlossaryService(settings);
    const glossary = () => glossaries.current();
    const analyses = new AnalysisService(settings, glossary);
    context.subscriptions.push(settings, glossaries, analyses, glossaries.onDidChange(() => analyses.refreshAll()), { dispose: disposeLog });
    newsDocuments.register(context);
    highlighting.register(context, analyses, settings);
    const tagHover = tagging.register(context, analyses, settings);
    hover.register(context, analyses, glossary, [tagHover]);
    outline.register(context, analyses);
    statusBar.register(context, analyses, settings);
    viewCommands.register(context, analyses);
    const activationMs = performance.now() - started;
    log().info(`activated in ${activationMs.toFixed(1)} ms (loading the bundle included)`);
    return { timings: () => ({ activationMs, firstAnalysisMs: analyses.firstAnalysisAt === undefined ? undefined : analyses.firstAnalysisAt - started }) };
  } catch (error) {
    logError('Activation failed', error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Diplomatic Annotator could not start: {0}', error instanceof Error ? error.message : String(error)));
    throw error;
  }
}

export function deactivate(): void {}
