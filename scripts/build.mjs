// One build for everything: the extension, the CLI, the tests and the benchmarks.
// YAML data (the built-in glossary) is parsed here, at build time, never on activation.
import * as esbuild from 'esbuild';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const yamlPlugin = {
  name: 'yaml',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, async (a) => {
      const text = await readFile(a.path, 'utf8');
      const doc = YAML.parseDocument(text, { prettyErrors: true });
      if (doc.errors.length) {
        return { errors: doc.errors.map((e) => ({ text: e.message, location: { file: a.path, line: e.linePos?.[0]?.line ?? 1 } })) };
      }
      return { contents: JSON.stringify(doc.toJS()), loader: 'json' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin],
  absWorkingDir: root,
};

async function listTs(dir, suffix) {
  const out = [];
  let entries;
  try {
    entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith(suffix)) out.push(path.relative(root, path.join(e.parentPath ?? e.path, e.name)));
  }
  return out.sort();
}

const builds = [
  // The banner stamps when VS Code starts loading the bundle, so activation time includes loading it.
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './features.js'], banner: { js: 'var __daLoadStart = performance.now();' } },
  { ...common, entryPoints: ['src/features.ts'], outfile: 'dist/features.js', external: ['vscode'] },
  // vscode.dev and github.dev: one bundle for the web worker extension host, features included
  // (a web extension cannot load a second file); Node's fs is reached only where it exists.
  { ...common, platform: 'browser', entryPoints: ['src/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode', 'node:fs'], banner: { js: 'var __daLoadStart = performance.now();' } },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];
if (!production) {
  builds.push({ ...common, entryPoints: ['scripts/eval.ts'], outfile: 'out/scripts/eval.js' });
}
if (args.has('--tests')) {
  await rm(path.join(root, 'out/test'), { recursive: true, force: true });
  const unit = await listTs('test/unit', '.test.ts');
  if (unit.length) builds.push({ ...common, entryPoints: unit, outdir: 'out/test/unit', outbase: 'test/unit', external: ['vscode-textmate', 'vscode-oniguruma', 'esbuild'] });
  const integration = await listTs('test/integration', '.ts');
  if (integration.length) {
    builds.push({ ...common, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
  }
}
if (args.has('--bench')) {
  const bench = await listTs('bench', '.ts');
  builds.push({ ...common, entryPoints: bench, outdir: 'out/bench', outbase: 'bench', external: ['vscode-textmate', 'vscode-oniguruma'] });
}

// `--only FILE... --out DIR`: build just these test files (for working on one part at a time).
const only = process.argv.indexOf('--only');
if (only !== -1) {
  const rest = process.argv.slice(only + 1);
  const outAt = rest.indexOf('--out');
  const files = outAt === -1 ? rest : rest.slice(0, outAt);
  const outdir = outAt === -1 ? 'out/only' : rest[outAt + 1];
  builds.length = 0;
  builds.push({ ...common, entryPoints: files, outdir, external: ['vscode', 'mocha', 'vscode-textmate', 'vscode-oniguruma', 'esbuild'] });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] watching for changes…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
