// Dates, periods and durations in Russian news text, with ISO 8601 values.
//
// Each family of expressions (calendar dates, months, years, weekdays, periods, durations, …) is one
// precompiled sticky regex; a fast scan finds the words they all hang on and tries only the families
// that fit (see "the finder" below). A small interpreter per family turns the matched words into a
// value. Relative expressions (`вчера`, `в понедельник`, `24 окт`) are resolved against the article's
// date; without one they are still found, with no value. Tuned on NEREL's DATE spans (see scripts/eval.ts).
import type { DateAnnotation, DateValueType } from './types';

// ---------------------------------------------------------------- building blocks (regex source)

const LETTER = 'A-Za-zА-Яа-яЁё';
/** Word edges: JS `\b` knows only ASCII letters. */
const WS = `(?<![${LETTER}0-9])`;
const WE = `(?![${LETTER}0-9])`;
/** Spaces inside one expression: ordinary, NBSP, thin and narrow NBSP; never a line break. */
const SP = '[ \\u00A0\\u2009\\u202F]+';
const OSP = '[ \\u00A0\\u2009\\u202F]*';
const DASH = `${OSP}[-\\u2010\\u2011\\u2012\\u2013\\u2014]${OSP}`;
const w = (s: string): string => `(?:${s})${WE}`;

const MONTH_FULL = w(
  '(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:[ьяею]|[её]м)|(?:март|август)(?:[аеу]|ом)?|ма(?:[йяею]|ем)',
);
/** Dateline abbreviations (`24 окт`) are trusted only after a day number. */
const MONTH_ABBR = `(?:янв|февр?|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)${WE}\\.?`;
const MONTH_AFTER_DAY = `(?:${MONTH_FULL}|${MONTH_ABBR})`;

const YEAR = '(?<![\\d.,/])(?:1\\d{3}|20\\d{2})(?!\\d|[.,]\\d)(?:-?(?:го|й|м|е|х)' + WE + ')?';
const YEAR_WORD = `(?:${w('год(?:а|у|ом|ы|ов|ах|ам|ами)?')}|гг?${WE}\\.?(?:${OSP}р\\.)?)`;
const YEAR_NUMBERS = `${YEAR}(?:${DASH}(?:${YEAR}|\\d{2}${WE})|/(?:\\d{4}|\\d{2})${WE}|(?:${SP}(?:и|или|по|до)${SP}|,${SP})${YEAR})?`;
const YEARS = `${YEAR_NUMBERS}(?:${OSP}${YEAR_WORD})?`;
const RELATIVE_YEAR = `(?:${w('(?:поза)?прошлого|этого|текущего|нынешнего|следующего|будущего|минувшего|предыдущего|уходящего|того')}(?:${SP}же)?${SP}${w('года')}|с\\.${OSP}г${WE}\\.?)`;

const PREP = `(?:${w(`в|во|с|со|до|к|ко|по|от|на|за|после|около|между|начиная${SP}с|вплоть${SP}до|в${SP}течени[ея]|на${SP}протяжении|в${SP}ходе|к${SP}началу`)}${SP})`;
const PART = `(?:${w('начал[аеуо]|середин[аеуы]|кон(?:ец|ца|це|цу)|(?:перв|втор)(?:ой|ая|ую|ую)' + SP + 'половин[аеуы]|(?:перв|втор|трет|четв[её]рт)[а-я]*' + SP + '(?:квартал|полугоди)[а-я]*')}${SP})`;
const LEAD = `(?:${PREP}?${PART})?${PREP}?`;

const WEEKDAY_NOT_WEDNESDAY = w(
  'понедельник(?:а|у|ом|е|и|ам)?|вторник(?:а|у|ом|е|и|ам)?|четверг(?:а|у|ом|е|и|ам)?|пятниц(?:а|у|ы|е|ей|ам)|суббот(?:а|у|ы|е|ой|ам)|воскресень(?:е|я|ю|ем|ям)',
);
/** `среда` is also "environment" (`окружающей среды`): trusted only with a preposition or a date. */
const WEDNESDAY = w('сред(?:а|у|ы|е|ой|ам)');
const WEEKDAY = `(?:${WEEKDAY_NOT_WEDNESDAY}|${WEDNESDAY})`;
const WEEKDAY_PREP = `(?:${w('в|во|на|с|со|до|к|ко|по|утром' + SP + 'в|вечером' + SP + 'в|днём' + SP + 'в|днем' + SP + 'в|ночью' + SP + 'в|в' + SP + 'ночь' + SP + '(?:на|с)')}${SP})`;
const WEEK_MODIFIER = `(?:${w('прошл(?:ый|ую|ое|ом|ого|ой)|минувш(?:ий|ую|ее|ем|его|ей)|следующ(?:ий|ую|ее|ем|его|ей)|будущ(?:ий|ую|ее|ем|его|ей)|ближайш(?:ий|ую|ее|ем|его|ей)|эт(?:от|у|о|ом|ого|ой)')}${SP})`;

const DAY = `(?<![\\d.,:/])(?:[12]\\d|3[01]|0?[1-9])(?:-?(?:го|е|ое|ого)${WE})?(?![\\d:])`;
const DAY_MONTH = `${DAY}(?:${DASH}${DAY}|${SP}(?:и|или)${SP}${DAY})?${SP}${MONTH_AFTER_DAY}`;
const CALENDAR_DATE =
  `(?:${WEEKDAY_PREP}?${WEEKDAY}(?:,|${OSP}[-\\u2013\\u2014])?${SP})?${LEAD}` +
  `(?:(?:с|со)${SP}${DAY}${SP}(?:по|до)${SP})?${DAY_MONTH}` +
  `(?:(?:${DASH}|${SP}(?:по|до|и)${SP})${DAY_MONTH})?` +
  `(?:,?${SP}${YEARS}|${SP}${RELATIVE_YEAR})?`;

const MONTHS = `${MONTH_FULL}(?:${DASH}${MONTH_FULL})?`;
/** `декабрьские выборы`, `майские указы`: lower case only, `Октябрьский` is also a town. */
const MONTH_ADJECTIVE = w(
  '(?:январск|февральск|мартовск|апрельск|майск|июньск|июльск|августовск|сентябрьск|октябрьск|ноябрьск|декабрьск)(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)',
);
const MONTH_YEAR = `(?:${SP}(?:${YEARS}|${RELATIVE_YEAR}))`;
const MONTH = `(?:${PREP}?${PART}|${PREP})${MONTHS}${MONTH_YEAR}?|${MONTHS}${MONTH_YEAR}|${MONTH_ADJECTIVE}`;

const YEAR_RANGE_FROM = `(?:${w('с|со|от')}${SP}${YEAR}(?:${OSP}${YEAR_WORD})?${SP}${w('по|до')}${SP}${YEARS})`;
const YEARS_LED = `${LEAD}(?:${YEAR_RANGE_FROM}|${YEARS})`;

const DECADE_WORD = w('(?:двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност|двухтысячн)(?:ые|ых|ыми)');
const CENTURY_ORDINAL = w('(?:семнадцат|восемнадцат|девятнадцат|двадцат|двадцать' + SP + 'перв)(?:ый|ого|ом|ому)');
const CENTURY_WORD = `(?:${w('век(?:а|е|у|ом|ов|ах)?')}|вв?\\.)`;
const CENTURY = `(?:[IVXLCХ]+(?:-го)?|${CENTURY_ORDINAL})${SP}${CENTURY_WORD}`;
const DECADE_YEARS = w('год(?:ы|ов|ах|ами)') + `|гг${WE}\\.?`;
const DECADE =
  `${LEAD}(?:(?<![\\d.,])(?:1\\d{2}0|20[0-9]0)-?(?:х|е|ые|ых)${WE}(?:${SP}(?:${DECADE_YEARS}))?` +
  `|(?<![\\d.,])[1-9]0-?(?:х|е)${WE}${SP}(?:${DECADE_YEARS})|${DECADE_WORD}${SP}(?:${DECADE_YEARS}))(?:${SP}${CENTURY})?`;

