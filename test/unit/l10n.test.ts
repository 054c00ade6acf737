// Both languages, everywhere: the manifest texts (package.nls*.json) and the runtime strings
// (`vscode.l10n.t` keys, listed by scripts/l10n-extract.mjs, translated in l10n/bundle.l10n.ru.json).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './repo';

const root = repoRoot();
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
type Strings = Record<string, string>;

const manifest = readJson<unknown>('package.json');
const nlsEn = readJson<Strings>('package.nls.json');
const nlsRu = readJson<Strings>('package.nls.ru.json');
const bundleRu = readJson<Strings>('l10n/bundle.l10n.ru.json');

interface Extracted {
  keys: { key: string; uses: string[] }[];
  problems: { at: string; message: string }[];
}
// The same extractor translators run, so the test and the bundle can never disagree on the keys.
// It exits with 1 when it finds a call it cannot read; its JSON still says which.
function extract(): Extracted {
  const script = path.join(root, 'scripts', 'l10n-extract.mjs');
  try {
    return JSON.parse(execFileSync(process.execPath, [script, '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as Extracted;
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as Extracted;
    throw error;
  }
}
let extracted: Extracted = { keys: [], problems: [] };
let runtimeKeys: string[] = [];

/** Names that stay as they are in every language. */
const PROPER_NAMES = new Set(['Diplomatic Annotator']);
const hasLetters = (s: string) => /\p{L}/u.test(s);
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort();

function nlsKeysUsedBy(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const v of value) nlsKeysUsedBy(v, found);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) nlsKeysUsedBy(v, found);
  }
  return found;
}

/** The words of the product, and how the Russian UI must say them (any inflected form). */
const TERMS: { english: RegExp; russian: RegExp; say: string }[] = [
  { english: /\bsidecars?\b/i, russian: /файл\p{L}* меток/iu, say: '«файл меток»' },
  { english: /\btag(s|ged|ging)?\b/i, russian: /мет(к|ок|ит)/iu, say: '«метка»' },
  { english: /\bquotes?\b/i, russian: /цитат|речь/iu, say: '«цитата» (or «прямая/косвенная речь»)' },
  { english: /\bspeakers?\b/i, russian: /автор/iu, say: '«автор» / «автор высказывания»' },
  { english: /\bglossar(y|ies)\b/i, russian: /глоссари/iu, say: '«глоссарий»' },
  { english: /\bdates?\b/i, russian: /дат/iu, say: '«дата»' },
  { english: /\btreaty terms?\b/i, russian: /договорн\p{L}* термин/iu, say: '«договорный термин»' },
];

function termProblems(pairs: [string, string][]): string[] {
  const problems: string[] = [];
  for (const [english, russian] of pairs) {
    for (const t of TERMS) {
      if (t.english.test(english) && !t.russian.test(russian)) problems.push(`${JSON.stringify(russian)} should say ${t.say} for ${JSON.stringify(english)}`);
    }
  }
  return problems;
}

