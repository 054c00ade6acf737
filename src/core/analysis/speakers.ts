// Who is speaking: Russian personal names in any case form, and the people a document introduces,
// so that `Люкманова`, `Он` or `министр` can be resolved to `Артур Люкманов`. Pure; no 'vscode'.
import { KeySet, NAME_PARTICLE, fold, roleCompatible } from './speech';

export type Gender = 'm' | 'f';

// Common first names (nominative). Written from general knowledge, Russian and post-Soviet.
const MALE =
  'александр алексей анатолий андрей антон аркадий арсений артем артур богдан борис вадим валентин валерий василий виктор виталий владимир ' +
  'владислав всеволод вячеслав геннадий георгий глеб григорий даниил денис дмитрий евгений егор иван игорь илья иосиф кирилл константин ' +
  'лев леонид максим марат михаил никита николай олег павел петр роман руслан рустам сергей станислав степан тимур федор филипп эдуард юрий ' +
  'яков ярослав ринат рамзан ильхам нурсултан касым-жомарт шавкат эмомали садыр алмазбек мирзиеев ахмед мухаммед абдулла али хасан джо ' +
  'дональд барак джон джеймс уильям майкл роберт дэвид ричард томас марк пол питер энтони антониу эммануэль олаф франк шарль жозеп ' +
  'йенс урсула реджеп мевлют хакан нарендра субраманьям синдзо фумио виктор петер карл себастьян борис кир стивен ' +
  'джозеф рафаэль мауро луис лула хавьер педро жоао хосе карлос фарид бадр махмуд башар ибрагим юсуф ицхак биньямин нафтали яир';
const FEMALE =
  'александра алина алла анастасия анна валентина валерия вера виктория галина дарья евгения екатерина елена елизавета зоя ирина ' +
  'кристина ксения лариса любовь людмила маргарита марина мария надежда наталья наталия нина оксана ольга полина светлана софья ' +
  'тамара татьяна юлия эльвира майя хиллари камала ангела урсула тереза лиз кая анналена кемi джорджа джорджия саманта никки ' +
  'кристин кристалина мишель нэнси';
const FIRST = new Map<string, { lemma: string; gender: Gender }>();
const FLEETING: Record<string, string> = { павел: 'павл', лев: 'льв' };
function addFirst(lemma: string, gender: Gender): void {
  const forms: string[] = [lemma];
  if (gender === 'm') {
    if (/[ий]$/.test(lemma)) {
      const s = lemma.slice(0, -1);
      forms.push(s + 'я', s + 'ю', s + 'ем', s + 'е');
    } else if (/ь$/.test(lemma)) {
      const s = lemma.slice(0, -1);
      forms.push(s + 'я', s + 'ю', s + 'ем', s + 'е');
    } else if (/[ая]$/.test(lemma)) {
      const s = lemma.slice(0, -1);
      forms.push(s + 'ы', s + 'и', s + 'е', s + 'у', s + 'ю', s + 'ой', s + 'ей');
    } else if (/[бвгджзклмнпрстфхцчшщ]$/.test(lemma)) {
      // A vowel that drops out: Павел → Павла, Лев → Льва.
      const stem = FLEETING[lemma] ?? lemma;
      forms.push(stem + 'а', stem + 'у', stem + 'ом', stem + 'е');
    }
  } else if (/ия$/.test(lemma)) {
    const s = lemma.slice(0, -1);
    forms.push(s + 'и', s + 'ю', s + 'ей');
  } else if (/[ая]$/.test(lemma)) {
    const s = lemma.slice(0, -1);
    const soft = lemma.endsWith('я') || /[гкхжчшщ]$/.test(s);
    forms.push(s + (soft ? 'и' : 'ы'), s + 'е', s + (lemma.endsWith('я') ? 'ю' : 'у'), s + (lemma.endsWith('я') ? 'ей' : 'ой'));
  } else if (/ь$/.test(lemma)) {
    forms.push(lemma.slice(0, -1) + 'и', lemma.slice(0, -1) + 'ью');
  }
  for (const f of forms) if (!FIRST.has(f) || f === lemma) FIRST.set(f, { lemma, gender });
}
for (const n of MALE.split(/\s+/)) addFirst(n, 'm');
for (const n of FEMALE.split(/\s+/)) addFirst(n, 'f');
/** Keys of every first-name form, to skip the other words of a text without a string. */
export const FIRST_NAME_KEYS = new KeySet(FIRST.keys());

