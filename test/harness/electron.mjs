// `npm run test:electron`: the same integration suite in desktop VS Code, which
// @vscode/test-electron downloads into .vscode-test/ (so it needs the internet; on a Linux server
// also a display, e.g. `xvfb-run -a npm run test:electron`). Offline, use `npm run test:integration`.
//   VSCODE_VERSION=stable|insiders|1.139.1 (default: the version the local host runs)
//   node test/harness/electron.mjs [--grep PATTERN]
import { runTests } from '@vscode/test-electron';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = path.join(root, 'out/test/integration/index.js');
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt === -1 ? process.env.MOCHA_GREP : process.argv[grepAt + 1];
const summary = /^(\d+) passed, (\d+) failed$/m;

if (!existsSync(suite)) {
  console.error('[harness] out/test/integration/index.js is missing; build first: node scripts/build.mjs --tests');
  process.exit(1);
}

// A fresh copy each run, so tests may write (sidecars) without touching the fixtures.
const workspace = mkdtempSync(path.join(os.tmpdir(), 'da-workspace-'));
const fixtures = path.join(root, 'test/fixtures/workspace');
if (existsSync(fixtures)) cpSync(fixtures, workspace, { recursive: true });

// Pass mocha's report through, noting the suite's own count to repeat as the last line.
let counted;
const stdout = new PassThrough();
stdout.on('data', (chunk) => {
  counted = summary.exec(chunk.toString()) ?? counted;
  process.stdout.write(chunk);
});

let code;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? '1.139.1',
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    extensionTestsEnv: { DA_TEST_WORKSPACE: workspace, ...(grep ? { MOCHA_GREP: grep } : {}) },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    stdout,
  });
} catch (error) {
  // runTests rejects when VS Code exits non-zero (a failing suite) or cannot be downloaded.
  console.error(`[harness] ${error.message}`);
  code = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
console.log(counted ? `${counted[1]} passed, ${counted[2]} failed` : '0 passed, 1 failed');
process.exit(code === 0 && counted ? 0 : code || 1);
