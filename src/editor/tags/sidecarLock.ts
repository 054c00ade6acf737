// A lock file beside a sidecar (`NAME.tags.yaml.lock`), held by one window from reading the sidecar
// to renaming its new version over it, so that two windows writing at the same moment take turns
// and the second reads what the first wrote. Plain Node-style file calls, passed in: no `vscode`,
// no Node import (the web bundle has neither), testable on a real disk in plain Node.

/** The file calls the lock needs; `fs.promises` has them all. */
export interface LockFiles {
  writeFile(path: string, data: string, options: { flag: 'wx' }): Promise<unknown>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  stat(path: string): Promise<{ mtimeMs: number }>;
  rename(from: string, to: string): Promise<void>;
  link(existing: string, created: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** Who takes the lock, and how to tell whether another holder is still running on this machine. */
export interface LockOwner {
  readonly pid: number;
  /** This machine's name; a holder's pid means something only on the machine that wrote it. */
  host(): string | undefined;
  isAlive(pid: number): boolean;
}

export interface LockOptions {
  readonly owner: LockOwner;
  /** A lock older than this (or seen unchanged for this long) was left by a crash: taken over. */
  readonly staleMs?: number;
  readonly pollMs?: number;
  readonly now?: () => number;
  /** The lock could not be made (read-only folder, a file system without exclusive create): the work runs without it. */
  readonly onUnlocked?: (error: unknown) => void;
}

export const LOCK_SUFFIX = '.lock';
const STALE_MS = 10_000;
const POLL_MS = 10;

interface Holder {
  /** The lock file's text as read, to tell one holder from the next. */
  readonly raw: string;
  readonly pid?: number;
  readonly host?: string;
  readonly time?: number;
  readonly mtimeMs: number;
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

async function readHolder(files: LockFiles, path: string): Promise<Holder | undefined> {
  try {
    const [raw, { mtimeMs }] = await Promise.all([files.readFile(path, 'utf8'), files.stat(path)]);
    let fields: { pid?: unknown; host?: unknown; time?: unknown } = {};
    try {
      fields = JSON.parse(raw) as typeof fields;
    } catch {
      // Made a moment ago and not written yet (create and write are two steps), or not ours.
    }
    return {
      raw,
      mtimeMs,
      pid: typeof fields.pid === 'number' ? fields.pid : undefined,
      host: typeof fields.host === 'string' ? fields.host : undefined,
      time: typeof fields.time === 'number' ? fields.time : undefined,
    };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Removes the lock at `path` if it is still `holder`'s. Moved aside first (a rename is atomic), then
 * checked: a lock someone else made in between is put back, unless yet another took the place.
 */
async function removeIfHeldBy(files: LockFiles, path: string, holder: Pick<Holder, 'raw'>, aside: string): Promise<void> {
  try {
    await files.rename(path, aside);
  } catch {
    return; // gone already: released, or taken over by someone else
  }
  const moved = await readHolder(files, aside).catch(() => undefined);
  if (moved && moved.raw !== holder.raw) await files.link(aside, path).catch(() => undefined);
  await files.unlink(aside).catch(() => undefined);
}

/**
 * Runs `work` holding the lock file `lockPath`, made with the exclusive flag `wx`; waits while
 * another holds it; takes over a stale one (older than `staleMs`, or its process gone from this
 * machine). Always released, also when `work` throws.
 */
export async function withLockFile<T>(files: LockFiles, lockPath: string, work: () => Promise<T>, options: LockOptions): Promise<T> {
  const now = options.now ?? Date.now;
  const staleMs = options.staleMs ?? STALE_MS;
  const pollMs = options.pollMs ?? POLL_MS;
  const token = `${now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let mine: string | undefined;
  try {
    // One holder seen for longer than `staleMs` by our own clock is stale too: clocks of two
    // machines sharing a folder may disagree, and a holder that never wrote its fields has no time.
    let watched: { raw: string; since: number } | undefined;
    const started = now();
    for (;;) {
      // Holders come and go for ever only under a storm of writers: then write as without a lock.
      if (now() - started > 3 * staleMs) throw new Error(`${lockPath} stayed taken for ${Math.round((now() - started) / 1000)} s`);
      const content = JSON.stringify({ pid: options.owner.pid, host: options.owner.host(), time: now(), token });
      try {
        await files.writeFile(lockPath, content, { flag: 'wx' });
        mine = content;
        break;
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') {
          // Made but not filled (a full disk): the empty file is ours, and would hold every later
          // write off until it went stale. Nobody else can have it: `wx` made it for us.
          await files.unlink(lockPath).catch(() => undefined);
          throw error;
        }
      }
      const holder = await readHolder(files, lockPath);
      if (!holder) continue; // released in between: try again at once
      if (watched?.raw !== holder.raw) watched = { raw: holder.raw, since: now() };
      const age = now() - (holder.time ?? holder.mtimeMs);
      const gone = holder.pid !== undefined && holder.host !== undefined && holder.host === options.owner.host() && !options.owner.isAlive(holder.pid);
      if (gone || age > staleMs || now() - watched.since > staleMs) {
        await removeIfHeldBy(files, lockPath, holder, `${lockPath}.${token}.stale`);
        continue;
      }
      await new Promise((r) => setTimeout(r, pollMs + Math.random() * pollMs));
    }
  } catch (error) {
    options.onUnlocked?.(error);
    return work();
  }
  try {
    return await work();
  } finally {
    // Ours unless we held it past `staleMs` and another took it over: then it is theirs to remove.
    const held = await readHolder(files, lockPath).catch(() => undefined);
    if (held?.raw === mine) await files.unlink(lockPath).catch(() => undefined);
  }
}