/** A known first name in any case: `Сергея` → {сергей, m}. */
export function firstName(low: string): { lemma: string; gender: Gender } | undefined {
  return FIRST.get(low);
}

/**
 * A key that every case form of a surname shares: Лавров/Лаврова/Лаврову → `лавров`,
 * Полянский/Полянского/Полянская → `полянск`, Виейра/Виейры → `виейр`.
 */
export function surnameKey(word: string): string {
  let key = surnameKeys.get(word);
  if (key === undefined) {
    key = keyOfSurname(fold(word));
    // Bounded: a text of many distinct names does not grow it without end.
    if (surnameKeys.size < 20000) surnameKeys.set(word, key);
  }
  return key;
}
/** `surnameKey` answers: the same names come back again and again. */
const surnameKeys = new Map<string, string>();

function keyOfSurname(w: string): string {
  let m = /^(.*[сц]к)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)$/.exec(w);
  if (m) return m[1];
  m = /^(.*(?:ов|ев|ин|ын))(?:а|у|ым|е|ой|ы|ых|ыми)?$/.exec(w);
  if (m && m[1].length >= 4) return m[1];
  m = /^(.{3,}?)(?:ами|ями|ом|ем|ой|ей|ою|ею|ам|ям|ах|ях|а|я|у|ю|е|ы|и|ь|й)$/.exec(w);
  if (m) return m[1];
  return w;
}

/** Surname gender from its ending, when the ending says it (nominative forms). */
export function surnameGender(word: string): Gender | undefined {
  const w = fold(word);
  if (/(?:ова|ева|ина|ына|ская|цкая)$/.test(w)) return 'f';
  if (/(?:ов|ев|ин|ын|ский|цкий)$/.test(w)) return 'm';
  return undefined;
}

// Places named as where something was said (`В Москве считают`, `в Южной Корее заявили`): the
// locative's nominative. Feminine names in -а and masculine ones in -ь look like the rest in the
// locative (`Москве`, `Израиле`), so those are listed; the others follow their ending.
const FEMININE_PLACES = new Set(
  ('москв варшав гаван оттав вен женев праг риг анкар астан дох гааг канберр любля европ африк америк украин литв польш мексик ' +
    'аргентин венесуэл куб канад антарктид арктик гватемал никарагу панам боливи колумби эфиопи сомал ангол замби танзани кени уганд ' +
    'гренад ямайк тайван шри-ланк')
    .split(' '),
);
const SOFT_PLACES = new Set(['израил', 'брюссел', 'ставропол', 'севастопол', 'симферопол', 'мариупол', 'тобол', 'кремл']);
/** Place names the same in every case. */
const INDECLINABLE_PLACES = new Set(['душанбе', 'кабо-верде', 'зимбабве', 'мапуту', 'токио', 'баку', 'тбилиси', 'сочи', 'дели', 'нью-дели', 'осло', 'хельсинки', 'косово', 'перу', 'чили', 'сомали', 'мали', 'конго', 'того']);
const FLEETING_PLACES = new Map([['египт', 'Египет'], ['алжир', 'Алжир']]);

/** `Москве` → `Москва`, `Южной Корее` → `Южная Корея`, `Соединенных Штатах` → `Соединенные Штаты`. */
export function placeNominative(words: readonly string[]): string {
  return words.map((w, i) => (i < words.length - 1 ? placeAdjective(w) : placeNoun(w))).join(' ');
}
function placeAdjective(w: string): string {
  const m = /^(.*?)(ой|ом|ем|ых|их)$/.exec(w);
  if (!m) return w;
  return m[1] + ({ ой: 'ая', ом: 'ый', ем: 'ий', ых: 'ые', их: 'ие' } as Record<string, string>)[m[2]];
}
function placeNoun(w: string): string {
  const low = fold(w);
  if (INDECLINABLE_PLACES.has(low)) return w;
  let m = /^(.*)(ии|ее|ае|уе|ах|ях)$/.exec(w);
  if (m) return m[1] + ({ ии: 'ия', ее: 'ея', ае: 'ай', уе: 'уй', ах: 'ы', ях: 'и' } as Record<string, string>)[m[2]];
  m = /^(.*[бвгджзклмнпрстфхцчшщ])е$/.exec(w);
  if (!m) return w;
  const stem = fold(m[1]);
  if (FLEETING_PLACES.has(stem)) return FLEETING_PLACES.get(stem)!;
  if (FEMININE_PLACES.has(stem)) return m[1] + 'а';
  if (SOFT_PLACES.has(stem)) return m[1] + 'ь';
  return m[1];
}

