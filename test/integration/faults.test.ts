// Faults lose nothing: a sidecar that cannot be written, one far too large to be real, a tag changed
// both here and on disk, a text file far too large to analyse.
import * as assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, hoverText, openNews, positionOf, tagWords, tagsOf, workspacePath, workspaceUri } from './support';

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

const TALKS =
  ' date 2025-10-02 Переговоры в Женеве\n\n' +
  'ЖЕНЕВА, 2 окт – РИА Новости. Делегации двух стран обсудили гуманитарные вопросы и обмен пленными, ' +
  'сообщил источник, знакомый с ходом переговоров.\n\n' +
  'Следующий раунд запланирован на ноябрь.\n';

function sidecarTag(name: string, id: string): TagLike | undefined {
  try {
    return (YAML.parse(readFileSync(workspacePath(`${name}.tags.yaml`), 'utf8')) as { tags: TagLike[] }).tags.find((t) => t.id === id);
  } catch {
    return undefined;
  }
}

describe('a tag changed both here and on disk', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.files.revert').then(() => vscode.commands.executeCommand('workbench.action.closeAllEditors')));

  /**
   * A note made here on a file with unsaved text (so it waits for the save), while a teammate's
   * note on the same tag arrives in the sidecar on disk; then the text is saved, which writes the
   * sidecar. Returns once that write happened (the tag's offsets on disk fit the saved text).
   */
  async function conflictAfterSave(name: string): Promise<{ editor: vscode.TextEditor; id: string }> {
    writeFileSync(workspacePath(name), TALKS);
    const editor = await openNews(name);
    const id = await tagWords(editor, 'обмен пленными', 'claim');
    assert.ok(id);
    await eventually('the first write', () => sidecarTag(name, id));
    await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'Дополнено.\n\n'));
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.editTagNote', id, 'моя заметка'), true);
    const file = workspacePath(`${name}.tags.yaml`);
    const doc = YAML.parse(readFileSync(file, 'utf8')) as { tags: TagLike[] };
    doc.tags[0].note = 'заметка коллеги';
    writeFileSync(file, YAML.stringify(doc));
    assert.equal(await editor.document.save(), true);
    await eventually('the sidecar written for the saved text', () => {
      const t = sidecarTag(name, id);
      return t && [...readFileSync(workspacePath(name), 'utf8')].slice(t.start, t.end).join('') === 'обмен пленными';
    }, 15_000);
    return { editor, id };
  }

  it('keeps the file\'s version on disk until the user chooses, then writes Keep Mine', async () => {
    const { id } = await conflictAfterSave('conflict-mine.txt');
    assert.equal(sidecarTag('conflict-mine.txt', id)?.note, 'заметка коллеги', 'theirs is not overwritten before the user chose');
    assert.equal((await tagsOf('conflict-mine.txt')).find((t) => t.id === id)?.note, 'моя заметка', 'ours stays on screen');
    // From the palette (as the status bar item): Resolve Tag Conflicts, then "Keep Mine", the first choice.
    let settled: number | undefined;
    const running = Promise.resolve(vscode.commands.executeCommand<number>('diplomaticAnnotator.resolveTagConflicts')).then((n) => (settled = n));
    await eventually('the choice to be taken', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled !== undefined;
    });
    assert.equal(await running, 1);
    await eventually('mine in the sidecar', () => sidecarTag('conflict-mine.txt', id)?.note === 'моя заметка');
  });

  it('keeps the file\'s version everywhere after Keep the File\'s, and later writes keep it', async () => {
    const { editor, id } = await conflictAfterSave('conflict-theirs.txt');
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.internal.resolveTagConflicts', workspaceUri('conflict-theirs.txt'), 'theirs'), 1);
    assert.equal((await tagsOf('conflict-theirs.txt')).find((t) => t.id === id)?.note, 'заметка коллеги');
    const other = await tagWords(editor, 'Следующий раунд', 'date');
    await eventually('the next write', () => sidecarTag('conflict-theirs.txt', other ?? '-'));
    assert.equal(sidecarTag('conflict-theirs.txt', id)?.note, 'заметка коллеги');
    assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.internal.resolveTagConflicts', workspaceUri('conflict-theirs.txt'), 'ours'), 0, 'nothing left to choose');
  });
});

