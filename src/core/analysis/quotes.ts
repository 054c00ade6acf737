// Quotes and their speakers in Russian news: direct speech in any quotation marks, indirect
// speech (`он отметил, что …`), and who said it. Pure; no 'vscode'. Linear in the text: one pass
// pairs quotation marks, one tokenizes, and every look-around is bounded by its sentence.
// The passes over the whole text test character codes and word keys only; token objects and
// strings are made where speech may be (a speech verb, a quotation mark, a role or a name).
import type { QuoteAnnotation, SpeakerAnnotation, SpeakerForm, TermAnnotation } from './types';
import { parseHeader } from '../text';
import {
  Tokens, KeySet, ROLE_KEYS, SPEECH_VERB_KEYS, fold, wordKey, isSpeechVerb, isImpersonalVerb, isClauseOnlyVerb, isGerund, verbGender, roleLemma, bodyLemma, BODY_BIGRAMS,
  isNameNoun, isAddressee, isMedia, PRONOUNS, POSSESSIVES, isNeverName, isDocumentNoun,
} from './speech';
import { Cast, type Gender, type Person, FIRST_NAME_KEYS, firstName, placeNominative, surnameGender, surnameKey } from './speakers';

export interface QuoteContext {
  /** Terms found by the glossary; organisation terms help recognise speaking bodies. */
  terms?: TermAnnotation[];
}

/** A pair of matching quotation marks at the top level (nested marks stay inside). */
interface MarkedSpan {
  open: number;
  /** Offset of the closing mark. */
  close: number;
}

/**
 * Pairs quotation marks. «» and „“ and ‘’ say which way they face; straight marks do not, so an
 * opening " is one that follows a space, a line start or an opening bracket/dash/colon and
 * precedes a word, and a closing one the reverse. A paragraph of a multi-paragraph quote opens
 * with « and only the last one closes; a quote may also simply run over one line break.
 */
