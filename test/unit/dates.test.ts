import * as assert from 'node:assert/strict';
import { findDates } from '../../src/core/analysis/dates';
import type { DateAnnotation } from '../../src/core/analysis/types';

// The article date used throughout: Saturday, 25 October 2025.
const ARTICLE = '2025-10-25';

function found(text: string, articleDate: string | undefined = ARTICLE): { text: string; value?: string }[] {
  return findDates(text, articleDate).map((d) => ({ text: d.text, value: d.value }));
}

function only(text: string, articleDate: string | undefined = ARTICLE): DateAnnotation {
  const all = findDates(text, articleDate);
  assert.equal(all.length, 1, `expected one date in «${text}», got ${JSON.stringify(all.map((d) => d.text))}`);
  return all[0];
}

function texts(text: string, articleDate: string | undefined = ARTICLE): string[] {
  return findDates(text, articleDate).map((d) => d.text);
}

describe('dates', () => {
  describe('calendar dates', () => {
    it('finds an ISO date and a dotted date with their values', () => {
      assert.deepEqual(found('Протокол подписан 2025-10-14 в Женеве и ратифицирован 03.11.2025.'), [
        { text: '2025-10-14', value: '2025-10-14' },
        { text: '03.11.2025', value: '2025-11-03' },
      ]);
    });

    it('counts the date in the header line as a date', () => {
      const d = findDates(' date 2025-10-25 Лавров провёл переговоры с коллегой из Лаоса\n\nМОСКВА, 24 окт – РИА Новости.', ARTICLE);
      assert.deepEqual(
        d.map((x) => [x.text, x.value]),
        [
          ['2025-10-25', '2025-10-25'],
          ['24 окт', '2025-10-24'],
        ],
      );
    });

    it('resolves every dateline abbreviation, with or without a dot', () => {
      const months = ['янв', 'фев', 'мар', 'апр', 'мая', 'июн', 'июл', 'авг', 'сен', 'сент', 'окт', 'ноя', 'дек'];
      const expected = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '09', '10', '11', '12'];
      months.forEach((m, i) => {
        for (const dot of ['', '.']) {
          const d = only(`ЖЕНЕВА, 12 ${m}${dot} – РИА Новости. Делегации продолжили работу.`, '2025-06-15');
          // `мая` is a whole word: a dot after it is punctuation, not part of the date.
          assert.equal(d.text, m === 'мая' ? '12 мая' : `12 ${m}${dot}`);
          assert.match(d.value ?? '', new RegExp(`^\\d{4}-${expected[i]}-12$`), m);
          assert.equal(d.relative, true);
        }
      });
    });

    it('keeps a full stop that ends the sentence out of an abbreviated date', () => {
      assert.equal(only('Консультации прошли 5 дек. Повестка согласована.').text, '5 дек');
    });

    it('reads a day and a month in the genitive, with and without the year', () => {
      assert.deepEqual(found('Министры встретились 24 октября, а соглашение вступило в силу 1 января 2025 года.'), [
        { text: '24 октября', value: '2025-10-24' },
        { text: '1 января 2025 года', value: '2025-01-01' },
      ]);
    });

    it('accepts NBSP between the number and the month, and ё or е', () => {
      assert.equal(only('Визит состоялся 7\u00a0сентября 2024\u00a0года.').value, '2024-09-07');
    });

    it('reads `г.` abbreviations and ordinal years', () => {
      assert.deepEqual(found('Договор подписан 12 мая 1997 г. в Москве, продлён в 2010г. и снова в 2021-м.'), [
        { text: '12 мая 1997 г.', value: '1997-05-12' },
        { text: 'в 2010г.', value: '2010' },
        { text: 'в 2021-м', value: '2021' },
      ]);
    });

    it('puts a December date in a January article in the previous year', () => {
      assert.equal(only('Как сообщалось, 28 декабря стороны обменялись нотами.', '2026-01-10').value, '2025-12-28');
    });

    it('puts a January date in a December article in the next year', () => {
      assert.equal(only('Следующий раунд назначен на 15 января.', '2025-12-20').value, '2026-01-15');
    });

    it('joins a weekday with the date that follows it', () => {
      const d = only('Переговоры завершились в пятницу, 24 октября, в Вене.');
      assert.equal(d.text, 'в пятницу, 24 октября');
      assert.equal(d.value, '2025-10-24');
    });

    it('finds a date without a value when there is no article date, then gives the explicit ones a value', () => {
      const d = findDates('Стороны встретились 24 октября и снова 3 ноября 2025 года.', undefined);
      assert.deepEqual(
        d.map((x) => [x.text, x.value]),
        [
          ['24 октября', undefined],
          ['3 ноября 2025 года', '2025-11-03'],
        ],
      );
    });

    it('ignores an impossible date such as a film title «31 июня»', () => {
      assert.deepEqual(texts('Режиссёр вспомнил фильм «31 июня» и другие работы.'), []);
    });
  });

  describe('months, years, seasons, decades and centuries', () => {
    it('reads a month with a year, with the preposition', () => {
      const d = only('Конвенция открыта для подписания в декабре 2024 года.');
      assert.equal(d.text, 'в декабре 2024 года');
      assert.equal(d.value, '2024-12');
      assert.equal(d.valueType, 'month');
    });

    it('reads months in the nominative, genitive and prepositional', () => {
      assert.deepEqual(found('Январь 2020 года стал рекордным; с января по март шли консультации; в январе 2021 года их завершили.', ARTICLE), [
        { text: 'Январь 2020 года', value: '2020-01' },
        { text: 'с января', value: '2025-01' },
        { text: 'по март', value: '2025-03' },
        { text: 'в январе 2021 года', value: '2021-01' },
      ]);
    });

    it('reads a year with `в … году`, `год` and `года`', () => {
      assert.deepEqual(found('В 2024 году Россия ратифицировала протокол, бюджет на 2026 год принят, а с 2019 года действует мораторий.'), [
        { text: 'В 2024 году', value: '2024' },
        { text: 'на 2026 год', value: '2026' },
        { text: 'с 2019 года', value: '2019' },
      ]);
    });

    it('reads a season of a year as a month range', () => {
      const d = only('Весной 2023 года начались консультации экспертов.');
      assert.equal(d.value, '2023-03/2023-05');
      assert.equal(d.valueType, 'season');
    });

    it('reads the beginning, middle and end of a year', () => {
      assert.deepEqual(texts('Проект обсуждали в начале 2024 года, в середине 2024 года и в конце 2024 года.'), [
        'в начале 2024 года',
        'в середине 2024 года',
        'в конце 2024 года',
      ]);
    });

    it('reads decades and centuries as ranges', () => {
      assert.deepEqual(found('Режим сложился в 1990-х годах, а его корни уходят в XX век; в 60-е годы всё было иначе.'), [
        { text: 'в 1990-х годах', value: '1990/1999' },
        { text: 'в XX век', value: '1901/2000' },
        { text: 'в 60-е годы', value: '1960/1969' },
      ]);
    });

    it('reads ranges of years in every spelling', () => {
      assert.deepEqual(found('Миссия работала в 2019-2021 годах, затем в 2022–2023 гг. и с 1994 по 2000 годы.'), [
        { text: 'в 2019-2021 годах', value: '2019/2021' },
        { text: 'в 2022–2023 гг.', value: '2022/2023' },
        { text: 'с 1994 по 2000 годы', value: '1994/2000' },
      ]);
    });

    it('reads ranges of days in one month and across months', () => {
      assert.deepEqual(found('Саммит прошёл 3-4 сентября, а консультации шли с 3 по 5 сентября.'), [
        { text: '3-4 сентября', value: '2025-09-03/2025-09-04' },
        { text: 'с 3 по 5 сентября', value: '2025-09-03/2025-09-05' },
      ]);
      assert.equal(only('Праздники продлятся с 30 декабря по 2 января.').value, '2025-12-30/2026-01-02');
    });

    it('puts a day already past this year in the next year when the sentence speaks of the future', () => {
      assert.equal(only('Следующий саммит пройдёт 3-4 сентября.').value, '2026-09-03/2026-09-04');
      assert.equal(only('Предыдущий саммит прошёл 3-4 ноября.').value, '2024-11-03/2024-11-04');
    });

    it('reads an en or em dash in a day range', () => {
      assert.equal(only('Форум состоится 17—19 ноября 2025 года.').value, '2025-11-17/2025-11-19');
    });
  });

  describe('relative dates, resolved against the article date', () => {
    it('puts a past-tense weekday on the most recent such day, on or before the article date', () => {
      assert.deepEqual(found('В понедельник министр провёл переговоры, во вторник он вылетел в Пекин, а в субботу вернулся.'), [
        { text: 'В понедельник', value: '2025-10-20' },
        { text: 'во вторник', value: '2025-10-21' },
        { text: 'в субботу', value: '2025-10-25' },
      ]);
    });

    it('puts a weekday in a sentence about the future on the coming day', () => {
      assert.equal(only('В понедельник состоится встреча министров иностранных дел.').value, '2025-10-27');
    });

    it('reads `в прошлую пятницу` as the Friday before the article date', () => {
      assert.equal(only('В прошлую пятницу посол вручил верительные грамоты.').value, '2025-10-24');
    });

    it('needs a preposition to take `среда` for Wednesday, not for the environment', () => {
      assert.deepEqual(texts('Соглашение касается охраны окружающей среды. В среду его одобрил парламент.'), ['В среду']);
    });

    it('resolves вчера, сегодня, завтра, позавчера', () => {
      assert.deepEqual(found('Вчера посол вручил ноту, сегодня МИД её изучает, завтра ответит; позавчера об этом не знали.'), [
        { text: 'Вчера', value: '2025-10-24' },
        { text: 'сегодня', value: '2025-10-25' },
        { text: 'завтра', value: '2025-10-26' },
        { text: 'позавчера', value: '2025-10-23' },
      ]);
    });

    it('marks relative values as relative', () => {
      const d = only('Вчера стороны обменялись грамотами.');
      assert.equal(d.relative, true);
      assert.equal(only('Грамоты вручены 24 октября 2025 года.').relative, undefined);
    });

    it('resolves last, this and next week as ISO weeks', () => {
      assert.deepEqual(found('На прошлой неделе, на этой неделе и на следующей неделе прошли консультации.'), [
        { text: 'На прошлой неделе', value: '2025-W42' },
        { text: 'на этой неделе', value: '2025-W43' },
        { text: 'на следующей неделе', value: '2025-W44' },
      ]);
    });

    it('resolves last, this and next year and month', () => {
      assert.deepEqual(found('В прошлом году, в этом году и в следующем году; в прошлом месяце и в следующем месяце.'), [
        { text: 'В прошлом году', value: '2024' },
        { text: 'в этом году', value: '2025' },
        { text: 'в следующем году', value: '2026' },
        { text: 'в прошлом месяце', value: '2025-09' },
        { text: 'в следующем месяце', value: '2025-11' },
      ]);
    });

    it('resolves a month of the last year', () => {
      assert.equal(only('Документ подписали в июне прошлого года.').value, '2024-06');
    });

    it('finds relative dates without an article date but gives them no value', () => {
      const d = findDates('Вчера и в понедельник стороны встречались на прошлой неделе.', undefined);
      assert.deepEqual(
        d.map((x) => [x.text, x.value]),
        [
          ['Вчера', undefined],
          ['в понедельник', undefined],
          ['на прошлой неделе', undefined],
        ],
      );
    });

    it('takes `N лет назад` as the year that many years before the article', () => {
      assert.deepEqual(found('Организация была основана 100 лет назад, а два года назад её реформировали.'), [
        { text: '100 лет назад', value: '1925' },
        { text: 'два года назад', value: '2023' },
      ]);
    });
  });

  describe('durations and periods', () => {
    it('reads the durations of treaty language as ISO durations', () => {
      assert.deepEqual(found('Выход вступает в силу в течение 12 месяцев; мораторий продлён на два года, переходный период — шесть месяцев, уведомление — за 30 дней.'), [
        { text: 'в течение 12 месяцев', value: 'P12M' },
        { text: 'на два года', value: 'P2Y' },
        { text: 'шесть месяцев', value: 'P6M' },
        { text: 'за 30 дней', value: 'P30D' },
      ]);
    });

    it('reads number words in every case', () => {
      assert.deepEqual(found('Срок — до двух лет, не более трёх месяцев, около полутора лет, в течение пяти лет, двадцать пять лет.'), [
        { text: 'до двух лет', value: 'P2Y' },
        { text: 'не более трёх месяцев', value: 'P3M' },
        { text: 'около полутора лет', value: 'P1.5Y' },
        { text: 'в течение пяти лет', value: 'P5Y' },
        { text: 'двадцать пять лет', value: 'P25Y' },
      ]);
    });

    it('reads полгода and a number with `с половиной`', () => {
      assert.deepEqual(found('Переговоры шли полгода, а ратификация заняла два с половиной года.'), [
        { text: 'полгода', value: 'P0.5Y' },
        { text: 'два с половиной года', value: 'P2.5Y' },
      ]);
    });

    it('finds `второй год подряд` as a period, with no calendar value', () => {
      const d = only('Заседание диалога прошло второй год подряд.');
      assert.equal(d.text, 'второй год подряд');
      assert.equal(d.value, undefined);
    });

    it('finds a vague span without inventing a value', () => {
      const d = only('Консультации продолжались несколько месяцев.');
      assert.equal(d.text, 'несколько месяцев');
      assert.equal(d.value, undefined);
      assert.equal(d.valueType, 'duration');
    });

    it('reads `пятилетний срок` as a period but not `пятилетний мальчик`', () => {
      assert.deepEqual(texts('Президент избран на пятилетний срок. В аварии пострадал пятилетний мальчик.'), ['пятилетний']);
    });
  });

  describe('what is not a date', () => {
    it('does not take counts, articles, ratios or phone numbers for dates', () => {
      assert.deepEqual(texts('В результате пострадали 5 человек; статья 14 соглашения; объём вырос в 2 раза; звоните 8 800 555-35-35.'), []);
    });

    it('does not take a count of four digits for a year', () => {
      assert.deepEqual(texts('Наблюдатели насчитали около 1500 нарушений, а в 1200 километрах от столицы прошли учения.'), []);
    });

    it('does not take an age for a duration', () => {
      assert.deepEqual(texts('Послу 62 года. Он поступил на службу в 23 года, а в возрасте 40 лет возглавил департамент.'), []);
    });

    it('does not take `недавно` for a date', () => {
      assert.deepEqual(texts('Недавно министр посетил Ханой.'), []);
    });
  });

  describe('annotations', () => {
    it('numbers dates d1, d2 … in document order with exact offsets', () => {
      const text = 'Вчера, 24 октября, министр заявил, что в 2026 году переговоры продолжатся.';
      const d = findDates(text, ARTICLE);
      assert.deepEqual(
        d.map((x) => x.id),
        d.map((_, i) => `d${i + 1}`),
      );
      for (const x of d) {
        assert.equal(x.kind, 'date');
        assert.equal(text.slice(x.start, x.end), x.text);
      }
      assert.deepEqual(
        d.map((x) => x.text),
        ['Вчера', '24 октября', 'в 2026 году'],
      );
    });

    it('stays linear on a megabyte of news and on hostile input', () => {
      const paragraph =
        'МОСКВА, 24 окт – РИА Новости. Министр иностранных дел заявил в понедельник, что переговоры с делегацией соседней страны ' +
        'прошли в конструктивной атмосфере. По его словам, стороны обсудили выполнение соглашения 2019 года и договорились ' +
        'продолжить консультации на уровне экспертов. В результате инцидента на границе пострадали 5 человек, сообщили в ведомстве. ' +
        'Документ, подписанный 3 сентября, продлён на два года и будет направлен на ратификацию в парламент.\n\n';
      const news = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
      // Long runs of lead words and numbers are where a careless pattern backtracks without end.
      const hostile = 'в течение в течение около почти более 1 2 3 4 5 6 7 8 9 10 11 12 '.repeat(5_000) + '1-1-1-1.1.1.1/1/1 '.repeat(10_000);
      findDates(news.slice(0, 50_000), ARTICLE);
      for (const text of [news, hostile]) {
        const t0 = performance.now();
        findDates(text, ARTICLE);
        const ms = performance.now() - t0;
        // bench/ measures the budget (about 20 ms per MB); this only catches runaway backtracking.
        assert.ok(ms < 1500, `took ${ms.toFixed(0)} ms for ${(text.length / 1e6).toFixed(1)} MB`);
      }
      assert.ok(findDates(news, ARTICLE).length > 5_000);
    });
  });
});
