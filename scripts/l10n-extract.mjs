// Lists every runtime string the extension shows, as written in `vscode.l10n.t('…')` calls in src/.
//
//   node scripts/l10n-extract.mjs           the English keys, one a line
//   node scripts/l10n-extract.mjs --json    keys with where they are used, and problems, as JSON
//   node scripts/l10n-extract.mjs --write   also writes l10n/bundle.l10n.json ({ "key": "key" })
//   node scripts/l10n-extract.mjs --check   fails if l10n/bundle.l10n.json is out of date or a
//                                           translation (l10n/bundle.l10n.LANG.json) lacks or keeps keys
//
// The TypeScript parser finds the calls, so strings inside comments, other strings or templates
// never count, and a call split over lines or nested in a template is still found. A call whose
// first argument is not a plain literal cannot be translated (its key is unknown until run time):
// it is reported and the script exits with 1.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const L10N_DIR = path.join(root, 'l10n');
const DEFAULT_BUNDLE = path.join(L10N_DIR, 'bundle.l10n.json');

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** `l10n.t(…)` or `anything.l10n.t(…)`: the namespace import and a destructured `l10n` alike. */
function isL10nCall(node) {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const callee = node.expression;
  if (callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) && owner.text === 'l10n') || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'l10n');
}

/** Calls in one file: `{ keys: [{ key, line, column }], problems: [{ line, column, message }] }`. */
export function extractFromSource(text, fileName = 'source.ts') {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const keys = [];
  const problems = [];
  const where = (node) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { line: line + 1, column: character + 1 };
  };
  const visit = (node) => {
    if (isL10nCall(node)) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
        keys.push({ key: first.text, ...where(first) });
      } else {
        const shown = first ? first.getText(source).replace(/\s+/g, ' ').slice(0, 60) : '(nothing)';
        problems.push({ ...where(node), message: `first argument is not a string literal: ${shown}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { keys, problems };
}

/** Every key in src/ with the places it is used, sorted; and every call that could not be read. */
export function extractFromProject(srcDir = path.join(root, 'src')) {
  const byKey = new Map();
  const problems = [];
  for (const file of sourceFiles(srcDir)) {
    const relative = path.relative(root, file).split(path.sep).join('/');
    const found = extractFromSource(readFileSync(file, 'utf8'), file);
    for (const k of found.keys) {
      const uses = byKey.get(k.key) ?? [];
      uses.push(`${relative}:${k.line}:${k.column}`);
      byKey.set(k.key, uses);
    }
    for (const p of found.problems) problems.push({ at: `${relative}:${p.line}:${p.column}`, message: p.message });
  }
  const keys = [...byKey.keys()].sort(compareKeys).map((key) => ({ key, uses: byKey.get(key) }));
  return { keys, problems };
}

// Code-point order: the same bytes on every machine and locale, so the bundle diffs cleanly.
function compareKeys(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function defaultBundleText(keys) {
  return JSON.stringify(Object.fromEntries(keys.map(({ key }) => [key, key])), null, 2) + '\n';
}

function translationBundles() {
  if (!existsSync(L10N_DIR)) return [];
  return readdirSync(L10N_DIR)
    .filter((name) => /^bundle\.l10n\.[^.]+\.json$/.test(name))
    .sort()
    .map((name) => ({ name, entries: JSON.parse(readFileSync(path.join(L10N_DIR, name), 'utf8')) }));
}

function check(keys) {
  const failures = [];
  const wanted = new Set(keys.map((k) => k.key));
  const current = existsSync(DEFAULT_BUNDLE) ? readFileSync(DEFAULT_BUNDLE, 'utf8') : undefined;
  if (current !== defaultBundleText(keys)) failures.push('l10n/bundle.l10n.json is out of date: run `node scripts/l10n-extract.mjs --write`');
  for (const { name, entries } of translationBundles()) {
    for (const key of wanted) if (typeof entries[key] !== 'string') failures.push(`l10n/${name}: no translation for ${JSON.stringify(key)}`);
    for (const key of Object.keys(entries)) if (!wanted.has(key)) failures.push(`l10n/${name}: ${JSON.stringify(key)} is no longer used in src/`);
  }
  return failures;
}

function main(argv) {
  const args = new Set(argv);
  const { keys, problems } = extractFromProject();
  if (args.has('--json')) {
    process.stdout.write(JSON.stringify({ keys, problems }, null, 2) + '\n');
  } else if (!args.has('--check')) {
    for (const { key } of keys) process.stdout.write(`${key}\n`);
  }
  for (const p of problems) process.stderr.write(`${p.at}: ${p.message}\n`);
  if (args.has('--write')) {
    writeFileSync(DEFAULT_BUNDLE, defaultBundleText(keys));
    process.stderr.write(`wrote ${keys.length} keys to l10n/bundle.l10n.json\n`);
  }
  const failures = args.has('--check') ? check(keys) : [];
  for (const f of failures) process.stderr.write(`${f}\n`);
  if (args.has('--check') && failures.length === 0 && problems.length === 0) process.stderr.write(`${keys.length} keys, all translated\n`);
  return problems.length || failures.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
