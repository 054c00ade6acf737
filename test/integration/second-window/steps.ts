// The second window's half of the two-window test (the first window's half, and the order of the
// steps, are in ../twowindows.test.ts). This window tags the shared file twice; in between, the
// first window tags it too and writes the sidecar over this window's file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, openNews, tagWords, tagsOf } from '../support';
import { NEWS_FILE, PHRASES, RACE_ROUNDS, raceSkewMs, raceWords, type Step, sidecarText, signal, until, untilFileEventsArrive, waitFor } from './shared';

const fromFirst = (step: Step, timeoutMs = 30_000): Promise<string> => waitFor(step, 'first-done', timeoutMs);

describe('the second window on the same file', () => {
  let editor: vscode.TextEditor;
  // Once a step failed the turns are broken: the other window stops waiting for this one.
  afterEach(function () {
    if (this.currentTest?.state === 'failed') signal('second-done');
  });
  after(() => signal('second-done'));

  it('tags the file the first window has open and writes the sidecar', async () => {
    await fromFirst('first-ready');
    editor = await openNews(NEWS_FILE);
    await untilFileEventsArrive();
    const id = await tagWords(editor, PHRASES.secondFirst.words, PHRASES.secondFirst.label);
    assert.ok(id, 'tagging works in the second window');
    // The file is saved, so the command returns once the sidecar is written.
    assert.equal(editor.document.isDirty, false);
    signal('second-tagged', id);
    // The first window writes over it straight away: this window's tag must still be there after.
    await fromFirst('first-tagged');
    assert.ok(sidecarText().includes(id), 'the second window\'s tag is still in the sidecar');
  });

  it('shows the tag the first window added, and tags again', async () => {
    const theirs = await fromFirst('first-tagged', 1000);
    const seen = await eventually('the first window\'s tag in this window', async () => (await tagsOf(NEWS_FILE)).find((t) => t.id === theirs), 15_000);
    assert.equal(seen.text, PHRASES.firstOwn.words);
    const id = await tagWords(editor, PHRASES.secondAgain.words, PHRASES.secondAgain.label);
    assert.ok(id);
    await eventually('the second tag in the sidecar', () => sidecarText().includes(id));
    signal('second-tagged-again', id);
    // The first window's tag must survive this window's write.
    assert.ok(sidecarText().includes(theirs), 'the first window\'s tag is still in the sidecar');
    await fromFirst('first-saw');
  });

  it('tags at the same instant as the first window, round after round, and shows every tag of both', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      signal(`race-${round}-ready`);
      await until(Number(await fromFirst(`race-${round}-go`)) + raceSkewMs(round));
      const id = await tagWords(editor, raceWords('second', round), 'claim');
      assert.ok(id, `tagging works in round ${round}`);
      signal(`race-${round}-second-tagged`, id);
    }
    const all = JSON.parse(await fromFirst('first-raced', 40_000)) as string[];
    const found = async () => (await tagsOf(NEWS_FILE)).map((t) => t.id).sort();
    const shown = await eventually('every tag of both windows in this window', async () => {
      const now = await found();
      return all.every((id) => now.includes(id)) ? now : undefined;
    }, 15_000).catch(found);
    assert.deepEqual(shown, all, 'every tag of both windows in this window');
    signal('second-raced');
  });
});
