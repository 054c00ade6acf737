// Small helpers shared by the integration tests.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';

export function workspacePath(...parts: string[]): string {
  const root = process.env.DA_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(root, 'the launcher opens a workspace folder');
  return path.join(root, ...parts);
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.file(workspacePath(...parts));
}

/** Polls until `check` returns a value (not undefined/false), or fails with `what`. */
export async function eventually<T>(what: string, check: () => T | undefined | false | PromiseLike<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Opens a workspace file in an editor and waits until it is a Russian News document. */
export async function openNews(name: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri(name);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await eventually(`${name} to become russian-news`, () => {
    const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
    return d?.languageId === 'russian-news';
  });
  return vscode.window.activeTextEditor ?? editor;
}

export function positionOf(document: vscode.TextDocument, needle: string, delta = 1): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is in ${document.uri.fsPath}`);
  return document.positionAt(at + delta);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n---\n');
}

/** A tag as the internal `tagsOf` command returns it (UTF-16 offsets). */
export interface TagLike {
  id: string;
  label: string;
  start: number;
  end: number;
  text: string;
  note?: string;
  status?: string;
  proposed?: { start: number; end: number };
  links: { role: string; tag: string }[];
}

export async function tagsOf(name: string): Promise<TagLike[]> {
  return (await vscode.commands.executeCommand<TagLike[]>('diplomaticAnnotator.internal.tagsOf', workspaceUri(name))) ?? [];
}

export function selectWords(editor: vscode.TextEditor, words: string): void {
  const start = positionOf(editor.document, words, 0);
  editor.selection = new vscode.Selection(start, start.translate(0, words.length));
}

/** Selects `words` and runs Tag Selection with `label`; the new tag's id, or undefined when refused. */
export async function tagWords(editor: vscode.TextEditor, words: string, label: string): Promise<string | undefined> {
  selectWords(editor, words);
  return vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', label);
}
