// Tag conflicts waiting for the user: a status bar item on the file they belong to, and the
// command behind it (Resolve Tag Conflicts, in the palette while they wait), which asks again.
// The question that popped up once is easy to miss.
import * as vscode from 'vscode';
import { excerpt } from '../../core/explain/markdown';
import type { TagConflict } from '../../core/tags/merge';
import { COMMANDS, INTERNAL } from '../commandIds';
import type { TagService } from './tagService';

/** Set while the active file has tag conflicts: the palette offers Resolve Tag Conflicts then. */
const HAS_TAG_CONFLICTS = 'diplomaticAnnotator.hasTagConflicts';

type Side = 'ours' | 'theirs';

function describe(c: TagConflict): string {
  const tag = c.ours ?? c.theirs ?? c.base;
  return tag ? `${tag.label} «${excerpt(tag.text, 40)}»` : c.id;
}

/**
 * Settles the conflicts of a document (the active one unless `uri` names another): with `side`
 * given, at once; otherwise the user picks. Returns how many were settled.
 */
async function resolve(tags: TagService, uri?: unknown, side?: unknown): Promise<number> {
  const document = uri instanceof vscode.Uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  const conflicts = (document && tags.get(document)?.store?.conflicts) ?? [];
  if (!document || conflicts.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No tag in this file waits for a choice between two versions.'));
    return 0;
  }
  let chosen: Side | undefined = side === 'ours' || side === 'theirs' ? side : undefined;
  if (!chosen) {
    const list = conflicts.map(describe).join('; ');
    const items: (vscode.QuickPickItem & { side: Side })[] = [
      { label: vscode.l10n.t('Keep Mine'), detail: vscode.l10n.t('The tags as you changed them here: {0}', list), side: 'ours' },
      { label: vscode.l10n.t('Keep the File\'s'), detail: vscode.l10n.t('The tags as the sidecar on disk has them: {0}', list), side: 'theirs' },
    ];
    chosen = (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('{0} tag(s) were changed both here and in the sidecar on disk', conflicts.length) }))?.side;
    if (!chosen) return 0;
  }
  return tags.resolveConflicts(document, chosen);
}

export function register(context: vscode.ExtensionContext, tags: TagService): void {
  const item = vscode.window.createStatusBarItem('diplomaticAnnotator.tagConflicts', vscode.StatusBarAlignment.Right, 101);
  item.name = vscode.l10n.t('Tag conflicts');
  item.command = COMMANDS.resolveTagConflicts;
  let shown: boolean | undefined;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const waiting = (document && tags.get(document)?.store?.conflicts.length) || 0;
    if (shown !== waiting > 0) {
      shown = waiting > 0;
      void vscode.commands.executeCommand('setContext', HAS_TAG_CONFLICTS, shown);
    }
    if (!waiting) {
      item.hide();
      return;
    }
    item.text = `$(git-merge) ${vscode.l10n.t('{0} tag conflict(s)', waiting)}`;
    item.tooltip = vscode.l10n.t('Tags changed both here and in the sidecar on disk. The sidecar keeps the file\'s version until you choose. Click to choose.');
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    item.show();
  };
  context.subscriptions.push(
    item,
    // The palette passes nothing (the active file, the user picks); a menu passes the file's URI.
    vscode.commands.registerCommand(COMMANDS.resolveTagConflicts, (uri?: unknown) => resolve(tags, uri)),
    vscode.commands.registerCommand(INTERNAL.resolveTagConflicts, (uri?: unknown, side?: unknown) => resolve(tags, uri, side)),
    vscode.window.onDidChangeActiveTextEditor(update),
    tags.onDidChange(update),
  );
  update();
}
