// Two windows writing one sidecar at the same moment, on a real disk: the lock beside the sidecar
// makes them take turns, so the second reads what the first wrote and no tag is lost. Each writer
// here does what TagService does: read, merge what changed since its last read, write a temporary
// file and rename it over the sidecar, and follow the file's changes as its watcher would.
import * as assert from 'node:assert/strict';
import { promises as fs, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar } from '../../src/core/sidecar';
import { serializeSidecar } from '../../src/core/sidecar/serialize';
import { TagStore } from '../../src/core/tags';
import { LOCK_SUFFIX, type LockFiles, type LockOptions, withLockFile } from '../../src/editor/tags/sidecarLock';

const TEXT =
  ' date 2025-11-14 Переговоры в Стамбуле\n\n' +
  'СТАМБУЛ, 14 ноя – РИА Новости. Делегации обсудили обмен пленными, гуманитарные коридоры и возобновление ' +
  'зерновой сделки, сообщил представитель МИД России. «Мы готовы продолжать работу», – заявил он.\n';
const WORDS = ['обмен пленными', 'гуманитарные коридоры', 'зерновой сделки', 'представитель МИД России', '«Мы готовы продолжать работу»', 'Делегации'];

const owner = (pid = process.pid): LockOptions['owner'] => ({ pid, host: () => 'this-machine', isAlive: (p) => p === process.pid });
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'da-lock-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** One window's tags of story.txt, written and followed as TagService does it. */
class Writer {
  private onDisk: string | undefined;
  readonly store = new TagStore('story.txt');
  private readonly own: string[] = [];

  constructor(
    private readonly sidecar: string,
    private readonly locked: boolean,
  ) {}

  private async read(): Promise<string | undefined> {
    return fs.readFile(this.sidecar, 'utf8').catch(() => undefined);
  }

  private mergeIfChanged(current: string | undefined): void {
    if (current === undefined || current === this.onDisk || this.own.includes(current)) return;
    const parsed = parseSidecar(current);
    assert.ok(parsed.ok, 'the sidecar always parses: never half-written');
    this.store.merge(parsed.sidecar, TEXT);
    this.onDisk = current;
  }

  /** Tags `words` and writes the sidecar; a little work between reading and renaming, as in the editor. */
  async tag(words: string, label: string): Promise<string> {
    const at = TEXT.indexOf(words);
    const id = this.store.add(TEXT, at, at + words.length, label).id;
    await this.write();
    return id;
  }

  async write(): Promise<void> {
    const work = async () => {
      this.mergeIfChanged(await this.read());
      const sidecar = this.store.toSidecarForDisk(TEXT);
      const content = serializeSidecar(sidecar);
      await pause(Math.random() * 2);
      const temp = `${this.sidecar}.${Math.random().toString(36).slice(2)}.tmp`;
      await fs.writeFile(temp, content);
      await fs.rename(temp, this.sidecar);
      this.own.unshift(content);
      this.onDisk = content;
      this.store.markSaved(sidecar, TEXT);
    };
    if (this.locked) await withLockFile(fs, this.sidecar + LOCK_SUFFIX, work, { owner: owner() });
    else await work();
  }

  /** What the watcher does on a change: merge it, and write again when memory holds more. */
  async follow(): Promise<void> {
    this.mergeIfChanged(await this.read());
    if (this.store.dirty) await this.write();
  }
}

async function race(rounds: number, locked: boolean): Promise<{ tagged: string[]; onDisk: string[]; first: Writer; second: Writer }> {
  const sidecar = path.join(folder, 'story.txt.tags.yaml');
  const first = new Writer(sidecar, locked);
  const second = new Writer(sidecar, locked);
  const tagged: string[] = [];
  for (let round = 0; round < rounds; round++) {
    const words = WORDS[round % WORDS.length];
    tagged.push(...(await Promise.all([first.tag(words, 'claim'), second.tag(words, 'note')])));
    await Promise.all([first.follow(), second.follow()]);
  }
  await Promise.all([first.follow(), second.follow()]);
  const parsed = parseSidecar(await fs.readFile(sidecar, 'utf8'));
  assert.ok(parsed.ok);
  return { tagged: tagged.sort(), onDisk: parsed.sidecar.tags.map((t) => t.id).sort(), first, second };
}

