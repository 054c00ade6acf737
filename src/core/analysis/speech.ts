// Word lists and a tiny tokenizer for reported speech in Russian news. Pure; no 'vscode'.
import { grown } from '../growable';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower case with ё folded to е: the form every list below is keyed by. */
  low: string;
  /** 'w' word, 'p' punctuation (one character), 'n' line break. */
  kind: 'w' | 'p' | 'n';
  /** First letter upper case. */
  cap: boolean;
  /** Two or more letters, all upper case: an acronym (МИД, ООН, США). */
  acronym: boolean;
}

export function fold(s: string): string {
  const low = s.toLowerCase();
  // Most words need neither replacement; skipping the regexes keeps tokenizing cheap.
  if (low.indexOf('ё') < 0 && low.indexOf('\u00AD') < 0 && low.indexOf('\u0301') < 0) return low;
  return low.replace(/ё/g, 'е').replace(/[\u00AD\u0301]/g, '');
}

// What each UTF-16 code unit is to the tokenizer, looked up rather than tested range by range.
const WORD_CHAR = 1;
const BLANK = 2;
const UPPER = 4;
const STRESS_MARK = 8;
/** Hyphens and apostrophes, which join two words into one: `пресс-служба`, `д'Эстен`. */
const JOINER = 16;
const CHARS = new Uint8Array(0x10000);
/** A word character as `fold` leaves it: lower case, ё as е (other characters as they are). */
const FOLDED = new Uint16Array(0x460);
for (let c = 0; c < FOLDED.length; c++) FOLDED[c] = c;
for (const [from, to, what] of [
  [0x30, 0x39, WORD_CHAR], [0x61, 0x7a, WORD_CHAR], [0x430, 0x44f, WORD_CHAR], [0x451, 0x451, WORD_CHAR],
  [0x41, 0x5a, WORD_CHAR | UPPER], [0x410, 0x42f, WORD_CHAR | UPPER], [0x401, 0x401, WORD_CHAR | UPPER], [0x301, 0x301, WORD_CHAR | STRESS_MARK],
  [9, 9, BLANK], [11, 13, BLANK], [32, 32, BLANK], [0xa0, 0xa0, BLANK], [0xad, 0xad, BLANK], [0x2000, 0x200b, BLANK], [0x202f, 0x202f, BLANK],
  [0x3000, 0x3000, BLANK], [0xfeff, 0xfeff, BLANK], [0x2d, 0x2d, JOINER], [0x2011, 0x2011, JOINER], [0x27, 0x27, JOINER], [0x2019, 0x2019, JOINER],
]) {
  for (let c = from; c <= to; c++) CHARS[c] = what;
}
for (let c = 0x41; c <= 0x5a; c++) FOLDED[c] = c + 0x20;
for (let c = 0x410; c <= 0x42f; c++) FOLDED[c] = c + 0x20;
FOLDED[0x401] = FOLDED[0x451] = 0x435;

function foldChar(c: number): number {
  return c < 0x460 ? FOLDED[c] : c;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The key the tokenizer gives a word: a hash of its folded form, so word lists can be checked without a string per word. */
export function wordKey(low: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < low.length; k++) {
    const c = low.charCodeAt(k);
    if (c !== 0x301) h = Math.imul(h ^ foldChar(c), FNV_PRIME);
  }
  return h;
}

/**
 * Word keys of a list, as a bit table: `has` is a cheap first test that lets almost every word of
 * a text through without a string; a hit is confirmed against the list itself.
 */
export class KeySet {
  private readonly bits = new Int32Array(1 << 13);
  constructor(words: Iterable<string>) {
    for (const w of words) {
      const x = spread(wordKey(w));
      this.bits[x >>> 5] |= 1 << (x & 31);
    }
  }
  has(key: number): boolean {
    const x = spread(key);
    return (this.bits[x >>> 5] & (1 << (x & 31))) !== 0;
  }
}
function spread(key: number): number {
  return (key ^ (key >>> 18)) & 0x3ffff;
}

/** Particles of Arabic and Hebrew names, written joined by a hyphen to the name: `аль-`, `ас-`, `ибн-`. */
export const NAME_PARTICLE = /^(?:аль|эль|ал|ас|ад|ан|ар|ат|аз|аш|эш|эс|эд|эн|бен|бин|ибн|абу)$/;

const WORD = 1;
const MARK = 2;
const BREAK = 3;
const KIND = 3;
const CAP = 4;
const ACRONYM = 8;
const STRESS = 16;
/** Upper case, ё or a stress mark: the folded form differs from the text. */
const FOLDS = 32;
/** Ё or ё: folding takes more than lower case. */
const YO = 64;

