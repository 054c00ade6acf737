// Sidecar I/O through `workspace.fs` (works in remote and virtual workspaces): read, and write
// atomically — a temporary file beside the sidecar, then a rename over it — so a crash mid-write
// leaves the old sidecar or the new one, never half of one.
import * as vscode from 'vscode';
import type { promises as FsPromises } from 'node:fs';
import { SIDECAR_SUFFIX } from '../../core/sidecar/paths';
import { MAX_SIDECAR_LENGTH } from '../../core/sidecar/parse';
import { log } from '../log';
import { LOCK_SUFFIX, type LockOwner, withLockFile } from './sidecarLock';

/** A sidecar too large to be one (a misplaced dump, a runaway generator): refused before reading. */
export class SidecarTooLarge extends Error {
  constructor(readonly size: number) {
    super(`the file is ${(size / 1024 / 1024).toFixed(0)} MB, over the ${MAX_SIDECAR_LENGTH / 1024 / 1024} MB a sidecar may be`);
  }
}

// Node's fs where the extension host has it (desktop, remote); absent in a web extension host.
const localFs: typeof FsPromises | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return typeof process === 'object' && process.versions?.node ? (require('node:fs') as typeof import('node:fs')).promises : undefined;
  } catch {
    return undefined;
  }
})();

export function sidecarUriFor(textUri: vscode.Uri): vscode.Uri {
  return textUri.with({ path: textUri.path + SIDECAR_SUFFIX });
}

export function textUriFor(sidecarUri: vscode.Uri): vscode.Uri | undefined {
  return sidecarUri.path.endsWith(SIDECAR_SUFFIX) ? sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) }) : undefined;
}

/** The sidecar's text and when it was last written, or undefined when there is none. Other errors (permissions) are thrown. */
export async function readSidecarFile(uri: vscode.Uri): Promise<{ text: string; mtime: number } | undefined> {
  try {
    const { size, mtime } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_SIDECAR_LENGTH) throw new SidecarTooLarge(size);
    return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)), mtime };
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/** The sidecar's text, or undefined when there is none. Other errors (permissions) are thrown. */
export async function readSidecar(uri: vscode.Uri): Promise<string | undefined> {
  return (await readSidecarFile(uri))?.text;
}

// This machine's name, for telling whether a lock's holder still runs here. Read from Node's
// diagnostic report: the bundles may require nothing of Node but `fs` (see test/unit/web.test.ts).
let hostName: string | undefined | null = null;
const localOwner: LockOwner = {
  pid: typeof process === 'object' ? process.pid : 0,
  host() {
    if (hostName === null) {
      try {
        const report = (process as { report?: { getReport(): unknown } }).report?.getReport() as { header?: { host?: unknown } } | undefined;
        hostName = typeof report?.header?.host === 'string' ? report.header.host : undefined;
      } catch {
        hostName = undefined;
      }
    }
    return hostName;
  },
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: it runs, under another user.
      return (error as { code?: unknown }).code === 'EPERM';
    }
  },
};

/**
 * Runs `work` (read the sidecar, merge, write it) holding the sidecar's lock file, so that another
 * window writing the same sidecar waits and then reads what this one wrote. Only on a local disk:
 * virtual and remote file systems (non-`file:` schemes) promise no exclusive create to build a lock
 * on, and there the write relies on re-reading after it (see `TagService.mergeAndWrite`).
 */
export function withSidecarLock<T>(uri: vscode.Uri, work: () => Promise<T>): Promise<T> {
  if (uri.scheme !== 'file' || !localFs) return work();
  return withLockFile(localFs, uri.fsPath + LOCK_SUFFIX, work, {
    owner: localOwner,
    onUnlocked: (error) => log().warn(`writing ${uri.toString()} without its lock: ${error instanceof Error ? error.message : String(error)}`),
  });
}

function tempNameFor(uri: vscode.Uri): { folder: vscode.Uri; name: string; temp: vscode.Uri } {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const folder = uri.with({ path: uri.path.slice(0, uri.path.length - name.length - 1) || '/' });
  const temp = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  return { folder, name, temp };
}

/**
 * Writes beside the sidecar, then renames over it. On a local disk the rename is the operating
 * system's, which replaces the file in one step; elsewhere `workspace.fs.rename` deletes and then
 * moves, so a crash in between leaves only the temporary file, which `recoverSidecar` picks up.
 */
export async function writeSidecarAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const { temp } = tempNameFor(uri);
  const bytes = new TextEncoder().encode(content);
  if (uri.scheme === 'file' && localFs) {
    try {
      await localFs.writeFile(temp.fsPath, bytes);
      await localFs.rename(temp.fsPath, uri.fsPath);
    } catch (error) {
      await localFs.rm(temp.fsPath, { force: true }).catch(() => undefined);
      throw error;
    }
    return;
  }
  await vscode.workspace.fs.writeFile(temp, bytes);
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}

/**
 * A sidecar lost between the delete and the move of a non-atomic rename survives as its temporary
 * file: when the sidecar is missing, the newest such file that `isValid` accepts is put in its place.
 */
export async function recoverSidecar(uri: vscode.Uri, isValid: (text: string) => boolean): Promise<string | undefined> {
  const { folder, name } = tempNameFor(uri);
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  const temps = entries.filter(([n, type]) => type === vscode.FileType.File && n.startsWith(`.${name}.`) && n.endsWith('.tmp')).map(([n]) => n);
  for (const candidate of temps.sort().reverse()) {
    const tempUri = vscode.Uri.joinPath(folder, candidate);
    const text = await readSidecar(tempUri).catch(() => undefined);
    if (text !== undefined && isValid(text)) {
      await vscode.workspace.fs.rename(tempUri, uri, { overwrite: false });
      return text;
    }
  }
  return undefined;
}
