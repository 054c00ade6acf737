// A file open in two VS Code windows, both tagging it: no lost update. The other window is real —
// another browser page on the same code-server, with its own extension host running
// second-window/steps.ts — and the two take turns through files in the workspace (second-window/shared.ts).
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import YAML from 'yaml';
import { type TagLike, eventually, openNews, tagWords, tagsOf, workspacePath } from './support';
import { NEWS_FILE, NEWS_TEXT, PHRASES, RACE_ROUNDS, raceWords, type Step, sidecarText, signal, until, untilFileEventsArrive, waitFor } from './second-window/shared';

// The second window loads its workbench only when asked: allow for that on the first wait.
const fromSecond = (step: Step, timeoutMs = 30_000): Promise<string> => waitFor(step, 'second-done', timeoutMs);

/**
 * Resolves the moment the shared sidecar appears on disk. Node's own watcher tells at once; VS Code's
 * file events, which the extension follows, come batched a little later, so tagging right away
 * writes over a file this window has not yet seen change: what `writeNow` must re-read and merge.
 */
function sidecarAppears(timeoutMs: number): Promise<void> {
  const sidecar = `${NEWS_FILE}.tags.yaml`;
  return new Promise((resolve, reject) => {
    const watcher = watch(workspacePath(), (_event, name) => {
      if (name === sidecar && existsSync(workspacePath(sidecar))) done(resolve);
    });
    const timer = setTimeout(() => done(() => reject(new Error(`no ${sidecar} within ${timeoutMs / 1000} s`))), timeoutMs);
    const done = (settle: () => void): void => {
      watcher.close();
      clearTimeout(timer);
      settle();
    };
  });
}

function sidecarTags(): TagLike[] {
  return (YAML.parse(sidecarText()) as { tags?: TagLike[] } | null)?.tags ?? [];
}

describe('a file open in two VS Code windows', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  const ids: Record<keyof typeof PHRASES, string> = { secondFirst: '', firstOwn: '', secondAgain: '' };

  before(function () {
    // Only test/harness/run.mjs can open a second window (not @vscode/test-electron).
    if (!process.env.DA_SECOND_WINDOW) this.skip();
    rmSync(workspacePath('.da-sync'), { recursive: true, force: true });
    writeFileSync(workspacePath(NEWS_FILE), NEWS_TEXT);
    console.log('[two windows] open the second window');
  });
  // Once a step failed the turns are broken: the other window stops waiting for this one.
  afterEach(function () {
    if (this.currentTest?.state === 'failed') signal('first-done');
  });
  after(async () => {
    if (process.env.DA_SECOND_WINDOW) signal('first-done');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps the other window\'s tag when writing over the sidecar it wrote a moment ago', async () => {
    editor = await openNews(NEWS_FILE);
    assert.deepEqual(await tagsOf(NEWS_FILE), [], 'no tags yet, and no sidecar read');
    await untilFileEventsArrive();
    const written = sidecarAppears(50_000);
    signal('first-ready');
    // Whichever comes first; the other window says it is done only after its sidecar is written.
    await Promise.race([written, fromSecond('second-tagged', 50_000)]);
    ids.firstOwn = (await tagWords(editor, PHRASES.firstOwn.words, PHRASES.firstOwn.label)) ?? '';
    assert.ok(ids.firstOwn, 'tagging works in the first window');
    ids.secondFirst = await fromSecond('second-tagged');
    const both = await eventually('both windows\' tags in the sidecar', () => {
      const tags = sidecarTags();
      return tags.some((t) => t.id === ids.firstOwn) && tags.some((t) => t.id === ids.secondFirst) ? tags : undefined;
    });
    const byId = new Map(both.map((t) => [t.id, t]));
    assert.equal(byId.get(ids.secondFirst)?.text, PHRASES.secondFirst.words);
    assert.equal(byId.get(ids.secondFirst)?.label, PHRASES.secondFirst.label);
    assert.equal(byId.get(ids.firstOwn)?.text, PHRASES.firstOwn.words);
    assert.equal(byId.get(ids.firstOwn)?.label, PHRASES.firstOwn.label);
    assert.equal(both.length, 2);
    // And this window shows the other's tag too, at its words.
    const shown = (await tagsOf(NEWS_FILE)).find((t) => t.id === ids.secondFirst);
    assert.equal(shown && NEWS_TEXT.slice(shown.start, shown.end), PHRASES.secondFirst.words);
    signal('first-tagged', ids.firstOwn);
  });

  it('shows a tag the other window adds later, without being saved or reopened', async () => {
    ids.secondAgain = await fromSecond('second-tagged-again');
    const shown = await eventually('the other window\'s new tag in this window', async () => (await tagsOf(NEWS_FILE)).find((t) => t.id === ids.secondAgain), 15_000);
    assert.equal(NEWS_TEXT.slice(shown.start, shown.end), PHRASES.secondAgain.words);
    assert.equal(shown.label, PHRASES.secondAgain.label);
    assert.deepEqual((await tagsOf(NEWS_FILE)).map((t) => t.id).sort(), Object.values(ids).sort(), 'all three tags, none lost');
    assert.deepEqual(sidecarTags().map((t) => t.id).sort(), Object.values(ids).sort());
    assert.equal(editor.document.isDirty, false);
    signal('first-saw');
  });

  // Both windows read the sidecar, add their tag and rename their file over it within the same
  // millisecond or two: without a lock one rename would drop the other window's tag, and that
  // window's watcher would then take the loss for a deletion made elsewhere.
  it('loses no tag when both windows tag at the same instant, round after round', async () => {
    const mine: string[] = [];
    const theirs: string[] = [];
    for (let round = 0; round < RACE_ROUNDS; round++) {
      await fromSecond(`race-${round}-ready`);
      const at = Date.now() + 300;
      signal(`race-${round}-go`, String(at));
      await until(at);
      const id = await tagWords(editor, raceWords('first', round), 'note');
      assert.ok(id, `tagging works in round ${round}`);
      mine.push(id);
      theirs.push(await fromSecond(`race-${round}-second-tagged`));
    }
    const all = [...Object.values(ids), ...mine, ...theirs].sort();
    // Waits for every tag, then shows what is there (the assertion names any tag lost).
    const settled = async (list: () => string[] | Promise<string[]>): Promise<string[]> => {
      const found = async () => (await list()).sort();
      return eventually('every tag of both windows', async () => {
        const now = await found();
        return all.every((id) => now.includes(id)) ? now : undefined;
      }, 15_000).catch(found);
    };
    assert.deepEqual(await settled(() => sidecarTags().map((t) => t.id)), all, 'every tag of both windows in the sidecar, none twice');
    assert.deepEqual(await settled(async () => (await tagsOf(NEWS_FILE)).map((t) => t.id)), all, 'every tag of both windows in this window');
    for (const [round, id] of mine.entries()) {
      const tag = (await tagsOf(NEWS_FILE)).find((t) => t.id === id);
      assert.equal(tag && NEWS_TEXT.slice(tag.start, tag.end), raceWords('first', round));
    }
    // A write still under way in the other window holds its lock for a moment (on a busy machine,
    // longer); a lock or temporary file left behind stays, and is named by the assertion.
    const leftOver = () => readdirSync(workspacePath()).filter((name) => /\.lock\b|\.tmp$/.test(name));
    const left = await eventually('no lock or temporary file beside the sidecar', () => (leftOver().length === 0 ? [] : undefined), 10_000).catch(leftOver);
    assert.deepEqual(left, [], 'no lock or temporary file left beside the sidecar');
    signal('first-raced', JSON.stringify(all));
    await fromSecond('second-raced');
  });
});