/** Words, marks and line breaks of `text`, as parallel arrays (see `Tokens`). */
function tokenize(text: string): { count: number; starts: Int32Array; ends: Int32Array; flags: Uint8Array; keys: Int32Array } {
  const n = text.length;
  let cap = (n >> 2) + 16;
  let starts: Int32Array = new Int32Array(cap);
  let ends: Int32Array = new Int32Array(cap);
  let flags = new Uint8Array(cap);
  let keys: Int32Array = new Int32Array(cap);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const what = CHARS[c];
    let j = i + 1;
    let f: number;
    let key = c;
    if (c === 10) f = BREAK;
    else if (what & BLANK) {
      i++;
      continue;
    } else if (what & WORD_CHAR) {
      f = WORD;
      let h = FNV_OFFSET;
      let d = c;
      let dwhat = what;
      j = i;
      for (;;) {
        if (dwhat & STRESS_MARK) f |= STRESS | FOLDS;
        else {
          const low = FOLDED[d];
          if (low !== d) f |= d === 0x401 || d === 0x451 ? FOLDS | YO : FOLDS;
          h = Math.imul(h ^ low, FNV_PRIME);
        }
        if (++j >= n) break;
        d = text.charCodeAt(j);
        dwhat = CHARS[d];
        if (dwhat & WORD_CHAR) continue;
        if (!(dwhat & JOINER) || j + 1 >= n || !(CHARS[text.charCodeAt(j + 1)] & WORD_CHAR)) break;
        h = Math.imul(h ^ d, FNV_PRIME);
        d = text.charCodeAt(++j);
        dwhat = CHARS[d];
      }
      key = h;
      if (what & UPPER) {
        f |= CAP;
        if (j - i >= 2) {
          let acronym = true;
          let hyphen = false;
          for (let k = i + 1; k < j; k++) {
            const e = text.charCodeAt(k);
            if (e === 0x2d) hyphen = true;
            else if (!(CHARS[e] & UPPER || (hyphen && e >= 0x30 && e <= 0x39))) {
              acronym = false;
              break;
            }
          }
          if (acronym) f |= ACRONYM;
        }
      } else if (j - i >= 4 && (c === 0x430 || c === 0x44d || c === 0x431 || c === 0x438)) {
        // `аль-Хуси`, `ас-Сафади`, `эль-Сиси`, `бен-Гвир`, `ибн-Сауд`: an Arabic or Hebrew particle
        // joined to a capitalised name is a capitalised name word.
        let hy = i + 1;
        while (hy <= i + 3 && text.charCodeAt(hy) !== 0x2d) hy++;
        if (hy <= i + 3 && hy < j - 1 && CHARS[text.charCodeAt(hy + 1)] & UPPER && NAME_PARTICLE.test(text.slice(i, hy))) f |= CAP;
      }
    } else f = MARK;
    if (count === cap) {
      cap *= 2;
      starts = grown(starts, cap);
      ends = grown(ends, cap);
      keys = grown(keys, cap);
      flags = grown(flags, cap);
    }
    starts[count] = i;
    ends[count] = j;
    flags[count] = f;
    keys[count] = key;
    count++;
    i = j;
  }
  return { count, starts: starts.subarray(0, count), ends: ends.subarray(0, count), flags: flags.subarray(0, count), keys: keys.subarray(0, count) };
}

/**
 * Words (with inner hyphens and apostrophes), single punctuation marks and line breaks, in typed
 * arrays: one linear pass and no object or string per token. A token's text and folded form are
 * made only when asked for (`get`, `low`), which happens near speech, a small part of any text.
 */
export class Tokens {
  readonly count: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  private readonly flags: Uint8Array;
  /** A word's `wordKey`; a mark's or line break's character code. */
  readonly keys: Int32Array;
  /** Folded forms made so far; `slot` says where each token's is (index + 1; 0 when not made). */
  private readonly lows: string[] = [];
  /** Where the folded form of each word key made so far is kept in `lows`. */
  private readonly lowOfKey = new Map<number, number>();
  private readonly slot: Int32Array;
  /** Tokens made so far, by index: few, since the hot paths read the arrays. */
  private readonly made = new Map<number, Token>();

  constructor(readonly text: string) {
    // (The scan is a function of its own: called once per text, its loop is optimised on the stack,
    // and the code after it would otherwise be left without type feedback, deoptimising every time.)
    const { count, starts, ends, flags, keys } = tokenize(text);
    this.count = count;
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
    this.keys = keys;
    this.slot = new Int32Array(count);
  }

  /** The token at i, made on first use; undefined outside the text (as an array index would be). */
  get(i: number): Token {
    if (!(i >= 0 && i < this.count)) return undefined as unknown as Token;
    let t = this.made.get(i);
    if (t === undefined) {
      const f = this.flags[i];
      const kind = f & KIND;
      t = { start: this.starts[i], end: this.ends[i], text: this.textOf(i), low: this.low(i), kind: kind === WORD ? 'w' : kind === MARK ? 'p' : 'n', cap: (f & CAP) !== 0, acronym: (f & ACRONYM) !== 0 };
      this.made.set(i, t);
    }
    return t;
  }

