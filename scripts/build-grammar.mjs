// Builds syntaxes/russian-news.tmLanguage.json. Edit the word lists and rules HERE, then run
//   node scripts/build-grammar.mjs && node scripts/update-grammar-goldens.mjs
// and review the goldens' diff. `--check` fails when the JSON is stale (for CI).
// Regexes are Oniguruma (VS Code's TextMate engine): `\p{L}` lookarounds serve as Cyrillic-aware word
// boundaries, possessive `*+` keeps stems from backtracking.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.join(root, 'syntaxes', 'russian-news.tmLanguage.json');

const SP = '[ \\x{00A0}]';          // a space or a no-break space inside a phrase
const L = '\\p{L}';
const B = '(?<![\\p{L}\\p{N}])';   // start of a word, Cyrillic-aware
const E = '(?![\\p{L}\\p{N}])';    // end of a word
const noun2 = '(?:а|у|ом|е|ы|ов|ам|ами|ах)?'; // договор, протокол, устав…
const nounIja = '(?:я|и|ю|ей|ею|й|ям|ями|ях)'; // конвенция, хартия
const nounIe = '(?:е|я|ю|ем|и|й|ям|ями|ях)';   // соглашение, подписание

const monthFull = [
  '(?:[Яя]нвар|[Фф]еврал|[Аа]прел|[Ии]юн|[Ии]юл|[Сс]ентябр|[Оо]ктябр|[Нн]оябр|[Дд]екабр)(?:ь|я|ю|ём|ем|е)',
  '(?:[Мм]арт|[Аа]вгуст)(?:а|у|ом|е)?',
  '[Мм]а(?:й|я|ю|ем|е)',
].join('|');
// Standing alone (no day, no year) a month is lower case: «Марта» on its own is a name.
const monthLower = monthFull.replace(/\[(.)(.)\]/g, '$2');
const monthAbbr = 'янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек';
const yearWord = '(?:год(?:а|у|ом|е|ы|ов|ах|ами)?|гг?\\.)';
const year = `${SP}+\\d{4}(?:${SP}+${yearWord})?`;
const day = '(?:[12]\\d|3[01]|0?[1-9])';

const instruments = [
  `[Дд]оговор${noun2}`, `[Кк]онвенци${nounIja}`, `[Сс]оглашени${nounIe}`, `[Пп]ротокол${noun2}`,
  `[Уу]став${noun2}`, `[Сс]татут${noun2}`, `[Хх]арти${nounIja}`, `[Мм]еморандум${noun2}`, `[Пп]акт${noun2}`,
  `[Дд]екларац(?:ия|ии|ию|ией|иею|ий|иям|иями|иях)`, `[Кк]оммюнике`,
].join('|');

const procedures = [
  `[Рр]атифи(?:цир|кац)${L}*+`,
  `[Дд]енонс(?:ац|ир)${L}*+`,
  `[Пп]арафир${L}*+`,
  `[Дд]епозитари(?:й|я|ю|ем|и|ев|ям|ями|ях)`,
  `[Оо]говор(?:к(?:а|и|е|у|ой|ою|ам|ами|ах)|ок)`,
  `[Пп]одпис(?:ани${nounIe}|ь|и|ью|ей|ям|ями|ях|ать|ал|ала|ало|али|ан|ана|ано|аны|ав|авш${L}*+|анн${L}*+|ыва${L}*+|ант${L}*+)`,
  `[Пп]одпиш(?:у|ет|ут|ем|ете|ешь)`,
  `[Пп]рисоедин(?:ени|я|и)${L}*+`,
  `[Пп]риостановлени${nounIe}`,
  `[Вв]ступ${L}*+${SP}+в${SP}+силу`,
  `[Вв]ременн${L}++${SP}+применени${nounIe}`,
  `[Вв]ерительн${L}++${SP}+грамот${L}*+`,
  `(?:[Гг]осударств|[Сс]тран)${L}*+${SP}*[-–—]${SP}*(?:участни|член)${L}*+`,
].join('|');