export function pairQuotationMarks(text: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const stack: { mark: string; pos: number }[] = [];
  let breaks = 0;
  const n = text.length;
  const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\u00A0';
  // (After a sentence's end with no space, `…в сети Х."Как будто …`, a mark before a word opens: none closes before a letter.)
  const opensAfter = (c: string | undefined) => isSpace(c) || (c !== undefined && '([{:—–-«„/.!?'.includes(c));
  const isWordStart = (c: string | undefined) => c !== undefined && /[0-9A-Za-zА-Яа-яЁё«„'‘…(.[]/.test(c);
  const closesBefore = (c: string | undefined) => isSpace(c) || (c !== undefined && '.,;:!?)]}»“”—–-…*'.includes(c));
  const close = (at: number, pos: number) => {
    const open = stack[at];
    stack.length = at;
    if (at === 0) spans.push({ open: open.pos, close: pos });
  };
  const find = (marks: string) => {
    for (let k = stack.length - 1; k >= 0; k--) if (marks.includes(stack[k].mark)) return k;
    return -1;
  };
  const MARKS = /[«»„“”‘’"'\n]/g;
  // `test` moves `lastIndex` past the mark without building a match object.
  while (MARKS.test(text)) {
    let i = MARKS.lastIndex - 1;
    const c = text[i];
    switch (c) {
      case '\n': {
        if (stack.length === 0) break;
        // Skip blank lines and spaces to the next paragraph's first character.
        let j = i + 1;
        while (j < n && isSpace(text[j])) j++;
        // A line a page wrapped inside a sentence (`…с США` / `по данному вопросу`) is no paragraph.
        if (j === i + 1 && /[a-zа-яё,]/.test(text[i - 1] ?? '') && /[a-zа-яё]/.test(text[j] ?? '')) break;
        const bottom = stack[0];
        if (bottom.mark === '«' && text[j] === '«' && !hasClosingBefore(text, j + 1, '«', '»')) {
          // Continuation of a multi-paragraph quote: its opening mark does not nest.
          stack.length = 1;
          i = j;
          MARKS.lastIndex = j + 1;
          breaks = 0;
          break;
        }
        stack.length = 1;
        if (++breaks > 1) stack.length = 0;
        break;
      }
      case '«':
      case '„':
        // A mark alone on its line is a page's debris, opening nothing.
        if ((i === 0 || text[i - 1] === '\n') && (text[i + 1] === '\n' || text[i + 1] === '\r')) break;
        if (stack.length === 0) breaks = 0;
        stack.push({ mark: c, pos: i });
        break;
      case '»': {
        const k = find('«');
        if (k >= 0) close(k, i);
        break;
      }
      case '“': {
        const top = stack[stack.length - 1];
        if (top && top.mark === '„') close(stack.length - 1, i);
        else if (opensAfter(text[i - 1]) && isWordStart(text[i + 1])) {
          if (stack.length === 0) breaks = 0;
          stack.push({ mark: '“', pos: i });
        } else {
          const k = find('“„');
          if (k >= 0) close(k, i);
        }
        break;
      }
      case '”': {
        const k = find('“„');
        if (k >= 0) close(k, i);
        break;
      }
      case '‘':
        if (stack.length === 0) breaks = 0;
        stack.push({ mark: '‘', pos: i });
        break;
      case '’': {
        const k = find('‘');
        if (k >= 0 && closesBefore(text[i + 1])) close(k, i);
        break;
      }
      case '"':
      case "'": {
        const top = stack[stack.length - 1];
        const prev = text[i - 1];
        const next = text[i + 1];
        // Wiki markup ('' or """) and apostrophes inside words are no quotation marks.
        if (c === "'" && (prev === "'" || next === "'" || (/[A-Za-zА-Яа-яЁё]/.test(prev ?? '') && /[A-Za-zА-Яа-яЁё]/.test(next ?? '')))) break;
        // (A space typed before a closing mark, `другое дело ".`, when punctuation follows it.)
        const canClose = (!isSpace(prev) || (next !== undefined && '.,;:!?'.includes(next))) && closesBefore(next);
        const canOpen = opensAfter(prev) && isWordStart(next);
        if (top && top.mark === c && canClose) close(stack.length - 1, i);
        else if (canOpen) {
          if (stack.length === 0) breaks = 0;
          stack.push({ mark: c, pos: i });
        } else if (canClose) {
          const k = find(c);
          if (k >= 0) close(k, i);
        }
        break;
      }
      default:
        break;
    }
  }
  // A quotation still open where the text ends, which ends with a sentence: an excerpt cut inside the
  // quotation. It runs to the last sentence's final mark, which stands in for the closing one.
  if (stack.length > 0) {
    const open = stack[0].pos;
    let last = n - 1;
    while (last > open && isSpace(text[last])) last--;
    if (last - open > 20 && last - open <= UNCLOSED_MAX && '.!?…'.includes(text[last]) && text[last - 1] !== '.') spans.push({ open, close: last });
  }
  return spans.sort((a, b) => a.open - b.open);
}

/** The longest quotation left open at the end of a text that is taken as one. */
const UNCLOSED_MAX = 1500;

/** True when the paragraph starting at `from` closes a quote before opening another (so its « is no continuation). */
function hasClosingBefore(text: string, from: number, open: string, closing: string): boolean {
  let depth = 0;
  for (let i = from; i < text.length && text[i] !== '\n'; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === closing) {
      if (depth === 0) return false;
      depth--;
    }
  }
  return false;
}

const DASHES = new Set(['—', '–', '-', '―', '−']);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const COMMA = 0x2c;
const HYPHEN = 0x2d;
const FULL_STOP = 0x2e;
const APOSTROPHE = 0x27;
/** The key of the word `что`, compared before the word itself where every token is tried. */
const THAT_KEY = wordKey('что');

function isDash(c: number): boolean {
  return c === 0x2014 || c === 0x2013 || c === HYPHEN || c === 0x2015 || c === 0x2212;
}
function isSentenceEnd(c: number): boolean {
  return c === FULL_STOP || c === 0x21 || c === 0x3f || c === 0x2026;
}
/** `,` `!` `?` `…` — what ends the words of a quote before the author's. */
function endsQuotedWords(c: number): boolean {
  return c === COMMA || c === 0x21 || c === 0x3f || c === 0x2026;
}
const PREPOSITIONS = new Set(['в', 'во', 'на', 'из', 'с', 'со', 'к', 'ко', 'у', 'о', 'об', 'от', 'до', 'для', 'при', 'по', 'за', 'под', 'над', 'через', 'после', 'перед', 'между', 'без', 'против', 'около', 'среди', 'вместе']);
const ABBREVIATIONS = new Set(['г', 'гг', 'им', 'т', 'д', 'ул', 'стр', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'ст', 'п', 'пп', 'ч', 'см', 'др', 'проф', 'акад', 'ген', 'св', 'пр', 'с', 'н', 'э', 'вв', 'в', 'кв', 'км']);
const ABBREVIATION_KEYS = new KeySet(ABBREVIATIONS);
/** `по делам`, `по правам`, `по вопросам` continue a role: `уполномоченный по правам человека`. */
const MATTERS = new Set(['делам', 'правам', 'вопросам']);
/** Verbs with which a headline gives someone's word: `«Пузырь»: Пашинян оценил …`. */
const HEADLINE_VERBS = /^(?:оценил|оценила|оценили|назвал|назвала|назвали|высказался|высказалась|высказались|пошутил|пошутила|ответил|ответила|ответили|раскрыл|раскрыла|раскрыли)$/;
/** Verbs of a medium relaying someone's words: `передает ТАСС`, `пишет Reuters`. */
const RELAY_VERBS = /^(?:пишет|пишут|передает|передаёт|передают|сообщает|сообщают|информирует)$/;
/** Kinds of outlet before its name: `интервью телерадиокомпании Yle`, `газете «Известия»`. */
const OUTLET_NOUNS = /^(?:телерадиокомпании|телекомпании|телеканалу|телеканала|радиостанции|газете|газеты|изданию|издания|агентству|агентства|журналу|журнала|порталу|портала)$/;
/** `посол в республике`: a country named by a common noun after `в`. */
const PLACES_IN = /^(?:республике|стране|регионе|королевстве|княжестве|федерации|штате|эмирате)$/;
/** First words of the two-word bodies (`белый` of `Белый дом`). */
const BODY_BIGRAM_STARTS = new Set([...BODY_BIGRAMS.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));
/** Words that may open a sentence before `Как сообщил X, …`. */
const OPENERS = new Set(['а', 'но', 'и', 'однако', 'ранее', 'также']);
const OPENER_KEYS = new KeySet(OPENERS);
const GEO_GENITIVE = new Set([
  'китая', 'израиля', 'египта', 'ирана', 'ирака', 'казахстана', 'узбекистана', 'таджикистана', 'туркменистана', 'киргизстана', 'пакистана',
  'афганистана', 'азербайджана', 'катара', 'омана', 'йемена', 'бахрейна', 'судана', 'вьетнама', 'лаоса', 'непала', 'кувейта', 'алжира',
  'польши', 'украины', 'литвы', 'кубы', 'ливии', 'сирии', 'москвы', 'киева', 'вашингтона', 'пекина', 'минска', 'брюсселя', 'вены', 'женевы',
  'лондона', 'парижа', 'берлина', 'токио', 'кремля', 'госдумы', 'совфеда', 'совбеза', 'евросоюза', 'госдепартамента', 'госдепа', 'пентагона',
  'ватикана', 'европарламента', 'бундестага', 'сената', 'конгресса', 'парламента', 'правительства', 'минобороны', 'минфина', 'мида',
  'ливана', 'туниса', 'чада', 'мали', 'нигера', 'перу', 'чили', 'эквадора', 'гондураса', 'сальвадора', 'гаити', 'бангладеш', 'непала',
  'таиланда', 'тайваня', 'донбасса', 'крыма', 'кавказа', 'ближнего', 'востока', 'запада', 'севера', 'юга', 'европы', 'азии', 'африки', 'америки',
  // Names that do not decline.
  'косово', 'того', 'конго', 'монако', 'сомали', 'бурунди', 'зимбабве', 'фиджи', 'палау', 'науру', 'тувалу', 'самоа', 'кабо-верде', 'буркина-фасо',
]);

interface NP {
  first: number;
  /** Inclusive. */
  last: number;
  form: SpeakerForm;
  /** Token range of the personal name within the phrase. */
  nameFirst?: number;
  roleFirst?: number;
  roleLast?: number;
  gender?: Gender | 'pl';
  /** Body lemma of the head word. */
  bodyHead?: string;
  /** `в сообщении`, `в заявлении полиции`: a document that speaks for the body named last. */
  refersBack?: boolean;
}

interface Attribution {
  np?: NP;
  /** The speech verb (for gender agreement). */
  verb?: number;
  /** Name in an oblique case: `по словам Люкманова`. */
  oblique: boolean;
}

interface FoundQuote {
  start: number;
  end: number;
  direct: boolean;
  innerStart?: number;
  innerEnd?: number;
  attribution?: Attribution;
  /** Unattributed direct speech: may take the speaker of the quote just before it. */
  follows?: boolean;
  /** Quoted words inside a sentence (`назвал его «…»`), not a quotation standing on its own. */
  inline?: boolean;
  /** Taken into the indirect clause around it: reported as that clause, not on its own. */
  absorbed?: boolean;
  /** The speaker phrase it is attributed to, once speakers are resolved. */
  speaker?: SpeakerEntry;
}

/** A speaker phrase found in the text, as annotated, and as parsed. */
interface SpeakerEntry {
  ann: SpeakerAnnotation;
  np: NP;
}

class Analyzer {
  readonly tokens: Tokens;
  /** First token index of each sentence. */
  readonly sentenceStarts: number[] = [];
  /** For each token, the index of the marked span it lies inside (or -1). */
  readonly inSpan: Int32Array;
  /** Where the title of the header line (` date YYYY-MM-DD Title`) starts, or -1. */
  readonly titleStart: number;
  readonly spans: MarkedSpan[];
  /** Token index of each span's opening and closing mark. */
  readonly spanOpenTok: number[] = [];
  readonly spanCloseTok: number[] = [];
  /** Span opened or closed by a token, plus one, by token index (0: none; no fill needed). */
  private readonly spanOpenedAt: Int32Array;
  private readonly spanClosedAt: Int32Array;
  /** Token indices of the commas, in order: where reported speech can turn. */
  readonly commas: number[] = [];
  /** Token indices of the colons, in order. */
  readonly colons: number[] = [];
  /** Token indices where lines start: the first token, and each one after a line break. */
  readonly lineStarts: number[] = [];
  /** Inside `«…, — сказал он, — …»` the author's words lie within the marks. */
  insideMarks = false;
  /** Offsets covered by organisation terms from the glossary. */
  private readonly orgTermStarts = new Set<number>();

  constructor(
    readonly text: string,
    context: QuoteContext,
  ) {
    this.tokens = new Tokens(text);
    this.spans = pairQuotationMarks(text);
    for (const t of context.terms ?? []) if (t.category === 'organisation') this.orgTermStarts.add(t.start);
    this.inSpan = placeInSpans(this.tokens, this.spans, this.spanOpenTok, this.spanCloseTok);
    this.spanOpenedAt = new Int32Array(this.tokens.count);
    this.spanClosedAt = new Int32Array(this.tokens.count);
    // (A span whose mark starts no token has no entry.)
    this.spanOpenTok.forEach((tok, s) => (this.spanOpenedAt[tok] = s + 1));
    this.spanCloseTok.forEach((tok, s) => (this.spanClosedAt[tok] = s + 1));
    const header = parseHeader(text);
    this.titleStart = header ? header.end - header.title.length : -1;
    splitSentences(this.tokens, this.inSpan, this.titleStart, this.sentenceStarts, this.commas, this.colons, this.lineStarts);
  }

  /** The span the token at i opens, or -1. */
  opensSpan(i: number): number {
    return i >= 0 && i < this.tokens.count ? this.spanOpenedAt[i] - 1 : -1;
  }
  /** The span the token at i closes, or -1. */
  closesSpan(i: number): number {
    return i >= 0 && i < this.tokens.count ? this.spanClosedAt[i] - 1 : -1;
  }

  /** Index of the sentence of the token at i (binary search). */
  sentenceOf(i: number): number {
    const starts = this.sentenceStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  sentenceStartOf(i: number): number {
    return this.sentenceStarts[this.sentenceOf(i)];
  }
  sentenceEndOf(i: number): number {
    const next = this.sentenceStarts[this.sentenceOf(i) + 1];
    return next === undefined ? this.tokens.count : next;
  }

  masked(i: number): boolean {
    return !this.insideMarks && this.inSpan[i] >= 0;
  }

  /** `С.` of `С. Лавров`. */
  isInitial(i: number): boolean {
    const toks = this.tokens;
    return toks.isCap(i) && toks.ends[i] - toks.starts[i] === 1 && toks.mark(i + 1) === FULL_STOP && toks.starts[i + 1] === toks.ends[i] && this.nameWord(i + 2, true);
  }

  /** `И` of `Ван И`: a one-letter name part that is no initial. */
  oneLetter(i: number): boolean {
    const toks = this.tokens;
    return toks.isCap(i) && toks.ends[i] - toks.starts[i] === 1 && !this.masked(i) && !this.isInitial(i);
  }

  isWord(i: number): boolean {
    return this.tokens.isWord(i);
  }

  /** A speech verb at i (`заявил`, `отметила`). */
  speechVerbAt(i: number): boolean {
    const toks = this.tokens;
    if (toks.is(i, 'указано')) {
      // `В документе указано, что`, `письмо, в котором указано`: a text's wording; `на визитках было
      // указано`, `ценник, на котором указано` are not.
      for (let k = i - 1; k >= 0 && k >= i - 4 && toks.isWord(k); k--) {
        const inIt = toks.is(k - 1, 'в') || toks.is(k - 1, 'во');
        if (inIt && isDocumentNoun(toks.low(k))) return true;
        if (inIt && /^(?:котором|которой)$/.test(toks.low(k)) && toks.mark(k - 2) === COMMA) {
          // The document may come a few words before: `сообщение об отзыве лицензии на сайте ЦБ, в котором`.
          for (let d = k - 3; d >= 0 && d >= k - 10 && !isSentenceEnd(toks.mark(d)); d--) if (toks.isWord(d) && isDocumentNoun(toks.low(d))) return true;
        }
      }
      return false;
    }
    return toks.mayBe(i, SPEECH_VERB_KEYS) && isSpeechVerb(toks.low(i));
  }

  /** A role head noun at i (`министр`, `главы`). */
  roleAt(i: number): boolean {
    return this.tokens.mayBe(i, ROLE_KEYS) && roleLemma(this.tokens.low(i)) !== undefined;
  }

  /** A word that can be part of a personal name. */
  private nameWord(i: number, relaxed = false): boolean {
    const toks = this.tokens;
    // Both readings want a capitalised word (so one that starts with no digit).
    if (!toks.isCap(i)) return false;
    const low = toks.low(i);
    if (relaxed && !toks.isAcronym(i) && toks.length(i) > 1 && !this.masked(i)) return !isNeverName(low);
    if (toks.isAcronym(i) || this.masked(i)) return false;
    if (isNeverName(low) || bodyLemma(low) || roleLemma(low) || isMedia(low)) return false;
    // `Петербургского международного форума`, `в Дальневосточном федеральном округе`: a capitalised
    // adjective out of the nominative before the lower-case words it qualifies.
    if (/(?:ск|цк|н)(?:ого|ому|ом|ой|ых)$/.test(low) && toks.isWord(i + 1) && !toks.isCap(i + 1) && !this.speechVerbAt(i + 1) && !PAST_TENSE.test(toks.low(i + 1))) return false;
    if (this.orgTermStarts.has(toks.starts[i])) return false;
    return true;
  }

  /** A capitalised known first name out of the nominative: `Павлу`, `Валентиной`, `Сергея`. */
  private obliqueFirstName(i: number): boolean {
    if (!this.isWord(i) || !this.tokens.isCap(i)) return false;
    const low = this.tokens.low(i);
    const first = firstName(low);
    return first !== undefined && first.lemma !== low;
  }

  /** The run of name words starting at i (with initials `С.`), or -1. */
  private nameRun(i: number, limit: number): number {
    let j = i;
    let last = -1;
    // `с Валентиной Матвиенко Захарова`, `журналисту Павлу Зарубину Ушаков`: after a first name out of
    // the nominative, a surname in the nominative is someone else's (`Сергея Лаврова` is one man).
    const low = this.isWord(i) ? this.tokens.low(i) : '';
    const obliqueFirst = this.obliqueFirstName(i);
    const genitiveMale = obliqueFirst && firstName(low)?.gender === 'm' && /[ая]$/.test(low);
    while (j < limit && j - i < 6) {
      if (obliqueFirst && j > i) {
        const g = surnameGender(this.tokens.low(j));
        if (g === 'm' || (g === 'f' && !genitiveMale)) break;
      }
      if (this.isInitial(j)) {
        last = j + 1;
        j += 2;
        continue;
      }
      // `Ван И`: a one-letter part after a name (not an initial, which has its full stop).
      const letter = last >= 0 && this.oneLetter(j);
      if (letter || (this.nameWord(j) && (this.tokens.length(j) > 1 || last >= 0))) {
        last = j;
        j++;
        continue;
      }
      // `Мухаммед бен Абдель Рахман Аль Тани`, `Луис Инасиу Лула да Силва`, `Урсула фон дер Ляйен`: the
      // particles of foreign names between their capitalised words.
      if (last >= 0 && this.isWord(j) && !this.tokens.isCap(j) && NAME_PARTICLES.has(this.tokens.low(j))) {
        let p = j;
        while (p < limit && p - j < 2 && this.isWord(p) && !this.tokens.isCap(p) && NAME_PARTICLES.has(this.tokens.low(p))) p++;
        if (p < limit && this.nameWord(p)) {
          j = p;
          continue;
        }
      }
      break;
    }
    return last;
  }

  /** A word inside a role's or body's genitive complement: `МИД РФ`, `иностранных дел`, `при ООН`. */
  private complementWord(i: number, limit: number): boolean {
    const toks = this.tokens;
    // `президент Южно-Африканской Республики (ЮАР) Сирил Рамафоса`: an acronym in brackets.
    if (i < limit && toks.mark(i) === 0x28 && toks.isAcronym(i + 1) && toks.mark(i + 2) === 0x29) return true;
    if (i < limit && toks.mark(i) === 0x29 && toks.isAcronym(i - 1) && toks.mark(i - 2) === 0x28) return true;
    if (i >= limit || !toks.isWord(i) || this.masked(i)) return false;
    if (toks.isAcronym(i)) return true;
    const low = toks.low(i);
    if (isSpeechVerb(low) || PRONOUNS.has(low) || low === 'что' || low === 'который' || low === 'которая') return false;
    const next = i + 1;
    if (low === 'при') return toks.isWord(next);
    // (`посол РФ в Сербии`, `посол в республике`.)
    if (low === 'в' || low === 'во') return (toks.isCap(next) && !bodyLemma(toks.low(next))) || PLACES_IN.test(toks.low(next));
    if ((toks.is(i - 1, 'в') || toks.is(i - 1, 'во')) && PLACES_IN.test(low)) return true;
    // `сказал глава диппредставительства журналистам`: whom he told is no part of who he is.
    if (isAddressee(low)) return false;
    // (`по атомной энергии`, `по правам человека`: a dative adjective or a noun of matters.)
    if (low === 'по') return toks.isWord(next) && (toks.isCap(next) || /(?:ым|им|ему|ому|ой|ей)$/.test(toks.low(next)) || MATTERS.has(toks.low(next)));
    // (`департамента полиции и пограничной охраны Эстонии`: a genitive adjective too.)
    if (low === 'и') return toks.isWord(next) && !toks.isCap(next) && /(?:и|ы|а|я|ов|ей|ых|их|ой|ого|его)$/.test(toks.low(next)) && this.complementWord(next, limit);
    if (PREPOSITIONS.has(low)) return false;
    if (toks.isCap(i)) return true;
    if (low === 'дел') return true;
    // Verbs and gerunds end the phrase: `министр выступил`, `заявил глава МИД, выступая`.
    if (/(?:л|ла|ло|ли|ет|ют|ит|ят|ется|ются|лся|лась|лись|ть|ться|вшись|ая|яя)$/.test(low) && !/(?:ая|яя)$/.test(low)) return false;
    if (/(?:ая|яя)$/.test(low)) return false;
    // (`в Дальневосточном федеральном округе`: a noun in the prepositional after its adjective.)
    if (/[^аеиоуыэюяё](?:е|и)$/.test(low) && toks.isWord(i - 1) && /(?:ом|ем)$/.test(toks.low(i - 1))) return true;
    // (`государств`, `ведомств`, `стран`: genitive plurals with no ending.)
    return /(?:ых|их|ым|им|ого|его|ой|ей|ии|ти|ства|ств|ента|ета|ата|ов|ев|а|я|ы|и|ам|ям|ях|ах|ом|ем)$|^стран$/.test(low);
  }

  /** Adjectives before a role head: `официальный представитель`, `бразильский министр`. */
  private roleAdjectives(i: number, limit: number): number {
    let j = i;
    const toks = this.tokens;
    while (j < limit && j - i < 3 && this.isWord(j) && /(?:ый|ий|ой|ая|яя|ого|его|ому|ему|ым|им|ую|юю|ей)$/.test(toks.low(j)) && !roleLemma(toks.low(j))) j++;
    return j < limit && j > i && this.isWord(j) && roleLemma(toks.low(j)) ? j : -1;
  }

  /** Parses a speaker phrase starting at token i and ending before `limit`. */
  parseNP(i: number, limit: number, sentenceInitial = false): NP | undefined {
    const toks = this.tokens;
    if (i < limit && !this.insideMarks) {
      // A newspaper by its name alone: `«Коммерсант» отмечает`, `"Известия" уверены`.
      const sp = this.opensSpan(i);
      const close = sp >= 0 ? this.spanCloseTok[sp] : -1;
      if (close > i + 1 && close - i <= 5 && close < limit && toks.isCap(i + 1)) return { first: i, last: close, form: 'body', bodyHead: toks.textOf(i + 1), gender: 'pl' };
    }
    if (i >= limit || !toks.isWord(i) || this.masked(i)) return undefined;
    const low = toks.low(i);
    const g = PRONOUNS.get(low);
    if (g) return { first: i, last: i, form: 'pronoun', gender: g };
    if ((low === 'в' || low === 'во') && i + 1 < limit) {
      const body = this.parseBody(i + 1, limit);
      if (body) return body;
      // `в Иране считают`: a place right before the verb speaks for its government.
      if (i + 2 === limit && toks.isCap(i + 1) && !this.masked(i + 1) && !isNeverName(toks.low(i + 1))) return { first: i + 1, last: i + 1, form: 'body', bodyHead: toks.textOf(i + 1), gender: 'pl' };
      return undefined;
    }
    // `один из источников`: an anonymous member of a group.
    if (/^(?:один|одна|одного|одной)$/.test(low) && toks.is(i + 1, 'из') && i + 2 < limit) {
      let k = i + 2;
      while (k < limit && toks.isWord(k) && !this.masked(k) && !this.speechVerbAt(k) && k < i + 7) k++;
      if (k > i + 2) return { first: i, last: k - 1, form: 'role', roleFirst: i, roleLast: k - 1 };
    }
    const body = this.parseBody(i, limit);
    if (body) return body;
    const headAt = roleLemma(low) ? i : this.roleAdjectives(i, limit);
    if (headAt >= 0) {
      let k = headAt + 1;
      // `заместитель министра`, `глава департамента`: role heads may chain.
      // (A role in the nominative after another is someone else: `с президентом России премьер-министр Индии`.)
      for (;;) {
        if (k < limit && (this.complementWord(k, limit) || (this.isWord(k) && !toks.isCap(k) && this.roleAt(k) && obliqueRoleWord(toks.low(k))))) {
          if (this.nameStartsAt(k, limit)) break;
          k++;
          continue;
        }
        // `лидер движения «Ансар Аллах» Абдель Малик аль-Хуси`, `движения «Талибан»*`: a name in
        // quotation marks (and a footnote's star) inside the complement.
        const sp = k > headAt + 1 && k < limit && this.isWord(k - 1) ? this.opensSpan(k) : -1;
        const close = sp >= 0 ? this.spanCloseTok[sp] : -1;
        if (close > k + 1 && close - k <= 6 && close < limit && this.masked(k + 1)) {
          k = close + 1;
          if (toks.mark(k) === 0x2a) k++;
          continue;
        }
        // `министр иностранных дел Катара шейх Мухаммед …`: an honorific before the name.
        if (k + 1 < limit && this.isWord(k) && /^(?:шейх|принц|принцесса|султан|эмир|король|королева|кардинал|патриарх|митрополит|архиепископ)$/.test(toks.low(k)) && this.nameStartsAt(k + 1, limit)) k++;
        break;
      }
      let roleLast = k - 1;
      // A trailing run of capitalised words: its end is the name, its start the complement.
      let nameFirst = -1;
      let nameLast = -1;
      if (k < limit && this.nameStartsAt(k, limit)) {
        nameFirst = k;
        nameLast = this.nameRun(k, limit);
      } else {
        let r = roleLast;
        while (r > headAt && (this.nameWord(r) || (r === roleLast && this.oneLetter(r) && this.nameWord(r - 1)))) r--;
        // `представитель Обамы`: one capitalised genitive after the role is its complement.
        const lone = r === roleLast - 1 && /(?:ы|и|ого|его|ой|ей)$/.test(toks.low(roleLast));
        // (`посол страны в Москве`: capitalised words after a preposition are a place, not a name.)
        const place = r === roleLast - 1 && toks.isWord(r) && PREPOSITIONS.has(toks.low(r));
        if (r < roleLast && !lone && !place) {
          let f = r + 1;
          const first = this.firstKnownName(f, roleLast);
          if (first >= 0) f = first;
          else while (f <= roleLast && this.isComplementName(f)) f++;
          // `посол Сингапура Лим Вэй`: a country in the genitive (-а, -я), then a two-word name in the nominative.
          if (first < 0 && roleLast - f === 2 && /[ая]$/.test(toks.low(f)) && !firstName(toks.low(f)) && !/[ая]$/.test(toks.low(roleLast))) f++;
          // (`посол африканского государства в Москве Бенсон Огуту`: the place after the preposition, then the name.)
          else if (first < 0 && f === r + 1 && roleLast > f && toks.isWord(r) && PREPOSITIONS.has(toks.low(r))) f++;
          if (f <= roleLast && roleLast - f > 2) f = roleLast - 1;
          if (f <= roleLast) {
            nameFirst = f;
            nameLast = roleLast;
            roleLast = f - 1;
          }
        }
      }
      if (nameFirst >= 0 && nameLast >= nameFirst) return { first: i, last: nameLast, form: 'name', nameFirst, roleFirst: i, roleLast };
      return { first: i, last: roleLast, form: 'role', roleFirst: i, roleLast };
    }
    if (this.isInitial(i) || (this.nameWord(i) && !(sentenceInitial && !this.plausibleInitialName(i, limit)))) {
      const last = this.nameRun(i, limit);
      if (last >= 0) return { first: i, last, form: 'name', nameFirst: i };
    }
    return undefined;
  }

  private parseBody(i: number, limit: number): NP | undefined {
    const toks = this.tokens;
    if (!toks.isWord(i) || this.masked(i)) return undefined;
    const low = toks.low(i);
    let head: string | undefined;
    let k = i + 1;
    if (BODY_BIGRAM_STARTS.has(low) && toks.isWord(i + 1) && i + 1 < limit) {
      const bigram = BODY_BIGRAMS.get(low + ' ' + toks.low(i + 1));
      if (bigram) {
        head = bigram;
        k = i + 2;
      }
    }
    if (!head && low === 'пресс-служба') head = 'пресс-служба';
    if (!head) {
      const b = bodyLemma(low);
      if (b) head = b;
      else if ((toks.isAcronym(i) && !(toks.length(i) <= 3 && /^(?:РФ|США|КНР|ЕС|ООН)$/.test(toks.textOf(i)))) || this.orgTermStarts.has(toks.starts[i])) head = toks.textOf(i);
      else if (/^агентств/.test(low) && toks.isCap(i + 1)) head = 'агентство';
    }
    if (!head) return undefined;
    // Media after `агентство`: `агентство Reuters`.
    while (k < limit && this.complementWord(k, limit)) k++;
    return { first: i, last: k - 1, form: 'body', bodyHead: head, gender: 'pl' };
  }

  private nameStartsAt(k: number, limit: number): boolean {
    if (this.isInitial(k)) return true;
    if (!this.nameWord(k)) return false;
    if (firstName(this.tokens.low(k))) return true;
    // An initial: `С. Лавров`.
    if (this.isInitial(k)) return true;
    void limit;
    return false;
  }

  private firstKnownName(from: number, to: number): number {
    for (let k = from; k <= to; k++) if (firstName(this.tokens.low(k))) return k;
    return -1;
  }

  /** A capitalised word that is the complement of a role, not a name: `Турции`, `Китая`, `Госдумы`. */
  private isComplementName(k: number): boolean {
    const low = this.tokens.low(k);
    return /(?:ии|ой|ого|ей|его)$/.test(low) || GEO_GENITIVE.has(low);
  }

  /** A capitalised word opening a sentence is a name only with support. */
  private plausibleInitialName(i: number, limit: number): boolean {
    const toks = this.tokens;
    const low = toks.low(i);
    if (firstName(low)) return true;
    if (this.knownKeys.has(surnameKey(toks.low(i)))) return true;
    if (/(?:ов|ев|ин|ын|ский|цкий|ова|ева|ина|ская|цкая|енко|ук|юк|ян|янц|швили|дзе|вич)$/.test(low)) return true;
    if (toks.isCap(i + 1) && this.nameWord(i + 1)) return true;
    // `Миллер во время заседания … заявил`: a word that speaks elsewhere in the article (`Миллер отметил:`).
    if (speaksElsewhere(this, i)) return true;
    // `Шольц сказал`: a singular verb right after it.
    // (The verb itself lies at the limit when the phrase is parsed as its subject.)
    for (let k = i + 1; k <= limit && k < i + 3; k++) {
      if (!toks.isWord(k)) break;
      if (this.speechVerbAt(k)) return verbGender(toks.low(k)) !== 'pl';
    }
    return false;
  }

  /** Surname keys of people introduced with a first name or role anywhere in the text. */
  knownKeys = new Set<string>();
  /** Words looked up by `speaksElsewhere`. */
  readonly speaksCache = new Map<string, boolean>();

  /** The speaker of a verb from the words before it in its sentence (subject position). */
  subjectBefore(verb: number): NP | undefined {
    const toks = this.tokens;
    const s = this.sentenceStartOf(verb);
    // `В комментариях СМИ он подчёркивал`, `На своей странице ВКонтакте он сообщает`: a pronoun
    // right before the verb is its subject, whatever names the circumstances before it hold.
    let near = verb - 1;
    while (near > s && toks.isWord(near) && ADVERBS.has(toks.low(near))) near--;
    // `генсеку НАТО Рютте, который ранее заявил`: the relative pronoun's antecedent speaks.
    // `Лукашенко подчеркнул, что … и назвал теории «…»`: a verb joined by `и` to an earlier one of the
    // same form shares its subject.
    const joined = toks.is(verb - 1, 'и') ? verb - 1 : toks.is(verb - 1, 'также') && toks.is(verb - 2, 'а') ? verb - 2 : -1;
    if (joined > s && PAST_TENSE.test(toks.low(verb))) {
      const g = verbGender(toks.low(verb));
      for (let k = joined - 1; k > s; k--) {
        if (!toks.isWord(k) || this.inSpan[k] >= 0 || !(this.speechVerbAt(k) || NAMING_VERBS.has(toks.low(k))) || isGerund(toks.low(k))) continue;
        // (`…, — написала Жоли и уточнила, что`: the first verb's subject may follow it.)
        if (verbGender(toks.low(k)) === g) return this.subjectBefore(k) ?? (isImpersonalVerb(toks.low(k)) ? undefined : this.speakerAfter(k, joined));
        break;
      }
    }
    // `В нём поясняется`: the document just named speaks.
    if (near > s && (toks.is(near - 1, 'в') || toks.is(near - 1, 'во')) && isImpersonalVerb(toks.low(verb))) {
      const g = IN_IT.get(toks.low(near));
      if (g) return { first: near - 1, last: near, form: 'pronoun', gender: g };
    }
    let rel = near;
    while (rel > s && toks.isWord(rel) && ADVERBS_OF_TIME.has(toks.low(rel))) rel--;
    if (rel > s + 1 && /^(?:который|которая|которые|которое)$/.test(toks.low(rel)) && toks.mark(rel - 1) === COMMA) {
      for (let j = Math.max(s, rel - 8); j < rel - 1; j++) {
        const np = this.parseNP(j, rel - 1);
        if (np && np.last === rel - 2 && np.form !== 'pronoun') return np;
      }
    }
    if (near > s && toks.isWord(near) && this.inSpan[near] < 0) {
      const g = PRONOUNS.get(toks.low(near));
      // (Not one of a pair, `Он и она заявили`, and agreeing with the verb.)
      const vg = verbGender(toks.low(verb));
      // (After a word, or a name's closing mark: `В интервью РИА «Новости» он отметил`.)
      const prevOk = toks.isWord(near - 1) ? !PREPOSITIONS.has(toks.low(near - 1)) && !/^(?:и|а|или)$/.test(toks.low(near - 1)) : this.closesSpan(near - 1) >= 0;
      if (g && prevOk && (vg === undefined || vg === g)) {
        return { first: near, last: near, form: 'pronoun', gender: g };
      }
    }
    // `группировка «Исламское государство» (ИГ) назвала`: an acronym in brackets right before the verb is who speaks.
    // (The full name before the brackets when it reads as one: `Financial Times (FT) писало`.)
    if (toks.mark(verb - 1) === 0x29 && toks.mark(verb - 3) === 0x28 && toks.isAcronym(verb - 2)) {
      const full = this.subjectBefore(verb - 3);
      return full && full.last === verb - 4 && full.form !== 'pronoun' ? full : { first: verb - 2, last: verb - 2, form: 'body', bodyHead: toks.textOf(verb - 2) };
    }
    // The clause of the verb first (`…, однако врачи надеются`), then the whole sentence
    // (`Лавров, выступая на форуме, заявил`).
    const clause = this.clauseStartOf(verb, s);
    if (clause > s) {
      let k = clause;
      while (k < verb && toks.mayBe(k, OPENER_KEYS) && OPENERS.has(toks.low(k))) k++;
      const near = k < verb ? this.subjectFrom(k, verb, false) : undefined;
      if (near) return near;
    }
    // A subject is found within some forty words of its verb; a longer run (a text with no sentence
    // ends) is not read whole for every verb in it.
    const from = Math.max(s, verb - 80);
    return this.subjectFrom(from, verb, from === s) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : this.plainSubjectBefore(verb, from));
  }

  /**
   * A common noun right before the verb and agreeing with it, as its subject: `В мае пара объявила`,
   * `Девушки, в свою очередь, утверждают`, `Движение «Талибан» заявило` — when no name, role or body is there.
   */
  private plainSubjectBefore(verb: number, s: number): NP | undefined {
    const toks = this.tokens;
    const verbLow = toks.low(verb);
    let k = verb - 1;
    // Adverbs between subject and verb: `юбиляр скромно признаётся`.
    // (Not neuter nouns in -ство: `В понедельник начальство заявило`.)
    while (k > s && toks.isWord(k) && (ADVERBS.has(toks.low(k)) || (/[а-яё]{4,}о$/.test(toks.low(k)) && !/ство$/.test(toks.low(k)) && !toks.isCap(k)))) k--;
    // `, в свою очередь,`: a parenthesis of a few words between the subject and its verb.
    if (k > s && toks.mark(k) === COMMA) {
      let j = k - 1;
      while (j > s && toks.isWord(j) && k - j <= 4) j--;
      if (toks.mark(j) === COMMA && this.inSpan[j] < 0) k = j - 1;
    }
    const last = k;
    // `Движение «Талибан»`: a name in quotation marks after the noun it names.
    const named = k > s ? this.closesSpan(k) : -1;
    if (named >= 0) {
      const open = this.spanOpenTok[named];
      if (open === undefined || open - 1 < s) return undefined;
      k = open - 1;
    }
    if (this.inSpan[k] >= 0) return undefined;
    // `Многие считают`, `Несколько торговых сетей объявили`, `Большинство из них … заявили`: a
    // quantity of people opening the clause.
    const clauseStart = this.clauseStartOf(verb, s);
    // The quantity is of people when a plural or neuter verb follows and it stands alone, before
    // `из` or before genitive plurals (`Несколько торговых сетей`), not before `лет назад`.
    const next = toks.low(clauseStart + 1);
    if (toks.isWord(clauseStart) && QUANTIFIERS.test(toks.low(clauseStart)) && verb - clauseStart <= 6 && /(?:ли|ло|ют|ят|ут|ат|лись|лось)$/.test(verbLow) &&
      (clauseStart + 1 === verb || next === 'из' || /(?:ов|ев|ей|ых|их)$/.test(next))) {
      let end = clauseStart + 1;
      while (end < verb && toks.isWord(end) && !/(?:ли|ла|ло|ют|ят)$/.test(toks.low(end)) && !/^(?:назад|спустя|тому)$/.test(toks.low(end))) end++;
      if (end < verb && /^(?:назад|спустя|тому)$/.test(toks.low(end))) return undefined;
      return { first: clauseStart, last: end - 1, form: 'role' };
    }
    if (k < s || !toks.isWord(k) || toks.isCap(k) !== (k === s)) return undefined;
    // `новый глава столичной полиции сказала`, `сайт талибов заявил`: the head before a genitive tail.
    // Genitives often look like subjects themselves (`девушка футболиста рассказала`), so the head is
    // the leftmost word that agrees, before a tail of words that all read as genitives.
    let head = -1;
    for (let h = k; h >= s && k - h <= 3 && toks.isWord(h) && this.inSpan[h] < 0 && toks.isCap(h) === (h === s) && !PREPOSITIONS.has(toks.low(h)); h--) {
      const agrees = h === k ? nounAgrees(toks.low(h), verbLow) : nounAgrees(toks.low(h), verbLow, false);
      // (Not an adverb, `Вчера жена заявила`, nor a preposition's object.)
      if (agrees && !ADVERBS.has(toks.low(h)) && !ADVERBS_OF_TIME.has(toks.low(h)) && !PREPOSITIONS.has(toks.low(h - 1))) head = h;
      if (!GENITIVE.test(toks.low(h))) break;
    }
    if (head < 0) return undefined;
    k = head;
    const headLow = toks.low(k);
    if (PRONOUNS.has(headLow) || isSpeechVerb(headLow) || /^[0-9]/.test(headLow)) return undefined;
    let first = k;
    // Adjectives before the noun (`японские СМИ`), but not a preposition's object (`Перед стрельбой нападавший`).
    while (first - 1 >= s && toks.isWord(first - 1) && this.inSpan[first - 1] < 0 && k - first < 2 && /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.test(toks.low(first - 1)) && !PREPOSITIONS.has(toks.low(first - 2))) first--;
    // The noun opens its clause: the sentence's start, a comma, a conjunction, or after a phrase
    // with a preposition (`В мае пара объявила`, `На вопрос следователя задержанный заявил`).
    const before = first - 1;
    let opens = before < s || toks.mark(before) === COMMA || (toks.isWord(before) && /^(?:и|а|но|однако|назад|спустя)$/.test(toks.low(before))) || ADVERBS_OF_TIME.has(toks.low(before));
    for (let j = before; !opens && j >= s && before - j < 3 && toks.isWord(j) && this.inSpan[j] < 0; j--) {
      if (PREPOSITIONS.has(toks.low(j))) opens = j < before;
    }
    if (!opens) return undefined;
    return { first, last, form: 'role' };
  }

  /** The first token of the clause of token i: after the last comma before it, or the sentence start s. */
  private clauseStartOf(i: number, s: number): number {
    const toks = this.tokens;
    let k = i;
    while (k > s && !(toks.mark(k - 1) === COMMA && this.inSpan[k - 1] < 0)) k--;
    return k;
  }

  private subjectFrom(s: number, verb: number, sentenceStart: boolean): NP | undefined {
    const toks = this.tokens;
    // A document named before a subject of the verb's own (`В своём первом заявлении после назначения
    // новый глава полиции сказала`): the subject speaks; the document only when no one else does.
    let document: NP | undefined;
    for (let k = s; k < verb; k++) {
      if (this.inSpan[k] >= 0) continue;
      if (!toks.isWord(k)) {
        const sp = this.opensSpan(k);
        // `«Известия» уверены`: a name in quotation marks; words said (`«Я имею три цели», сказал`) are no subject.
        const close = this.spanCloseTok[sp];
        const saidBefore = close !== undefined && isDash(toks.mark(close + (toks.mark(close + 1) === COMMA ? 2 : 1)));
        if (sp >= 0 && !saidBefore && (k === s || toks.mark(k - 1) === COMMA) && countUpTo(NON_SPACE_RUNS, this.text.slice(this.spans[sp].open + 1, this.spans[sp].close), 5) <= 3) {
          const np = this.parseNP(k, verb);
          if (np) return np;
        }
        continue;
      }
      const low = toks.low(k);
      // `В ответ на это министр сообщил`: a compound preposition and its object are circumstances.
      if ((low === 'в' || low === 'во') && toks.isWord(k + 1) && COMPOUND_PREPOSITION_NOUNS.has(toks.low(k + 1))) continue;
      if (COMPOUND_PREPOSITION_NOUNS.has(low) && (toks.is(k - 1, 'в') || toks.is(k - 1, 'во'))) {
        if (toks.isWord(k + 1) && PREPOSITIONS.has(toks.low(k + 1))) k += 2;
        continue;
      }
      // `В его заявлении говорилось`: the document of the person the pronoun stands for.
      if ((low === 'в' || low === 'во') && POSSESSIVES.has(toks.low(k + 1)) && this.isWord(k + 2) && isDocumentNoun(toks.low(k + 2))) {
        return { first: k + 1, last: k + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.low(k + 1)) };
      }
      const doc = this.documentAfter(k);
      if (doc >= 0) {
        // `В заявлении МИД говорится`: the body named after the document, else the document itself.
        let j = doc + 1;
        while (j < verb && this.isWord(j) && !toks.isCap(j) && /(?:ом|ем|ой|ей)$/.test(toks.low(j))) j++;
        const body = this.parseNP(j, verb);
        if (body) return body;
        const genitives = this.genitivesUpTo(doc + 1, verb);
        document ??= this.documentNP(doc, Math.max(doc, genitives - 1));
        if (genitives >= verb) return document;
        k = genitives - 1;
        continue;
      }
      if (this.isWord(k + 1) && isDocumentNoun(toks.low(k + 1)) && /(?:ом|ем)$/.test(low)) return undefined;
      const afterPreposition = k > s && toks.isWord(k - 1) && PREPOSITIONS.has(toks.low(k - 1));
      if (afterPreposition && toks.isCap(k) && !bodyLemma(low)) continue;
      const np = this.parseNP(k, verb, k === s && sentenceStart);
      if (np) {
        if (np.form === 'body' && low !== 'в' && low !== 'во' && afterPreposition) continue;
        // `на переговорах с президентом России премьер-министр Индии … заявил`: a person after a
        // preposition is a circumstance; the subject comes after.
        // (`в беседе с журналистами Богданов рассказал`: a surname in the nominative after the role is the subject.)
        if (afterPreposition && (np.form === 'role' || np.form === 'name') && np.last + 1 < verb) {
          k = np.form === 'name' && np.roleLast !== undefined && np.nameFirst !== undefined && surnameGender(toks.low(np.last)) ? np.roleLast : np.last;
          continue;
        }
        if (afterPreposition && np.form === 'name' && np.roleLast !== undefined && np.nameFirst !== undefined && np.last + 1 === verb && surnameGender(toks.low(np.last))) {
          return { first: np.nameFirst, last: np.last, form: 'name', nameFirst: np.nameFirst };
        }
        // `На фоне выступления премьер-министра Нетаниягу президент США Дональд Трамп заявил`: a role
        // out of the nominative is someone's complement when a role in it stands right before the verb.
        // (So is a body after a noun: `на полях саммита ШОС премьер-министр Индии заявил`.)
        const complement = np.form === 'body' && k > s && toks.isWord(k - 1) && !toks.isCap(k - 1) && /(?:а|я|е|и|ы)$/.test(toks.low(k - 1)) && !this.speechVerbAt(k - 1);
        if (np.last + 1 < verb && (complement || obliqueRole(this, np))) {
          const adjacent = this.roleRightBefore(np.last + 1, verb);
          if (adjacent) return adjacent;
        }
        return np;
      }
    }
    return document ?? this.plainSubject(s, verb);
  }

  /** A role in the nominative, with or without a name, that ends right before the verb and starts at or after from. */
  private roleRightBefore(from: number, verb: number): NP | undefined {
    const toks = this.tokens;
    for (let j = from; j < verb && j >= verb - 10; j++) {
      if (!toks.isWord(j) || roleLemma(toks.low(j)) !== toks.low(j)) continue;
      const np = this.parseNP(j, verb);
      if (np && np.last === verb - 1 && (np.form === 'role' || np.form === 'name')) return np;
    }
    return undefined;
  }

  /**
   * The few words before the verb, when they are all that stands there: `Медики предупреждают`,
   * `В Читинской епархии сообщили` (a place of speaking, with a plural verb).
   */
  private plainSubject(s: number, verb: number): NP | undefined {
    const toks = this.tokens;
    if (verb <= s || !this.speechVerbAt(verb) || isImpersonalVerb(toks.low(verb))) return undefined;
    // `Ранее полицейские сообщали`, `однако врачи надеются`.
    while (s < verb && toks.mayBe(s, OPENER_KEYS) && OPENERS.has(toks.low(s))) s++;
    if (verb <= s) return undefined;
    for (let k = s; k < verb; k++) if (!toks.isWord(k) || this.inSpan[k] >= 0 || /^[0-9]/.test(toks.textOf(k))) return undefined;
    const low = toks.low(s);
    // (`На Украине заявили`, `на Западе считают`: `на` with a capitalised place.)
    if ((low === 'в' || low === 'во' || (low === 'на' && toks.isCap(s + 1))) && verb - s >= 2 && verb - s <= 5 && verbGender(toks.low(verb)) === 'pl') {
      // (`В России не раз заявляли`: the adverbs before the verb are no part of the place.)
      let last = verb - 1;
      while (last > s + 1 && (ADVERBS.has(toks.low(last)) || ADVERBS_OF_TIME.has(toks.low(last)) || /^(?:раз|не|неоднократно|часто|давно|всегда|прямо|открыто|официально|тоже)$/.test(toks.low(last)))) last--;
      return { first: s + 1, last, form: 'role' };
    }
    if (verb - s > 3 || PREPOSITIONS.has(low) || isNeverName(low) || OPENERS.has(low)) return undefined;
    for (let k = s; k < verb; k++) if (ADVERBS.has(toks.low(k))) return undefined;
    return { first: s, last: verb - 1, form: 'role' };
  }

  /** A news agency as the speaker right after its verb: `…, передает РИА Новости`, `пишет Reuters`. */
  mediaAfter(verb: number, limit: number): NP | undefined {
    const toks = this.tokens;
    let k = verb + 1;
    // Capitalised words and media names, their quotation marks, and the dot of `Lenta.ru`.
    const glued = (i: number) => toks.mark(i) === FULL_STOP && gluedBetweenWords(toks, i);
    const inName = (i: number) =>
      (toks.isWord(i) && (toks.isCap(i) || isMedia(toks.low(i)) || glued(i - 1))) || isGuillemetOrStraight(toks.mark(i)) || this.masked(i) || glued(i);
    while (k < limit && inName(k)) k++;
    // `Как сообщает «МК»`: the name may open with its quotation mark.
    const first = isGuillemetOrStraight(toks.mark(verb + 1)) && toks.isWord(verb + 2) ? verb + 2 : verb + 1;
    if (k === verb + 1 || !toks.isWord(first)) return undefined;
    return { first, last: isGuillemetOrStraight(toks.mark(k - 1)) && k - 2 >= first ? k - 2 : k - 1, form: 'body', bodyHead: toks.textOf(first), gender: 'pl' };
  }

  /** A document as the source of what it says: `в резолюции говорится`. */
  documentNP(k: number, last = k): NP | undefined {
    // `говорится в сообщении`, `отмечается в заявлении правоохранительных органов`: the words are
    // the document's, and it speaks for the body named last (a document is no one's name).
    if (!isDocumentNoun(this.tokens.low(k))) return undefined;
    return { first: k, last, form: 'body', bodyHead: this.tokens.textOf(k), gender: 'pl', refersBack: true };
  }

  /** `в заявлении`, `в совместном заявлении` at k: the document noun's index, or -1. */
  documentAfter(k: number): number {
    const toks = this.tokens;
    if (!toks.is(k, 'в') && !toks.is(k, 'во')) return -1;
    // `в сообщении`, `в совместном заявлении`, `в своём поздравительном письме`, `в тексте заявления`.
    for (let d = k + 1; d <= k + 3 && this.isWord(d); d++) {
      if (isDocumentNoun(toks.low(d))) return d;
      if (!/(?:ом|ем)$/.test(toks.low(d)) && !toks.is(d, 'тексте')) break;
    }
    return -1;
  }

  /** The end of the genitive words from i that complete a document's name: `заявлении правоохранительных органов`. */
  genitivesUpTo(i: number, limit: number): number {
    const toks = this.tokens;
    while (i < limit && toks.isWord(i) && /(?:ых|их|ов|ев|а|я|ы|и|ей|ой)$/.test(toks.low(i)) && !isSpeechVerb(toks.low(i)) && !toks.is(i, 'также')) i++;
    return i;
  }

  /**
   * A common noun phrase ending the clause after the verb, when nothing better was found:
   * `…, сообщил в четверг регулятор`, `…, сообщают израильские СМИ`. Up to three words, without
   * a preposition's object (`в четверг`).
   */
  plainNounAfter(verb: number, limit: number): NP | undefined {
    const toks = this.tokens;
    if (limit - verb > 8) return undefined;
    for (let k = verb + 1; k < limit; k++) if (!toks.isWord(k) || (this.inSpan[k] >= 0 && !this.insideMarks) || isSpeechVerb(toks.low(k)) || toks.is(k, 'что')) return undefined;
    const plain = (k: number) => k > verb && !PREPOSITIONS.has(toks.low(k)) && !(k - 1 > verb && PREPOSITIONS.has(toks.low(k - 1))) && !/^[0-9]/.test(toks.textOf(k));
    // `— писал инвестиционный управляющий в одной из книг`: the subject right after the verb, before the circumstances.
    let run = verb + 1;
    // Skip the addressee and adverbs (`— рассказала вчера на встрече пенсионерка`): no one is `вчера`.
    const adverb = (k: number) => ADVERBS.has(toks.low(k)) || ADVERBS_OF_TIME.has(toks.low(k));
    while (run < limit && (isAddressee(toks.low(run)) || adverb(run))) run++;
    const runStart = run;
    while (run < limit && plain(run) && !PREPOSITIONS.has(toks.low(run))) run++;
    if (run > runStart && run < limit && run - runStart <= 3 && PREPOSITIONS.has(toks.low(run))) return { first: runStart, last: run - 1, form: 'role' };
    if (limit - 1 <= verb || !plain(limit - 1)) return undefined;
    let first = limit - 1;
    while (limit - first < 3 && plain(first - 1)) first--;
    return { first, last: limit - 1, form: 'role' };
  }

  /** The speaker after a verb: `заявил журналистам директор … Артур Люкманов`. */
  speakerAfter(verb: number, limit: number): NP | undefined {
    const toks = this.tokens;
    let k = verb + 1;
    let afterPreposition = false;
    while (k < limit) {
      if (!toks.isWord(k)) {
        const m = toks.mark(k);
        if (this.masked(k) || skippedBeforeSpeaker(toks, k, m)) {
          k++;
          continue;
        }
        return undefined;
      }
      if (this.masked(k)) {
        k++;
        continue;
      }
      const low = toks.low(k);
      // `заявил в интервью телерадиокомпании Yle президент страны`: the interview and its outlet, then who spoke.
      if ((low === 'в' || low === 'во') && toks.is(k + 1, 'интервью')) {
        k += 2;
        if (k < limit && toks.isWord(k) && (OUTLET_NOUNS.test(toks.low(k)) || isMedia(toks.low(k)))) k++;
        while (k < limit && ((toks.isWord(k) && toks.isCap(k) && !this.nameStartsAt(k, limit) && !roleLemma(toks.low(k))) || isGuillemetOrStraight(toks.mark(k)) || this.masked(k))) k++;
        continue;
      }
      if (isAddressee(low) || isMedia(low)) {
        k++;
        // A media name after the addressee: `телеканалу «Россия 24»`, `агентству Reuters`.
        // A surname in the nominative is the speaker, not a medium: `журналисту Ушаков`.
        // (After people told, `журналистам Мацей Вевиор`, Cyrillic capitalised words are who spoke.)
        const mediaNoun = isMedia(low);
        const medium = (j: number) =>
          (mediaNoun ? toks.isCap(j) || isMedia(toks.low(j)) : /^[A-Za-z]/.test(toks.textOf(j)) || isMedia(toks.low(j))) && !this.nameStartsAt(j, limit) && !roleLemma(toks.low(j)) && !surnameGender(toks.low(j));
        while (k < limit && (this.masked(k) || (toks.isWord(k) && medium(k)) || isGuillemetOrStraight(toks.mark(k)))) k++;
        continue;
      }
      const doc = this.documentAfter(k);
      if (doc >= 0) {
        let j = doc + 1;
        while (j < limit && this.isWord(j) && !toks.isCap(j) && /(?:ом|ем|ой|ей)$/.test(toks.low(j))) j++;
        if (j < limit && this.isWord(j) && isMedia(toks.low(j))) return undefined;
        // `заявил в интервью телерадиокомпании Yle президент страны`: the outlet, then who spoke.
        if (j < limit && this.isWord(j) && OUTLET_NOUNS.test(toks.low(j))) {
          let m = j + 1;
          while (m < limit && ((toks.isWord(m) && toks.isCap(m) && !this.nameStartsAt(m, limit)) || isGuillemetOrStraight(toks.mark(m)) || this.masked(m))) m++;
          const who = m > j + 1 ? this.parseNP(m, limit) : undefined;
          if (who && who.form !== 'body') return who;
        }
        return this.parseNP(j, limit) ?? this.documentNP(doc, Math.max(doc, this.genitivesUpTo(doc + 1, limit) - 1));
      }
      if (isSpeechVerb(low) || low === 'что') return undefined;
      // `журналисту Павлу Зарубину Ушаков`, `с Валентиной Матвиенко Захарова`: a person named with a
      // first name out of the nominative is an addressee or an object, not the subject; skip the name.
      // (`цитирует РИА «Новости» Леонида Слуцкого`: the one quoted is the object.)
      if (this.obliqueFirstName(k) && !toks.low(verb).startsWith('цитир')) {
        k = Math.max(k, this.nameRun(k, limit)) + 1;
        afterPreposition = false;
        continue;
      }
      if (!afterPreposition) {
        const np = this.parseNP(k, limit);
        if (np) return np;
      }
      // `сообщило в четверг посольство …`: a day ends the circumstance, and who spoke may follow.
      // `в своем Telegram-канале`, `в официальном аккаунте`: a determiner or adjective before the noun keeps the phrase open.
      if (afterPreposition && !toks.isCap(k) && /^(?:сво|мо|тво|наш|ваш|официальн|личн|собственн|нов|последн|недавн|очередн)[а-яё]*(?:ом|ем|ём|ой|ей|их|ых)$/.test(low)) {
        k++;
        continue;
      }
      // A preposition's object ends the phrase at a word in an oblique case, or at a day (`сообщило в
      // четверг посольство …`), after which who spoke may follow.
      if (PREPOSITIONS.has(low)) afterPreposition = true;
      else if (!afterPreposition || toks.isCap(k) || /^(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)$/.test(low)) afterPreposition = false;
      else afterPreposition = !/(?:ах|ях|е|и|ом|ем|ой|ей|у|ю)$/.test(low);
      k++;
      // `, сообщило в пятницу, 24 мая, Министерство …`: a date set off by commas, then who spoke.
      const dateEnd = k === limit ? commaDateEnd(toks, k) : -1;
      if (dateEnd > 0) {
        k = dateEnd + 1;
        limit = this.clauseEnd(k);
      }
    }
    return undefined;
  }

  /**
   * Who speaks in the main clause before a gerund (`…, сообщили правоохранители, добавив, что`): the
   * subject of the sentence's last finite speech verb before it, before or after that verb.
   */
  mainClauseSpeaker(gerund: number): NP | undefined {
    const toks = this.tokens;
    const s = this.sentenceStartOf(gerund);
    for (let v = gerund - 1; v >= s; v--) {
      if (!toks.isWord(v) || this.inSpan[v] >= 0 || !this.speechVerbAt(v) || isGerund(toks.low(v))) continue;
      const limit = this.clauseEnd(v + 1);
      // `…, сообщило агентство MAP, добавив, что`: a verb after a comma has its subject after it.
      if (toks.mark(v - 1) === COMMA) {
        const after = this.speakerAfter(v, limit) ?? this.mediaAfter(v, limit);
        if (after) return after;
      }
      return this.subjectBefore(v) ?? this.speakerAfter(v, limit) ?? this.mediaAfter(v, limit) ?? this.plainNounAfter(v, limit);
    }
    return undefined;
  }

  /**
   * `Байдена, заявившего, что …`: a participle of a verb of speech at v, after a comma, speaks for
   * the person named right before the comma. That person, or undefined.
   */
  participleSpeaker(v: number): NP | undefined {
    const toks = this.tokens;
    if (!toks.isWord(v) || toks.mark(v - 1) !== COMMA) return undefined;
    const m = /^(.+)вш(?:ий|его|ему|им|ем|ая|ей|ую|ие|их|ими)$/.exec(toks.low(v));
    if (!m || !isSpeechVerb(m[1] + 'л')) return undefined;
    for (let first = v - 2; first >= 0 && first >= v - 5 && toks.isWord(first); first--) {
      const np = this.parseNP(first, v - 1);
      if (np && np.last === v - 2 && np.form !== 'pronoun') return np;
    }
    return undefined;
  }

  /** The press (`в прессе`, `в СМИ`) is named among tokens from (inclusive) to (exclusive). */
  mentionsPress(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.tokens.isWord(k) && /^(?:прессе|прессу|печати|сми)$/.test(this.tokens.low(k))) return true;
    return false;
  }

  /** A comma outside quotation marks between tokens from (inclusive) and to (exclusive). */
  commaBetween(from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (this.tokens.mark(k) === COMMA && this.inSpan[k] < 0) return true;
    return false;
  }

  /** The last speech verb of the sentence before token p (outside quotation marks), or -1. */
  speechVerbBefore(p: number): number {
    const st = this.sentenceStartOf(p);
    for (let v = p - 1; v >= st; v--) if (this.isWord(v) && this.inSpan[v] < 0 && this.speechVerbAt(v)) return v;
    return -1;
  }

  /** Who speaks the words after `сказал:` (the colon at p). */
  attributeBeforeColon(verb: number, p: number): Attribution {
    const impersonal = isImpersonalVerb(this.tokens.low(verb));
    return { np: impersonal ? this.subjectBefore(verb) : this.subjectBefore(verb) ?? this.speakerAfter(verb, p), verb, oblique: false };
  }

  /** The sentence of token i reports speech: a speech verb, `назвал`, `по словам`, `по информации` outside quotation marks. */
  reportsSpeech(i: number): boolean {
    const toks = this.tokens;
    const end = this.sentenceEndOf(i);
    for (let k = this.sentenceStartOf(i); k < end; k++) {
      if (!toks.isWord(k) || this.inSpan[k] >= 0) continue;
      if (this.speechVerbAt(k) || (toks.mayBe(k, SPEECH_CUE_KEYS) && SPEECH_CUES.has(toks.low(k)))) return true;
    }
    return false;
  }

  /** A speech verb (or `назвал`) one or two words before the token at i. */
  followsSpeechVerb(i: number): boolean {
    const toks = this.tokens;
    for (let k = i - 1; k >= i - 2 && k >= 0; k--) {
      if (!toks.isWord(k) || this.inSpan[k] >= 0) return false;
      if (this.speechVerbAt(k) || (toks.mayBe(k, SPEECH_CUE_KEYS) && SPEECH_CUES.has(toks.low(k)))) return true;
    }
    return false;
  }

  /** `назвал`, `охарактеризовала`, `сочли` up to four words before the token at i, with the object between. */
  followsNamingVerb(i: number, inner: string): boolean {
    const toks = this.tokens;
    // `обвинил ОБСЕ в «гибридной войне»`: what someone accuses of is in the accuser's words.
    if ((toks.is(i - 1, 'в') || toks.is(i - 1, 'во')) && /^(?:обвинил|обвинила|обвинили|обвиняет|обвиняют)$/.test(toks.low(i - 3))) return true;
    // `признал его виновным в «…»`: what follows a preposition is no name given to anything.
    if (PREPOSITIONS.has(toks.low(i - 1))) return false;
    // `назвал их «возмутительными» и «необоснованными»`: the second of a pair is named as the first is.
    if ((toks.is(i - 1, 'и') || toks.is(i - 1, 'или') || toks.mark(i - 1) === COMMA) && this.closesSpan(i - 2) >= 0) {
      const sp = this.closesSpan(i - 2);
      const open = this.spanOpenTok[sp];
      if (open !== undefined && open > 0 && this.followsNamingVerb(open, this.text.slice(this.spans[sp].open + 1, this.spans[sp].close))) return true;
    }
    // (`назвал российского лидера Владимира Путина «убийцей»`: a role and a full name between.)
    for (let k = i - 1, words = 0; k >= 0 && words < 8; k--) {
      if (!toks.isWord(k) || this.inSpan[k] >= 0) return false;
      words++;
      const low = toks.low(k);
      // `объявили «режим самоизоляции»` names a measure; `объявлены «предателями»` calls someone something.
      if (DECLARING.has(low)) return declaresAs(inner);
      if (NAMING_VERBS.has(low)) return true;
      // (`авторы резолюции называют «…»`: `называют` with its subject named, not a nickname, `его называют «…»`.)
      if ((low === 'называют' || low === 'называли') && toks.isWord(k - 1) && !/^(?:его|ее|её|их|так|часто|иногда|нередко|также|уже|все|многие|и|а|но|же|ещё|еще)$/.test(toks.low(k - 1)) && !PREPOSITIONS.has(toks.low(k - 2))) return true;
    }
    return false;
  }

  /** Who said words quoted inside a sentence: `по словам X`, `как выразился X`, or the subject of its speech verb. */
  attributeInSentence(i: number): Attribution | undefined {
    const toks = this.tokens;
    // A window around i, so that a text with no sentence ends is not read whole for each quotation.
    const st = Math.max(this.sentenceStartOf(i), i - 150);
    const end = Math.min(this.sentenceEndOf(i), i + 150);
    let verb = -1;
    for (let k = st; k < end; k++) {
      if (!toks.isWord(k) || this.inSpan[k] >= 0) continue;
      if (isSourcePreposition(toks, k) && k < i) {
        const pronoun = POSSESSIVES.get(toks.low(k + 1));
        const noun = pronoun ? (toks.is(k + 2, 'собственным') ? k + 3 : k + 2) : k + 1;
        if (toks.mayBe(noun, SPEECH_CUE_KEYS) && SOURCE_NOUNS.has(toks.low(noun))) {
          if (pronoun) return { np: { first: k + 1, last: k + 1, form: 'pronoun', gender: pronoun }, oblique: true };
          const comma = findComma(this, noun + 1, end);
          const np = this.parseNP(noun + 1, comma < 0 ? Math.min(end, noun + 6) : comma) ?? this.subjectBefore(noun + 1);
          return { np, oblique: true };
        }
      }
      if (toks.is(k, 'как') && (this.speechVerbAt(k + 1) || SPEECH_CUES.has(toks.low(k + 1))) && k < i) {
        const comma = findComma(this, k + 2, end);
        return { np: this.speakerAfter(k + 1, comma < 0 ? end : comma), verb: k + 1, oblique: false };
      }
      if (verb < 0 || k < i) if (this.speechVerbAt(k) || (toks.mayBe(k, SPEECH_CUE_KEYS) && SPEECH_CUES.has(toks.low(k)))) verb = k;
    }
    if (verb < 0) return undefined;
    // `«…», — и добавил, что «…»`: no subject of its own; the one who spoke before goes on.
    const goesOn = toks.is(verb - 1, 'и') && isDash(toks.mark(verb - 2)) ? previousSpeaker(this, verb) : undefined;
    const np = goesOn ?? this.subjectBefore(verb) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : this.speakerAfter(verb, this.clauseEnd(verb + 1)));
    return { np, verb, oblique: false };
  }

  /** End of a clause: the next comma, sentence end, dash or line break (exclusive token index). */
  clauseEnd(from: number): number {
    const end = this.sentenceEndOf(from);
    const toks = this.tokens;
    for (let k = from; k < end; k++) {
      if (this.inSpan[k] >= 0) continue;
      const m = toks.mark(k);
      if (toks.isBreak(k) || m === COMMA || m === 0x3b || m === 0x3a || isSentenceEnd(m) || (isDash(m) && m !== HYPHEN)) return k;
    }
    return end;
  }
}