  /** The folded form (of a word; a mark's own character); '' outside the text. */
  low(i: number): string {
    return i >= 0 && i < this.count ? this.lows[this.slotOf(i)] : '';
  }

  /**
   * Where the token's folded form is kept: made on first use, and shared by every token of the same
   * word (found by its key, then checked letter by letter, since keys are hashes).
   */
  private slotOf(i: number): number {
    const at = this.slot[i];
    if (at > 0) return at - 1;
    const f = this.flags[i];
    // Shared by words with no stress mark (whose folded form is shorter than their text), keyed by 30
    // bits of the key, which V8 keeps as a small integer rather than a boxed number; -1: not shared.
    const key = (f & KIND) === WORD && !(f & STRESS) ? this.keys[i] & 0x3fffffff : -1;
    const shared = key >= 0 ? this.lowOfKey.get(key) : undefined;
    if (shared !== undefined && this.spells(i, this.lows[shared])) {
      this.slot[i] = shared + 1;
      return shared;
    }
    const text = this.textOf(i);
    const index = this.lows.push(!(f & FOLDS) ? text : f & (STRESS | YO) ? fold(text) : text.toLowerCase()) - 1;
    if (key >= 0 && shared === undefined) this.lowOfKey.set(key, index);
    this.slot[i] = index + 1;
    return index;
  }

  /** The token at i (a word with no stress mark) folds to `low`. */
  private spells(i: number, low: string): boolean {
    const s = this.starts[i];
    if (this.ends[i] - s !== low.length) return false;
    for (let k = 0; k < low.length; k++) if (foldChar(this.text.charCodeAt(s + k)) !== low.charCodeAt(k)) return false;
    return true;
  }

  /** The token's own text (a new string each time). */
  textOf(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
  /** Length in UTF-16 code units. */
  length(i: number): number {
    return this.ends[i] - this.starts[i];
  }
  isAcronym(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i] & ACRONYM) !== 0;
  }
  isWord(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i] & KIND) === WORD;
  }
  isBreak(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i] & KIND) === BREAK;
  }
  isCap(i: number): boolean {
    return i >= 0 && i < this.count && (this.flags[i] & CAP) !== 0;
  }
  /** The character code of a punctuation mark; -1 for a word, a line break or outside the text. */
  mark(i: number): number {
    return i >= 0 && i < this.count && (this.flags[i] & KIND) === MARK ? this.keys[i] : -1;
  }
  /** The word at i is `low` (folded), compared without making a string. */
  is(i: number, low: string): boolean {
    if (!this.isWord(i)) return false;
    if (this.flags[i] & STRESS) return this.low(i) === low;
    return this.spells(i, low);
  }
  /** The word at i may be in the list whose keys are `set` (confirm with the list). */
  mayBe(i: number, set: KeySet): boolean {
    return this.isWord(i) && set.has(this.keys[i]);
  }
}

