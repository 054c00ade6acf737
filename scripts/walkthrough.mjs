// Makes the tagging walkthrough for docs/walkthrough.md with the project's own harness
// (code-server + headless chromium), one session, one PNG per step:
//   node scripts/walkthrough.mjs            → images/walkthrough-{1..6}-*.png
// The workspace is a copy of samples/ in the run folder, so the sidecar the walkthrough writes
// never lands in samples/.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureHost, launchBrowser, newRunFolder, root, startHost } from '../test/harness/host.mjs';

const sampleName = 'asean-cyber-convention.txt';
// A stated position, lower in the file so the quick picks at the top never hide it; it ends on
// two glossary organisations, so the hover shows a gloss beside the tag.
const phrase = 'Москва также поддерживает предложение провести в следующем году консультации с участием экспертов ШОС и БРИКС';
const label = 'position';
const hoverWord = 'ШОС';
const theme = 'Dark Modern';
const size = { width: 1280, height: 760 };

/** Line and column (1-based, UTF-16, as VS Code's "Go to Line" counts) where `phrase` starts. */
function whereIs(text, words) {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in samples/${sampleName}: update scripts/walkthrough.mjs`);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, column: before.at(-1).length + 1 };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function ui(page) {
  const input = page.locator('.quick-input-widget input');
  const widget = page.locator('.quick-input-widget');
  const row = (text) => {
    const name = text instanceof RegExp ? text : new RegExp(`^${escapeRegExp(text)}$`);
    return page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: name }) }).first();
  };
  const hover = page.locator('.monaco-hover:not(.hidden)').first();
  const settle = (ms = 400) => page.waitForTimeout(ms);

  /** Opens the command palette with `text` typed and waits for `expect` to be listed. */
  async function palette(text, expect) {
    await page.keyboard.press('F1');
    await widget.waitFor({ state: 'visible' });
    await input.fill(text);
    if (expect) await row(expect).waitFor({ state: 'visible', timeout: 10_000 });
  }

  // The web workbench ignores the colour theme in user settings while an extension is under
  // development (VS Code 1.139), so pick it as a user does.
  async function switchTheme(id) {
    const themeClass = () => page.evaluate(() => [...document.querySelector('.monaco-workbench').classList].find((c) => c.startsWith('vscode-theme-')));
    const before = await themeClass();
    await palette('>Preferences: Color Theme', 'Preferences: Color Theme');
    await row('Preferences: Color Theme').click();
    await input.fill(id);
    await row(id).click({ timeout: 5_000 });
    await widget.waitFor({ state: 'hidden' });
    await page.waitForFunction((was) => ![...document.querySelector('.monaco-workbench').classList].includes(was), before, { timeout: 5_000 }).catch(() => {
      console.error(`[walkthrough] the theme stayed ${before} (already ${id}?)`);
    });
    await settle(800);
  }

  return { input, widget, row, hover, settle, palette, switchTheme };
}

async function main() {
  await ensureHost();
  const runFolder = newRunFolder();
  const workspace = path.join(runFolder, 'samples'); // named like the original: the title bar says "samples"
  // Without any sidecar samples/ may hold: the walkthrough starts from a file with no tags.
  cpSync(path.join(root, 'samples'), workspace, { recursive: true, filter: (file) => !file.endsWith('.tags.yaml') });
  const sample = path.join(workspace, sampleName);
  const start = whereIs(readFileSync(sample, 'utf8'), phrase);

  const host = await startHost({
    folder: workspace,
    extensionPath: root,
    openFile: sample,
    runFolder,
    settings: {
      'workbench.tips.enabled': false,
      'workbench.layoutControl.enabled': false,
      // The sidecar opens beside the text at step 6; a minimap would steal half of each half.
      'editor.minimap.enabled': false,
      '[yaml]': { 'editor.wordWrap': 'on' }, // the tagged words and their context, in full
    },
  });
  const shot = async (page, name) => {
    const file = path.join(root, 'images', `walkthrough-${name}.png`);
    mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`written ${path.relative(process.cwd(), file)}`);
  };

  let browser;
  try {
    browser = await launchBrowser(runFolder, { viewport: size });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const { input, widget, row, hover, settle, palette, switchTheme } = ui(page);
    const word = (text) => page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
    // The cursor on the empty last line, the text scrolled to the top: nothing paired lights up,
    // and no selection hides a tag's own colour.
    const parkCursor = async () => {
      const editor = page.locator('.editor-group-container .monaco-editor').first();
      const box = await editor.boundingBox();
      await page.mouse.click(box.x + box.width / 2, box.y + box.height - 40);
      await page.mouse.wheel(0, -2000);
      await settle(600);
    };

    await page.goto(host.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
    // The status bar names the language once the extension has adopted the file.
    await page.locator('.statusbar-item', { hasText: 'Russian News' }).first().waitFor({ timeout: 30_000 });
    await settle(2500); // semantic tokens and decorations paint after activation
    await switchTheme(theme);
    await page.keyboard.press('Escape'); // a toast that grabbed focus

    // 1. The news file, highlighted.
    await parkCursor();
    await shot(page, '1-open');

    // 2. Select the phrase (Go to Line:Column, then Shift+Right across it), then the palette.
    await palette(`:${start.line}:${start.column}`);
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    for (let i = 0; i < phrase.length; i += 1) await page.keyboard.press('Shift+ArrowRight');
    await page.locator('.monaco-editor .selected-text').first().waitFor({ state: 'visible' });
    await palette('>Tag Selection', 'Diplomatic Annotator: Tag Selection…');
    await settle();
    await shot(page, '2-command');

    // 3. The label quick pick, "position" typed.
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
    await page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.getAttribute('placeholder')?.includes('Label'));
    await input.pressSequentially(label, { delay: 30 });
    await row(label).waitFor({ state: 'visible' });
    await settle();
    await shot(page, '3-label');

    // 4. The tag on the page, and the Tags view in the Explorer.
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    // Called "Explorer: Focus on Tags View" in 1.139, "View: …" in older builds.
    await palette('>Focus on Tags View', /: Focus on Tags View$/);
    await page.keyboard.press('Enter');
    await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Tags' }) }).locator('.monaco-list-row', { hasText: label }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await parkCursor();
    await shot(page, '4-tagged');

    // 5. The hover over the tag: its label, and the gloss of the organisation under the mouse.
    const target = word(hoverWord);
    const box = await target.boundingBox();
    if (!box) throw new Error(`"${hoverWord}" is not on screen`);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    await hover.filter({ hasText: label }).waitFor({ timeout: 5_000 });
    await settle(800);
    await shot(page, '5-hover');

    // 6. The sidecar beside the text (Quick Open, Ctrl+Enter opens to the side), the side bar
    // hidden so both halves are wide enough to read, the tagged paragraph in view.
    await page.mouse.move(5, size.height / 2);
    await hover.waitFor({ state: 'hidden' }).catch(() => {});
    await page.keyboard.press('Escape');
    await palette('>Toggle Primary Side Bar Visibility', /Toggle Primary Side Bar Visibility$/);
    await page.keyboard.press('Enter');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
    await palette(`:${start.line}`);
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+P');
    await widget.waitFor({ state: 'visible' });
    await input.fill(`${sampleName}.tags.yaml`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: `${sampleName}.tags.yaml` }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Control+Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.locator('.tab', { hasText: `${sampleName}.tags.yaml` }).first().waitFor();
    // A little more room for the text: a tag's label is drawn after the words and does not wrap.
    const sash = page.locator('.part.editor .monaco-sash.vertical:not(.disabled)').first();
    const bar = await sash.boundingBox();
    if (bar) {
      await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
      await page.mouse.down();
      await page.mouse.move(bar.x + bar.width / 2 + 80, bar.y + bar.height / 2, { steps: 8 });
      await page.mouse.up();
      await page.mouse.move(5, size.height / 2); // off the sash, or it stays lit
    }
    await settle(1200);
    await shot(page, '6-sidecar');
  } finally {
    await browser?.close().catch(() => {});
    host.stop();
    rmSync(runFolder, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`[walkthrough] ${error.stack ?? error.message}`);
  process.exitCode = 1;
}
