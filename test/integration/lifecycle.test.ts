// A tag's life beyond one editing session: a window lost with unsaved tags, an untitled buffer
// saved as a file, a text changed on disk while it was closed.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, openNews, tagWords, tagsOf, workspacePath, workspaceUri } from './support';

const STORY =
  ' date 2025-09-12 Консультации по Арктике\n\n' +
  'ОСЛО, 12 сен – РИА Новости. Россия и Норвегия провели консультации по вопросам рыболовства в Баренцевом море, ' +
  'сообщил представитель МИД России.\n\n' +
  'Стороны договорились продлить действие квот на следующий год и вернуться к обсуждению в декабре.\n';

/** The sidecar's tags, once it exists and parses. */
function sidecarTags(name: string): TagLike[] | undefined {
  const file = workspacePath(`${name}.tags.yaml`);
  if (!existsSync(file)) return undefined;
  try {
    return (YAML.parse(readFileSync(file, 'utf8')) as { tags: TagLike[] }).tags;
  } catch {
    return undefined; // caught mid-rename
  }
}

/** The words at a tag's sidecar offsets (code points) in the text file as saved. */
function wordsOnDisk(name: string, tag: TagLike): string {
  return [...readFileSync(workspacePath(name), 'utf8')].slice(tag.start, tag.end).join('');
}

async function revertAndCloseAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