/** `Поповой`, `Полянской`: oblique forms only a woman's surname takes (a man's are `Поповым`, `Полянском`). */
function obliqueFeminine(word: string): boolean {
  return /(?:ов|ев|ёв|ин|ын|[сц]к)ой$/.test(fold(word));
}

/** A surname's nominative from an oblique form, for a person of the given gender. */
export function surnameNominative(word: string, gender: Gender | undefined, oblique: boolean): string {
  // `аль-Багдади`, `ас-Сафади`: Arabic names with their particle do not decline.
  const hyphen = word.indexOf('-');
  if (!oblique || (hyphen > 0 && NAME_PARTICLE.test(fold(word.slice(0, hyphen))))) return word;
  if (!gender && obliqueFeminine(word)) gender = 'f';
  let m = /^(.*[сцСЦ]к)(?:ий|ого|ому|им|ом|ая|ой|ую)$/.exec(word);
  if (m) return m[1] + (gender === 'f' ? 'ая' : 'ий');
  m = /^(.*(?:ов|ев|ёв|ин|ын))(?:а|у|ым|е|ой|ы)?$/.exec(word);
  if (m && m[1].length >= 4) return m[1] + (gender === 'f' ? 'а' : '');
  if (gender === 'f') {
    m = /^(.*)(?:ой|ы|е|у)$/.exec(word);
    if (m && /[бвгдзклмнпрстфхцчшщж]$/.test(m[1])) return m[1] + 'а';
    return word;
  }
  // Masculine consonant-final names decline (Эрдогана → Эрдоган); a stem ending in a vowel did not.
  m = /^(.*[бвгджзклмнпрстфхцчшщ])(?:а|у|ом|е)$/.exec(word);
  if (m) return m[1];
  m = /^(.*[бвгджзклмнпрстфхцчшщ])(?:ы|и|е|у|ой|ей)$/.exec(word);
  if (m) return m[1] + 'а';
  return word;
}

export interface Person {
  /** Nominative full name as best known: `Артур Люкманов`; undefined for a role without a name. */
  name?: string;
  key?: string;
  gender?: Gender;
  role?: string;
  body: boolean;
}

interface Mention {
  pos: number;
  person: Person;
}

/** The people and bodies a document has introduced so far, in document order. */
export class Cast {
  private readonly people: Person[] = [];
  /** Sorted by position. */
  private readonly mentions: Mention[] = [];
  /** Mentions of each surname key, in the order recorded. */
  private readonly byKey = new Map<string, Mention[]>();
  /** `roleCompatible` answers: few distinct roles are asked about over and over. */
  private readonly compatible = new Map<string, Map<string, boolean>>();

  /** Records a mention at `pos` (mostly in document order, so insertion is cheap). */
  mention(pos: number, person: Person): Person {
    const m = { pos, person };
    const last = this.mentions[this.mentions.length - 1];
    if (last && last.pos > pos) this.mentions.splice(this.before(pos + 1), 0, m);
    else this.mentions.push(m);
    if (person.key) {
      const list = this.byKey.get(person.key);
      if (list) list.push(m);
      else this.byKey.set(person.key, [m]);
    }
    return person;
  }

