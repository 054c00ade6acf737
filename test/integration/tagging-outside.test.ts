// Tags through changes made outside the editor, renames, navigation and brat import.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, openNews, tagWords, tagsOf, workspacePath, workspaceUri } from './support';

async function tag(editor: vscode.TextEditor, words: string, label: string): Promise<string> {
  const id = await tagWords(editor, words, label);
  assert.ok(id);
  return id;
}

describe('tags and outside changes', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('re-anchors tags when the text and the sidecar both change on disk', async () => {
    const editor = await openNews('outside.txt');
    const id = await tag(editor, 'стратегическом партнёрстве', 'treaty-term');
    await eventually('the sidecar', () => existsSync(workspacePath('outside.txt.tags.yaml')));
    // git pull: a paragraph lands above, and a teammate's note lands in the sidecar.
    const text = readFileSync(workspacePath('outside.txt'), 'utf8');
    writeFileSync(workspacePath('outside.txt'), text.replace('МОСКВА,', 'Дополнение редакции.\n\nМОСКВА,'));
    const sidecar = YAML.parse(readFileSync(workspacePath('outside.txt.tags.yaml'), 'utf8')) as { tags: TagLike[] };
    sidecar.tags[0].note = 'проверить формулировку';
    writeFileSync(workspacePath('outside.txt.tags.yaml'), YAML.stringify(sidecar));
    const moved = await eventually(
      'the tag to follow both changes',
      async () => {
        const t = (await tagsOf('outside.txt')).find((x) => x.id === id);
        const doc = vscode.workspace.textDocuments.find((d) => d.uri.fsPath === workspacePath('outside.txt'));
        return t && doc && t.note === 'проверить формулировку' && doc.getText().slice(t.start, t.end) === 'стратегическом партнёрстве' ? t : undefined;
      },
      15_000,
    );
    assert.equal(moved.status, undefined);
  });

  it('marks a tag doubtful when its words were reworded outside, and lets the user confirm it', async () => {
    const editor = await openNews('outside.txt');
    const id = await tag(editor, 'укрепит сотрудничество в сфере безопасности', 'claim');
    await eventually('the sidecar', () => readFileSync(workspacePath('outside.txt.tags.yaml'), 'utf8').includes(id));
    const text = readFileSync(workspacePath('outside.txt'), 'utf8');
    writeFileSync(workspacePath('outside.txt'), text.replace('укрепит сотрудничество в сфере безопасности', 'укрепит сотрудничество в области безопасности'));
    const doubtful = await eventually('the tag to become doubtful', async () => (await tagsOf('outside.txt')).find((t) => t.id === id && t.status === 'doubtful'), 15_000);
    assert.ok(doubtful.proposed, 'a proposed position is offered');
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.confirmAnchor', id), true);
    const confirmed = (await tagsOf('outside.txt')).find((t) => t.id === id);
    assert.equal(confirmed?.status, undefined);
    assert.equal(confirmed?.text, 'укрепит сотрудничество в области безопасности');
  });

  it('keeps a rejected doubtful tag, orphaned, in the sidecar', async () => {
    const editor = await openNews('outside.txt');
    const id = await tag(editor, 'сотрудничество в области безопасности и торговли', 'position');
    await eventually('the sidecar', () => readFileSync(workspacePath('outside.txt.tags.yaml'), 'utf8').includes(id));
    const text = readFileSync(workspacePath('outside.txt'), 'utf8');
    writeFileSync(workspacePath('outside.txt'), text.replace('безопасности и торговли', 'безопасности и экономики'));
    await eventually('the tag to become doubtful', async () => (await tagsOf('outside.txt')).find((t) => t.id === id && t.status === 'doubtful'), 15_000);
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.rejectAnchor', id), true);
    assert.equal((await tagsOf('outside.txt')).find((t) => t.id === id)?.status, 'orphaned');
    const onDisk = await eventually('the orphan in the sidecar', () => {
      const doc = YAML.parse(readFileSync(workspacePath('outside.txt.tags.yaml'), 'utf8')) as { tags: TagLike[] };
      return doc.tags.find((t) => t.id === id && t.status === 'orphaned');
    });
    assert.equal(onDisk.text, 'сотрудничество в области безопасности и торговли');
  });

  it('jumps to a tag picked in Show Tags', async () => {
    const editor = await openNews('imported.txt');
    await tag(editor, 'повестку саммита', 'note');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    void vscode.commands.executeCommand('diplomaticAnnotator.showTags');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await eventually('the cursor on a tag', () => !editor.selection.isEmpty);
  });

  it('moves the sidecar with its text when the file is renamed in VS Code', async () => {
    const editor = await openNews('outside.txt');
    const id = await tag(editor, 'Сенаторы', 'speaker');
    await eventually('the sidecar', () => readFileSync(workspacePath('outside.txt.tags.yaml'), 'utf8').includes(id));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceUri('outside.txt'), workspaceUri('renamed.txt'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = await eventually('the sidecar to follow', () => (existsSync(workspacePath('renamed.txt.tags.yaml')) ? readFileSync(workspacePath('renamed.txt.tags.yaml'), 'utf8') : undefined));
    assert.match(moved, new RegExp(id));
    assert.match(moved, /file: renamed\.txt/);
    await eventually('the old sidecar to go', () => !existsSync(workspacePath('outside.txt.tags.yaml')));
  });

  it('steps through tags with Next Tag and Previous Tag', async () => {
    const editor = await openNews('tagging.txt');
    await tag(editor, 'БРАЗИЛИА', 'note');
    await tag(editor, 'шести месяцев', 'date');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('diplomaticAnnotator.nextTag');
    assert.equal(editor.document.getText(editor.selection), 'БРАЗИЛИА');
    await vscode.commands.executeCommand('diplomaticAnnotator.previousTag');
    assert.notEqual(editor.document.getText(editor.selection), 'БРАЗИЛИА', 'previous wraps around to the last tag');
  });

  it('imports the brat file beside the text into its sidecar', async () => {
    await openNews('imported.txt');
    const added = await vscode.commands.executeCommand<number>('diplomaticAnnotator.importBrat');
    assert.equal(added, 1);
    const tags = await tagsOf('imported.txt');
    assert.equal(tags[0].label, 'claim');
    assert.equal(tags[0].note, 'из brat');
    await eventually('the sidecar', () => existsSync(workspacePath('imported.txt.tags.yaml')));
  });
});
