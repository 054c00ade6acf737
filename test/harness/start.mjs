// `npm start`: the extension at work in a local VS Code (code-server on 127.0.0.1) on `samples/`.
//   node test/harness/start.mjs [--port N] [--folder DIR]
//       prints the address to open; Ctrl+C stops everything.
//   node test/harness/start.mjs --screenshot FILE.png [--theme "Default Dark Modern"] [--open samples/x.txt]
//       [--size 1280x800] [--settle MS]
//       opens the same page in headless chromium, takes a PNG of it and exits.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ensureHost, launchBrowser, newRunFolder, root, startHost } from './host.mjs';

const samples = path.join(root, 'samples');

/**
 * Opens the workbench with the extension loaded, runs `beforeShot(page)` if given (to hover, run a
 * command, …) and writes a PNG. The building block for the README's screenshots.
 */
export async function takeScreenshot({ file, theme, open, folder = samples, size = '1280x800', settleMs = 2500, beforeShot }) {
  const [width, height] = size.split('x').map(Number);
  await ensureHost();
  const runFolder = newRunFolder();
  const host = await startHost({
    folder,
    extensionPath: root,
    openFile: open && path.resolve(root, open),
    runFolder,
    // A clean picture: no tips, no layout controls.
    settings: { 'workbench.tips.enabled': false, 'workbench.layoutControl.enabled': false },
  });
  let browser;
  try {
    browser = await launchBrowser(runFolder, { viewport: { width, height } });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(host.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    if (open) await page.locator('.monaco-editor .view-line').first().waitFor({ timeout: 60_000 });
    // Let the extension activate and paint (grammar, semantic tokens, decorations).
    await page.waitForTimeout(settleMs);
    if (theme) await switchTheme(page, theme);
    await page.keyboard.press('Escape'); // closes any toast that grabbed focus
    if (beforeShot) await beforeShot(page);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    await page.screenshot({ path: path.resolve(file) });
    console.log(`screenshot written to ${path.relative(process.cwd(), path.resolve(file))}`);
  } finally {
    await browser?.close().catch(() => {});
    host.stop();
    rmSync(runFolder, { recursive: true, force: true });
  }
}

// With an extension under development the web workbench ignores the colour theme in the user
// settings, and does not follow later edits of that file (VS Code 1.139); so pick it as a user does.
async function switchTheme(page, theme) {
  const themeClass = () => page.evaluate(() => [...document.querySelector('.monaco-workbench').classList].find((c) => c.startsWith('vscode-theme-')));
  const before = await themeClass();
  // 1.139 dropped the "Default " of "Default Dark Modern" and kin; accept both spellings.
  const id = theme.replace(/^Default (?!High Contrast)/, '');
  const input = page.locator('.quick-input-widget input');
  const row = (label) => page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
  await page.keyboard.press('F1');
  await input.fill('>Preferences: Color Theme');
  await row('Preferences: Color Theme').click();
  await input.fill(id);
  await row(id).click({ timeout: 5_000 }).catch(() => page.keyboard.press('Escape'));
  for (let waited = 0; waited < 5_000; waited += 250) {
    if ((await themeClass()) !== before) return;
    await page.waitForTimeout(250);
  }
  console.error(`[harness] the theme stayed ${before}: is "${id}" a colour theme? (e.g. "Dark Modern", "Light Modern", "Dark 2026", "Light 2026")`);
}

async function serve({ port, folder }) {
  await ensureHost();
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  const host = await startHost({ folder, extensionPath: root, port: port && Number(port) });
  console.log(`Diplomatic Annotator is running in a local VS Code (code-server) on ${path.relative(process.cwd(), folder) || '.'}/:\n`);
  console.log(`  ${host.url}\n`);
  console.log('Open that address in a browser. Ctrl+C stops everything.');
  // The server is unref'd; this keeps us (and the Ctrl+C handler in host.mjs) alive.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const why = await host.ended;
  clearInterval(keepAlive);
  console.error(`the VS Code server stopped (${why}); its log: ${host.serverLog}`);
  process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      screenshot: { type: 'string' },
      theme: { type: 'string' },
      open: { type: 'string' },
      size: { type: 'string' },
      settle: { type: 'string' },
      port: { type: 'string' },
      folder: { type: 'string' },
    },
  });
  const folder = values.folder ? path.resolve(values.folder) : samples;
  try {
    if (values.screenshot) {
      await takeScreenshot({ file: values.screenshot, theme: values.theme, open: values.open, folder, size: values.size, settleMs: values.settle && Number(values.settle) });
    } else {
      await serve({ port: values.port, folder });
    }
  } catch (error) {
    console.error(`[harness] ${error.message}`);
    process.exitCode = 1;
  }
}
