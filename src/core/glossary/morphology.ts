// Russian inflection for glossary matching: from a phrase as a user writes it ("Генеральная Ассамблея
// ООН") to the word patterns that recognise its inflected forms ("Генеральной Ассамблеи ООН").
//
// Why not a stemmer: Snowball-style stemmers strip verb endings from nouns ("договорились" → "договор",
// "устав" → "уста"), so "agreed" would read as "treaty". Instead each glossary word gets the endings
// of its own paradigm, guessed from the dictionary form the glossary gives: a masculine noun takes
// noun endings only, an adjective adjective endings, a verb its past, present and participle forms.

/** One way a text word can match: its folded form is `stem` followed by one of `endings`. */
export interface WordShape {
  stem: string;
  endings: ReadonlySet<string>;
}

/** A word of a glossary phrase: either case-sensitive as written (acronyms) or a set of shapes. */
export type WordPattern = { exact: string } | { shapes: WordShape[]; key: string };

const set = (...xs: string[]): ReadonlySet<string> => new Set(xs);

const ADJ = ['ый', 'ий', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ого', 'его', 'ому', 'ему', 'ым', 'им', 'ом', 'ем', 'ую', 'юю', 'ых', 'их', 'ыми', 'ими', 'ей', 'ою', 'ею'];
export const ADJECTIVE_ENDINGS = set(...ADJ);
const ADJECTIVE_REFLEXIVE = set(...ADJ.map((e) => e + 'ся'));
const NONE = set('');

const NOUN = {
  consonant: set('', 'а', 'у', 'ом', 'ем', 'е', 'ы', 'и', 'ов', 'ев', 'ей', 'ам', 'ами', 'ах', 'ям', 'ями', 'ях', 'я', 'ю'),
  soft: set('ь', 'и', 'ью', 'ей', 'ям', 'ями', 'ях', 'я', 'ю', 'ем', 'е'),
  short_i: set('й', 'я', 'ю', 'ем', 'е', 'и', 'ев', 'ям', 'ями', 'ях', 'ей'),
  a: set('а', 'ы', 'и', 'е', 'у', 'ой', 'ою', 'ам', 'ами', 'ах', ''),
  ya: set('я', 'и', 'е', 'ю', 'ей', 'ею', 'ям', 'ями', 'ях', 'ь', 'й', ''),
  iya: set('ия', 'ии', 'ию', 'ией', 'иею', 'ий', 'иям', 'иями', 'иях'),
  ie: set('ие', 'ия', 'ию', 'ием', 'ии', 'ий', 'иям', 'иями', 'иях', 'ье', 'ья', 'ью', 'ьем', 'ьи'),
  o: set('о', 'а', 'у', 'ом', 'е', 'ы', 'и', 'ам', 'ами', 'ах', ''),
  e: set('е', 'я', 'ю', 'ем', 'и', 'ей', 'ям', 'ями', 'ях', 'а', 'у', 'ом'),
  plural: set('ы', 'и', 'а', 'я', 'ов', 'ев', 'ей', 'ам', 'ами', 'ах', 'ям', 'ями', 'ях', '', 'е', 'у', 'ой', 'ом', 'ь'),
};

/** Endings an acronym may take in running text: `МИДа`, `МИДом`. */
export const ACRONYM_ENDINGS = set('а', 'у', 'ом', 'е', 'ы', 'ов');

const VERB_PAST = ['ть', 'л', 'ла', 'ло', 'ли', 'в', 'вши'];
const VERB_PASSIVE = ['н', 'на', 'но', 'ны', ...ADJ.map((e) => 'нн' + e), ...ADJ.map((e) => 'вш' + e)];
const PRESENT_1 = ['ю', 'ешь', 'ет', 'ем', 'ете', 'ют', 'я', ...ADJ.map((e) => 'ющ' + e), ...ADJ.map((e) => 'ем' + e)];
const PRESENT_2 = ['ю', 'ишь', 'ит', 'им', 'ите', 'ят', 'я', ...ADJ.map((e) => 'ящ' + e), ...ADJ.map((e) => 'енн' + e), 'ен', 'ена', 'ено', 'ены'];

const reflexive = (xs: string[]): string[] => xs.flatMap((e) => [e, e + 'ся', e + 'сь']);

import { foldExact, foldWord, splitWords } from './words';

export { foldExact, foldWord };

const VOWELS = 'аеёиоуыэюя';

/** Words that never inflect and are never the head of a phrase. */
const FUNCTION_WORDS = new Set([
  'в', 'во', 'на', 'о', 'об', 'обо', 'по', 'с', 'со', 'к', 'ко', 'из', 'от', 'до', 'для', 'за', 'под', 'при', 'между', 'против', 'и', 'или', 'без', 'через', 'у', 'над', 'перед', 'нон',
]);

/** An acronym or mixed-case short name (`ООН`, `КоАП`, `G20`) is matched case-sensitively. */
export function isCaseSensitive(word: string): boolean {
  if (word.length < 2) return false;
  let upper = 0;
  let lower = 0;
  let digits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c >= '0' && c <= '9') digits++;
    else if (c !== c.toLowerCase()) {
      upper++;
      if (i > 0 && lower > 0) return true; // КоАП, МинЮст
    } else if (c !== c.toUpperCase()) lower++;
  }
  if (lower === 0 && upper > 0) return true;
  return digits > 0 && upper > 0;
}