/**
 * For each token, the top-level span it lies inside (or -1); records each span's opening and
 * closing tokens. Every whole-text pass is a small function of its own, which the engine
 * optimises early.
 */
function placeInSpans(toks: Tokens, spans: MarkedSpan[], openTok: number[], closeTok: number[]): Int32Array {
  const n = toks.count;
  const starts = toks.starts;
  const inSpan = new Int32Array(n).fill(-1);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i];
    while (s < spans.length && spans[s].close < start) s++;
    if (s === spans.length) break;
    const sp = spans[s];
    if (start === sp.open) openTok[s] = i;
    if (start === sp.close) closeTok[s] = i;
    if (start > sp.open && start < sp.close) inSpan[i] = s;
  }
  return inSpan;
}

/**
 * Sentence starts (at line breaks, the title, and sentence-final marks before a capital, outside
 * quotation marks), and in the same pass the commas, the colons and the starts of lines.
 */
function splitSentences(toks: Tokens, inSpan: Int32Array, titleStart: number, sentenceStarts: number[], commas: number[], colons: number[], lineStarts: number[]): void {
  const n = toks.count;
  const starts = toks.starts;
  const text = toks.text;
  sentenceStarts.push(0);
  if (n > 0) lineStarts.push(0);
  if (toks.mark(0) === COMMA) commas.push(0);
  else if (toks.mark(0) === 0x3a) colons.push(0);
  for (let i = 1; i < n; i++) {
    const m = toks.mark(i);
    if (m === COMMA) commas.push(i);
    else if (m === 0x3a) colons.push(i);
    const afterBreak = toks.isBreak(i - 1);
    if (afterBreak) lineStarts.push(i);
    let brk = false;
    if (starts[i] === titleStart) brk = true;
    else if (inSpan[i] < 0 && inSpan[i - 1] < 0) {
      if (afterBreak) brk = true;
      else if (isSentenceEnd(toks.mark(i - 1)) && !(toks.mark(i - 1) === FULL_STOP && gluedBetweenWords(toks, i - 1) && !missingSpace(toks, i - 1))) {
        // (`В.Зубков`, `Lenta.ru`: a full stop between two words with no space ends nothing.)
        const first = text.charCodeAt(starts[i]);
        if (toks.isCap(i) || m === 0xab || m === 0x22 || isDash(m) || (first >= 0x30 && first <= 0x39)) {
          const w = i - 2;
          let abbrev = toks.isWord(w) && toks.ends[w] === starts[i - 1] && ((toks.ends[w] - starts[w] === 1 && toks.isCap(w)) || (toks.mayBe(w, ABBREVIATION_KEYS) && ABBREVIATIONS.has(toks.low(w))));
          // `в 2013 г. Премьер …`: the year's `г.` may end a sentence (`г. Москва` has no number before it).
          if (abbrev && toks.isCap(i) && (toks.is(w, 'г') || toks.is(w, 'гг')) && /^[0-9]{4}$/.test(toks.textOf(w - 1))) abbrev = false;
          if (!abbrev) brk = true;
        }
      }
    }
    if (!brk) continue;
    sentenceStarts.push(i);
    // `Москва. 8 марта. ИНТЕРФАКС - Россия …`, `8 сентября. INTERFAX.RU - …`: an agency's dateline ends before the news does.
    const dash = toks.mark(i + 1) === FULL_STOP && gluedBetweenWords(toks, i + 1) ? i + 3 : i + 1;
    if (toks.isAcronym(i) && isDash(toks.mark(dash)) && toks.isCap(dash + 1) && datelineBefore(toks, sentenceStarts)) {
      sentenceStarts.push(dash + 1);
      i = dash + 1;
    } else if (toks.isCap(i) && toks.mark(i + 1) === 0x28 && toks.isAcronym(i + 2) && toks.mark(i + 3) === 0x29 && isDash(toks.mark(i + 4)) && toks.isCap(i + 5)) {
      // `CentralAsia (KZ) - Президент …`: an agency and its country before the news.
      sentenceStarts.push(i + 5);
      i += 5;
    }
  }
}

/** The sentence before the last one started is a date (`8 марта.`), as a dateline's is. */
function datelineBefore(toks: Tokens, sentenceStarts: number[]): boolean {
  const n = sentenceStarts.length;
  if (n < 2) return false;
  const from = sentenceStarts[n - 2];
  const to = sentenceStarts[n - 1];
  let words = 0;
  let number = false;
  for (let k = from; k < to; k++) {
    if (!toks.isWord(k)) continue;
    words++;
    if (/^[0-9]{1,2}$/.test(toks.textOf(k))) number = true;
  }
  return number && words <= 3;
}

/**
 * People introduced anywhere (role + name, first name + surname): they support later mentions.
 * A loop over every word, kept apart in a small function that the engine optimises early.
 */
function findIntroductions(a: Analyzer): { pos: number; np: NP }[] {
  const toks = a.tokens;
  const introductions: { pos: number; np: NP }[] = [];
  let roleNext = a.roleAt(0);
  for (let i = 0; i < toks.count; i++) {
    const role = roleNext;
    roleNext = a.roleAt(i + 1);
    if (!toks.isWord(i) || a.inSpan[i] >= 0) continue;
    const candidate =
      role ||
      (toks.isCap(i) && toks.isCap(i + 1) && toks.mayBe(i, FIRST_NAME_KEYS) && firstName(toks.low(i)) !== undefined) ||
      (roleNext && /(?:ый|ий|ой)$/.test(toks.low(i)));
    if (!candidate) continue;
    const np = a.parseNP(i, a.sentenceEndOf(i));
    if (np && np.form === 'name' && np.nameFirst !== undefined) {
      introductions.push({ pos: toks.starts[np.nameFirst], np });
      a.knownKeys.add(surnameKey(toks.low(np.last)));
      i = np.last;
      roleNext = a.roleAt(i + 1);
    }
  }
  return introductions;
}

const WORDS = /[A-Za-zА-Яа-яЁё0-9]+/g;
const NON_SPACE_RUNS = /\S+/g;

/** How many matches of a global `re` the text has, counting no further than `max` (and making no match objects). */
function countUpTo(re: RegExp, text: string, max: number): number {
  re.lastIndex = 0;
  let n = 0;
  while (n < max && re.test(text)) n++;
  re.lastIndex = 0;
  return n;
}

/** Words that open with a capital letter, `min` of them at least: `Надпись гласит: «Имя твоё неизвестно …»`. */
function capitalisedWords(inner: string, min: number): boolean {
  const at = inner.search(/[A-Za-zА-Яа-яЁё]/);
  return at >= 0 && inner[at] !== inner[at].toLowerCase() && countUpTo(LETTER_WORDS, inner, min) >= min;
}
const LETTER_WORDS = /[A-Za-zА-Яа-яЁё]+/g;


/** Nouns that introduce the words said: `со словами «…»`, `с призывом «…»`. */
const WORDS_NOUNS = new Set(['словами', 'слова', 'фразой', 'фразу', 'фраза', 'призывом', 'лозунгом', 'лозунгами', 'возгласом', 'криком', 'криками']);

/** Words that open in lower case, `min` of them at least. */
function lowerCaseWords(inner: string, min: number): boolean {
  const at = inner.search(/[A-Za-zА-Яа-яЁё]/);
  return at >= 0 && inner[at] !== inner[at].toUpperCase() && countUpTo(LETTER_WORDS, inner, min) >= min;
}

/** `как «тихого и спокойного»` (but `известный как «…»` gives a nickname). */
function characterises(toks: Tokens, openTok: number): boolean {
  if (!toks.is(openTok - 1, 'как')) return false;
  // `такие слова, как «…»` lists examples; `известен как «…»` gives a nickname.
  const before = toks.mark(openTok - 2) === COMMA ? toks.low(openTok - 3) : toks.low(openTok - 2);
  return !/^(?:известн|известен|именуем|так$|такие$|такой$|такая$|такое$|таких$|таким$)/.test(before) && !(toks.mark(openTok - 2) === COMMA && /^(?:слов|термин|выражени|поняти|фраз)/.test(before));
}

/**
 * `, что отсрочка «уместна».`: the quotation ends the reported sentence after a subject of three
 * words or fewer (no verb among them: `что собирается подышать «…»` is a clause with a quoted part).
 */
function endsReportAfterShortSubject(a: Analyzer, openTok: number, closeTok: number): boolean {
  const toks = a.tokens;
  if (!(endsSentence(a, closeTok) || speakerGoesOn(toks, closeTok + 1)) || PREPOSITIONS.has(toks.low(openTok - 1))) return false;
  for (let k = openTok - 1, words = 0; k >= 0 && words <= 3; k--) {
    if (!toks.isWord(k) || a.inSpan[k] >= 0) return false;
    if (toks.is(k, 'что')) return words > 0 && (toks.mark(k - 1) === COMMA || a.speechVerbAt(k - 1)) && !toks.is(k - 2, 'напомним');
    if (/(?:ть|ться|ла|ли|ло|ет|ёт|ит|ют|ят|ут|ся|сь)$/.test(toks.low(k))) return false;
    words++;
  }
  return false;
}

/** Quotations (in order) with nothing between them but commas and `и`: a list of words said. */
function onlyJoined(a: Analyzer, quotes: FoundQuote[]): boolean {
  const toks = a.tokens;
  for (let i = 1; i < quotes.length; i++) {
    for (let k = tokenAt(toks, quotes[i - 1].end); k < toks.count && toks.starts[k] < quotes[i].start; k++) {
      if (toks.mark(k) !== COMMA && !toks.is(k, 'и')) return false;
    }
  }
  return true;
}

/** Lower-case words in quotation marks (span sp) that the sentence goes on after: part of a clause. */
function clauseGoesOn(a: Analyzer, sp: number): boolean {
  const close = a.spanCloseTok[sp];
  return close !== undefined && !endsSentence(a, close) && !relayFollows(a, close) && lowerCaseWords(a.text.slice(a.spans[sp].open + 1, a.spans[sp].close), 1);
}

/** `«…», пишет RT.`: after the token at close only who relays the words, to the sentence's end. */
function relayFollows(a: Analyzer, close: number): boolean {
  const toks = a.tokens;
  if (toks.mark(close + 1) !== COMMA || !toks.isWord(close + 2) || !a.speechVerbAt(close + 2) || isGerund(toks.low(close + 2))) return false;
  const end = a.sentenceEndOf(close + 2);
  if (end - close > 8) return false;
  for (let k = close + 3; k < end; k++) if (toks.mark(k) === COMMA || toks.is(k, 'что') || a.opensSpan(k) >= 0) return false;
  return true;
}

/** `… и обозначил главную задачу` at i: the speaker's next deed, after what was said. */
function speakerGoesOn(toks: Tokens, i: number): boolean {
  // (`, и обозначил`, `, а также обвинил`.)
  if (toks.mark(i) === COMMA) i++;
  if (toks.is(i, 'а') && toks.is(i + 1, 'также')) i++;
  else if (!toks.is(i, 'и')) return false;
  return toks.isWord(i + 1) && PAST_TENSE.test(toks.low(i + 1)) && !NOUNS_LIKE_PAST.test(toks.low(i + 1));
}

/** `картину Архипа Куинджи «…»`, `полотно Репина «…»`: a work and its author's name before the marks. */
function afterAuthor(a: Analyzer, openTok: number): boolean {
  const toks = a.tokens;
  let k = openTok - 1;
  const last = k;
  while (k >= 0 && last - k < 3 && toks.isWord(k) && toks.isCap(k) && a.inSpan[k] < 0 && a.sentenceStartOf(k) !== k) k--;
  return k < last && toks.isWord(k) && isNameNoun(toks.low(k));
}

/** Endings of genitive nouns and adjectives: `полиции`, `футболиста`, `большой собаки`, `талибов`. */
const GENITIVE = /(?:ов|ев|ей|ий|ых|их|ого|его|ой|ии|ы|а|я|и)$/;

/** Words of quantity that open a clause about people: `Многие считают`, `Большинство из них заявили`. */
const QUANTIFIERS = /^(?:многие|некоторые|другие|большинство|несколько|немало|ряд|часть)$/;

/**
 * A noun in the nominative that can be the subject of the verb: `пара объявила`, `девушки утверждают`,
 * `движение заявило`, and adjectives used as nouns (`задержанный заявил`, `пострадавшая рассказала`).
 */
function nounAgrees(noun: string, verb: string, adjectives = true): boolean {
  if (adjectives && /(?:ый|ий|ой)$/.test(noun) && /(?:л|лся)$/.test(verb)) return true;
  if (adjectives && /(?:ая|яя)$/.test(noun) && /(?:ла|лась)$/.test(verb)) return true;
  if (adjectives && /(?:ые|ие)$/.test(noun) && /(?:ли|лись|ют|ят|ут|ат)$/.test(verb)) return true;
  if (noun.length < 3 || /(?:ом|ем|ам|ям|ами|ями|ах|ях|ой|ей|ую|юю|ого|его|ому|ему)$/.test(noun)) return false;
  if (/(?:ли|лись|ют|ят|ут|ат)$/.test(verb)) return /[ыи]$/.test(noun);
  if (/(?:ла|лась)$/.test(verb)) return /[аяь]$/.test(noun);
  if (/(?:ло|лось)$/.test(verb)) return /(?:о|е)$/.test(noun);
  if (/(?:л|лся)$/.test(verb)) return /[бвгджзклмнпрстфхцчшщйь]$/.test(noun) && !/(?:ов|ев)$/.test(noun);
  if (/(?:ет|ит|ется|ится)$/.test(verb)) return /[бвгджзклмнпрстфхцчшщйаяоеь]$/.test(noun);
  return false;
}

/** Infinitives in -ти that are not nouns' forms (`власти`, `части` are). */
const INFINITIVES_IN_TI = new Set(['идти', 'прийти', 'уйти', 'найти', 'войти', 'выйти', 'перейти', 'пройти', 'дойти', 'нести', 'вести', 'спасти', 'расти', 'произвести', 'привести', 'ввести', 'провести', 'обрести', 'перенести', 'принести', 'изобрести']);
/** Nouns that end like an infinitive (most nouns in -сть are left out by their ending). */
const NOUNS_IN_T = new Set(['путь', 'сеть', 'смерть', 'мать', 'знать', 'рать', 'ночь', 'дочь', 'полночь', 'мелочь', 'печь', 'речь', 'пять', 'шесть', 'девять', 'десять', 'двадцать', 'тридцать', 'опять', 'печать', 'кровать', 'благодать', 'зять', 'тать']);
/** Infinitives in -сть, which nouns in -сть (`власть`, `грусть`, `область`) are not. */
const INFINITIVES_IN_ST = new Set(['есть', 'съесть', 'сесть', 'пасть', 'упасть', 'попасть', 'пропасть', 'красть', 'украсть', 'класть', 'прочесть', 'учесть', 'счесть']);

/** The first or second word of the quoted words is an infinitive (`«поближе познакомиться с …»`). */
function opensWithInfinitive(inner: string): boolean {
  const words = inner.toLowerCase().match(/[а-яё]+/g);
  if (!words) return false;
  for (const w of words.slice(0, 2)) {
    if (INFINITIVES_IN_TI.has(w)) return true;
    if (w.length >= 4 && /(?:ть|ться|чь|чься)$/.test(w) && !(/сть$/.test(w) && !INFINITIVES_IN_ST.has(w)) && !NOUNS_IN_T.has(w)) return true;
  }
  return false;
}

/** The quotation closed at `closeTok` ends its sentence (a list of titles goes on: `«…» (1988), «…»`). */
function endsSentence(a: Analyzer, closeTok: number): boolean {
  const toks = a.tokens;
  const m = toks.mark(closeTok + 1);
  return closeTok + 1 >= toks.count || toks.isBreak(closeTok + 1) || isSentenceEnd(m) || a.sentenceOf(closeTok + 1) !== a.sentenceOf(closeTok);
}

/** `на тему:`, `под названием:` — a colon that announces a title rather than words said. */
const TITLE_CUES = new Set(['тему', 'темой', 'название', 'названием', 'называется', 'назывался', 'называлась', 'рубрике', 'заголовком', 'заголовок']);
function namesTitleBefore(toks: Tokens, colon: number): boolean {
  return toks.isWord(colon - 1) && TITLE_CUES.has(toks.low(colon - 1));
}

/** Sentence-like words: several words with sentence punctuation, as speech is and names are not. */
function looksLikeSpeech(inner: string): boolean {
  const words = countUpTo(WORDS, inner, 8);
  if (words < 3) return false;
  const at = inner.search(/[A-Za-zА-Яа-яЁё]/);
  const first = at < 0 ? '' : inner[at];
  if (first !== first.toUpperCase()) return false;
  return /[.!?…]["»“”’']*\s*$/.test(inner) || /[.!?…]\s+[«"„A-ZА-ЯЁ]/.test(inner) || words >= 8;
}

