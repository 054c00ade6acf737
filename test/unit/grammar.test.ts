// Golden scope tests for the TextMate grammar, the approach of VS Code's own colorize fixtures:
// each test/fixtures/grammar/NAME.news is tokenized in plain Node and compared, token by token,
// with NAME.scopes.json. After a deliberate grammar change, regenerate the goldens with
// `node scripts/update-grammar-goldens.mjs` (or UPDATE_GOLDENS=1) and review their diff.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const scopeName = 'text.news.russian';
const root = findProjectRoot();
const grammarPath = path.join(root, 'syntaxes/russian-news.tmLanguage.json');
const fixtures = path.join(root, 'test/fixtures/grammar');
const updateGoldens = process.env.UPDATE_GOLDENS === '1';

interface ScopedToken {
  text: string;
  scopes: string[];
}

// The bundle may be built outside the checkout (`--out` anywhere), so look for the grammar upwards, then in cwd.
function findProjectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'syntaxes/russian-news.tmLanguage.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

async function loadGrammar(): Promise<textmate.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (name) =>
      name === scopeName ? textmate.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar for ${scopeName} in ${grammarPath}`);
  return grammar;
}

/** Tokens of each line, without the root scope; neighbours with the same scopes are merged. */
function tokenize(grammar: textmate.IGrammar, text: string): ScopedToken[][] {
  let state = textmate.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    const tokens: ScopedToken[] = [];
    for (const t of result.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (!piece) continue;
      const scopes = t.scopes.filter((s) => s !== scopeName);
      const last = tokens[tokens.length - 1];
      if (last && last.scopes.join(' ') === scopes.join(' ')) last.text += piece;
      else tokens.push({ text: piece, scopes });
    }
    return tokens;
  });
}

/** One token per line, so a golden's git diff and a failing test's diff show exactly which token changed. */
function formatGolden(lines: ScopedToken[][]): string {
  const out = lines.map((tokens) =>
    tokens.length === 0 ? '  []' : `  [\n${tokens.map((t) => `    ${JSON.stringify(t)}`).join(',\n')}\n  ]`,
  );
  return `[\n${out.join(',\n')}\n]\n`;
}

/** A compact rendering for the failure diff: line number, token text, scopes. */
function describeLines(lines: ScopedToken[][]): string {
  return lines
    .flatMap((tokens, i) => tokens.map((t) => `${i + 1}: ${JSON.stringify(t.text)} ${t.scopes.join(' ') || '(text)'}`))
    .join('\n');
}

describe('news grammar (TextMate scopes)', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  /** Scopes of the token that holds `fragment` (its first occurrence) in a one-file text. */
  function scopesOf(text: string, fragment: string): string[] {
    const lines = text.split('\n');
    const lineIndex = lines.findIndex((l) => l.includes(fragment));
    assert.ok(lineIndex >= 0, `"${fragment}" is not in the text`);
    const at = lines[lineIndex].indexOf(fragment);
    let offset = 0;
    for (const token of tokenize(grammar, text)[lineIndex]) {
      if (at >= offset && at < offset + token.text.length) {
        assert.ok(
          at + fragment.length <= offset + token.text.length,
          `"${fragment}" is split across tokens; it starts in "${token.text}"`,
        );
        return token.scopes;
      }
      offset += token.text.length;
    }
    throw new Error(`no token at "${fragment}"`);
  }

  const has = (scopes: string[], prefix: string) => scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

  describe('golden fixtures', () => {
    const names = fs.readdirSync(fixtures).filter((f) => f.endsWith('.news')).sort();
    it('has fixtures to check', () => assert.ok(names.length > 0, `no .news fixtures in ${fixtures}`));
    for (const name of names) {
      it(`paints ${name} as its golden says`, () => {
        const text = fs.readFileSync(path.join(fixtures, name), 'utf8').replace(/\r?\n$/, '');
        const actual = tokenize(grammar, text);
        const goldenPath = path.join(fixtures, name.replace(/\.news$/, '.scopes.json'));
        if (updateGoldens) {
          fs.writeFileSync(goldenPath, formatGolden(actual));
          return;
        }
        assert.ok(fs.existsSync(goldenPath), `no golden ${goldenPath}; run node scripts/update-grammar-goldens.mjs`);
        const expected = JSON.parse(fs.readFileSync(goldenPath, 'utf8')) as ScopedToken[][];
        assert.equal(
          describeLines(actual),
          describeLines(expected),
          `${name} is painted differently from ${path.basename(goldenPath)}; if the change is intended, run node scripts/update-grammar-goldens.mjs and review the diff`,
        );
      });
    }
  });

  describe('header and dateline', () => {
    const text = ' date 2025-10-25 АСЕАН поддержит Конвенцию ООН\n\nСИРИУС, 24 окт – РИА Новости. Все страны согласны.';

    it('reads the first line as a header: keyword, ISO date and title', () => {
      assert.deepEqual(scopesOf(text, 'date'), ['meta.header.news', 'keyword.other.header.news']);
      assert.deepEqual(scopesOf(text, '2025-10-25'), ['meta.header.news', 'constant.numeric.date.iso.news']);
      assert.deepEqual(scopesOf(text, 'поддержит'), ['meta.header.news', 'markup.heading.title.news']);
    });

    it('still marks organisations and treaty terms inside the title', () => {
      assert.ok(has(scopesOf(text, 'АСЕАН'), 'support.class.organisation'));
      assert.ok(has(scopesOf(text, 'Конвенцию'), 'entity.name.type.treaty'));
    });

    it('does not take a header-like line further down for a header', () => {
      const scopes = scopesOf('Текст\n date 2025-10-25 Не заголовок', 'Не заголовок');
      assert.ok(!has(scopes, 'meta.header'), scopes.join(' '));
    });

    it('splits a RIA dateline into city, date and agency', () => {
      assert.deepEqual(scopesOf(text, 'СИРИУС'), ['meta.dateline.news', 'entity.name.tag.city.news']);
      assert.deepEqual(scopesOf(text, '24 окт'), ['meta.dateline.news', 'constant.numeric.date.news']);
      assert.deepEqual(scopesOf(text, 'РИА Новости'), ['meta.dateline.news', 'entity.name.type.agency.news']);
      assert.ok(!has(scopesOf(text, 'Все страны'), 'meta.dateline'));
    });

    it('reads a dateline typed with no-break spaces', () => {
      const nbsp = 'СИРИУС,\u00a024\u00a0окт\u00a0–\u00a0РИА Новости. Текст.';
      assert.deepEqual(scopesOf(nbsp, '24\u00a0окт'), ['meta.dateline.news', 'constant.numeric.date.news']);
    });

    it('reads a TASS dateline with a full month name and a hyphenated city', () => {
      const tass = 'НЬЮ-ЙОРК, 3 марта. /ТАСС/. Совбез ООН собрался.';
      assert.deepEqual(scopesOf(tass, 'НЬЮ-ЙОРК'), ['meta.dateline.news', 'entity.name.tag.city.news']);
      assert.deepEqual(scopesOf(tass, '3 марта'), ['meta.dateline.news', 'constant.numeric.date.news']);
      assert.deepEqual(scopesOf(tass, 'ТАСС'), ['meta.dateline.news', 'entity.name.type.agency.news']);
    });
  });

  describe('quotes', () => {
    it('paints «ёлочки» with nested „лапки“ as one quote holding a nested quote', () => {
      const text = '«Принцип „равенства“ никто не отменял», — заявил он.';
      assert.deepEqual(scopesOf(text, 'Принцип'), ['string.quoted.double.guillemets.news']);
      assert.deepEqual(scopesOf(text, 'равенства'), ['string.quoted.double.guillemets.news', 'string.quoted.double.lapki.news']);
      assert.deepEqual(scopesOf(text, 'никто'), ['string.quoted.double.guillemets.news']);
      assert.ok(!has(scopesOf(text, 'заявил'), 'string'));
      assert.deepEqual(scopesOf(text, '—'), ['punctuation.separator.dash.attribution.news']);
    });

    it('carries a «» quote over a line break within its paragraph', () => {
      const text = 'Он сказал: «Первая строка\nвторая строка». После.';
      assert.ok(has(scopesOf(text, 'вторая'), 'string.quoted.double.guillemets'));
      assert.ok(!has(scopesOf(text, 'После'), 'string'));
    });

    it('stops an unclosed « at the end of its paragraph', () => {
      const text = 'Текст «без конца\nещё строка\n\nСледующий абзац.';
      assert.ok(has(scopesOf(text, 'ещё строка'), 'string.quoted'));
      assert.ok(!has(scopesOf(text, 'Следующий'), 'string'));
    });

    it('pairs straight quotes on one line and leaves a stray one alone', () => {
      const text = '"Да, мы готовы", - сказал он. А одна кавычка " ничего не красит.';
      assert.ok(has(scopesOf(text, 'Да, мы готовы'), 'string.quoted.double.straight'));
      assert.deepEqual(scopesOf(text, '-'), ['punctuation.separator.dash.attribution.news']);
      assert.ok(!has(scopesOf(text, 'ничего не красит'), 'string'));
    });

    it('does not open a straight quote at the closing mark of a quote begun on an earlier line', () => {
      const text = 'конец цитаты", - сказал он. Потом "новая" цитата.';
      assert.ok(!has(scopesOf(text, 'сказал'), 'string'));
      assert.ok(has(scopesOf(text, 'новая'), 'string.quoted.double.straight'));
    });

    it('knows English “…” and single ‘…’ quotes', () => {
      const text = 'по “букве” и ‘духу’ соглашений';
      assert.ok(has(scopesOf(text, 'букве'), 'string.quoted.double.english'));
      assert.ok(has(scopesOf(text, 'духу'), 'string.quoted.single'));
    });

    it('paints РИА «Новости» as a quote too: telling a name from speech is the analysis layer’s job', () => {
      assert.ok(has(scopesOf('Агентство РИА «Новости» сообщило.', 'Новости'), 'string.quoted.double.guillemets'));
    });

    it('paints a paragraph opened by a dash as dialogue, the author’s words apart', () => {
      const text = '— Мы готовы, — ответил дипломат. — Но только на равных.';
      assert.deepEqual(scopesOf(text, '—'), ['meta.dialogue.news', 'punctuation.separator.dash.dialogue.news']);
      assert.ok(has(scopesOf(text, 'Мы готовы'), 'string.unquoted.dialogue'));
      assert.ok(!has(scopesOf(text, 'ответил'), 'string'));
      assert.ok(has(scopesOf(text, 'Но только'), 'string.unquoted.dialogue'));
    });
  });

  describe('dates', () => {
    const cases: [string, string][] = [
      ['Встреча 25.10.2025 прошла.', '25.10.2025'],
      ['Встреча 2025-10-25 прошла.', '2025-10-25'],
      ['Подписано 24 октября 2025 года в Москве.', '24 октября 2025 года'],
      ['Подписано 24 окт в Москве.', '24 окт'],
      ['Подписано в декабре 2024 года.', 'декабре 2024 года'],
      ['Ратифицировано в 2024 году.', '2024 году'],
      ['Встречи 25–26 октября.', '25–26 октября'],
      ['Начнётся 5 сент. 2024 г. в Вене.', '5 сент. 2024 г.'],
      ['Не ранее мая.', 'мая'],
    ];
    for (const [text, date] of cases) {
      it(`paints "${date}" as a date`, () => {
        assert.ok(has(scopesOf(text, date), 'constant.numeric.date'), scopesOf(text, date).join(' '));
      });
    }

    it('does not take the name Марта for a month', () => {
      assert.ok(!has(scopesOf('Марта Иванова приехала.', 'Марта'), 'constant'));
    });
  });

  describe('treaty terms and organisations', () => {
    const instruments = ['Конвенция', 'Конвенцию', 'конвенцией', 'договором', 'договоров', 'соглашения', 'протоколе', 'Устав', 'Римского статута', 'хартии', 'меморандум'];
    for (const word of instruments) {
      const term = word.split(' ').pop() ?? word;
      it(`paints the instrument "${term}" in its inflected form`, () => {
        assert.ok(has(scopesOf(`Речь о ${word} и прочем.`, term), 'entity.name.type.treaty.instrument'));
      });
    }

    const procedures = ['ратифицировала', 'ратификации', 'подписания', 'подписали', 'присоединилась', 'денонсации', 'оговорку', 'депозитарием', 'вступит в силу', 'государства-участники', 'государства – члены'];
    for (const phrase of procedures) {
      it(`paints "${phrase}" as a treaty procedure`, () => {
        assert.ok(has(scopesOf(`Затем ${phrase} и всё.`, phrase), 'keyword.other.treaty.procedure'));
      });
    }

    it('leaves words that only begin like a term alone (договорились, подписка)', () => {
      assert.ok(!has(scopesOf('Стороны договорились.', 'договорились'), 'keyword'));
      assert.ok(!has(scopesOf('Стороны договорились.', 'договорились'), 'entity'));
      assert.ok(!has(scopesOf('Оформили подписку.', 'подписку'), 'keyword'));
    });

    it('paints organisation acronyms as whole words only', () => {
      for (const acronym of ['ООН', 'НАТО', 'ЕС', 'АСЕАН', 'ОБСЕ', 'ШОС', 'БРИКС', 'ОДКБ', 'СНГ', 'ЕАЭС', 'МАГАТЭ', 'ВТО', 'МИДа', 'Совбез', 'Совета Безопасности', 'Генассамблеи']) {
        assert.ok(has(scopesOf(`Позиция ${acronym} ясна.`, acronym), 'support.class.organisation'), acronym);
      }
      assert.ok(!has(scopesOf('ЕСЛИ бы не это.', 'ЕСЛИ'), 'support'));
    });
  });

  it('tokenizes hostile paragraphs (stray quotes, dashes, digits, half terms) in linear time', () => {
    // VS Code stops tokenizing lines past 20,000 characters, so paragraphs up to that length are what matters.
    const paragraph = '«"„ 24 — 2024 - ООН "договор ‘ 3 окт государства- вступ '.repeat(300).slice(0, 15_000);
    const text = Array.from({ length: 20 }, () => paragraph).join('\n');
    const started = Date.now();
    tokenize(grammar, text);
    const ms = Date.now() - started;
    assert.ok(ms < 3000, `300 KB of hostile text took ${ms} ms`);
  });
});
