// The .vsix holds only what runs, and stays small.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo';

const root = repoRoot();
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('the packaged extension', function () {
  this.timeout(120_000);
  let dir: string;
  let files: string[];
  let vsix: string;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-vsix-'));
    vsix = path.join(dir, 'diplomatic-annotator.vsix');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'pipe' });
    files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', vsix], { cwd: root, stdio: 'pipe' });
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
    // Put the development build (with source maps) back for the integration tests.
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
  });

  it('holds the bundles, the grammar, snippets, schemas and translations', () => {
    for (const f of ['dist/extension.js', 'dist/features.js', 'dist/web/extension.js', 'dist/cli.js', 'syntaxes/russian-news.tmLanguage.json', 'snippets/russian-news.code-snippets', 'schemas/sidecar.schema.json', 'l10n/bundle.l10n.ru.json', 'package.nls.ru.json', 'language-configuration.json', 'images/tag-gutter.svg', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} is packaged`);
    }
  });

  it('leaves out sources, tests, benchmarks, source maps and node_modules', () => {
    const stray = files.filter((f) => /^(src|test|bench|scripts|node_modules|out|samples|glossary|docs|\.vscode-test)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(stray, []);
  });

  it('is under 2 MB', () => {
    const size = statSync(vsix).size;
    assert.ok(size < 2 * 1024 * 1024, `${size} bytes`);
  });
});