export function findQuotes(text: string, context: QuoteContext = {}): { quotes: QuoteAnnotation[]; speakers: SpeakerAnnotation[] } {
  const a = new Analyzer(text, context);
  const toks = a.tokens;
  const found: FoundQuote[] = [];
  const speechSpan = new Set<number>();

  const cast = new Cast();
  const introductions = findIntroductions(a);

  // 1. Direct speech in quotation marks.
  const spans = a.spans;
  /** The closing mark of the last title (`«…», «…» и «…»` lists titles). */
  let titleClose = -1;
  /** The last words quoted inside a sentence, which a list may continue. */
  let lastFragment: { closeTok: number; attribution: Attribution } | undefined;
  /** The last quotation taken as speech, which a list (`«…» и «…»`) may continue. */
  let lastSpeech: { closeTok: number; attribution?: Attribution; listing?: boolean } | undefined;
  for (let s = 0; s < spans.length; s++) {
    const sp = spans[s];
    const openTok = a.spanOpenTok[s];
    const closeTok = a.spanCloseTok[s];
    if (openTok === undefined || closeTok === undefined) continue;
    const inner = text.slice(sp.open + 1, sp.close);
    const prev = toks.get(openTok - 1);
    // `что альянс «уже это делает».`, `если этот документ "будет отвечать интересам, стоит …"`: lower-case
    // words that end a reported clause after its short subject, or four and more that make a
    // statement, are what was said, even after a noun that names things (`альянс «Северный поток»`).
    const afterName = ((prev && prev.kind === 'w' && (isNameNoun(prev.low) || /^(?:ООО|ОАО|ЗАО|ПАО|АО|РИА|ФК|ХК|НПО)$/.test(prev.text))) || afterAuthor(a, openTok)) &&
      !(lowerCaseWords(inner, 1) && (endsReportAfterShortSubject(a, openTok, closeTok) || (lowerCaseWords(inner, 4) && makesStatement(toks, openTok + 1, closeTok)))) &&
      // (`назвал резолюцию «котом в мешке»`, `проект «ширмой»`: what a named thing is called, in the instrumental.)
      !(lowerCaseWords(inner, 1) && declaresAs(inner) && a.followsNamingVerb(openTok, inner));
    const short = !/[.!?…]/.test(inner) && countUpTo(NON_SPACE_RUNS, inner, 6) <= 5;
    // `так называемой «коалиции желающих»`: scare quotes, no one's words (agency rule 8).
    if (short && toks.is(openTok - 2, 'так') && toks.isWord(openTok - 1) && /^называем(?:ый|ая|ое|ые|ого|ой|ому|ым|ом|ую|ых|ыми)$/.test(toks.low(openTok - 1))) {
      titleClose = closeTok;
      continue;
    }
    // `со ссылкой на "Интерфакс"`: the source's name.
    const source = toks.is(openTok - 1, 'на') && toks.is(openTok - 2, 'ссылкой') && capitalisedWords(inner, 1);
    if ((afterName || source) && short) {
      titleClose = closeTok;
      continue;
    }
    // Names of laws, films and linked headlines are titles, not words anyone said.
    // `«Тук-тук! Кто там? Полиция» (1974)`: a year in brackets after the marks dates a work.
    const dated = /^\s*\((?:1[89]|20)\d\d\)/.test(text.slice(sp.close + 1, sp.close + 12));
    if (dated || isTitle(a, openTok, inner) || (joinsTitle(a, openTok, titleClose) && !/^\s*[,.]?\s*[—–-]/.test(text.slice(sp.close + 1, sp.close + 4)))) {
      titleClose = closeTok;
      continue;
    }

    let attribution: Attribution | undefined;
    let attributedAfter = -1;
    // Attribution after: `», — сказал Лавров`, `" - заявил он`, `», сообщили в МИД`.
    let k = closeTok + 1;
    // Wiki italics around the marks (`''«…»'', — сказала она`) are no words.
    let italics = 0;
    while (italics < 2 && toks.mark(k) === APOSTROPHE) {
      k++;
      italics++;
    }
    while (k < toks.count && (toks.mark(k) === COMMA || isSentenceEnd(toks.mark(k))) && k < closeTok + italics + 3) k++;
    let dashed = false;
    if (isDash(toks.mark(k))) {
      dashed = true;
      k++;
    }
    // `«Политика с Ларри Кингом», как подчеркнула Симоньян, это …`: the name is the subject of a sentence that goes on.
    const asEnd = toks.is(k, 'как') ? a.clauseEnd(k) : -1;
    const parentheticalAfter = !dashed && asEnd >= 0 && toks.mark(asEnd) === COMMA && toks.isWord(asEnd + 1) && a.sentenceOf(asEnd + 1) === a.sentenceOf(k);
    // `консервативного «Движения чаепития» — недвусмысленно намекал`: a name set off by a dash with no
    // comma is no one's words (`«Им ничего не угрожает» — МИД …` opens a headline, found there).
    const nameBeforeDash = dashed && toks.mark(closeTok + 1) !== COMMA && toks.isWord(openTok - 1) && capitalisedWords(inner, 1) && countUpTo(WORDS, inner, 4) <= 3 && !/[.!?…]/.test(inner);
    if ((dashed || toks.mark(k - 1) === COMMA) && !parentheticalAfter && !nameBeforeDash) {
      const limit = Math.min(a.clauseEnd(k), toks.count);
      for (let v = k; v < limit && v < k + 4; v++) {
        // `», — улыбнулся он`, `», — раскрыл свою мысль постановщик`: after a dash any past-tense verb
        // opening the author's words tells who spoke.
        // (Not a title set off by dashes: `картина автора — «Человек-слон» — увидела свет`.)
        // `— приводит Reuters слова дипломата` reports in the present.
        const mannerVerb = dashed && v === k && toks.isWord(v) && !toks.isCap(v) && a.inSpan[v] < 0 && !isDash(toks.mark(openTok - 1)) &&
          ((PAST_TENSE.test(toks.low(v)) && !NOUNS_LIKE_PAST.test(toks.low(v))) || /^привод(?:ит|ят)$/.test(toks.low(v)));
        // (`спросил` takes a clause, or a question: `«Вам разрешили прийти?» — спросил министр`.)
        const question = /\?[\s»"“”']*$/.test(inner) && /^спроси/.test(toks.low(v));
        if ((a.speechVerbAt(v) || mannerVerb) && (!isClauseOnlyVerb(toks.low(v)) || question)) {
          // `«…», — и добавил, что …`: the speaker of the quotation just before goes on.
          const goesOn = v === k + 1 && toks.is(k, 'и') ? previousSpeaker(a, openTok) : undefined;
          // `», — цитирует главу Белого дома Clash Report`: the one quoted speaks, the medium relays.
          let quoted: NP | undefined;
          if (v === k && /^(?:цитиру|процитирова)/.test(toks.low(v))) {
            // The medium closes the clause: Latin words, an agency's name (`ТАСС`, `РИА Новости`).
            let m = limit;
            while (m - 1 > v + 1 && toks.isWord(m - 1) && (/^[A-Za-z]/.test(toks.textOf(m - 1)) || isMedia(toks.low(m - 1)))) m--;
            const who = m < limit ? a.parseNP(v + 1, m) : undefined;
            if (who && who.last === m - 1) quoted = who;
          }
          // `», - приводит его слова агентство IRNA`: whose words they are, not who relays them.
          // (`— передает ее слова ТАСС`, `— цитирует его ТАСС`: the same.)
          const relaysWords = /^(?:приводит|приводят|привел|привёл|привела|привели|передает|передаёт|передают|цитирует|цитируют|цитировал|цитировала)$/.test(toks.low(v));
          if (v === k && relaysWords && POSSESSIVES.has(toks.low(v + 1)) && (toks.is(v + 2, 'слова') || /^цитир/.test(toks.low(v)))) {
            quoted = { first: v + 1, last: v + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.low(v + 1)) };
          }
          // `— цитирует газета Tribune India заявление Джайна`: the one whose words the medium quotes.
          for (let w = v + 1; v === k && relaysWords && !quoted && w < limit && w <= v + 6 && toks.isWord(w); w++) {
            if (!/^(?:слова|заявление|высказывание|комментарий)$/.test(toks.low(w))) continue;
            const whose = a.parseNP(w + 1, limit);
            if (whose && whose.first === w + 1 && whose.form !== 'pronoun') quoted = whose;
            break;
          }
          const np = quoted ?? (v === k ? a.speakerAfter(v, limit) : goesOn ?? a.parseNP(k, v));
          const impersonal = isImpersonalVerb(toks.low(v));
          // `», — признался спортсмен`, `», — с улыбкой вздохнул преподаватель`: a plain noun when no name or role is there.
          const who = np ?? (impersonal ? undefined : a.speakerAfter(v, limit) ?? a.plainNounAfter(v, limit));
          // A verb not of speech attributes only with someone named after it (`— улыбнулся посол`).
          if (!who && !a.speechVerbAt(v)) break;
          attribution = { np: who, verb: v, oblique: false };
          attributedAfter = limit;
          break;
        }
      }
    }
    // `"…" – Михаил Галузин`, `«…» — посол РФ`: a name or role alone after the dash, closing its line
    // (which a page may set on a line of its own).
    if (!attribution && !parentheticalAfter && !nameBeforeDash) {
      let b = closeTok + 1;
      while (b < toks.count && b <= closeTok + 3 && toks.isBreak(b)) b++;
      const w = b > closeTok + 1 && isDash(toks.mark(b)) ? b + 1 : dashed ? k : -1;
      if (w >= 0 && toks.isWord(w) && (toks.isCap(w) || roleLemma(toks.low(w)))) {
        let end = w;
        while (end < toks.count && end < w + 8 && (toks.isWord(end) || (toks.mark(end) === FULL_STOP && toks.length(end - 1) === 1))) end++;
        if (end >= toks.count || toks.isBreak(end) || (toks.mark(end) === FULL_STOP && (end + 1 >= toks.count || toks.isBreak(end + 1)))) {
          const np = a.parseNP(w, end);
          if (np && np.last === end - 1 && np.form !== 'pronoun') {
            attribution = { np, oblique: false };
            attributedAfter = end;
          }
        }
      }
    }
    // Attribution before: `заявил журналистам: «…»`, `Лавров сказал: «…»`, `по словам X, «…»`.
    let partOfIndirect = false;
    let listing = false;
    let dataSource = false;
    // (An attribution after that names no one gives way to one before: `подчеркнул: «…», передает РИА «Новости»`.)
    const attributedAfterwards = attribution;
    // (So does a medium relaying what someone named before said: `По словам дипломата, «…», пишет RT`.)
    const relayed = attribution?.verb !== undefined && RELAY_VERBS.test(toks.low(attribution.verb));
    if (!attribution?.np || relayed) {
      attribution = undefined;
      let p = openTok - 1;
      while (p >= 0 && (toks.isBreak(p) || (toks.mark(p) === APOSTROPHE && p >= openTok - 2))) p--;
      const before = toks.mark(p);
      if (before === 0x3a) {
        const verb = a.speechVerbBefore(p);
        if (verb >= 0) attribution = a.attributeBeforeColon(verb, p);
        // `отмахивались репликами: "Отлично всё прошло", "Выбрали-выбрали"`: a noun of words said, then a list of them.
        else if (toks.isWord(p - 1) && SAYS_WORDS.test(toks.low(p - 1)) && !isTitle(a, openTok, inner)) {
          attribution = { np: a.subjectBefore(p), oblique: false };
          listing = true;
        } else if (looksLikeSpeech(inner) || (capitalisedWords(inner, 3) && !namesTitleBefore(toks, p) && endsSentence(a, closeTok))) {
          // `Ван И: «…»`: a name alone before the colon, as in a transcript.
          const st = a.sentenceStartOf(p);
          const whole = p - st <= 4 ? a.parseNP(st, p) : undefined;
          attribution = { np: whole && whole.last === p - 1 ? whole : a.subjectBefore(p), oblique: false };
        }
      } else if (before === COMMA) {
        const st = a.sentenceStartOf(p);
        if (toks.is(p - 1, 'что') && toks.mark(p - 2) === COMMA) {
          partOfIndirect = true;
        } else {
          // `По словам Захаровой, «прибалтийские режимы» продолжают …`: words quoted at the start of a
          // sourced clause that goes on are part of it (found with the clause), not a quotation of their own.
          const goesOnAfter = clauseGoesOn(a, s);
          for (let v = st; v < p && !goesOnAfter; v++) {
            if (!toks.isWord(v)) continue;
            // `По данным телеканала, «…»`: what a source's data say is no one's words (agency rule 3).
            if (v === st && p - v <= 6 && isSourcePreposition(toks, v) && /^(?:данным|подсчетам|подсчётам)$/.test(toks.low(v + 1))) {
              dataSource = true;
              break;
            }
            // `По сообщению РБК, «Ренессанс» получила …`: a name opening the clause, not words said.
            if (toks.isWord(closeTok + 1) && !endsSentence(a, closeTok) && capitalisedWords(inner, 1) && countUpTo(NON_SPACE_RUNS, inner, 6) <= 5) break;
            if (isSourcePreposition(toks, v) && inWordsOf(toks, v + 1)) {
              attribution = { np: a.parseNP(v + 2, p), oblique: true };
              break;
            }
            // `С его слов, «…»`.
            if (toks.is(v, 'с') && POSSESSIVES.has(toks.low(v + 1)) && toks.is(v + 2, 'слов')) {
              attribution = { np: { first: v + 1, last: v + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.low(v + 1)) }, oblique: true };
              break;
            }
            if (toks.is(v, 'со') && toks.is(v + 1, 'слов') && v + 2 < p) {
              attribution = { np: a.parseNP(v + 2, p) ?? (p - (v + 2) <= 5 ? { first: v + 2, last: p - 1, form: 'role' } : undefined), oblique: true };
              break;
            }
            if (isSourcePreposition(toks, v) && POSSESSIVES.has(toks.low(v + 1)) && (inWordsOf(toks, v + 2) || (toks.is(v + 2, 'собственным') && inWordsOf(toks, v + 3)))) {
              attribution = { np: { first: v + 1, last: v + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.low(v + 1)) }, oblique: true };
              break;
            }
            // `Как сообщает X, «…»` — but not a quotation further on in the words it reports
            // (`Как сообщает NEWSru.com, отчисляют Canon, «Юнитрейд», Casio`).
            if (toks.is(v, 'как') && a.speechVerbAt(v + 1)) {
              if (a.commaBetween(v + 1, p)) break;
              attribution = { np: a.speakerAfter(v + 1, p), verb: v + 1, oblique: false };
              break;
            }
          }
        }
      }
      if (!attribution?.np && attributedAfterwards) attribution = attributedAfterwards;
      if (dataSource && !attribution) {
        titleClose = closeTok;
        continue;
      }
    }
    if (partOfIndirect) {
      // `заявил, что «…»`: direct speech when the quote runs to the end of the sentence.
      const after = toks.get(closeTok + 1);
      const endsSentence = !after || after.kind === 'n' || SENTENCE_END.has(after.text) || a.sentenceOf(closeTok + 1) !== a.sentenceOf(closeTok);
      if (!endsSentence) continue;
      let p = openTok - 3;
      const st = a.sentenceStartOf(openTok);
      while (p >= st && !(a.speechVerbAt(p) || a.participleSpeaker(p))) p--;
      if (p < st) continue;
      // `«…», — и добавил, что «…»`: no subject of its own; the speaker goes on.
      const goesOn = toks.is(p - 1, 'и') && isDash(toks.mark(p - 2)) ? previousSpeaker(a, p) : undefined;
      attribution = { np: goesOn ?? a.subjectBefore(p) ?? a.speakerAfter(p, openTok - 2), verb: p, oblique: false };
    }
    // `слова Байдена, заявившего, что «…»`: the one the participle speaks for, whoever else is in the sentence.
    if (toks.is(openTok - 1, 'что') && toks.mark(openTok - 2) === COMMA) {
      const byParticiple = a.participleSpeaker(openTok - 3);
      if (byParticiple) attribution = { np: byParticiple, oblique: true };
    }
    // Author's words inside the marks: `«…, — сказал он, — …»` gives two parts.
    const parts = splitAround(a, openTok, closeTok);
    // `заявления властей о «десятках погибших»`: what a statement is said to be about, in its words.
    if (!attribution && !parts && !afterName && lowerCaseWords(inner, 1) && (toks.is(openTok - 1, 'о') || toks.is(openTok - 1, 'об'))) {
      for (let k = openTok - 2; k >= 0 && k >= openTok - 7 && toks.isWord(k) && a.inSpan[k] < 0; k--) {
        if (/^(?:заявлени|сообщени|утверждени|слов|словах|рассказ)/.test(toks.low(k))) {
          // `заявления зампреда Совбеза Дмитрия Медведева о «…»`: whose statement it is, named after the noun.
          const whose = k + 1 < openTok - 1 ? a.parseNP(k + 1, openTok - 1) : undefined;
          attribution = whose && whose.last === openTok - 2 ? { np: whose, oblique: true } : a.attributeInSentence(openTok) ?? { oblique: false };
          break;
        }
      }
    }
    // Words quoted inside a sentence that reports speech: `назвала Израиль «государством апартеида»`.
    if (!attribution && !parts && !afterName && quotedFragment(inner, a.followsSpeechVerb(openTok), toks.is(openTok - 1, 'что')) && a.reportsSpeech(openTok)) {
      attribution = a.attributeInSentence(openTok);
    }
    // `назвал Джона Макафи «параноиком»`, `назвала состояние Гарсии «очень тяжёлым»`: what someone
    // called something is their word, even a single one.
    if (!attribution && !parts && !afterName && lowerCaseWords(inner, 1) && a.followsNamingVerb(openTok, inner)) attribution = a.attributeInSentence(openTok) ?? { oblique: false };
    // `«Неправдой» назвала министр …`: the word given first, then who gave it.
    if (!attribution && !parts && !afterName && countUpTo(NON_SPACE_RUNS, inner, 4) <= 3 && /^(?:назвал|назвала|назвали|называет|называют)$/.test(toks.low(closeTok + 1))) {
      const np = a.speakerAfter(closeTok + 1, a.clauseEnd(closeTok + 2));
      if (np) attribution = { np, verb: closeTok + 1, oblique: false };
    }
    // `Шекатт выкрикнул «Аллах акбар»`, `он кричал «…»`: what is shouted is said, however short.
    // (`он кричал «…», заявил прокурор`: the one who shouted, not who reported the shout.)
    const shouted = !parts && !afterName && toks.isWord(openTok - 1) && SHOUTING.test(toks.low(openTok - 1));
    if (shouted) {
      attribution = { np: a.subjectBefore(openTok - 1), verb: openTok - 1, oblique: false };
    }
    // `характеризуют состояние как «удовлетворительное»`, `сказал, что отсрочка «уместна»`: a
    // characterisation, or the whole of what was said after a short subject, is the speaker's word.
    if (!attribution && !parts && !afterName && lowerCaseWords(inner, 1) && (characterises(toks, openTok) || endsReportAfterShortSubject(a, openTok, closeTok))) {
      attribution = a.attributeInSentence(openTok) ?? { oblique: false };
    }
    // Six words or more in lower case are someone's wording even with no speech verb in sight
    // (`необходимыми для «формирования в России информационного пространства …»`): titles are
    // capitalised and irony is brief.
    // A verb's words quoted (`призван «укрепить престиж …»`, `намерены «проявлять уважение»`): titles
    // and scare quotes are nouns, an infinitive in quotation marks is someone's phrase.
    // (One infinitive is someone's phrase after a call: `призывает «законопатить»`.)
    const calledFor = toks.isWord(openTok - 1) && /^(?:призыва|призв|предлага|предлож)/.test(toks.low(openTok - 1)) && lowerCaseWords(inner, 1) && opensWithInfinitive(inner);
    if (calledFor && !attribution && !parts && !afterName) attribution = { np: a.subjectBefore(openTok - 1), verb: openTok - 1, oblique: false };
    // `Также он «считает, что должен извиниться»`, `При этом они «уклоняются» от …`: a personal pronoun,
    // then a verb in quotation marks — the person's own words for what they do.
    if (!attribution && !parts && !afterName && toks.isWord(openTok - 1) && PRONOUNS.has(toks.low(openTok - 1)) && toks.isWord(openTok + 1) && lowerCaseWords(inner, 1) && makesStatement(toks, openTok + 1, openTok + 2)) {
      attribution = { np: { first: openTok - 1, last: openTok - 1, form: 'pronoun', gender: PRONOUNS.get(toks.low(openTok - 1)) }, oblique: false };
    }
    const longFragment = !attribution && !parts && !afterName && (lowerCaseWords(inner, 6) || (lowerCaseWords(inner, 2) && opensWithInfinitive(inner)));
    // `со словами «Да здравствует …»`: the noun says what follows was said.
    // (`Госдеп опубликовал призыв «…»`, `Посольство выступило с призывом «…»`: whoever made the call.)
    if (!attribution && !parts && toks.isWord(openTok - 1) && (WORDS_NOUNS.has(toks.low(openTok - 1)) || toks.is(openTok - 1, 'призыв'))) {
      const made = toks.is(openTok - 2, 'с') || toks.is(openTok - 2, 'со') ? openTok - 3 : openTok - 2;
      const past = toks.isWord(made) && (PAST_TENSE.test(toks.low(made)) || /^[а-яё]{3,}[аяиеуы](?:ло|лось)$/.test(toks.low(made)));
      const maker = past && a.inSpan[made] < 0 && !NOUNS_LIKE_PAST.test(toks.low(made)) ? a.subjectBefore(made) : undefined;
      attribution = a.attributeInSentence(openTok) ?? (maker ? { np: maker, verb: made, oblique: false } : { oblique: false });
    }
    // `назвал Маркса «величайшим мыслителем …», «учителем революции …»`: the list goes on.
    if (!attribution && !parts && lastFragment && lowerCaseWords(inner, 2) && joinsTitle(a, openTok, lastFragment.closeTok)) attribution = lastFragment.attribution;
    // Capitalised words with no one saying them, inside a sentence (`фильмы «Тук-тук! Кто там?»`,
    // `подвергнутся «Правила применения …»`), are a title; standing on their own they are speech.
    // Unless a noun before them says they are words (`сообщение из трёх слов «…»`, `с формулировкой «…»`)
    // or they go on a list of quotations (`с криками «…» и «…»`).
    const saysWords = toks.isWord(openTok - 1) && SAYS_WORDS.test(toks.low(openTok - 1));
    const listed = lastSpeech !== undefined && joinsTitle(a, openTok, lastSpeech.closeTok);
    if (!attribution && !parts && listed && (looksLikeSpeech(inner) || lastSpeech!.listing)) {
      attribution = lastSpeech!.attribution;
      listing = lastSpeech!.listing === true;
    }
    const midSentence = toks.isWord(openTok - 1) && a.sentenceStartOf(openTok) !== openTok && !saysWords;
    const speech = attribution !== undefined || parts !== undefined || longFragment || (!afterName && !midSentence && looksLikeSpeech(inner));
    if (!speech) {
      // A name or title: a quotation joined to it by `,` or `и` is the next one of a list.
      titleClose = closeTok;
      continue;
    }
    if (afterName && !attribution && !parts) continue;
    speechSpan.add(s);
    if (parts) {
      const np = parts.np;
      found.push({ start: sp.open, end: parts.firstEnd, direct: true, innerStart: sp.open + 1, innerEnd: parts.firstEnd, attribution: { np, verb: parts.verb, oblique: false } });
      found.push({ start: parts.secondStart, end: sp.close + 1, direct: true, innerStart: parts.secondStart, innerEnd: sp.close, attribution: { np, verb: parts.verb, oblique: false } });
      continue;
    }
    const p = openTok - 1;
    // (Shouted words stand on their own: `он кричал «…», заявил прокурор` reports no more than the shout.)
    // (`что Европа — «часть этой игры»`: a dash between words inside a sentence joins them too.)
    const inline = (toks.isWord(p) || (isDash(toks.mark(p)) && toks.isWord(p - 1) && a.sentenceOf(p - 1) === a.sentenceOf(openTok))) && !toks.isBreak(p) && !shouted;
    lastFragment = inline && attribution ? { closeTok, attribution } : undefined;
    lastSpeech = { closeTok, attribution, listing };
    found.push({ start: sp.open, end: sp.close + 1, direct: true, innerStart: sp.open + 1, innerEnd: sp.close, attribution, follows: !attribution, inline });
    // `«…», — сказал он, — «…»`: the second quote shares the speaker.
    if (attribution && attributedAfter >= 0) {
      const c = toks.get(attributedAfter);
      const d = toks.get(attributedAfter + 1);
      const next = spans[s + 1];
      if (c && c.text === ',' && d && DASHES.has(d.text) && next && toks.get(attributedAfter + 2)?.start === next.open) {
        const nOpen = a.spanOpenTok[s + 1];
        const nClose = a.spanCloseTok[s + 1];
        if (nOpen !== undefined && nClose !== undefined) {
          speechSpan.add(s + 1);
          found.push({ start: next.open, end: next.close + 1, direct: true, innerStart: next.open + 1, innerEnd: next.close, attribution });
          s++;
        }
      }
    }
  }

  // 2. Dialogue: paragraphs opening with a dash.
  findDialogue(a, found);
  findAttributionLines(a, found);
  findColonParagraphs(a, found);
  findHeadlines(a, found, speechSpan);

  // 3. Indirect speech, sentence by sentence.
  findIndirect(a, found, speechSpan);
  // (Compacted in place: a splice per absorbed quote made long documents quadratic.)
  let kept = 0;
  for (const q of found) if (!q.absorbed) found[kept++] = q;
  found.length = kept;

  // 4. Speakers, resolved in document order.
  for (const q of found) if (q.attribution?.np) q.attribution.np = cleanSpeakerPhrase(toks, q.attribution.np);
  found.sort((x, y) => x.start - y.start);
  // Speaker phrases in the order first met, and by start offset (a phrase is its start and end).
  const speakerList: SpeakerEntry[] = [];
  const speakerAt = new Map<number, SpeakerEntry[]>();
  // One sweep in document order over introductions and speaker phrases, so that every mention
  // is appended (never inserted) and each resolution sees only what came before it.
  type Event = { pos: number; intro?: NP; quote?: FoundQuote };
  const events: Event[] = introductions.map((i) => ({ pos: i.pos, intro: i.np }));
  // Full names as they are introduced: a surname named before its full name (`Рябков: …` over an
  // article about Сергей Рябков) takes the first one given after it.
  const introduced: { pos: number; last: number; name: string }[] = [];
  for (const q of found) if (q.attribution?.np) events.push({ pos: npStart(a, q.attribution.np), quote: q });
  events.sort((x, y) => x.pos - y.pos || (x.intro ? -1 : 0) - (y.intro ? -1 : 0));
  for (const ev of events) {
    if (ev.intro) {
      const person = personOf(a, cast, ev.intro, undefined, obliqueRole(a, ev.intro) && !indeclinableAfterRole(a, ev.intro));
      cast.mention(ev.pos, person);
      if (person.name?.includes(' ')) introduced.push({ pos: ev.pos, last: ev.intro.last, name: person.name });
      continue;
    }
    const q = ev.quote!;
    const np = q.attribution!.np!;
    const s0 = mentionStart(np);
    const s1 = np.last;
    const start = toks.starts[s0];
    const end = toks.ends[s1];
    const atStart = speakerAt.get(start);
    let entry = atStart?.find((e) => e.ann.end === end);
    if (!entry) {
      const verbLow = q.attribution!.verb !== undefined ? toks.low(q.attribution!.verb) : undefined;
      const gender = np.gender ?? (verbLow ? verbGender(verbLow) : undefined);
      const person = personOf(a, cast, np, gender, q.attribution!.oblique);
      cast.mention(start, person);
      const ann: SpeakerAnnotation = { id: '', kind: 'speaker', start, end, text: text.slice(start, end), form: np.form, quotes: [] };
      if (person.name) ann.name = person.name;
      const role = np.form === 'name' && np.roleFirst !== undefined && np.roleLast !== undefined && np.roleLast >= np.roleFirst ? roleText(a, np.roleFirst, np.roleLast) : person.role;
      if (role) ann.role = role;
      entry = { ann, np };
      speakerList.push(entry);
      if (atStart) atStart.push(entry);
      else speakerAt.set(start, [entry]);
    }
    q.speaker = entry;
  }
  // Unattributed direct speech right after an attributed quote continues it, in its paragraph or as
  // the paragraph that comes next.
  for (let i = 1; i < found.length; i++) {
    const q = found[i];
    const p = found[i - 1];
    if (!q.follows || !q.direct || !p.speaker || q.start - p.end >= 400) continue;
    const between = text.slice(p.end, q.start);
    const paragraphs = between.split(/\n[ \t\u00a0]*\n\s*/).length - 1;
    if (paragraphs === 0 || (paragraphs === 1 && /\n\s*$/.test(between))) q.speaker = p.speaker;
  }

  const quotes: QuoteAnnotation[] = found.map((q, i) => {
    const ann: QuoteAnnotation = { id: `q${i + 1}`, kind: 'quote', start: q.start, end: q.end, text: text.slice(q.start, q.end), direct: q.direct };
    if (q.innerStart !== undefined) ann.innerStart = q.innerStart;
    if (q.innerEnd !== undefined) ann.innerEnd = q.innerEnd;
    return ann;
  });
  // (Keyed by surname only when some speaker is named by a surname alone.)
  let fullNames: Map<string, { pos: number[]; names: string[] }> | undefined;
  for (const { ann, np } of speakerList) {
    if (np.form !== 'name' || !ann.name || ann.name.includes(' ')) continue;
    if (!fullNames) {
      fullNames = new Map();
      for (const f of introduced) {
        const key = surnameKey(toks.low(f.last));
        const known = fullNames.get(key) ?? { pos: [], names: [] };
        known.pos.push(f.pos);
        known.names.push(f.name);
        fullNames.set(key, known);
      }
    }
    const known = fullNames.get(surnameKey(toks.low(np.last)));
    const next = known ? countBelow(known.pos, ann.start + 1) : -1;
    if (known && next < known.pos.length) ann.name = known.names[next];
  }
  // (Sorted by number: speaker annotations come in several shapes, which a comparison of the objects
  // themselves keeps V8 re-optimising.)
  const speakerStarts = speakerList.map((v) => v.ann.start);
  const speakers = speakerList.map((_, i) => i).sort((x, y) => speakerStarts[x] - speakerStarts[y] || x - y).map((i) => speakerList[i].ann);
  speakers.forEach((s, i) => (s.id = `s${i + 1}`));
  found.forEach((q, i) => {
    if (!q.speaker) return;
    const s = q.speaker.ann;
    quotes[i].speaker = s.id;
    s.quotes.push(quotes[i].id);
  });
  return { quotes, speakers };
}

