// Real faults under the sidecar write, not simulations: a disk that is really full (a tiny tmpfs
// mounted inside the workspace) and a folder the system really refuses to change (`chattr +i`,
// which binds root too, where chmod does not). Both need root (or CAP_SYS_ADMIN and
// CAP_LINUX_IMMUTABLE); without them each test says why and is skipped, never passed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, openNews, tagWords, tagsOf, workspacePath } from './support';

const EXTENSION_ID = 'diplomatic-annotator.diplomatic-annotator';

const TALKS =
  ' date 2025-09-15 Консультации в Минске\n\n' +
  'МИНСК, 15 сен – РИА Новости. Заместители министров иностранных дел провели консультации по вопросам ' +
  'региональной безопасности, сообщила пресс-служба внешнеполитического ведомства.\n\n' +
  'Стороны договорились продолжить контакты на экспертном уровне.\n';

/** Runs a system command; the reason it failed, or undefined when it worked. */
function attempt(command: string, ...args: string[]): string | undefined {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 5000 });
    return undefined;
  } catch (error) {
    const failed = error as { stderr?: Buffer; message: string };
    return failed.stderr?.toString().trim() || failed.message;
  }
}

function skipBecause(context: Mocha.Context, why: string): never {
  // Mocha's skip takes no reason: the log carries it, so a skip is never mistaken for a pass.
  console.log(`[skipped] ${context.test?.title ?? 'test'}: ${why}`);
  context.skip();
}

function unmount(folder: string): void {
  const refused = attempt('umount', folder);
  // Something still holds the mount (a watcher, a handle): detach it now, freed when let go.
  if (refused && attempt('umount', '-l', folder)) console.log(`could not unmount ${folder}: ${refused}`);
}

/** Writes `file` until the disk says it is full; how many bytes went in. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  let written = 0;
  try {
    const block = Buffer.alloc(4096, 0x20);
    for (;;) written += writeSync(fd, block);
  } catch (error) {
    assert.equal((error as { code?: string }).code, 'ENOSPC', `filling the disk stopped for another reason: ${String(error)}`);
  } finally {
    closeSync(fd);
  }
  return written;
}

function sidecarTags(file: string): TagLike[] | undefined {
  try {
    return (YAML.parse(readFileSync(file, 'utf8')) as { tags: TagLike[] }).tags;
  } catch {
    return undefined;
  }
}

/** What a failed write leaves in the folder that is not the user's: temporary and lock files. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.endsWith('.tmp') || name.endsWith('.lock') || name.includes('.lock.'));
}

/** The words a sidecar tag covers in the text on disk (sidecar offsets count code points). */
function wordsOnDisk(textFile: string, tag: TagLike): string {
  return [...readFileSync(textFile, 'utf8')].slice(tag.start, tag.end).join('');
}

/**
 * The error the user is told of. The extension's error notifications are watched where the test
 * shares the extension's `vscode` API object (the extension is loaded from this checkout); where it
 * does not (the installed package), the extension's log file is read instead.
 */
class ErrorsShown implements vscode.Disposable {
  readonly messages: string[] = [];
  private readonly window = vscode.window as unknown as { showErrorMessage: (...args: unknown[]) => Thenable<unknown> };
  private readonly original = this.window.showErrorMessage;
  readonly seesNotifications: boolean;

  constructor() {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    this.seesNotifications = __filename.startsWith(extension.extensionPath + path.sep);
    const { messages, original } = this;
    this.window.showErrorMessage = function (this: unknown, ...args: unknown[]) {
      messages.push(String(args[0]));
      return original.apply(this, args);
    };
  }

  /** Waits for the error about writing `sidecar`, with the system's reason matching `reason`. */
  async about(sidecar: string, reason: RegExp): Promise<string> {
    if (this.seesNotifications) {
      const name = path.basename(sidecar);
      return eventually(`an error notification about ${name}`, () =>
        this.messages.find((m) => m.includes(`Could not write the tags to ${name}`) && reason.test(m)),
      );
    }
    const logs = path.join(path.dirname(workspacePath()), 'user-data', 'logs');
    assert.ok(existsSync(logs), `neither the notifications nor the log (${logs}) can be seen from here`);
    const uri = vscode.Uri.file(sidecar).toString();
    return eventually(`a logged error about ${uri}`, () => {
      for (const entry of readdirSync(logs, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || entry.name !== 'Diplomatic Annotator.log') continue;
        const text = readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
        const at = text.indexOf(`Could not write ${uri}`);
        if (at >= 0 && reason.test(text.slice(at, at + 2000))) return text.slice(at, text.indexOf('\n', at));
      }
      return undefined;
    });
  }

