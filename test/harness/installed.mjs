// `run.mjs --installed [x.vsix]`: the same integration suite against the packaged extension, installed
// the way a user installs it, instead of against the development folder.
//
// VS Code runs `extensionTestsPath` only together with an `extensionDevelopmentPath`, and a development
// path wins over an installed copy of the same extension. So the development path given to the host is
// a generated stub (another id, no code) and the extension under test is the one in the run's
// extensions folder; the stub's test entry checks that before it hands over to the real suite.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { installExtension, root } from './host.mjs';

const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
export const extensionId = `${manifest.publisher}.${manifest.name}`;

/** Lines the stub prints in the extension host; run.mjs always shows them on the terminal. */
export const stubLine = /^\[installed\] /;

// Never packaged, and large or private: everything else at the top of the checkout is copied.
const notCopied = new Set(['node_modules', '.vscode-test', '.git', 'out', 'dist']);

/**
 * Builds the production bundle and packs it with vsce, in a copy of the checkout inside the run
 * folder: the development `dist/` (which others' test runs load) is never rebuilt under them.
 */
export function packageVsix(runFolder) {
  const staging = path.join(runFolder, 'package-build');
  mkdirSync(staging);
  for (const name of readdirSync(root)) {
    if (notCopied.has(name) || name.endsWith('.vsix')) continue;
    cpSync(path.join(root, name), path.join(staging, name), { recursive: true });
  }
  const modules = path.join(staging, 'node_modules');
  symlinkSync(path.join(root, 'node_modules'), modules, 'dir');
  const vsix = path.join(runFolder, `${manifest.name}-${manifest.version}.vsix`);
  try {
    run(staging, ['scripts/build.mjs', '--production']);
    run(staging, ['node_modules/@vscode/vsce/vsce', 'package', '--no-dependencies', '--out', vsix]);
  } finally {
    // The link first, so nothing can ever follow it into the project's node_modules.
    rmSync(modules, { force: true });
    rmSync(staging, { recursive: true, force: true });
  }
  return vsix;
}

function run(cwd, args) {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`node ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${`${result.stdout}${result.stderr}`.trim()}`);
  }
}

/** Installs the `.vsix` with code-server's CLI into the run's extensions folder; returns where it went. */
export function installPackage(vsix, runFolder) {
  if (!existsSync(vsix)) throw new Error(`${vsix} does not exist`);
  installExtension(vsix, runFolder);
  const extensions = path.join(runFolder, 'extensions');
  const prefix = `${extensionId.toLowerCase()}-`;
  const folder = readdirSync(extensions).find((name) => name.toLowerCase().startsWith(prefix) && statSync(path.join(extensions, name)).isDirectory());
  if (!folder) throw new Error(`code-server reported success but ${extensions} holds no ${prefix}* folder (is ${path.basename(vsix)} this extension?)`);
  return path.join(extensions, folder);
}

/**
 * Writes the stub development extension. Its test entry refuses to run the suite unless the
 * extension under test resolves to the installed folder, prints where it is, then runs `suite`.
 */
export function writeStub(runFolder, suite, installedPath, entry = 'suite.js') {
  const stub = path.join(runFolder, 'test-stub');
  // A second window's suite gets its own entry in the same stub.
  mkdirSync(stub, { recursive: true });
  writeFileSync(
    path.join(stub, 'package.json'),
    JSON.stringify(
      {
        name: 'installed-package-tests',
        publisher: 'diplomatic-annotator-harness',
        version: '0.0.0',
        description: 'Only carries the integration suite into the extension host; contributes nothing.',
        engines: { vscode: manifest.engines.vscode },
      },
      null,
      2,
    ),
  );
  // Inside the stub, so `require('vscode')` here is resolved for a known extension.
  writeFileSync(
    path.join(stub, entry),
    `const path = require('path');
const vscode = require('vscode');
const refuse = (why) => {
  console.log('[installed] ' + why);
  throw new Error(why);
};
exports.run = async () => {
  const extension = vscode.extensions.getExtension(${JSON.stringify(extensionId)});
  if (!extension) refuse('${extensionId} is not loaded: the installed package did not reach the extension host');
  console.log('[installed] extension under test: ' + extension.extensionPath);
  const expected = ${JSON.stringify(installedPath)};
  if (path.resolve(extension.extensionPath) !== expected) {
    refuse('the extension under test is ' + extension.extensionPath + ', not the installed package in ' + expected);
  }
  return require(${JSON.stringify(suite)}).run();
};
`,
  );
  return { extensionPath: stub, testsPath: path.join(stub, entry) };
}