const SEASON_INSTRUMENTAL = w('весной|летом|осенью|зимой');
const SEASON_ANY = w('весн(?:а|ы|у|е|ой)|лет(?:о|а|у|ом)|осен(?:ь|и|ью)|зим(?:а|ы|у|е|ой)');
const SEASON_MODIFIER = `(?:${w('прошл(?:ой|ым|ую)|минувш(?:ей|им|ую)|эт(?:ой|им|у)|следующ(?:ей|им|ую)|будущ(?:ей|им|ую)|нынешн(?:ей|им|юю)|прошедш(?:ей|им|ую)')}${SP})`;
const SEASON =
  `${PREP}?${SEASON_MODIFIER}?${SEASON_INSTRUMENTAL}(?:${MONTH_YEAR})?` +
  `|(?:${PREP}${SEASON_MODIFIER}?|${SEASON_MODIFIER})${SEASON_ANY}(?:${MONTH_YEAR})?|${SEASON_ANY}${MONTH_YEAR}`;

const WEEKDAY_ALONE = `${WEEKDAY_PREP}?${WEEK_MODIFIER}?${WEEKDAY_NOT_WEDNESDAY}|(?:${WEEKDAY_PREP}${WEEK_MODIFIER}?|${WEEK_MODIFIER})${WEDNESDAY}`;

const DEICTIC =
  `(?:${PREP})?${w('(?:сегодняшн|вчерашн|завтрашн)(?:ий|его|ему|им|ем|яя|ей|юю|ее|ие|их)')}(?:${SP}${w('день|дня|дню|днём|днем')})?` +
  `|${w('(?:поза)?вчера|(?:после)?завтра|сегодня|накануне|на' + SP + 'днях|(?:в|за)' + SP + 'последнее' + SP + 'время|ежегодно|ежемесячно|ежеквартально|еже(?:годн|квартальн)[а-я]{2,3}|прошлогодн[а-я]+|(?:некоторое|какое-то|долгое)' + SP + 'время' + SP + 'назад')}` +
  // `370 тысяч тонн в год`: a frequency; `в день` is left out, it is mostly `в день выборов`.
  `|(?<=[\\d${LETTER}.][ \\u00A0]?)${w('в' + SP + '(?:год|сутки|неделю|месяц)')}`;

const PERIOD_ADJECTIVE = w(
  '(?:поза)?прошл[а-я]*|минувш[а-я]*|прошедш[а-я]*|истекш[а-я]*|кажд(?:ый|ую|ое|ые|ого|ом)|следующ[а-я]*|будущ[а-я]*|текущ[а-я]*|нынешн[а-я]*|предыдущ[а-я]*|последн[а-я]*|ближайш[а-я]*|наступающ[а-я]*|предстоящ[а-я]*|уходящ[а-я]*|(?:эт|т)(?:от|ого|ом|у|а|ой|е|и|их|ех|ому)' +
    SP +
    'же',
);
/** `этот день настал` is no date; `в этот день`, `этого года` are. */
const PERIOD_DEMONSTRATIVE = w('эт(?:от|ого|ом|у|а|ой|и|их|ому)|т(?:от|ого|ом|у|а|ой|е|ех|ому)');
const PERIOD_UNIT = w(
  'недел(?:я|и|ю|е|ей|ям|ями|ях)|месяц(?:а|у|е|ем|ы|ев|ам|ами|ах)?|год(?:а|у|ом|ы|ов|ах|ам|ами)?|сезон(?:а|у|е|ом|ы|ов|ах)?|квартал(?:а|у|е|ом)?|полугоди(?:е|я|ю|и|ем)|десятилети(?:е|я|ю|и|ем|й|ях)|столети(?:е|я|ю|и|ем|й)|дн(?:я|ю|ём|ем|и|ей|ях)|день|ноч(?:ь|и|ью)|лет|век(?:а|е|у|ом)?|выходн(?:ые|ых|ым|ыми)',
);
const ORDINAL = w('(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)(?:ый|ой|ий|ая|ья|ую|ью|ое|ье|ого|ьего|ом|ьем)');
const RELATIVE_PERIOD =
  `${LEAD}${PERIOD_ADJECTIVE}${SP}${PERIOD_UNIT}|(?:${LEAD}${PREP}|${LEAD}${PART})${PERIOD_DEMONSTRATIVE}${SP}${PERIOD_UNIT}|${PERIOD_DEMONSTRATIVE}${SP}${w('года|месяца|недели|сезона')}` +
  `|${PREP}?${PART}${w('недел[иею]|месяц[аеу]?|года?|году|дня|сезона|века|десятилетия')}` +
  `|${PREP}${w('разные' + SP + 'годы')}` +
  `|${PREP}?${ORDINAL}(?:${SP}же)?${SP}${w('день|дня|неделю|недели|месяц|месяца|год|года')}(?:${SP}${w('подряд')})?` +
  `|(?:${PREP}(?:${w('эти|прошлые|минувшие|ближайшие|следующие')}${SP})?|${w('эти|прошлые|минувшие|ближайшие|следующие|все')}${SP})${w('выходн(?:ые|ых|ым|ыми)')}` +
  `|${w('(?:в|на|до|к|после|перед|во' + SP + 'время|накануне)' + SP + '(?:[Рр]ождеств[оаеу]|[Нн]ов(?:ый|ого|ому|ым)' + SP + 'год[ау]?|[Пп]асх[аиуе]|рождественских' + SP + 'каникул)')}`;

const NUMBER_WORD = w(
  'од(?:ин|ного|ному|ним|ном|на|ной|ну)|дв(?:а|е|ух|ум|умя)|тр(?:и|[её]х|[её]м|емя)|четыр(?:е|[её]х|[её]м|ьмя)' +
    '|(?:пят|шест|сем|девят|десят)(?:ь|и|ью)|восем(?:ь|ью)|восьм(?:и|ью)' +
    '|(?:один|две|три|четыр|пят|шест|сем|восем|девят)надцат(?:ь|и|ью)|(?:двадцат|тридцат)(?:ь|и|ью)' +
    '|сорок[а]?|(?:пять|шесть|семь|восемь)десят|(?:пяти|шести|семи|восьми)десяти|девяност[оа]|ст[оа]' +
    '|полтор[аы]|полутора|нескольк(?:о|их|им|ими)|мног(?:о|их|им|ими|ие)|пар(?:у|ы|ой)|дво(?:е|их)|тро(?:е|их)|четверо|пятеро|считанн(?:ые|ых)',
);
const QUANTITY = `(?:(?<![\\d.,:/])\\d{1,4}(?:[.,]\\d+)?(?![\\d:])|${NUMBER_WORD}(?:${SP}${NUMBER_WORD}){0,2})(?:${SP}с${SP}(?:половиной|лишним))?`;
const DURATION_UNIT = w(
  'лет|год(?:а|у|ом|ы|ов|ам|ами|ах)?|месяц(?:а|у|ем|ы|ев|ам|ами|ах)?|недел(?:я|и|ю|ь|ей|е|ям|ями|ях)|сезон(?:а|ов|ам|ами)?|дн(?:я|ю|ём|ем|и|ей|ям|ями|ях)|день|сут(?:ок|ки|кам|ками)|десятилети(?:е|я|й|ю|ем|ями|ях)|столети(?:е|я|й|ю|ем|ями)|век(?:а|ов|ам)?',
);
/** Bare units (`через год`, `неделю назад`) need a word that makes them a span of time. */
const BARE_UNIT = w('год(?:а|у|ы|ами)?|лет|месяц(?:а|у|ем|ы|ев|ами)?|недел(?:ю|и|ей|ь|ями)|дн(?:я|ём|ем|и|ей|ями)|день|сутки|суток|десятилети(?:я|й|е|ями)|столети(?:я|й|е)|век(?:а|ов)?');
const INSTRUMENTAL_UNIT = w('год(?:ом|ами)|месяц(?:ем|ами)|недел(?:ей|ями)|дн(?:ём|ем|ями)|сутками');
const DURATION_LEAD = `(?:${w(
  'в' + SP + 'течени[еия]|на' + SP + 'протяжении|через|за|спустя|около|почти|(?:более|менее|больше|меньше)' + SP + 'чем|более|менее|свыше|до|не' + SP + '(?:более|менее|позднее|позже|ранее|раньше)|последние|последних|ближайшие|ближайших|на|сроком' + SP + '(?:на|до|в)|уже|ещ[её]|примерно|приблизительно|порядка|немногим' + SP + '(?:более|больше|менее)|чуть' + SP + '(?:более|больше|менее|меньше)|больше|меньше|целых|всего|лишь|долгие|долгих|первые|первых|от',
)}${SP})`;
const AGO = `(?:${SP}${w('(?:тому' + SP + ')?назад|спустя')})`;
const LATER = `(?:${SP}${w('позже|позднее|ранее|раньше|спустя')})`;
const HALF = w('пол(?:года|угода|угоду|годом|месяца|недели|дня|века|столетия)');
const SPAN_ADJECTIVE = w(
  '(?:\\d{1,3}-?|одно|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|пятнадцати|двадцати|тридцати|сорока|пятидесяти|ста|полу|много)(?:дневн|недельн|месячн|суточн)[а-я]+|годичн[а-я]+',
);
/** `пятилетний срок` is a period, `пятилетний мальчик` an age: years need a noun that is time. */
const YEARS_ADJECTIVE =
  w('(?:\\d{1,3}-?|двух|тр[её]х|четыр[её]х|пяти|шести|семи|восьми|девяти|десяти|пятнадцати|двадцати|тридцати|сорока|пятидесяти|ста)летн[а-я]+') +
  `(?=${SP}(?:[а-яё]+(?:ий|ый|ой|ая|ое|ую|ого|ому|ей|ым|им)${SP})?${w('срок[а-я]*|опыт[а-я]*|запрет[а-я]*|период[а-я]*|перерыв[а-я]*|стаж[а-я]*|мандат[а-я]*|контракт[а-я]*|план(?:а|у|е|ом)?|истори[а-я]*|правлени[а-я]*|заключени[а-я]*|пребывани[а-я]*|карьер[а-я]*|служб[а-я]*|деятельност[а-я]*|работ(?:а|ы|у|е|ой)|отсутстви[а-я]*|войн[а-я]*|программ(?:а|ы|у|е|ой)')})`;
