// What the two windows of the two-window test share: the news file they both tag, and the steps by
// which they take turns. Each window is its own extension host (its own process), so they meet
// only through files in the workspace, like two people's VS Code windows on one folder.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, workspacePath } from '../support';

export const NEWS_FILE = 'two-windows.txt';

export const NEWS_TEXT = ` date 2025-09-12 Консультации по стратегической стабильности

МОСКВА, 12 сен – РИА Новости. Заместитель министра иностранных дел провёл в Женеве консультации с делегацией Швейцарии.
Стороны обсудили продление моратория на размещение ракет средней дальности и договорились о новом раунде встреч.
«Мы готовы к диалогу без предварительных условий», – заявил дипломат журналистам по итогам переговоров.
`;

/** The words each window tags, in the order they are tagged, and the label each gets. */
export const PHRASES = {
  secondFirst: { words: 'продление моратория', label: 'treaty-term' },
  firstOwn: { words: 'Мы готовы к диалогу без предварительных условий', label: 'quote' },
  secondAgain: { words: 'новом раунде встреч', label: 'commitment' },
} as const;

/** Words each window tags in the rounds where both write the sidecar at the same instant. */
export const RACE_WORDS = {
  first: ['Заместитель министра', 'в Женеве', 'делегацией Швейцарии', 'средней дальности', 'по итогам переговоров'],
  second: ['иностранных дел', 'консультации с', 'размещение ракет', 'предварительных условий', 'заявил дипломат'],
} as const;

export const RACE_ROUNDS = 16;

/**
 * How much later than the first window the second one tags in a round (negative: earlier). The
 * windows spend different times before writing, so the rounds sweep one window's write across the
 * other's, for some round to land the two read-to-rename spans on each other.
 */
export const raceSkewMs = (round: number): number => (round % 2 ? 1 : -1) * Math.ceil(round / 2) * 3;

export const raceWords = (window: keyof typeof RACE_WORDS, round: number): string => RACE_WORDS[window][round % RACE_WORDS[window].length];

/** The steps, each a file `.da-sync/<step>` written by one window and awaited by the other. */
export type Step =
  | 'first-ready' // the first window has the file open, its tags loaded, the sidecar not yet written
  | 'second-tagged' // holds the id of the second window's first tag, in the sidecar on disk
  | 'first-tagged' // holds the id of the first window's tag, written over the second window's file
  | 'second-tagged-again' // holds the id of the second window's second tag
  | 'first-saw' // the first window shows the second window's second tag
  | `race-${number}-ready` // the second window is ready for round N of tagging at the same instant
  | `race-${number}-go` // holds the moment (Date.now()) at which both windows tag in round N
  | `race-${number}-second-tagged` // holds the id of the second window's tag of round N
  | 'first-raced' // holds the ids of every tag both windows made, once all are in the first window
  | 'second-raced' // the second window shows every one of those tags too
  | 'first-done' // the first window's suite ended, whatever happened: nothing more will come
  | 'second-done';

const folder = (): string => workspacePath('.da-sync');

/** Marks a step done, with `value`; written whole (renamed into place), never seen half-written. */
export function signal(step: Step, value = ''): void {
  mkdirSync(folder(), { recursive: true });
  const temp = path.join(folder(), `.${step}.${process.pid}.tmp`);
  writeFileSync(temp, value);
  renameSync(temp, path.join(folder(), step));
}

/**
 * Waits for the other window's step and returns its value. Gives up at once when the other window
 * said it is done (a failure there must not leave this one waiting out its timeout).
 */
export async function waitFor(step: Step, otherDone: Step, timeoutMs: number): Promise<string> {
  const file = path.join(folder(), step);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return readFileSync(file, 'utf8');
    if (existsSync(path.join(folder(), otherDone))) throw new Error(`the other window ended without reaching "${step}"`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`the other window did not reach "${step}" within ${timeoutMs / 1000} s`);
}

/**
 * Sleeps until the moment `at` (both windows read the same clock: one machine), then returns
 * within a millisecond of it, so that the two windows' writes overlap.
 */
export async function until(at: number): Promise<void> {
  const early = at - Date.now() - 20;
  if (early > 0) await new Promise((r) => setTimeout(r, early));
  while (Date.now() < at) {
    // A busy wait for the last few milliseconds: timers are too coarse for the start of a race.
  }
}

/** The sidecar of the shared file as it is on disk now, or '' when there is none yet. */
export function sidecarText(): string {
  try {
    return readFileSync(workspacePath(`${NEWS_FILE}.tags.yaml`), 'utf8');
  } catch {
    return '';
  }
}

/**
 * Waits until file events reach this window's extension host. The extension's sidecar watcher is
 * made when it activates, on opening the file, and VS Code starts watching a moment later: a
 * change the other window makes before then would go unseen here until this window writes again.
 */
export async function untilFileEventsArrive(): Promise<void> {
  mkdirSync(folder(), { recursive: true });
  const probe = path.join(folder(), `probe-${process.pid}`);
  const watcher = vscode.workspace.createFileSystemWatcher('**/.da-sync/probe-*');
  let seen = false;
  watcher.onDidCreate(() => (seen = true));
  watcher.onDidChange(() => (seen = true));
  try {
    await eventually('file events to reach this window', () => {
      if (!seen) writeFileSync(probe, String(Date.now()));
      return seen;
    });
  } finally {
    watcher.dispose();
  }
}