describe('a sidecar changed in the moment its file opens', () => {
  // VS Code starts watching a moment after the extension makes its watcher; a change in between
  // raises no file event. Files outside the workspace folder raise none ever: the same gap made
  // deterministic. Without the second look at the sidecar after loading, the tag never shows.
  it('shows the tag written meanwhile, though no file event tells of it', async () => {
    await withTalksOutside('outside-the-workspace', async (talks) => {
      assert.deepEqual(await talks.tags(), [], 'loaded, with no sidecar yet');
      const id = talks.writeClaim('01KA0000000000000000000000');
      const seen = await eventually('the tag written in the moment after loading', async () => (await talks.tags()).find((t) => t.id === id), 8000);
      assert.equal(talks.document.getText().slice(seen.start, seen.end), CLAIMED);
    });
  });
});

describe('a news file outside the workspace folders', () => {
  it('follows its sidecar when another tool changes it later', async function () {
    this.timeout(30_000);
    await withTalksOutside('elsewhere', async (talks) => {
      // Past the re-reads after loading: only a watcher can bring the change in now.
      await new Promise((r) => setTimeout(r, 6500));
      const id = talks.writeClaim('01KA0000000000000000000001');
      const seen = await eventually('the tag another tool wrote', async () => (await talks.tags()).find((t) => t.id === id), 8000);
      assert.equal(talks.document.getText().slice(seen.start, seen.end), CLAIMED);
    });
  });
});

/** The words another tool tags in talks.txt. */
const CLAIMED = 'обмен пленными';

/**
 * Opens talks.txt in a folder beside the workspace (outside its folders, where the workspace
 * watcher sees nothing) and removes it afterwards. `writeClaim` writes a sidecar with one tag on
 * `CLAIMED`, as another tool would.
 */
