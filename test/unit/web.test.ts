// The web build (vscode.dev, github.dev): one bundle, nothing from Node, and a core that runs in a
// sandbox with only what a browser worker has.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import * as esbuild from 'esbuild';
import YAML from 'yaml';
import { repoRoot } from './repo';

const root = repoRoot();

describe('the web extension', function () {
  this.timeout(60_000);

  it('is declared as the browser entry and packaged', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { browser?: string };
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.match(readFileSync(path.join(root, '.vscodeignore'), 'utf8'), /^!dist\/web\/extension\.js$/m);
  });

  it('requires nothing but vscode (Node\'s fs only behind a check that it exists)', () => {
    const code = readFileSync(path.join(root, 'dist', 'web', 'extension.js'), 'utf8');
    const required = [...code.matchAll(/\brequire\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(required)].sort(), ['"node:fs"', '"vscode"']);
    assert.match(code, /typeof process === "object" && process\.versions\?\.node \? require\("node:fs"\)/);
  });

  it('analyses, tags and writes a sidecar with only browser globals', async () => {
    const entry = `
      import { analyze } from './src/core/analysis/analyze';
      import { TagStore } from './src/core/tags/store';
      export function run(text) {
        const kinds = analyze(text).annotations.map((a) => a.kind);
        const store = new TagStore('story.txt');
        const at = text.indexOf('ратификацию');
        store.add(text, at, at + 11, 'treaty-term');
        return { kinds, sidecar: store.serialize(text) };
      }`;
    const yamlPlugin: esbuild.Plugin = {
      name: 'yaml',
      setup(build) {
        build.onLoad({ filter: /\.yaml$/ }, (a) => ({ contents: JSON.stringify(YAML.parse(readFileSync(a.path, 'utf8'))), loader: 'json' }));
      },
    };
    const out = await esbuild.build({ stdin: { contents: entry, resolveDir: root, loader: 'ts' }, bundle: true, platform: 'browser', format: 'iife', globalName: 'core', write: false, plugins: [yamlPlugin], logLevel: 'silent' });
    const sandbox: Record<string, unknown> = { TextEncoder, TextDecoder, performance, console };
    vm.createContext(sandbox);
    vm.runInContext(out.outputFiles[0].text, sandbox);
    const text = ' date 2025-10-25 Заголовок\n\nМОСКВА, 24 окт – РИА Новости. Глава МИД России Сергей Лавров заявил, что Москва завершила ратификацию соглашения.\n';
    const result = vm.runInContext(`core.run(${JSON.stringify(text)})`, sandbox) as { kinds: string[]; sidecar: string };
    for (const kind of ['quote', 'speaker', 'date', 'term']) assert.ok(result.kinds.includes(kind), kind);
    assert.match(result.sidecar, /label: treaty-term/);
    assert.match(result.sidecar, /sha256: "[0-9a-f]{64}"/);
    assert.equal(vm.runInContext('typeof require + typeof process + typeof Buffer', sandbox), 'undefinedundefinedundefined');
  });
});
