// Tagging from commands, kept in the YAML sidecar beside the text, through the real VS Code.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, hoverText, openNews, positionOf, selectWords as select, tagsOf, workspacePath, workspaceUri } from './support';

interface SidecarLike {
  version: number;
  text: { file: string; sha256?: string };
  tags: TagLike[];
}

function sidecar(name: string): SidecarLike | undefined {
  const file = workspacePath(`${name}.tags.yaml`);
  return existsSync(file) ? (YAML.parse(readFileSync(file, 'utf8')) as SidecarLike) : undefined;
}

describe('tagging', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.files.revert').then(() => vscode.commands.executeCommand('workbench.action.closeAllEditors')));

  it('tags the selection and writes it to the sidecar beside the text', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'меморандум о сотрудничестве');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'treaty-term');
    assert.ok(id, 'the command returns the new tag id');
    const written = await eventually('the sidecar to be written', () => sidecar('tagging.txt'));
    assert.equal(written.version, 1);
    assert.equal(written.text.file, 'tagging.txt');
    const tag = written.tags.find((t) => t.id === id);
    assert.ok(tag);
    assert.equal(tag.label, 'treaty-term');
    assert.equal(tag.text, 'меморандум о сотрудничестве');
    const text = readFileSync(workspacePath('tagging.txt'), 'utf8');
    assert.equal([...text].slice(tag.start, tag.end).join(''), 'меморандум о сотрудничестве');
  });

  it('tags from both sides of a split view into one sidecar, and an edit in one side moves the tags of both', async () => {
    // This test saves the text; the tests after it get the file and its sidecar back as they were.
    const original = readFileSync(workspacePath('tagging.txt'), 'utf8');
    const originalSidecar = existsSync(workspacePath('tagging.txt.tags.yaml')) ? readFileSync(workspacePath('tagging.txt.tags.yaml'), 'utf8') : undefined;
    try {
      await splitViewTagging();
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      writeFileSync(workspacePath('tagging.txt'), original);
      if (originalSidecar === undefined) rmSync(workspacePath('tagging.txt.tags.yaml'), { force: true });
      else writeFileSync(workspacePath('tagging.txt.tags.yaml'), originalSidecar);
    }
  });

  async function splitViewTagging(): Promise<void> {
    const left = await openNews('tagging.txt');
    await vscode.commands.executeCommand('workbench.action.splitEditorRight');
    const right = await eventually('a second editor on the same file', () =>
      vscode.window.visibleTextEditors.find((e) => e.document === left.document && e.viewColumn !== left.viewColumn),
    );
    assert.equal(vscode.window.activeTextEditor, right);
    select(right, 'консультации');
    const fromRight = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'commitment');
    const leftAgain = await vscode.window.showTextDocument(left.document, left.viewColumn);
    select(leftAgain, 'посол России в Бразилии');
    const fromLeft = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'speaker');
    assert.ok(fromRight && fromLeft);
    await eventually('both tags in the sidecar', () => {
      const ids = sidecar('tagging.txt')?.tags.map((t) => t.id) ?? [];
      return ids.includes(fromRight) && ids.includes(fromLeft);
    });
    // One document behind both editors: typing in the right one moves every tag, written on save.
    const rightAgain = await vscode.window.showTextDocument(left.document, right.viewColumn);
    await rightAgain.edit((b) => b.insert(new vscode.Position(2, 0), 'Срочно. '));
    const moved = await tagsOf('tagging.txt');
    const text = left.document.getText();
    for (const t of moved) assert.equal(text.slice(t.start, t.end), t.text, `${t.label} still on its words`);
    await left.document.save();
    await eventually('the new offsets on disk', () => {
      const onDisk = readFileSync(workspacePath('tagging.txt'), 'utf8');
      const tags = sidecar('tagging.txt')?.tags ?? [];
      return tags.length >= 2 && tags.every((t) => [...onDisk].slice(t.start, t.end).join('') === t.text) && onDisk.includes('Срочно. ');
    });
  }

  it('moves a tag when a paragraph is typed above it, and writes the new offsets on save', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'информационной безопасности');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'position');
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'Новый абзац, вставленный выше.\n\n'));
    const moved = (await tagsOf('tagging.txt')).find((t) => t.id === id);
    assert.ok(moved);
    assert.equal(editor.document.getText().slice(moved.start, moved.end), 'информационной безопасности');
    await editor.document.save();
    const onDisk = await eventually('the sidecar to follow the save', () => {
      const t = sidecar('tagging.txt')?.tags.find((x) => x.id === id);
      const text = readFileSync(workspacePath('tagging.txt'), 'utf8');
      return t && [...text].slice(t.start, t.end).join('') === 'информационной безопасности' ? t : undefined;
    });
    assert.equal(onDisk.text, 'информационной безопасности');
  });

  it('orphans a tag whose words are deleted, and undo brings it back', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'консультации');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'note');
    const range = editor.selection;
    await editor.edit((e) => e.delete(range));
    assert.equal((await tagsOf('tagging.txt')).find((t) => t.id === id)?.status, 'orphaned');
    await vscode.commands.executeCommand('undo');
    const back = await eventually('the tag to come back', async () => {
      const t = (await tagsOf('tagging.txt')).find((x) => x.id === id);
      return t && !t.status ? t : undefined;
    });
    assert.equal(editor.document.getText().slice(back.start, back.end), 'консультации');
  });

  it('edits a note, shows it on hover, and removes the tag', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'сказал посол России');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'speaker');
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.editTagNote', id, 'Имя посла не названо'), true);
    await eventually('the note in the sidecar', () => sidecar('tagging.txt')?.tags.find((t) => t.id === id)?.note === 'Имя посла не названо');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'посол России', 2));
    const text = hoverText(hovers);
    assert.match(text, /speaker/);
    assert.match(text, /Имя посла не названо/);
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.removeTag', id), true);
    await eventually('the tag to leave the sidecar', () => !sidecar('tagging.txt')?.tags.some((t) => t.id === id));
  });

  it('links a quote tag to its speaker tag', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'Документ открывает новые возможности для совместной работы');
    const quote = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'quote');
    select(editor, 'посол России в Бразилии');
    const speaker = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'speaker');
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.linkQuoteToSpeaker', quote, speaker), true);
    await eventually('the link in the sidecar', () => sidecar('tagging.txt')?.tags.find((t) => t.id === quote)?.links.some((l) => l.role === 'speaker' && l.tag === speaker));
  });

  it('turns a found date into a tag with Accept Suggestion', async () => {
    const editor = await openNews('tagging.txt');
    const at = positionOf(editor.document, '15 мая', 1);
    editor.selection = new vscode.Selection(at, at);
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.acceptSuggestion');
    assert.ok(id);
    const tag = (await tagsOf('tagging.txt')).find((t) => t.id === id);
    assert.equal(tag?.label, 'date');
    assert.equal(tag?.text, '15 мая');
  });

  it('counts sidecar offsets in code points when emoji come before a tag', async () => {
    const editor = await openNews('emoji.txt');
    select(editor, 'одобрением');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'note');
    const tag = await eventually('the sidecar', () => sidecar('emoji.txt')?.tags.find((t) => t.id === id));
    const text = readFileSync(workspacePath('emoji.txt'), 'utf8');
    const utf16 = text.indexOf('одобрением');
    assert.ok(tag.start < utf16, 'code points are fewer than UTF-16 units after emoji');
    assert.equal([...text].slice(tag.start, tag.end).join(''), 'одобрением');
  });

  it('refuses to tag a file whose sidecar is broken, and never overwrites it', async () => {
    const before = readFileSync(workspacePath('broken-sidecar.txt.tags.yaml'), 'utf8');
    const editor = await openNews('broken-sidecar.txt');
    select(editor, 'Текст');
    const id = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'note');
    assert.equal(id, undefined);
    const diagnostics = await eventually('a diagnostic on the broken sidecar', () => {
      const d = vscode.languages.getDiagnostics(workspaceUri('broken-sidecar.txt.tags.yaml'));
      return d.length ? d : undefined;
    });
    assert.ok(diagnostics[0].range.start.line >= 4, 'the diagnostic points at the broken part');
    assert.equal(readFileSync(workspacePath('broken-sidecar.txt.tags.yaml'), 'utf8'), before);
  });

  it('picks up a sidecar changed outside VS Code, merged by tag id', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'Бразилия подписали');
    const mine = await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'claim');
    const written = await eventually('the sidecar', () => (sidecar('tagging.txt')?.tags.some((t) => t.id === mine) ? readFileSync(workspacePath('tagging.txt.tags.yaml'), 'utf8') : undefined));
    // A teammate's note on the same tag arrives through git.
    const doc = YAML.parse(written) as SidecarLike;
    const tag = doc.tags.find((t) => t.id === mine);
    assert.ok(tag);
    tag.note = 'от коллеги';
    writeFileSync(workspacePath('tagging.txt.tags.yaml'), YAML.stringify(doc));
    await eventually('the outside note to arrive', async () => (await tagsOf('tagging.txt')).find((t) => t.id === mine)?.note === 'от коллеги', 15_000);
  });

  it('exports the file\'s tags as brat standoff', async () => {
    const editor = await openNews('tagging.txt');
    select(editor, 'РИА Новости');
    assert.ok(await vscode.commands.executeCommand<string>('diplomaticAnnotator.tagSelection', 'note'));
    const target = workspaceUri('export.ann');
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('diplomaticAnnotator.exportTags', 'brat', target, 'file');
    assert.equal(written.length, 1);
    assert.match(readFileSync(target.fsPath, 'utf8'), /^T\d+\tnote \d+ \d+\tРИА Новости$/m);
  });
});
