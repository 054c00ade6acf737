// Sidecar I/O through `workspace.fs` (works in remote and virtual workspaces): read, and write
// atomically — a temporary file beside the sidecar, then a rename over it — so a crash mid-write
// leaves the old sidecar or the new one, never half of one.
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../core/sidecar/paths';
import { MAX_SIDECAR_LENGTH } from '../../core/sidecar/parse';

/** A sidecar too large to be one (a misplaced dump, a runaway generator): refused before reading. */
export class SidecarTooLarge extends Error {
  constructor(readonly size: number) {
    super(`the file is ${(size / 1024 / 1024).toFixed(0)} MB, over the ${MAX_SIDECAR_LENGTH / 1024 / 1024} MB a sidecar may be`);
  }
}

export function sidecarUriFor(textUri: vscode.Uri): vscode.Uri {
  return textUri.with({ path: textUri.path + SIDECAR_SUFFIX });
}

export function textUriFor(sidecarUri: vscode.Uri): vscode.Uri | undefined {
  return sidecarUri.path.endsWith(SIDECAR_SUFFIX) ? sidecarUri.with({ path: sidecarUri.path.slice(0, -SIDECAR_SUFFIX.length) }) : undefined;
}

/** The sidecar's text, or undefined when there is none. Other errors (permissions) are thrown. */
export async function readSidecar(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_SIDECAR_LENGTH) throw new SidecarTooLarge(size);
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

export async function writeSidecarAtomically(uri: vscode.Uri, content: string): Promise<void> {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  const temp = uri.with({ path: `${uri.path.slice(0, uri.path.length - name.length)}.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp` });
  await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(content));
  try {
    await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw error;
  }
}
