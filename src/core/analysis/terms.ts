// Treaty and diplomatic terms: glossary entries in any inflected form, and named instruments
// (`Договором о коллективной безопасности`, `ст. 282 УК РФ`) even when the glossary lacks them.
import type { TermAnnotation, TermCategory } from './types';
import type { Glossary } from '../glossary/glossary';
import type { GlossaryEntry } from '../glossary/types';
import { ADJECTIVE_ENDINGS } from '../glossary/morphology';
import { INSTRUMENT_HEADS, type Gender } from '../glossary/instrumentHeads';
import type { Word, WordList } from '../glossary/words';

interface Found {
  first: number;
  last: number;
  /** UTF-16 end when it runs past the last word (a closing quotation mark). */
  endOffset?: number;
  category: TermCategory;
  entry?: GlossaryEntry;
  /** Last word of the glossary phrase, before the name was extended (`УК` of `УК РФ`). */
  matchedLast?: number;
  /** First word of the name itself, before the articles that cite it were added. */
  nameFirst?: number;
  /** For names found by their head noun: the head's position and dictionary form. */
  head?: { at: number; lemma: string; gender: Gender };
}

// Adjectives that make "кодекс" a particular code: `Уголовный кодекс`, `Лесного кодекса`.
const CODE_ADJECTIVES = /^(уголовн|гражданск|налогов|лесн|семейн|трудов|земельн|водн|таможенн|бюджетн|жилищн|градостроительн|избирательн|административн|процессуальн|арбитражн|воздушн|градостроительн)/;
// Adjectives that belong to an instrument's name but do not make it one by themselves.
const NAME_ADJECTIVES = /^(федеральн|конституционн|международн|межправительственн|межгосударственн|двусторонн|многосторонн|рамочн|мирн|коалиционн|торгов|дополнительн|заключительн|всеобъемлющ|новационн|областн|краев|региональн)/;
// Capitalised at the start of a sentence says nothing: these open sentences more than they name treaties.
const COMMON_ADJECTIVES = /^(нов|эт|тот|так|друг|указанн|данн|соответствующ|действующ|прежн|стар|последн|перв|втор|наш|ваш|ин|любо|кажд|сам|весь|вс|принят|подписанн|ратифицированн)/;

const WEAK_HEADS = new Set(['протокол', 'акт']);
const ISSUED_BY = new Set(['указ', 'закон']);
const ISSUERS = new Set(['президента', 'правительства', 'губернатора']);

function namedOtherThanByPreposition(words: WordList, from: number, to: number): boolean {
  const next = words.word(from + 1);
  return to > from && next !== undefined && !NAME_PREPOSITIONS.has(next.folded);
}

const NAME_PREPOSITIONS = new Set(['о', 'об', 'обо', 'по', 'между', 'против', 'относительно']);
// `в`, `на`, `за` … mostly open circumstances (`в ходе переговоров`, `на заседании`), not part of a name.
const INNER_PREPOSITIONS = new Set(['с', 'со', 'по', 'для', 'к', 'ко', 'между', 'о', 'об', 'обо']);
const OUTER_PREPOSITIONS = new Set(['в', 'во', 'на', 'от', 'из', 'за', 'при', 'до', 'без', 'над', 'под']);
const STOP = new Set([
  'что', 'чтобы', 'как', 'так', 'а', 'но', 'или', 'ли', 'же', 'бы', 'не', 'ни', 'это', 'этот', 'эта', 'эти', 'этого', 'этой', 'этом', 'того', 'тот',
  'та', 'те', 'также', 'тоже', 'уже', 'еще', 'лишь', 'только', 'даже', 'был', 'была', 'было', 'были', 'будет', 'будут', 'быть', 'является',
  'являются', 'стал', 'стала', 'стали', 'вчера', 'сегодня', 'завтра', 'ранее', 'позже', 'сейчас', 'теперь', 'когда', 'где', 'если', 'он', 'она',
  'оно', 'они', 'его', 'ее', 'их', 'им', 'ему', 'ей', 'мы', 'вы', 'я', 'ты', 'нам', 'вам', 'нас', 'вас', 'себя', 'свой', 'своих', 'своей', 'своего',
  'который', 'которая', 'которое', 'которые', 'которого', 'которой', 'которым', 'которых', 'которую', 'котором', 'согласно', 'поскольку', 'потому',
  'однако', 'причем', 'том', 'тем', 'чем', 'существу', 'кроме', 'около', 'более', 'менее', 'очень', 'всего', 'всех', 'все', 'весь', 'вся', 'год', 'года', 'году', 'и',
]);
const GENITIVE_CONNECTORS = new Set(['штата', 'республики', 'города', 'области', 'края', 'провинции', 'королевства', 'княжества']);
const UNIT = /^(стать(я|и|ю|е|ей|ею|ям|ями|ях)|статей|ст|част(ь|и|ью|ей|ям|ями|ях)|ч|пункт(|а|у|ом|е|ы|ов|ам|ами|ах)|п|подпункт(|а|у|ом|е|ы|ов)|пп|абзац(|а|у|ем|е|ы|ев)|глав(а|ы|е|у|ой|ою)|гл|раздел(|а|у|ом|е|ы|ов))$/;
const OPEN_QUOTES = '«"„“';

