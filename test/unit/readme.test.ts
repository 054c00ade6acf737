import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo';

const root = repoRoot();

describe('the README', () => {
  it('lists every setting of package.json with its default', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'readme-settings.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  it('starts with what the extension does, a screenshot, then the two commands', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const shot = readme.indexOf('![');
    const start = readme.indexOf('npm ci && npm start');
    const test = readme.indexOf('npm ci && npm test');
    assert.ok(shot > 0 && shot < start && start < test && test < 2500, 'screenshot, then npm start, then npm test, on the first screen');
    for (const m of readme.matchAll(/\]\((images\/[^)]+)\)/g)) readFileSync(path.join(root, m[1]));
  });
});
