// Export Tags… (brat, W3C JSON-LD, CSV; one file or the whole workspace) and Import brat .ann.
import * as vscode from 'vscode';
import { exportBrat, exportCsv, exportW3c, importBrat } from '../../core/sidecar/formats';
import { parseSidecar } from '../../core/sidecar/parse';
import type { SidecarDocument } from '../../core/sidecar/types';
import { baseName } from '../../core/sidecar/paths';
import { decodeText } from '../../core/decode';
import type { TagService } from './tagService';
import { COMMANDS } from '../commandIds';
import { textUriFor } from './sidecarFiles';

type Format = 'brat' | 'w3c' | 'csv';
const EXTENSIONS: Record<Format, string> = { brat: 'ann', w3c: 'jsonld', csv: 'csv' };

function render(format: Format, sidecar: SidecarDocument): string {
  if (format === 'brat') return exportBrat(sidecar);
  if (format === 'w3c') return exportW3c(sidecar);
  return exportCsv(sidecar);
}

async function pickFormat(): Promise<Format | undefined> {
  const items: (vscode.QuickPickItem & { format: Format })[] = [
    { label: 'brat standoff (.ann)', format: 'brat' },
    { label: 'W3C Web Annotation (JSON-LD)', format: 'w3c' },
    { label: 'CSV', format: 'csv' },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export tags as') }))?.format;
}

/** `exportTags(format?, target?, scope?)`: target is a file (this file) or a folder (workspace). */
async function exportTags(tags: TagService, format?: Format, target?: vscode.Uri, scope?: 'file' | 'workspace'): Promise<vscode.Uri[]> {
  format ??= await pickFormat();
  if (!format) return [];
  const editor = vscode.window.activeTextEditor;
  const state = editor && tags.get(editor.document);
  if (!scope) {
    if (!state?.store) scope = 'workspace';
    else {
      const pick = await vscode.window.showQuickPick(
        [
          { label: vscode.l10n.t('This file'), scope: 'file' as const },
          { label: vscode.l10n.t('Every tagged file in the workspace'), scope: 'workspace' as const },
        ],
        { placeHolder: vscode.l10n.t('Export which tags?') },
      );
      scope = pick?.scope;
    }
  }
  if (!scope) return [];
  if (scope === 'file') {
    if (!state?.store) {
      void vscode.window.showWarningMessage(vscode.l10n.t('This file has no tags to export.'));
      return [];
    }
    const document = state.document;
    target ??= await vscode.window.showSaveDialog({ defaultUri: document.uri.with({ path: `${document.uri.path}.${EXTENSIONS[format]}` }) });
    if (!target) return [];
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(render(format, state.store.toSidecar(document.getText()))));
    return [target];
  }
  target ??= (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Export here') }))?.[0];
  if (!target) return [];
  const written: vscode.Uri[] = [];
  const skipped: string[] = [];
  for (const sidecarUri of await vscode.workspace.findFiles('**/*.tags.yaml', '**/node_modules/**')) {
    const parsed = parseSidecar(new TextDecoder().decode(await vscode.workspace.fs.readFile(sidecarUri)));
    const textUri = textUriFor(sidecarUri);
    if (!parsed.ok || !textUri) {
      skipped.push(vscode.workspace.asRelativePath(sidecarUri));
      continue;
    }
    // Named by the path in the workspace, so two `story.txt` in different folders do not collide.
    const out = vscode.Uri.joinPath(target, `${vscode.workspace.asRelativePath(textUri, false).replace(/[\\/]/g, '__')}.${EXTENSIONS[format]}`);
    await vscode.workspace.fs.writeFile(out, new TextEncoder().encode(render(format, parsed.sidecar)));
    written.push(out);
  }
  if (skipped.length) void vscode.window.showWarningMessage(vscode.l10n.t('Skipped broken sidecars: {0}', skipped.join(', ')));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Exported the tags of {0} file(s).', written.length));
  return written;
}

/** Reads `doc.ann` beside `doc.txt` (or a chosen .ann) into the document's tags. */
async function importBratCommand(tags: TagService, annUri?: vscode.Uri): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Russian news file first.'));
    return 0;
  }
  const store = await tags.storeFor(editor.document);
  if (typeof store === 'string') {
    void vscode.window.showWarningMessage(store);
    return 0;
  }
  const uri = editor.document.uri;
  if (!annUri) {
    const beside = uri.with({ path: uri.path.replace(/\.[^./]*$/, '') + '.ann' });
    const exists = await vscode.workspace.fs.stat(beside).then(
      () => true,
      () => false,
    );
    annUri = exists ? beside : (await vscode.window.showOpenDialog({ filters: { brat: ['ann'] }, openLabel: vscode.l10n.t('Import') }))?.[0];
  }
  if (!annUri) return 0;
  const decoded = decodeText(await vscode.workspace.fs.readFile(annUri));
  if (!decoded.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0}: {1}', baseName(annUri.path), decoded.reason));
    return 0;
  }
  const { tags: imported, problems } = importBrat(decoded.text, editor.document.getText());
  const added = store.addAll(imported);
  await tags.commit(editor.document);
  const message = vscode.l10n.t('Imported {0} tag(s) from {1}.', added.length, baseName(annUri.path));
  if (problems.length) void vscode.window.showWarningMessage(`${message} ${vscode.l10n.t('{0} line(s) could not be read; first: line {1}: {2}', problems.length, problems[0].line, problems[0].message)}`);
  else void vscode.window.showInformationMessage(message);
  return added.length;
}

export function register(context: vscode.ExtensionContext, tags: TagService): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.exportTags, (format?: Format, target?: vscode.Uri, scope?: 'file' | 'workspace') => exportTags(tags, format, target, scope)),
    vscode.commands.registerCommand(COMMANDS.importBrat, (annUri?: vscode.Uri) => importBratCommand(tags, annUri)),
  );
}
