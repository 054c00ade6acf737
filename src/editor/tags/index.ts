// Tagging: the tag service (sidecar sync), decorations, the Tags view, commands, export/import,
// the tag section of hovers and the `cursorInTag` context key.
import * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import type { Settings } from '../config';
import type { HoverSection } from '../hover';
import { escapeMarkdown } from '../../core/explain/markdown';
import { TagService } from './tagService';
import { TagDecorations } from './decorations';
import { TagsView } from './tagsView';
import * as commands from './commands';
import * as exchange from './exchange';
import * as conflicts from './conflicts';

export function register(context: vscode.ExtensionContext, analyses: AnalysisService, settings: Settings): HoverSection {
  const tags = new TagService(context.workspaceState);
  const view = new TagsView(tags);
  context.subscriptions.push(
    tags,
    new TagDecorations(tags, settings, vscode.Uri.joinPath(context.extensionUri, 'images', 'tag-gutter.svg')),
    view,
    vscode.window.createTreeView('diplomaticAnnotator.tags', { treeDataProvider: view, showCollapseAll: true }),
  );
  commands.register(context, { tags, analyses, settings });
  exchange.register(context, tags);
  conflicts.register(context, tags);

  const updateContext = (editor: vscode.TextEditor | undefined) => {
    const inTag = !!editor && tags.tagsAt(editor.document, editor.document.offsetAt(editor.selection.active)).length > 0;
    void vscode.commands.executeCommand('setContext', 'diplomaticAnnotator.cursorInTag', inTag);
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => updateContext(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    tags.onDidChange(() => updateContext(vscode.window.activeTextEditor)),
  );

  return (document, offset) =>
    tags.tagsAt(document, offset).map((tag) => {
      const status = tag.status === 'doubtful' ? ` · ${vscode.l10n.t('doubtful')}` : tag.status === 'orphaned' ? ` · ${vscode.l10n.t('orphaned')}` : '';
      const note = tag.note ? `\n\n${escapeMarkdown(tag.note, 2000)}` : '';
      return `**${vscode.l10n.t('Tag')}** · ${escapeMarkdown(tag.label)}${status}${note}`;
    });
}