/** Speech verbs, every form spelled out: `stem: endings` or a whole word. */
const SPEECH_VERBS = new Set<string>();
for (const entry of [
  'заяв: ил ила ило или ляет ляют лял ляла ляли ляло', 'сказа: л ла ло ли', 'говор: ит ят ил ила или ило', 'говорится',
  'сказано', 'отмет: ил ила ило или', 'отмеча: ет ют л ла ли ло ется лось', 'подчеркн: ул ула ули уло',
  'подчеркива: ет ют л ла ли ло ется лось', 'сообщ: ил ила ило или ает ают ал ала али ало ается алось илось',
  'добав: ил ила или ило ляет ляют лял ляла ляли', 'поясн: ил ила или ило яет яют', 'объясн: ил ила или яет яют',
  'уточн: ил ила или ило яет яют', 'счита: ет ют л ла ли', 'полага: ет ют л ла ли', 'увер: ен ена ены',
  'убежд: ен ена ены', 'указ: ал ала али ало ывает ывают ывается ывал ывала ывали ывало', 'констатир: овал овала овали ует уют',
  'напомн: ил ила или ило', 'напомина: ет ют л ла ли', 'призна: л ла ли ет ют лся лась лись', 'признается',
  'выраз: ил ила или ило ить', 'выража: ет ют л ла ли ется ть', 'подтвержда: ется', 'призв: ал ала али', 'призыва: ет ют л ла ли',
  'предупред: ил ила или ило', 'предупрежда: ет ют л ла ли', 'ответ: ил ила или ило', 'отвеча: ет ют',
  'замет: ил ила или', 'резюмир: овал овала овали ует', 'подыто: жил жила жили', 'заключ: ил ила или',
  'рассказа: л ла ли ло', 'рассказыва: ет ют л ла ли', 'написа: л ла ли ло', 'пиш: ет ут', 'процитирова: л ла ли',
  'цитиру: ет ют', 'утвержда: ет ют л ла ли ло ется', 'завер: ил ила или', 'заверя: ет ют', 'уверя: ет ют',
  'подтверд: ил ила или ило', 'подтвержда: ет ют л ла ли', 'пообеща: л ла ли', 'обеща: ет ют', 'посетова: л ла ли',
  'пожалова: лся лась лись', 'возраз: ил ила или', 'прокомментирова: л ла ли', 'настаива: ет ют л ла ли',
  'высказа: л ла ли лся лась лись', 'повтор: ил ила или', 'спроси: л ла ли', 'поинтересова: лся лась лись',
  'продолж: ил ила или', 'передает', 'передают', 'передавал', 'передавала', 'передавали', 'передавало', 'пишет',
  'писа: л ла ли ло', 'допуст: ил ила или', 'допуска: ет ют л ла ли', 'признава: лся лась лись л ла ли', 'посчита: л ла ли',
  'предполож: ил ила или', 'предполага: ет ют л ла ли', 'говорилось', 'наде: ется ются ялся ялась ялись', 'объяв: ил ила или ило',
  'прогнозир: ует уют овал овала овали', 'спрогнозирова: л ла ли', 'предрек: ла ли ает ают', 'предрёк', 'предсказа: л ла ли', 'считают', 'сочл: и', 'сочла', 'счел', 'выводу',
  'замеча: ет ют л ла ли', 'характеризу: ет ют', 'объявля: ет ют л ла ли', 'гласи: т ла ло ли', 'гласят', 'дума: ет ют л ла ли', 'сомнева: ется ются лся лась лись',
  'объявлено', 'заявлено', 'сообщено', 'отмечено', 'подчеркнуто', 'констатировано', 'уточнено', 'разъяснено', 'отрез: ал ала али', 'вздохн: ул ула', 'вопроша: л ла ли ет', 'подели: лся лась лись',
  'воскликн: ул ула', 'возмуща: лся лась лись ется ются', 'посетова: в', 'обеща: л ла ли в', 'пообеща: в', 'рассужда: л ла ли ет ют',
  'порассужда: л ла ли', 'пошути: л ла ли', 'парирова: л ла ли', 'подозрева: ет ют л ла ли', 'жалу: ется ются', 'информиру: ет ют',
  'вер: ит ят', 'произнос: ит ят ил ила или', 'произн: ес есла если', 'убежда: ет ют л ла ли', 'крикн: ул ула ули', 'выкрикн: ул ула ули', 'прокрича: л ла ли', 'восклица: ет ют л ла ли', 'постанов: ил ила или ило', 'обвин: ил ила или яет яют ял яла яли', 'посчита: в', 'счита: я',
  // Gerunds report speech of the clause's subject: `…, заявив, что`, `написав в Twitter:`.
  'заяви: в', 'отмети: в', 'добави: в', 'написа: в', 'сообщи: в', 'подчеркну: в', 'поясни: в', 'уточни: в', 'сказа: в',
  'рассказа: в', 'ответи: в', 'замети: в', 'напомни: в', 'признав', 'подтверди: в', 'указа: в', 'объясни: в',
  'заявля: я', 'отмеча: я', 'подчеркива: я', 'утвержда: я', 'указыва: я', 'добавля: я', 'поясня: я', 'сообща: я', 'настаива: я',
  'признава: я', 'объясня: я', 'уточня: я', 'напомина: я', 'предупрежда: я', 'заверя: я',
  // Doubt is said of a clause: `усомнился, что …`.
  'усомни: лся лась лись', 'исключа: ет ют л ла ли', 'исключ: ил ила или', 'намекн: ул ула ули', 'намека: ет ют л ла ли', 'раскритикова: л ла ли ло',
  'осуди: л ла ли ло', 'осужда: ет ют л ла ли', 'пригрози: л ла ли ло',
  // What a document or a report says, no one named: `Уточняется, что …`, `В нём поясняется, что …`.
  'поясняется', 'уточняется', 'заявляется', 'разъясняется', 'уточнялось', 'пояснялось', 'добавляется', 'добавлялось',
]) {
  const [stem, endings] = entry.split(': ');
  if (endings === undefined) SPEECH_VERBS.add(stem);
  else for (const e of endings.split(' ')) SPEECH_VERBS.add(stem + e);
}
/** Keys of the speech verbs, to skip the other words of a text without a string. */
export const SPEECH_VERB_KEYS = new KeySet(SPEECH_VERBS);

/** Speech verbs that take no person as subject: `в заявлении говорится`. */
const IMPERSONAL = new Set(['выражается', 'добавляется', 'добавлялось', 'подтверждается', 'поясняется', 'уточняется', 'заявляется', 'разъясняется', 'уточнялось', 'пояснялось', 'говорится', 'говорилось', 'сказано', 'объявлено', 'заявлено', 'сообщено', 'отмечено', 'указано', 'отмечается', 'подчеркивается', 'указывается', 'сообщается', 'утверждается', 'отмечалось', 'сообщалось', 'подчеркивалось', 'подчеркнуто', 'констатировано', 'уточнено', 'разъяснено']);

