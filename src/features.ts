// Every feature, wired. Loaded by extension.ts only once a news file is open (or a command of
// ours runs), so plain-text files never pay for the analysis, the glossary or the YAML parser.
import * as vscode from 'vscode';
import { Settings } from './editor/config';
import { AnalysisService } from './editor/analysisService';
import { GlossaryService } from './editor/glossaryService';
import * as highlighting from './editor/highlighting';
import * as hover from './editor/hover';
import * as outline from './editor/outline';
import * as statusBar from './editor/statusBar';
import * as viewCommands from './editor/viewCommands';
import * as tagging from './editor/tags';

export interface Features {
  /** performance.now() when the first news file was analysed. */
  firstAnalysisAt(): number | undefined;
}

export function registerFeatures(context: vscode.ExtensionContext): Features {
  const settings = new Settings();
  const glossaries = new GlossaryService(settings);
  const glossary = () => glossaries.current();
  const analyses = new AnalysisService(settings, glossary);
  context.subscriptions.push(settings, glossaries, analyses, glossaries.onDidChange(() => analyses.refreshAll()));
  highlighting.register(context, analyses, settings);
  const tagHover = tagging.register(context, analyses, settings);
  hover.register(context, analyses, glossary, [tagHover]);
  outline.register(context, analyses);
  statusBar.register(context, analyses, settings);
  viewCommands.register(context, analyses);
  return { firstAnalysisAt: () => analyses.firstAnalysisAt };
}