async function withTalksOutside(
  folderName: string,
  body: (talks: { document: vscode.TextDocument; tags: () => Promise<TagLike[]>; writeClaim: (id: string) => string }) => Promise<void>,
): Promise<void> {
  const folder = path.join(workspacePath(), '..', folderName);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'talks.txt');
  writeFileSync(file, TALKS);
  try {
    const uri = vscode.Uri.file(file);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await eventually('talks.txt to become russian-news', () => document.languageId === 'russian-news');
    const start = [...TALKS.slice(0, TALKS.indexOf(CLAIMED))].length;
    await body({
      document,
      tags: async () => (await vscode.commands.executeCommand<TagLike[]>('diplomaticAnnotator.internal.tagsOf', uri)) ?? [],
      writeClaim: (id) => {
        writeFileSync(
          `${file}.tags.yaml`,
          `version: 1\ntext:\n  file: talks.txt\ntags:\n  - id: "${id}"\n    label: claim\n    start: ${start}\n    end: ${start + CLAIMED.length}\n    text: "${CLAIMED}"\n    before: ""\n    after: ""\n`,
        );
        return id;
      },
    });
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('a 50 MB news file', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  // What VS Code does: it stops syncing a document to extension hosts above 50 million UTF-16
  // units (TextModel._MODEL_SYNC_LIMIT), not 50 MB. Cyrillic takes two bytes a letter in UTF-8, so
  // a 50 MB Russian file is about 28 million units: it does reach the extension. It is over
  // maxFileSizeKB (5 MB by default), so it must be skipped, quickly, and nothing else may suffer.
  it('opens without being analysed, and the extension keeps answering for other files', async function () {
    this.timeout(120_000);
    const name = 'fifty-megabytes.txt';
    const file = workspacePath(name);
    const paragraph = Buffer.from(
      'МОСКВА, 3 окт – РИА Новости. Министр иностранных дел России провёл переговоры с коллегой, ' +
        'стороны обсудили подготовку договора о сотрудничестве и заявили о готовности продолжить диалог.\n\n',
    );
    const fd = openSync(file, 'w');
    let size = writeSync(fd, ' date 2025-10-03 Очень большой файл\n\n');
    const chunk = Buffer.concat(Array.from({ length: 256 }, () => paragraph));
    while (size < 50 * 1024 * 1024) size += writeSync(fd, chunk);
    closeSync(fd);
    // The longest the extension host was blocked: VS Code's own transfer of the text to it counts too.
    let longestStall = 0;
    let lastTick = Date.now();
    const ticker = setInterval(() => {
      longestStall = Math.max(longestStall, Date.now() - lastTick - 50);
      lastTick = Date.now();
    }, 50);
    try {
      const started = Date.now();
      const document = await vscode.workspace.openTextDocument(workspaceUri(name));
      await vscode.window.showTextDocument(document);
      await eventually('the big file to become russian-news', () => document.languageId === 'russian-news', 30_000);
      const opened = Date.now() - started;
      console.log(`50 MB file: ${size} bytes, ${document.getText().length} UTF-16 units, ${document.lineCount} lines; open + adopt ${opened} ms, extension host blocked at most ${longestStall} ms at a time`);
      // VS Code's own transfer of the text blocks for a few hundred milliseconds at a time; the
      // workbench may even call the extension host unresponsive for a moment while it streams.
      assert.ok(longestStall < 3000, `the extension host was blocked for ${longestStall} ms at once`);
      assert.equal(await vscode.commands.executeCommand('diplomaticAnnotator.internal.analysisOf', document.uri), undefined, 'not analysed');
      const hoverAt = Date.now();
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 70));
      console.log(`hover on the 50 MB file: ${Date.now() - hoverAt} ms`);

      // A small news file still works, and answers at once.
      writeFileSync(workspacePath('small-after-big.txt'), TALKS);
      const small = await openNews('small-after-big.txt');
      const asked = Date.now();
      const smallHovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', small.document.uri, positionOf(small.document, '2 окт', 1));
      const answered = Date.now() - asked;
      console.log(`hover on a small file next to the 50 MB one: ${answered} ms`);
      assert.ok(answered < 3000, `hover answered in ${answered} ms`);
      assert.ok(await vscode.commands.executeCommand('diplomaticAnnotator.internal.analysisOf', small.document.uri), 'the small file is analysed');
      assert.match(hoverText(smallHovers), /\S/, 'its date has a hover');
      assert.ok(await tagWords(small, 'обмен пленными', 'claim'), 'tagging works');
    } finally {
      clearInterval(ticker);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(file, { force: true });
    }
  });

  // Above 50 million UTF-16 units (50 MB of Latin letters and digits) VS Code keeps the text from
  // extension hosts: the editor shows it, the extension never sees it, and says nothing about it.
  it('is never handed to the extension when over VS Code\'s 50 million characters, and nothing breaks', async function () {
    this.timeout(120_000);
    const name = 'fifty-million-characters.txt';
    const file = workspacePath(name);
    const fd = openSync(file, 'w');
    let size = writeSync(fd, ' date 2025-10-03 Transliterated dump\n\n');
    const chunk = Buffer.from('MOSKVA, 3 okt - RIA Novosti. Storony obsudili podgotovku dogovora o sotrudnichestve.\n\n'.repeat(1024));
    while (size < 51 * 1024 * 1024) size += writeSync(fd, chunk);
    closeSync(fd);
    try {
      const refused = await Promise.resolve(vscode.workspace.openTextDocument(workspaceUri(name))).then(
        () => undefined,
        (error: unknown) => String(error),
      );
      console.log(`opening ${size} bytes of Latin text from the extension: ${refused}`);
      assert.match(refused ?? 'opened', /50\s*MB|too large|cannot open/i, 'VS Code refuses to hand it over');
      await vscode.commands.executeCommand('vscode.open', workspaceUri(name));
      await new Promise((r) => setTimeout(r, 1000));
      assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), 'the extension host never gets the text');
      writeFileSync(workspacePath('small-after-huge.txt'), TALKS);
      const small = await openNews('small-after-huge.txt');
      assert.ok(await tagWords(small, 'обмен пленными', 'claim'), 'tagging other files works');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(file, { force: true });
    }
  });
});
