// `npm run test:integration`: runs the compiled mocha suite inside a real VS Code extension host
// (code-server + headless chromium) and exits with its verdict. Builds nothing itself.
//   node test/harness/run.mjs [--grep PATTERN]      (or MOCHA_GREP=PATTERN)
//   node test/harness/run.mjs --installed [x.vsix]  the same suite against the packaged extension,
//       installed with code-server's --install-extension (without a path, one is packaged first
//       from a copy of the checkout; see installed.mjs)
//   DA_HARNESS_VERBOSE=1  also prints the workbench's own log lines
//   DA_TEST_TIMEOUT_MS    how long the whole suite may take (default 5 minutes)
// A test may ask for a second VS Code window on the same folder (test/integration/twowindows.test.ts):
// it is one more browser page, with its own extension host, running out/test/integration/second-window/;
// both windows' results count.
// A test may also ask for VS Code to be closed and started again (test/integration/reopen.test.ts):
// once the suite has reported, its page is closed as a user closes the tab (the workbench's shutdown
// runs) and a new page opens on the same folder and browser profile, running
// out/test/integration/after-reopen/; its results count too.
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { ensureHost, launchBrowser, newRunFolder, root, startHost } from './host.mjs';
import { installPackage, packageVsix, stubLine, writeStub } from './installed.mjs';

const suite = path.join(root, 'out/test/integration/index.js');
const secondSuite = path.join(root, 'out/test/integration/second-window/index.js');
const afterReopenSuite = path.join(root, 'out/test/integration/after-reopen/index.js');
const fixtures = path.join(root, 'test/fixtures/workspace');
const timeoutMs = Number(process.env.DA_TEST_TIMEOUT_MS ?? 5 * 60_000);
const verbose = Boolean(process.env.DA_HARNESS_VERBOSE);
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt === -1 ? process.env.MOCHA_GREP : process.argv[grepAt + 1];
// --untrusted: the workspace opens in Restricted Mode (Workspace Trust on, folder not trusted).
const untrusted = process.argv.includes('--untrusted');
const installedAt = process.argv.indexOf('--installed');
const installed = installedAt !== -1;
const givenVsix = installed && process.argv[installedAt + 1]?.endsWith('.vsix') ? path.resolve(process.argv[installedAt + 1]) : undefined;

// Lines test/integration/index.ts prints first and last.
const suiteStart = /^integration suite: /;
const summary = /^(\d+) passed, (\d+) failed$/;
// The offline workbench asking the extension gallery; a policy probe; a later window's start-up.
const harmless = /getaddrinfo ENOTFOUND|^\[AccountPolicyGate\]|^Updating additional builtin extensions cache|^\[Service Worker\] registered$/;
// What the first window's suite prints to have the second window opened.
const secondWindowRequest = /^\[two windows\] open the second window$/;
// How long the second window may go on after the first one ended (it waits on the first one's steps).
const secondWindowGraceMs = 30_000;
// What the first window's suite prints to have its window closed and VS Code started again.
const reopenRequest = /^\[reopen\] close this window and open the next$/;
// How long the closed window's shutdown and the new window's whole suite may take.
const closeTimeoutMs = 10_000;
const reopenTimeoutMs = 60_000;

let stats; // the suites' own counts, all windows together