/** A role head out of the nominative (`министра`, `главы`). */
function obliqueRoleWord(low: string): boolean {
  const lemma = roleLemma(low);
  return lemma !== undefined && lemma !== low;
}

/** `сенатора Уолша`: a name after a role out of the nominative is out of it too. */
function obliqueRole(a: Analyzer, np: NP): boolean {
  if (np.roleFirst === undefined || np.roleLast === undefined) return false;
  const toks = a.tokens;
  for (let k = np.roleFirst; k <= np.roleLast; k++) {
    const lemma = a.roleAt(k) ? roleLemma(toks.low(k)) : undefined;
    if (lemma) return lemma !== toks.low(k);
  }
  return false;
}

/** `премьер-министра Нетаниягу`: a genitive role, then a surname in another vowel, which does not decline. */
function indeclinableAfterRole(a: Analyzer, np: NP): boolean {
  const toks = a.tokens;
  return np.roleFirst !== undefined && /[ая]$/.test(toks.low(np.roleFirst)) && /[уюеиоэ]$/.test(toks.low(np.last));
}

function npStart(a: Analyzer, np: NP): number {
  return a.tokens.starts[mentionStart(np)];
}

/** Where the mention of a speaker phrase starts (it ends at `np.last`): at the name, when it has one. */
function mentionStart(np: NP): number {
  return np.form === 'name' && np.nameFirst !== undefined ? np.nameFirst : np.first;
}

function roleText(a: Analyzer, first: number, last: number): string {
  const s = a.text.slice(a.tokens.starts[first], a.tokens.ends[last]);
  return a.tokens.isAcronym(first) ? s : s[0].toLowerCase() + s.slice(1);
}

function personOf(a: Analyzer, cast: Cast, np: NP, gender: Gender | 'pl' | undefined, oblique: boolean): Person {
  const toks = a.tokens;
  const pos = toks.starts[mentionStart(np)];
  // `В Москве считают`, `в Южной Корее заявили`: a place that speaks, named in the nominative.
  if (np.form !== 'pronoun' && !np.refersBack && np.roleFirst === undefined && !(np.form === 'body' && bodyLemma(toks.low(np.first)))) {
    const place = placeOf(a, mentionStart(np), np.last);
    if (place) return place;
  }
  switch (np.form) {
    case 'pronoun': {
      const g = np.gender ?? gender;
      return (g && cast.byPronoun(g, pos)) || { body: false };
    }
    case 'body': {
      if (np.refersBack) return cast.byPronoun('pl', pos) ?? { body: true };
      const head = np.bodyHead!;
      const first = toks.get(np.first);
      const rest = np.last > np.first ? a.text.slice(first.end, toks.get(np.last).end) : '';
      let headText = head;
      const bigram = head.includes(' ');
      if (!bigram && (head === first.text || first.acronym)) headText = first.text;
      else if (!bigram) headText = first.cap ? head[0].toUpperCase() + head.slice(1) : head;
      const name = bigram ? head + a.text.slice(toks.get(np.first + 1).end, toks.get(np.last).end) : headText + rest;
      return { name, body: true };
    }
    case 'role': {
      const role = roleText(a, np.roleFirst ?? np.first, np.roleLast ?? np.last);
      let head = '';
      for (let k = np.first; k <= np.last; k++) {
        const l = roleLemma(toks.low(k));
        if (l) {
          head = l;
          break;
        }
      }
      const known = head ? cast.byRole(head, pos) : undefined;
      if (known) return known;
      return cast.anonymous(role, gender === 'pl' ? undefined : gender);
    }
    case 'name': {
      const words: string[] = [];
      for (let k = np.nameFirst!; k <= np.last; k++) {
        if (toks.mark(k) === FULL_STOP) {
          words[words.length - 1] += '.';
          continue;
        }
        words.push(toks.textOf(k));
      }
      const role = np.roleFirst !== undefined && np.roleLast !== undefined && np.roleLast >= np.roleFirst ? roleText(a, np.roleFirst, np.roleLast) : undefined;
      return cast.person(words, { oblique, gender, role, pos });
    }
  }
}

/** `В Москве считают`, `в Южной Корее заявили`: the place where the words were said, in the nominative. */
function placeOf(a: Analyzer, first: number, last: number): Person | undefined {
  const toks = a.tokens;
  let k = first;
  while (k > first - 3 && toks.isCap(k - 1) && /(?:ой|ом|ем|ых|их)$/.test(toks.low(k - 1))) k--;
  if (!toks.isCap(k) || !(toks.is(k - 1, 'в') || toks.is(k - 1, 'во') || toks.is(k - 1, 'на'))) return undefined;
  const words: string[] = [];
  for (let j = k; j <= last; j++) {
    if (!toks.isWord(j) || !toks.isCap(j)) return undefined;
    words.push(toks.textOf(j));
  }
  return { name: placeNominative(words), body: true };
}

/** `«…, — сказал он, — …»`: the quote interrupted by the author's words. */
function splitAround(a: Analyzer, openTok: number, closeTok: number): { firstEnd: number; secondStart: number; np?: NP; verb: number } | undefined {
  const toks = a.tokens;
  for (let k = openTok + 1; k < closeTok - 2; k++) {
    // (`«… истощен. — отметил Джайшанкар. — …»`: a full stop too, as a verb of speech follows.)
    if (!endsQuotedWords(toks.mark(k)) && toks.mark(k) !== FULL_STOP) continue;
    const dash = toks.mark(k + 1);
    // A hyphen typed for a dash counts when spaced (`…, - сказал губернатор, - …`).
    const spaced = toks.starts[k + 1] > toks.ends[k] && toks.starts[k + 2] > toks.ends[k + 1];
    if (!isDash(dash) || (dash === HYPHEN && !spaced)) continue;
    const v = k + 2;
    let verb = -1;
    for (let j = v; j < v + 4 && j < closeTok; j++) {
      // (Right after the dash any verb of speech attributes: `…, - продолжил министр. - …`.)
      if (a.speechVerbAt(j) && (j === v || !isClauseOnlyVerb(toks.low(j)))) {
        verb = j;
        break;
      }
      if (!toks.isWord(j)) break;
    }
    if (verb < 0) continue;
    for (let j = verb + 1; j < closeTok - 1 && j < verb + 20; j++) {
      const m = toks.mark(j);
      if ((m === COMMA || m === FULL_STOP) && isDash(toks.mark(j + 1))) {
        a.insideMarks = true;
        const np = verb === v ? a.speakerAfter(verb, j) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : a.plainNounAfter(verb, j)) : a.parseNP(v, verb);
        a.insideMarks = false;
        return { firstEnd: toks.mark(k) === COMMA ? toks.starts[k] : toks.ends[k], secondStart: toks.starts[j + 2], np, verb };
      }
    }
  }
  return undefined;
}

function findDialogue(a: Analyzer, found: FoundQuote[]): void {
  const toks = a.tokens;
  const lines: { dash: number; end: number }[] = [];
  for (const i of a.lineStarts) {
    const m = toks.mark(i);
    if (isDash(m) && m !== HYPHEN && a.inSpan[i] < 0) {
      let e = i + 1;
      while (e < toks.count && !toks.isBreak(e)) e++;
      lines.push({ dash: i, end: e });
    }
  }
  for (let l = 0; l < lines.length; l++) {
    const { dash, end } = lines[l];
    const adjacent = (l > 0 && lineGap(toks, lines[l - 1].end, dash)) || (l + 1 < lines.length && lineGap(toks, end, lines[l + 1].dash));
    // Attribution after the words: `— …, — сказал дипломат.`
    let attributionAt = -1;
    let verb = -1;
    for (let k = dash + 2; k < end - 1; k++) {
      const m = toks.mark(k);
      if ((endsQuotedWords(m) || m === FULL_STOP) && isDash(toks.mark(k + 1))) {
        for (let j = k + 2; j < k + 6 && j < end; j++) {
          if (a.speechVerbAt(j)) {
            verb = j;
            break;
          }
        }
        if (verb >= 0) {
          attributionAt = k;
          break;
        }
      }
    }
    if (attributionAt < 0 && !adjacent) continue;
    const first = dash + 1;
    if (first >= end) continue;
    if (attributionAt >= 0) {
      const lastWord = toks.mark(attributionAt) === COMMA ? attributionAt - 1 : attributionAt;
      const limit = a.clauseEnd(verb);
      const np = verb === attributionAt + 2 ? a.speakerAfter(verb, limit) : a.parseNP(attributionAt + 2, verb);
      found.push({ start: toks.get(first).start, end: toks.get(lastWord).end, direct: true, innerStart: toks.get(first).start, innerEnd: toks.get(lastWord).end, attribution: { np, verb, oblique: false } });
    } else {
      const last = end - 1;
      // A list item (`— пункт;`) is no line of dialogue.
      if (toks.mark(last) === 0x3b) continue;
      found.push({ start: toks.get(first).start, end: toks.get(last).end, direct: true, innerStart: toks.get(first).start, innerEnd: toks.get(last).end });
    }
  }
}

/** `по сообщениям X`, `по утверждениям X`, `согласно заявлению X`: reported speech like `по словам X`. */
const REPORT_NOUNS = new Set([
  'сообщению', 'сообщениям', 'утверждению', 'утверждениям', 'признанию', 'заверениям', 'заверению', 'заявлению', 'заявлениям', 'свидетельствам', 'свидетельству',
  'оценкам', 'версии', 'подсчетам', 'убеждению',
]);
/** The nouns of `по словам`, `по информации` …: who follows them is the source. */
const SOURCE_NOUNS = new Set(['словам', 'мнению', 'информации', 'данным', 'оценке', ...REPORT_NOUNS]);
/** Verbs of calling something by a word: `назвал его «…»`. (`называют`, `называли` of no one in particular give a nickname.) */
const NAMING_VERBS = new Set([
  'назвал', 'назвала', 'назвали', 'назвало', 'назвав', 'называл', 'называла', 'называет', 'называя', 'охарактеризовал', 'охарактеризовала', 'охарактеризовали', 'охарактеризовав',
  'сочли', 'счел', 'сочла', 'посчитал', 'посчитала', 'посчитали', 'считает', 'считают', 'считаем', 'считал', 'считала', 'считали',
]);
/**
 * `объявил его «предателем»`, `были объявлены «предателями»`: declaring someone something, told from
 * declaring a measure (`объявили «режим самоизоляции»`) by the instrumental case of the words.
 */
const DECLARING = new Set(['объявил', 'объявила', 'объявили', 'признал', 'признала', 'признали', 'объявлены', 'объявлен', 'объявлена', 'признаны', 'признан', 'признана']);
/** Words that say a sentence reports what someone said, besides the speech verbs. */
const SPEECH_CUES = new Set([
  ...NAMING_VERBS, 'называет', 'называло', 'выразился', 'выразилась', 'выразились', 'внимание',
  'описал', 'описала', 'описали', 'описывал', 'описывала', 'описывает',
  ...SOURCE_NOUNS,
]);
const SPEECH_CUE_KEYS = new KeySet(SPEECH_CUES);

/**
 * Quoted words that open in lower case (a fragment of what was said): three words at least, or
 * two as the very object of a speech verb (`считает случившееся «неприятным инцидентом»`) —
 * two quoted words elsewhere are mostly a term or irony (`создать «спящую ячейку»`).
 */
function quotedFragment(inner: string, afterVerb: boolean, afterThat: boolean): boolean {
  const at = inner.search(/[A-Za-zА-Яа-яЁё]/);
  if (at < 0) return false;
  const words = countUpTo(WORDS, inner, 3);
  // `сообщил, что «Анкара не намерена …»`: capitalised words after `что` are a sentence quoted.
  if (inner[at] === inner[at].toUpperCase()) return afterThat && words >= 3;
  return words >= (afterVerb ? 2 : 3);
}

/** Nouns that a title in quotation marks follows, a number between them allowed: `законопроект № 1039101-6 «О …»`. */
const LAW_NOUNS = /^(?:закон|законопроект|проект|фз|указ|постановлени|распоряжени|приказ|кодекс|конвенци|постановлени|положени|програм)/;

/** Words of a reference to an article of a code or law: `ст.`, `части`, `УК`, `КоАП`. */
const LEGAL_REFERENCES = /^(?:ст|стать[а-я]*|ч|част[а-я]*|п|пункт[а-я]*|ук|упк|коап|гк|нк|тк|кодекс[а-я]*)$/;

/** Nouns that a name of any length follows: `с диагнозом «…»`, `под заголовком «…»`. */
const NAMING_NOUNS = /^(?:диагноз|специальност|заголовк|лозунг|девиз|хэштег|хештег|аббревиатур|названи)/;
/** Words of awards, whose citations (`«за мужество …»`) are no one's speech. */
const AWARD_WORDS = /^(?:преми|наград|награжд|орден|медал|благодарност|грамот|удостоен|вручен|присужд|лауреат|нобелевск)/;

/** `закон «О …»`, `фильм «…»`, a headline inside a link `[http://… «…»]`. */
function isTitle(a: Analyzer, openTok: number, inner: string): boolean {
  const toks = a.tokens;
  // `с диагнозом «…»`, `под лозунгом «…»`, `по специальности «…»`: the noun says a name follows, however long.
  if (toks.isWord(openTok - 1) && NAMING_NOUNS.test(toks.low(openTok - 1))) return true;
  // `объявили «режим самоизоляции»`: the name of a measure declared.
  if (toks.isWord(openTok - 1) && DECLARING.has(toks.low(openTok - 1)) && !declaresAs(inner)) return true;
  // `по делу о «мошенничестве …»`: the wording of a charge.
  if (toks.is(openTok - 1, 'о') && /^(?:делу|дело|статье)$/.test(toks.low(openTok - 2))) return true;
  // `Премия вручена «за значительный вклад …»`: an award's citation (unless a document is said to word it so).
  if ((/^за [а-яё]/.test(inner) || (toks.is(openTok - 2, 'за') && toks.isWord(openTok - 1))) && !a.reportsSpeech(openTok)) {
    const st = a.sentenceStartOf(openTok);
    for (let k = st; k < openTok; k++) if (toks.isWord(k) && AWARD_WORDS.test(toks.low(k))) return true;
  }
  if (/^Об? [а-яёА-ЯЁ]/.test(inner)) {
    for (let k = openTok - 1; k >= 0 && k >= openTok - 6; k--) {
      if (toks.isBreak(k)) break;
      if (toks.isWord(k) && !/^[0-9]/.test(toks.textOf(k)) && !toks.is(k, 'n') && (LAW_NOUNS.test(toks.low(k)) || isNameNoun(toks.low(k)))) return true;
    }
    // `решение Совета … «Об угрозах …»`: words opening with `О`/`Об` and no sentence in them name
    // a document, unless a colon or a speech verb presents them as said.
    if (/^Об? [а-яё]/.test(inner) && !/[.!?…]/.test(inner) && toks.mark(openTok - 1) !== 0x3a && !a.followsSpeechVerb(openTok)) return true;
  }
  // `по ч. 5 ст. 264 УК РФ («Нарушение правил …»)`, `КоАП РФ ст. 20.3 «Пропаганда …»`: an article's title after it.
  if (toks.mark(openTok - 1) === 0x28 || /^[0-9]/.test(toks.textOf(openTok - 1))) {
    for (let k = openTok - 2; k >= 0 && k >= openTok - 9; k--) {
      if (toks.isBreak(k)) break;
      if (toks.isWord(k) && LEGAL_REFERENCES.test(toks.low(k))) return true;
    }
  }
  // A link's caption: an unclosed `[` with an address before the mark, on the same line.
  const text = a.text;
  const stop = Math.max(0, toks.starts[openTok] - 300);
  for (let i = toks.starts[openTok] - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x5d || c === 10) return false;
    if (c === 0x5b) return text.startsWith('http', i + 1) || text.startsWith('www.', i + 1);
  }
  return false;
}

/** A quotation joined to a title just before it by `,` or `и`: the next title of a list. */
function joinsTitle(a: Analyzer, openTok: number, titleClose: number): boolean {
  if (titleClose < 0 || openTok - titleClose > 4) return false;
  const toks = a.tokens;
  for (let k = titleClose + 1; k < openTok; k++) {
    if (toks.mark(k) === COMMA || toks.is(k, 'и') || toks.mark(k) === 0x28 || toks.mark(k) === 0x29 || toks.mark(k) === 0x2116 || /^[0-9]/.test(toks.textOf(k))) continue;
    return false;
  }
  return true;
}

/** First- and second-person words: a paragraph that has them after a colon is someone's words. */
const FIRST_PERSON = new Set([
  'я', 'мы', 'меня', 'мне', 'мной', 'нас', 'нам', 'нами', 'мой', 'моя', 'мое', 'мои', 'моего', 'моей', 'моим', 'мою', 'моих',
  'наш', 'наша', 'наше', 'наши', 'нашей', 'нашего', 'нашим', 'нашу', 'наших', 'вы', 'вас', 'вам', 'вами',
  'ваш', 'ваша', 'ваше', 'ваши', 'вашей', 'вашего', 'вашим', 'вашу', 'ваших',
]);
const FIRST_PERSON_KEYS = new KeySet(FIRST_PERSON);

/**
 * Direct speech as a paragraph of its own, without quotation marks, after a line ending in a
 * colon: `Лавров сказал:` / `В заявлении МИД говорится:` and then the words themselves.
 */
function findColonParagraphs(a: Analyzer, found: FoundQuote[]): void {
  const toks = a.tokens;
  const taken = found.map((q) => q.start).sort((x, y) => x - y);
  const takenEnd = found.map((q) => q.end).sort((x, y) => x - y);
  const byStart = found.slice().sort((x, y) => x.start - y.start);
  // Few lines end in a colon: find them in the text (a native scan for the colon), then the colon's
  // token by binary search.
  const text = a.text;
  for (let colon = text.indexOf(':'); colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let lf = colon + 1;
    while (lf < text.length && isColonTrailer(text.charCodeAt(lf))) lf++;
    if (text.charCodeAt(lf) !== 0x0a) continue;
    const p = tokenAt(toks, lf) - 1;
    colon = lf;
    if (toks.mark(p) !== 0x3a || !toks.isBreak(p + 1) || a.inSpan[p] >= 0) continue;
    colonParagraph(a, found, p, taken, takenEnd, byStart);
  }
  // On the same line: `В сообщении говорится: Причиной смерти стала …`, `констатировал: Чехия …` —
  // the rest of the paragraph, when a speech verb ends the words before the colon.
  // (A lower-case letter, `: `, a capital: found by a native scan for `: `.)
  for (let colon = text.indexOf(': ', 1), from = 0; colon >= 0; colon = text.indexOf(': ', colon + 1)) {
    if (colon - 1 < from || !isLowerRussian(text.charCodeAt(colon - 1)) || !isUpperRussian(text.charCodeAt(colon + 2))) continue;
    from = colon + 2;
    const p = tokenAt(toks, colon);
    if (toks.mark(p) !== 0x3a || a.inSpan[p] >= 0) continue;
    let v = p - 1;
    if (toks.isWord(v) && isAddressee(toks.low(v))) v--;
    if (!toks.isWord(v) || !a.speechVerbAt(v) || isGerund(toks.low(v))) continue;
    const first = p + 1;
    const end = paragraphEnd(toks, first);
    let words = 0;
    let marked = false;
    for (let k = first; k < end; k++) {
      if (toks.isWord(k)) words++;
      else if (a.inSpan[k] >= 0 || a.opensSpan(k) >= 0 || toks.mark(k) === 0x3a) marked = true;
    }
    if (marked || words < 4 || !isSentenceEnd(toks.mark(end - 1))) continue;
    const start = toks.starts[first];
    const stop = toks.ends[end - 1];
    if (countBelow(taken, stop) > countBelow(takenEnd, start + 1)) continue;
    found.push({ start, end: stop, direct: true, innerStart: start, innerEnd: stop, attribution: a.attributeBeforeColon(v, p) });
  }
}

/** Space, tab, no-break space or carriage return: what may stand between a colon and its line's end. */
function isColonTrailer(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0d;
}
function isLowerRussian(c: number): boolean {
  return (c >= 0x430 && c <= 0x44f) || c === 0x451;
}
function isUpperRussian(c: number): boolean {
  return (c >= 0x410 && c <= 0x42f) || c === 0x401;
}

/** Whether [start, end) overlaps none of the quotes found so far (those made later are not seen). */
function freeOf(found: FoundQuote[]): (start: number, end: number) => boolean {
  // By start, with the furthest end reached up to each.
  const byStart = found.slice().sort((x, y) => x.start - y.start);
  const starts = byStart.map((q) => q.start);
  const reach: number[] = [];
  byStart.forEach((q, i) => reach.push(Math.max(q.end, i > 0 ? reach[i - 1] : 0)));
  return (start, end) => {
    const before = countBelow(starts, end);
    return before === 0 || reach[before - 1] <= start;
  };
}

/**
 * Words whose attribution a web page set on a line of its own: `…ожидает подписания,` / `- напомнил
 * Пашинян в своём Telegram-канале.` The line before, ending in a comma or a word, is what was said: an
 * indirect quote, as it has no quotation marks.
 */
function findAttributionLines(a: Analyzer, found: FoundQuote[]): void {
  const toks = a.tokens;
  const free = freeOf(found);
  for (const i of a.lineStarts) {
    if (i === 0 || !isDash(toks.mark(i)) || a.inSpan[i] >= 0) continue;
    let v = i + 1;
    // `– цинично заявил Орбан`: a manner adverb before the verb.
    if (toks.isWord(v) && !toks.isCap(v) && /о$/.test(toks.low(v)) && !a.speechVerbAt(v)) v++;
    if (!toks.isWord(v) || !a.speechVerbAt(v) || isGerund(toks.low(v)) || isClauseOnlyVerb(toks.low(v))) continue;
    let p = i - 1;
    while (p > 0 && toks.isBreak(p)) p--;
    // (The line may end with its last word, the page having dropped the comma: `…на первом месте в мире` / `- заявил …`.)
    const bare = toks.isWord(p);
    if (i - 1 - p > 2 || (toks.mark(p) !== COMMA && !bare) || a.inSpan[p] >= 0) continue;
    if (bare) p++;
    let first = p;
    while (first > 0 && !toks.isBreak(first - 1)) first--;
    let words = 0;
    for (let k = first; k < p; k++) if (toks.isWord(k)) words++;
    if (words < 3 || a.inSpan[first] >= 0 || isDash(toks.mark(first))) continue;
    const start = toks.starts[first];
    const stop = toks.ends[p - 1];
    if (!free(start, stop)) continue;
    const np = a.speakerAfter(v, a.clauseEnd(v));
    found.push({ start, end: stop, direct: false, attribution: { np, verb: v, oblique: false } });
  }
}

/** Stems of nouns of a wording: `формулировка`, `надпись`, `обращение`, `телеграмма`, `запись`. */
const WORDING_STEMS = 'формулировк|надпис|кредо|комментари|обращени|послани|поздравлени|телеграмм|цитат|запис[ьи]';

/** Nouns that say quoted words are words someone wrote or said: `сообщение «…»`, `мнение «…»`, `из трёх слов «…»`. */
const SAYS_WORDS = new RegExp(`^(?:${WORDING_STEMS}|сообщени|слов|мнени|вопрос|фраз|реплик|крик|призыв)`);

/** Nouns that announce a wording after a colon: `с формулировкой:`, `табличка с надписью:`, `изложил своё кредо:`. */
const WORDING_NOUN = new RegExp(`^(?:${WORDING_STEMS}|текст)`);

/** The paragraph after the colon at token p, as direct speech, when it reads as words said. */
function colonParagraph(a: Analyzer, found: FoundQuote[], p: number, taken: number[], takenEnd: number[], byStart: FoundQuote[]): void {
  const toks = a.tokens;
  // The colon's line: some words of prose, not a heading such as `Читайте также:`.
  let lineStart = p;
  let words = 0;
  let wordingNoun = false;
  let citation = false;
  while (lineStart > 0 && !toks.isBreak(lineStart - 1)) {
    if (!toks.isWord(--lineStart)) continue;
    words++;
    if (p - lineStart <= 8 && WORDING_NOUN.test(toks.low(lineStart))) {
      wordingNoun = true;
      if (toks.low(lineStart).startsWith('формулировк')) citation = true;
    }
  }
  if (words < 2) return;
  let lead = p + 1;
  while (lead < toks.count && toks.isBreak(lead)) lead++;
  // Wiki italics (`''Около 12 часов …''`) around the words are part of the quotation.
  let first = lead;
  while (first < lead + 2 && toks.mark(first) === APOSTROPHE) first++;
  let end = paragraphEnd(toks, first);
  // `Уважаемая Татьяна Васильевна,` on a line of its own: the letter goes on in the next paragraph.
  if (toks.mark(end - 1) === COMMA && end - first <= 8) {
    let next = end;
    while (next < toks.count && toks.isBreak(next)) next++;
    if (next - end <= 2 && next < toks.count) end = paragraphEnd(toks, next);
  }
  // Three line breaks or more: the quoted block was lost (an embed stripped from the page).
  if (lead - p > 3 || end - first < 4 || a.inSpan[first] >= 0 || a.opensSpan(first) >= 0) return;
  const m = toks.mark(first);
  // Dialogue, list items and quoted words are found elsewhere or are no speech.
  if (m >= 0 && m !== 0x2026) return;
  const verb = a.speechVerbBefore(p);
  // `сообщил депутату во время встречи:` / `хотел бы Вам предложить …`: after a speech verb the words may open in lower case.
  if (verb < 0 && toks.isWord(first) && !toks.isCap(first) && !/^[0-9]/.test(toks.textOf(first))) return;
  let last = end - 1;
  while (last > first && toks.mark(last) === APOSTROPHE) last--;
  const lastMark = toks.mark(last);
  if (lastMark === 0x3a || lastMark === 0x3b) return;
  let paragraphWords = 0;
  let firstPerson = false;
  for (let k = first; k < end; k++) {
    if (!toks.isWord(k)) continue;
    paragraphWords++;
    if (!firstPerson && toks.mayBe(k, FIRST_PERSON_KEYS) && FIRST_PERSON.has(toks.low(k))) firstPerson = true;
  }
  if (paragraphWords < 4 || (!isSentenceEnd(lastMark) && paragraphWords < 8)) return;
  if (verb < 0 && !firstPerson && !wordingNoun) return;
  // A congratulation or a letter goes on over paragraphs that speak in the first or second person.
  if (firstPerson) end = speechContinues(a, end);
  const start = toks.starts[lead];
  const stop = toks.ends[end - 1];
  // Quotes found already inside the paragraph (`как говорится, «се ля ви»`) are part of these words;
  // one that reaches outside it, or is introduced by its own colon, means this is no single quotation.
  if (countBelow(taken, stop) > countBelow(takenEnd, start + 1)) {
    const inside: FoundQuote[] = [];
    // Quotes start in order in byStart; one starting before the paragraph and reaching into it spoils it.
    for (let i = Math.max(0, countBelow(taken, start) - 1); i < byStart.length && byStart[i].start < stop; i++) {
      const q = byStart[i];
      if (q.end <= start) continue;
      const open = tokenAt(toks, q.start);
      if (q.start < start || q.end > stop || toks.mark(open - 1) === 0x3a) return;
      inside.push(q);
    }
    for (const q of inside) q.absorbed = true;
  }
  // With no verb, the subject before the colon speaks (`Ширвиндт изложил своё кредо:`), except of an
  // award's wording (`Указом награждены сотрудники с формулировкой:` — the decree words it, not those it names).
  const np = firstPerson || !citation ? a.subjectBefore(p) : undefined;
  found.push({ start, end: stop, direct: true, innerStart: start, innerEnd: stop, attribution: verb >= 0 ? a.attributeBeforeColon(verb, p) : { np, oblique: false } });
}

/** `в нём`, `в ней`, `в них`: a document (or its author) mentioned before. */
const IN_IT = new Map<string, 'm' | 'f' | 'pl'>([['нем', 'm'], ['ней', 'f'], ['них', 'pl']]);

/** Words that predicate without a finite verb: `Москва готова к …`, `переговоры нужны`. */
const PREDICATIVES = /^(?:готов|готова|готово|готовы|должен|должна|должно|должны|намерен|намерена|намерены|нужно|нужен|нужна|нужны|необходимо|важно|можно|нельзя|уверен|уверена|уверены|невозможно|возможно|возможен|возможна|возможны|невозможен|невозможна|нет|нечего|некуда|есть|согласен|согласна|согласны|рад|рада|рады|близок|близка|близки|(?:исключен|заинтересован|обеспокоен|убежден|нацелен|открыт|закрыт|решен|исчерпан)(?:|а|о|ы)|даст|дадут|передаст|создаст)$/;