  dispose(): void {
    this.window.showErrorMessage = this.original;
  }
}

async function closeEverything(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * After a failed write: both tags are in memory, and in the extension's storage too (memory is
 * dropped as a killed extension host would lose it, and they come back).
 */
async function assertBothKept(name: string, ids: string[]): Promise<void> {
  assert.deepEqual((await tagsOf(name)).map((t) => t.id).sort(), [...ids].sort(), 'both tags are kept in memory');
  await vscode.commands.executeCommand('diplomaticAnnotator.internal.forgetTags');
  assert.deepEqual((await tagsOf(name)).map((t) => t.id).sort(), [...ids].sort(), 'both tags come back from the extension\'s storage');
}

/** Saves a change to the text, which retries the sidecar; waits until it holds every tag of `ids`. */
async function saveAndWaitFor(editor: vscode.TextEditor, sidecar: string, ids: string[]): Promise<TagLike[]> {
  await editor.edit((e) => e.insert(new vscode.Position(1, 0), ' '));
  assert.equal(await editor.document.save(), true, 'the text is saved');
  return eventually('every tag in the sidecar after the save', () => {
    const tags = sidecarTags(sidecar);
    return ids.every((id) => tags?.some((t) => t.id === id)) ? tags : undefined;
  }, 12_000);
}

