// Text in the wrong encoding, and the same text read right, never breaks the analysis or the tags.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, workspacePath, workspaceUri } from './support';

describe('encodings', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('analyses Windows-1251 bytes read as UTF-8 without failing, then the same file reopened as cp1251', async () => {
    const uri = workspaceUri('cp1251.txt');
    const garbled = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(garbled);
    const asNews = await eventually('the header to claim it', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'russian-news'));
    assert.match(asNews.getText(), /\uFFFD/, 'VS Code shows replacement characters for the Cyrillic bytes');
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(2, 3));
    const reopened = await vscode.workspace.openTextDocument(uri, { encoding: 'windows1251' });
    assert.match(reopened.getText(), /Глава МИД России заявил/);
    const editor = await vscode.window.showTextDocument(reopened);
    const document = await eventually('the reopened file as news', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'russian-news' && /Глава/.test(d.getText())));
    const at = document.getText().indexOf('договор');
    editor.selection = new vscode.Selection(document.positionAt(at), document.positionAt(at + 'договор'.length));
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'treaty-term');
    assert.ok(id);
    const sidecar = await eventually('a UTF-8 sidecar', () => {
      try {
        return readFileSync(workspacePath('cp1251.txt.tags.yaml'), 'utf8');
      } catch {
        return undefined;
      }
    });
    assert.match(sidecar, /text: "договор"/);
  });
});
