// Workspace glossaries: loaded, winning over the built-in entries, shown safely, and reported when broken.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, hoverText, openNews, positionOf, workspaceUri } from './support';

describe('workspace glossaries', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('glosses a term from a team glossary file, in any case form', async () => {
    const editor = await openNews('regional.txt');
    const text = await eventually('the team glossary to load', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'куала-лумпурском формате', 4));
      const t = hoverText(hovers);
      return /Kuala Lumpur format/.test(t) ? t : undefined;
    });
    assert.match(text, /team\\?\.glossary\\?\.yaml/);
  });

  it('shows a glossary entry with Markdown and HTML in it as plain text', async () => {
    const editor = await openNews('regional.txt');
    const hovers = await eventually('the team glossary hover', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'куала-лумпурском формате', 4));
      return /Kuala Lumpur format/.test(hoverText(h)) ? h : undefined;
    });
    const contents = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString || (typeof c === 'object' && 'value' in c));
    for (const md of contents) assert.notEqual((md as vscode.MarkdownString).isTrusted, true);
    const text = hoverText(hovers);
    assert.doesNotMatch(text, /\[phish\]\(https/);
    assert.doesNotMatch(text, /<b>/);
  });

  it('reports a malformed glossary file as a diagnostic at the broken line', async () => {
    const uri = workspaceUri('broken.glossary.yaml');
    await openNews('regional.txt');
    const diagnostics = await eventually('a diagnostic on broken.glossary.yaml', () => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length ? d : undefined;
    });
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok(diagnostics[0].range.start.line >= 4, `at the broken line, not the top (line ${diagnostics[0].range.start.line + 1})`);
  });
});