describe('tag lifecycle', () => {
  afterEach(revertAndCloseAll);

  // Simulated: the extension host dies with no chance to write or back anything up (its memory is
  // dropped through an internal command, without `deactivate` or any flush), while VS Code keeps
  // the unsaved text, as hot exit does when a window closes; the "next start" is the next use of
  // the tags. The real thing, a window closed with an unsaved tag and VS Code started again on the
  // same folder (hot exit and workspaceState read back by a new workbench), is reopen.test.ts.
  it('brings back a tag made in unsaved text after the window is lost, and writes it on save', async () => {
    writeFileSync(workspacePath('lost-window.txt'), STORY);
    const editor = await openNews('lost-window.txt');
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'Срочное сообщение.\n\n'));
    const id = await tagWords(editor, 'представитель МИД России', 'speaker');
    assert.ok(id);
    assert.equal(sidecarTags('lost-window.txt'), undefined, 'unsaved text: nothing written yet');
    await vscode.commands.executeCommand('diplomaticAnnotator.internal.forgetTags');
    const back = (await tagsOf('lost-window.txt')).find((t) => t.id === id);
    assert.ok(back, 'the tag is back from the extension\'s storage');
    assert.equal(editor.document.getText().slice(back.start, back.end), 'представитель МИД России');
    assert.equal(await editor.document.save(), true);
    const written = await eventually('the tag in the sidecar after the save', () => sidecarTags('lost-window.txt')?.find((t) => t.id === id));
    assert.equal(wordsOnDisk('lost-window.txt', written), 'представитель МИД России');
  });

  // Simulated: as above, and the unsaved text is thrown away too ("Don't Save", or no hot exit):
  // the file is reverted while the extension's memory is gone, closed, and opened again.
  it('keeps a tag made in unsaved text when the text is closed without saving, on the words still there', async () => {
    writeFileSync(workspacePath('not-saved.txt'), STORY);
    const editor = await openNews('not-saved.txt');
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'Срочное сообщение.\n\n'));
    const kept = await tagWords(editor, 'Баренцевом море', 'note');
    const gone = await tagWords(editor, 'Срочное сообщение', 'note');
    assert.ok(kept && gone);
    await vscode.commands.executeCommand('diplomaticAnnotator.internal.forgetTags');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await openNews('not-saved.txt');
    // (The backed-up tags come back as the file is read again: on a busy machine, a moment after it opens.)
    const tags = await eventually('both tags back, re-anchored, after reopening', async () => {
      const t = await tagsOf('not-saved.txt');
      return t.some((x) => x.id === kept) && t.find((x) => x.id === gone)?.status !== undefined ? t : undefined;
    });
    assert.equal(tags.find((t) => t.id === kept)?.status, undefined, 'anchored on its words in the saved text');
    assert.equal(tags.find((t) => t.id === gone)?.status, 'orphaned', 'its words were never saved: kept, orphaned');
    // The text on disk is what the tags now fit, so they are written without waiting for a save.
    const written = await eventually('both tags in the sidecar', () => {
      const t = sidecarTags('not-saved.txt');
      return t?.some((x) => x.id === kept) && t.some((x) => x.id === gone) ? t : undefined;
    });
    assert.equal(wordsOnDisk('not-saved.txt', written.find((t) => t.id === kept)!), 'Баренцевом море');
  });

  it('hands the tags of an untitled news buffer over to the file it is saved as', async () => {
    const target = workspaceUri('from-untitled.txt');
    const document = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), STORY));
    await eventually('the buffer to become russian-news', () => editor.document.languageId === 'russian-news');
    const id = await tagWords(editor, 'продлить действие квот', 'commitment');
    assert.ok(id);
    // An untitled buffer with a path is saved there without a Save As dialog.
    assert.equal(await editor.document.save(), true);
    const written = await eventually('the tag in the saved file\'s sidecar', () => sidecarTags('from-untitled.txt')?.find((t) => t.id === id), 15_000);
    assert.equal(written.label, 'commitment');
    assert.equal(wordsOnDisk('from-untitled.txt', written), 'продлить действие квот');
  });

  // When the text changed while the file was closed, opening it re-anchors the tags, and the
  // sidecar is rewritten at once with the new offsets rather than on the next save: the user may
  // never save an unchanged file, and a sidecar whose offsets point at other words would mislead
  // every other reader of it (git, the CLI, brat export, a teammate). A file whose tags did not
  // move is left byte for byte as it was, so opening files never churns sidecars in git.
  it('rewrites the sidecar with new offsets when a file whose tags moved is opened, and leaves others alone', async () => {
    // A canonical sidecar, written by the extension for the story as it is.
    writeFileSync(workspacePath('reopen-source.txt'), STORY);
    const editor = await openNews('reopen-source.txt');
    const id = await tagWords(editor, 'Норвегия', 'note');
    await eventually('the source sidecar', () => sidecarTags('reopen-source.txt')?.some((t) => t.id === id));
    const canonical = readFileSync(workspacePath('reopen-source.txt.tags.yaml'), 'utf8');
    const sidecarFor = (name: string) => canonical.replace('file: reopen-source.txt', `file: ${name}`);

    // Two files never opened in this window: one as the sidecar was written, one edited since.
    writeFileSync(workspacePath('unmoved.txt'), STORY);
    writeFileSync(workspacePath('unmoved.txt.tags.yaml'), sidecarFor('unmoved.txt'));
    writeFileSync(workspacePath('moved.txt'), STORY.replace('ОСЛО,', 'Дополнено в 14:05.\n\nОСЛО,'));
    writeFileSync(workspacePath('moved.txt.tags.yaml'), sidecarFor('moved.txt'));
    const before = statSync(workspacePath('unmoved.txt.tags.yaml')).mtimeMs;
    const oldStart = sidecarTags('moved.txt')![0].start;

    await openNews('unmoved.txt');
    assert.equal((await tagsOf('unmoved.txt')).length, 1);
    await openNews('moved.txt');
    const moved = (await tagsOf('moved.txt')).find((t) => t.id === id);
    assert.equal(moved?.status, undefined);
    const onDisk = await eventually('the new offsets in moved.txt\'s sidecar', () => sidecarTags('moved.txt')?.find((t) => t.id === id && t.start !== oldStart));
    assert.equal(wordsOnDisk('moved.txt', onDisk), 'Норвегия');
    // Loading awaits its own write: by now a rewrite of the unmoved sidecar would have happened.
    assert.equal(readFileSync(workspacePath('unmoved.txt.tags.yaml'), 'utf8'), sidecarFor('unmoved.txt'));
    assert.equal(statSync(workspacePath('unmoved.txt.tags.yaml')).mtimeMs, before);
  });
});
