// Says, in the status bar, when a news file is not analysed and why.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { Settings } from './config';
import { isNewsDocument } from './newsDocuments';
import { COMMANDS } from './commandIds';

export function register(context: vscode.ExtensionContext, analyses: AnalysisService, settings: Settings): void {
  const item = vscode.window.createStatusBarItem('diplomaticAnnotator.analysis', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Diplomatic Annotator');
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const reason = document && isNewsDocument(document) ? analyses.skipReason(document) : undefined;
    if (!reason) {
      item.hide();
      return;
    }
    if (reason === 'tooLarge') {
      item.text = `$(warning) ${vscode.l10n.t('Not analysed: large file')}`;
      item.tooltip = vscode.l10n.t('This file is larger than {0} KB (setting diplomaticAnnotator.maxFileSizeKB), so quotes, speakers, dates and terms are not analysed. Grammar colouring still works.', settings.value.maxFileSizeKB);
      item.command = { title: vscode.l10n.t('Open settings'), command: 'workbench.action.openSettings', arguments: ['diplomaticAnnotator.maxFileSizeKB'] };
    } else {
      item.text = `$(eye-closed) ${vscode.l10n.t('Highlighting off')}`;
      item.tooltip = vscode.l10n.t('Analysis highlighting is off for this file. Click to turn it on.');
      item.command = COMMANDS.toggleHighlighting;
    }
    item.accessibilityInformation = { label: typeof item.tooltip === 'string' ? item.tooltip : item.text };
    item.show();
  };
  context.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    analyses.onDidUpdate(update),
    settings.onDidChange(update),
  );
  update();
}