async function main() {
  const needed = [
    [suite, 'node scripts/build.mjs --tests'],
    [secondSuite, 'node scripts/build.mjs --tests'],
    [afterReopenSuite, 'node scripts/build.mjs --tests'],
  ];
  if (!installed) needed.push([path.join(root, 'dist/extension.js'), 'node scripts/build.mjs']);
  for (const [file, how] of needed) {
    if (!existsSync(file)) throw new Error(`${path.relative(root, file)} is missing; build first: ${how}`);
  }
  if (givenVsix && !existsSync(givenVsix)) throw new Error(`${givenVsix} does not exist`);
  await ensureHost();
  const runFolder = newRunFolder();
  const underTest = installed ? prepareInstalled(runFolder) : { extensionPath: root, testsPath: suite, env: {}, second: { extensionPath: root, testsPath: secondSuite }, afterReopen: { extensionPath: root, testsPath: afterReopenSuite } };
  // A fresh copy each run, so tests may write (sidecars) without touching the fixtures.
  const workspace = path.join(runFolder, 'workspace');
  mkdirSync(workspace);
  if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });

  const started = Date.now();
  const host = await startHost({
    folder: workspace,
    extensionPath: underTest.extensionPath,
    testsPath: underTest.testsPath,
    runFolder,
    untrusted,
    env: {
      DA_TEST_WORKSPACE: workspace,
      // Tells the suite that a second window can be had (electron.mjs cannot: those tests skip there).
      DA_SECOND_WINDOW: '1',
      // And that the launcher can close this window and open the folder again (reopen.test.ts).
      DA_REOPEN: '1',
      // Where VS Code keeps its hot-exit backups (User/Backups): that test waits for them.
      DA_USER_DATA: path.join(runFolder, 'user-data'),
      ...underTest.env,
      ...(grep ? { MOCHA_GREP: grep } : {}),
      ...(untrusted ? { DA_UNTRUSTED: '1' } : {}),
    },
  });
  const windows = [];
  let browser;
  try {
    browser = await launchBrowser(runFolder);
    const deadline = new Promise((_, reject) => {
      setTimeout(() => reject(new Error(`the suite did not finish within ${timeoutMs / 1000} s`)), timeoutMs).unref();
    });
    deadline.catch(() => {}); // raced below; never unhandled

    let secondRequested = false;
    const openSecond = async () => {
      const url = host.urlFor({
        extensionPath: underTest.second.extensionPath,
        testsPath: underTest.second.testsPath,
        env: { DA_TEST_WORKSPACE: workspace, ...underTest.env, ...(untrusted ? { DA_UNTRUSTED: '1' } : {}) },
      });
      console.error(`[harness] opening a second window on the same folder`);
      const page = await browser.newPage();
      const second = await openWindow(page, url, { name: 'second window', runFolder, prefix: '[second window] ' });
      windows.push(second);
      // Its extension host has ended: the page would only take memory from the first window's tests.
      void second.exitCode.then(() => page.close().catch(() => {}));
    };
    let reopenRequested = false;
    const firstPage = browser.pages()[0] ?? (await browser.newPage());
    const first = await openWindow(firstPage, host.url, {
      name: 'suite',
      runFolder,
      onLine: (line) => {
        if (reopenRequest.test(line)) reopenRequested = true;
        if (secondRequested || !secondWindowRequest.test(line)) return;
        secondRequested = true;
        openSecond().catch((error) => console.error(`[harness] the second window did not open: ${error.message}`));
      },
    });
    windows.push(first);

    let code = await Promise.race([first.exitCode, deadline]).catch((error) => {
      if (first.phase() === 'before') error.message += `; it never started. Last workbench lines:\n  ${first.hidden.join('\n  ')}`;
      throw error;
    });
    console.error(`[harness] suite ended with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    /** Waits for another window's end (at most `limit`, 'timeout'), and says how it went. */
    const ending = async (other, limit, tooLong) => {
      const otherCode = await Promise.race([other.exitCode, limit, deadline]).catch(() => 'timeout');
      if (otherCode === 'timeout') console.error(`[harness] the ${other.name} did not finish ${tooLong}`);
      else console.error(`[harness] the ${other.name} ended with code ${otherCode}`);
      if (!other.stats()) {
        const before = other.phase() === 'before' ? `; its suite never started. Last workbench lines:\n  ${other.hidden.join('\n  ')}` : '';
        console.error(`[harness] the ${other.name} reported no results${before}`);
      }
      if (otherCode !== 0) code ||= 1;
    };
    for (const other of windows.slice(1)) {
      const grace = new Promise((resolve) => setTimeout(() => resolve('timeout'), secondWindowGraceMs).unref());
      await ending(other, grace, `${secondWindowGraceMs / 1000} s after the first one`);
    }
    if (reopenRequested) {
      const reopened = await closeAndReopen(browser, firstPage, {
        window: first,
        runFolder,
        urlWith: (env) =>
          host.urlFor({
            extensionPath: underTest.afterReopen.extensionPath,
            testsPath: underTest.afterReopen.testsPath,
            env: { DA_TEST_WORKSPACE: workspace, ...underTest.env, ...(untrusted ? { DA_UNTRUSTED: '1' } : {}), ...env },
          }),
      });
      windows.push(reopened);
      const limit = new Promise((resolve) => setTimeout(() => resolve('timeout'), reopenTimeoutMs).unref());
      await ending(reopened, limit, `within ${reopenTimeoutMs / 1000} s`);
    }
    // A window that never reported counts as one failure.
    const silent = windows.filter((w) => !w.stats()).length;
    if (first.stats()) stats = windows.reduce((sum, w) => ({ passed: sum.passed + (w.stats()?.passed ?? 0), failed: sum.failed + (w.stats()?.failed ?? 0) }), { passed: 0, failed: silent });
    return stats?.failed ? 1 : code;
  } finally {
    await browser?.close().catch(() => {});
    host.stop();
    for (const w of windows) w.log.end();
    if (stats && stats.failed === 0) rmSync(runFolder, { recursive: true, force: true });
    else console.error(`[harness] logs kept in ${path.relative(root, runFolder)}/ (server.log, workbench*.log)`);
  }
}

/**
 * Loads a workbench in `page` and follows the mocha suite its extension host runs. Every workbench
 * log line, the extension host's console included, arrives as a format string plus arguments: all
 * go to a log file in the run folder, the terminal gets the suite's own lines (after `prefix`).
 */
async function openWindow(page, url, { name, runFolder, prefix = '', onLine = () => {} }) {
  const log = createWriteStream(path.join(runFolder, name === 'suite' ? 'workbench.log' : `workbench-${name.replace(/\W+/g, '-')}.log`));
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  let phase = 'before'; // 'before' the suite's first line, 'during', 'after' its summary
  let counts; // the suite's own count
  const hidden = []; // the last lines before the suite, shown if it never starts
  const listeners = new Set(); // see `onEveryLine` below
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    log.write(`[${type}] ${line}\n`);
    for (const listener of listeners) listener(line);
    if (phase === 'before' && suiteStart.test(line)) phase = 'during';
    const counted = summary.exec(line.trim());
    if (counted && phase === 'during') {
      counts = { passed: Number(counted[1]), failed: Number(counted[2]) };
      phase = 'after';
    } else if (verbose || (phase === 'during' && !harmless.test(line)) || stubLine.test(line)) {
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${prefix ? line.replace(/^/gm, prefix) : line}\n`);
    } else if (phase === 'before' && hidden.push(line.split('\n')[0]) > 30) {
      hidden.shift();
    }
    if (phase === 'during') onLine(line.trim());
  });
  await page.goto(url);
  // `onEveryLine(fn)`: every workbench line from now on, the suite's or not (e.g. its shutdown's).
  return { name, exitCode, log, hidden, phase: () => phase, stats: () => counts, onEveryLine: (fn) => listeners.add(fn) };
}

