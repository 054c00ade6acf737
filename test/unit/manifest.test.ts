// package.json against the code: what the manifest promises (commands, colours, settings, token
// types, files) exists, and what the code uses is contributed.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repo';
import { COMMANDS } from '../../src/editor/commandIds';

const root = repoRoot();
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

interface Command {
  command: string;
  title?: string;
  category?: string;
}
interface Colour {
  id: string;
  description?: string;
  defaults?: Record<string, string>;
}
interface Setting {
  default?: unknown;
  markdownDescription?: string;
  description?: string;
}
interface Manifest {
  main?: string;
  engines: { vscode: string };
  activationEvents?: string[];
  devDependencies?: Record<string, string>;
  icon?: string;
  l10n?: string;
  capabilities?: { untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: string[] }; virtualWorkspaces?: unknown };
  contributes: {
    commands: Command[];
    colors: Colour[];
    configuration: { properties: Record<string, Setting> };
    semanticTokenTypes: { id: string }[];
    semanticTokenModifiers: { id: string }[];
    semanticTokenScopes: { language?: string; scopes: Record<string, string[]> }[];
    languages: { id: string; configuration?: string }[];
    grammars: { path: string }[];
    snippets: { path: string }[];
    yamlValidation?: { url: string }[];
    jsonValidation?: { url: string }[];
    keybindings: { command: string; key: string; when?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;
const nls = JSON.parse(read('package.nls.json')) as Record<string, string>;
const contributes = manifest.contributes;

function srcFiles(dir = 'src'): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}
const sources = srcFiles().map((file) => ({ file, text: read(file) }));

/** `%key%` whose key has English text. */
const isNlsRef = (value: string | undefined) => {
  const m = value ? /^%(.+)%$/.exec(value) : null;
  return !!m && typeof nls[m[1]] === 'string';
};

const versionOf = (range: string) => {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(m, `not a version: ${range}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
};
const compareVersions = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Names in a `const NAME = ['a', 'b'] as const` array of a file the test cannot import (it imports vscode). */
function stringArray(file: string, name: string): string[] {
  const m = new RegExp(`const ${name}\\s*=\\s*\\[([^\\]]*)\\]`).exec(read(file));
  assert.ok(m, `${name} not found in ${file}: update this test with the code`);
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** Colour ids the code asks the theme for: `new vscode.ThemeColor('…')` and the tag colours of decorations.ts. */
function colourIdsUsed(): Map<string, string> {
  const used = new Map<string, string>();
  for (const { file, text } of sources) {
    for (const m of text.matchAll(/new vscode\.ThemeColor\(\s*'([^']+)'\s*\)/g)) used.set(m[1], file);
  }
  const file = 'src/editor/tags/decorations.ts';
  const text = read(file);
  const table = /const DEFAULT_COLOURS[^=]*=\s*\{([^}]*)\}/.exec(text);
  const pattern = /function colourIdFor[\s\S]*?`([\w.]+)\$\{DEFAULT_COLOURS\[\w+\] \?\? '(\w+)'\}`/.exec(text);
  assert.ok(table && pattern, `the tag colour table or colourIdFor changed shape in ${file}: update this test with the code`);
  const names = [...table[1].matchAll(/:\s*'([^']+)'/g)].map((m) => m[1]);
  assert.ok(names.length >= 5, `expected the default label colours in ${file}`);
  for (const name of [...names, pattern[2]]) used.set(`${pattern[1]}${name}`, file);
  return used;
}

/** Settings read in config.ts, with the fallback the code uses when the user sets nothing. */
function settingsRead(): Map<string, string | undefined> {
  const text = read('src/editor/config.ts');
  const section = /const SECTION = '([^']+)'/.exec(text)?.[1];
  assert.ok(section, 'SECTION not found in src/editor/config.ts: update this test with the code');
  const read_ = new Map<string, string | undefined>();
  for (const m of text.matchAll(/\.get(?:<[^>]*>)?\(\s*'([^']+)'\s*(?:,\s*([^)]*?))?\s*\)/g)) read_.set(`${section}.${m[1]}`, m[2]);
  return read_;
}

/** A fallback written in TypeScript (`true`, `150`, `['**\/*.glossary.yaml']`) as a value. */
function literalValue(code: string): unknown {
  return JSON.parse(code.trim().replace(/'/g, '"').replace(/,\s*([\]}])/g, '$1'));
}

describe('manifest (package.json)', () => {
  it('activates on news files and their commands, never on startup for everyone', () => {
    const events = manifest.activationEvents ?? [];
    assert.ok(!events.includes('*'), '"*" activation');
    assert.ok(!events.includes('onStartupFinished'), 'onStartupFinished activation');
  });

  it('runs the bundled extension from dist/', () => {
    assert.equal(manifest.main, './dist/extension.js');
  });

  it('contributes exactly the user-facing commands the code registers', () => {
    const contributed = contributes.commands.map((c) => c.command).sort();
    const ids = Object.values(COMMANDS).sort();
    assert.deepEqual(contributed, ids);
    // Registered, not only named: each id is passed to registerCommand (or the tags' `command` helper).
    const registered = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/(?:registerCommand|\bcommand)\(\s*COMMANDS\.(\w+)/g)) registered.add(m[1]);
    assert.deepEqual(Object.keys(COMMANDS).filter((k) => !registered.has(k)), [], 'COMMANDS never registered');
  });

  it('gives every command a category and a translated title', () => {
    const bad = contributes.commands.filter((c) => !isNlsRef(c.title) || !isNlsRef(c.category)).map((c) => c.command);
    assert.deepEqual(bad, []);
  });

  it('points menus and keybindings at contributed commands only', () => {
    const ids = new Set(contributes.commands.map((c) => c.command));
    const menuCommands = Object.values(contributes.menus ?? {}).flat().map((m) => m.command);
    const keyCommands = contributes.keybindings.map((k) => k.command);
    assert.deepEqual([...menuCommands, ...keyCommands].filter((c) => !ids.has(c)), []);
  });

  it('keeps every command reachable from the Command Palette', () => {
    // A palette `when` of `false` hides a command from keyboard users; views are not a substitute.
    const hidden = (contributes.menus?.commandPalette ?? []).filter((m) => m.when?.trim() === 'false').map((m) => m.command);
    assert.deepEqual(hidden, []);
  });

  it('scopes every keybinding with a when clause', () => {
    assert.deepEqual(contributes.keybindings.filter((k) => !k.when?.trim()).map((k) => k.key), []);
  });

  it('contributes every colour the code uses, with dark, light and both high-contrast defaults', () => {
    const contributed = new Map(contributes.colors.map((c) => [c.id, c]));
    const used = colourIdsUsed();
    const ours = [...used.keys()].filter((id) => id.startsWith('diplomaticAnnotator.'));
    assert.deepEqual(ours.filter((id) => !contributed.has(id)).map((id) => `${id} (${used.get(id)})`), [], 'colours used but not contributed');
    assert.deepEqual([...contributed.keys()].filter((id) => !used.has(id)), [], 'colours contributed but never used');
    const colour = /^(#[0-9a-f]{3,4}|#[0-9a-f]{6}|#[0-9a-f]{8}|[a-z][\w.]*[a-z])$/i;
    const incomplete = contributes.colors
      .filter((c) => !isNlsRef(c.description) || ['dark', 'light', 'highContrast', 'highContrastLight'].some((t) => !colour.test(c.defaults?.[t] ?? '')))
      .map((c) => c.id);
    assert.deepEqual(incomplete, []);
  });

  it('describes every setting, gives it a default, and reads it with that default', () => {
    const properties = contributes.configuration.properties;
    const read = settingsRead();
    const undocumented = Object.entries(properties)
      .filter(([, s]) => !isNlsRef(s.markdownDescription) || !('default' in s))
      .map(([id]) => id);
    assert.deepEqual(undocumented, [], 'settings without a translated markdownDescription or a default');
    assert.deepEqual(Object.keys(properties).filter((id) => !read.has(id)), [], 'contributed but never read in src/editor/config.ts');
    assert.deepEqual([...read.keys()].filter((id) => !(id in properties)), [], 'read in src/editor/config.ts but not contributed');
    const differing = [...read]
      .filter(([id, fallback]) => id in properties && fallback !== undefined)
      .filter(([id, fallback]) => JSON.stringify(literalValue(fallback as string)) !== JSON.stringify(properties[id].default))
      .map(([id, fallback]) => `${id}: code ${fallback}, manifest ${JSON.stringify(properties[id].default)}`);
    assert.deepEqual(differing, [], 'the code falls back to a different value than the manifest default');
  });

  it('restricts only settings that exist in an untrusted workspace', () => {
    const restricted = manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? [];
    assert.deepEqual(restricted.filter((id) => !(id in contributes.configuration.properties)), []);
  });

  it('gives every semantic token type a TextMate fallback scope, and contributes the legend the code uses', () => {
    const types = contributes.semanticTokenTypes.map((t) => t.id);
    const scoped = new Set(contributes.semanticTokenScopes.flatMap((s) => Object.keys(s.scopes).map((k) => k.split('.')[0])));
    assert.deepEqual(types.filter((t) => !scoped.has(t)), [], 'token types without semanticTokenScopes');
    const modifiers = contributes.semanticTokenModifiers.map((m) => m.id);
    const unknown = [...contributes.semanticTokenScopes.flatMap((s) => Object.keys(s.scopes))].filter((k) => {
      const [type, ...mods] = k.split('.');
      return !types.includes(type) || mods.some((m) => !modifiers.includes(m));
    });
    assert.deepEqual(unknown, [], 'semanticTokenScopes for types or modifiers that are not contributed');
    const file = 'src/editor/highlighting.ts';
    assert.deepEqual(stringArray(file, 'TOKEN_TYPES').filter((t) => !types.includes(t)), [], 'legend types not contributed');
    assert.deepEqual(stringArray(file, 'TOKEN_MODIFIERS').filter((m) => !modifiers.includes(m)), [], 'legend modifiers not contributed');
  });

  it('refers only to grammar, snippet, language-configuration, schema and image files that exist', () => {
    const paths = [
      ...contributes.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
      ...contributes.grammars.map((g) => g.path),
      ...contributes.snippets.map((s) => s.path),
      ...[...(contributes.yamlValidation ?? []), ...(contributes.jsonValidation ?? [])].map((v) => v.url).filter((u) => !/^[a-z]+:/i.test(u)),
      ...(manifest.icon ? [manifest.icon] : []),
      ...(manifest.l10n ? [manifest.l10n] : []),
    ];
    assert.ok(paths.length >= 5);
    assert.deepEqual(paths.filter((p) => !existsSync(path.join(root, p))), []);
  });

  it('builds against a VS Code API no newer than the VS Code it asks for', () => {
    const types = manifest.devDependencies?.['@types/vscode'];
    assert.ok(types, '@types/vscode missing from devDependencies');
    const engine = versionOf(manifest.engines.vscode);
    assert.ok(compareVersions(versionOf(types), engine) <= 0, `@types/vscode ${types} is newer than engines.vscode ${manifest.engines.vscode}`);
  });

  it('declares how it behaves in untrusted and virtual workspaces', () => {
    assert.ok(manifest.capabilities?.untrustedWorkspaces?.supported !== undefined, 'capabilities.untrustedWorkspaces');
    assert.ok(manifest.capabilities?.virtualWorkspaces !== undefined, 'capabilities.virtualWorkspaces');
  });
});