/** Verbs that report speech only with a clause (`выразил надежду, что`), never alone after a quote. */
const CLAUSE_ONLY = /^(?:выраз|выража|продолж|спроси|выводу|наде|допуст|допуска|обвин|постанов|сомнева|усомни|раскритикова|осуди|осужда|подозрева|вери|верят|убежда|исключ)/;

export function isSpeechVerb(low: string): boolean {
  return SPEECH_VERBS.has(low);
}
export function isImpersonalVerb(low: string): boolean {
  return IMPERSONAL.has(low);
}
export function isClauseOnlyVerb(low: string): boolean {
  return CLAUSE_ONLY.test(low);
}
/** A gerund (`заявив`, `заявляя`) tells how the clause's own subject spoke, not who said the words before it. */
export function isGerund(low: string): boolean {
  // `заявив`, `отмечая` — but not the reflexive `говорится`, `сообщается`, which end in я too.
  return /[вя]$/.test(low) && !low.endsWith('ся');
}
/** Gender or number the verb agrees with: заявила → f, заявил → m, заявили → plural. */
export function verbGender(low: string): 'm' | 'f' | 'pl' | undefined {
  if (low.endsWith('ла') || low.endsWith('лась') || low.endsWith('на')) return 'f';
  if (low.endsWith('ли') || low.endsWith('лись') || low.endsWith('ны') || low.endsWith('ют') || low.endsWith('ят') || low.endsWith('ут')) return 'pl';
  if (low.endsWith('л') || low.endsWith('лся') || low.endsWith('ен')) return 'm';
  return undefined;
}

// Roles: every case form of each head noun, keyed to its lemma.
const ROLE_FORMS = new Map<string, string>();
function addForms(lemma: string, stem: string, endings: string[]): void {
  // After к, г, х and the hushers the plural takes и: `участники`, `врачи`.
  const soft = /[гкхжчшщ]$/.test(stem);
  for (const e of endings) ROLE_FORMS.set(stem + (soft && e === 'ы' ? 'и' : e), lemma);
}
const HARD = ['', 'а', 'у', 'ом', 'е', 'ы', 'ов', 'ам', 'ами', 'ах'];
const SOFT = ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей', 'ям', 'ями', 'ях'];
const FEM_A = ['а', 'ы', 'е', 'у', 'ой', 'ою'];
for (const w of [
  'министр', 'премьер-министр', 'вице-премьер', 'премьер', 'постпред', 'зампостпреда', 'президент', 'вице-президент', 'директор',
  'генсек', 'канцлер', 'вице-канцлер', 'спикер', 'вице-спикер', 'лидер', 'депутат', 'сенатор', 'советник', 'помощник', 'дипломат',
  'источник', 'собеседник', 'эксперт', 'губернатор', 'мэр', 'начальник', 'генерал', 'адвокат', 'аналитик', 'политолог', 'политик',
  'чиновник', 'консул', 'генконсул', 'комиссар', 'еврокомиссар', 'прокурор', 'генпрокурор', 'посланник', 'спецпосланник', 'омбудсмен',
  'координатор', 'переговорщик', 'делегат', 'полпред', 'сопредседатель', 'монарх', 'эмир', 'шейх', 'принц', 'госсекретарь', 'атташе',
  'представитель', 'спецпредставитель', 'заместитель', 'председатель', 'руководитель', 'секретарь', 'пресс-секретарь', 'генсекретарь',
  'глава', 'судья', 'король', 'посол', 'официальный представитель', 'замминистра', 'замглавы', 'пресс-атташе', 'премьер-министр',
]) {
  if (w.endsWith('ь')) addForms(w, w.slice(0, -1), SOFT);
  else if (w === 'глава') addForms(w, 'глав', FEM_A);
  else if (w === 'судья') addForms(w, 'судь', ['я', 'и', 'е', 'ю', 'ей']);
  else if (w === 'король') addForms(w, 'корол', SOFT);
  else if (w === 'посол') for (const f of ['посол', 'посла', 'послу', 'послом', 'послы', 'послов', 'послам']) ROLE_FORMS.set(f, w);
  else if (/(?:министра|главы|атташе|постпреда)$/.test(w)) ROLE_FORMS.set(w, w);
  else if (!w.includes(' ')) addForms(w, w, HARD);
}
ROLE_FORMS.set('секретарь', 'секретарь');
// Adjectives used as role nouns: `командующий`, `замкомандующего` (itself a nominative, `заместитель командующего`).
for (const f of ['командующий', 'командующего', 'командующему', 'командующим', 'командующем', 'замкомандующего', 'уполномоченный', 'уполномоченного', 'уполномоченному', 'уполномоченным', 'управляющий', 'управляющего']) {
  ROLE_FORMS.set(f, f.startsWith('зам') ? 'замкомандующего' : f.startsWith('командующ') ? 'командующий' : f.startsWith('уполномоч') ? 'уполномоченный' : 'управляющий');
}
/**
 * Keys of the forms of office-holders' roles, to skip the other words of a text without a string
 * when looking for people introduced as `role Name` (the common nouns below rarely introduce one).
 */