/**
 * Closes the first window's page as a user closes code-server's tab: the browser unloads it, so
 * the workbench runs its shutdown (the unload handlers that flush its storage and may veto over
 * unsaved changes, which a user would see as "Leave site?"). Then VS Code is started again: a new
 * page on the same server and browser profile, on `urlWith(extra extension-host env)`. Returns that
 * window.
 */
async function closeAndReopen(browser, page, { window, runFolder, urlWith }) {
  // Opened first and left blank, so closing the last page never ends the browser.
  const next = await browser.newPage();
  const started = Date.now();
  // The workbench vetoes its unload when it would lose unsaved text (a hot-exit backup not written
  // yet, or hot exit off). The browser may then ask "Leave site?" (accepted below, as a user who
  // closes the tab would) or, where the page never had a user gesture, not ask at all: the veto is
  // told from the workbench's log either way.
  const vetoes = [];
  window.onEveryLine((line) => {
    if (/Unload veto|Unload was prevented/.test(line)) vetoes.push(line.trim());
  });
  let asked;
  page.on('dialog', (dialog) => {
    asked = dialog.type();
    // Leaving anyway, as a user closing the window would: the new window shows what was kept.
    void dialog.accept().catch(() => {});
  });
  const closed = new Promise((resolve) => page.once('close', () => resolve(true)));
  await page.close({ runBeforeUnload: true });
  const timedOut = new Promise((resolve) => setTimeout(() => resolve(false), closeTimeoutMs).unref());
  if (!(await Promise.race([closed, timedOut]))) {
    console.error(`[harness] the window did not close within ${closeTimeoutMs / 1000} s of being asked${asked ? ` (it asked: ${asked})` : ''}; closing it without its shutdown`);
    await page.close().catch(() => {});
  }
  const how = asked ? `; before closing it asked to stay (${asked}), and was left anyway` : '';
  console.error(`[harness] closed the window in ${Date.now() - started} ms${how}; starting VS Code again on the same folder`);
  for (const veto of vetoes) console.error(`[harness] while closing, VS Code said: ${veto}`);
  // The reopened window's checks name a veto as the likely cause of unsaved text gone missing.
  const url = urlWith(vetoes.length ? { DA_REOPEN_VETO: vetoes.join('; ') } : {});
  return openWindow(next, url, { name: 'reopened window', runFolder, prefix: '[reopened window] ' });
}

/** Packages (unless a .vsix was given) and installs the extension; the host then loads only that copy. */
function prepareInstalled(runFolder) {
  const started = Date.now();
  const vsix = givenVsix ?? packageVsix(runFolder);
  const installedPath = installPackage(vsix, runFolder);
  console.error(
    `[harness] ${givenVsix ? '' : 'packaged and '}installed ${path.basename(vsix)} (${(statSync(vsix).size / 1024).toFixed(0)} KB) in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
      `[harness]   ${installedPath}`,
  );
  return {
    ...writeStub(runFolder, suite, installedPath),
    second: writeStub(runFolder, secondSuite, installedPath, 'second-window.js'),
    afterReopen: writeStub(runFolder, afterReopenSuite, installedPath, 'after-reopen.js'),
    // The installed folder is thrown away with the run, so the figures go to the checkout; beside,
    // not over, the development build's (which `npm run bench` reads).
    env: { DA_METRICS_DIR: path.join(root, '.vscode-test', 'installed') },
  };
}

let code;
try {
  code = await main();
} catch (error) {
  console.error(`[harness] ${error.message}`);
  code = 1;
}
// Always the last line, for CI; a suite that never reported counts as one failure.
console.log(stats ? `${stats.passed} passed, ${stats.failed} failed` : '0 passed, 1 failed');
process.exit(code === 0 && stats ? 0 : code || 1);