/** Ages are not dates: `в возрасте 61 года`. */
const NOT_AGE = `(?<!возраст(?:е|а|ом)${SP})`;
const DURATION =
  `${DURATION_LEAD}{0,3}${NOT_AGE}${QUANTITY}(?:(?:${DASH}|${SP}до${SP})${QUANTITY})?${SP}${DURATION_UNIT}${AGO}?` +
  `|${DURATION_LEAD}{0,2}${HALF}${AGO}?|${DURATION_LEAD}{1,3}${BARE_UNIT}${AGO}?|${BARE_UNIT}${AGO}` +
  `|(?:${QUANTITY}${SP})?${INSTRUMENTAL_UNIT}${LATER}` +
  `|${SPAN_ADJECTIVE}|${YEARS_ADJECTIVE}`;

const NUMERIC =
  `(?<![\\d.\\-/])\\d{4}-\\d{2}-\\d{2}(?![\\d-])` +
  `|(?<![\\d.,/])(?:[12]\\d|3[01]|0?[1-9])\\.(?:1[0-2]|0?[1-9])\\.(?:\\d{4}|\\d{2})(?![\\d]|\\.\\d)(?:${OSP}${YEAR_WORD})?` +
  `|(?<![\\d/])(?:[12]\\d|3[01]|0[1-9])/(?:1[0-2]|0[1-9])/\\d{4}(?![\\d/])`;

type Family =
  | 'numeric'
  | 'calendar'
  | 'month'
  | 'decade'
  | 'century'
  | 'years'
  | 'season'
  | 'weekday'
  | 'deictic'
  | 'period'
  | 'duration';

// Alternation order matters where two families can start at the same place: the more specific first.
const FAMILIES: [Family, string][] = [
  ['numeric', NUMERIC],
  ['calendar', CALENDAR_DATE],
  ['month', MONTH],
  ['decade', DECADE],
  ['century', `${LEAD}${CENTURY}`],
  ['years', YEARS_LED],
  ['season', SEASON],
  ['weekday', WEEKDAY_ALONE],
  ['deictic', DEICTIC],
  ['period', RELATIVE_PERIOD],
  ['duration', DURATION],
];


// ---------------------------------------------------------------- values

interface Resolved {
  value?: string;
  valueType?: DateValueType;
  relative?: boolean;
}

/** A day as a UTC date, so that arithmetic never meets daylight saving. */
type Day = Date;

const MONTH_STEMS: [RegExp, number][] = [
  [/^янв/, 1],
  [/^фев/, 2],
  [/^мар/, 3],
  [/^апр/, 4],
  [/^ма[йяею]/, 5],
  [/^июн/, 6],
  [/^июл/, 7],
  [/^авг/, 8],
  [/^сен/, 9],
  [/^окт/, 10],
  [/^ноя/, 11],
  [/^дек/, 12],
];
const MONTH_WORD = /(?<![а-я])(?:янв|фев|мар|апр|ма[йяею]|июн|июл|авг|сен|окт|ноя|дек)[а-я]*/g;

const WEEKDAY_STEMS: [RegExp, number][] = [
  [/понедельн/, 1],
  [/вторн/, 2],
  [/сред/, 3],
  [/четверг/, 4],
  [/пятниц/, 5],
  [/суббот/, 6],
  [/воскресен/, 0],
];

const SMALL_NUMBERS: [RegExp, number][] = [
  [/^од(?:ин|на|ну|но|ного|ному|ним|ном|ной)$/, 1],
  [/^(?:дв(?:а|е|ух|ум|умя)|дво(?:е|их))$/, 2],
  [/^(?:тр(?:и|[её]х|[её]м|емя)|тро(?:е|их))$/, 3],
  [/^четыр(?:е|[её]х|[её]м|ьмя)$/, 4],
  [/^пят(?:ь|и|ью)$/, 5],
  [/^шест(?:ь|и|ью)$/, 6],
  [/^сем(?:ь|и|ью)$/, 7],
  [/^вос(?:ем|ьм)(?:ь|и|ью)?$/, 8],
  [/^девят(?:ь|и|ью)$/, 9],
  [/^десят/, 10],
  [/^одиннадцат/, 11],
  [/^двенадцат/, 12],
  [/^тринадцат/, 13],
  [/^четырнадцат/, 14],
  [/^пятнадцат/, 15],
  [/^шестнадцат/, 16],
  [/^семнадцат/, 17],
  [/^восемнадцат/, 18],
  [/^девятнадцат/, 19],
  [/^двадцат/, 20],
  [/^тридцат/, 30],
  [/^сорок/, 40],
  [/^пят[ьи]десят/, 50],
  [/^шест[ьи]десят/, 60],
  [/^сем[ьи]десят/, 70],
  [/^вос(?:ем|ьм)[ьи]десят/, 80],
  [/^девяност/, 90],
  [/^ст[оа]$/, 100],
  [/^пар/, 2],
];

