// Spells out ISO values in English and Russian for the date hover.
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RU_MONTHS_GEN = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const RU_MONTHS_NOM = ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RU_DAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const SEASONS: Record<string, [string, string]> = {
  SP: ['spring', 'весна'],
  SU: ['summer', 'лето'],
  FA: ['autumn', 'осень'],
  WI: ['winter', 'зима'],
};
const UNITS: Record<string, [string, string, string, string]> = {
  // English singular/plural, Russian 1 / 2–4 / 5+ forms are chosen by ruPlural.
  Y: ['year', 'years', 'год', 'года|лет'],
  M: ['month', 'months', 'месяц', 'месяца|месяцев'],
  W: ['week', 'weeks', 'неделя', 'недели|недель'],
  D: ['day', 'days', 'день', 'дня|дней'],
  H: ['hour', 'hours', 'час', 'часа|часов'],
};

function ruPlural(n: number, one: string, fewMany: string): string {
  const [few, many] = fewMany.split('|');
  const n10 = n % 10;
  const n100 = n % 100;
  if (!Number.isInteger(n)) return few;
  if (n10 === 1 && n100 !== 11) return one;
  if (n10 >= 2 && n10 <= 4 && (n100 < 12 || n100 > 14)) return few;
  return many;
}

function spellDay(iso: string): { en: string; ru: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return undefined;
  const wd = date.getUTCDay();
  return { en: `${EN_DAYS[wd]}, ${d} ${EN_MONTHS[mo - 1]} ${y}`, ru: `${RU_DAYS[wd]}, ${d} ${RU_MONTHS_GEN[mo - 1]} ${y} г.` };
}

function spellOne(value: string): { en: string; ru: string } | undefined {
  const day = spellDay(value);
  if (day) return day;
  let m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) {
    const mo = Number(m[2]) - 1;
    if (mo < 0 || mo > 11) return undefined;
    return { en: `${EN_MONTHS[mo]} ${m[1]}`, ru: `${RU_MONTHS_NOM[mo]} ${m[1]} г.` };
  }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) return { en: `${SEASONS[m[2]][0]} ${m[1]}`, ru: `${SEASONS[m[2]][1]} ${m[1]} г.` };
  m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (m) return { en: `week ${Number(m[2])} of ${m[1]}`, ru: `${Number(m[2])}-я неделя ${m[1]} г.` };
  m = /^(\d{4})$/.exec(value);
  if (m) return { en: m[1], ru: `${m[1]} г.` };
  m = /^(\d{2})$/.exec(value);
  if (m) return { en: `the ${Number(m[1]) + 1}th century`, ru: `${Number(m[1]) + 1}-й век` };
  m = /^(\d{3})$/.exec(value);
  if (m) return { en: `the ${m[1]}0s`, ru: `${m[1]}0-е годы` };
  m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(value) ?? /^PT(\d+(?:\.\d+)?)(H)$/.exec(value);
  if (m) {
    const n = Number(m[1]);
    const [enOne, enMany, ruOne, ruFew] = UNITS[m[2]];
    return { en: `${m[1]} ${n === 1 ? enOne : enMany}`, ru: `${m[1]} ${ruPlural(n, ruOne, ruFew)}` };
  }
  return undefined;
}

/** `2025-10-24` → Friday, 24 October 2025 / пятница, 24 октября 2025 г.; ranges joined with an en dash. */
export function spellDateValue(value: string): { en: string; ru: string } | undefined {
  const parts = value.split('/');
  if (parts.length === 2) {
    const a = spellOne(parts[0]);
    const b = spellOne(parts[1]);
    if (!a || !b) return undefined;
    return { en: `${a.en} – ${b.en}`, ru: `${a.ru} – ${b.ru}` };
  }
  return spellOne(value);
}