export const ROLE_KEYS = new KeySet(ROLE_FORMS.keys());
// Common nouns and anonymous sources speak as well: `врачи заявили`, `журналист газеты написал`.
for (const w of [
  'журналист', 'корреспондент', 'обозреватель', 'врач', 'участник', 'исследователь', 'свидетель', 'сотрудник', 'житель', 'активист',
  'правозащитник', 'критик', 'автор', 'юрист', 'следователь', 'наблюдатель', 'экономист', 'социолог', 'историк', 'тренер', 'организатор',
  'спасатель', 'инсайдер', 'защитник', 'пользователь', 'родственник', 'соратник', 'сосед',
]) {
  addForms(w, w.endsWith('ь') ? w.slice(0, -1) : w, w.endsWith('ь') ? SOFT : HARD);
}
for (const [lemma, forms] of [
  ['друг', 'друг друга другу друзья друзей друзьям'], ['дочь', 'дочь дочери дочерью'], ['сын', 'сын сына сыну сыновья'], ['жена', 'жена жены жене жену'],
  ['муж', 'муж мужа мужу'], ['мать', 'мать матери'], ['отец', 'отец отца отцу'], ['очевидец', 'очевидец очевидцы очевидцев'],
  ['ученый', 'ученый ученые ученых'], ['выживший', 'выжившие выживших'], ['пострадавший', 'пострадавшие пострадавших'], ['военный', 'военные военных'],
] as const) for (const f of forms.split(' ')) ROLE_FORMS.set(f, lemma);


/** The lemma of a role head noun (`министра` → `министр`), or undefined. */
export function roleLemma(low: string): string | undefined {
  return ROLE_FORMS.get(low);
}

/**
 * Roles that a later generic mention may refer back to: `министр` after `глава МИД`, `дипломат`
 * after `посол`, `постпред` after `постоянный представитель`.
 */
/** A role folded, and the lemma of its head word ('' when none is known): made once per role. */
function roleForm(role: string): { r: string; h: string } {
  let form = roleForms.get(role);
  if (form === undefined) {
    const r = fold(role);
    const head = r.split(/\s+/).find((w) => ROLE_FORMS.has(w));
    form = { r, h: head ? ROLE_FORMS.get(head)! : '' };
    // Bounded: roles come back across an article and from one analysis to the next.
    if (roleForms.size < 5000) roleForms.set(role, form);
  }
  return form;
}
const roleForms = new Map<string, { r: string; h: string }>();

export function roleCompatible(mention: string, role: string): boolean {
  const { r, h } = roleForm(role);
  if (h === mention || r.includes(mention)) return true;
  switch (mention) {
    case 'министр':
      return /^(?:глава|министр)$/.test(h) && (h === 'министр' || /(?:^|\s)(?:мид|мин[а-я]*|министерств[а-я]*|ведомств[а-я]*)(?:\s|$)/.test(r));
    case 'постпред':
      return /постоянн[а-я]* представител|постпред/.test(r);
    case 'генсек':
    case 'генсекретарь':
      return /генеральн[а-я]* секретар|генсек/.test(r);
    case 'замминистра':
      return /заместител[а-я]* министр|замминистра|замглавы мид/.test(r);
    case 'дипломат':
      return /посол|постпред|представител|замминистра|заместител[а-я]* министр|мид|дипломат|консул|посланник|министр иностранных/.test(r);
    case 'политик':
      return /депутат|сенатор|спикер|лидер|председател|президент|премьер|канцлер|министр|парти|госдум|парламент|бундестаг/.test(r);
    case 'президент':
      // `российский лидер Владимир Путин` … `президент`.
      return /президент|(?:^|\s)лидер(?:\s|$)/.test(r);
    case 'премьер':
    case 'премьер-министр':
      return /премьер/.test(r);
    case 'глава':
      return h === 'глава';
    default:
      return false;
  }
}