// First letters of the treaty terms: a word starting otherwise skips both lists at once.
const termInitials = [...new Set([...(instruments + '|' + procedures).matchAll(/(?:^|\|)(?:\(\?:)?\[(..)\]/g)].map((m) => m[1]))].join('');
const organisations = [
  'ООН|НАТО|ЕС|АСЕАН|ОБСЕ|ШОС|БРИКС|ОДКБ|СНГ|ЕАЭС|ЕврАзЭС|МАГАТЭ|ВТО|ВОЗ|ОЗХО|ЮНЕСКО|ЮНИСЕФ|МВФ|ОПЕК\\+?',
  'ОЭСР|АТЭС|ОИС|ЛАГ|ПАСЕ|МККК|ФАО|МОТ|МУС|ЕСПЧ|ЕАБР|НБР|АБИИ|ГУАМ|ЕЭК|МОК|G7|G20|G8',
  'МИД(?:а|у|ом|е)?|Минобороны|Минэкономразвития|Минэнерго|Мин(?:фин|юст|промторг)(?:а|у|ом|е)?',
  'Совбез(?:а|у|ом|е)?|Совфед(?:а|у|ом|е)?|Генассамбле(?:я|и|ю|ей|е)',
  `Совет(?:а|у|ом|е)?${SP}+(?:Безопасности|Федерации)|Генеральн(?:ая|ой|ую)${SP}+[Аа]ссамбле(?:я|и|ю|ей|е)`,
  'Евросоюз(?:а|у|ом|е)?|Еврокомисси(?:я|и|ю|ей)|Европарламент(?:а|у|ом|е)?|Госдум(?:а|ы|е|у|ой)',
  'Кремл(?:ь|я|ю|ём|ем|е)|Госдеп(?:артамент)?(?:а|у|ом|е)?|Пентагон(?:а|у|ом|е)?|Генпрокуратур(?:а|ы|е|у|ой)|Интерпол(?:а|у|ом|е)?',
].join('|');

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Russian News',
  scopeName: 'text.news.russian',
  comment: 'Paints what a regular expression can know at first paint: header, dateline, quotes, dates, treaty terms, organisations. Speakers and attribution come from the analysis layer as semantic tokens.',
  patterns: [
    { include: '#header' },
    { include: '#dateline' },
    { include: '#dialogue' },
    { include: '#inline' },
  ],
  repository: {
    header: {
      comment: 'Only the first line of the file can be a header; \\A matches nowhere else.',
      name: 'meta.header.news',
      match: `\\A\\x{FEFF}?( )(date)( +)(\\d{4}-\\d{2}-\\d{2})(?:( +)(.*))?$`,
      captures: {
        2: { name: 'keyword.other.header.news' },
        4: { name: 'constant.numeric.date.iso.news' },
        6: { name: 'markup.heading.title.news', patterns: [{ include: '#inline' }] },
      },
    },
    dateline: {
      comment: 'CITY, 24 окт – РИА Новости.  or  МОСКВА, 3 марта. /ТАСС/.',
      name: 'meta.dateline.news',
      match: `^[ \\t]*(\\p{Lu}{2}[\\p{Lu}-]*+(?:${SP}\\p{Lu}[\\p{Lu}-]*+){0,3})(,)${SP}+(${day}${SP}+(?:(?:${monthAbbr})\\.?|${monthFull})(?:${SP}+\\d{4}(?:${SP}*г(?:ода|\\.))?)?)${E}(?:${SP}*([–—-])${SP}*(\\p{L}[^.,/\\n]{0,40}?)(?:,[^.\\n]{0,80}?)?(\\.)|(\\.)${SP}*(/)([^/\\n]{1,40})(/)(\\.)?)`,
      captures: {
        1: { name: 'entity.name.tag.city.news' },
        2: { name: 'punctuation.separator.comma.news' },
        3: { name: 'constant.numeric.date.news' },
        4: { name: 'punctuation.separator.dash.news' },
        5: { name: 'entity.name.type.agency.news' },
        6: { name: 'punctuation.terminator.dateline.news' },
        7: { name: 'punctuation.terminator.dateline.news' },
        8: { name: 'punctuation.definition.agency.begin.news' },
        9: { name: 'entity.name.type.agency.news' },
        10: { name: 'punctuation.definition.agency.end.news' },
        11: { name: 'punctuation.terminator.dateline.news' },
      },
    },
    dialogue: {
      comment: 'A paragraph that opens with a dash is direct speech; a dash after , ! ? … hands over to the author, a dash after a full stop back to the speaker.',
      name: 'meta.dialogue.news',
      begin: `^[ \\t]*([—–])(?=${SP})`,
      beginCaptures: { 1: { name: 'punctuation.separator.dash.dialogue.news' } },
      end: '$',
      patterns: [
        {
          begin: `\\G${SP}+(?=[^\\s—–])`,
          end: `(?<=[,.!?…])(?=${SP}+[—–]${SP})|$`,
          contentName: 'string.unquoted.dialogue.news',
          patterns: [{ include: '#inline' }],
        },
        {
          begin: `(?<=[.!?…])${SP}+([—–])${SP}+(?=[\\p{Lu}«„"])`,
          beginCaptures: { 1: { name: 'punctuation.separator.dash.dialogue.news' } },
          end: `(?<=[,.!?…])(?=${SP}+[—–]${SP})|$`,
          contentName: 'string.unquoted.dialogue.news',
          patterns: [{ include: '#inline' }],
        },
        { match: `(?<=[,.!?…])${SP}+([—–])(?=${SP})`, captures: { 1: { name: 'punctuation.separator.dash.attribution.news' } } },
        { include: '#inline' },
      ],
    },
    inline: {
      patterns: [
        { include: '#quotes' },
        { include: '#attribution-dash' },
        { include: '#dates-and-terms' },
      ],
    },
    quotes: {
      patterns: [
        { include: '#guillemets' },
        { include: '#lapki' },
        { include: '#straight' },
        { include: '#english' },
        { include: '#single' },
      ],
    },
    guillemets: {
      comment: 'May wrap across lines but never across a blank line: a multi-paragraph quote reopens with « in each paragraph, and an unclosed « cannot paint the rest of the file.',
      name: 'string.quoted.double.guillemets.news',
      begin: '«',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '(»)|(?=^[ \\t]*$)',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#guillemets-nested' }, { include: '#lapki' }, { include: '#straight' }, { include: '#english' }, { include: '#single' }, { include: '#dates-and-terms' }],
    },
    'guillemets-nested': {
      comment: '«…«…»…» one level deep, no deeper: a run of unclosed « must not grow the rule stack (every token pays for its depth).',
      name: 'string.quoted.double.guillemets.news',
      begin: '«',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '(»)|(?=^[ \\t]*$)',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#lapki' }, { include: '#straight' }, { include: '#single' }, { include: '#dates-and-terms' }],
    },
    lapki: {
      comment: '„…“ closes with “ (Russian) or ” (Polish style); it cannot outlive the «…» around it.',
      name: 'string.quoted.double.lapki.news',
      begin: '„',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '([“”])|(?=»)|(?=^[ \\t]*$)',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#straight' }, { include: '#single' }, { include: '#dates-and-terms' }],
    },
    straight: {
      comment: 'Straight quotes open and close alike, so a pair is taken only within one line: the opening mark stands after a space or an opening bracket, and the lookahead checks that a closing mark follows on the same line. Begin/end rather than one match with captures: re-tokenizing a capture copies the line, which is quadratic on lines full of quotes.',
      name: 'string.quoted.double.straight.news',
      begin: '(?<![\\p{L}\\p{N}.,:;!?…»“”"])"(?=[^\\s"][^"\\n]*")',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '(")|$',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#guillemets-inline' }, { include: '#single' }, { include: '#dates-and-terms' }],
    },
    'guillemets-inline': {
      comment: '«…» inside a straight quote: kept to one line so it cannot swallow the closing ".',
      name: 'string.quoted.double.guillemets.news',
      match: '(«)[^«»"\\n]*(»)',
      captures: { 1: { name: 'punctuation.definition.string.begin.news' }, 2: { name: 'punctuation.definition.string.end.news' } },
    },
    english: {
      comment: '“…” as outer quotes; one line only, since “ also closes „…“.',
      name: 'string.quoted.double.english.news',
      begin: '“(?=[^“”\\n]*”)',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '(”)|$',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#single' }, { include: '#dates-and-terms' }],
    },
    single: {
      comment: '‘…’ on one line; a ’ inside a word is an apostrophe, not the end.',
      name: 'string.quoted.single.news',
      begin: '‘(?=[^‘’\\n]*’(?!\\p{L}))',
      beginCaptures: { 0: { name: 'punctuation.definition.string.begin.news' } },
      end: '(’)(?!\\p{L})|$',
      endCaptures: { 1: { name: 'punctuation.definition.string.end.news' } },
      patterns: [{ include: '#dates-and-terms' }],
    },
    'attribution-dash': {
      comment: 'The dash that hands a quote over to its speaker: «…», — сказал он.  "…", - сказал он.',
      match: `(?<=[»"”“])[,!?…]?${SP}*([—–-])(?=${SP})`,
      captures: { 1: { name: 'punctuation.separator.dash.attribution.news' } },
    },
    'dates-and-terms': {
      comment: 'Numeric dates, then everything word-shaped in ONE regex: one scan per line instead of six is most of the grammar’s speed. Each alternative is a capture group with its own scope.',
      patterns: [
        { name: 'constant.numeric.date.iso.news', match: `${B}\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])${E}` },
        { name: 'constant.numeric.date.news', match: `${B}${day}\\.(?:0?[1-9]|1[0-2])\\.\\d{4}${E}` },
        {
          match: [
            B, '(?:',
            // Starting with a digit — 1: 24 октября 2025 года, 24–25 октября; 2: 24 окт, 5 сент. 2024 г. (abbreviated only after a day); 3: 2024 году, 2024–2025 годы
            `(?=\\d)(?:(${day}(?:[–—-]${day})?${SP}+(?:${monthFull})(?:${year})?)`,
            `|(${day}(?:[–—-]${day})?${SP}+(?:${monthAbbr})\\.?(?:${year})?)`,
            `|(\\d{4}(?:[–—-]\\d{4})?(?:-(?:м|го|й))?${SP}+${yearWord}))`,
            // 4: a month without a day: декабре 2024 года, в мае
            `|(?=[ЯяФфМмАаИиСсОоНнДд])((?:${monthFull})${year}|(?:${monthLower})(?:${year})?)`,
            // 5: instruments and 6: procedures, in every case form
            `|(?=[${termInitials}])(?:(${instruments})|(${procedures}))`,
            // 7: organisations and state bodies (capitalised, so lower-case words skip the long list at once)
            `|(?=\\p{Lu})(${organisations})`,
            ')', E,
          ].join(''),
          captures: {
            1: { name: 'constant.numeric.date.news' },
            2: { name: 'constant.numeric.date.news' },
            3: { name: 'constant.numeric.date.news' },
            4: { name: 'constant.numeric.date.news' },
            5: { name: 'entity.name.type.treaty.instrument.news' },
            6: { name: 'keyword.other.treaty.procedure.news' },
            7: { name: 'support.class.organisation.news' },
          },
        },
      ],
    },
  },
};
const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== json) {
    console.error(`${path.relative(root, target)} is stale: run node scripts/build-grammar.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, json);
  console.log(`wrote ${path.relative(root, target)}`);
}