/** An adjective in any case: `Уголовного`, `Семейном`, `Европейской`. */
function isAdjectiveForm(f: string): boolean {
  if (f.length < 5) return false;
  return ADJECTIVE_ENDINGS.has(f.slice(-3)) || ADJECTIVE_ENDINGS.has(f.slice(-2));
}

/** Whether word `k` exists and passes `test`. */
function wordIs(words: WordList, k: number, test: (w: Word) => boolean): boolean {
  const w = words.word(k);
  return w !== undefined && test(w);
}

function isCapitalised(w: Word): boolean {
  // A "word" can be a lone combining mark (a stress mark after a hyphen): no first letter.
  const c = w.exact[0];
  return c !== undefined && c !== c.toLowerCase();
}

function isAcronym(w: Word): boolean {
  return w.exact.length >= 2 && w.exact === w.exact.toUpperCase() && w.exact !== w.exact.toLowerCase();
}

function isNumber(w: Word): boolean {
  const c = w.exact.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

// Past tense, infinitives, reflexive and present forms end a name: `Договор … вступил в силу`.
function looksLikeVerb(f: string): boolean {
  if (f.length < 4) return false;
  return /(ено|ано|ято|ены|аны|ть|ться|тся|лся|лась|лось|лись|ал|ала|али|ало|ил|ила|или|ило|ел|ела|ыл|ыла|ыли|ует|уют|ает|ают|яет|яют|еет|еют|ится|ятся|ется|ются)$/.test(f);
}

/** Whether the characters between two words are only spaces (one line break at most) and these marks. */
function gapOnly(text: string, from: number, to: number, marks: string): boolean {
  if (to - from > 12) return false;
  let breaks = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\n' && ++breaks > 1) return false;
    if (c === ' ' || c === '\u00A0' || c === '\t' || c === '\r' || c === '\n' || c === '\u202F' || c === '\u00AD') continue;
    if (!marks.includes(c)) return false;
  }
  return true;
}

/** The word at `i` starts a sentence (its capital letter tells nothing). */
function startsSentence(text: string, words: WordList, i: number): boolean {
  let j = words.starts[i] - 1;
  while (j >= 0 && ' \u00A0\t«"„“(—–-'.includes(text[j])) j--;
  return j < 0 || '.!?…\n\r:'.includes(text[j]);
}