// Bodies that speak: `в МИД`, `в Кремле`, `Генпрокуратура`, `пресс-служба`. Form → nominative.
const BODY_FORMS = new Map<string, string>();
function addBody(lemma: string, stem: string, endings: string[]): void {
  for (const e of endings) BODY_FORMS.set(stem + e, lemma);
}
const NEUT = ['о', 'а', 'у', 'ом', 'е'];
for (const w of ['министерство', 'ведомство', 'дипведомство', 'посольство', 'генконсульство', 'консульство', 'представительство', 'постпредство', 'правительство', 'агентство', 'руководство', 'командование']) {
  addBody(w, w.slice(0, -1), NEUT);
}
for (const w of ['газета', 'пресс-служба', 'служба', 'генпрокуратура', 'прокуратура', 'госдума', 'дума', 'рада', 'верховная рада']) addBody(w, w.slice(0, -1), FEM_A);
for (const w of ['администрация', 'комиссия', 'дипмиссия', 'миссия', 'делегация', 'еврокомиссия', 'канцелярия', 'мэрия', 'организация', 'полиция', 'коалиция', 'оппозиция']) {
  addBody(w, w.slice(0, -1), ['я', 'и', 'ю', 'ей']);
}
for (const w of ['издани']) addBody('издание', w, ['е', 'я', 'ю', 'ем', 'и']);
for (const w of ['портал', 'телеканал', 'журнал', 'пентагон', 'госдепартамент', 'госдеп', 'комитет', 'совет', 'совбез', 'парламент', 'сенат', 'конгресс', 'бундестаг', 'кабмин', 'минфин', 'минюст', 'минздрав', 'минтранс', 'минпромторг', 'минвостокразвития', 'секретариат', 'штаб', 'генштаб', 'офис', 'дворец', 'суд', 'евросоюз', 'ватикан', 'меджлис', 'сейм', 'кнессет']) {
  addBody(w, w, ['', 'а', 'у', 'ом', 'е']);
}
for (const [f, l] of [['кремль', 'кремль'], ['кремля', 'кремль'], ['кремлю', 'кремль'], ['кремлем', 'кремль'], ['кремле', 'кремль'], ['власти', 'власти'], ['властей', 'власти'], ['минобороны', 'минобороны'], ['минобрнауки', 'минобрнауки'], ['минэкономразвития', 'минэкономразвития'], ['минэнерго', 'минэнерго'], ['минсельхоз', 'минсельхоз'], ['минкультуры', 'минкультуры'], ['мид', 'мид'], ['смид', 'смид']] as const) {
  BODY_FORMS.set(f, l);
}
/** Adjectives that open a body's name: `Белый дом`, `Елисейский дворец`. */
export const BODY_BIGRAMS = new Map<string, string>([
  ['белый дом', 'Белый дом'], ['белого дома', 'Белый дом'], ['белом доме', 'Белый дом'], ['белому дому', 'Белый дом'],
  ['елисейский дворец', 'Елисейский дворец'], ['елисейском дворце', 'Елисейский дворец'], ['елисейского дворца', 'Елисейский дворец'],
  ['даунинг-стрит', 'Даунинг-стрит'], ['старая площадь', 'Старая площадь'], ['смоленская площадь', 'Смоленская площадь'],
]);

/** The nominative of a body head (`Кремле` → `кремль`), or undefined when the word is no body. */
export function bodyLemma(low: string): string | undefined {
  return BODY_FORMS.get(low);
}

/** Nouns a name in quotation marks follows: `компания «Газпром»`, `РИА «Новости»`. */
const NAME_NOUNS = new RegExp(
  '^(?:' +
    [
      'компани', 'газет', 'агентств', 'риа', 'форум', 'операци', 'проект', 'парти', 'фонд', 'закон', 'законопроект', 'программ', 'движени',
      'телеканал', 'канал', 'радиостанци', 'радио', 'издани', 'изд', 'журнал', 'холдинг', 'концерн', 'групп', 'клуб', 'банк', 'завод',
      'корпораци', 'предприяти', 'объединени', 'ассоциаци', 'организаци', 'центр', 'институт', 'университет', 'театр', 'музей', 'фильм',
      'кинофильм', 'картин', 'книг', 'роман', 'песн', 'альбом', 'спектакл', 'фестивал', 'конкурс', 'преми', 'орден', 'медал', 'кампани',
      'акци', 'инициатив', 'стратеги', 'доктрин', 'концепци', 'договор', 'соглашени', 'пакт', 'газопровод', 'нефтепровод', 'трубопровод',
      'станци', 'аэропорт', 'порт', 'комплекс', 'систем', 'ракет', 'корабл', 'крейсер', 'фрегат', 'подлодк', 'лодк', 'самолет', 'бригад',
      'батальон', 'отряд', 'полк', 'дивизи', 'армии', 'бренд', 'марк', 'сайт', 'портал', 'платформ', 'приложени', 'сет', 'магазин',
      'супермаркет', 'гостиниц', 'отел', 'стадион', 'комбинат', 'фабрик', 'колхоз', 'совхоз', 'ооо', 'оао', 'зао', 'пао', 'ао', 'фк', 'хк',
      'пк', 'нпо', 'гк', 'ук', 'тк', 'тц', 'цвз', 'премии', 'номинаци', 'рубрик', 'передач', 'шоу', 'сериал', 'статья', 'стать', 'доклад',
      'документ', 'манифест', 'декларац', 'резолюци', 'план', 'формат', 'механизм', 'режим', 'пакет', 'сделк', 'маршрут', 'коридор',
      'союз', 'блок', 'альянс', 'коалици', 'фракци', 'сообществ', 'клуб', 'лаборатори', 'бюро', 'студи', 'кооператив', 'товариществ',
      'учения', 'учений', 'учениях', 'учениям', 'маневр', 'миссии', 'мисси', 'сервис', 'мессенджер', 'соцсет', 'газет', 'еженедельник', 'ежедневник', 'телепрограмм',
      'премьера', 'премьеры', 'премьеру', 'премьерой', 'мероприяти', 'саммит', 'конференци', 'выставк', 'ярмарк', 'олимпиад', 'чемпионат', 'турнир', 'кубок', 'лиг', 'команд',
      'сборн', 'коллектив', 'ансамбл', 'оркестр', 'трио', 'квартет', 'дуэт', 'памятник', 'мемориал', 'монумент', 'площад', 'улиц',
      'проспект', 'парк', 'сквер', 'здани', 'дом', 'кафе', 'ресторан', 'бар', 'клиник', 'больниц', 'госпитал', 'школ', 'лице', 'гимнази',
    ].join('|') +
    // The stems take case endings only: `Маркса` is no `марка`, `блокаду` no `блок`.
    ')(?:[аеиоуыьюяй]|[аеиоуыя][йвмхюяе]|ами|ями|ого|его|ому|ему|ыми|ими)?$',
);
export function isNameNoun(low: string): boolean {
  return NAME_NOUNS.test(low);
}

