// Restricted Mode: in a workspace that is not trusted, highlighting, built-in glosses and tags work,
// and the workspace's own glossary files are not loaded. Runs in its own pass (`--untrusted`).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, hoverText, openNews, positionOf } from './support';

describe('Restricted Mode', function () {
  before(function () {
    if (process.env.DA_UNTRUSTED !== '1') this.skip();
  });

  it('runs in a workspace that is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('still highlights and glosses from the built-in glossary', async () => {
    const editor = await openNews('briefing.txt');
    const hovers = await eventually('a built-in gloss', async () => {
      const h = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'ратификацию', 3));
      return /ratification/i.test(hoverText(h)) ? h : undefined;
    });
    assert.ok(hovers.length > 0);
  });

  it('does not load the workspace glossary files', async () => {
    const editor = await openNews('regional.txt');
    await new Promise((r) => setTimeout(r, 1500));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'куала-лумпурском формате', 4));
    assert.doesNotMatch(hoverText(hovers), /Kuala Lumpur format/);
  });

  it('still tags and writes the sidecar', async () => {
    const editor = await openNews('briefing.txt');
    const start = positionOf(editor.document, 'Индонезией', 0);
    editor.selection = new vscode.Selection(start, start.translate(0, 'Индонезией'.length));
    assert.ok(await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'note'));
  });
});