/** Which of the first `count` words starts at `offset`, or -1 (binary search over the words' starts). */
function wordAt(starts: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else if (starts[mid] > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function findTerms(text: string, glossary: Glossary): TermAnnotation[] {
  const index = glossary.index;
  const { words, ids } = index.lookUp(text);
  const found: Found[] = [];
  const named: Found[] = [];
  for (let i = 0; i < words.length; i++) {
    if (ids.from[i] === ids.from[i + 1]) continue;
    const m = index.longestAt(words, ids, i);
    if (m) {
      const entry = glossary.entries[m.payloads[m.payloads.length - 1]];
      const f: Found = { first: i, last: m.last, matchedLast: m.last, category: entry.kind, entry };
      if (entry.kind === 'instrument') extendName(text, words, f, false);
      found.push(f);
    }
    for (let p = ids.from[i]; p < ids.from[i + 1]; p++) {
      const id = ids.pool[p];
      if (id >= 0) continue;
      const { lemma, gender } = INSTRUMENT_HEADS[-id - 1];
      const g = nameAround(text, words, i, lemma, gender);
      if (g) named.push(g);
      break;
    }
  }

  // Instruments first, longest first. A name found by its head takes the glossary entry it contains;
  // when that entry's name starts where the head's does, the glossary's own extent is kept.
  const instrumentAt = new Map<number, Found>();
  for (const f of found) if (f.category === 'instrument' && !instrumentAt.has(f.first)) instrumentAt.set(f.first, f);
  const namedKept: Found[] = [];
  for (const g of named) {
    let best: Found | undefined;
    for (let k = g.first; k <= g.last; k++) {
      const f = instrumentAt.get(k);
      if (!f || f.last > g.last) continue;
      if ((f.first === g.first || (f.first <= g.head!.at && g.head!.at <= f.last)) && (!best || f.last - f.first > best.last - best.first)) best = f;
    }
    if (best && best.first === g.first) continue;
    if (best) g.entry = best.entry;
    namedKept.push(g);
  }
  const instruments = [...found.filter((f) => f.category === 'instrument'), ...namedKept].sort((a, b) => a.first - b.first || b.last - a.last || (a.entry ? -1 : 1));
  const chosen: Found[] = [];
  for (const f of instruments) {
    const prev = chosen[chosen.length - 1];
    if (prev && f.first <= prev.last) {
      if (f.last > prev.last && f.last - f.first > prev.last - prev.first) chosen[chosen.length - 1] = f;
      continue;
    }
    chosen.push(f);
  }
  for (const f of chosen) {
    f.nameFirst = f.first;
    extendArticles(text, words, f);
  }

  // Other terms fit around the instruments: `выход из Договора о РСМД` keeps `выход` as the procedure.
  const taken = new Uint8Array(words.length);
  for (const f of chosen) taken.fill(1, f.first, f.last + 1);
  const result = [...chosen];
  for (const f of found) {
    if (f.category === 'instrument') continue;
    let last = f.last;
    if (taken[f.first]) continue;
    for (let k = f.first; k <= f.last; k++) {
      if (taken[k]) {
        last = k - 1;
        // `выход из` before the instrument: the procedure is `выход`.
        while (last > f.first && words.word(last)!.folded.length <= 2 && !isAcronym(words.word(last)!)) last--;
        break;
      }
    }
    taken.fill(1, f.first, last + 1);
    result.push({ ...f, last });
  }
  // `вступления международного договора в силу`: the phrase split by what enters into force. The
  // head word carries the term, so the name between keeps its own (terms do not nest).
  const intoForce = glossary.entries.find((e) => e.kind === 'procedure' && e.lemma === 'вступление в силу');
  if (intoForce) {
    // The words `вступ…`: found by a native scan for `ступ`, each place then checked as a word's start.
    for (let at = text.indexOf('ступ', 1); at >= 0; at = text.indexOf('ступ', at + 4)) {
      const c = text.charCodeAt(at - 1);
      if (c !== 0x432 && c !== 0x412) continue;
      const i = wordAt(words.starts, words.length, at - 1);
      if (i < 0 || taken[i]) continue;
      if (!/^вступ(?:лени[еяюи]|лением|ил[аио]?|ает|ают|ит|ят|ать|ить)$/.test(words.word(i)!.folded)) continue;
      for (let j = i + 1; j <= i + 5 && j + 1 < words.length; j++) {
        if (!gapOnly(text, words.ends[j - 1], words.starts[j], '')) break;
        if (j > i + 1 && words.word(j)!.folded === 'в' && words.word(j + 1)!.folded === 'силу') {
          if (gapOnly(text, words.ends[j], words.starts[j + 1], '')) result.push({ first: i, last: i, category: 'procedure', entry: intoForce });
          break;
        }
      }
    }
  }
  result.sort((a, b) => a.first - b.first);

  return result.map((f, k): TermAnnotation => {
    const start = words.starts[f.first];
    const end = f.endOffset ?? words.ends[f.last];
    const t: TermAnnotation = { id: `t${k + 1}`, kind: 'term', start, end, text: text.slice(start, end), category: f.category };
    if (f.entry) {
      t.entry = f.entry.id;
      t.lemma = f.entry.lemma;
      if (f.matchedLast !== undefined && f.last > f.matchedLast && f.entry.kind === 'instrument' && !f.head) {
        // `Конституцию Республики Казахстан` → `Конституция Республики Казахстан`.
        const lemma = isCapitalised(words.word(f.nameFirst ?? f.first)!) ? f.entry.lemma[0].toUpperCase() + f.entry.lemma.slice(1) : f.entry.lemma;
        t.lemma = (lemma + text.slice(words.ends[f.matchedLast], end)).replace(/\s+/g, ' ').trim();
      }
      t.gloss = f.entry.english;
    } else if (f.head) t.lemma = nominativeName(text, words, f, words.starts[f.nameFirst ?? f.first], end);
    return t;
  });
}

/** A named instrument around the head noun at `h`, or undefined when the noun names nothing in particular. */
function nameAround(text: string, words: WordList, h: number, lemma: string, gender: Gender): Found | undefined {
  const f: Found = { first: h, last: h, category: 'instrument', head: { at: h, lemma, gender } };
  let isNamed = lemma === 'конституция';
  // Adjectives before the head: `Уголовного кодекса`, `Европейской конвенции`, `федерального закона`.
  while (f.first > 0 && words.joins[f.first - 1] === 1) {
    const w = words.word(f.first - 1)!;
    if (/[-‐‑]/.test(text[w.end]) && w.folded.endsWith('о')) {
      f.first--; // "уголовно-" of `уголовно-процессуального`
      continue;
    }
    if (!isAdjectiveForm(w.folded)) break;
    const capital = isCapitalised(w) && !startsSentence(text, words, f.first - 1);
    if (capital && !COMMON_ADJECTIVES.test(w.folded)) isNamed = true;
    else if (CODE_ADJECTIVES.test(w.folded)) isNamed ||= lemma === 'кодекс';
    else if (!NAME_ADJECTIVES.test(w.folded)) break;
    f.first--;
  }
  const head = words.word(h)!;
  const capitalHead = isCapitalised(head) && !startsSentence(text, words, h) && f.first === h;
  if (capitalHead) isNamed = true;
  // `статье 49 кодекса`, `11-я статья директивы`: a cited article means a particular instrument.
  if (articlesBefore(text, words, f.first) < f.first) isNamed = true;
  const before = f.last;
  const extended = extendName(text, words, f, capitalHead);
  // A police `протокол об административном правонарушении` is not a treaty: these heads need more than `о …`.
  if (extended && !(WEAK_HEADS.has(lemma) && !namedOtherThanByPreposition(words, before, f.last))) isNamed = true;
  if (!isNamed && ISSUED_BY.has(lemma) && words.joins[h] === 1 && wordIs(words, h + 1, (w) => ISSUERS.has(w.folded))) {
    f.last = h + 1; // `указом президента`
    isNamed = true;
  }
  return isNamed ? f : undefined;
}

/**
 * Extends a name to the right: a quoted title, a genitive proper name (`Конституции США`, `закон
 * Яровой`), `о …` / `по …` / `между …` phrases, `№ 184-ФЗ`, `от 6 октября 1999 года`, `1949 года`.
 * Returns whether anything that names the instrument was added.
 */
function extendName(text: string, words: WordList, f: Found, lowerGenitives: boolean): boolean {
  let named = false;
  let genitives = lowerGenitives ? 3 : 0;
  for (let steps = 0; steps < 12 && f.endOffset === undefined; steps++) {
    const i = f.last;
    const next = words.word(i + 1);
    if (!next) break;
    const gapStart = words.ends[i];
    // A quoted title: `Федерального закона «О связи»`.
    if (gapOnly(text, gapStart, next.start, OPEN_QUOTES) && OPEN_QUOTES.includes(text[next.start - 1]) && isCapitalised(next)) {
      const close = findClosingQuote(text, next.start);
      if (close !== -1) {
        let k = i + 1;
        while (k + 1 < words.length && words.ends[k + 1] <= close) k++;
        f.last = k;
        f.endOffset = close + 1;
        named = true;
        break;
      }
    }
    // `№ 184-ФЗ`, `№178/2017`.
    const numbered = gapOnly(text, gapStart, next.start, '№N.') && text.slice(gapStart, next.start).includes('№');
    if ((numbered || (next.folded === 'за' && words.word(i + 2)?.folded === 'номером' && wordIs(words, i + 3, isNumber) && (next.start === words.ends[i] + 1))) && (isNumber(next) || !numbered)) {
      let k = numbered ? i + 1 : i + 3;
      while (k + 1 < words.length && gapOnly(text, words.ends[k], words.starts[k + 1], '-/.') && words.ends[k] === words.starts[k + 1] - 1 && (isNumber(words.word(k + 1)!) || isAcronym(words.word(k + 1)!))) k++;
      f.last = k;
      named = true;
      continue;
    }
    if (words.joins[i] !== 1) break;
    const nf = next.folded;
    // `от 6 октября 1999 года`, `1942 года`.
    const date = dateAt(words, nf === 'от' ? i + 2 : i + 1);
    if (date !== undefined && (nf === 'от' ? words.joins[i + 1] === 1 : true)) {
      f.last = date;
      named = true;
      continue;
    }
    // A genitive proper name: `Устав ООН`, `Конституции Кыргызской Республики`, `закон Димы Яковлева`.
    let k = i + 1;
    let run = 0;
    while (k < words.length && run < 4) {
      const w = words.word(k)!;
      const ok = isAcronym(w) || (isCapitalised(w) && !w.folded.endsWith('ия') && !STOP.has(w.folded)) || (GENITIVE_CONNECTORS.has(w.folded) && wordIs(words, k + 1, isCapitalised));
      if (!ok) break;
      run++;
      if (!w.joinsNext) {
        k++;
        break;
      }
      k++;
    }
    if (run > 0) {
      f.last = i + run;
      named = true;
      genitives = 0;
      continue;
    }
    if (NAME_PREPOSITIONS.has(nf) || ((nf === 'с' || nf === 'со') && named)) {
      const end = phraseAfterPreposition(words, i + 1, nf === 'между');
      if (end > i + 1) {
        f.last = end;
        named = true;
        continue;
      }
      break;
    }
    // `Декларации независимости`, `Конвенции прав ребенка`: a capitalised head takes a few genitives.
    if (genitives > 0 && !STOP.has(nf) && !looksLikeVerb(nf) && !isNumber(next) && /(и|ы|а|я|ого|его|ой|ей|ых|их|ов|ев)$/.test(nf) && nf.length > 3) {
      f.last = i + 1;
      genitives--;
      continue;
    }
    break;
  }
  return named;
}

function findClosingQuote(text: string, from: number): number {
  let depth = 0;
  const limit = Math.min(text.length, from + 400);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '\n') return -1;
    if (c === '«' || c === '„') depth++;
    else if (c === '»' || c === '“' || c === '”' || c === '"') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

const MONTHS = /^(январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр|ноябр|декабр)/;

/** `6 октября 1999 года` or `1999 года` starting at word `i`: the index of its last word. */
function dateAt(words: WordList, i: number): number | undefined {
  let k = i;
  const w = words.word(k);
  if (!w || !isNumber(w)) return undefined;
  if (w.joinsNext && wordIs(words, k + 1, (m) => MONTHS.test(m.folded) && m.joinsNext) && wordIs(words, k + 2, isNumber)) k += 2;
  if (!/^(1[89]|20)\d\d$/.test(words.word(k)!.exact)) return undefined;
  if (words.joins[k] === 1 && wordIs(words, k + 1, (y) => /^(года|году|г)$/.test(y.folded))) k++;
  else if (k === i) return undefined;
  return k;
}

/** The last word of the noun phrase after the preposition at `p`, or `p` when there is none. */
function phraseAfterPreposition(words: WordList, p: number, between: boolean): number {
  let last = p;
  let k = p + 1;
  let count = 0;
  while (k < words.length && count < 16 && words.joins[k - 1] === 1) {
    const w = words.word(k)!;
    const f = w.folded;
    if (f === 'между') between = true;
    if (INNER_PREPOSITIONS.has(f) && wordIs(words, k + 1, isNumber)) break; // `в 2019 году` is a date, not the name
    if (f === 'и') {
      const n = words.word(k + 1);
      if (!n || !w.joinsNext || STOP.has(n.folded) || looksLikeVerb(n.folded)) break;
      if (!(between || NAME_PREPOSITIONS.has(n.folded) || !isCapitalised(n))) break;
    } else if (STOP.has(f) || looksLikeVerb(f) || (f.length <= 3 && OUTER_PREPOSITIONS.has(f))) break;
    if (!INNER_PREPOSITIONS.has(f) && f !== 'и') last = k;
    k++;
    count++;
  }
  return last;
}

/** Extends an instrument to the left over the articles that cite it: `ч. 2 ст. 112 УК РФ`. */
function extendArticles(text: string, words: WordList, f: Found): void {
  f.first = articlesBefore(text, words, f.first);
}

/** The first word of the article references right before word `first` (or `first` when none). */
function articlesBefore(text: string, words: WordList, first: number): number {
  const f = { first };
  for (;;) {
    const k = f.first - 1;
    if (k < 0) return f.first;
    // `42-й статьи Конституции`: number before the unit.
    if (UNIT.test(words.word(k)!.folded) && gapOnly(text, words.ends[k], words.starts[f.first], '.')) {
      let n = k - 1;
      if (n >= 0 && /^(й|я|ю|е|го)$/.test(words.word(n)!.folded) && n > 0 && isNumber(words.word(n - 1)!)) n--;
      if (n >= 0 && isNumber(words.word(n)!) && gapOnly(text, words.ends[n], words.starts[k], '-')) {
        f.first = n;
        continue;
      }
      f.first = k;
      return f.first;
    }
    // `статьи 83 Конституции`, `п. «з» ч. 2 ст. 112 УК РФ`, `статье 205.1 УК РФ`.
    let n = k;
    while (n >= 0 && (isNumber(words.word(n)!) || (words.word(n)!.exact.length === 1 && /[а-яa-z]/.test(words.word(n)!.exact) && n > 0 && UNIT.test(words.word(n - 1)!.folded)))) {
      const after = n === k ? words.starts[f.first] : words.starts[n + 1];
      if (!gapOnly(text, words.ends[n], after, '.«»"()')) break;
      n--;
    }
    if (n === k || n < 0) return f.first;
    if (!UNIT.test(words.word(n)!.folded) || !gapOnly(text, words.ends[n], words.starts[n + 1], '.«"')) return f.first;
    f.first = n;
  }
}

/** The name in the nominative: `Договором о коллективной безопасности` → `Договор о коллективной безопасности`. */
function nominativeName(text: string, words: WordList, f: Found, start: number, end: number): string {
  const head = f.head!;
  const parts: string[] = [];
  let at = start;
  for (let k = f.nameFirst ?? f.first; k <= head.at; k++) {
    const w = words.word(k)!;
    parts.push(text.slice(at, w.start));
    const raw = text.slice(w.start, w.end);
    let form = raw;
    if (k === head.at) form = head.lemma;
    else if (isAdjectiveForm(w.folded)) form = adjectiveLemma(w.folded, head.gender);
    parts.push(isCapitalised(w) ? form[0].toUpperCase() + form.slice(1) : form);
    at = w.end;
  }
  parts.push(text.slice(at, end));
  return parts.join('').replace(/\s+/g, ' ').trim();
}

// Stem-stressed or end-stressed masculine forms cannot be told from the oblique case; these are the common end-stressed ones.
const END_STRESSED = /^(лесн|водн|краев|делов|земн)$/;

function adjectiveLemma(folded: string, gender: Gender): string {
  const ending = /(ого|его|ому|ему|ыми|ими|ый|ий|ой|ая|яя|ое|ее|ые|ие|ым|им|ом|ем|ую|юю|ых|их|ей|ою|ею)$/.exec(folded);
  if (!ending) return folded;
  const stem = folded.slice(0, -ending[1].length);
  const velar = /[кгхжшчщ]$/.test(stem);
  const soft = !velar && /^(его|ему|ими|ий|яя|ее|ие|им|ем|юю|их|ею)$/.test(ending[1]);
  if (gender === 'f') return stem + (soft ? 'яя' : 'ая');
  if (gender === 'n') return stem + (soft ? 'ее' : 'ое');
  if (END_STRESSED.test(stem)) return stem + 'ой';
  return stem + (velar || soft ? 'ий' : 'ый');
}