describe('real disk faults under the sidecar', () => {
  it('keeps a tag made on a full disk, leaves the old sidecar whole, and writes it once there is room', async function () {
    this.timeout(30_000);
    const folder = workspacePath('full-disk');
    mkdirSync(folder, { recursive: true });
    const refused = attempt('mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', folder);
    if (refused) {
      rmSync(folder, { recursive: true, force: true });
      skipBecause(this, `a real full disk needs a tiny tmpfs, and \`mount -t tmpfs\` was refused (${refused}): run as root or with CAP_SYS_ADMIN`);
    }
    // Made inside the try, so that whatever fails, the disk is unmounted.
    let errors: ErrorsShown | undefined;
    const text = path.join(folder, 'talks.txt');
    const sidecar = `${text}.tags.yaml`;
    try {
      errors = new ErrorsShown();
      writeFileSync(text, TALKS);
      const editor = await openNews('full-disk/talks.txt');
      const first = await tagWords(editor, 'региональной безопасности', 'claim');
      assert.ok(first);
      const before = await eventually('the first tag in the sidecar', () => sidecarTags(sidecar)?.some((t) => t.id === first) && readFileSync(sidecar, 'utf8'));
      await eventually('the first write to let go of its lock', () => leftovers(folder).length === 0);

      const filled = fillDisk(path.join(folder, 'filler'));
      assert.throws(() => writeFileSync(path.join(folder, 'probe'), 'x'), /ENOSPC/, 'the disk is full');
      rmSync(path.join(folder, 'probe'), { force: true });
      console.log(`disk full: ${filled} bytes of filler in a 64 KiB tmpfs; errors seen through ${errors.seesNotifications ? 'notifications' : 'the log'}`);

      const second = await tagWords(editor, 'продолжить контакты', 'commitment');
      assert.ok(second, 'tagging still works on a full disk');
      const shown = await errors.about(sidecar, /ENOSPC|no space/i);
      if (errors.seesNotifications) assert.match(shown, /kept in memory.*tried again on the next save/s, 'the message says nothing is lost and when it is retried');
      assert.equal(readFileSync(sidecar, 'utf8'), before, 'the sidecar on disk is the previous one, whole');
      assert.deepEqual(leftovers(folder), [], 'no temporary or lock file is left behind');
      await assertBothKept('full-disk/talks.txt', [first, second]);

      rmSync(path.join(folder, 'filler'));
      const started = Date.now();
      const written = await saveAndWaitFor(editor, sidecar, [first, second]);
      const took = Date.now() - started;
      console.log(`full disk: the sidecar was written ${took} ms after the save that followed freeing space`);
      assert.ok(took < 5000, `the retried write waited ${took} ms: held up by a lock the failed write left`);
      assert.equal(wordsOnDisk(text, written.find((t) => t.id === first)!), 'региональной безопасности');
      assert.equal(wordsOnDisk(text, written.find((t) => t.id === second)!), 'продолжить контакты');
      await eventually('no temporary or lock file after the retried write', () => leftovers(folder).length === 0, 2000);
    } finally {
      errors?.dispose();
      await closeEverything();
      unmount(folder);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('keeps a tag made in a folder that cannot be changed, leaves its sidecar alone, and writes both once it can', async function () {
    await notWritable(this, 'read-only-folder', 'folder');
  });

  // The temporary file is made here, and only the rename over the sidecar fails: it must go again.
  it('keeps a tag when the sidecar itself cannot be replaced, and leaves no temporary file beside it', async function () {
    await notWritable(this, 'read-only-sidecar', 'sidecar');
  });
});

/**
 * Tags a file, makes its folder or its sidecar immutable, tags again (the write fails with EPERM),
 * checks that nothing is lost or left behind, lifts the flag and saves: both tags are written.
 */
async function notWritable(context: Mocha.Context, name: string, what: 'folder' | 'sidecar'): Promise<void> {
  context.timeout(30_000);
  const folder = workspacePath(name);
  mkdirSync(folder, { recursive: true });
  // Is the flag there to be had, and does it stop even this user? Asked before anything is opened.
  const refused = attempt('chattr', '+i', folder);
  let stopsWrites = false;
  if (!refused) {
    try {
      writeFileSync(path.join(folder, 'probe'), 'x');
    } catch {
      stopsWrites = true;
    }
    attempt('chattr', '-i', folder);
    rmSync(path.join(folder, 'probe'), { force: true });
  }
  if (refused || !stopsWrites) {
    rmSync(folder, { recursive: true, force: true });
    skipBecause(
      context,
      refused
        ? `a real unwritable ${what} needs the immutable flag, and \`chattr +i\` was refused (${refused}): run as root or with CAP_LINUX_IMMUTABLE on a file system that has the flag`
        : '`chattr +i` was accepted but files could still be created in the folder',
    );
  }
  // Made inside the try, so that whatever fails, the flag is lifted again.
  let errors: ErrorsShown | undefined;
  const text = path.join(folder, 'talks.txt');
  const sidecar = `${text}.tags.yaml`;
  const immutable = what === 'folder' ? folder : sidecar;
  try {
    errors = new ErrorsShown();
    writeFileSync(text, TALKS);
    const editor = await openNews(`${name}/talks.txt`);
    const first = await tagWords(editor, 'региональной безопасности', 'claim');
    assert.ok(first);
    const before = await eventually('the first tag in the sidecar', () => sidecarTags(sidecar)?.some((t) => t.id === first) && readFileSync(sidecar, 'utf8'));
    await eventually('the first write to let go of its lock', () => leftovers(folder).length === 0);

    assert.equal(attempt('chattr', '+i', immutable), undefined, `the ${what} is made immutable`);
    const second = await tagWords(editor, 'продолжить контакты', 'commitment');
    assert.ok(second, `tagging still works with an unwritable ${what}`);
    const shown = await errors.about(sidecar, /EPERM|EACCES|EROFS|not permitted|permission denied|read-only/i);
    if (errors.seesNotifications) assert.match(shown, /kept in memory.*tried again on the next save/s, 'the message says nothing is lost and when it is retried');
    assert.equal(readFileSync(sidecar, 'utf8'), before, 'the sidecar on disk is unchanged');
    assert.deepEqual(leftovers(folder), [], 'no temporary or lock file is left behind');
    await assertBothKept(`${name}/talks.txt`, [first, second]);

    assert.equal(attempt('chattr', '-i', immutable), undefined, `the ${what} is writable again`);
    const written = await saveAndWaitFor(editor, sidecar, [first, second]);
    assert.equal(wordsOnDisk(text, written.find((t) => t.id === first)!), 'региональной безопасности');
    assert.equal(wordsOnDisk(text, written.find((t) => t.id === second)!), 'продолжить контакты');
    await eventually('no temporary or lock file after the retried write', () => leftovers(folder).length === 0, 2000);
  } finally {
    // Always: an immutable file left behind could not even be deleted with the run.
    attempt('chattr', '-i', immutable);
    errors?.dispose();
    await closeEverything();
    rmSync(folder, { recursive: true, force: true });
  }
}