describe('localisation', () => {
  describe('manifest texts (package.nls)', () => {
    it('has English and Russian text for every %key% the manifest uses', () => {
      const used = [...nlsKeysUsedBy(manifest)];
      assert.ok(used.length > 20, 'expected the manifest to take its texts from package.nls.json');
      assert.deepEqual(used.filter((k) => typeof nlsEn[k] !== 'string'), [], 'missing in package.nls.json');
      assert.deepEqual(used.filter((k) => typeof nlsRu[k] !== 'string'), [], 'missing in package.nls.ru.json');
    });

    it('keeps the same keys in English and Russian, and no key the manifest does not use', () => {
      assert.deepEqual(Object.keys(nlsRu).sort(), Object.keys(nlsEn).sort());
      const used = nlsKeysUsedBy(manifest);
      assert.deepEqual(Object.keys(nlsEn).filter((k) => !used.has(k)), [], 'keys in package.nls.json that package.json never uses');
    });

    it('translates every manifest text into Russian', () => {
      const untranslated = Object.keys(nlsEn).filter((k) => nlsRu[k] === nlsEn[k] && hasLetters(nlsEn[k]) && !PROPER_NAMES.has(nlsEn[k]));
      assert.deepEqual(untranslated, []);
    });

    it('names the same settings, commands and shortcuts in both languages', () => {
      // Bold command names, `code` and key chords are what the user looks for on screen.
      const markers = (s: string) => (s.match(/`[^`]+`|\b(?:Ctrl|Alt|Shift|Cmd)\+\S+?(?=[).,\s]|$)/g) ?? []).sort();
      const differing = Object.keys(nlsEn).filter((k) => nlsRu[k] !== undefined && JSON.stringify(markers(nlsEn[k])) !== JSON.stringify(markers(nlsRu[k])));
      assert.deepEqual(differing, []);
    });

    it("uses the project's Russian terms", () => {
      assert.deepEqual(termProblems(Object.keys(nlsEn).map((k) => [nlsEn[k], nlsRu[k] ?? ''])), []);
    });
  });

  describe('runtime strings (vscode.l10n.t)', () => {
    before(function () {
      this.timeout(30_000); // loads the TypeScript parser in a child process
      extracted = extract();
      runtimeKeys = extracted.keys.map((k) => k.key);
    });

    it('reads every runtime string from a literal key the extractor can list', () => {
      assert.ok(runtimeKeys.length > 30, `expected the extension's messages, found ${runtimeKeys.length} keys`);
      assert.deepEqual(extracted.problems, []);
    });

    it('has a Russian translation for every runtime string, with the same {n} placeholders', () => {
      const missing = runtimeKeys.filter((k) => typeof bundleRu[k] !== 'string' || bundleRu[k].trim() === '');
      assert.deepEqual(missing, [], 'add these to l10n/bundle.l10n.ru.json');
      const mismatched = runtimeKeys.filter((k) => JSON.stringify(placeholders(k)) !== JSON.stringify(placeholders(bundleRu[k])));
      assert.deepEqual(mismatched, [], 'placeholders differ between English and Russian');
    });

    it('leaves no runtime string in English', () => {
      const untranslated = runtimeKeys.filter((k) => bundleRu[k] === k && hasLetters(k) && !PROPER_NAMES.has(k));
      assert.deepEqual(untranslated, []);
    });

    it('keeps no Russian strings that the code no longer shows', () => {
      const used = new Set(runtimeKeys);
      assert.deepEqual(Object.keys(bundleRu).filter((k) => !used.has(k)), [], 'stale keys in l10n/bundle.l10n.ru.json');
    });

    it('lists every runtime string in the default bundle for translators', () => {
      const bundle = readJson<Strings>('l10n/bundle.l10n.json');
      assert.deepEqual(Object.keys(bundle), runtimeKeys, 'run `node scripts/l10n-extract.mjs --write`');
      assert.deepEqual(Object.entries(bundle).filter(([k, v]) => k !== v), []);
    });

    it("uses the project's Russian terms", () => {
      assert.deepEqual(termProblems(runtimeKeys.map((k) => [k, bundleRu[k] ?? ''])), []);
    });

    it('quotes in Russian with «ёлочки», not English marks', () => {
      assert.deepEqual(Object.values(bundleRu).filter((v) => /[“”"]/.test(v)), []);
      assert.deepEqual(Object.values(nlsRu).filter((v) => /[“”"]/.test(v)), []);
    });

    it('calls a command by its Russian palette title when a message names it', () => {
      // “Confirm Doubtful Tag Position” in a message must read as the palette shows it in Russian.
      const titles = Object.keys(nlsEn).filter((k) => k.startsWith('command.'));
      const problems: string[] = [];
      for (const key of runtimeKeys) {
        for (const t of titles) {
          const english = nlsEn[t].replace(/…$/, '');
          if (key.includes(`“${english}`) && !bundleRu[key]?.includes(`«${nlsRu[t].replace(/…$/, '')}`)) problems.push(`${JSON.stringify(key)} should name «${nlsRu[t]}»`);
        }
      }
      assert.deepEqual(problems, []);
    });
  });
});
