// Proof that these tests run inside a real VS Code with this extension loaded, not against a mock.
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';

const extensionId = 'diplomatic-annotator.diplomatic-annotator';

function fixture(name: string): vscode.Uri {
  const workspace = process.env.DA_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  assert.ok(workspace, 'the launcher opens a workspace folder (DA_TEST_WORKSPACE)');
  return vscode.Uri.file(path.join(workspace, name));
}

describe('the integration harness', () => {
  it('runs inside a real VS Code 1.x extension host', () => {
    assert.match(vscode.version, /^1\./);
    assert.equal(typeof vscode.window.showTextDocument, 'function');
  });

  it('opens the workspace news file and shows it in an editor', async () => {
    const document = await vscode.workspace.openTextDocument(fixture('statement.txt'));
    const editor = await vscode.window.showTextDocument(document);
    assert.ok(document.getText().startsWith(' date 2025-03-14 '), 'the fixture starts with a news header');
    assert.match(document.getText(), /«Неприкосновенность/);
    assert.equal(editor.document.uri.toString(), document.uri.toString());
  });

  it('has the extension under development installed and activated', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded from extensionDevelopmentPath`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
