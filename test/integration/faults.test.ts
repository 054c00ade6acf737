// Faults lose nothing: a sidecar that cannot be written, one far too large to be real.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { type TagLike, eventually, openNews, tagWords, workspacePath, workspaceUri } from './support';

describe('faults', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('keeps tags when the sidecar cannot be written, and writes them on the next save', async () => {
    const editor = await openNews('fault.txt');
    const first = await tagWords(editor, 'Стороны', 'note');
    await eventually('the first write', () => readFileSync(workspacePath('fault.txt.tags.yaml'), 'utf8').includes(first ?? '-'));
    // Something takes the sidecar's place so that it cannot be replaced: the write must fail.
    rmSync(workspacePath('fault.txt.tags.yaml'));
    mkdirSync(workspacePath('fault.txt.tags.yaml', 'blocker'), { recursive: true });
    const second = await tagWords(editor, 'протокол о намерениях', 'treaty-term');
    assert.ok(second, 'tagging still works');
    const tags = (await vscode.commands.executeCommand<TagLike[]>('diplomaticAnnotator.internal.tagsOf', workspaceUri('fault.txt'))) ?? [];
    assert.deepEqual(tags.map((t) => t.id).sort(), [first, second].sort(), 'both tags are kept in memory');
    // The obstacle goes; the next save writes everything.
    rmSync(workspacePath('fault.txt.tags.yaml'), { recursive: true });
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), ' '));
    await editor.document.save();
    const written = await eventually('the retried write', () => {
      try {
        const s = readFileSync(workspacePath('fault.txt.tags.yaml'), 'utf8');
        return s.includes(first ?? '-') && s.includes(second ?? '-') ? s : undefined;
      } catch {
        return undefined;
      }
    });
    assert.match(written, /label: treaty-term/);
  });

  it('refuses a 100 MB sidecar at once with a diagnostic, and leaves it alone', async () => {
    const file = workspacePath('huge.txt.tags.yaml');
    writeFileSync(file, 'version: 1\n');
    truncateSync(file, 100 * 1024 * 1024);
    const started = Date.now();
    const editor = await openNews('huge.txt');
    const id = await tagWords(editor, 'Стороны', 'note');
    assert.equal(id, undefined, 'tagging waits until the sidecar is fixed');
    const diagnostics = await eventually('a diagnostic', () => {
      const d = vscode.languages.getDiagnostics(workspaceUri('huge.txt.tags.yaml'));
      return d.length ? d : undefined;
    });
    assert.match(diagnostics[0].message, /MB/);
    assert.ok(Date.now() - started < 10_000, 'no hang');
    assert.equal(statSync(file).size, 100 * 1024 * 1024);
    rmSync(file);
  });
});

describe('two writers on one sidecar', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('loses neither window\'s tag when another window writes the sidecar in between', async () => {
    const editor = await openNews('fault.txt');
    const mine = await tagWords(editor, 'Стороны', 'claim');
    const file = workspacePath('fault.txt.tags.yaml');
    const written = await eventually('our write', () => {
      try {
        const s = readFileSync(file, 'utf8');
        return s.includes(mine ?? '-') ? s : undefined;
      } catch {
        return undefined;
      }
    });
    // Another VS Code window adds its own tag and writes the file (same format, its own id).
    const theirs = '01KZZZZZZZZZZZZZZZZZZZZZZZ';
    const text = readFileSync(workspacePath('fault.txt'), 'utf8');
    const start = [...text.slice(0, text.indexOf('протокол'))].length;
    const block = `  - id: "${theirs}"\n    label: note\n    start: ${start}\n    end: ${start + 8}\n    text: "протокол"\n    before: ""\n    after: ""\n`;
    writeFileSync(file, written.replace(/\ntags:\n/, `\ntags:\n${block}`));
    // We tag again straight away, before or after our watcher has seen their write.
    const second = await tagWords(editor, 'о намерениях', 'commitment');
    const final = await eventually('both windows\' tags in the file', () => {
      const s = readFileSync(file, 'utf8');
      return s.includes(mine ?? '-') && s.includes(theirs) && s.includes(second ?? '-') ? s : undefined;
    }, 15_000);
    assert.match(final, /label: commitment/);
  });
});
