// VS Code closed with unsaved text and an unsaved tag, then started again: for real, not simulated
// (lifecycle.test.ts simulates a lost extension host within one window). This is the first half,
// in the suite's own window. test/harness/run.mjs then closes this window the way a user closes
// code-server's tab (the browser unloads the page, so the workbench runs its own shutdown), opens a
// new one on the same folder, server and browser profile (where VS Code keeps hot-exit backups and
// workspaceState), and after-reopen/checks.ts looks at what came back.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, openNews, tagWords, tagsOf, workspacePath } from './support';
import { CLOSE_REQUEST, NEWS_FILE, NEWS_TEXT, TAGGED, TYPED, TYPED_AT, leaveNote } from './after-reopen/shared';

const title = 'VS Code closed with an unsaved tag';

// Whatever ran after this test would find the unsaved edit it leaves behind ("close all editors"
// would ask to save it), and the window closes once the suite ends: it must be the last test.
// Mocha runs the files in name order, so once all are loaded this suite moves to the end.
before(function () {
  const root = this.test?.parent;
  const mine = root?.suites.find((s) => s.title === title);
  if (root && mine) root.suites.push(...root.suites.splice(root.suites.indexOf(mine), 1));
});

/**
 * Whether VS Code has written its hot-exit backup of the unsaved text. It does so a second after
 * the last change; a window closed sooner vetoes its unload ("pending backups"), which a browser
 * turns into "Leave site?" or, with no user gesture on the page, ignores: the typed text is lost.
 */
function hotExitBackedUp(): boolean {
  const backups = path.join(process.env.DA_USER_DATA ?? '', 'User', 'Backups');
  if (!process.env.DA_USER_DATA || !existsSync(backups)) return false;
  return readdirSync(backups, { recursive: true, withFileTypes: true }).some((entry) => {
    if (!entry.isFile()) return false;
    try {
      return readFileSync(path.join(entry.parentPath, entry.name), 'utf8').includes(TYPED);
    } catch {
      return false; // being written
    }
  });
}

describe(title, () => {
  before(async function () {
    // Only test/harness/run.mjs can close a window and open another (not @vscode/test-electron).
    if (!process.env.DA_REOPEN) this.skip();
    rmSync(workspacePath('.da-reopen'), { recursive: true, force: true });
    // VS Code in a browser saves a second after typing by default; on the desktop auto save is off.
    // With it on, nothing would be left unsaved to close on.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off');
  });

  it('leaves an unsaved edit with a tag in it when the window closes (checked after VS Code starts again)', async () => {
    writeFileSync(workspacePath(NEWS_FILE), NEWS_TEXT);
    const editor = await openNews(NEWS_FILE);
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(TYPED_AT.line, TYPED_AT.character), TYPED)));
    const id = await tagWords(editor, TAGGED.words, TAGGED.label);
    assert.ok(id, 'tagging works in unsaved text');
    const tag = (await tagsOf(NEWS_FILE)).find((t) => t.id === id);
    assert.equal(tag && editor.document.getText().slice(tag.start, tag.end), TAGGED.words);
    // In this harness the extension host is stopped when the suite ends, a moment before the window
    // closes, so the extension's `deactivate` gets a say that it would not get when a user closes
    // the tab (the server keeps that extension host running, for a reconnection, for hours). Its
    // memory is dropped here, writing nothing, so only what it stored at once can come back.
    await vscode.commands.executeCommand('diplomaticAnnotator.internal.forgetTags');
    // A user closes VS Code a moment later, not within the second VS Code waits before backing up.
    await eventually('VS Code\'s hot-exit backup of the unsaved text', hotExitBackedUp, 10_000);
    assert.equal(editor.document.isDirty, true);
    assert.equal(readFileSync(workspacePath(NEWS_FILE), 'utf8'), NEWS_TEXT, 'the text on disk is as it was');
    assert.equal(existsSync(workspacePath(`${NEWS_FILE}.tags.yaml`)), false, 'unsaved text: no sidecar yet, the tag is only in memory and in the backup');
    leaveNote({ id });
    // The launcher closes the window after the suite's summary, so this test's verdict counts.
    console.log(CLOSE_REQUEST);
  });
});