/** An infinitive (`продолжать`, `вести`), not a noun that ends like one (`печать`, `память`). */
const INFINITIVE = /^(?!(?:печать|память|пять|опять|мать|рать|знать|благодать|кровать|путь|суть|ртуть|жуть|нить|прыть)$)(?:[а-яё]{3,}(?:ать|ять|ить|уть|ыть)|[а-яё]*(?:вести|нести|идти|йти|расти|спасти|везти|помочь|сечь|влечь|беречь))$/;

/** Nouns that end like a verb in the present or the past (`совет`, `визит`, `депутат`, `канал`). */
const NOUNS_LIKE_VERBS = /^(?:[а-яё]*(?:совет|бюджет|ответ|предмет|объект|проект|пакет|кабинет|приоритет|авторитет|суверенитет|иммунитет|комитет|паритет|запрет|секрет|портрет|билет|скелет|рассвет|обет|завет|этикет|визит|кредит|лимит|депозит|транзит|саммит|аппетит|депутат|кандидат|результат|мандат|формат|штат|аппарат|дипломат|автомат|консулат|секретариат|режим|проблем|систем|объем|прием|подъем|тем|схем|дилемм|поэм)|зал|бал|вал)$/;

/** A finite verb or a predicative word among the tokens [from, to): the words make a statement. */
function makesStatement(toks: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    // (`Расширяем сотрудничество с …`: a statement may open with its verb, in the first person plural.)
    if (!toks.isWord(k) || (toks.isCap(k) && !(k === from && firstPersonPlural(toks, k)))) continue;
    const low = toks.low(k);
    if (PREDICATIVES.test(low) || INFINITIVE.test(low)) return true;
    // `разговор ещё не запланирован`: a short participle after `не`.
    if (toks.is(k - 1, 'не') && /(?:ан|ян|ен|ён|т)(?:а|о|ы)?$/.test(low) && low.length > 4) return true;
    // `Российские активы в ЕС заблокированы …`: a long short participle.
    if (low.length >= 9 && /(?:ан|ян|ен|ён)(?:а|о|ы)$/.test(low)) return true;
    // `Идея … равнозначна посягательству`, `дружба прочна`: a short adjective is the predicate.
    if (low.length >= 5 && /(?:[чжзштдвбпн]|ь)н[аы]$/.test(low) && !/^(?:казн|княжн|ванн|антенн|колонн|тонн)/.test(low)) return true;
    // `не обсуждалось`, `оказалось`: the neuter past of a reflexive verb.
    if (low.length >= 6 && /[аяеиу]лось$/.test(low)) return true;
    // Short verbs in the past: `стали`, `была`.
    if (/^(?:стал|стала|стало|стали|был|была|было|были|дал|дала|дали|шел|шла|шли|ушел|ушла|ушли)$/.test(low)) return true;
    if (low.length < 4 || NOUNS_LIKE_VERBS.test(low) || NOUNS_LIKE_PAST.test(low)) continue;
    // (`придаст`, `создаст`: the future of `дать` and its kin.)
    if (PAST_TENSE.test(low) || /(?:ет|ёт|ит|ут|ют|ат|ят|ем|им|ешь|ишь|ете|ите|ется|ётся|ится|утся|ются|атся|ятся|[ая]но|ено|ято|даст)$/.test(low)) return true;
  }
  return false;
}

/** A short participle at j (`связаны`, `направлена`), not a noun of the same shape (`страна`, `цены`). */
function shortParticiple(toks: Tokens, j: number): boolean {
  const low = toks.low(j);
  return !toks.isCap(j) && low.length >= 6 && /(?:ан|ян|ен|ён)[аоы]$/.test(low) && !/^(?:стран|охран|сцен|стен|смен|замен|измен|арен|ветеран|океан|гражданин)[аоы]?$/.test(low);
}

/** A capitalised verb in the first person plural (`Расширяем`, `Готовим`), not a name (`Максим`, `Иерусалим`). */
function firstPersonPlural(toks: Tokens, k: number): boolean {
  const low = toks.low(k);
  return low.length >= 6 && /(?:ем|им|ём)$/.test(low) && !toks.isAcronym(k) && !firstName(low) && !/^(?:иерусалим|вифлеем|ибрагим|хаким|рустем)$/.test(low);
}

/**
 * Headlines that give words and who said them with no verb of speech, as news agencies write them:
 * `Песков: в интересах России …`, `Москва готова к переговорам с Киевом - МИД РФ`,
 * `«Им ничего не угрожает» — МИД Беларуси отреагировал …`, `«Очень отвлекает»: Лаврова …`. A headline
 * is a line of its own (or the header's title) with no full stop at its end.
 */
function findHeadlines(a: Analyzer, found: FoundQuote[], speechSpan: Set<number>): void {
  const toks = a.tokens;
  const free = freeOf(found);
  const directAt = new Map<number, FoundQuote>();
  for (const q of found) if (q.direct && !q.absorbed) directAt.set(q.start, q);
  /**
   * The direct quotes found in tokens [from, to), when nothing else found overlaps [start, stop)
   * (`Захарова: заявление Кишинева о «вызывающем отношении» РФ …`); undefined when something does.
   */
  const quotedWithin = (from: number, to: number, start: number, stop: number): FoundQuote[] | undefined => {
    if (free(start, stop)) return [];
    const inside: FoundQuote[] = [];
    let at = start;
    for (let k = from; k < to; k++) {
      const sp = a.opensSpan(k);
      const q = sp >= 0 ? directAt.get(a.spans[sp].open) : undefined;
      if (!q) continue;
      if (!free(at, q.start)) return undefined;
      inside.push(q);
      at = q.end;
    }
    return inside.length && free(at, stop) ? inside : undefined;
  };
  // Where lines start, and the title of the header line (which starts inside its line).
  const lineStarts = a.lineStarts;
  const title = a.titleStart >= 0 ? tokenAt(toks, a.titleStart) : -1;
  const titleTok = title >= 0 && title < toks.count && toks.starts[title] === a.titleStart ? title : -1;
  for (let l = 0, titleDone = titleTok < 0; l < lineStarts.length || !titleDone; ) {
    let first: number;
    if (!titleDone && (l >= lineStarts.length || titleTok <= lineStarts[l])) {
      first = titleTok;
      titleDone = true;
      if (l < lineStarts.length && lineStarts[l] === titleTok) l++;
    } else first = lineStarts[l++];
    if (toks.isBreak(first)) continue;
    // (`> Глава Афросоюза Ассумани: …`, `• Песков: …`: a bullet before the headline.)
    if ((toks.mark(first) === 0x3e || toks.mark(first) === 0x2022) && toks.isWord(first + 1)) first++;
    let end = first;
    let words = 0;
    // (A line of more than thirty words is no headline: counted no further.)
    while (end < toks.count && !toks.isBreak(end) && words <= 30) if (toks.isWord(end++)) words++;
    if (words < 4 || words > 30 || toks.mark(end - 1) === FULL_STOP) continue;
    // The header line ` date 2025-09-01 Title` is looked at from its title.
    if (toks.starts[first] < a.titleStart && toks.ends[end - 1] > a.titleStart) continue;
    const sp = a.opensSpan(first);
    if (sp >= 0) {
      const q = quotedHeadline(a, sp, end);
      if (q && !speechSpan.has(sp) && free(q.start, q.end)) {
        speechSpan.add(sp);
        found.push(q);
      }
      // `«Нож в спину»: в России осудили … Ирана Небензя: готовый к диалогу Иран …`: another headline run into it.
      const close = a.spanCloseTok[sp] ?? end;
      let colon = close + 2;
      while (colon < end - 3 && !(toks.mark(colon) === 0x3a && a.inSpan[colon] < 0)) colon++;
      const who = colon < end - 3 ? runOnSpeaker(a, close + 1, colon) : -1;
      const np = who > close + 1 ? a.parseNP(who, colon) : undefined;
      if (np && makesStatement(toks, colon + 1, end)) {
        const start = toks.starts[colon + 1];
        const stop = wordsEnd(a, colon + 1, siteSuffix(toks, colon + 1, end));
        if (free(start, stop)) found.push({ start, end: stop, direct: false, attribution: { np, oblique: false } });
      }
      continue;
    }
    // `Общение здесь не кончается: Песков рассказал о …`: words with no marks, a colon, then who said them.
    // `Лавров заявил: Россия готова к диалогу`, `Оман обратился к США: это не ваша война`: who speaks,
    // the verb, a colon, and the words with no quotation marks.
    const said = unmarkedHeadline(a, first, end) ?? verbColonHeadline(a, first, end);
    if (said) {
      if (free(said.start, said.end)) found.push(said);
      continue;
    }
    // A verb of speech in the line: the report is found as any other — unless it comes after a
    // speaker's colon (`МИД: Кувейт считает Россию важным партнером`), where it is part of the words.
    let speechVerb = -1;
    for (let k = first; k < end && speechVerb < 0; k++) if (toks.isWord(k) && a.inSpan[k] < 0 && a.speechVerbAt(k)) speechVerb = k;
    // `Песков: …`: a speaker phrase of a few words, then a colon; `Захарова о допуске спортсменов: …`,
    // the speaker and what the words are about.
    let colon = first;
    while (colon < end && colon - first < 14 && toks.isWord(colon)) colon++;
    let about = colon;
    let who = first;
    if (colon - first >= 6 && toks.mark(colon) === 0x3a) {
      about = first + 1;
      while (about < colon && !toks.is(about, 'о') && !toks.is(about, 'об')) about++;
      const speaker = about < colon - 1 && about - first <= 5 ? a.parseNP(first, about, true) : undefined;
      if (!speaker || speaker.last !== about - 1) {
        about = -1;
        // `Официальный представитель МИД России Мария Захарова: …`, a long role and a name; `… санкций
        // против России Политик Мема: …`, a headline run into the one before it, whose speaker is a role and a name.
        const st = runOnSpeaker(a, first, colon);
        if (st >= 0) {
          about = colon;
          who = st;
        }
      }
    }
    // (A verb of speech in the headline before the one run into it is that one's.)
    if (speechVerb >= 0 && !(toks.mark(colon) === 0x3a && (speechVerb > colon || (who > first && speechVerb < who)))) continue;
    if (about > who && colon < end - 3 && toks.mark(colon) === 0x3a) {
      // `Сийярто: …`: a lone unfamiliar word is a name when it speaks elsewhere in the text (`Сийярто уточнил`).
      const parsed = a.parseNP(who, about, true);
      // (`КНР: …`, `США: …`: a country's acronym alone speaks for its government.)
      const country: NP | undefined = about === who + 1 && toks.isAcronym(who) ? { first: who, last: who, form: 'body', bodyHead: toks.textOf(who) } : undefined;
      const np = (parsed && parsed.last === about - 1 ? parsed : undefined) ?? (about === who + 1 && speaksElsewhere(a, who) ? a.parseNP(who, about) : undefined) ?? particleName(a, who, about) ?? country;
      if (np && np.last === about - 1 && np.form !== 'pronoun' && !abstractName(toks, np) && makesStatement(toks, colon + 1, end)) {
        const start = toks.starts[colon + 1];
        const stop = wordsEnd(a, colon + 1, siteSuffix(toks, colon + 1, end));
        // `Захарова: заявление Кишинева о «вызывающем отношении» РФ не имеет оснований`: words quoted
        // inside the headline's statement are part of it.
        const inside = quotedWithin(colon + 1, end, start, stop);
        // `Глава МИД Индии: дружба с Россией «прочна, как камень»`: marks round all the statement but
        // a short subject give the words themselves.
        const marked = shortSubjectQuotation(a, colon + 1, end, stop);
        if (marked >= 0 && !speechSpan.has(marked)) {
          const q = a.spans[marked];
          if (inside && (inside.length === 0 || (inside.length === 1 && inside[0].start === q.open))) {
            for (const f of inside) f.absorbed = true;
            speechSpan.add(marked);
            found.push({ start: q.open, end: q.close + 1, direct: true, innerStart: q.open + 1, innerEnd: q.close, attribution: { np, oblique: false } });
          }
          continue;
        }
        if (inside && allWithin(inside, start, stop)) {
          for (const q of inside) q.absorbed = true;
          found.push({ start, end: stop, direct: false, attribution: { np, oblique: false } });
        }
      }
      continue;
    }
    // `Москва готова к переговорам с Киевом - МИД РФ`: the speaker closes the line after a dash.
    let dash = end - 1;
    while (dash > first && end - dash <= 6 && toks.isWord(dash)) dash--;
    if (dash - first < 3 || !isDash(toks.mark(dash)) || toks.text[toks.starts[dash] - 1] !== ' ') continue;
    const np = a.parseNP(dash + 1, end, true);
    if (!np || np.last !== end - 1 || np.form === 'pronoun' || abstractName(toks, np) || !makesStatement(toks, first, dash)) continue;
    const start = toks.starts[first];
    const stop = wordsEnd(a, first, dash);
    if (a.inSpan[first] >= 0) continue;
    // (Words quoted inside are part of the statement: `Слова Фанара напоминают пословицу «Держи вора!» – Экзарх …`.)
    const inside = quotedWithin(first, dash, start, stop);
    if (inside && allWithin(inside, start, stop)) {
      for (const q of inside) q.absorbed = true;
      found.push({ start, end: stop, direct: false, attribution: { np, oblique: false } });
    }
  }
}

/**
 * Where the speaker before the colon at `colon` starts, on a headline line from `first`: a long role
 * and a name (`Официальный представитель МИД России Мария Захарова: …`), or a headline run into the
 * one before it (`… санкций против России Политик Мема: …`), whose speaker is a role, a first name and
 * a surname, or a name that speaks or is named in full elsewhere (`… в секторе Газа Нетаньяху: …`). -1 if none.
 */
function runOnSpeaker(a: Analyzer, first: number, colon: number): number {
  const toks = a.tokens;
  for (let st = Math.max(first, colon - 8); st < colon; st++) {
    if (st > first && !(toks.isCap(st) && (roleLemma(toks.low(st)) || (colon - st <= 2 && firstName(toks.low(st))) || (st === colon - 1 && (speaksElsewhere(a, st) || namedElsewhere(a, st)))))) continue;
    const np = a.parseNP(st, colon, st === first);
    if (np && np.first === st && np.last === colon - 1 && np.form !== 'pronoun' && np.form !== 'body') return st;
  }
  return -1;
}

/** The word at i stands after a first name in the article it opens (`Небензя: …` before `Василий Небензя`). */
function namedElsewhere(a: Analyzer, i: number): boolean {
  const toks = a.tokens;
  return laterToken(a, i, (k) => toks.isCap(k - 1) && firstName(toks.low(k - 1)) !== undefined);
}

/**
 * A later place where the word at i stands as a token of its own, outside quotation marks, and `test`
 * holds — in the article it opens, the next ten thousand characters, so that a long file stays linear.
 * (The text is searched for the word as written, a native scan; each place is then checked as a token.)
 */
function laterToken(a: Analyzer, i: number, test: (k: number) => boolean): boolean {
  const toks = a.tokens;
  const word = toks.textOf(i);
  // (Searched in a slice: `indexOf` on the whole text would run to its end for a word not found.)
  const from = toks.ends[i];
  const hay = a.text.slice(from, Math.min(a.text.length, toks.starts[i] + 10000));
  for (let rel = hay.indexOf(word); rel >= 0; rel = hay.indexOf(word, rel + word.length)) {
    const at = from + rel;
    const k = tokenAt(toks, at);
    if (k < toks.count && toks.starts[k] === at && toks.ends[k] === at + word.length && a.inSpan[k] < 0 && test(k)) return true;
  }
  return false;
}

const descending = (x: number, y: number): number => y - x;

/** One of `quotes` starts at `pos`. */
function startsAny(quotes: readonly FoundQuote[], pos: number): boolean {
  for (const q of quotes) if (q.start === pos) return true;
  return false;
}

/**
 * Every quote in `quotes` starts after `start` and ends by `stop`. (A function, not a closure in the
 * headline loop: a closure there would make V8 allocate the loop's scope for every token.)
 */
function allWithin(quotes: readonly FoundQuote[], start: number, stop: number): boolean {
  for (const q of quotes) if (q.start <= start || q.end > stop) return false;
  return true;
}

/**
 * A headline line [first, end) of a speaker, a verb of speech or of address (`обратился к США`), a
 * colon and words with no quotation marks: the words, or undefined.
 */
function verbColonHeadline(a: Analyzer, first: number, end: number): FoundQuote | undefined {
  const toks = a.tokens;
  let colon = first + 2;
  while (colon < end && colon - first <= 8 && toks.isWord(colon)) colon++;
  if (toks.mark(colon) !== 0x3a || end - colon < 4 || a.opensSpan(colon + 1) >= 0) return undefined;
  let verb = first + 1;
  while (verb < colon && !(a.speechVerbAt(verb) || /^обратил(?:ся|ась|ись|ось)$/.test(toks.low(verb)))) verb++;
  if (verb >= colon || isGerund(toks.low(verb)) || isImpersonalVerb(toks.low(verb))) return undefined;
  // (Nothing but the one addressed between the verb and the colon: `обратился к США`, `заявил журналистам`.)
  if (colon - verb > 3) return undefined;
  // (A capitalised word alone is a name or a country: `Оман обратился к США: …`.)
  const np = a.parseNP(first, verb, true) ?? (verb === first + 1 && toks.isCap(first) ? { first, last: first, form: 'name' as const, nameFirst: first } : undefined);
  if (!np || np.last !== verb - 1 || np.form === 'pronoun') return undefined;
  if (!makesStatement(toks, colon + 1, end) && !personalWords(toks, colon + 1, end)) return undefined;
  const stop = wordsEnd(a, colon + 1, siteSuffix(toks, colon + 1, end));
  return { start: toks.starts[colon + 1], end: stop, direct: false, attribution: { np, verb, oblique: false } };
}

/** A negation or a first- or second-person word in [from, to): `Это не наш метод`, `это не ваша война`. */
function personalWords(toks: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (/^(?:не|нет|мы|нас|нам|наш|наша|наше|наши|я|меня|мне|мой|моя|моё|мое|мои|вы|вас|вам|ваш|ваша|ваше|ваши)$/.test(toks.low(k))) return true;
  return false;
}

/**
 * The quotation in [from, to) that closes at `stop` after a short subject: one to three words, none of
 * them a verb (`дружба с Россией «прочна, как камень»`). Its span, or -1.
 */
function shortSubjectQuotation(a: Analyzer, from: number, to: number, stop: number): number {
  const toks = a.tokens;
  let words = 0;
  for (let k = from; k < to; k++) {
    const sp = a.opensSpan(k);
    if (sp < 0) {
      if (toks.isWord(k)) words++;
      continue;
    }
    return a.spans[sp].close + 1 === stop && words >= 1 && words <= 3 && !makesStatement(toks, from, k) ? sp : -1;
  }
  return -1;
}

/**
 * A headline line [first, end) of a statement, a colon, and a person or body with a verb of speech:
 * `Общение здесь не кончается: Песков рассказал о встречах`. The statement, or undefined.
 */
function unmarkedHeadline(a: Analyzer, first: number, end: number): FoundQuote | undefined {
  const toks = a.tokens;
  let colon = first;
  while (colon < end && colon - first <= 10 && toks.mark(colon) !== 0x3a) colon++;
  if (colon - first < 3 || colon >= end - 2 || toks.mark(colon) !== 0x3a) return undefined;
  for (let k = first; k < colon; k++) if (!toks.isWord(k) || a.speechVerbAt(k)) return undefined;
  // (`Это не наш метод: Захарова высказалась …`: a negation or a first person states with no verb.)
  if (!makesStatement(toks, first, colon) && !personalWords(toks, first, colon)) return undefined;
  const np = a.parseNP(colon + 1, end, true);
  if (!np || np.form === 'pronoun' || abstractName(toks, np) || !a.speechVerbAt(np.last + 1)) return undefined;
  return { start: toks.starts[first], end: toks.ends[colon - 1], direct: false, attribution: { np, oblique: false } };
}

/** Where a headline's words end before a site's name after a dash or a bar (`… перемирие - Новости`, `… | ТАСС`). */
function siteSuffix(toks: Tokens, from: number, end: number): number {
  for (let d = Math.max(from + 2, end - 4); d < end - 1; d++) {
    const m = toks.mark(d);
    if (!(isDash(m) || m === 0x7c) || toks.text[toks.starts[d] - 1] !== ' ') continue;
    let site = true;
    for (let k = d + 1; k < end && site; k++) if (toks.isWord(k) && !toks.isCap(k)) site = false;
    if (site) return d;
  }
  return end;
}

/**
 * `Лула да Силва: …`, `Урсула фон дер Ляйен: …`: capitalised words joined by the particles of foreign
 * names, the last of them named again in the text. The name, or undefined.
 */
function particleName(a: Analyzer, first: number, colon: number): NP | undefined {
  const toks = a.tokens;
  if (colon - first < 3 || colon - first > 5 || !toks.isCap(first) || !toks.isCap(colon - 1)) return undefined;
  let particles = 0;
  for (let k = first; k < colon; k++) {
    if (!toks.isWord(k)) return undefined;
    if (NAME_PARTICLES.has(toks.low(k)) && !toks.isCap(k)) particles++;
    else if (!toks.isCap(k)) return undefined;
  }
  if (particles === 0) return undefined;
  const last = toks.textOf(colon - 1);
  // (In the article the headline opens: the next ten thousand characters.)
  const again = a.text.slice(toks.ends[colon - 1], toks.ends[colon - 1] + 10000).includes(last);
  return again ? { first, last: colon - 1, form: 'name', nameFirst: first } : undefined;
}
const NAME_PARTICLES = new Set(['да', 'де', 'ди', 'дос', 'душ', 'ду', 'ван', 'фон', 'дер', 'аль', 'эль', 'бен', 'бин', 'ибн', 'ле', 'ла', 'дель', 'делла']);

/** The word at i stands elsewhere in the text right before or after a verb of speech (`Сийярто уточнил`, `заявил Сийярто`). */
function speaksElsewhere(a: Analyzer, i: number): boolean {
  const toks = a.tokens;
  const word = toks.textOf(i);
  const known = a.speaksCache.get(`${word}@${Math.floor(toks.starts[i] / 10000)}`);
  if (known !== undefined) return known;
  const speaks = laterToken(a, i, (k) => {
    if (toks.isWord(k + 1) && a.speechVerbAt(k + 1)) return true;
    // (Or after the verb, a role and a first name between: `заявил премьер-министр Биньямин Нетаньяху`.)
    for (let j = k - 1; j >= k - 4 && toks.isWord(j); j--) if (a.speechVerbAt(j)) return true;
    return false;
  });
  a.speaksCache.set(`${word}@${Math.floor(toks.starts[i] / 10000)}`, speaks);
  return speaks;
}

/**
 * A headline opening with a quotation, span sp, on a line ending at token `end`: `«Им ничего не
 * угрожает» — МИД Беларуси …`, `«Очень отвлекает»: Лаврова …`. The quotation, or undefined.
 */
function quotedHeadline(a: Analyzer, sp: number, end: number): FoundQuote | undefined {
  const toks = a.tokens;
  const close = a.spanCloseTok[sp];
  if (close === undefined || close + 1 >= end - 1) return undefined;
  const after = close + 1;
  const m = toks.mark(after);
  const statement = makesStatement(toks, a.spanOpenTok[sp] + 1, close);
  // (`"Все горит". В Британии выступили с предупреждением …`: a statement in marks, a full stop, the rest of the headline.)
  if (!(isDash(m) || m === 0x3a || (m === FULL_STOP && statement))) return undefined;
  let np: NP | undefined;
  if (isDash(m)) {
    np = a.parseNP(after + 1, end, true);
    if (!np || !statement) return undefined;
  } else if (m === 0x3a) {
    // `«Очень отвлекает»: Лаврова сбили …`, `«…»: Шольц высказался о …`: the person the headline is about.
    for (let k = after + 1; k < end && k <= after + 3 && !np; k++) {
      const who = a.parseNP(k, end, k === after + 1);
      // (`«Это гротеск»: в России раскритиковали …`: a place speaks for its government when a verb of speech follows.)
      if (who && who.form !== 'pronoun' && (who.form !== 'body' || a.speechVerbAt(who.last + 1) || HEADLINE_VERBS.test(toks.low(who.last + 1)))) np = who;
    }
    // Words that state nothing (`«Двойное дно»: Ушаков объяснил …`, `«Неплохо»: Ульянов о …`) are
    // someone's when a verb of speech, or what they spoke about, follows the person.
    const about = np !== undefined && np.form !== 'body' && np.first === after + 1 && (toks.is(np.last + 1, 'о') || toks.is(np.last + 1, 'об'));
    if (!statement && !(np && (a.speechVerbAt(np.last + 1) || HEADLINE_VERBS.test(toks.low(np.last + 1)) || about))) return undefined;
  }
  const q = a.spans[sp];
  return { start: q.open, end: q.close + 1, direct: true, innerStart: q.open + 1, innerEnd: q.close, attribution: np ? { np, oblique: false } : undefined };
}

/** Where the words in [from, to) end: their last word, or the closing mark of a quotation it is in. */
function wordsEnd(a: Analyzer, from: number, to: number): number {
  const toks = a.tokens;
  let last = to - 1;
  while (last > from && !toks.isWord(last) && a.inSpan[last] < 0) last--;
  return a.inSpan[last] >= 0 ? a.spans[a.inSpan[last]].close + 1 : toks.ends[last];
}

/** `Отравление Скрипаля:`, `Приднестровье:`: a capitalised abstract noun or region names a topic, not someone speaking. */
function abstractName(toks: Tokens, np: NP): boolean {
  if (np.form !== 'name') return false;
  for (let k = np.first; k <= np.last; k++) if (toks.isWord(k) && /(?:ние|тие|ость|ство|ция|ье)$/.test(toks.low(k))) return true;
  return false;
}

/**
 * The end of the last paragraph after `end` that goes on with the same words: one blank line away,
 * no quotation marks and no speech verb of its own, and first- or second-person words in it.
 */
function speechContinues(a: Analyzer, end: number): number {
  const toks = a.tokens;
  for (let paragraphs = 0; paragraphs < 8; paragraphs++) {
    let next = end;
    while (next < toks.count && toks.isBreak(next)) next++;
    if (next >= toks.count || next - end > 2 || !toks.isWord(next) || !toks.isCap(next)) break;
    const nextEnd = paragraphEnd(toks, next);
    let person = false;
    let own = false;
    for (let k = next; k < nextEnd && !own; k++) {
      if (a.inSpan[k] >= 0 || a.opensSpan(k) >= 0 || (toks.isWord(k) && a.speechVerbAt(k))) own = true;
      else if (toks.isWord(k) && toks.mayBe(k, FIRST_PERSON_KEYS) && FIRST_PERSON.has(toks.low(k))) person = true;
    }
    if (own || !person || !isSentenceEnd(toks.mark(nextEnd - 1))) break;
    end = nextEnd;
  }
  return end;
}

/** The token after the last one of the paragraph that token i is in. */
function paragraphEnd(toks: Tokens, i: number): number {
  let end = i;
  while (end < toks.count && !toks.isBreak(end)) end++;
  return end;
}

/** Nouns of compound prepositions (`в ответ на`, `в ходе`, `в связи с`): never who speaks. */
const COMPOUND_PREPOSITION_NOUNS = new Set(['ответ', 'ходе', 'связи', 'результате', 'течение', 'рамках', 'отличие', 'силу', 'качестве', 'целях']);

/** A speaker phrase without a preposition left hanging at its end (`заявлении на`) or a compound preposition's noun (`ответ на`). */
function cleanSpeakerPhrase(toks: Tokens, np: NP): NP | undefined {
  if (toks.isWord(np.first) && COMPOUND_PREPOSITION_NOUNS.has(toks.low(np.first)) && (toks.is(np.first - 1, 'в') || toks.is(np.first - 1, 'во'))) return undefined;
  let last = np.last;
  while (last > np.first && toks.isWord(last) && PREPOSITIONS.has(toks.low(last))) last--;
  if (toks.isWord(last) && PREPOSITIONS.has(toks.low(last))) return undefined;
  return last === np.last ? np : { ...np, last };
}