export function looksLikeAdjective(folded: string): boolean {
  if (folded.length < 4) return false;
  const w = folded.endsWith('ся') ? folded.slice(0, -2) : folded;
  const two = w.slice(-2);
  if (two === 'ий' || two === 'ие') {
    // "русский", "внешние", "последний" are adjectives; "депозитарий", "соглашение", "участие" are nouns.
    const before = w[w.length - 3];
    if ('кгхжшчщ'.includes(before)) return true;
    return before === 'н' && w.length > 4 && !VOWELS.includes(w[w.length - 4]);
  }
  return ['ый', 'ой', 'ая', 'яя', 'ое', 'ее', 'ые'].includes(two);
}

/** The shapes of a word that inflects, guessed from the dictionary form the glossary gives. */
export function inflectingShapes(folded: string, asAdjective: boolean): WordShape[] {
  const w = folded;
  const n = w.length;
  if (n <= 2 || /[^а-яе-]/.test(w)) return [{ stem: w, endings: NONE }];
  if (asAdjective) {
    if (w.endsWith('ся')) return [{ stem: w.slice(0, -4), endings: ADJECTIVE_REFLEXIVE }];
    return [{ stem: w.slice(0, -2), endings: ADJECTIVE_ENDINGS }];
  }
  const verb = verbShapes(w);
  if (verb) return verb;
  const last = w[n - 1];
  const last2 = w.slice(-2);
  if (last2 === 'ия' || last2 === 'ии') return [{ stem: w.slice(0, -2), endings: NOUN.iya }];
  if (last2 === 'ие' || last2 === 'ье') return [{ stem: w.slice(0, -2), endings: NOUN.ie }];
  if (last === 'ь') return [{ stem: w.slice(0, -1), endings: NOUN.soft }];
  if (last === 'й') return [{ stem: w.slice(0, -1), endings: NOUN.short_i }];
  if (last === 'а') return [{ stem: w.slice(0, -1), endings: NOUN.a }];
  if (last === 'я') return [{ stem: w.slice(0, -1), endings: NOUN.ya }];
  if (last === 'о') return [{ stem: w.slice(0, -1), endings: NOUN.o }];
  if (last === 'е') return [{ stem: w.slice(0, -1), endings: NOUN.e }];
  if (last === 'ы' || last === 'и') return [{ stem: w.slice(0, -1), endings: NOUN.plural }];
  if (VOWELS.includes(last)) return [{ stem: w, endings: NONE }];
  return [{ stem: w, endings: NOUN.consonant }];
}

function verbShapes(w: string): WordShape[] | undefined {
  let base = w;
  let reflexiveOnly = false;
  if (base.endsWith('ться') || base.endsWith('тись')) {
    base = base.slice(0, -2);
    reflexiveOnly = true;
  }
  if (!base.endsWith('ть') || base.length < 5) return undefined;
  const stem = base.slice(0, -2); // ратифицирова, подписа, присоедини
  const endings = reflexiveOnly ? REFLEXIVE_VERB : VERB;
  const shapes: WordShape[] = [{ stem, endings: endings.past }];
  if (/(ова|ева)$/.test(stem)) shapes.push({ stem: stem.slice(0, -3) + (stem.endsWith('ева') ? 'ю' : 'у'), endings: endings.present1 });
  else if (/[ая]$/.test(stem)) shapes.push({ stem, endings: endings.present1 });
  else if (stem.endsWith('и')) shapes.push({ stem: stem.slice(0, -1), endings: endings.present2 });
  else if (stem.endsWith('е')) shapes.push({ stem: stem.slice(0, -1), endings: endings.present2 }, { stem, endings: endings.present1 });
  return shapes;
}