describe('the sidecar lock', () => {
  it('loses no tag when two windows tag and write at the same moment, 50 rounds in a row', async () => {
    const { tagged, onDisk, first, second } = await race(50, true);
    assert.equal(tagged.length, 100);
    assert.deepEqual(onDisk, tagged, 'every tag of both windows on disk');
    assert.deepEqual(first.store.tags.map((t) => t.id).sort(), tagged, 'and in the first window');
    assert.deepEqual(second.store.tags.map((t) => t.id).sort(), tagged, 'and in the second');
    assert.deepEqual(readdirSync(folder), ['story.txt.tags.yaml'], 'no lock or temporary file left behind');
  });

  it('is what keeps them: without it the same race loses tags', async () => {
    const { tagged, onDisk } = await race(10, false);
    assert.ok(onDisk.length < tagged.length, `the race is real: ${tagged.length - onDisk.length} of ${tagged.length} tags lost without the lock`);
  });

  it('makes a second writer wait until the first is done', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    const order: string[] = [];
    const one = withLockFile(fs, lock, async () => {
      order.push('first in');
      await pause(60);
      order.push('first out');
    }, { owner: owner() });
    await pause(5);
    const two = withLockFile(fs, lock, async () => void order.push('second in'), { owner: owner() });
    await Promise.all([one, two]);
    assert.deepEqual(order, ['first in', 'first out', 'second in']);
    assert.equal(existsSync(lock), false);
  });

  it('takes over at once a lock whose process is gone from this machine', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    writeFileSync(lock, JSON.stringify({ pid: 999_999_999, host: 'this-machine', time: Date.now(), token: 'crashed' }));
    const started = Date.now();
    assert.equal(await withLockFile(fs, lock, async () => 'written', { owner: owner() }), 'written');
    assert.ok(Date.now() - started < 1000, 'no wait for the lock to grow old');
    assert.deepEqual(readdirSync(folder), []);
  });

  it('waits for a lock of another machine\'s process, and takes it over once it is stale', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    writeFileSync(lock, JSON.stringify({ pid: 999_999_999, host: 'another-machine', time: Date.now(), token: 'elsewhere' }));
    const started = Date.now();
    await withLockFile(fs, lock, async () => undefined, { owner: owner(), staleMs: 300 });
    const waited = Date.now() - started;
    assert.ok(waited >= 250 && waited < 3000, `waited ${waited} ms`);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('takes over a lock left half-written (no fields) once it is stale', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    writeFileSync(lock, '');
    await withLockFile(fs, lock, async () => undefined, { owner: owner(), staleMs: 200 });
    assert.deepEqual(readdirSync(folder), []);
  });

  it('is released when the write fails, and the error reaches the caller', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    await assert.rejects(
      withLockFile(fs, lock, () => Promise.reject(new Error('ENOSPC: no space left on device')), { owner: owner() }),
      /ENOSPC/,
    );
    assert.equal(existsSync(lock), false);
  });

  it('leaves no empty lock behind when the disk fills up while the lock is made', async () => {
    const lock = path.join(folder, 'story.txt.tags.yaml.lock');
    // The file is created, then its content does not fit: what a full disk does to `writeFile`.
    const full: LockFiles = {
      ...fs,
      writeFile: async (p: string) => {
        writeFileSync(p, '', { flag: 'wx' });
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const result = await withLockFile(full, lock, async () => 'written without the lock', { owner: owner(), onUnlocked: () => undefined });
    assert.equal(result, 'written without the lock');
    assert.equal(existsSync(lock), false, 'a later write must not wait for an empty lock to go stale');
  });

  it('lets the write go ahead without it where no lock can be made, and says so', async () => {
    const readOnly: LockFiles = { ...fs, writeFile: () => Promise.reject(Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' })) };
    const said: unknown[] = [];
    const result = await withLockFile(readOnly, path.join(folder, 'x.lock'), async () => 'tried', { owner: owner(), onUnlocked: (e) => said.push(e) });
    assert.equal(result, 'tried', 'the write itself reports whatever is wrong');
    assert.match(String(said[0]), /EROFS/);
  });
});