/** How many of the sorted numbers are below x. */
function countBelow(sorted: number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the first token that starts at or after the offset. */
function tokenAt(toks: Tokens, offset: number): number {
  let lo = 0;
  let hi = toks.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks.starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineGap(toks: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!toks.isBreak(k)) return false;
  return true;
}

function findIndirect(a: Analyzer, found: FoundQuote[], speechSpan: Set<number>): void {
  const toks = a.tokens;
  // Direct quotes sorted by start, for binary search (keeps this linear-logarithmic on long texts).
  const direct = found.filter((q) => q.direct).sort((x, y) => x.start - y.start);
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = direct.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (direct[mid].start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const covered = (start: number, end: number) => {
    const i = firstAtOrAfter(start + 1) - 1;
    return i >= 0 && direct[i].end >= end;
  };
  const takenAfterThat = (start: number, end: number) => {
    const i = firstAtOrAfter(start);
    return i < direct.length && direct[i].start <= start + 1 && direct[i].end >= end - 1;
  };
  const inSpeech = (k: number) => a.inSpan[k] >= 0 && speechSpan.has(a.inSpan[k]);
  const directAt = new Map<number, FoundQuote>(direct.map((q) => [q.start, q]));
  const add = (from: number, to: number, attribution: Attribution, direct = false) => {
    from = afterDateline(a, from, to);
    // Trim punctuation and the sentence-final mark.
    while (from < to && !toks.isWord(from) && !OPENING.has(toks.mark(from))) from++;
    while (to > from && !toks.isWord(to - 1) && !CLOSING.has(toks.mark(to - 1)) && a.inSpan[to - 1] < 0) to--;
    // `сенатор Линдси Грэм (внесен в перечень террористов и экстремистов)`: a note the outlet must add
    // by law is no one's words.
    if (to > from + 2 && toks.mark(to - 1) === 0x29) {
      let open = to - 2;
      while (open > from && open > to - 16 && toks.mark(open) !== 0x28) open--;
      if (toks.mark(open) === 0x28 && LEGAL_NOTE.test(a.text.slice(toks.starts[open], toks.ends[to - 1]))) to = open;
    }
    // `По словам X, …, передает ТАСС`: the medium that relays the words closes them.
    const relayed = trailingReport(a, from, to);
    if (relayed?.relay) to = relayed.comma;
    if (to <= from) return;
    // `Об этом сегодня, 28 июля, заявил X`, `Об этом заявил Пашинян, сообщает ТАСС`, `Так она ответила
    // на вопрос, передает …`: what tells who said the sentence before, or when, no words of its own.
    if (toks.is(from, 'об') && toks.is(from + 1, 'этом') && (!makesStatement(toks, from + 2, to) || saysWithin(a, from + 2, to))) return;
    if (toks.is(from, 'так') && speaksOutsideMarks(a, from + 1, Math.min(to, from + 5))) return;
    // `По информации сайта Vesti, передает Icma.az`: a source and nothing it says.
    if (isSourcePreposition(toks, from) && SOURCE_NOUNS.has(toks.low(from + 1)) && !a.commaBetween(from, to)) return;
    // (In a `что`-clause the speaker may go on past its end: `…, что A и назвал B «…»`.)
    const afterThat = toks.is(from - 1, 'что');
    // `заявил, что готов обратиться в суд: «…»`: the words after the colon are a quotation of their own.
    // `уточнив, что убийство устроил студент, и переквалифицировали дело`: after `, и` a verb in the
    // past goes on with what the speakers did, no longer with what they said.
    for (let k = from + 1; k < to; k++) {
      if (toks.mark(k - 1) === 0x3a && speechSpan.has(a.opensSpan(k))) {
        to = k - 1;
        break;
      }
      // (So does `, а также обвинил ОБСЕ в …`; and `, назвав их «…»`, `, добавив, что …`: a gerund of
      // speaking or naming tells what the speaker did next.)
      if (toks.mark(k) === COMMA && a.inSpan[k] < 0 && (speakerGoesOn(toks, k) || (afterThat && isGerund(toks.low(k + 1)) && (a.speechVerbAt(k + 1) || toks.is(k + 1, 'назвав'))))) {
        to = k;
        break;
      }
      // `По словам Рубио, A, при этом он подчеркнул, что B`: a report of its own after a comma ends the words.
      const reported = toks.mark(k) === COMMA && a.inSpan[k] < 0 && !afterThat ? newReport(a, k + 1, to) : -1;
      if (reported >= 0) {
        // (`По словам Коэна, как гей, он считает, что …`: a few words before it are no report of their own.)
        let words = 0;
        for (let j = from; j < k; j++) if (toks.isWord(j)) words++;
        if (words < 3) return;
        // (The new report's words are found here: the sentence counts as taken.)
        if (toks.mark(reported + 1) === COMMA) add(reported + 3, to, { np: a.subjectBefore(reported), verb: reported, oblique: false });
        to = k;
        break;
      }
      // `…, что ждет президента «в любое время»; при этом Путин пообещал …`: a semicolon ends what is reported.
      // (When someone speaks after it; `…; он искал утешение` goes on with the same words.)
      if (toks.mark(k) === 0x3b && a.inSpan[k] < 0 && saysWithin(a, k + 1, Math.min(to, k + 7))) {
        to = k;
        break;
      }
      // `что делегация «обладает полномочиями» и обозначил задачу`: no comma after the quotation;
      // `что вопрос не стоит и назвал подобные теории «…»`: the speaker goes on speaking.
      if (!afterThat) continue;
      if (a.closesSpan(k) >= 0 && speakerGoesOn(toks, k + 1)) {
        to = k + 1;
        break;
      }
      if (toks.is(k, 'и') && a.inSpan[k] < 0 && toks.isWord(k + 1) && PAST_TENSE.test(toks.low(k + 1)) && (a.speechVerbAt(k + 1) || NAMING_VERBS.has(toks.low(k + 1)))) {
        to = k;
        break;
      }
      // `что добился своего и также выразив поддержку …`: a gerund of speaking after `и` is the speaker's.
      if (toks.is(k, 'и') && a.inSpan[k] < 0 && k > from + 1) {
        const g = toks.is(k + 1, 'также') ? k + 2 : k + 1;
        if (toks.isWord(g) && isGerund(toks.low(g)) && a.speechVerbAt(g)) {
          to = k;
          break;
        }
      }
      // `что шокирован известием — он назвал сына …`, `что A, в ответ Онищенко назвал её …`: someone
      // named again, speaking or naming, after a comma or a dash.
      if ((toks.mark(k) === COMMA || isDash(toks.mark(k))) && a.inSpan[k] < 0 && k > from + 1 && speakerSpeaksAt(a, k + 1)) {
        to = k;
        break;
      }
    }
    // A clause mostly made of quoted words is direct speech, found as such: `сообщил, что «…»`.
    // Words quoted inside the clause (`что марксизм «продвинул …» и сейчас …`) are part of it,
    // unless they run to its end after no more than a short subject (`что он «не боится …»`).
    let quoted = 0;
    const inline: FoundQuote[] = [];
    for (let k = from; k < to; k++) {
      const sp = a.opensSpan(k);
      if (sp < 0 || !speechSpan.has(sp)) continue;
      const q = directAt.get(a.spans[sp].open);
      // (Also words quoted at the start of a sourced clause that goes on after them: `По словам X, «…» продолжают …`.)
      // (And after `что`, words quoted at the start of a clause that goes on: `что «это не стоит на повестке
      // дня», если только …`, `что "в нынешних условиях" японские поставки …`.)
      // (Not before a gerund, the author's (`«…», имея в виду …`), nor before another quotation (`«…», но «…»`).)
      // (And words quoted after a comma that end a clause already stated: `По словам X, элементы
      // конфликта не урегулированы, «они, наоборот, приведены в активную фазу»`.)
      const lower = q !== undefined && lowerCaseWords(a.text.slice(q.start + 1, q.end - 1), 1);
      const endsStatedClause = q !== undefined && lower && k > from + 3 && toks.mark(k - 1) === COMMA && q.end >= toks.ends[to - 1] && makesStatement(toks, from, k - 1);
      if (q && ((q.inline && k > from) || endsStatedClause || (k === from && q.end < toks.ends[to - 1] && lower && !tailOfOwn(a, a.spanCloseTok[sp]!)))) inline.push(q);
      else quoted += a.spans[sp].close + 1 - a.spans[sp].open;
    }
    if (quoted * 2 >= toks.ends[to - 1] - toks.starts[from]) return;
    if (inline.length) {
      const last = inline[inline.length - 1];
      let lead = 0;
      let k = from;
      for (; k < to && toks.starts[k] < inline[0].start; k++) if (toks.isWord(k)) lead++;
      // (Or several, joined by nothing but commas and `и`: `что они «…», «…»`.)
      // (A verb before the marks makes the clause its own, not the quoted words': `что это говорит о «…»`,
      // `что действия США носят «…»`.)
      // (A modal, `Малайзия может «способствовать …»`, leaves the quoted words the predicate.)
      let verbOutside = false;
      // (A short participle is a verb here too: `что рекомендации связаны «с …»`.)
      for (let j = from; j < k && !verbOutside; j++) verbOutside = toks.isWord(j) && !MODALS.test(toks.low(j)) && (makesStatement(toks, j, j + 1) || shortParticiple(toks, j));
      if (last.end >= toks.ends[to - 1] && lead <= 3 && !verbOutside && (inline.length === 1 || onlyJoined(a, inline))) return;
    }
    // Direct speech inside the clause (`… случайно: «…»`) stands on its own.
    for (let k = from; k < to; k++) {
      if (speechSpan.has(a.opensSpan(k)) && k > from && !startsAny(inline, toks.starts[k])) {
        to = k;
        while (to > from && !toks.isWord(to - 1)) to--;
        break;
      }
    }
    if (to <= from) return;
    for (const q of inline) if (q.start < toks.ends[to - 1]) q.absorbed = true;
    const start = toks.starts[from];
    let end = toks.ends[to - 1];
    // A closing mark of a quoted name at the very end belongs to it.
    if (a.inSpan[to - 1] >= 0) end = a.spans[a.inSpan[to - 1]].close + 1;
    if (covered(start, end)) return;
    // A direct quote after `что` that runs to the end was already taken.
    if (takenAfterThat(start, end)) return;
    found.push({ start, end, direct, attribution });
  };
  // `A, сообщило агентство MAP, добавив, что B` in the sentence from s: A is reported too, before the
  // verb that the gerund follows; its speaker, or undefined. (Defined out of the sentence loop, with s
  // as an argument: a closure in the loop would make V8 allocate the loop's scope for every sentence.)
  const reportBeforeGerund = (s: number, gerund: number): NP | undefined => {
    for (let tc = gerund - 3; tc > s + 1 && tc >= gerund - 10; tc--) {
      if (toks.mark(tc) === COMMA && a.speechVerbAt(tc + 1) && !isGerund(toks.low(tc + 1)) && !isClauseOnlyVerb(toks.low(tc + 1))) {
        if (a.commaBetween(tc + 1, gerund - 1) || inSpeech(tc - 1)) return undefined;
        const np = a.speakerAfter(tc + 1, gerund - 1) ?? a.mediaAfter(tc + 1, gerund - 1);
        if (np) add(s, tc, { np, verb: tc + 1, oblique: false });
        return np;
      }
      if (!toks.isWord(tc) && toks.mark(tc) !== FULL_STOP) return undefined;
    }
    return undefined;
  };
  const sentences = a.sentenceStarts;
  const commas = a.commas;
  const turns: number[] = [];
  // The sentence's commas are commas[c0] … commas[c1 - 1].
  let c0 = 0;
  let c1 = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const e = si + 1 < sentences.length ? sentences[si + 1] : toks.count;
    while (c0 < commas.length && commas[c0] < s) c0++;
    c1 = Math.max(c1, c0);
    while (c1 < commas.length && commas[c1] < e) c1++;
    let taken = false;
    // `Как сообщил X, …` and `По словам X, …`: at the sentence start (`k` is s or s + 1) or after a comma.
    // Candidates in order: s, s + 1, then the word after each comma (commas ascend).
    for (let c = c0 - 2; !taken; c++) {
      const k = c === c0 - 2 ? s : c === c0 - 1 ? s + 1 : c < c1 ? commas[c] + 1 : e;
      if (k >= e - 2) break;
      if (c >= c0 && k <= s + 1) continue;
      if (!toks.isWord(k) || inSpeech(k)) continue;
      const atStart = k === s || (k === s + 1 && toks.mayBe(s, OPENER_KEYS) && OPENERS.has(toks.low(s)));
      const midSentence = toks.mark(k - 1) === COMMA;
      if (!atStart && !midSentence) continue;
      let np: NP | undefined;
      let oblique = false;
      let verb: number | undefined;
      let comma = -1;
      if (isSourcePreposition(toks, k) && inWordsOf(toks, k + 1)) {
        comma = findComma(a, k + 2, e);
        // A bare `Согласно сообщению, …` points back to a document already quoted; it needs its source named.
        if (comma === k + 2 && toks.is(k, 'согласно')) continue;
        // (A comma far on, after no speaker phrase, is the words' own: `По словам врачей Ричард Бах … в
        // тяжёлом состоянии, которое …` has no comma after its source.)
        // (Only a plural noun of people reads that way: a long role may still run to the comma.)
        if (comma > k + 7 && !a.parseNP(k + 2, comma) && peopleNoun(toks, k + 2) && toks.isCap(k + 3)) comma = -1;
        if (comma < 0) {
          // No comma: `По словам директора музея Николая Буркова музей …` — the words start after the name.
          np = a.parseNP(k + 2, Math.min(e, k + 14));
          // (`По словам очевидцев пешеходы стояли …`: one plural noun of people, then the words.)
          const people = !np && atStart && peopleNoun(toks, k + 2) && toks.isWord(k + 3) && !PREPOSITIONS.has(toks.low(k + 3));
          if (people) np = { first: k + 2, last: k + 2, form: 'role' };
          if (!atStart || !np || (np.form !== 'name' && np.form !== 'role') || !toks.isWord(np.last + 1) || (np.form === 'name' && toks.isCap(np.last + 1))) continue;
          comma = np.last;
        } else np = a.parseNP(k + 2, comma) ?? (comma - (k + 2) <= 5 && comma > k + 2 ? { first: k + 2, last: comma - 1, form: 'role' } : undefined);
        oblique = true;
      } else if (isSourcePreposition(toks, k) && POSSESSIVES.has(toks.low(k + 1)) && (inWordsOf(toks, k + 2) || (toks.is(k + 2, 'собственным') && inWordsOf(toks, k + 3)))) {
        // The comma right after `словам`; or none, the words starting at once (`По его словам обряды завершились`).
        const noun = toks.is(k + 2, 'собственным') ? k + 3 : k + 2;
        comma = toks.mark(noun + 1) === COMMA ? noun + 1 : atStart && toks.isWord(noun + 1) && !toks.isCap(noun + 1) ? noun : -1;
        if (comma < 0) continue;
        np = { first: k + 1, last: k + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.get(k + 1).low) };
        oblique = true;
      } else if (toks.is(k, 'с') && POSSESSIVES.has(toks.low(k + 1)) && toks.is(k + 2, 'слов')) {
        // `С его слов, …`
        comma = findComma(a, k + 3, e);
        if (comma !== k + 3) continue;
        np = { first: k + 1, last: k + 1, form: 'pronoun', gender: POSSESSIVES.get(toks.low(k + 1)) };
        oblique = true;
      } else if (toks.is(k, 'со') && toks.is(k + 1, 'слов')) {
        // `Со слов чемпиона, …`
        comma = findComma(a, k + 2, e);
        if (comma < 0 || comma === k + 2) continue;
        np = a.parseNP(k + 2, comma) ?? (comma - (k + 2) <= 5 ? { first: k + 2, last: comma - 1, form: 'role' } : undefined);
        oblique = true;
      } else if (toks.is(k, 'со') && toks.is(k + 1, 'ссылкой') && toks.is(k + 2, 'на')) {
        // `Со ссылкой на осведомлённый источник, …`
        comma = findComma(a, k + 3, e);
        if (comma < 0 || comma === k + 3) continue;
        np = a.parseNP(k + 3, comma) ?? (comma - (k + 3) <= 5 ? { first: k + 3, last: comma - 1, form: 'role' } : undefined);
        oblique = true;
      } else if (toks.is(k, 'как') && (a.speechVerbAt(k + 1) || (ADVERBS_OF_TIME.has(toks.low(k + 1)) && a.speechVerbAt(k + 2)))) {
        const at = a.speechVerbAt(k + 1) ? k + 1 : k + 2;
        comma = findComma(a, at + 1, e);
        if (comma < 0) continue;
        // `как полагают, …`: a belief of no one named is a guess, not a report; `как отмечено выше`
        // points within the article itself.
        if (comma === at + 1 && BELIEF_VERBS.has(toks.low(at))) continue;
        if (/^(?:выше|ниже|ранее)$/.test(toks.low(at + 1)) && isImpersonalVerb(toks.low(at))) continue;
        verb = at;
        np = a.speakerAfter(verb, comma) ?? a.mediaAfter(verb, comma) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : a.plainNounAfter(verb, comma));
      } else if (midSentence && !atStart && a.speechVerbAt(k) && !isClauseOnlyVerb(toks.low(k)) && !isGerund(toks.low(k))) {
        // A parenthetical: `Турецкая сторона, отмечает издание, готова …`.
        comma = findComma(a, k + 1, e);
        if (comma < 0 || comma > k + 6 || toks.is(comma + 1, 'что') || !toks.isWord(comma + 1) || commaDateEnd(toks, comma) > 0 || RELATIVE.test(toks.low(comma + 1))) continue;
        // `…, заявил Лавров, передает ТАСС.`: no parenthesis but the speaker, then who relays it (below).
        if (a.speechVerbAt(comma + 1) && !isGerund(toks.low(comma + 1))) continue;
        // `…, заявил Костин, выступая в Думе.`: a gerund after the speaker goes on with how he spoke.
        if (isGerund(toks.low(comma + 1))) continue;
        verb = k;
        np = a.speakerAfter(k, comma) ?? a.mediaAfter(k, comma);
        if (!np) continue;
      } else continue;
      const attribution: Attribution = { np, verb, oblique };
      if (atStart) {
        // A direct quote right after the comma was attributed already (unless the clause goes on after
        // lower-case words quoted at its start: `По его словам, «все …» сталкивается с …`).
        const n = comma + 1;
        const opened = a.opensSpan(n);
        if (!(opened >= 0 && clauseGoesOn(a, opened)) && (a.inSpan[n] >= 0 || (toks.get(n) && /^[«"„“]$/.test(toks.get(n).text) && speechSpan.has(spanAt(a, n))))) {
          taken = true;
          break;
        }
        // `Как сообщало EADaily, ранее Сергей Рябков заверил, что …`: the words after carry their own
        // report, whose speaker is the one who said them (found below, with `, что`).
        if (!oblique && reportsOwnClause(a, comma + 1, e)) break;
        add(comma + 1, e, attribution);
      } else {
        // `…, по его словам, «похитить славу»`: the quotation after the parenthesis was attributed already.
        if (speechSpan.has(spanAt(a, comma + 1))) {
          taken = true;
          break;
        }
        // `X заявил, что A, по его словам, B`: the report is A, and B is said after the parenthesis;
        // `заявил, что … меры, которые, по мнению Токио, соответствуют …`: a parenthesis inside the report
        // is part of it (found with the report, below).
        const report = reportBefore(a, s, k - 1);
        if (report) {
          if (RELATIVE.test(toks.low(k - 2))) continue;
          add(report.that + 1, k - 1, { np: a.subjectBefore(report.verb) ?? a.speakerAfter(report.verb, report.that - 1), verb: report.verb, oblique: false });
          if (!(oblique === false && /^(?:и|а|но)$/.test(toks.low(comma + 1)))) add(comma + 1, e, attribution);
          taken = true;
          break;
        }
        // `комитет, который, по словам мэра, должен …`: the relative clause after the parenthesis;
        // `Кроме того, как сообщало агентство, …`: the words after a discourse opener.
        if (RELATIVE.test(toks.low(k - 2)) || DISCOURSE_OPENERS.test(fold(a.text.slice(toks.starts[s], toks.ends[k - 2])))) add(comma + 1, e, attribution);
        // `Американцы обещали мир, напомнил Аракчи, и все равно напали`: a clause complete before the
        // speaker, and after it the author's `и`, `а`, `но`: the words are the clause before.
        else if (/^(?:и|а|но)$/.test(toks.low(comma + 1)) && makesStatement(toks, s, k - 1)) add(s, k - 1, attribution);
        // A parenthetical: `Российские дипломаты, по словам посла, работают …` — the whole sentence.
        else add(s, e, attribution);
      }
      taken = true;
    }
    if (taken) continue;
    // `Алиев заявил: политической целью … является …`: lower-case words after a verb of speech and a
    // colon, in the same sentence and with no marks, are an indirect quote (direct speech is in marks).
    const colonWords = colonReport(a, s, e);
    if (colonWords >= 0) {
      add(colonWords, e, a.attributeBeforeColon(a.speechVerbBefore(colonWords - 1), colonWords - 1));
      continue;
    }
    // `X заявил, что …`
    for (let c = c0; c < c1; c++) {
      const k = commas[c] + 1;
      if (k >= e || !toks.is(k, 'что') || inSpeech(k)) continue;
      let v = k - 2;
      if ((toks.is(v, 'том') && (toks.is(v - 1, 'о') || toks.is(v - 1, 'в'))) || (toks.is(v, 'то') && toks.is(v - 1, 'в'))) v -= 2;
      // A wiki link's closing bracket: `[http://… сообщает], что`.
      if (toks.mark(v) === 0x5d) v--;
      let verb = -1;
      // `обратил внимание на то, что …`, `обратила внимание, что …`: pointing out is saying.
      const pointed = /^(?:обратил|обратила|обратило|обратили|обращает|обращают|обращал|обращала|обращали)$/;
      if (toks.is(v, 'то') && toks.is(v - 1, 'на') && toks.is(v - 2, 'внимание') && pointed.test(toks.low(v - 3))) verb = v - 3;
      else if (toks.is(v, 'внимание') && pointed.test(toks.low(v - 1))) verb = v - 1;
      // `появилась информация о том, что`, `дал показания, что`: nouns of telling stand for the verb.
      // (`Заявления о том, что …, Токаев оценил как …`: statements opening the sentence are its topic.)
      if (toks.isWord(v) && SAYING_NOUNS.has(toks.low(v)) && !(v === s && (toks.is(v, 'заявления') || toks.is(v, 'заявлением')))) verb = v;
      // `слова генсека НАТО Марка Рютте о том, что …`, `прокомментировала заявление МИД Латвии о том, что`:
      // a noun of words said, then whose they are.
      let wordsOf: NP | undefined;
      if (verb < 0 && toks.is(v + 1, 'о') && toks.is(v + 2, 'том')) {
        for (let j = v - 1; j >= s && j >= v - 6 && toks.isWord(j) && a.inSpan[j] < 0; j--) {
          if (!WORDS_SAID.test(toks.low(j))) continue;
          const who = a.parseNP(j + 1, v + 1);
          if (who && who.last === v && who.form !== 'pronoun') {
            verb = j;
            wordsOf = who;
          }
          break;
        }
      }
      // `слова Байдена, заявившего, что …`: the participle speaks for the one named before it.
      const byParticiple = verb < 0 ? a.participleSpeaker(v) : undefined;
      if (byParticiple) {
        add(k + 1, e, { np: byParticiple, oblique: true });
        taken = true;
        break;
      }
      // (Up to seven words, or ten when a place or occasion follows the verb: `заявил на закрытии саммита
      // АТЭС в Южной Корее, что`.)
      for (let j = v, words = 0; verb < 0 && j >= s && words < 10; j--) {
        // A name in quotation marks between verb and `что`: `заявил «Ведомостям», что`.
        if ((a.inSpan[j] >= 0 && !speechSpan.has(a.inSpan[j])) || (isGuillemetOrStraight(toks.mark(j)) && !speechSpan.has(spanAt(a, j)) && !speechSpan.has(a.closesSpan(j)))) continue;
        // Wiki italics: `ответил в ''Twitter'', что`.
        if (toks.mark(j) === APOSTROPHE) continue;
        if (!toks.isWord(j) || inSpeech(j)) break;
        words++;
        if (a.speechVerbAt(j)) {
          if (words <= 7 || toks.is(j + 1, 'на') || toks.is(j + 1, 'в') || toks.is(j + 1, 'во')) verb = j;
          break;
        }
      }
      if (verb < 0) continue;
      // `Я убежден, что …` outside quotation marks: a speaker's own words whose marks were lost, found
      // whole with their attribution (`…, — высказался Фадиллах`), not a report in them.
      if (firstPerson(toks, verb) && dashAttributedParagraph(a, k)) continue;
      const noun = wordsOf !== undefined || SAYING_NOUNS.has(toks.low(verb));
      let np: NP | undefined = wordsOf;
      // `дал показания, что`: the giver speaks; `подтвердил информацию о том, что`: who confirms it.
      // `появилась информация о том, что`: a rumour, unless the press is named as where it appeared.
      if (noun && /^(?:информаци|сведени)/.test(toks.low(verb))) {
        if (a.speechVerbAt(verb - 1)) np = a.subjectBefore(verb - 1);
        else if (!a.mentionsPress(s, e)) continue;
      } else if (wordsOf) np = wordsOf;
      else if (noun) np = /^(?:показания|заявлени[еяю]|заявлением|сообщение)$/.test(toks.low(verb)) ? a.subjectBefore(verb) : undefined;
      else np = a.subjectBefore(verb) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : a.speakerAfter(verb, k - 1)) ?? (isGerund(toks.low(verb)) ? a.mainClauseSpeaker(verb) : undefined);
      // `Его подозревают в том, что …`: an accusation by no one named is a charge, not words reported.
      if (!np && !noun && ACCUSATION.test(toks.low(verb))) continue;
      // `A, сообщило агентство MAP, добавив, что B`: A is reported too, before the verb that turns it.
      if (!noun && isGerund(toks.low(verb)) && toks.mark(verb - 1) === COMMA) np = reportBeforeGerund(s, verb) ?? np;
      const attribution: Attribution = { np, verb: noun ? undefined : verb, oblique: false };
      // `…, что A, и что B`, `…, что A, а также, что B` and `…, что A, и предположили, что B`: each clause on its own.
      let from = k + 1;
      // (Within the next forty commas: a run of reports with no sentence end stays linear.)
      for (let d = c + 1; d < Math.min(c1, c + 40); d++) {
        const j = commas[d];
        if (inSpeech(j)) continue;
        let and = -1;
        if (toks.is(j + 1, 'и')) and = j + 2;
        else if (toks.is(j + 1, 'а') && toks.is(j + 2, 'также')) and = toks.mark(j + 3) === COMMA ? j + 4 : j + 3;
        if (and < 0) continue;
        let that = -1;
        if (toks.is(and, 'что')) that = and;
        else if (a.speechVerbAt(and) && toks.mark(and + 1) === COMMA && toks.is(and + 2, 'что')) that = and + 2;
        if (that < 0) continue;
        add(from, j, attribution);
        from = that + 1;
        // `что, возможно, …`: the comma after `что` opens a parenthesis, not the words.
        if (toks.mark(from) === COMMA) from++;
      }
      // (After `, но` or `, однако` the words go on being reported: `…, что Косово готово к диалогу,
      // однако дата зависит от Брюсселя` is the premier's, unless a verb of speech begins a report of its own.)
      // `Критики говорят, что A, сторонники пишут, что B`: the next report has its own speaker.
      let to = e;
      let another = false;
      for (let d = c + 1; d < c1; d++) {
        const j = commas[d];
        if (j <= from || inSpeech(j)) continue;
        const next = d + 1 < c1 ? commas[d + 1] : -1;
        // `…, что лидер скончался, однако правительство пока не подтвердило …`: a verb in the past
        // after `однако` goes on with what happened, the author's words.
        if (toks.is(j + 1, 'однако')) {
          let past = false;
          for (let x = j + 2; x < j + 7 && x < e && (next < 0 || x < next) && !past; x++) past = toks.isWord(x) && a.inSpan[x] < 0 && isPastVerb(toks.low(x));
          if (past) {
            to = j;
            break;
          }
        }
        // `…, что A, но при этом финский президент призвал …`: the speaker's next report of its own.
        if (/^(?:но|а|однако)$/.test(toks.low(j + 1))) {
          let verb = -1;
          for (let x = j + 2; x < j + 9 && x < e && (next < 0 || x < next) && verb < 0; x++) if (toks.isWord(x) && a.inSpan[x] < 0 && a.speechVerbAt(x) && !isGerund(toks.low(x))) verb = x;
          // (Named by a name or a role: `, но он не считает` and `, но власти надеются` stay in the words.)
          const subject = verb >= 0 ? a.subjectBefore(verb) : undefined;
          if (subject && subject.first > j && (subject.form === 'name' || subject.form === 'role')) {
            to = j;
            another = true;
            break;
          }
        }
        // `…, но власти надеются, что …`: what a conjunction joins goes on being reported.
        if (next > j + 1 && next - j <= 5 && toks.is(next + 1, 'что') && !/^(?:но|а|и)$/.test(toks.low(j + 1))) {
          let verb = false;
          for (let x = j + 1; x < next; x++) if (a.speechVerbAt(x)) verb = true;
          if (verb) {
            to = j;
            another = true;
            break;
          }
        }
      }
      // `В Москве считают, что A, «B», заявила Захарова.`: the belief is what the one at the end said,
      // and words quoted in it are part of it.
      const outer = another ? undefined : trailingReport(a, from, to);
      if (outer) {
        for (let j = from; j < outer.comma; j++) {
          const q = directAt.get(a.spans[a.opensSpan(j)]?.open ?? -1);
          if (q && a.opensSpan(j) >= 0 && toks.mark(j - 1) === COMMA) q.inline = true;
        }
        add(from, outer.comma, outer.relay && attribution.np ? attribution : { np: outer.np, verb: outer.verb, oblique: false });
      } else add(from, to, attribution);
      taken = true;
      if (another) continue;
      break;
    }
    if (taken) continue;
    // `МИД Италии подтвердил что …`, the comma left out.
    for (let k = s + 1; k < e - 2; k++) {
      // (The word's key first: a number read, where most words fail.)
      if (toks.keys[k] !== THAT_KEY || !toks.is(k, 'что') || !a.speechVerbAt(k - 1) || isGerund(toks.low(k - 1)) || inSpeech(k) || a.inSpan[k] >= 0) continue;
      if (firstPerson(toks, k - 1) && dashAttributedParagraph(a, k)) continue;
      const verb = k - 1;
      add(k + 1, e, { np: a.subjectBefore(verb) ?? (isImpersonalVerb(toks.low(verb)) ? undefined : a.speakerAfter(verb, k)), verb, oblique: false });
      taken = true;
      break;
    }
    if (taken) continue;
    // `…, заявил X.` at the end of a sentence (`…, говорится:` announces words still to come).
    // (The sentence's commas from the last, in one array kept across sentences: a new one sorted for
    // each sentence was a twentieth of all the memory the analysis asked for.)
    let nt = 0;
    for (let c = c1 - 1; c >= c0; c--) turns[nt++] = commas[c];
    // `… Украины - сообщил прокурор.`: a dash before the verb turns the sentence as a comma does.
    let dashes = false;
    for (let k = s + 3; k < e - 1; k++) {
      // (A token's first character is a dash only when it is the mark itself: read from the text.)
      const spacedDash = isDash(a.text.charCodeAt(toks.starts[k])) && toks.isWord(k - 1) && toks.ends[k - 1] < toks.starts[k];
      if (spacedDash && a.inSpan[k] < 0 && a.speechVerbAt(k + 1)) {
        turns[nt++] = k;
        dashes = true;
      }
    }
    if (dashes) {
      const sorted = turns.slice(0, nt).sort(descending);
      for (let c = 0; c < nt; c++) turns[c] = sorted[c];
    }
    for (let c = 0; c < nt && turns[c] > s + 1 && toks.mark(e - 1) !== 0x3a; c++) {
      let k = turns[c];
      if (a.inSpan[k] >= 0) continue;
      let v = k + 1;
      if (isDash(toks.mark(v))) v++;
      // `…, — иронично отметил дипломат`: a manner adverb before the verb.
      if (toks.isWord(v) && !toks.isCap(v) && toks.low(v).endsWith('о') && /^[а-яё]{3,}о$/.test(toks.low(v)) && !/^(?:только|много|мало|было|того|чего|кого|всего|своего)$/.test(toks.low(v)) && !a.speechVerbAt(v) && toks.isWord(v + 1) && a.speechVerbAt(v + 1)) v++;
      // `…, 12 февраля сообщает издание Aftonbladet`: a date before the verb.
      if (toks.isWord(v) && toks.length(v) <= 2 && /^[0-9]{1,2}$/.test(toks.textOf(v)) && toks.isWord(v + 1) && MONTH_WORD.test(toks.low(v + 1)) && a.speechVerbAt(v + 2)) v += 2;
      // `…, о чём сообщила «Фонтанка.ру»`: the same report, said of the clause before.
      if (toks.mark(k) === COMMA && toks.is(v, 'о') && (toks.is(v + 1, 'чем') || toks.is(v + 1, 'чём'))) v += 2;
      // A gerund (`…, написав в Twitter:`) tells how the sentence's own subject spoke, not who said it.
      if (!a.speechVerbAt(v) || isClauseOnlyVerb(toks.low(v)) || isGerund(toks.low(v))) continue;
      // `…, сообщил о смерти рэпера …`: the verb has its own topic, so it reports nothing before it;
      // `В поздравлении, в частности, говорится:` announces words still to come.
      if ((toks.is(v + 1, 'о') || toks.is(v + 1, 'об')) && !toks.is(v + 2, 'этом')) continue;
      if (toks.mark(v + 1) === 0x3a) continue;
      // `…, подтверждается «твердая приверженность» …`: the verb's own quoted object is what it reports.
      // (Not a name in marks: `…, сообщила «Фонтанка»`.)
      const object = a.opensSpan(v + 1);
      if (object >= 0 && lowerCaseWords(a.text.slice(a.spans[object].open + 1, a.spans[object].close), 1)) continue;
      let clean = true;
      for (let j = v + 1; j < e; j++) {
        // `…, заявил Рамафоса - 27.10.2025, ПРАЙМ`: a page's date line after the speaker.
        // (Or a bar: `… посол страны в Москве | 15.11.2025, ПРАЙМ`.)
        if ((isDash(toks.mark(j)) || toks.mark(j) === 0x7c) && /^[0-9]/.test(toks.textOf(j + 1))) break;
        // `…, сообщило агентство, добавив, что …`: how the speaker went on is no part of the attribution.
        if (toks.mark(j) === COMMA && isGerund(toks.low(j + 1))) break;
        // `…, заявил Борис Писториус, которому в четверг предстоит …`: a relative clause tells of the speaker.
        if (toks.mark(j) === COMMA && toks.isWord(j + 1) && RELATIVE.test(toks.low(j + 1))) break;
        // (`…, сообщило в пятницу, 24 мая, Министерство …`: a date set off by commas.)
        const dateEnd = commaDateEnd(toks, j);
        if (dateEnd > 0) {
          j = dateEnd;
          continue;
        }
        if (toks.is(j, 'что') || toks.mark(j) === COMMA) {
          clean = false;
          break;
        }
      }
      if (!clean) break;
      // Direct speech before the comma was attributed with its quote, unless it is words quoted
      // inside the sentence (`Марксизм вывел Китай на путь «…», заявил глава КНР`): then the
      // sentence is the quote.
      const before = a.closesSpan(k - 1);
      // (`В то же время «…», напомнила Захарова`: after a discourse opener the quotation stands on its own.)
      const afterOpener = before >= 0 && a.spanOpenTok[before] > s && DISCOURSE_OPENERS.test(fold(a.text.slice(toks.starts[s], toks.ends[a.spanOpenTok[before] - 1])));
      const inlineBefore = before >= 0 && !afterOpener && directAt.get(a.spans[before].open)?.inline === true;
      if (inSpeech(k - 1) || (speechSpan.has(before) && !inlineBefore)) break;
      const limit = a.clauseEnd(v + 1) > v ? a.clauseEnd(v + 1) : e;
      let np = a.speakerAfter(v, limit) ?? a.mediaAfter(v, limit) ?? (isImpersonalVerb(toks.low(v)) ? undefined : a.plainNounAfter(v, limit));
      if (!np && !isImpersonalVerb(toks.get(v).low)) break;
      // `…, заявил Лавров, передает ТАСС`: the medium relays what the speaker before it said.
      const relayed = c + 1 < nt && toks.mark(turns[c + 1]) === COMMA ? turns[c + 1] : -1;
      if (relayed > s + 1 && a.inSpan[relayed] < 0 && a.speechVerbAt(relayed + 1) && !isGerund(toks.low(relayed + 1)) && !isClauseOnlyVerb(toks.low(relayed + 1))) {
        const speaker = a.speakerAfter(relayed + 1, k);
        if (speaker) {
          np = speaker;
          v = relayed + 1;
          k = relayed;
        }
      }
      let words = 0;
      for (let j = s; j < k; j++) if (toks.isWord(j)) words++;
      if (words < 2) break;
      // `Там его видение … – все я это чувствую — сказала Визбор.`: words set off by a typeset dash
      // (a turn at a dash has no comma), are direct speech whose quotation marks were lost, from the start of their
      // paragraph (a hyphen typed for a dash, `… Украины - сообщил прокурор`, is a press release's report).
      // So are words closed by `, —` (`Можете не махать рукой? Очень отвлекает, — сказал Лавров`).
      const dashed = toks.mark(k) === 0x2014 || toks.mark(k) === 0x2013 || (toks.mark(k) === COMMA && (toks.mark(k + 1) === 0x2014 || toks.mark(k + 1) === 0x2013));
      // `Кроме того, …, сообщила X`: the discourse opener joins the article's sentences, no one's words.
      let from = s;
      // Lines run together with no full stop (a page's headline, its date, then the lead): the words
      // start on their own line when it opens with a capital.
      for (let j = k - 1; j > s && j > k - 80 && !dashed; j--) {
        if (toks.isBreak(j) && toks.isWord(j + 1) && toks.isCap(j + 1) && toks.mark(j - 1) !== COMMA && !isDash(toks.mark(j - 1))) {
          from = j + 1;
          break;
        }
      }
      for (let j = from + 1; j <= from + 4 && j < k && !dashed; j++) {
        if (toks.mark(j) !== COMMA) continue;
        if (DISCOURSE_OPENERS.test(fold(a.text.slice(toks.starts[from], toks.ends[j - 1])))) from = j + 1;
        break;
      }
      // `Несколькими часами ранее о том, что в Иран прибыли инспекторы, заявил X`: what was said follows `о том, что`.
      for (let j = from + 2; j < k - 1 && j <= from + 8 && !dashed; j++) {
        if (toks.is(j, 'что') && toks.mark(j - 1) === COMMA && toks.is(j - 2, 'том') && (toks.is(j - 3, 'о') || toks.is(j - 3, 'об'))) from = j + 1;
      }
      add(dashed ? speechParagraphStart(a, s) : from, k, { np, verb: v, oblique: false });
      break;
    }
  }
}

/**
 * The clause [from, to) ends with who reports it: `…, заявила официальный представитель МИД РФ Мария
 * Захарова` (a comma, a verb of speech, its speaker, and nothing else to the end). Where, or undefined.
 */
function trailingReport(a: Analyzer, from: number, to: number): { comma: number; verb: number; np: NP; relay: boolean } | undefined {
  const toks = a.tokens;
  for (let j = to - 2; j > from && j >= to - 16; j--) {
    if (toks.mark(j) !== COMMA || a.inSpan[j] >= 0) continue;
    const v = j + 1;
    if (!toks.isWord(v) || !a.speechVerbAt(v) || isGerund(toks.low(v)) || isClauseOnlyVerb(toks.low(v)) || isImpersonalVerb(toks.low(v))) return undefined;
    if (toks.is(v + 1, 'о') || toks.is(v + 1, 'об') || toks.is(v + 1, 'что')) return undefined;
    const np = a.speakerAfter(v, to) ?? a.mediaAfter(v, to);
    if (!np || np.form === 'pronoun') return undefined;
    // (Nothing after the speaker but the sentence's end.)
    for (let k = np.last + 1; k < to; k++) if (toks.isWord(k)) return undefined;
    // (`…, передает агентство Reuters`: a medium relays what the speaker before said.)
    return { comma: j, verb: v, np, relay: RELAY_VERBS.test(toks.low(v)) };
  }
  return undefined;
}

/** `, что` after a verb of speech (up to seven words before it) between tokens s and to: where. */
function reportBefore(a: Analyzer, s: number, to: number): { that: number; verb: number } | undefined {
  const toks = a.tokens;
  for (let that = s + 2; that < to; that++) {
    if (!toks.is(that, 'что') || toks.mark(that - 1) !== COMMA || a.inSpan[that] >= 0) continue;
    for (let v = that - 2, words = 0; v >= s && words < 7 && toks.isWord(v); v--, words++) {
      if (a.speechVerbAt(v) && !isGerund(toks.low(v))) return { that, verb: v };
    }
  }
  return undefined;
}

/** After the quotation closing at token close: a gerund, or a conjunction and another quotation. */
function tailOfOwn(a: Analyzer, close: number): boolean {
  const toks = a.tokens;
  let k = close + 1;
  if (toks.mark(k) === COMMA) k++;
  if (toks.isWord(k) && isGerund(toks.low(k))) return true;
  return /^(?:но|а|и)$/.test(toks.isWord(k) ? toks.low(k) : '') && a.opensSpan(k + 1) >= 0;
}

/**
 * A report of its own opening at k: `при этом он подчеркнул, что …`, `а Лавров добавил: …` — an opener
 * or none, a subject, a verb of speech, then `, что` or a colon. The verb, or -1.
 */
function newReport(a: Analyzer, k: number, to: number): number {
  const toks = a.tokens;
  const v = verbAfterSubject(a, k);
  if (v < 0 || v >= to - 2 || !a.speechVerbAt(v)) return -1;
  return (toks.mark(v + 1) === COMMA && toks.is(v + 2, 'что')) || toks.mark(v + 1) === 0x3a ? v : -1;
}

/**
 * The verb at k after an opener or none (`при этом`, `в ответ`, `а`, `но`, `и`, `однако`), a subject (a
 * pronoun, a role, a capitalised name) and `также` or `еще`: its index, or -1 (never a gerund).
 */
function verbAfterSubject(a: Analyzer, k: number): number {
  const toks = a.tokens;
  if ((toks.is(k, 'при') && toks.is(k + 1, 'этом')) || (toks.is(k, 'в') && toks.is(k + 1, 'ответ'))) k += 2;
  else if (/^(?:а|но|и|однако)$/.test(toks.low(k))) k++;
  if (!toks.isWord(k) || !(PRONOUNS.has(toks.low(k)) || roleLemma(toks.low(k)) || (toks.isCap(k) && !toks.isAcronym(k) && !isNeverName(toks.low(k))))) return -1;
  k++;
  if (toks.is(k, 'также') || toks.is(k, 'еще') || toks.is(k, 'ещё')) k++;
  return toks.isWord(k) && !isGerund(toks.low(k)) ? k : -1;
}

/** A lower-case plural noun in the genitive at k, of people as a source: `врачей`, `очевидцев`, `экспертов`. */
function peopleNoun(toks: Tokens, k: number): boolean {
  return toks.isWord(k) && !toks.isCap(k) && /(?:ей|ов|ев)$/.test(toks.low(k));
}

/**
 * In the sentence [s, e): a colon after a verb of speech (within three words: `заявил журналистам:`)
 * followed, on the same line, by a lower-case word that opens no quotation. Where the words start, or -1.
 */
function colonReport(a: Analyzer, s: number, e: number): number {
  const toks = a.tokens;
  // (The sentence's colons, found in the list of all of them rather than token by token.)
  const colons = a.colons;
  for (let c = countBelow(colons, s + 1); c < colons.length && colons[c] < e - 3; c++) {
    const j = colons[c];
    if (a.inSpan[j] >= 0) continue;
    if (!toks.isWord(j + 1) || toks.isCap(j + 1) || toks.isBreak(j + 1)) return -1;
    for (let v = j - 1; v >= s && v >= j - 3 && toks.isWord(v); v--) {
      if (a.speechVerbAt(v) && !isGerund(toks.low(v)) && !isImpersonalVerb(toks.low(v))) return makesStatement(toks, j + 1, e) ? j + 1 : -1;
    }
    return -1;
  }
  return -1;
}

/**
 * At k, after a comma or a dash inside reported words: a pronoun or a name, then a verb of speech or of
 * naming in the past (`он назвал`, `в ответ Онищенко назвал`, `а она добавила`) — the author's words again.
 */
function speakerSpeaksAt(a: Analyzer, k: number): boolean {
  const v = verbAfterSubject(a, k);
  return v >= 0 && PAST_TENSE.test(a.tokens.low(v)) && (a.speechVerbAt(v) || NAMING_VERBS.has(a.tokens.low(v)));
}

/** A verb of speech, or of a reaction (`отреагировал`), in [from, to) and outside quotation marks. */
function speaksOutsideMarks(a: Analyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (a.tokens.isWord(k) && a.inSpan[k] < 0 && (a.speechVerbAt(k) || REACTION.test(a.tokens.low(k)))) return true;
  return false;
}
const REACTION = /^(?:отреагировал|отреагировала|отреагировали|отреагировало)$/;

/** A verb of speech in [from, to). */
function saysWithin(a: Analyzer, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (a.tokens.isWord(k) && a.speechVerbAt(k)) return true;
  return false;
}

/** `X заверил, что` in [from, to): a speech verb, within three words of a comma before `что`. */
function reportsOwnClause(a: Analyzer, from: number, to: number): boolean {
  const toks = a.tokens;
  for (let j = from + 2; j < to; j++) {
    if (!toks.is(j, 'что') || toks.mark(j - 1) !== COMMA) continue;
    for (let v = j - 2; v >= from && v >= j - 4 && toks.isWord(v); v--) if (a.speechVerbAt(v) && !isGerund(toks.low(v))) return true;
    return false;
  }
  return false;
}

/** The verb at v has `я` or `мы` right before it: `я убежден`, `мы считаем`. */
function firstPerson(toks: Tokens, v: number): boolean {
  return toks.is(v - 1, 'я') || toks.is(v - 1, 'мы');
}

/** The paragraph of token i ends with `…, — сказал X.`: unmarked words set off by a dash and a verb. */
function dashAttributedParagraph(a: Analyzer, i: number): boolean {
  const toks = a.tokens;
  let e = i;
  while (e < toks.count && e < i + 400 && !toks.isBreak(e)) e++;
  for (let k = e - 2; k > i && k > e - 12; k--) {
    if (toks.mark(k) === COMMA && (toks.mark(k + 1) === 0x2014 || toks.mark(k + 1) === 0x2013) && a.speechVerbAt(k + 2)) return true;
  }
  return false;
}

/**
 * Where the unmarked words that end at sentence s began: the start of its paragraph, unless an
 * earlier sentence of the paragraph reports speech of its own or holds a quotation.
 */
function speechParagraphStart(a: Analyzer, s: number): number {
  const toks = a.tokens;
  // Backwards from s, so that a long paragraph of such sentences costs each token once: the previous
  // sentence's own verb stops the walk.
  for (let k = s - 1; k >= 0; k--) {
    if (toks.isBreak(k)) return k + 1;
    // (`Я убежден, что …`: speech in the first person is the speaker's own words going on.)
    if (a.inSpan[k] >= 0 || (toks.isWord(k) && a.speechVerbAt(k) && !firstPerson(toks, k))) return s;
  }
  return 0;
}

const MONTH_WORD = /^(?:январ|феврал|март|апрел|ма[йяе]$|июн|июл|август|сентябр|октябр|ноябр|декабр|янв$|фев$|февр$|мар$|апр$|авг$|сен$|сент$|окт$|ноя$|нояб$|дек$)/;

/** `, 24 мая,`, `, 24 мая 2025 года,` at the comma k: the closing comma's index, or -1. */
function commaDateEnd(toks: Tokens, k: number): number {
  if (toks.mark(k) !== COMMA || !/^[0-9]{1,2}$/.test(toks.textOf(k + 1)) || !toks.isWord(k + 2) || !MONTH_WORD.test(toks.low(k + 2))) return -1;
  let j = k + 3;
  if (/^[0-9]{4}$/.test(toks.textOf(j))) j++;
  if (toks.is(j, 'года') || toks.is(j, 'г')) j++;
  return toks.mark(j) === COMMA ? j : -1;
}

/**
 * Past an agency's dateline at token from, when one opens the words there: `МОСКВА, 24 сен - РИА
 * Новости.`, `Москва, 24 сентября —`, `ВАШИНГТОН, 3 октября. /ТАСС/.`. The dateline is where the
 * news was written, not what anyone said. Returns from when there is none (or the words end first).
 */
function afterDateline(a: Analyzer, from: number, end: number): number {
  const toks = a.tokens;
  let k = from;
  // The place: up to three capitalised words (`НЬЮ-ЙОРК`, `Нижний Новгород`), then a comma.
  while (k < from + 3 && toks.isWord(k) && toks.isCap(k)) k++;
  if (k === from || toks.mark(k) !== COMMA) return from;
  k++;
  if (!/^[0-9]{1,2}$/.test(toks.textOf(k)) || !toks.isWord(k + 1) || !MONTH_WORD.test(toks.low(k + 1))) return from;
  k += 2;
  if (/^[0-9]{4}$/.test(toks.textOf(k))) k++;
  // Then the agency (`- РИА Новости.`, `. /ТАСС/.`): the news opens at the next capital after a
  // dash or a full stop, within a few tokens.
  for (let j = k; j < k + 8 && j < end; j++) {
    const m = toks.mark(j);
    // (`- РИА Новости. Россия`, `- Интерфакс. …`: the agency's own name is no news.)
    if ((isDash(m) || m === FULL_STOP) && toks.isCap(j + 1) && !toks.isAcronym(j + 1) && !isMedia(toks.low(j + 1)) && !toks.is(j + 1, 'интерфакс')) {
      return j + 1 < end ? j + 1 : from;
    }
  }
  return from;
}

/**
 * Modal words and copulas whose infinitive or complement carries the statement: `может «…»`, `должны
 * «…»`, `является «…»`, `оказалась «не в том месте …»`.
 */
const MODALS = /^(?:может|могут|мог|могла|могли|можно|должен|должна|должно|должны|готов|готова|готово|готовы|намерен|намерена|намерены|хочет|хотят|будет|будут|стоит|нужно|надо|следует|является|являются|являлся|являлась|станет|станут|стал|стала|стало|стали|оказался|оказалась|оказалось|оказались|был|была|было|были)$/;

/** Notes Russian outlets must add to some names: `(внесен в перечень террористов и экстремистов)`, `(признан иноагентом)`. */
const LEGAL_NOTE = /^\((?:[^()]*\s)?(?:внесен|внесена|внесено|внесены|признан|признана|признано|признаны|запрещен|запрещена|запрещено|запрещены|деятельность|организация|иноагент)[^()]*\)$/i;

/** Marks that open (`«"„(`) and close (`»"“)`) what indirect speech may start or end with. */
const OPENING = new Set([0xab, 0x22, 0x201e, 0x28]);
const CLOSING = new Set([0xbb, 0x22, 0x201c, 0x29]);

/** `«`, `»` or `"`. */
function isGuillemetOrStraight(m: number): boolean {
  return m === 0xab || m === 0xbb || m === 0x22;
}

/** Marks skipped between a verb and its speaker: quotation marks, and a full stop after one character (`В. Путин`). */
function skippedBeforeSpeaker(toks: Tokens, k: number, m: number): boolean {
  return isGuillemetOrStraight(m) || (m === FULL_STOP && toks.length(k - 1) === 1);
}

/** `словам` or `мнению`, as in `по словам`, `по его мнению`. */
function inWordsOf(toks: Tokens, i: number): boolean {
  // (`по её оценке` is her opinion; `по оценке фонда` an estimate, data.)
  return toks.is(i, 'словам') || toks.is(i, 'мнению') || (toks.mayBe(i, SPEECH_CUE_KEYS) && REPORT_NOUNS.has(toks.low(i))) || (toks.is(i, 'оценке') && POSSESSIVES.has(toks.low(i - 1)));
}
/** Words that open a sentence without saying anything of their own. */
const DISCOURSE_OPENERS = /^(?:кроме того|кроме этого|помимо этого|при этом|между тем|в то же время|тем временем|вместе с тем|в свою очередь|также|однако|впрочем|тем не менее|напомним)$/;

/** `как ранее сообщало ИА REGNUM`: words of time between `как` and its verb. */
const ADVERBS_OF_TIME = new Set(['ранее', 'уже', 'также', 'позже', 'позднее', 'прежде', 'сегодня', 'вчера', 'недавно']);

/** Nouns that report words as a verb does: `информация о том, что`, `дал показания, что` (rumours, `слухи`, are no one's words). */
const SAYING_NOUNS = new Set(['информация', 'информацию', 'сведения', 'показания', 'заявление', 'сообщение', 'заявления', 'заявлением', 'данные', 'мнения', 'мнение', 'утверждение', 'утверждением']);
/** Nouns of words said, followed by whose they are: `слова Рютте о том, что`, `заявления Макрона о том, что`. */
const WORDS_SAID = /^(?:слова|словам|словах|заявлени[еяю]|заявлениям?|заявлениях|заявлением|утверждени[еяю]|утверждениям?|утверждением|высказывани[еяю]|высказываниям?|высказыванием)$/;

/** Who spoke last before the sentence of token i: the subject of the previous sentence's speech verb. */
function previousSpeaker(a: Analyzer, i: number): NP | undefined {
  const s = a.sentenceStartOf(i);
  if (s <= 0) return undefined;
  const verb = a.speechVerbBefore(s - 1);
  return verb >= 0 ? a.subjectBefore(verb) : undefined;
}

/** Instrumental endings, of what someone is declared or found to be: `«предателями»`, `«крайне неэтичной»`. */
const INSTRUMENTAL = /(?:ым|ыми|ими|ой|ей|ом|ем|ами|ями|ью)$/;
/** One of the first two quoted words is in the instrumental case. */
function declaresAs(inner: string): boolean {
  return (inner.toLowerCase().match(/[а-яё]+/g) ?? []).slice(0, 2).some((w) => INSTRUMENTAL.test(w));
}

/** Verbs of shouting and chanting, whose object in quotation marks is what was shouted. */
const SHOUTING = /^(?:крича|кричи|выкрикн|выкрикива|прокрича|закрича|воскликн|восклица|скандир|произнес|произнос)/;

/** A past-tense verb: `улыбнулся`, `развела`, `раскрыли`. */
const PAST_TENSE = /^[а-яё]{3,}(?:[аяиеуы]л|[аяиеуы](?:ла|ли|лся|лась|лись))$/;
/** A verb in the past, short ones too (`стал`, `подтвердило`). */
function isPastVerb(low: string): boolean {
  return (PAST_TENSE.test(low) || /^[а-яё]{2,}[аяеиу](?:л|ло)$/.test(low)) && !NOUNS_LIKE_PAST.test(low) && !/^(?:дело|тело|число|село|масло|крыло|весло|сила|стол|пол)$/.test(low);
}

/** Nouns that end like a past-tense verb. */
const NOUNS_LIKE_PAST = /^(?:канал|генерал|финал|капитал|сериал|материал|журнал|сигнал|идеал|арсенал|портал|персонал|фестивал|скандал|зал|бал|вал|(?![а-яё]*(?:летели|хотели|вертели)$)[а-яё]*тели|[а-яё]*били|правила|начала|детали|недели|сели|земли)$/;

/** Verbs of accusing: reported speech only when someone is named as accusing. */
const ACCUSATION = /^(?:обвин|подозрева)/;

/** Verbs of belief in the plural of no one in particular: `как полагают`, `как считают`. */
const BELIEF_VERBS = new Set(['полагают', 'считают', 'предполагают', 'думают']);

/** Adverbs that stand before a verb without being who speaks: `сразу подтвердили`. */
const ADVERBS = new Set(['сразу', 'тут', 'тогда', 'затем', 'потом', 'позже', 'позднее', 'вскоре', 'уже', 'еще', 'тоже', 'лишь', 'снова', 'вновь', 'вчера', 'сегодня', 'официально', 'публично', 'открыто', 'неоднократно', 'впервые', 'прямо', 'даже', 'все', 'всё', 'это', 'так', 'также', 'не', 'ни', 'же', 'только', 'сам', 'сама', 'сами']);

/** `который` in any form. */
const RELATIVE = /^котор(?:ый|ая|ое|ые|ого|ой|ому|ым|ых|ыми|ую)$/;

/** `по` or `согласно` opening a source: `по словам X`, `согласно заявлению X`. */
function isSourcePreposition(toks: Tokens, k: number): boolean {
  return toks.is(k, 'по') || toks.is(k, 'согласно');
}

function spanAt(a: Analyzer, tok: number): number {
  return a.opensSpan(tok);
}

function findComma(a: Analyzer, from: number, end: number): number {
  const toks = a.tokens;
  for (let k = from; k < end && k < from + 16; k++) {
    if (a.inSpan[k] >= 0) continue;
    const m = toks.mark(k);
    if (m === COMMA) return k;
    if (m === FULL_STOP && gluedBetweenWords(toks, k)) continue;
    if (isSentenceEnd(m) || toks.isBreak(k)) return -1;
  }
  return -1;
}

/** A full stop with a word on both sides and no space: `NEWSru.com`, `Lenta.ru`, not a sentence end. */
/** `…президентов России и Турции.Ранее в пятницу …`: a space lost after a sentence, not `Lenta.ru` or `В.Зубков`. */
function missingSpace(toks: Tokens, k: number): boolean {
  const before = toks.textOf(k - 1);
  // (`…Китай.Премьер-министр`, `агентство «Монцамэ».Премьер-министр`: after a word or a name's closing mark.)
  // (`— добавил он.В России …`: a two-letter word too, unless an abbreviation, `ул.Ленина`.)
  // (`…Генассамблеи ООН.По словам …`: an acronym too.)
  const ends = (before.length >= 3 && /[а-яё]$/.test(before)) || (toks.isAcronym(k - 1) && /^[А-ЯЁ]{2,}$/.test(before)) || (before.length === 2 && /^[а-яё]+$/.test(before) && !ABBREVIATIONS.has(before)) || ((before === '»' || before === ')') && toks.starts[k] === toks.ends[k - 1]);
  // (The next sentence may open with a one-letter preposition: `… он.В России …`, not an initial, `В.Зубков`.)
  const next = toks.textOf(k + 1);
  // (And a Cyrillic acronym: `…роли.США отказали …`.)
  return ends && toks.isCap(k + 1) && (/^[А-ЯЁ][а-яё]+(?:-[а-яё]{2,})?$/.test(next) || (/^[ВСКОУАИ]$/.test(next) && toks.text[toks.ends[k + 1]] === ' ') || (/^[А-ЯЁ]{2,}$/.test(next) && /[а-яё]{3}$/.test(before)));
}

function gluedBetweenWords(toks: Tokens, k: number): boolean {
  return toks.isWord(k - 1) && toks.isWord(k + 1) && toks.ends[k - 1] === toks.starts[k] && toks.ends[k] === toks.starts[k + 1];
}

export { fold };