  /** Index of the first mention at or after `pos` (binary search). */
  private before(pos: number): number {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Resolves a personal name given as words (any case): joins a known person with the same
   * surname, or introduces a new one in the nominative.
   */
  person(words: string[], opts: { oblique: boolean; gender?: Gender | 'pl'; role?: string; pos: number }): Person {
    const surname = words[words.length - 1];
    const key = surnameKey(surname);
    let gender: Gender | undefined = opts.gender === 'pl' ? undefined : opts.gender;
    const first = words.length > 1 ? firstName(fold(words[0])) : undefined;
    if (first) gender = first.gender;
    // `Марии Захаровой`: a first name out of the nominative puts the whole name there.
    const oblique = opts.oblique || (!!first && first.lemma !== fold(words[0]));
    const known = this.findByKey(key, gender, opts.pos);
    if (known) {
      if (opts.role && !known.role) known.role = opts.role;
      if (words.length > 1 && known.name && !known.name.includes(' ')) known.name = this.nominative(words, gender, oblique);
      if (!known.gender && gender) known.gender = gender;
      return known;
    }
    if (!gender) gender = oblique ? (obliqueFeminine(surname) ? 'f' : undefined) : surnameGender(surname);
    const person: Person = { name: this.nominative(words, gender, oblique), key, gender, role: opts.role, body: false };
    this.people.push(person);
    return person;
  }

  /** A person named by role alone (`министр`): the last one introduced with a compatible role. */
  byRole(role: string, pos: number): Person | undefined {
    const lemma = fold(role);
    for (let i = this.before(pos) - 1, seen = 0; i >= 0 && seen < 200; i--, seen++) {
      const m = this.mentions[i];
      if (m.person.body || !m.person.role) continue;
      if (this.roleCompatible(lemma, m.person.role)) return m.person;
    }
    return undefined;
  }

  private roleCompatible(mention: string, role: string): boolean {
    let answers = this.compatible.get(mention);
    if (!answers) this.compatible.set(mention, (answers = new Map()));
    let yes = answers.get(role);
    if (yes === undefined) answers.set(role, (yes = roleCompatible(mention, role)));
    return yes;
  }

  /** Introduces a person known only by a role: `официальный представитель Госдепартамента`. */
  anonymous(role: string, gender?: Gender): Person {
    const p: Person = { role, gender, body: false };
    this.people.push(p);
    return p;
  }

  /** The most recent person (or, for `pl`, body) of this gender mentioned before `pos`. */
  byPronoun(gender: Gender | 'pl', pos: number): Person | undefined {
    let fallback: Person | undefined;
    for (let i = this.before(pos) - 1, seen = 0; i >= 0 && seen < 40; i--, seen++) {
      const m = this.mentions[i];
      if (gender === 'pl') {
        if (m.person.body) return m.person;
        continue;
      }
      if (m.person.body) continue;
      if (m.person.gender === gender) return m.person;
      if (!m.person.gender && !fallback) fallback = m.person;
    }
    return fallback;
  }

  private findByKey(key: string, gender: Gender | undefined, pos: number): Person | undefined {
    const list = this.byKey.get(key) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const p = list[i].person;
      if (list[i].pos > pos) continue;
      if (gender && p.gender && gender !== p.gender) continue;
      return p;
    }
    return undefined;
  }

  private nominative(words: string[], gender: Gender | undefined, oblique: boolean): string {
    const lastWord = words[words.length - 1];
    // `Биньямина Нетаниягу`, `Сергея Шойгу`: after a first name in the genitive, a surname ending in
    // another vowel does not decline.
    const firstGenitive = words.length > 1 && !!firstName(fold(words[0])) && /[ая]$/.test(fold(words[0])) && firstName(fold(words[0]))!.lemma !== fold(words[0]);
    const surname = firstGenitive && /[уюеиоэ]$/.test(fold(lastWord)) ? lastWord : surnameNominative(lastWord, gender, oblique);
    // The ending the surname dropped (`Римкуса` → Римкус): an unknown first name with the same
    // ending after a consonant drops it too (`Андреаса` → Андреас).
    const dropped = surname.length < lastWord.length && lastWord.startsWith(surname) ? lastWord.slice(surname.length) : '';
    const out = words.map((w, i) => {
      if (i === words.length - 1) return surname;
      const f = firstName(fold(w));
      if (f && oblique) return f.lemma[0].toUpperCase() + f.lemma.slice(1);
      if (i === 0 && !f && dropped && w.length > dropped.length + 2 && w.endsWith(dropped) && /[бвгджзклмнпрстфхцчшщ]$/.test(w.slice(0, -dropped.length))) return w.slice(0, -dropped.length);
      if (!oblique || i === 0 || w.endsWith('.')) return w;
      // A patronymic or a second given name declines too: `Сергеевича` → Сергеевич, `Тайипа` → Тайип.
      const m = /^(.*(?:вич|ич))(?:а|у|ем|е)$/.exec(w) ?? /^(.*вн)(?:ы|е|у|ой)$/.exec(w);
      if (m) return m[1] + (m[1].endsWith('вн') ? 'а' : '');
      return surnameNominative(w, gender, oblique);
    });
    return out.join(' ');
  }
}
