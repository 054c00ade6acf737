// What ships never evaluates code, never reaches the network, and loads nothing from the workspace.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repo';

const root = repoRoot();

describe('the shipped bundles', () => {
  for (const bundle of ['dist/extension.js', 'dist/features.js', 'dist/web/extension.js']) {
    const code = readFileSync(path.join(root, bundle), 'utf8');

    it(`${bundle} has no eval and no Function constructor`, () => {
      assert.doesNotMatch(code, /\beval\s*\(|\bnew Function\b|\bFunction\s*\(\s*["'`]/);
    });

    it(`${bundle} uses no network API`, () => {
      assert.doesNotMatch(code, /\bfetch\s*\(|XMLHttpRequest|WebSocket|require\("(node:)?(https?|net|tls|dgram|http2|child_process)"\)/);
    });

    it(`${bundle} requires only vscode, Node built-ins and its own second bundle`, () => {
      const required = [...code.matchAll(/\brequire\(([^)]*)\)/g)].map((m) => m[1].trim());
      const allowed = /^["'](vscode|node:(fs|path|crypto|os|util|process|buffer)|fs|path|crypto|os|util|process|buffer|\.\/features\.js)["']$/;
      const stray = required.filter((r) => !allowed.test(r));
      assert.deepEqual(stray, [], 'no dynamic require, nothing loaded from the workspace');
    });
  }
});
