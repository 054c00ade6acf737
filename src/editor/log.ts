// One log channel, created the first time something is logged.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  return (channel ??= vscode.window.createOutputChannel('Diplomatic Annotator', { log: true }));
}

export function logError(message: string, error: unknown): void {
  log().error(message, error instanceof Error ? (error.stack ?? error.message) : String(error));
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
