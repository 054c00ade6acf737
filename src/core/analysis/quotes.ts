// Quotes and their speakers in Russian news: direct speech in any quotation marks, indirect
// speech (`он отметил, что …`), and who said it. Pure; no 'vscode'. Linear in the text: one pass
// pairs quotation marks, one tokenizes, and every look-around is bounded by its sentence.
import type { QuoteAnnotation, SpeakerAnnotation, SpeakerForm, TermAnnotation } from './types';
import { parseHeader } from '../text';
import {
  type Token, tokenize, fold, isSpeechVerb, isImpersonalVerb, isClauseOnlyVerb, verbGender, roleLemma, bodyLemma, BODY_BIGRAMS,
  isNameNoun, isAddressee, isMedia, PRONOUNS, POSSESSIVES, isNeverName, isDocumentNoun,
} from './speech';
import { Cast, type Gender, type Person, firstName, surnameKey } from './speakers';

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
  const opensAfter = (c: string | undefined) => isSpace(c) || (c !== undefined && '([{:—–-«„/'.includes(c));
  const isWordStart = (c: string | undefined) => c !== undefined && /[0-9A-Za-zА-Яа-яЁё«„'‘…(.]/.test(c);
  const closesBefore = (c: string | undefined) => isSpace(c) || (c !== undefined && '.,;:!?)]}»“”—–-…'.includes(c));
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
  for (let hit = MARKS.exec(text); hit; hit = MARKS.exec(text)) {
    let i = hit.index;
    const c = hit[0];
    switch (c) {
      case '\n': {
        if (stack.length === 0) break;
        // Skip blank lines and spaces to the next paragraph's first character.
        let j = i + 1;
        while (j < n && isSpace(text[j])) j++;
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
        const canClose = !isSpace(prev) && closesBefore(next);
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
  return spans.sort((a, b) => a.open - b.open);
}

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
const PREPOSITIONS = new Set(['в', 'во', 'на', 'из', 'с', 'со', 'к', 'ко', 'у', 'о', 'об', 'от', 'до', 'для', 'при', 'по', 'за', 'под', 'над', 'через', 'после', 'перед', 'между', 'без', 'против', 'около', 'среди', 'вместе']);
const ABBREVIATIONS = new Set(['г', 'гг', 'им', 'т', 'д', 'ул', 'стр', 'тыс', 'млн', 'млрд', 'руб', 'долл', 'ст', 'п', 'пп', 'ч', 'см', 'др', 'проф', 'акад', 'ген', 'св', 'пр', 'с', 'н', 'э', 'вв', 'в', 'кв', 'км']);
const GEO_GENITIVE = new Set([
  'китая', 'израиля', 'египта', 'ирана', 'ирака', 'казахстана', 'узбекистана', 'таджикистана', 'туркменистана', 'киргизстана', 'пакистана',
  'афганистана', 'азербайджана', 'катара', 'омана', 'йемена', 'бахрейна', 'судана', 'вьетнама', 'лаоса', 'непала', 'кувейта', 'алжира',
  'польши', 'украины', 'литвы', 'кубы', 'ливии', 'сирии', 'москвы', 'киева', 'вашингтона', 'пекина', 'минска', 'брюсселя', 'вены', 'женевы',
  'лондона', 'парижа', 'берлина', 'токио', 'кремля', 'госдумы', 'совфеда', 'совбеза', 'евросоюза', 'госдепартамента', 'госдепа', 'пентагона',
  'ватикана', 'европарламента', 'бундестага', 'сената', 'конгресса', 'парламента', 'правительства', 'минобороны', 'минфина', 'мида',
  'ливана', 'туниса', 'чада', 'мали', 'нигера', 'перу', 'чили', 'эквадора', 'гондураса', 'сальвадора', 'гаити', 'бангладеш', 'непала',
  'таиланда', 'тайваня', 'донбасса', 'крыма', 'кавказа', 'ближнего', 'востока', 'запада', 'севера', 'юга', 'европы', 'азии', 'африки', 'америки',
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
}

class Analyzer {
  readonly tokens: Token[];
  /** Sentence index of each token. */
  readonly sentence: Int32Array;
  /** First token index of each sentence. */
  readonly sentenceStarts: number[] = [];
  /** For each token, the index of the marked span it lies inside (or -1). */
  readonly inSpan: Int32Array;
  readonly spans: MarkedSpan[];
  /** Token index of each span's opening and closing mark. */
  readonly spanOpenTok: number[] = [];
  readonly spanCloseTok: number[] = [];
  /** For each token, the span it opens or closes (or -1). */
  readonly opensSpan: Int32Array;
  readonly closesSpan: Int32Array;
  /** Inside `«…, — сказал он, — …»` the author's words lie within the marks. */
  insideMarks = false;
  /** Offsets covered by organisation terms from the glossary. */
  private readonly orgTermStarts = new Set<number>();

  constructor(
    readonly text: string,
    context: QuoteContext,
  ) {
    this.tokens = tokenize(text);
    this.spans = pairQuotationMarks(text);
    for (const t of context.terms ?? []) if (t.category === 'organisation') this.orgTermStarts.add(t.start);
    const toks = this.tokens;
    this.inSpan = new Int32Array(toks.length).fill(-1);
    this.opensSpan = new Int32Array(toks.length).fill(-1);
    this.closesSpan = new Int32Array(toks.length).fill(-1);
    let s = 0;
    for (let i = 0; i < toks.length; i++) {
      while (s < this.spans.length && this.spans[s].close < toks[i].start) s++;
      const sp = this.spans[s];
      if (sp && toks[i].start === sp.open) {
        this.spanOpenTok[s] = i;
        this.opensSpan[i] = s;
      }
      if (sp && toks[i].start === sp.close) {
        this.spanCloseTok[s] = i;
        this.closesSpan[i] = s;
      }
      if (sp && toks[i].start > sp.open && toks[i].start < sp.close) this.inSpan[i] = s;
    }
    this.sentence = new Int32Array(toks.length);
    const header = parseHeader(text);
    const titleStart = header ? header.end - header.title.length : -1;
    let id = 0;
    this.sentenceStarts.push(0);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      let brk = false;
      if (t.start === titleStart && i > 0) brk = true;
      else if (i > 0 && this.inSpan[i] < 0) {
        const p = toks[i - 1];
        if (p.kind === 'n' && this.inSpan[i - 1] < 0) brk = true;
        else if (SENTENCE_END.has(p.text) && this.inSpan[i - 1] < 0 && (t.cap || t.text === '«' || t.text === '"' || DASHES.has(t.text) || /^\d/.test(t.text))) {
          const w = toks[i - 2];
          const abbrev = w && w.kind === 'w' && w.end === p.start && ((w.text.length === 1 && w.cap) || ABBREVIATIONS.has(w.low));
          if (!abbrev) brk = true;
        }
      }
      if (brk) {
        id++;
        this.sentenceStarts.push(i);
      }
      this.sentence[i] = id;
    }
  }

  sentenceStartOf(i: number): number {
    return this.sentenceStarts[this.sentence[i]];
  }
  sentenceEndOf(i: number): number {
    const next = this.sentenceStarts[this.sentence[i] + 1];
    return next === undefined ? this.tokens.length : next;
  }

  masked(i: number): boolean {
    return !this.insideMarks && this.inSpan[i] >= 0;
  }

  /** `С.` of `С. Лавров`. */
  isInitial(i: number): boolean {
    const t = this.tokens[i];
    const dot = this.tokens[i + 1];
    return !!t && t.kind === 'w' && t.cap && t.text.length === 1 && !!dot && dot.text === '.' && dot.start === t.end && this.nameWord(i + 2, true);
  }

  /** `И` of `Ван И`: a one-letter name part that is no initial. */
  oneLetter(i: number): boolean {
    const t = this.tokens[i];
    return !!t && t.kind === 'w' && t.cap && t.text.length === 1 && !this.masked(i) && !this.isInitial(i);
  }

  isWord(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'w';
  }

  /** A word that can be part of a personal name. */
  private nameWord(i: number, relaxed = false): boolean {
    const t = this.tokens[i];
    if (relaxed && t && t.kind === 'w' && t.cap && !t.acronym && t.text.length > 1 && !this.masked(i)) return !isNeverName(t.low);
    if (!t || t.kind !== 'w' || !t.cap || t.acronym || this.masked(i)) return false;
    if (/^\d/.test(t.text) || isNeverName(t.low) || bodyLemma(t.low) || roleLemma(t.low) || isMedia(t.low)) return false;
    if (this.orgTermStarts.has(t.start)) return false;
    return true;
  }

  /** The run of name words starting at i (with initials `С.`), or -1. */
  private nameRun(i: number, limit: number): number {
    let j = i;
    let last = -1;
    while (j < limit && j - i < 6) {
      const t = this.tokens[j];
      if (this.isInitial(j)) {
        last = j + 1;
        j += 2;
        continue;
      }
      // `Ван И`: a one-letter part after a name (not an initial, which has its full stop).
      const letter = last >= 0 && this.oneLetter(j);
      if (letter || (this.nameWord(j) && (t.text.length > 1 || last >= 0))) {
        last = j;
        j++;
        continue;
      }
      break;
    }
    return last;
  }

  /** A word inside a role's or body's genitive complement: `МИД РФ`, `иностранных дел`, `при ООН`. */
  private complementWord(i: number, limit: number): boolean {
    const t = this.tokens[i];
    if (!t || i >= limit || t.kind !== 'w' || this.masked(i)) return false;
    if (t.acronym) return true;
    if (isSpeechVerb(t.low) || PRONOUNS.has(t.low) || t.low === 'что' || t.low === 'который' || t.low === 'которая') return false;
    const next = this.tokens[i + 1];
    if (t.low === 'при') return !!next && next.kind === 'w';
    if (t.low === 'в' || t.low === 'во') return !!next && next.kind === 'w' && next.cap && !bodyLemma(next.low);
    if (t.low === 'по') return !!next && next.kind === 'w' && (next.cap || /(?:ым|им|ему|ому)$/.test(next.low) || ['делам', 'правам', 'вопросам'].includes(next.low));
    if (t.low === 'и') return !!next && next.kind === 'w' && !next.cap && /(?:и|ы|а|я|ов|ей|ых|их)$/.test(next.low) && this.complementWord(i + 1, limit);
    if (PREPOSITIONS.has(t.low)) return false;
    if (t.cap) return true;
    if (t.low === 'дел') return true;
    // Verbs and gerunds end the phrase: `министр выступил`, `заявил глава МИД, выступая`.
    if (/(?:л|ла|ло|ли|ет|ют|ит|ят|ется|ются|лся|лась|лись|ть|ться|вшись|ая|яя)$/.test(t.low) && !/(?:ая|яя)$/.test(t.low)) return false;
    if (/(?:ая|яя)$/.test(t.low)) return false;
    return /(?:ых|их|ым|им|ого|его|ой|ей|ии|ти|ства|ента|ета|ата|ов|ев|а|я|ы|и|ам|ям|ях|ах|ом|ем)$/.test(t.low);
  }

  /** Adjectives before a role head: `официальный представитель`, `бразильский министр`. */
  private roleAdjectives(i: number, limit: number): number {
    let j = i;
    while (j < limit && j - i < 3 && this.isWord(j) && /(?:ый|ий|ой|ая|яя|ого|его|ому|ему|ым|им|ую|юю|ей)$/.test(this.tokens[j].low) && !roleLemma(this.tokens[j].low)) j++;
    return j < limit && j > i && this.isWord(j) && roleLemma(this.tokens[j].low) ? j : -1;
  }

  /** Parses a speaker phrase starting at token i and ending before `limit`. */
  parseNP(i: number, limit: number, sentenceInitial = false): NP | undefined {
    const toks = this.tokens;
    const t = toks[i];
    if (!t || i >= limit || t.kind !== 'w' || this.masked(i)) return undefined;
    const g = PRONOUNS.get(t.low);
    if (g) return { first: i, last: i, form: 'pronoun', gender: g };
    if ((t.low === 'в' || t.low === 'во') && i + 1 < limit) {
      const body = this.parseBody(i + 1, limit);
      if (body) return body;
      return undefined;
    }
    const body = this.parseBody(i, limit);
    if (body) return body;
    const headAt = roleLemma(t.low) ? i : this.roleAdjectives(i, limit);
    if (headAt >= 0) {
      let k = headAt + 1;
      // `заместитель министра`, `глава департамента`: role heads may chain.
      while (k < limit && (this.complementWord(k, limit) || (this.isWord(k) && roleLemma(toks[k].low) && !toks[k].cap))) {
        if (this.nameStartsAt(k, limit)) break;
        k++;
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
        const lone = r === roleLast - 1 && /(?:ы|и|ого|его|ой|ей)$/.test(toks[roleLast].low);
        if (r < roleLast && !lone) {
          let f = r + 1;
          const first = this.firstKnownName(f, roleLast);
          if (first >= 0) f = first;
          else while (f <= roleLast && this.isComplementName(f)) f++;
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
    const t = toks[i];
    if (!t || t.kind !== 'w' || this.masked(i)) return undefined;
    let head: string | undefined;
    let k = i + 1;
    const n = toks[i + 1];
    if (n && n.kind === 'w' && i + 1 < limit) {
      const bigram = BODY_BIGRAMS.get(t.low + ' ' + n.low);
      if (bigram) {
        head = bigram;
        k = i + 2;
      }
    }
    if (!head && t.low === 'пресс-служба') head = 'пресс-служба';
    if (!head) {
      const b = bodyLemma(t.low);
      if (b) head = b;
      else if (t.acronym && !/^(?:РФ|США|КНР|ЕС|ООН)$/.test(t.text) || this.orgTermStarts.has(t.start)) head = t.text;
      else if (/^агентств/.test(t.low) && n && n.kind === 'w' && n.cap) head = 'агентство';
    }
    if (!head) return undefined;
    // Media after `агентство`: `агентство Reuters`.
    while (k < limit && this.complementWord(k, limit)) k++;
    return { first: i, last: k - 1, form: 'body', bodyHead: head, gender: 'pl' };
  }

  private nameStartsAt(k: number, limit: number): boolean {
    const t = this.tokens[k];
    if (this.isInitial(k)) return true;
    if (!this.nameWord(k)) return false;
    if (firstName(t.low)) return true;
    // An initial: `С. Лавров`.
    if (this.isInitial(k)) return true;
    void limit;
    return false;
  }

  private firstKnownName(from: number, to: number): number {
    for (let k = from; k <= to; k++) if (firstName(this.tokens[k].low)) return k;
    return -1;
  }

  /** A capitalised word that is the complement of a role, not a name: `Турции`, `Китая`, `Госдумы`. */
  private isComplementName(k: number): boolean {
    const low = this.tokens[k].low;
    return /(?:ии|ой|ого|ей|его)$/.test(low) || GEO_GENITIVE.has(low);
  }

  /** A capitalised word opening a sentence is a name only with support. */
  private plausibleInitialName(i: number, limit: number): boolean {
    const t = this.tokens[i];
    if (firstName(t.low)) return true;
    if (this.knownKeys.has(surnameKey(t.text))) return true;
    if (/(?:ов|ев|ин|ын|ский|цкий|ова|ева|ина|ская|цкая|енко|ук|юк)$/.test(t.low)) return true;
    const n = this.tokens[i + 1];
    if (n && n.kind === 'w' && n.cap && this.nameWord(i + 1)) return true;
    // `Шольц сказал`: a singular verb right after it.
    for (let k = i + 1; k < limit && k < i + 3; k++) {
      const w = this.tokens[k];
      if (w.kind !== 'w') break;
      if (isSpeechVerb(w.low)) return verbGender(w.low) !== 'pl';
    }
    return false;
  }

  /** Surname keys of people introduced with a first name or role anywhere in the text. */
  knownKeys = new Set<string>();

  /** The speaker of a verb from the words before it in its sentence (subject position). */
  subjectBefore(verb: number): NP | undefined {
    const s = this.sentenceStartOf(verb);
    for (let k = s; k < verb; k++) {
      const t = this.tokens[k];
      if (t.kind !== 'w' || this.inSpan[k] >= 0) continue;
      if ((t.low === 'в' || t.low === 'во') && this.isWord(k + 1) && isDocumentNoun(this.tokens[k + 1].low)) {
        // `В заявлении МИД говорится`: the body named after the document, if any.
        let j = k + 2;
        while (j < verb && this.isWord(j) && !this.tokens[j].cap && /(?:ом|ем|ой|ей)$/.test(this.tokens[j].low)) j++;
        return this.parseNP(j, verb);
      }
      if (this.isWord(k + 1) && isDocumentNoun(this.tokens[k + 1].low) && /(?:ом|ем)$/.test(t.low)) return undefined;
      const prev = this.tokens[k - 1];
      if (prev && k > s && prev.kind === 'w' && PREPOSITIONS.has(prev.low) && t.cap && !bodyLemma(t.low)) continue;
      const np = this.parseNP(k, verb, k === s);
      if (np) {
        if (np.form === 'body' && this.tokens[k].low !== 'в' && this.tokens[k].low !== 'во' && k > s && PREPOSITIONS.has(prev?.low ?? '')) continue;
        return np;
      }
    }
    return undefined;
  }

  /** The speaker after a verb: `заявил журналистам директор … Артур Люкманов`. */
  speakerAfter(verb: number, limit: number): NP | undefined {
    const toks = this.tokens;
    let k = verb + 1;
    let afterPreposition = false;
    while (k < limit) {
      const t = toks[k];
      if (t.kind !== 'w') {
        if (this.masked(k) || t.text === '«' || t.text === '»' || t.text === '"' || t.text === '.' && toks[k - 1]?.text.length === 1) {
          k++;
          continue;
        }
        return undefined;
      }
      if (this.masked(k)) {
        k++;
        continue;
      }
      if (isAddressee(t.low) || isMedia(t.low)) {
        k++;
        // A media name after the addressee: `телеканалу «Россия 24»`, `агентству Reuters`.
        while (k < limit && (this.masked(k) || (toks[k].kind === 'w' && (toks[k].cap || isMedia(toks[k].low)) && !this.nameStartsAt(k, limit) && !roleLemma(toks[k].low)) || /^[«»"]$/.test(toks[k].text))) k++;
        continue;
      }
      if ((t.low === 'в' || t.low === 'во') && this.isWord(k + 1) && isDocumentNoun(toks[k + 1].low)) {
        let j = k + 2;
        while (j < limit && this.isWord(j) && !toks[j].cap && /(?:ом|ем|ой|ей)$/.test(toks[j].low)) j++;
        if (j < limit && this.isWord(j) && isMedia(toks[j].low)) return undefined;
        return this.parseNP(j, limit);
      }
      if (isSpeechVerb(t.low) || t.low === 'что') return undefined;
      if (!afterPreposition) {
        const np = this.parseNP(k, limit);
        if (np) return np;
      }
      afterPreposition = PREPOSITIONS.has(t.low) && t.low !== 'в' && t.low !== 'во' ? true : (PREPOSITIONS.has(t.low) ? true : (afterPreposition && !t.cap ? afterPreposition && !/(?:ах|ях|е|и|ом|ем|ой|ей|у|ю)$/.test(t.low) : false));
      if (PREPOSITIONS.has(t.low)) afterPreposition = true;
      k++;
    }
    return undefined;
  }

  /** End of a clause: the next comma, sentence end, dash or line break (exclusive token index). */
  clauseEnd(from: number): number {
    const end = this.sentenceEndOf(from);
    for (let k = from; k < end; k++) {
      const t = this.tokens[k];
      if (this.inSpan[k] >= 0) continue;
      if (t.kind === 'n' || (t.kind === 'p' && (t.text === ',' || t.text === ';' || t.text === ':' || SENTENCE_END.has(t.text) || (DASHES.has(t.text) && t.text !== '-')))) return k;
    }
    return end;
  }
}

/** Sentence-like words: several words with sentence punctuation, as speech is and names are not. */
function looksLikeSpeech(inner: string): boolean {
  const words = inner.match(/[A-Za-zА-Яа-яЁё0-9]+/g)?.length ?? 0;
  if (words < 3) return false;
  const first = /[A-Za-zА-Яа-яЁё]/.exec(inner)?.[0] ?? '';
  if (first !== first.toUpperCase()) return false;
  return /[.!?…]["»“”’']*\s*$/.test(inner) || /[.!?…]\s+[«"„A-ZА-ЯЁ]/.test(inner) || words >= 8;
}

export function findQuotes(text: string, context: QuoteContext = {}): { quotes: QuoteAnnotation[]; speakers: SpeakerAnnotation[] } {
  const a = new Analyzer(text, context);
  const toks = a.tokens;
  const found: FoundQuote[] = [];
  const speechSpan = new Set<number>();

  // People introduced anywhere (role + name, first name + surname) support later mentions.
  const cast = new Cast();
  const introductions: { pos: number; np: NP }[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'w' || a.inSpan[i] >= 0) continue;
    if (!(roleLemma(t.low) || (t.cap && firstName(t.low) && toks[i + 1]?.cap) || (/(?:ый|ий|ой)$/.test(t.low) && roleLemma(toks[i + 1]?.low ?? '')))) continue;
    const np = a.parseNP(i, a.sentenceEndOf(i));
    if (np && np.form === 'name' && np.nameFirst !== undefined) {
      introductions.push({ pos: toks[np.nameFirst].start, np });
      a.knownKeys.add(surnameKey(toks[np.last].text));
      i = np.last;
    }
  }

  // 1. Direct speech in quotation marks.
  const spans = a.spans;
  for (let s = 0; s < spans.length; s++) {
    const sp = spans[s];
    const openTok = a.spanOpenTok[s];
    const closeTok = a.spanCloseTok[s];
    if (openTok === undefined || closeTok === undefined) continue;
    const inner = text.slice(sp.open + 1, sp.close);
    const prev = toks[openTok - 1];
    const afterName = prev && prev.kind === 'w' && (isNameNoun(prev.low) || /^(?:ООО|ОАО|ЗАО|ПАО|АО|РИА|ФК|ХК|НПО)$/.test(prev.text));
    const short = !/[.!?…]/.test(inner) && (inner.match(/\S+/g)?.length ?? 0) <= 5;
    if (afterName && short) continue;

    let attribution: Attribution | undefined;
    let attributedAfter = -1;
    // Attribution after: `», — сказал Лавров`, `" - заявил он`, `», сообщили в МИД`.
    let k = closeTok + 1;
    while (k < toks.length && toks[k].kind === 'p' && (toks[k].text === ',' || SENTENCE_END.has(toks[k].text)) && k < closeTok + 3) k++;
    let dashed = false;
    if (toks[k] && DASHES.has(toks[k].text)) {
      dashed = true;
      k++;
    }
    if (dashed || toks[k - 1]?.text === ',') {
      const limit = Math.min(a.clauseEnd(k), toks.length);
      for (let v = k; v < limit && v < k + 4; v++) {
        if (a.isWord(v) && isSpeechVerb(toks[v].low) && !isClauseOnlyVerb(toks[v].low)) {
          const np = v === k ? a.speakerAfter(v, limit) : a.parseNP(k, v);
          attribution = { np: np ?? (isImpersonalVerb(toks[v].low) ? undefined : a.speakerAfter(v, limit)), verb: v, oblique: false };
          attributedAfter = limit;
          break;
        }
      }
    }
    // Attribution before: `заявил журналистам: «…»`, `Лавров сказал: «…»`, `по словам X, «…»`.
    let partOfIndirect = false;
    if (!attribution) {
      let p = openTok - 1;
      while (p >= 0 && toks[p].kind === 'n') p--;
      const before = toks[p];
      if (before && before.text === ':') {
        const st = a.sentenceStartOf(p);
        let verb = -1;
        for (let v = p - 1; v >= st; v--) if (a.isWord(v) && a.inSpan[v] < 0 && isSpeechVerb(toks[v].low)) { verb = v; break; }
        if (verb >= 0) {
          attribution = { np: isImpersonalVerb(toks[verb].low) ? a.subjectBefore(verb) : a.subjectBefore(verb) ?? a.speakerAfter(verb, p), verb, oblique: false };
        } else if (looksLikeSpeech(inner)) {
          attribution = { np: a.subjectBefore(p), oblique: false };
        }
      } else if (before && before.text === ',') {
        const st = a.sentenceStartOf(p);
        const w = toks[p - 1];
        if (w && w.low === 'что' && toks[p - 2]?.text === ',') {
          partOfIndirect = true;
        } else {
          for (let v = st; v < p; v++) {
            const t = toks[v];
            if (t.kind !== 'w') continue;
            if (t.low === 'по' && a.isWord(v + 1) && /^(?:словам|мнению)$/.test(toks[v + 1].low)) {
              attribution = { np: a.parseNP(v + 2, p), oblique: true };
              break;
            }
            if (t.low === 'по' && POSSESSIVES.has(toks[v + 1]?.low ?? '') && /^(?:словам|мнению)$/.test(toks[v + 2]?.low ?? '')) {
              attribution = { np: { first: v + 1, last: v + 1, form: 'pronoun', gender: POSSESSIVES.get(toks[v + 1].low) }, oblique: true };
              break;
            }
            if (t.low === 'как' && a.isWord(v + 1) && isSpeechVerb(toks[v + 1].low)) {
              attribution = { np: a.speakerAfter(v + 1, p), verb: v + 1, oblique: false };
              break;
            }
          }
        }
      }
    }
    if (partOfIndirect) {
      // `заявил, что «…»`: direct speech when the quote runs to the end of the sentence.
      const after = toks[closeTok + 1];
      const endsSentence = !after || after.kind === 'n' || SENTENCE_END.has(after.text) || a.sentence[closeTok + 1] !== a.sentence[closeTok];
      if (!endsSentence) continue;
      let p = openTok - 3;
      const st = a.sentenceStartOf(openTok);
      while (p >= st && !(a.isWord(p) && isSpeechVerb(toks[p].low))) p--;
      if (p < st) continue;
      attribution = { np: a.subjectBefore(p) ?? a.speakerAfter(p, openTok - 2), verb: p, oblique: false };
    }
    // Author's words inside the marks: `«…, — сказал он, — …»` gives two parts.
    const parts = splitAround(a, openTok, closeTok);
    const speech = attribution !== undefined || parts !== undefined || (!afterName && looksLikeSpeech(inner));
    if (!speech) continue;
    if (afterName && !attribution && !parts) continue;
    speechSpan.add(s);
    if (parts) {
      const np = parts.np;
      found.push({ start: sp.open, end: parts.firstEnd, direct: true, innerStart: sp.open + 1, innerEnd: parts.firstEnd, attribution: { np, verb: parts.verb, oblique: false } });
      found.push({ start: parts.secondStart, end: sp.close + 1, direct: true, innerStart: parts.secondStart, innerEnd: sp.close, attribution: { np, verb: parts.verb, oblique: false } });
      continue;
    }
    found.push({ start: sp.open, end: sp.close + 1, direct: true, innerStart: sp.open + 1, innerEnd: sp.close, attribution, follows: !attribution });
    // `«…», — сказал он, — «…»`: the second quote shares the speaker.
    if (attribution && attributedAfter >= 0) {
      const c = toks[attributedAfter];
      const d = toks[attributedAfter + 1];
      const next = spans[s + 1];
      if (c && c.text === ',' && d && DASHES.has(d.text) && next && toks[attributedAfter + 2]?.start === next.open) {
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

  // 3. Indirect speech, sentence by sentence.
  findIndirect(a, found, speechSpan);

  // 4. Speakers, resolved in document order.
  found.sort((x, y) => x.start - y.start);
  const speakerAt = new Map<string, { ann: SpeakerAnnotation; np: NP }>();
  const refs: { q: FoundQuote; key?: string }[] = [];
  // One sweep in document order over introductions and speaker phrases, so that every mention
  // is appended (never inserted) and each resolution sees only what came before it.
  type Event = { pos: number; intro?: NP; quote?: FoundQuote };
  const events: Event[] = introductions.map((i) => ({ pos: i.pos, intro: i.np }));
  for (const q of found) if (q.attribution?.np) events.push({ pos: npStart(a, q.attribution.np), quote: q });
  events.sort((x, y) => x.pos - y.pos || (x.intro ? -1 : 0) - (y.intro ? -1 : 0));
  for (const ev of events) {
    if (ev.intro) {
      cast.mention(ev.pos, personOf(a, cast, ev.intro, undefined, false));
      continue;
    }
    const q = ev.quote!;
    const np = q.attribution!.np!;
    const [s0, s1] = mentionRange(np);
    const key = `${toks[s0].start}:${toks[s1].end}`;
    if (!speakerAt.has(key)) {
      const verbLow = q.attribution!.verb !== undefined ? toks[q.attribution!.verb].low : undefined;
      const gender = np.gender ?? (verbLow ? verbGender(verbLow) : undefined);
      const person = personOf(a, cast, np, gender, q.attribution!.oblique);
      cast.mention(toks[s0].start, person);
      const ann: SpeakerAnnotation = {
        id: '', kind: 'speaker', start: toks[s0].start, end: toks[s1].end, text: text.slice(toks[s0].start, toks[s1].end), form: np.form, quotes: [],
      };
      if (person.name) ann.name = person.name;
      const role = np.form === 'name' && np.roleFirst !== undefined && np.roleLast !== undefined && np.roleLast >= np.roleFirst ? roleText(a, np.roleFirst, np.roleLast) : person.role;
      if (role) ann.role = role;
      speakerAt.set(key, { ann, np });
    }
    refs.push({ q, key });
  }
  // Unattributed direct speech right after an attributed quote continues it.
  const keyOf = new Map<FoundQuote, string>();
  for (const r of refs) if (r.key) keyOf.set(r.q, r.key);
  for (let i = 1; i < found.length; i++) {
    const q = found[i];
    const p = found[i - 1];
    if (q.follows && q.direct && keyOf.has(p) && q.start - p.end < 400 && !text.slice(p.end, q.start).includes('\n\n')) keyOf.set(q, keyOf.get(p)!);
  }

  const quotes: QuoteAnnotation[] = found.map((q, i) => {
    const ann: QuoteAnnotation = { id: `q${i + 1}`, kind: 'quote', start: q.start, end: q.end, text: text.slice(q.start, q.end), direct: q.direct };
    if (q.innerStart !== undefined) ann.innerStart = q.innerStart;
    if (q.innerEnd !== undefined) ann.innerEnd = q.innerEnd;
    return ann;
  });
  const speakers = [...speakerAt.values()].map((v) => v.ann).sort((x, y) => x.start - y.start);
  speakers.forEach((s, i) => (s.id = `s${i + 1}`));
  found.forEach((q, i) => {
    const key = keyOf.get(q);
    if (!key) return;
    const s = speakerAt.get(key)!.ann;
    quotes[i].speaker = s.id;
    s.quotes.push(quotes[i].id);
  });
  return { quotes, speakers };
}

function npStart(a: Analyzer, np: NP): number {
  return a.tokens[mentionRange(np)[0]].start;
}

/** Token range shown as the speaker: the name when there is one, else the whole phrase. */
function mentionRange(np: NP): [number, number] {
  if (np.form === 'name' && np.nameFirst !== undefined) return [np.nameFirst, np.last];
  return [np.first, np.last];
}

function roleText(a: Analyzer, first: number, last: number): string {
  const s = a.text.slice(a.tokens[first].start, a.tokens[last].end);
  return a.tokens[first].acronym ? s : s[0].toLowerCase() + s.slice(1);
}

function personOf(a: Analyzer, cast: Cast, np: NP, gender: Gender | 'pl' | undefined, oblique: boolean): Person {
  const toks = a.tokens;
  const pos = toks[mentionRange(np)[0]].start;
  switch (np.form) {
    case 'pronoun': {
      const g = np.gender ?? gender;
      return (g && cast.byPronoun(g, pos)) || { body: false };
    }
    case 'body': {
      const head = np.bodyHead!;
      const first = toks[np.first];
      const rest = np.last > np.first ? a.text.slice(first.end, toks[np.last].end) : '';
      let headText = head;
      const bigram = head.includes(' ');
      if (!bigram && (head === first.text || first.acronym)) headText = first.text;
      else if (!bigram) headText = first.cap ? head[0].toUpperCase() + head.slice(1) : head;
      const name = bigram ? head + a.text.slice(toks[np.first + 1].end, toks[np.last].end) : headText + rest;
      return { name, body: true };
    }
    case 'role': {
      const role = roleText(a, np.roleFirst ?? np.first, np.roleLast ?? np.last);
      let head = '';
      for (let k = np.first; k <= np.last; k++) {
        const l = roleLemma(toks[k].low);
        if (l) {
          head = l;
          break;
        }
      }
      const known = cast.byRole(head, pos);
      if (known) return known;
      return cast.anonymous(role, gender === 'pl' ? undefined : gender);
    }
    case 'name': {
      const words: string[] = [];
      for (let k = np.nameFirst!; k <= np.last; k++) {
        const t = toks[k];
        if (t.text === '.') {
          words[words.length - 1] += '.';
          continue;
        }
        words.push(t.text);
      }
      const role = np.roleFirst !== undefined && np.roleLast !== undefined && np.roleLast >= np.roleFirst ? roleText(a, np.roleFirst, np.roleLast) : undefined;
      return cast.person(words, { oblique, gender, role, pos });
    }
  }
}

/** `«…, — сказал он, — …»`: the quote interrupted by the author's words. */
function splitAround(a: Analyzer, openTok: number, closeTok: number): { firstEnd: number; secondStart: number; np?: NP; verb: number } | undefined {
  const toks = a.tokens;
  for (let k = openTok + 1; k < closeTok - 2; k++) {
    const t = toks[k];
    if (!(t.text === ',' || t.text === '!' || t.text === '?' || t.text === '…')) continue;
    if (!DASHES.has(toks[k + 1]?.text ?? '') || toks[k + 1].text === '-') continue;
    const v = k + 2;
    let verb = -1;
    for (let j = v; j < v + 4 && j < closeTok; j++) {
      if (a.isWord(j) && isSpeechVerb(toks[j].low) && !isClauseOnlyVerb(toks[j].low)) {
        verb = j;
        break;
      }
      if (toks[j].kind !== 'w') break;
    }
    if (verb < 0) continue;
    for (let j = verb + 1; j < closeTok - 1 && j < verb + 20; j++) {
      if ((toks[j].text === ',' || toks[j].text === '.') && DASHES.has(toks[j + 1].text)) {
        a.insideMarks = true;
        const np = verb === v ? a.speakerAfter(verb, j) : a.parseNP(v, verb);
        a.insideMarks = false;
        return { firstEnd: t.text === ',' ? t.start : t.end, secondStart: toks[j + 2].start, np, verb };
      }
    }
  }
  return undefined;
}

function findDialogue(a: Analyzer, found: FoundQuote[]): void {
  const toks = a.tokens;
  const lines: { dash: number; end: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if ((i === 0 || toks[i - 1].kind === 'n') && DASHES.has(toks[i].text) && toks[i].text !== '-' && a.inSpan[i] < 0) {
      let e = i + 1;
      while (e < toks.length && toks[e].kind !== 'n') e++;
      lines.push({ dash: i, end: e });
      i = e - 1;
    }
  }
  for (let l = 0; l < lines.length; l++) {
    const { dash, end } = lines[l];
    const adjacent = (l > 0 && lineGap(toks, lines[l - 1].end, dash)) || (l + 1 < lines.length && lineGap(toks, end, lines[l + 1].dash));
    // Attribution after the words: `— …, — сказал дипломат.`
    let attributionAt = -1;
    let verb = -1;
    for (let k = dash + 2; k < end - 1; k++) {
      if ((toks[k].text === ',' || toks[k].text === '!' || toks[k].text === '?' || toks[k].text === '.' || toks[k].text === '…') && DASHES.has(toks[k + 1].text)) {
        for (let j = k + 2; j < k + 6 && j < end; j++) {
          if (a.isWord(j) && isSpeechVerb(toks[j].low)) {
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
      const lastWord = toks[attributionAt].text === ',' ? attributionAt - 1 : attributionAt;
      const limit = a.clauseEnd(verb);
      const np = verb === attributionAt + 2 ? a.speakerAfter(verb, limit) : a.parseNP(attributionAt + 2, verb);
      found.push({ start: toks[first].start, end: toks[lastWord].end, direct: true, innerStart: toks[first].start, innerEnd: toks[lastWord].end, attribution: { np, verb, oblique: false } });
    } else {
      const last = end - 1;
      // A list item (`— пункт;`) is no line of dialogue.
      if (toks[last].text === ';') continue;
      found.push({ start: toks[first].start, end: toks[last].end, direct: true, innerStart: toks[first].start, innerEnd: toks[last].end });
    }
  }
}

function lineGap(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (toks[k].kind !== 'n') return false;
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
  const add = (from: number, to: number, attribution: Attribution) => {
    // Trim punctuation and the sentence-final mark.
    while (from < to && toks[from].kind !== 'w' && !/^[«"„(]$/.test(toks[from].text)) from++;
    while (to > from && (toks[to - 1].kind !== 'w' && !/^[»"“)]$/.test(toks[to - 1].text) && a.inSpan[to - 1] < 0)) to--;
    if (to <= from) return;
    // Direct speech inside the clause (`… случайно: «…»`) stands on its own.
    for (let k = from; k < to; k++) {
      if (a.opensSpan[k] >= 0 && speechSpan.has(a.opensSpan[k]) && k > from) {
        to = k;
        while (to > from && toks[to - 1].kind !== 'w') to--;
        break;
      }
    }
    if (to <= from) return;
    const start = toks[from].start;
    let end = toks[to - 1].end;
    // A closing mark of a quoted name at the very end belongs to it.
    if (a.inSpan[to - 1] >= 0) end = a.spans[a.inSpan[to - 1]].close + 1;
    if (covered(start, end)) return;
    // A direct quote after `что` that runs to the end was already taken.
    if (takenAfterThat(start, end)) return;
    found.push({ start, end, direct: false, attribution });
  };
  const sentences = a.sentenceStarts;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const e = si + 1 < sentences.length ? sentences[si + 1] : toks.length;
    let taken = false;
    // `Как сообщил X, …` and `По словам X, …`
    for (let k = s; k < e - 2 && !taken; k++) {
      const t = toks[k];
      if (t.kind !== 'w' || inSpeech(k)) continue;
      const atStart = k === s || (k === s + 1 && toks[s].kind === 'w' && /^(?:а|но|и|однако|ранее|также)$/.test(toks[s].low));
      const midSentence = toks[k - 1]?.text === ',';
      if (!atStart && !midSentence) continue;
      let np: NP | undefined;
      let oblique = false;
      let verb: number | undefined;
      let comma = -1;
      if (t.low === 'по' && /^(?:словам|мнению)$/.test(toks[k + 1]?.low ?? '')) {
        comma = findComma(a, k + 2, e);
        if (comma < 0) continue;
        np = a.parseNP(k + 2, comma) ?? (comma - (k + 2) <= 5 && comma > k + 2 ? { first: k + 2, last: comma - 1, form: 'role' } : undefined);
        oblique = true;
      } else if (t.low === 'по' && POSSESSIVES.has(toks[k + 1]?.low ?? '') && /^(?:словам|мнению)$/.test(toks[k + 2]?.low ?? '')) {
        comma = findComma(a, k + 3, e);
        if (comma < 0) continue;
        np = { first: k + 1, last: k + 1, form: 'pronoun', gender: POSSESSIVES.get(toks[k + 1].low) };
        oblique = true;
      } else if (t.low === 'как' && a.isWord(k + 1) && isSpeechVerb(toks[k + 1].low)) {
        comma = findComma(a, k + 2, e);
        if (comma < 0) continue;
        verb = k + 1;
        np = a.speakerAfter(k + 1, comma);
      } else continue;
      const attribution: Attribution = { np, verb, oblique };
      if (atStart) {
        // A direct quote right after the comma was attributed already.
        const n = comma + 1;
        if (a.inSpan[n] >= 0 || (toks[n] && /^[«"„“]$/.test(toks[n].text) && speechSpan.has(spanAt(a, n)))) {
          taken = true;
          break;
        }
        add(comma + 1, e, attribution);
      } else {
        // A parenthetical: `Российские дипломаты, по словам посла, работают …` — the whole sentence.
        add(s, e, attribution);
      }
      taken = true;
    }
    if (taken) continue;
    // `X заявил, что …`
    for (let k = s + 1; k < e; k++) {
      const t = toks[k];
      if (t.low !== 'что' || inSpeech(k) || toks[k - 1].text !== ',') continue;
      let v = k - 2;
      if (toks[v]?.low === 'том' && toks[v - 1]?.low === 'о') v -= 2;
      let verb = -1;
      for (let j = v; j >= s && j > v - 5; j--) {
        const w = toks[j];
        if (w.kind !== 'w' || inSpeech(j)) break;
        if (isSpeechVerb(w.low)) {
          verb = j;
          break;
        }
      }
      if (verb < 0) continue;
      const np = a.subjectBefore(verb) ?? (isImpersonalVerb(toks[verb].low) ? undefined : a.speakerAfter(verb, k - 1));
      add(k + 1, e, { np, verb, oblique: false });
      taken = true;
      break;
    }
    if (taken) continue;
    // `…, заявил X.` at the end of a sentence.
    for (let k = e - 1; k > s + 2; k--) {
      const t = toks[k];
      if (t.text !== ',' || a.inSpan[k] >= 0) continue;
      let v = k + 1;
      if (toks[v] && DASHES.has(toks[v].text)) v++;
      if (!a.isWord(v) || !isSpeechVerb(toks[v].low) || isClauseOnlyVerb(toks[v].low)) continue;
      let clean = true;
      for (let j = v + 1; j < e; j++) if (toks[j].low === 'что' || (toks[j].text === ',' && !/^(?:отвечая|выступая|комментируя|говоря)$/.test(toks[j + 1]?.low ?? ''))) { clean = false; break; }
      if (!clean) break;
      // Direct speech before the comma was attributed with its quote.
      if (inSpeech(k - 1) || speechSpan.has(a.closesSpan[k - 1])) break;
      const np = a.speakerAfter(v, a.clauseEnd(v + 1) > v ? a.clauseEnd(v + 1) : e);
      if (!np && !isImpersonalVerb(toks[v].low)) break;
      let words = 0;
      for (let j = s; j < k; j++) if (toks[j].kind === 'w') words++;
      if (words < 3) break;
      add(s, k, { np, verb: v, oblique: false });
      break;
    }
  }
}

function spanAt(a: Analyzer, tok: number): number {
  return a.opensSpan[tok];
}

function findComma(a: Analyzer, from: number, end: number): number {
  for (let k = from; k < end && k < from + 16; k++) {
    if (a.inSpan[k] >= 0) continue;
    const t = a.tokens[k];
    if (t.text === ',') return k;
    if (SENTENCE_END.has(t.text) || t.kind === 'n') return -1;
  }
  return -1;
}

export { fold };