/** Words addressed by the speaker, skipped when looking for who spoke: `заявил журналистам`. */
const ADDRESSEES = new Set([
  'журналистам', 'журналисту', 'репортерам', 'корреспонденту', 'корреспондентам', 'агентству', 'изданию', 'газете', 'телеканалу',
  'радиостанции', 'порталу', 'журналу', 'телеграм-каналу', 'интервью', 'собравшимся', 'участникам', 'депутатам', 'сенаторам', 'коллегам',
  'прессе', 'сми', 'брифинге', 'брифинга',
]);
/** Media names met right after a verb as addressees: `сообщил РИА Новости`. */
const MEDIA = new Set(['риа', 'новости', 'тасс', 'интерфакс', 'интерфаксу', 'ria', 'известиям', 'ведомостям', 'коммерсанту', 'ъ', 'rt', 'рбк', 'lenta', 'ru', 'газете', 'ru']);
export function isAddressee(low: string): boolean {
  return ADDRESSEES.has(low);
}
export function isMedia(low: string): boolean {
  return MEDIA.has(low);
}

export const PRONOUNS = new Map<string, 'm' | 'f' | 'pl'>([
  ['он', 'm'], ['она', 'f'], ['они', 'pl'],
]);
/** Possessive pronouns of `по его словам`. */
export const POSSESSIVES = new Map<string, 'm' | 'f' | 'pl'>([
  ['его', 'm'], ['ее', 'f'], ['их', 'pl'],
]);

/** Capitalised words that open sentences and are never names. */
const NOT_NAMES = new Set(
  (
    'как по в во на о об от от до для при с со у к ко из за под над без через после перед между также кроме ранее позже позднее затем ' +
    'однако но и а или это этот эта эти тот та те так такой там тут здесь сейчас теперь тогда сегодня вчера завтра впоследствии ' +
    'кроме вместе между тем при этом поэтому итак впрочем конечно возможно вероятно напомним отметим добавим мы я вы ты он она они оно ' +
    'его ее их наш наша наши ваш эту этого этой этом этим этих этому тому того той все всё весь вся каждый никто ничто некоторые многие один одна одно два три несколько если когда ' +
    'чтобы хотя пока где куда откуда почему зачем что кто чей который которая которые уже еще лишь только даже именно да нет не ни ' +
    'ну вот вот-вот особенно также-то среди вокруг против около вне внутри согласно благодаря вследствие ввиду помимо зато причем ' +
    'в частности кстати но ведь таким образом наконец сначала потом далее ниже выше недавно скоро вскоре прежде ежегодно новый новая ' +
    'российский российская американский американская китайский китайская глава министр президент посол ' +
    'было была были будет будут было бы ' +
    // Regions in the genitive after a role (`губернатор Ставрополья`), never a surname.
    'ставрополья приморья забайкалья подмосковья прикамья поволжья зауралья закавказья приднестровья причерноморья полесья'
  ).split(/\s+/),
);
export function isNeverName(low: string): boolean {
  return NOT_NAMES.has(low);
}

/** Words that name what was said, opening `в заявлении МИД`: the speaker is the genitive after them. */
const DOCUMENT_NOUNS = /^(?:резолюци|поздравлени|телеграмм|петици|постановлени|приговор|заявлени|сообщени|релиз|пресс-релиз|документ|коммюнике|нот|письм|послани|обращени|доклад|материал|декларац|комментари|публикаци|пост(?:е|а|ом)?$|канал|telegram|телеграм|телеграм-канал|аккаунт|соцсет|выступлени|ответ|статье|статья|блог|твит|микроблог|указ(?:е|ом)?$|закон(?:е|ом)?$|законопроект|записк|уведомлени|протокол|ордер(?:е|ом)?$|решени|определени|жалоб|иск(?:е|ом)?$)[а-я]*$/;
export function isDocumentNoun(low: string): boolean {
  return DOCUMENT_NOUNS.test(low);
}