// Shared by every verb, so that the index converts and keys each set once, not once per verb.
const verbEndings = (r: (xs: string[]) => string[]) => ({ past: set(...r(VERB_PAST), ...VERB_PASSIVE), present1: set(...r(PRESENT_1)), present2: set(...r(PRESENT_2)) });
const VERB = verbEndings(reflexive);
const REFLEXIVE_VERB = verbEndings((xs) => xs.flatMap((e) => [e + 'ся', e + 'сь']));

/**
 * Compiles a phrase into word patterns. The leading adjectives and the head noun inflect; the words
 * after the head keep the form written (`Совет Безопасности ООН` → `Совета Безопасности ООН`). Words
 * joined by a hyphen to the head inflect with it (`государства-участники`).
 */
export function compilePhrase(phrase: string, inflect = true): WordPattern[] | undefined {
  // Split exactly as text is split, so that whatever a user writes is matched the same way.
  const words = splitWords(phrase).map((w, i, all) => ({ word: w.exact, hyphenBefore: i > 0 && /[-‐‑]/.test(phrase[all[i - 1].end]) }));
  if (words.length === 0) return undefined;
  const out: WordPattern[] = [];
  let headDone = !inflect;
  let lastWasHead = false;
  for (let i = 0; i < words.length; i++) {
    const { word, hyphenBefore } = words[i];
    if (isCaseSensitive(word)) {
      out.push({ exact: foldExact(word) });
      headDone = true;
      lastWasHead = false;
      continue;
    }
    const f = foldWord(word);
    let shapes: WordShape[];
    if (headDone) {
      // A hyphenated head inflects in all its parts; the next plain word does not.
      shapes = hyphenBefore && lastWasHead && inflect ? inflectingShapes(f, looksLikeAdjective(f)) : [{ stem: f, endings: NONE }];
      lastWasHead &&= hyphenBefore;
    } else if (words[i + 1]?.hyphenBefore && !looksLikeAdjective(f) && looksLikeAdjective(foldWord(words[i + 1].word))) {
      shapes = [{ stem: f, endings: NONE }]; // "уголовно-" in "уголовно-процессуальный" does not inflect
    } else if (FUNCTION_WORDS.has(f)) {
      shapes = [{ stem: f, endings: NONE }];
      // "поверенный в делах": when only adjectives came before, the last of them was the head.
      if (f !== 'и') headDone = true;
    } else if (looksLikeAdjective(f) && !isLastContentWord(words, i)) {
      shapes = inflectingShapes(f, true);
    } else {
      shapes = inflectingShapes(f, looksLikeAdjective(f));
      headDone = true;
      lastWasHead = true;
    }
    out.push({ shapes, key: shapeKey(shapes) });
  }
  return out;
}

// Ending sets are shared objects (verbs build their own): number them so keys stay short to build.
const setIds = new WeakMap<ReadonlySet<string>, string>();
function setId(endings: ReadonlySet<string>): string {
  let id = setIds.get(endings);
  if (id === undefined) {
    id = [...endings].sort().join(',');
    setIds.set(endings, id);
  }
  return id;
}

function shapeKey(shapes: readonly WordShape[]): string {
  return shapes.map((s) => s.stem + '|' + setId(s.endings)).join(';');
}

function isLastContentWord(words: { word: string; hyphenBefore: boolean }[], i: number): boolean {
  const next = words[i + 1];
  if (!next) return true;
  if (next.hyphenBefore) return false;
  const f = foldWord(next.word);
  return FUNCTION_WORDS.has(f) && f !== 'и';
}

/** An exact (non-inflecting, case-insensitive) pattern for each word: `exactForms` in a glossary. */
export function compileExactPhrase(phrase: string): WordPattern[] | undefined {
  const words = splitWords(phrase).map((w) => w.exact);
  if (words.length === 0) return undefined;
  return words.map((w) => {
    if (isCaseSensitive(w)) return { exact: foldExact(w) };
    const shapes = [{ stem: foldWord(w), endings: NONE }];
    return { shapes, key: shapeKey(shapes) };
  });
}