function fold(s: string): string {
  const lower = s.toLowerCase();
  return /[ё\u00A0\u2009\u202F]/.test(lower) ? lower.replace(/ё/g, 'е').replace(/[\u00A0\u2009\u202F]/g, ' ') : lower;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function iso(d: Day): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function day(y: number, m: number, d: number): Day | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  // Rejects 31.02 and the like rather than rolling over into the next month.
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

function addDays(d: Day, n: number): Day {
  return new Date(d.getTime() + n * 86_400_000);
}

function isoWeek(d: Day): string {
  const thursday = addDays(d, 3 - ((d.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

function monthOf(word: string): number | undefined {
  for (const [re, m] of MONTH_STEMS) if (re.test(word)) return m;
  return undefined;
}

/** 4 digits → that year; `60-х` → 1960; `2016/17` → 2017. */
function fullYear(digits: string, previous?: number): number {
  const n = Number(digits);
  if (digits.length >= 3) return n;
  if (previous !== undefined) return Math.floor(previous / 100) * 100 + n + (n < previous % 100 ? 100 : 0);
  return 1900 + n;
}

/** The year offset of `прошлого года`, `этого года`, `следующего года`; undefined when absent. */
function relativeYearOffset(s: string): number | undefined {
  if (/позапрошл/.test(s)) return -2;
  if (/(?:прошл|минувш|предыдущ|уходящ)[а-я]* год/.test(s)) return -1;
  if (/(?:следующ|будущ|наступающ)[а-я]* год/.test(s)) return 1;
  if (/(?:этого|текущего|нынешнего) год|с\. ?г/.test(s)) return 0;
  return undefined;
}

/**
 * The year for a day and month given without one: the most recent such day in a sentence told in the
 * past, the coming one in a sentence about the future, else the nearest (a December date in a January
 * article is last year's).
 */
function nearestYear(article: Day, month: number, dayOfMonth: number, tense: Tense): number {
  const y = article.getUTCFullYear();
  let best = y;
  let bestDistance = Infinity;
  const now = article.getTime();
  for (const candidate of [y - 1, y, y + 1]) {
    const d = Date.UTC(candidate, month - 1, Math.min(dayOfMonth, 28));
    if ((tense === 'past' && d > now) || (tense === 'future' && d < now - 86_400_000 * 31)) continue;
    // News mostly looks back: a future reading must be clearly nearer to win.
    const distance = Math.abs(d - now) * (d > now ? 1.5 : 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function parseArticleDate(articleDate?: string): Day | undefined {
  const m = articleDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(articleDate) : null;
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

function resolveNumeric(s: string): Resolved {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    const d = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { value: iso(d), valueType: 'date' } : {};
  }
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{2,4})/.exec(s);
  if (!m) return {};
  const year = m[3].length === 4 ? Number(m[3]) : 2000 + Number(m[3]);
  const d = day(year, Number(m[2]), Number(m[1]));
  return d ? { value: iso(d), valueType: 'date' } : {};
}

/** Day numbers paired with the month that follows them: `3-4 сентября`, `30 июня и 1 июля 2019 года`. */
function resolveCalendar(s: string, article: Day | undefined, tense: () => Tense): Resolved | undefined {
  const tail = s.replace(/^[^\d]*/, ''); // a leading weekday or preposition says nothing more
  const tokens: { day?: number; month?: number; year?: number }[] = [];
  const re = /(\d+)(?:-?[а-я]+)?|(?<![а-я])[а-я]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tail))) {
    if (m[1] !== undefined) {
      const n = Number(m[1]);
      if (m[1].length === 4) tokens.push({ year: n });
      else if (m[1].length === 2 && tokens.some((t) => t.year !== undefined)) tokens.push({ year: fullYear(m[1], tokens.find((t) => t.year)?.year) });
      else tokens.push({ day: n });
    } else {
      const month = monthOf(m[0]);
      if (month !== undefined) tokens.push({ month });
    }
  }
  const days: { day: number; month: number }[] = [];
  let pending: number[] = [];
  let explicitYear: number | undefined;
  for (const t of tokens) {
    if (t.day !== undefined) pending.push(t.day);
    else if (t.month !== undefined) {
      for (const d of pending) days.push({ day: d, month: t.month });
      pending = [];
    } else if (t.year !== undefined) explicitYear ??= t.year;
  }
  if (days.length === 0) return {};
  // `«31 июня»` is a film title, not a date (2024: a leap year lets 29 февраля through).
  if (days.some((d) => !day(2024, d.month, d.day))) return undefined;
  const offset = relativeYearOffset(s);
  let year = explicitYear;
  let relative = false;
  if (year === undefined) {
    if (!article) return { valueType: days.length > 1 ? 'range' : 'date' };
    relative = true;
    year = offset !== undefined ? article.getUTCFullYear() + offset : nearestYear(article, days[0].month, days[0].day, tense());
  }
  const first = day(year, days[0].month, days[0].day);
  const lastSpec = days[days.length - 1];
  // `30 декабря – 2 января`: the range crosses into the next year.
  const lastYear = lastSpec.month < days[0].month ? year + 1 : year;
  const last = day(lastYear, lastSpec.month, lastSpec.day);
  if (!first || !last) return {};
  const rel = relative ? { relative: true } : {};
  if (days.length > 1 && last.getTime() !== first.getTime()) return { value: `${iso(first)}/${iso(last)}`, valueType: 'range', ...rel };
  return { value: iso(first), valueType: 'date', ...rel };
}

function resolveMonth(s: string, article: Day | undefined, tense: () => Tense): Resolved {
  const months: number[] = [];
  for (const m of s.matchAll(MONTH_WORD)) {
    const month = monthOf(m[0]);
    if (month !== undefined) months.push(month);
  }
  if (months.length === 0) return {};
  const yearMatch = /(?<![\d])(\d{4})(?!\d)/.exec(s);
  let year: number;
  let relative = false;
  if (yearMatch) year = Number(yearMatch[1]);
  else {
    if (!article) return { valueType: months.length > 1 ? 'range' : 'month' };
    relative = true;
    const offset = relativeYearOffset(s);
    // A month is past once it has begun: `в октябре` in an October article is this October.
    year = offset !== undefined ? article.getUTCFullYear() + offset : nearestYear(article, months[0], 1, tense());
  }
  const rel = relative ? { relative: true } : {};
  const first = `${year}-${pad(months[0])}`;
  if (months.length > 1) {
    const lastMonth = months[months.length - 1];
    return { value: `${first}/${lastMonth < months[0] ? year + 1 : year}-${pad(lastMonth)}`, valueType: 'range', ...rel };
  }
  return { value: first, valueType: 'month', ...rel };
}

function resolveYears(s: string): Resolved {
  const years: number[] = [];
  for (const m of s.matchAll(/(?<!\d)(\d{4}|\d{2})(?!\d)/g)) years.push(fullYear(m[1], years[years.length - 1]));
  if (years.length === 0) return {};
  if (years.length > 1 && years[years.length - 1] > years[0]) return { value: `${years[0]}/${years[years.length - 1]}`, valueType: 'range' };
  return { value: String(years[0]), valueType: 'year' };
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function romanValue(s: string): number | undefined {
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    if (v === undefined) return undefined;
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total <= 30 ? total : undefined;
}

const CENTURY_ORDINALS: [RegExp, number][] = [
  [/двадцать перв/, 21],
  [/семнадцат/, 17],
  [/восемнадцат/, 18],
  [/девятнадцат/, 19],
  [/двадцат/, 20],
];

function centuryNumber(original: string, folded: string): number | undefined {
  const roman = /(?<![A-Za-z])([IVXLC]+)(?![A-Za-z])/.exec(original);
  if (roman) return romanValue(roman[1]);
  for (const [re, n] of CENTURY_ORDINALS) if (re.test(folded)) return n;
  return undefined;
}

function centuryRange(n: number): string {
  return `${pad((n - 1) * 100 + 1, 4)}/${pad(n * 100, 4)}`;
}

function resolveDecade(original: string, s: string): Resolved {
  const digits = /(?<!\d)(\d{4}|\d{2})-?(?:х|е|ые|ых)/.exec(s);
  let start: number | undefined;
  if (digits) start = fullYear(digits[1]);
  else {
    const words: [RegExp, number][] = [
      [/двадцат/, 20],
      [/тридцат/, 30],
      [/сороков/, 40],
      [/пятидесят/, 50],
      [/шестидесят/, 60],
      [/семидесят/, 70],
      [/восьмидесят/, 80],
      [/девяност/, 90],
      [/двухтысячн/, 2000],
    ];
    const found = words.find(([re]) => re.test(s));
    if (!found) return {};
    // `девяностые годы двадцатого века`: the century, when named, fixes the hundreds.
    const century = /век|вв?\./.test(s) ? centuryNumber(original, s.replace(/^.*?год[а-я]*/, '')) : undefined;
    start = found[1] >= 1000 ? found[1] : (century ? (century - 1) * 100 : 1900) + found[1];
  }
  if (start % 10 !== 0) return {};
  return { value: `${start}/${start + 9}`, valueType: 'range' };
}

function resolveCentury(original: string, s: string): Resolved {
  const n = centuryNumber(original, s);
  return n ? { value: centuryRange(n), valueType: 'range' } : {};
}

function resolveSeason(s: string, article: Day | undefined): Resolved {
  const yearMatch = /(?<!\d)(\d{4})(?!\d)/.exec(s);
  let year: number | undefined = yearMatch ? Number(yearMatch[1]) : undefined;
  let relative = false;
  if (year === undefined && article) {
    const offset = relativeYearOffset(s) ?? (/(?:прошл|минувш|прошедш)/.test(s) ? -1 : /(?:следующ|будущ)/.test(s) ? 1 : 0);
    year = article.getUTCFullYear() + offset;
    relative = true;
  }
  if (year === undefined) return { valueType: 'season' };
  // Seasons as month ranges (plain ISO 8601); winter of a year is its opening January–February.
  const months = /весн/.test(s) ? [3, 5] : /(?<![а-я])(?:лет|летом)/.test(s) ? [6, 8] : /осен/.test(s) ? [9, 11] : [1, 2];
  return { value: `${year}-${pad(months[0])}/${year}-${pad(months[1])}`, valueType: 'season', ...(relative ? { relative: true } : {}) };
}

const FUTURE_WORDS =
  /(?<![а-яё])(?:будет|будут|состоится|состоятся|пройд[её]т|пройдут|планиру[а-я]+|намерен[а-я]*|ожида[а-я]+|собира[а-я]+|начн[её]тся|откроется|посетит|встретится|прибуд[а-я]+|проведут|проведет|проведёт|рассмотрит|рассмотрят|обсудят|подпишут|вступит|вступят|завершится|завершатся|продлится|продлятся|начнутся)(?![а-яё])/i;

/** A past-tense verb (`заявил`, `прошла`, `состоялись`): a tie-breaker, so nouns like `канал` do little harm. */
const PAST_WORDS = /(?<![а-яё])[а-яё]{1,}[аяиеёыуо]л(?:а|о|и)?(?:сь|ся)?(?![а-яё])/i;

function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a;
}

type Tense = 'past' | 'future' | undefined;

/** The tense of the sentence around a match: `в понедельник состоится` vs `в понедельник заявил`. */
function tenseAround(text: string, start: number, end: number): Tense {
  let a = start;
  const minA = Math.max(0, start - 150);
  while (a > minA && !isSentenceEnd(text.charCodeAt(a - 1))) a--;
  let b = end;
  const maxB = Math.min(text.length, end + 150);
  while (b < maxB && !isSentenceEnd(text.charCodeAt(b))) b++;
  const sentence = text.slice(a, start) + ' ' + text.slice(end, b);
  return FUTURE_WORDS.test(sentence) ? 'future' : PAST_WORDS.test(sentence) ? 'past' : undefined;
}

function resolveWeekday(s: string, article: Day | undefined, tense: () => Tense): Resolved {
  const found = WEEKDAY_STEMS.find(([re]) => re.test(s));
  if (!found) return {};
  if (!article) return { valueType: 'date' };
  const target = found[1];
  const today = article.getUTCDay();
  const back = (today - target + 7) % 7;
  let offset: number;
  if (/(?:прошл|минувш)/.test(s)) offset = -(back === 0 ? 7 : back);
  else if (/(?:следующ|будущ|ближайш)/.test(s) || tense() === 'future') offset = (target - today + 7) % 7 || (/(?:следующ|будущ)/.test(s) ? 7 : 0);
  else offset = -back;
  return { value: iso(addDays(article, offset)), valueType: 'date', relative: true };
}

function resolveDeictic(s: string, article: Day | undefined): Resolved {
  if (/ежегодно/.test(s)) return { value: 'R/P1Y', valueType: 'duration' };
  if (/ежемесячно/.test(s)) return { value: 'R/P1M', valueType: 'duration' };
  if (/ежеквартально/.test(s)) return { value: 'R/P3M', valueType: 'duration' };
  const shift = /позавчера/.test(s)
    ? -2
    : /вчера/.test(s)
      ? -1
      : /послезавтра/.test(s)
        ? 2
        : /завтра/.test(s)
          ? 1
          : /сегодня/.test(s)
            ? 0
            : undefined;
  // `накануне`, `на днях`, `в последнее время` are vague: found, not dated.
  if (shift === undefined) return {};
  if (!article) return { valueType: 'date' };
  return { value: iso(addDays(article, shift)), valueType: 'date', relative: true };
}

function periodOffset(s: string): number | undefined {
  if (/позапрошл/.test(s)) return -2;
  if (/(?:прошл|минувш|предыдущ|прошедш)/.test(s)) return -1;
  if (/(?:следующ|будущ|наступающ)/.test(s)) return 1;
  if (/(?:(?<![а-я])эт(?:от|ого|ом|у|а|ой|и|их|ому)(?![а-я])(?! же)|текущ|нынешн|уходящ)/.test(s)) return 0;
  return undefined;
}

function resolvePeriod(s: string, article: Day | undefined): Resolved {
  const offset = periodOffset(s);
  const unit = /недел|выходн/.test(s) ? 'week' : /месяц/.test(s) ? 'month' : /(?<![а-я])год/.test(s) ? 'year' : /(?<![а-я])(?:день|дн)/.test(s) ? 'day' : undefined;
  // `последние годы`, `в тот же день`, `в этот день` point at the story's own time, not the calendar.
  if (offset === undefined || unit === undefined || /последн|ближайш|(?<![а-я])т(?:от|ом|ого|у|ой)(?![а-я])/.test(s)) return {};
  if (unit === 'day') {
    if (!article || !/следующ|(?<![а-я])эт/.test(s)) return {};
    return { value: iso(addDays(article, /следующ/.test(s) ? 1 : 0)), valueType: 'date', relative: true };
  }
  if (!article) return { valueType: unit === 'week' ? 'week' : unit };
  if (unit === 'year') return { value: String(article.getUTCFullYear() + offset), valueType: 'year', relative: true };
  if (unit === 'month') {
    const d = new Date(Date.UTC(article.getUTCFullYear(), article.getUTCMonth() + offset, 1));
    return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, valueType: 'month', relative: true };
  }
  return { value: isoWeek(addDays(article, 7 * offset)), valueType: 'week', relative: true };
}

function numberWordValue(word: string): number | undefined {
  for (const [re, n] of SMALL_NUMBERS) if (re.test(word)) return n;
  return undefined;
}

/** The quantity in front of the unit: digits, or number words summed (`двадцать пять`). */
function quantityOf(s: string): number | undefined {
  const digits = /(\d+(?:[.,]\d+)?)\s*(?:(?:[-–—]|до)\s*\d+(?:[.,]\d+)?)?(\s+с\s+половиной)?(?:\s+с\s+лишним)?\s*[а-я]+(?:\s+(?:тому\s+)?назад|\s+спустя)?$/.exec(s);
  if (digits) return Number(digits[1].replace(',', '.')) + (digits[2] ? 0.5 : 0);
  if (/полтор|полутор/.test(s)) return 1.5;
  const half = /с половиной/.test(s) ? 0.5 : 0;
  if (/(?<![а-я])(?:нескольк|мног)/.test(s)) return undefined;
  let total = 0;
  let seen = false;
  for (const m of s.matchAll(/[а-я]+/g)) {
    if (/^(?:на|за|до|от|через|около|почти|более|менее|свыше|в|течение|течении|протяжении|спустя|тому|назад|ещ[её]|уже|лет|год[а-я]*|месяц[а-я]*|недел[а-я]*|дн[а-я]*|день|сут[а-я]*)$/.test(m[0])) continue;
    const n = numberWordValue(m[0]);
    if (n !== undefined) {
      total += n;
      seen = true;
    }
  }
  return seen ? total + half : 1;
}

function resolveDuration(s: string, article: Day | undefined): Resolved {
  // `15-летний`, `пятилетний`, `трёхдневный`, `годичный`: the span the adjective names.
  if (/летн|дневн|недельн|месячн|суточн|годичн/.test(s)) {
    const unit = /летн|годичн/.test(s) ? 'Y' : /месячн/.test(s) ? 'M' : /недельн/.test(s) ? 'W' : 'D';
    const count = /^\d/.test(s) ? Number(/^\d+/.exec(s)?.[0]) : /годичн/.test(s) ? 1 : adjectiveCount(s);
    return count ? { value: `P${count}${unit}`, valueType: 'duration' } : { valueType: 'duration' };
  }
  const half = /(?<![а-я])пол(?:года|угод|месяц|недел|дня|века|столет)/.exec(s);
  let unit: 'Y' | 'M' | 'W' | 'D' | 'C' | undefined;
  let count: number | undefined;
  if (half) {
    unit = /год/.test(half[0]) ? 'Y' : /месяц/.test(half[0]) ? 'M' : /недел/.test(half[0]) ? 'W' : /дн/.test(half[0]) ? 'D' : 'C';
    count = 0.5;
  } else {
    const unitWord = /(?<![а-я])(лет|год|месяц|недел|дн|день|сут|десятилет|столет|век)[а-я]*(?:\s+(?:тому\s+)?назад|\s+спустя)?$/.exec(s);
    if (!unitWord) return { valueType: 'duration' };
    const u = unitWord[1];
    unit = u === 'лет' || u === 'год' ? 'Y' : u === 'месяц' ? 'M' : u === 'недел' ? 'W' : u === 'десятилет' ? 'C' : u === 'столет' || u === 'век' ? 'C' : 'D';
    count = quantityOf(s);
    if (u === 'десятилет' && count !== undefined) {
      count *= 10;
      unit = 'Y';
    }
  }
  if (unit === 'C') {
    if (count !== undefined) count *= 100;
    unit = 'Y';
  }
  if (count === undefined || /(?:\d|[а-я])\s*(?:[-–—]|\sдо\s)\s*\d/.test(s.replace(/^(?:.*\s)?до\s/, ''))) return { valueType: 'duration' };
  // `два года назад` is a point in time, not a length.
  if (/назад/.test(s) && Number.isInteger(count)) {
    if (!article) return { valueType: unit === 'Y' ? 'year' : unit === 'M' ? 'month' : 'date' };
    if (unit === 'Y') return { value: String(article.getUTCFullYear() - count), valueType: 'year', relative: true };
    if (unit === 'M') {
      const d = new Date(Date.UTC(article.getUTCFullYear(), article.getUTCMonth() - count, 1));
      return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, valueType: 'month', relative: true };
    }
    return { value: iso(addDays(article, -count * (unit === 'W' ? 7 : 1))), valueType: 'date', relative: true };
  }
  return { value: `P${count}${unit}`, valueType: 'duration' };
}

const ADJECTIVE_NUMBERS: [RegExp, number][] = [
  [/^одно/, 1],
  [/^двух/, 2],
  [/^тр[её]х/, 3],
  [/^четыр[её]х/, 4],
  [/^пятнадцати/, 15],
  [/^пятидесяти/, 50],
  [/^пяти/, 5],
  [/^шести/, 6],
  [/^семи/, 7],
  [/^восьми/, 8],
  [/^девяти/, 9],
  [/^десяти/, 10],
  [/^двадцати/, 20],
  [/^тридцати/, 30],
  [/^сорока/, 40],
  [/^ста/, 100],
  [/^полу/, 0.5],
];

function adjectiveCount(s: string): number | undefined {
  return ADJECTIVE_NUMBERS.find(([re]) => re.test(s))?.[1];
}

// ---------------------------------------------------------------- the finder

// One regex for everything would be too large for V8 to compile to native code (it falls back to
// its interpreter, ~1 s/MB). Instead a cheap scan finds the words every expression must contain
// (a number, a month, a weekday, a unit of time, …); the families are then tried, sticky, from the
// run of lead words (prepositions, modifiers, number words) just before that anchor.
const ANCHOR_KINDS: [string, string, Family[]][] = [
  ['month', 'январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр', ['month', 'season']],
  ['weekday', 'понедельник|вторник|сред(?:а|у|ы|е|ой|ам)(?![а-яё])|четверг|пятниц|суббот|воскресен', ['calendar', 'weekday']],
  ['season', 'весн|лет|осен|зим', ['season', 'period', 'duration']],
  [
    'deictic',
    'вчера|позавчера|сегодн|завтра|послезавтра|накануне|вчерашн|завтрашн|прошлогодн|ежегодн|ежемесячн|ежеквартальн|еженедельн|рождеств|пасх|некоторое|какое-то|долгое',
    ['deictic', 'period'],
  ],
  [
    'unit',
    'год|года|году|годом|годам|годами|годах|лет|месяц[а-я]{0,3}|недел[а-я]{0,3}|десятилет[а-я]{1,4}|столет[а-я]{1,4}|сезон[а-я]{0,3}|квартал[а-я]{0,3}|полугод[а-я]{1,4}|выходн[а-я]{2,3}' +
      '|дня|дню|дн[её]м|дни|дней|дням|днями|днях|день|суток|сутки|сутками|время|времени|ночь|ночи|ночью|пол(?:года|угода|угоду|годом|месяца|недели|дня|века|столетия)',
    ['period', 'duration', 'deictic'],
  ],
  ['decade', 'годы|годов|гг', ['decade', 'period', 'duration']],
  ['century', 'век|века|веке|веку|веком|веков|веках|вв?\\.', ['century', 'period', 'duration']],
  [
    'adjective',
    ['одно', 'двух', 'тр[её]х', 'четыр[её]х', 'пяти', 'шести', 'семи', 'восьми', 'девяти', 'десяти', 'пятнадцати', 'двадцати', 'тридцати', 'сорока', 'пятидесяти', 'ста', 'полу', 'много']
      .map((n) => `${n}(?:летн|дневн|месячн|недельн|суточн)`)
      .join('|') + '|годичн',
    ['duration'],
  ],
];
const DIGIT_FAMILIES: Family[] = ['numeric', 'calendar', 'decade', 'years', 'duration'];
/** A number's length says which families can hang on it: a day has 1–2 digits, a year 4. */
const FAMILIES_BY_DIGITS: Family[][] = [
  [],
  ['numeric', 'calendar', 'decade', 'duration'],
  ['numeric', 'calendar', 'decade', 'duration'],
  ['duration'],
  ['numeric', 'decade', 'years', 'duration'],
];
/** `вчера|год` → `[вВ]чера|[гГ]од`: the scan stays case-sensitive (faster) yet sees sentence starts. */
function capitalised(stems: string): string {
  let out = '';
  let depth = 0;
  let atStart = true;
  for (const c of stems) {
    out += atStart && depth === 0 && /[а-яё]/.test(c) ? `[${c}${c.toUpperCase()}]` : c;
    atStart = depth === 0 && c === '|';
    if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return out;
}
/** Whole words for units (`дн` must not catch `днепр`), stems for the rest (`январ` → `январе`). */
const WHOLE_WORD_KINDS = new Set(['unit', 'decade', 'century']);

/** Splits `a|b(c|d)|e` at its top level only. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of source) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (c === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.filter((x) => x.length > 0);
}

/**
 * The anchor scan, with the stems grouped by their first letter (`[вВ](?:чера|торник|…)`): V8 tries
 * alternatives one by one, so a first-letter dispatch makes the scan about twice as fast. The word
 * edge is consumed rather than looked behind, which lets V8 skip ahead quickly.
 */
function anchorPattern(): RegExp {
  const byFirstLetter = new Map<string, string[]>();
  for (const [kind, stems] of ANCHOR_KINDS) {
    for (const stem of alternatives(stems)) {
      const first = stem[0];
      if (!/[а-яё]/.test(first)) throw new Error(`anchor stem must start with a letter: ${stem}`);
      const rest = stem.slice(1) + (WHOLE_WORD_KINDS.has(kind) ? '(?![а-яё])' : '');
      byFirstLetter.set(first, [...(byFirstLetter.get(first) ?? []), rest]);
    }
  }
  const groups = [...byFirstLetter].map(([first, rests]) => `[${first}${first.toUpperCase()}](?:${rests.join('|')})`);
  const stems = groups.join('|');
  // `^` as its own branch, without the `m` flag: a per-position `^` check costs a third of the scan.
  // (No capture groups: the match's first character tells the branch, and each match makes less.)
  return new RegExp(`\\d+|[^${LETTER}](?:${stems})|^(?:${stems})`, 'g');
}
const ANCHOR = anchorPattern();
/** Which kind of anchor a word is, tried in ANCHOR_KINDS order at the word's start. */
const ANCHOR_KIND_PATTERNS = ANCHOR_KINDS.map(
  ([kind, stems]) => new RegExp(`(?:${capitalised(stems)})${WHOLE_WORD_KINDS.has(kind) ? '(?![а-яё])' : ''}`, 'y'),
);

const LEAD_WORD = new RegExp(
  `^(?:${[
    'в|во|с|со|до|к|ко|по|от|на|за|и|после|около|между|начиная|вплоть|течение|течении|протяжении|ходе|время|через|спустя|почти|более|менее|свыше|не|позднее|позже|ранее|раньше',
    'сроком|чем|весь|половиной|лишним|предстоящ[а-я]*|уже|ещ[её]|примерно|приблизительно|порядка|немногим|чуть|больше|меньше|целых|всего|лишь|долгие|долгих|первые|первых|разные|каждый|каждую|каждое|каждые|все',
    'утром|вечером|дн[её]м|ночью|ночь|начал[аеуо]|середин[аеуы]|кон(?:ец|ца|це|цу)|перв(?:ой|ая|ую|ом)|втор(?:ой|ая|ую|ом)|трет[а-я]+|четв[её]рт[а-я]+|половин[аеуы]',
    '(?:поза)?прошл[а-я]*|минувш[а-я]*|прошедш[а-я]*|истекш[а-я]*|следующ[а-я]*|будущ[а-я]*|текущ[а-я]*|нынешн[а-я]*|предыдущ[а-я]*|последн[а-я]*|ближайш[а-я]*|наступающ[а-я]*|уходящ[а-я]*|настоящ[а-я]*',
    'эт(?:от|ого|ом|у|а|ой|и|их|ому|о)|т(?:от|ого|ом|у|а|ой|е|ех|ому)|же|[IVXLCХ]+(?:-го)?',
    '(?:двадцат|тридцат|сороков|пятидесят|шестидесят|семидесят|восьмидесят|девяност|двухтысячн)(?:ые|ых|ыми)',
    '(?:семнадцат|восемнадцат|девятнадцат|двадцат|двадцать|перв)(?:ый|ого|ом|ому)?',
  ].join('|')}|${NUMBER_WORD.replace(WE, '')}|${ORDINAL.replace(WE, '')})$`,
  'i',
);
const FAMILY_PATTERNS = new Map<Family, RegExp>(FAMILIES.map(([name, source]) => [name, new RegExp(`${WS}(?:${source})`, 'iy')]));
const FAMILY_ORDER = FAMILIES.map(([name]) => name);
/** Families worth trying for each kind of anchor, in the alternation's order of preference. */
/** Indexed like the anchor's capture groups (1: digits, then ANCHOR_KINDS in order). */
const FAMILIES_BY_ANCHOR: RegExp[][] = [[], DIGIT_FAMILIES, ...ANCHOR_KINDS.map(([, , families]) => families)].map((families) =>
  FAMILY_ORDER.filter((f) => families.includes(f)).map((f) => FAMILY_PATTERNS.get(f)!),
);
const FAMILIES_FOR_NUMBER: RegExp[][] = FAMILIES_BY_DIGITS.map((families) =>
  FAMILY_ORDER.filter((f) => families.includes(f)).map((f) => FAMILY_PATTERNS.get(f)!),
);
const FAMILY_OF = new Map<RegExp, Family>([...FAMILY_PATTERNS].map(([f, re]) => [re, f]));

/**
 * Most numbers in news are counts (`5 человек`, `100 млн`). Before trying the families on a number
 * that is not a plausible year, a glance at what follows it: a date separator, or within a few words
 * a month, a unit of time, `-х`/`-е` for decades.
 */
const DATE_AFTER_NUMBER = new RegExp(
  `(?:[-./]\\d|-?(?:х|е|ые|ых|го|ое|ого)${WE}|[^\\n]{0,24}?(?<![а-яё])(?:${[
    'янв|фев|мар|апр|ма[йяею]|июн|июл|авг|сен|окт|ноя|дек|год|гг?(?![а-яё])|лет|месяц|недел|дн|день|сут|век|час|минут|десятилет|столет|летн|дневн|месячн|недельн',
  ].join('|')}))`,
  'iy',
);

function plausibleDateNumber(text: string, at: number, length: number): boolean {
  if (length === 4) {
    const first = text.charCodeAt(at);
    if (first === 0x31 || (first === 0x32 && text.charCodeAt(at + 1) === 0x30)) return true;
  }
  if (length > 4) return false;
  DATE_AFTER_NUMBER.lastIndex = at + length;
  return DATE_AFTER_NUMBER.test(text);
}

function isHorizontalSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** A letter of LETTER: Latin or Russian. */
function isLetter(c: number): boolean {
  return (c >= 0x430 && c <= 0x44f) || (c >= 0x410 && c <= 0x42f) || c === 0x451 || c === 0x401 || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

function isWordChar(c: number): boolean {
  return (c >= 0x430 && c <= 0x44f) || (c >= 0x410 && c <= 0x42f) || c === 0x451 || c === 0x401 || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2d;
}

const leadWordCache = new Map<string, boolean>();

function isLeadWord(word: string): boolean {
  let known = leadWordCache.get(word);
  if (known === undefined) {
    known = word.length <= 20 && LEAD_WORD.test(word);
    // Bounded: the cache only ever holds words seen just before anchors.
    if (leadWordCache.size < 5000) leadWordCache.set(word, known);
  }
  return known;
}

/** Where an expression around the anchor at `at` may start: the run of lead words before it, earliest first. */
function candidateStarts(text: string, at: number, floor: number): number[] {
  const starts = [at];
  let i = at;
  for (let words = 0; words < 6; words++) {
    let j = i;
    while (j > floor && isHorizontalSpace(text.charCodeAt(j - 1))) j--;
    if (j === i || j <= floor) break;
    let k = j;
    while (k > floor && isWordChar(text.charCodeAt(k - 1))) k--;
    if (k === j || !isLeadWord(text.slice(k, j))) break;
    starts.push(k);
    i = k;
  }
  return starts.reverse();
}

/** Every date, period and duration in `text`, in document order (ids d1, d2, …). */
export function findDates(text: string, articleDate?: string): DateAnnotation[] {
  const article = parseArticleDate(articleDate);
  const found: DateAnnotation[] = [];
  // Shared, not rebuilt per call: compiling it costs more than scanning a short article. The scan is
  // synchronous, so resetting lastIndex is all the isolation it needs.
  const anchors = ANCHOR;
  anchors.lastIndex = 0;
  let covered = 0;
  let a: RegExpExecArray | null;
  while ((a = anchors.exec(text))) {
    // A digit first: a number (digits always match first where they stand). A letter first: the
    // text's start. Else the character before a word.
    const first = text.charCodeAt(a.index);
    const digits = first >= 0x30 && first <= 0x39;
    const at = digits || isLetter(first) ? a.index : a.index + 1;
    const length = a.index + a[0].length - at;
    if (at < covered) continue;
    let kind = 1;
    if (digits) {
      if (!plausibleDateNumber(text, at, length)) continue;
    } else {
      kind = 2;
      for (const re of ANCHOR_KIND_PATTERNS) {
        re.lastIndex = at;
        if (re.test(text)) break;
        kind++;
      }
      if (kind >= FAMILIES_BY_ANCHOR.length) continue;
    }
    const best = matchAround(text, at, covered, kind === 1 ? FAMILIES_FOR_NUMBER[length] : FAMILIES_BY_ANCHOR[kind]);
    if (!best) continue;
    const { family, start } = best;
    let matched = best.text;
    // A trailing dot belongs to an abbreviation, not when it is the sentence's full stop.
    if (matched.endsWith('.') && family !== 'numeric' && /^(?:\s*$|\s+[А-ЯЁA-Z«"]|\n)/.test(text.slice(start + matched.length, start + matched.length + 3))) {
      matched = matched.slice(0, -1);
    }
    const end = start + matched.length;
    const s = fold(matched);
    const tense = (): Tense => tenseAround(text, start, end);
    const resolved = resolve(family, matched, s, article, tense);
    if (resolved === undefined) continue;
    const date: DateAnnotation = { id: `d${found.length + 1}`, kind: 'date', start, end, text: matched };
    if (resolved.value !== undefined) date.value = resolved.value;
    if (resolved.valueType !== undefined) date.valueType = resolved.valueType;
    if (resolved.relative) date.relative = true;
    found.push(date);
    covered = end;
    if (anchors.lastIndex < end) anchors.lastIndex = end;
  }
  return found;
}

/** The longest expression that starts in the lead-word run before `at` and reaches past it. */
function matchAround(text: string, at: number, floor: number, patterns: RegExp[]): { family: Family; start: number; text: string } | undefined {
  const starts = candidateStarts(text, at, floor);
  for (const start of starts) {
    let best: { family: Family; start: number; text: string } | undefined;
    for (const re of patterns) {
      // (Sticky: `test` leaves lastIndex at the match's end, and makes no match object.)
      re.lastIndex = start;
      if (!re.test(text)) continue;
      const length = re.lastIndex - start;
      if (start + length <= at || (best && best.text.length >= length)) continue;
      const family = FAMILY_OF.get(re)!;
      const matched = text.slice(start, start + length);
      if (!accept(family, matched, text, start, starts[0])) continue;
      best = { family, start, text: matched };
    }
    if (best) return best;
  }
  return undefined;
}

const COUNTED_NOUN =
  /^[ \u00A0]+(?:км|м|кг|т|тонн|человек|раз|рубл|доллар|евро|пациент|сч[её]т|компьютер|час|минут|процент|штук|страниц|голос|жител|сотрудник|случа|единиц|метр|километр|гектар|мест|участник|зрител|дом|квартир|матч|[а-яё]+(?:ов|ей|ев|ами|ах|ях)(?![а-яё]))/i;
const QUANTITY_BEFORE = /(?:около|более|свыше|менее|почти|примерно|порядка|лишь|всего|скончал[а-я]*|погиб[а-я]*|ст\.|№|п\.|ч\.|[/\w])\s*$/i;
const AGE_BEFORE =
  /(?:(?<![а-яё])(?:ему|ей|им|которому|которой|которым|кому|было|был|была|будет|исполнил[а-я]*|исполнит[а-я]*|исполня[а-я]*|старше|младше|моложе|возраст[а-я]*|прожив[а-я]*|дожил[а-я]*|детей|детям|девочк[а-я]*|мальчик[а-я]*|сейчас|супруге|супругу|жене|мужу|сыну|дочери|категори[а-я]+)[ \u00A0]+(?:бы[ \u00A0]+|уже[ \u00A0]+|всего[ \u00A0]+|лишь[ \u00A0]+|почти[ \u00A0]+|по[ \u00A0]+|не[ \u00A0]+было[ \u00A0]+и[ \u00A0]+)?(?:(?:от|с)[ \u00A0]+)?(?:\d+[ \u00A0]*[-–—][ \u00A0]*|\d+[ \u00A0]+)?)$/i;
/** `10, 9 и 8 лет`, `в 70 и 75 лет`: the tail of a list of ages. */
const AGE_LIST_BEFORE = /(?:^|[^\d])\d{1,3}[ \u00A0]*(?:,[ \u00A0]*\d{1,3}[ \u00A0]*)*(?:и|или)[ \u00A0]+$/;
const NOT_A_NAME = /^(?:Ранее|Позже|Позднее|Более|Менее|Около|Почти|Уже|Еще|Ещё|Лишь|Всего|Где-то|Примерно|Спустя|Также|Кроме|Тоже)$/;
/** `Кравцову 39 лет`, `Габриэлю — 9 лет`, `(Faiz Khaleed), 26 лет`: a name in the dative, or an apposition. */
const AGE_AFTER_NAME = /(?:[А-ЯЁ][а-яё]*[уюеио]|[)»],)[ \u00A0]*(?:[-–—][ \u00A0]*)?$/;

/** What one regex cannot say cheaply: counts that look like years, ages that look like durations. */
function accept(family: Family, matched: string, text: string, start: number, runStart: number): boolean {
  const end = start + matched.length;
  if (family === 'years' && /^(?:[а-яё]+[ \u00A0]+)?\d{4}$/i.test(matched)) {
    const before = text.slice(Math.max(0, start - 14), start);
    const after = text.slice(end, end + 16);
    // `около 2000 компьютеров`, `в 1200 километрах`, `ст. 1244`, URLs: counts and paths, not years.
    if (/^(?:около|более|свыше|менее|почти|примерно|порядка)/i.test(matched)) return false;
    if (QUANTITY_BEFORE.test(before) && !/-\s*$/.test(before)) return false;
    if (COUNTED_NOUN.test(after) || /^(?:\/|-\d|-[а-яё]|\.\d|[а-яёa-z])/i.test(after)) return false;
    return true;
  }
  if (family === 'duration' && /(?:лет|год[а-я]*)$/i.test(matched)) {
    // Ages are NEREL's AGE and no date: `ему 52 года`, `в 24 года`, `с 14 лет`, `на 85 году жизни`.
    const run = text.slice(runStart, end).toLowerCase();
    if (/^(?:в|с|со|по)[ \u00A0]+\d/.test(run) || /^на[ \u00A0]+\d+[ \u00A0]+году/.test(run)) return false;
    const before = text.slice(Math.max(0, runStart - 40), runStart);
    if (AGE_BEFORE.test(before) || AGE_LIST_BEFORE.test(before)) return false;
    if (runStart === start && /^\d/.test(matched) && AGE_AFTER_NAME.test(before) && !NOT_A_NAME.test(/([А-ЯЁ][а-яё-]*)[ \u00A0]*$/.exec(before)?.[1] ?? '')) return false;
    if (/^[ \u00A0]+(?:жизни|от[ \u00A0]+роду)/.test(text.slice(end, end + 12))) return false;
  }
  if (family === 'deictic' && /^накануне$/i.test(matched)) {
    // `накануне голосования` is a preposition before an event; the adverb `накануне` is the date.
    if (/^[ \u00A0]+(?:[а-яё]+(?:ия|ии|ий|ов|ей|чи|ча|ета|ёта|тов)|[Дд]ня)(?![а-яё])/.test(text.slice(end, end + 20))) return false;
  }
  // `Октябрьский` is a town; the lower-case adjective is the month.
  if (family === 'month' && /^[А-ЯЁ][а-яё]+ск/.test(matched)) return false;
  if (family === 'century') {
    const roman = /(?<![A-Za-z])([IVXLCivxlc]+)(?![A-Za-z])/.exec(matched);
    if (roman && (roman[1] !== roman[1].toUpperCase() || romanValue(roman[1]) === undefined)) return false;
  }
  return true;
}

/** The value; undefined when the words are no date after all (`31 июня`). */
function resolve(family: Family, original: string, s: string, article: Day | undefined, tense: () => Tense): Resolved | undefined {
  switch (family) {
    case 'numeric':
      return resolveNumeric(s.replace(/\s*г.*$/, ''));
    case 'calendar':
      return resolveCalendar(s, article, tense);
    case 'month':
      return resolveMonth(s, article, tense);
    case 'decade':
      return resolveDecade(original, s);
    case 'century':
      return resolveCentury(original, s.replace(/х/g, 'x'));
    case 'years':
      return resolveYears(s);
    case 'season':
      return resolveSeason(s, article);
    case 'weekday':
      return resolveWeekday(s, article, tense);
    case 'deictic':
      return resolveDeictic(s, article);
    case 'period':
      return resolvePeriod(s, article);
    case 'duration':
      return resolveDuration(s, article);
  }
}
