// The extension at work on a news file, driven through the real VS Code API.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { eventually, hoverText, openNews, positionOf } from './support';

describe('news files in the editor', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens a .txt file whose first line is a news header as Russian News', async () => {
    const editor = await openNews('briefing.txt');
    assert.equal(editor.document.languageId, 'russian-news');
  });

  it('opens a samples/ news file, named .txt, as Russian News by its first line', async function () {
    const extension = vscode.extensions.getExtension('diplomatic-annotator.diplomatic-annotator');
    assert.ok(extension);
    const uri = vscode.Uri.joinPath(extension.extensionUri, 'samples', 'asean-cyber-convention.txt');
    if (!existsSync(uri.fsPath)) {
      console.log('    (skipped: the extension under test has no samples/ folder, as the installed .vsix does not ship one)');
      this.skip();
    }
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await eventually('the sample to become russian-news', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === 'russian-news'));
  });

  it('leaves an ordinary .txt file as plain text', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'просто заметки\nбез заголовка' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(document.languageId, 'plaintext');
  });

  it('adopts an untitled buffer once a news header is typed into it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), ' date 2025-01-15 Заголовок\n\nТекст.'));
    await eventually('the buffer to become russian-news', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === document.uri.toString())?.languageId === 'russian-news');
  });

  it('explains a treaty term on hover with its English equivalent and source', async () => {
    const editor = await openNews('briefing.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'ратификацию', 3));
    const text = hoverText(hovers);
    assert.match(text, /ratification/i);
    assert.match(text, /VCLT/);
  });

  it('resolves the dateline date against the article date on hover', async () => {
    const editor = await openNews('briefing.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '24 окт'));
    assert.match(hoverText(hovers), /Friday, 24 October 2025/);
  });

  it('says who said a quote on hover', async () => {
    const editor = await openNews('briefing.txt');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Теперь слово'));
    assert.match(hoverText(hovers), /Сергей Лавров/);
  });

  it('paints speakers, dates and terms as semantic tokens', async () => {
    const editor = await openNews('briefing.txt');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', editor.document.uri);
    const tokens = await eventually('semantic tokens', () => vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', editor.document.uri));
    const types = new Set<string>();
    for (let i = 0; i < tokens.data.length; i += 5) types.add(legend.tokenTypes[tokens.data[i + 3]]);
    for (const t of ['quote', 'speaker', 'newsDate', 'treatyTerm']) assert.ok(types.has(t), `a ${t} token is painted (got ${[...types].join(', ')})`);
  });

  it('lists quotes grouped by speaker in the outline', async () => {
    const editor = await openNews('briefing.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const lavrov = symbols.find((s) => s.name === 'Сергей Лавров');
    assert.ok(lavrov, `a group for Сергей Лавров (got ${symbols.map((s) => s.name).join(', ')})`);
    assert.ok(lavrov.children.length >= 2, 'his direct and indirect quotes are under him');
  });

  it('turns highlighting off and on for the current file', async () => {
    const editor = await openNews('briefing.txt');
    const tokenCount = async () => (await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', editor.document.uri)).data.length;
    assert.ok((await tokenCount()) > 0);
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.toggleHighlighting'), false);
    assert.equal(await tokenCount(), 0);
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.toggleHighlighting'), true);
    assert.ok((await tokenCount()) > 0);
  });
});
