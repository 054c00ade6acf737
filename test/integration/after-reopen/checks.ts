// The second half of the reopen test (the first is ../reopen.test.ts): VS Code was closed with an
// unsaved edit holding an unsaved tag, and this window is VS Code started again on the same folder.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, tagsOf, workspacePath, workspaceUri } from '../support';
import { NEWS_FILE, NEWS_TEXT, TAGGED, TYPED, TYPED_AT, readNote } from './shared';

const uri = workspaceUri(NEWS_FILE);
const sidecar = workspacePath(`${NEWS_FILE}.tags.yaml`);

/** The text as it was when the window closed: the saved story with the unsaved line typed in. */
function textAtClose(): string {
  const lines = NEWS_TEXT.split('\n');
  lines[TYPED_AT.line] = lines[TYPED_AT.line].slice(0, TYPED_AT.character) + TYPED + lines[TYPED_AT.line].slice(TYPED_AT.character);
  return lines.join('\n');
}

/** Anything a sidecar write leaves behind when it stops half-way: a temporary file or a lock. */
function leftOvers(): string[] {
  return readdirSync(workspacePath()).filter((name) => name.startsWith(NEWS_FILE) || name.startsWith(`.${NEWS_FILE}`)).filter((name) => name !== NEWS_FILE && name !== `${NEWS_FILE}.tags.yaml`);
}

describe('VS Code started again after it was closed with an unsaved tag', () => {
  const before = readNote();
  let document: vscode.TextDocument | undefined;
  // Each check stands on its own: a tag may come back even where the unsaved text did not.
  const reopened = async (): Promise<vscode.TextDocument> => (document ??= await vscode.workspace.openTextDocument(uri));

  it('reopens the file with the unsaved edit, still unsaved (hot exit)', async () => {
    assert.ok(before, 'the first window left its note before it was closed');
    // What VS Code logged, if anything, when it held the unload for unsaved changes (the launcher
    // reads the closing window's log): the likely reason when the unsaved text is missing.
    const veto = process.env.DA_REOPEN_VETO;
    // VS Code reopens the editors it had, without being asked, and a moment later (its backups are
    // restored after the workbench is up) shows the unsaved one as such.
    const tab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    await eventually(`${NEWS_FILE} reopened in an editor`, tab, 15_000);
    await eventually(`the reopened ${NEWS_FILE} to show unsaved changes`, () => tab()?.isDirty, 10_000).catch((error: Error) => {
      throw veto ? new Error(`${error.message}; when closed, VS Code said: ${veto}`) : error;
    });
    const text = await reopened();
    assert.equal(text.isDirty, true);
    assert.equal(text.getText(), textAtClose());
    assert.equal(readFileSync(workspacePath(NEWS_FILE), 'utf8'), NEWS_TEXT, 'the file on disk was never saved');
    assert.equal(veto, undefined, 'VS Code let the window close without holding it for unsaved changes: all were backed up');
  });

  it('brings the tag made in the unsaved text back on its words, from the extension\'s storage', async () => {
    assert.ok(before, 'the first window left its note before it was closed');
    const text = await reopened();
    assert.equal(existsSync(sidecar), false, 'no sidecar was written before the close');
    const tag = await eventually('the tag back in the reopened window', async () => (await tagsOf(NEWS_FILE)).find((t) => t.id === before.id));
    assert.equal(tag.label, TAGGED.label);
    assert.equal(tag.status, undefined, 'anchored, not doubtful or orphaned');
    assert.equal(text.getText().slice(tag.start, tag.end), TAGGED.words);
  });

  it('writes the tag to the sidecar when the reopened text is saved, and leaves no temporary or lock file', async () => {
    assert.ok(before, 'the first window left its note before it was closed');
    assert.equal(await (await reopened()).save(), true);
    assert.equal(readFileSync(workspacePath(NEWS_FILE), 'utf8'), textAtClose());
    const written = await eventually('the tag in the sidecar after the save', () => {
      try {
        return (YAML.parse(readFileSync(sidecar, 'utf8')) as { tags?: TagLike[] }).tags?.find((t) => t.id === before.id);
      } catch {
        return undefined;
      }
    });
    assert.equal(written.label, TAGGED.label);
    // Sidecar offsets count code points in the text as saved.
    assert.equal([...textAtClose()].slice(written.start, written.end).join(''), TAGGED.words);
    // The lock is let go just after the rename that put the sidecar in place.
    await eventually('the sidecar\'s lock to be let go', () => leftOvers().length === 0, 5000).catch(() => undefined);
    assert.deepEqual(leftOvers(), [], 'nothing but the text and its sidecar: no temporary file, no lock');
  });
});
