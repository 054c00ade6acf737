// Commands about the analysis view of a file: toggle highlighting, the log, and an internal
// query that tests use to read what the analysis found.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { COMMANDS, INTERNAL } from './commandIds';
import { log } from './log';
import { isNewsDocument } from './newsDocuments';

export function register(context: vscode.ExtensionContext, analyses: AnalysisService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.toggleHighlighting, () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || !isNewsDocument(document)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Russian news file to toggle its highlighting.'));
        return undefined;
      }
      const on = analyses.toggle(document);
      vscode.window.setStatusBarMessage(on ? vscode.l10n.t('Highlighting on for this file') : vscode.l10n.t('Highlighting off for this file'), 3000);
      return on;
    }),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log().show()),
    vscode.commands.registerCommand(INTERNAL.analysisOf, (uri?: vscode.Uri) => {
      const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
      return document ? analyses.get(document)?.index.analysis : undefined;
    }),
  );
}
