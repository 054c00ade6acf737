import * as assert from 'node:assert/strict';
import { findQuotes, pairQuotationMarks } from '../../src/core/analysis/quotes';
import type { QuoteAnnotation, SpeakerAnnotation } from '../../src/core/analysis/types';
import { scoreQuotes, formatScore, type QuoteFixture } from '../../scripts/eval-quotes';
import dev from '../fixtures/quotes/dev.yaml';
import holdout from '../fixtures/quotes/holdout.yaml';

function analyse(text: string) {
  const { quotes, speakers } = findQuotes(text);
  const speakerOf = (q: QuoteAnnotation): SpeakerAnnotation | undefined => speakers.find((s) => s.id === q.speaker);
  return { quotes, speakers, speakerOf };
}

describe('quotes and speakers', () => {
  it('finds a straight-quoted quote attributed after with a hyphen and resolves the surname', () => {
    const text = 'Об этом заявил директор департамента МИД РФ Артур Люкманов.\n"Да, они солидарны с нами", - сказал Люкманов , отвечая на вопрос.';
    const { quotes, speakerOf } = analyse(text);
    const q = quotes.find((x) => x.direct)!;
    assert.equal(q.text, '"Да, они солидарны с нами"');
    assert.equal(text.slice(q.innerStart, q.innerEnd), 'Да, они солидарны с нами');
    const s = speakerOf(q)!;
    assert.equal(s.text, 'Люкманов');
    assert.equal(s.name, 'Артур Люкманов');
    assert.equal(s.form, 'name');
    assert.equal(s.role, 'директор департамента МИД РФ');
    assert.deepEqual(s.quotes, [q.id]);
  });

  it('finds a quote in «ёлочки» attributed after with a dash and a pronoun resolved to the last person', () => {
    const text = 'Спикер Совета Федерации Валентина Матвиенко встретилась с послами. «Диалог необходим», — подчеркнула она.';
    const { quotes, speakerOf } = analyse(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '«Диалог необходим»');
    const s = speakerOf(quotes[0])!;
    assert.equal(s.form, 'pronoun');
    assert.equal(s.name, 'Валентина Матвиенко');
  });

  it('finds a quote attributed before with a colon', () => {
    const { quotes, speakerOf } = analyse('Глава МИД России Сергей Лавров сказал: «Мы готовы к диалогу».');
    assert.equal(quotes[0].text, '«Мы готовы к диалогу»');
    assert.equal(speakerOf(quotes[0])!.name, 'Сергей Лавров');
    assert.equal(speakerOf(quotes[0])!.role, 'глава МИД России');
  });

  it('splits a quote interrupted by the author’s words into two parts with one speaker', () => {
    const { quotes, speakers } = analyse('«Ситуация сложная, — сказал Небензя, — но прогресс есть».');
    assert.deepEqual(quotes.map((q) => q.text), ['«Ситуация сложная', 'но прогресс есть»']);
    assert.equal(speakers.length, 1);
    assert.deepEqual(speakers[0].quotes, ['q1', 'q2']);
  });

  it('gives both quotes of «…», — сказал он, — «…» the same speaker', () => {
    const { quotes, speakers } = analyse('«Мы готовы», — сказал министр, — «но не на любых условиях».');
    assert.equal(quotes.length, 2);
    assert.equal(speakers.length, 1);
    assert.equal(quotes[0].speaker, quotes[1].speaker);
  });

  it('keeps nested „лапки“ inside the outer quote', () => {
    const { quotes } = analyse('«Так называемый „коллективный Запад“ ошибается», — отметил посол.');
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '«Так называемый „коллективный Запад“ ошибается»');
  });

  it('joins the paragraphs of a multi-paragraph quote', () => {
    const text = 'Глава МИД Венгрии Петер Сийярто выступил.\n«Венгрия против санкций.\n«Мы защитим свои интересы», — сказал Сийярто.';
    const { quotes, speakerOf } = analyse(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '«Венгрия против санкций.\n«Мы защитим свои интересы»');
    assert.equal(speakerOf(quotes[0])!.name, 'Петер Сийярто');
  });

  it('pairs straight quotation marks by context', () => {
    const text = 'Компания "Роснефть" сообщила: "Поставки идут по графику".';
    const spans = pairQuotationMarks(text);
    assert.deepEqual(spans.map((s) => text.slice(s.open, s.close + 1)), ['"Роснефть"', '"Поставки идут по графику"']);
  });

  it('runs a quotation left open by an excerpt cut to the end of the text, and no stray mark further', () => {
    const cut = 'Посол ответил на вопрос.\n«Мы готовы к диалогу. Но условия ставим не мы.';
    assert.deepEqual(pairQuotationMarks(cut).map((s) => cut.slice(s.open, s.close + 1)), ['«Мы готовы к диалогу. Но условия ставим не мы.']);
    // Open mid-text and closed by nothing before a paragraph break: no quotation.
    const stray = 'Посол сказал «мы готовы.\n\nПереговоры продолжатся завтра. Делегации уже прибыли в Женеву.';
    assert.deepEqual(pairQuotationMarks(stray), []);
    // A text that stops mid-sentence is no quotation's end; nor is a page of text.
    assert.deepEqual(pairQuotationMarks('Он сказал: «Мы готовы к диалогу, но'), []);
    assert.deepEqual(pairQuotationMarks(`Он сказал: «${'Мы готовы к диалогу. '.repeat(100)}`), []);
  });

  it('does not take names in quotation marks for quotes', () => {
    const text = 'РИА «Новости», компания «Газпром», газета "Коммерсантъ", операция «Буря в пустыне», форум «Россия — Африка», закон «О международных договорах» и проект «Северный поток — 2» упоминались на конференции Kuban CSC. Так называемые «миротворцы» ушли.';
    assert.deepEqual(analyse(text).quotes, []);
  });

  it('finds indirect speech after «что» with the subject before the verb', () => {
    const { quotes, speakerOf } = analyse('Министр иностранных дел Индии Субраманьям Джайшанкар прибыл в Москву. Министр отметил, что товарооборот растет.');
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].direct, false);
    assert.equal(quotes[0].text, 'товарооборот растет');
    assert.equal(speakerOf(quotes[0])!.form, 'role');
    assert.equal(speakerOf(quotes[0])!.name, 'Субраманьям Джайшанкар');
  });

  it('resolves a genitive female surname after «по словам» to the nominative full name', () => {
    const { quotes, speakerOf } = analyse('Официальный представитель МИД России Мария Захарова провела брифинг. По словам Захаровой, ответ будет зеркальным.');
    assert.equal(quotes[0].text, 'ответ будет зеркальным');
    assert.equal(speakerOf(quotes[0])!.name, 'Мария Захарова');
  });

  it('introduces a person first named in the genitive in the nominative', () => {
    const { quotes, speakerOf } = analyse('По словам официального представителя МИД Марии Захаровой, «Запад сам создал кризис».');
    assert.equal(quotes[0].direct, true);
    assert.equal(speakerOf(quotes[0])!.name, 'Мария Захарова');
  });

  it('names in the nominative a person introduced out of it, and a surname given before the full name', () => {
    const text = 'Рябков: диалог о стабильности возможен\n\nДепутат процитировал сенатора Андреаса Римкуса, заявившего, что «санкции не сработали». Замминистра Сергей Рябков выступил в Женеве.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text, speakerOf(q)?.name]), [
      ['диалог о стабильности возможен', 'Рябков', 'Сергей Рябков'],
      ['«санкции не сработали»', 'Римкуса', 'Андреас Римкус'],
    ]);
  });

  it('reads a surname only a woman takes in the genitive as hers (`Поповой` → Попова, never Попов)', () => {
    const { quotes, speakerOf } = analyse('По словам Поповой, «задержанный дал показания». Как заявила Полянской журналист, всё спокойно.');
    assert.equal(speakerOf(quotes[0])!.name, 'Попова');
  });

  it('never merges a person named out of the nominative with the subject after them', () => {
    const { quotes, speakerOf } = analyse('Как сообщил журналисту Павлу Зарубину Ушаков, «встреча состоится». Как отметила в беседе с Валентиной Матвиенко Захарова, «это важно».');
    assert.equal(speakerOf(quotes[0])!.text, 'Ушаков');
    assert.equal(speakerOf(quotes[1])!.text, 'Захарова');
    const { quotes: after, speakerOf: of } = analyse('«Встреча состоится», — сообщил журналисту Ушаков. По словам Реджепа Тайипа Эрдогана, «Турция готова».');
    assert.equal(of(after[0])!.text, 'Ушаков');
    assert.equal(of(after[1])!.name, 'Реджеп Тайип Эрдоган');
  });

  it('finds reported speech with the attribution at the end and a body as speaker', () => {
    const { quotes, speakerOf } = analyse('Переговоры завершились без итогового документа, сообщили в Кремле.');
    assert.equal(quotes[0].text, 'Переговоры завершились без итогового документа');
    const s = speakerOf(quotes[0])!;
    assert.equal(s.form, 'body');
    assert.equal(s.name, 'Кремль');
  });

  it('takes the body named after «в заявлении» as the speaker', () => {
    const { quotes, speakerOf } = analyse('В заявлении МИД Китая говорится, что Пекин против санкций.');
    assert.equal(quotes[0].text, 'Пекин против санкций');
    assert.equal(speakerOf(quotes[0])!.text, 'МИД Китая');
  });

  it('finds «Как заявил X, «…»» and «как отметил X, …»', () => {
    const a = analyse('Как заявил постпред России при ООН Василий Небензя, «резолюция политизирована».');
    assert.equal(a.quotes[0].direct, true);
    assert.equal(a.speakerOf(a.quotes[0])!.name, 'Василий Небензя');
    const b = analyse('Как отметил Лавров, санкции не работают.');
    assert.equal(b.quotes[0].text, 'санкции не работают');
    assert.equal(b.speakerOf(b.quotes[0])!.text, 'Лавров');
  });

  it('recognises speech verbs with intervening addressees and inverted order', () => {
    const { quotes, speakerOf } = analyse('Все страны готовы поддержать конвенцию, заявил журналистам директор департамента МИД РФ Артур Люкманов.');
    assert.equal(quotes[0].text, 'Все страны готовы поддержать конвенцию');
    assert.equal(speakerOf(quotes[0])!.name, 'Артур Люкманов');
  });

  it('reads initials as part of a name', () => {
    const { speakers } = analyse('С. Лавров подчеркнул: «Россия выполнит обязательства».');
    assert.equal(speakers[0].text, 'С. Лавров');
  });

  it('finds dialogue lines opened by a dash', () => {
    const { quotes, speakerOf } = analyse('— Будет ли продлено соглашение?\n— Мы на это рассчитываем, — ответил замминистра.');
    assert.deepEqual(quotes.map((q) => q.text), ['Будет ли продлено соглашение?', 'Мы на это рассчитываем']);
    assert.equal(speakerOf(quotes[1])!.text, 'замминистра');
  });

  it('numbers quotes and speakers in document order', () => {
    const { quotes, speakers } = analyse('«Да», — сказал Песков. «Нет», — ответила Захарова.');
    assert.deepEqual(quotes.map((q) => q.id), ['q1', 'q2']);
    assert.deepEqual(speakers.map((s) => s.id), ['s1', 's2']);
    assert.ok(speakers[0].start < speakers[1].start);
  });

  it('reaches the accuracy targets on the hand-written fixtures (development and held-out)', () => {
    for (const [name, cases] of [['dev', (dev as { cases: QuoteFixture[] }).cases], ['holdout', (holdout as { cases: QuoteFixture[] }).cases]] as const) {
      const score = scoreQuotes(cases);
      const summary = formatScore(name, score) + '\n' + score.errors.join('\n');
      assert.ok(score.direct.f1 >= 0.95, summary);
      assert.ok(score.all.f1 >= 0.85, summary);
      assert.ok(score.speaker.accuracy >= 0.85, summary);
    }
    const total = (dev as { cases: QuoteFixture[] }).cases.concat((holdout as { cases: QuoteFixture[] }).cases).reduce((n, c) => n + c.quotes.length, 0);
    assert.ok(total >= 150, `only ${total} fixture quotes`);
  });

  it('reads stress marks and ё in names and speech verbs as the plain letters', () => {
    const text = 'Вице-спикер Госдумы Пётр Толстой выступил на форуме.\n«Мы гото\u0301вы к диалогу», — заяви\u0301л Толсто\u0301й. Позднее он подчеркнул, что переговоры продолжатся.';
    const { quotes, speakerOf } = analyse(text);
    const direct = quotes.find((q) => q.direct)!;
    assert.equal(direct.text, '«Мы гото\u0301вы к диалогу»');
    assert.equal(speakerOf(direct)!.text, 'Толсто\u0301й');
    assert.equal(speakerOf(direct)!.name, 'Пётр Толстой');
    const indirect = quotes.find((q) => !q.direct)!;
    assert.equal(indirect.text, 'переговоры продолжатся');
    assert.equal(speakerOf(indirect)!.name, 'Пётр Толстой');
  });

  it('keeps words joined by a non-breaking hyphen and reads non-breaking spaces as spaces', () => {
    const text = 'Пресс\u2011секретарь президента Дмитрий\u00A0Песков сказал:\u00A0«Решение будет принято позже».';
    const { quotes, speakerOf } = analyse(text);
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '«Решение будет принято позже»');
    const s = speakerOf(quotes[0])!;
    assert.equal(s.text, 'Дмитрий\u00A0Песков');
    assert.equal(s.name, 'Дмитрий Песков');
  });

  it('finds the same quotes in a paragraph whether it stands alone or inside a long digest', () => {
    const paragraph = 'Официальный представитель МИД России Мария Захарова прокомментировала заявление. «Это провокация», — сказала она.\n';
    const filler = 'Курс рубля к доллару на торгах в понедельник почти не изменился, сообщили аналитики биржи.\n'.repeat(300);
    const alone = analyse(paragraph);
    const inside = analyse(filler + paragraph + filler);
    const shift = filler.length;
    const direct = inside.quotes.filter((q) => q.direct);
    assert.deepEqual(direct.map((q) => [q.start - shift, q.end - shift, q.text]), alone.quotes.filter((q) => q.direct).map((q) => [q.start, q.end, q.text]));
    assert.equal(inside.speakerOf(direct[0])!.name, 'Мария Захарова');
  });

  it('runs in linear time on long text', function () {
    // Three runs of a 270 KB text: allow a busy machine more than mocha's default 2 s.
    this.timeout(30_000);
    const paragraph = '«Мы готовы к диалогу», — заявил Лавров. Он отметил, что Москва открыта. По словам Захаровой, ответ будет. Компания «Газпром» работает.\n';
    // CPU time, not wall time: the machine is shared. Linear means 10x the text costs about 10x,
    // a quadratic step would cost about 100x.
    const cpu = (text: string) => {
      const best = [0, 1, 2].map(() => {
        const c = process.cpuUsage();
        findQuotes(text);
        const d = process.cpuUsage(c);
        return d.user + d.system;
      });
      return Math.min(...best);
    };
    const small = paragraph.repeat(200);
    const large = paragraph.repeat(2000);
    findQuotes(small);
    const tSmall = cpu(small);
    const tLarge = cpu(large);
    assert.equal(findQuotes(large).quotes.length, 2000 * 3);
    assert.ok(tLarge < tSmall * 30, `10x the text took ${(tLarge / 1000).toFixed(1)} ms of CPU vs ${(tSmall / 1000).toFixed(1)} ms`);
  });

  it('takes the paragraph after `сказал:` as direct speech even without quotation marks', () => {
    const text = 'Посол Японии Хироси Сато выступил в МГИМО.\n\nСато сказал:\nМы рассчитываем на возобновление консультаций по мирному договору. Токио открыт для диалога.\n\nВстреча продлилась час.';
    const { quotes, speakerOf } = analyse(text);
    const q = quotes.find((x) => x.direct)!;
    assert.equal(q.text, 'Мы рассчитываем на возобновление консультаций по мирному договору. Токио открыт для диалога.');
    assert.equal(speakerOf(q)!.name, 'Хироси Сато');
  });

  it('takes no paragraph after a colon when the quoted block was lost (blank lines) or the line is a heading', () => {
    const text = 'В посольстве сделали заявление:\n\n\nСледующий раунд переговоров пройдет в Вене в конце месяца.\nЧитайте также:\nМинистры обсудили поставки зерна в страны Африки и Азии.';
    assert.deepEqual(analyse(text).quotes.filter((q) => q.direct), []);
  });

  it('finds words quoted inside a sentence and gives them its speaker', () => {
    const { quotes, speakerOf } = analyse('Министр иностранных дел Ирландии Майкл Мартин назвал действия властей «недопустимым методом давления».');
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0].text, '«недопустимым методом давления»');
    assert.equal(quotes[0].direct, true);
    assert.equal(speakerOf(quotes[0])!.name, 'Майкл Мартин');
  });

  it('reads a `что`-clause that is mostly quoted words as direct speech', () => {
    const { quotes } = analyse('Генсек ООН Антониу Гутерриш заявил, что «время дипломатии еще не упущено».');
    assert.deepEqual(quotes.map((q) => [q.text, q.direct]), [['«время дипломатии еще не упущено»', true]]);
  });

  it('does not take law titles or a list of film titles for quotes', () => {
    const text = 'Дума приняла законопроект № 123-8 «О ратификации соглашения о сотрудничестве». На фестивале показали «Посла», «Долгую дорогу домой» и «Мы вернемся!».';
    assert.deepEqual(analyse(text).quotes, []);
  });

  it('attributes words to the agency named after them and to a parenthetical source', () => {
    const { quotes, speakerOf } = analyse('Переговоры завершились в 2024 г. Делегации вернутся к обсуждению весной, передает ТАСС. Германия, отмечает издание, поддержит инициативу.');
    assert.deepEqual(quotes.map((q) => q.text), ['Делегации вернутся к обсуждению весной', 'Германия, отмечает издание, поддержит инициативу']);
    assert.equal(speakerOf(quotes[0])!.text, 'ТАСС');
    assert.equal(speakerOf(quotes[1])!.text, 'издание');
  });

  it('splits `что A, и что B` into two quotes with one speaker', () => {
    const { quotes } = analyse('Очевидцы рассказали, что колонна прошла ночью, и что местных жителей не предупредили.');
    assert.deepEqual(quotes.map((q) => q.text), ['колонна прошла ночью', 'местных жителей не предупредили']);
    assert.equal(quotes[0].speaker, quotes[1].speaker);
  });

  it('finds anonymous, media and place speakers', () => {
    const cases: [string, string, SpeakerAnnotation['form']][] = [
      ['Врачи заявили, что состояние посла стабильное.', 'Врачи', 'role'],
      ['«Известия» уверены, что визит состоится.', '«Известия»', 'body'],
      ['В Пекине считают, что пошлины будут отменены.', 'Пекине', 'body'],
      ['В петиции говорится, что консульство должно остаться открытым.', 'петиции', 'body'],
      ['Как выразился один из дипломатов, Брюссель «окончательно теряет терпение».', 'один из дипломатов', 'role'],
    ];
    for (const [text, speaker, form] of cases) {
      const { quotes, speakerOf } = analyse(text);
      const s = speakerOf(quotes[0]);
      assert.equal(s?.text, speaker, text);
      assert.equal(s?.form, form, text);
    }
  });

  it('names a place that speaks in the nominative (`В Москве считают` → Москва)', () => {
    const cases: [string, string][] = [
      ['В Москве считают, что санкции не работают.', 'Москва'],
      ['В Вашингтоне уверены, что сделка возможна.', 'Вашингтон'],
      ['В Южной Корее заявили, что ответят.', 'Южная Корея'],
      ['В Израиле считают, что угроза растет.', 'Израиль'],
      ['В Египте заявили, что посредничество продолжится.', 'Египет'],
      ['В Германии заявили, что поддержат решение.', 'Германия'],
      ['На Украине заявили, что не согласны.', 'Украина'],
      ['В Кремле заявили, что переговоры продолжатся.', 'Кремль'],
    ];
    for (const [text, name] of cases) {
      const { quotes, speakerOf } = analyse(text);
      assert.equal(speakerOf(quotes[0])?.name, name, text);
    }
  });

  it('starts unmarked words closed by a dash after an agency dateline', () => {
    for (const text of ['МОСКВА, 24 сен - РИА Новости. Россия готова к диалогу, — отметил Песков.', 'Москва, 24 сентября — Россия готова к диалогу, — отметил Песков.']) {
      const { quotes } = analyse(text);
      assert.deepEqual(quotes.map((q) => q.text), ['Россия готова к диалогу'], text);
    }
  });

  it('links a bare surname opening a sentence to the person introduced earlier', () => {
    const { quotes, speakerOf } = analyse('В Вильнюс прибыла верховный представитель ЕС Кая Каллас.\nКаллас заявила, что санкции будут продлены.');
    assert.equal(speakerOf(quotes[0])!.name, 'Кая Каллас');
  });
  it('takes sources opened by `согласно`, `со ссылкой на` and `по заверениям`, but not a bare `Согласно сообщению`', () => {
    const text = 'Согласно заявлению МИД Казахстана, консультации пройдут в Астане. Со ссылкой на источник в правительстве, агентство пишет о переносе визита. По заверениям дипломатов, документ почти согласован. Согласно сообщению, встреча перенесена.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['консультации пройдут в Астане', 'МИД Казахстана'],
      ['агентство пишет о переносе визита', 'источник'],
      ['документ почти согласован', 'дипломатов'],
    ]);
  });

  it('reads words quoted inside a reported clause as part of that clause, and a clause that is all quoted words as direct speech', () => {
    const { quotes } = analyse('По словам министра, марксизм «существенно продвинул цивилизационный процесс» и сейчас определяет повестку. Договор открыл путь к «новому порядку безопасности на континенте», заявил глава МИД. Посол заявил, что он «не намерен уступать давлению».');
    assert.deepEqual(quotes.map((q) => [q.text, q.direct]), [
      ['марксизм «существенно продвинул цивилизационный процесс» и сейчас определяет повестку', false],
      ['Договор открыл путь к «новому порядку безопасности на континенте»', false],
      ['«не намерен уступать давлению»', true],
    ]);
  });

  it('finds quoted words as the object of `назвал`, a list of them, and words after `со словами`', () => {
    const { quotes, speakerOf } = analyse('Премьер назвал переговоры «трудными, но честными», «шагом к долгому миру». Демонстранты вышли к парламенту со словами «Мир без санкций».');
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['«трудными, но честными»', 'Премьер'],
      ['«шагом к долгому миру»', 'Премьер'],
      ['«Мир без санкций»', undefined],
    ]);
  });

  it('takes capitalised words after a colon as a quote without a speech verb, but not titles listed after one', () => {
    const inscription = analyse('Надпись на доске гласит: «Памяти дипломатов, погибших при исполнении долга».');
    assert.equal(inscription.quotes[0]?.text, '«Памяти дипломатов, погибших при исполнении долга»');
    assert.equal(inscription.speakerOf(inscription.quotes[0])?.text, 'Надпись на доске');
    const motto = analyse('Плакат у посольства был коротким: «Верните наших дипломатов домой».');
    assert.equal(motto.quotes[0]?.text, '«Верните наших дипломатов домой»');
    assert.deepEqual(analyse('По его книгам сняты фильмы: «Воры в законе» (1988), «Созвездие Козерога» (1994).').quotes, []);
  });

  it('does not take the title of a code article in parentheses or a decision «Об …» for a quote', () => {
    const text = 'Водителю предъявили обвинение по ч. 3 ст. 264 УК РФ («Нарушение правил дорожного движения и эксплуатации транспортных средств»). Совет безопасности принял решение «Об усилении охраны дипломатических представительств».';
    assert.deepEqual(analyse(text).quotes, []);
  });

  it('names the document as the speaker of `говорится в совместном заявлении` and resolves it to the body named last', () => {
    const text = 'Пресс-служба Минобороны сообщила, что учения начнутся в мае. «Учения пройдут по плану», — говорится в совместном заявлении сторон.';
    const { quotes, speakerOf } = analyse(text);
    const s = speakerOf(quotes.find((q) => q.direct)!)!;
    assert.equal(s.text, 'заявлении');
    assert.equal(s.name, speakerOf(quotes[0])!.name);
  });

  it('reads a site name with a dot as one source: `Как сообщает Interfax.ru, …`', () => {
    const { quotes, speakerOf } = analyse('Как сообщает Interfax.ru, стороны договорились о новом раунде консультаций.');
    assert.equal(quotes[0]?.text, 'стороны договорились о новом раунде консультаций');
    assert.equal(speakerOf(quotes[0])?.text, 'Interfax');
  });

  it('finds the speaker of a clause attributed after a dash, and plain nouns and places as speakers', () => {
    const text = 'Уголовное дело возбуждено по факту превышения полномочий - сообщил прокурор области Виктор Седов. Переговоры прошли в конструктивном ключе, сообщил в четверг регулятор. В Смоленской епархии сообщили, что паломники вернулись домой. Медики предупреждают, что восстановление займёт несколько месяцев.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['Уголовное дело возбуждено по факту превышения полномочий', 'Виктор Седов'],
      ['Переговоры прошли в конструктивном ключе', 'регулятор'],
      ['паломники вернулись домой', 'Смоленской епархии'],
      ['восстановление займёт несколько месяцев', 'Медики'],
    ]);
  });

  it('does not read a surname in the genitive as the name noun it begins with (`Маркса` is no `марка`)', () => {
    const { quotes } = analyse('Председатель назвал учение Маркса «руководящей идеей партии и государства».');
    assert.equal(quotes[0]?.text, '«руководящей идеей партии и государства»');
  });
  it('takes the speaker from the verb\'s own clause before the rest of the sentence', () => {
    const text = 'По итогам конкурса в Азии, девушка призналась, что выбрала красное платье. Операция прошла успешно, однако врачи надеются, что посол скоро вернётся к работе. Ранее полицейские сообщали, что версия о нападении не рассматривается.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => speakerOf(q)?.text), ['девушка', 'врачи', 'полицейские']);
  });

  it('reads `Со слов X, …`, single words after `назвал`, and a plain noun after `— признался`', () => {
    const text = 'Со слов чемпиона, «в концовке поединка соперник устал». Глава МИД назвал заявление коллеги «провокацией». «Тогда я мечтал о рекорде», — признался спортсмен.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['«в концовке поединка соперник устал»', 'чемпиона'],
      ['«провокацией»', 'Глава МИД'],
      ['«Тогда я мечтал о рекорде»', 'спортсмен'],
    ]);
  });
  it('reads reports without a comma, after `как ранее сообщало`, `информация о том, что`, and stops at `, однако` with what happened next', () => {
    const text = 'МИД Италии подтвердил что в Сирии похищен итальянский гражданин. Кроме того, как ранее сообщало агентство, переговоры отложены. В прессе появилась информация о том, что посол уходит в отставку. Источники сообщили, что лидер скончался, однако правительство пока не подтвердило это. Премьер заявил, что страна готова к диалогу, однако дата встречи зависит от Брюсселя.';
    const { quotes } = analyse(text);
    assert.deepEqual(quotes.map((q) => q.text), [
      'в Сирии похищен итальянский гражданин',
      'переговоры отложены',
      'посол уходит в отставку',
      'лидер скончался',
      // What the premier said goes on after `однако` when nothing happens in the past tense.
      'страна готова к диалогу, однако дата встречи зависит от Брюсселя',
    ]);
  });
  it('gives each of two reports in one sentence its own speaker, and takes no quotation for a subject', () => {
    const text = 'Критики говорят, что губернатор подавил протесты, сторонники пишут, что он поднял экономику. «У меня три цели», сказал Симони: «Одна из них — полёт».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['губернатор подавил протесты', 'Критики'],
      ['он поднял экономику', 'сторонники'],
      ['«У меня три цели»', 'Симони'],
      ['«Одна из них — полёт»', 'Симони'],
    ]);
  });
  it('takes a paragraph after a colon as said when it opens in lower case after a verb, follows `с формулировкой:`, or holds a quotation of its own', () => {
    const text = 'Президент сообщил губернатору во время встречи:\nхотел бы предложить вам возглавить министерство.\n\nУказом отмечены сотрудники с формулировкой:\nЗа большой вклад в развитие сотрудничества.\n\nИсточник сказал:\nВсе гадают, почему встреча отложена. Но, как говорится, «всему своё время».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [
      ['хотел бы предложить вам возглавить министерство.', true, 'Президент'],
      ['За большой вклад в развитие сотрудничества.', true, undefined],
      ['Все гадают, почему встреча отложена. Но, как говорится, «всему своё время».', true, 'Источник'],
    ]);
  });
  it('runs a letter after a colon over its paragraphs in the second person, and stops at narration', () => {
    const text = 'Посол направил телеграмму вдове:\n\nУважаемая Анна Петровна,\n\nпримите мои соболезнования. Ваш муж служил нашей стране.\n\nМы сохраним память о нём.\n\nПохороны пройдут в пятницу.';
    const { quotes } = analyse(text);
    assert.deepEqual(quotes.map((q) => q.text), ['Уважаемая Анна Петровна,\n\nпримите мои соболезнования. Ваш муж служил нашей стране.\n\nМы сохраним память о нём.']);
  });
  it('reads unmarked words closed by an em dash and a speech verb as a quote from the paragraph start, indirect for want of marks', () => {
    const text = 'В его книгах для меня – вся эпоха. Там его характер – я всё это чувствую — сказала внучка писателя.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [['В его книгах для меня – вся эпоха. Там его характер – я всё это чувствую', false, 'внучка писателя']]);
  });
  it('quotes infinitives, characterisations after `как` and a short reported sentence in marks, but not titles, diagnoses or award citations', () => {
    const text = 'Стороны намерены лишь «наблюдать за ходом переговоров». Врачи характеризуют состояние как «стабильное». Судья сказал, что отсрочка «оправданна». ' +
      'В программе — фильм «Стой! Кто идёт?» (1974). Раненого доставили с диагнозом «перелом основания черепа и ушибы». Орден вручён «за большой вклад в укрепление дружбы между народами». Музей купил картину Архипа Куинджи «Закат. Крым».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['«наблюдать за ходом переговоров»', undefined],
      ['«стабильное»', 'Врачи'],
      ['«оправданна»', 'Судья'],
    ]);
  });
  it('splits `, а также, что` and a colon inside a reported clause into their own quotes', () => {
    const text = 'Премьер отметил, что считает соглашение историческим, а также, что правительство «благодарно партнёрам». Депутат заявил, что готов обратиться в суд: «Закон нарушает права».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [
      ['считает соглашение историческим', false, 'Премьер'],
      ['«благодарно партнёрам»', true, 'Премьер'],
      ['готов обратиться в суд', false, 'Депутат'],
      ['«Закон нарушает права»', true, 'Депутат'],
    ]);
  });
  it('finds common nouns, quantities and pronouns as subjects, and never a compound preposition', () => {
    const text = 'В мае делегация объявила, что переговоры возобновятся. Многие считают, что сроки сорвутся. Движение «Хезболла» заявило 3 марта, что не признаёт перемирия. ' +
      'В интервью CNN он подчеркнул, что уйдёт в отставку. «Это был трудный путь, — рассказала посланница. — Но я не жалею». В ответ на это министр сообщил: «Решение принято».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => speakerOf(q)?.text), ['делегация', 'Многие', 'Движение «Хезболла»', 'он', 'посланница', 'посланница', 'министр']);
  });
  it('finds no report in rumours, `выяснилось`, `как полагают` or `сообщил о …`', () => {
    const text = 'Появились слухи, что посол уходит. Позднее выяснилось, что съёмки закончились. Посол, как полагают, покинет страну. Переговоры сорваны, сообщил о провале источник.';
    assert.deepEqual(analyse(text).quotes.map((q) => q.text), []);
  });
  it('takes capitalised words inside a sentence for a title, unless a noun calls them words or they go on a list of quotations', () => {
    const text = 'Корректировке подвергнутся «Правила применения оборудования связи. Редакция вторая». В сети он оставил сообщение из трёх слов «Его больше нет…» Толпа вышла с криками «Слава нашим героям!» и «Мир нашей стране!».';
    const { quotes } = analyse(text);
    assert.deepEqual(quotes.map((q) => q.text), ['«Его больше нет…»', '«Слава нашим героям!»', '«Мир нашей стране!»']);
  });
  it('takes any past-tense verb after `», —` as the author\'s words, but not after a title set off by dashes', () => {
    const text = '«Многое изменилось за эти годы», — улыбнулся посол. Первая книга автора — «Дорога домой» — увидела свет в 1990 году.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [['«Многое изменилось за эти годы»', 'посол']]);
  });
  it('takes unmarked words after `говорится:` or a speech verb on the same line as said, and reads `говорится` as no gerund', () => {
    const text = 'В сообщении союза говорится: Причиной смерти стала остановка сердца.\nМинистр ответил журналистам: Переговоры пройдут в Женеве в марте.\nПосол уехал, говорится в сообщении посольства.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [
      ['Причиной смерти стала остановка сердца.', true, 'сообщении союза'],
      ['Переговоры пройдут в Женеве в марте.', true, 'Министр'],
      ['Посол уехал', false, 'посольства'],
    ]);
  });
  it('takes what is shouted or chanted for a quote, however short', () => {
    const { quotes, speakerOf } = analyse('Перед стрельбой нападавший выкрикнул «Аллах акбар». Толпа скандировала «Позор!».');
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [['«Аллах акбар»', 'нападавший'], ['«Позор!»', 'Толпа']]);
  });
  it('keeps the speaker of `«…», — и добавил, что «…»` and never takes a quotation said before a dash for a subject', () => {
    const text = 'Пресс-секретарь президента Дмитрий Песков сказал, что поводов нет. «Это незначительное увеличение», — и добавил, что «машины были закуплены давно».';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => speakerOf(q)?.name), ['Дмитрий Песков', 'Дмитрий Песков', 'Дмитрий Песков']);
  });
  it('gives a gerund\'s report the main clause\'s speaker, and reads `…, говорится:` as announcing words to come', () => {
    const text = 'Нападавший был убит, сообщили правоохранители, добавив, что операция заняла час.\nВ поздравлении, в частности, говорится:\nВаш путь в искусстве стал примером для многих.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['операция заняла час', 'правоохранители'],
      ['Ваш путь в искусстве стал примером для многих.', 'поздравлении'],
    ]);
  });
  it('does not take genitives, adverbs, pronoun pairs or nouns like verbs for speakers', () => {
    const text = 'В мае девушка футболиста рассказала, что ждёт ребёнка. Вчера жена заявила, что уходит. Несколько дней назад команда объявила, что покидает лигу. ' +
      '«Это было страшно», — рассказала вчера на встрече с журналистами пенсионерка. «Нет», — родители погибшего вышли на пикет. «Всё хорошо», — пожал плечами Иван. «Я не сдамся», — произнёс Иванов.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['ждёт ребёнка', 'девушка футболиста'],
      ['уходит', 'жена'],
      ['покидает лигу', 'команда'],
      ['«Это было страшно»', 'пенсионерка'],
      ['«Всё хорошо»', 'Иван'],
      ['«Я не сдамся»', 'Иванов'],
    ]);
  });
  it('reads no report in `как отмечено выше`, a price tag\'s `указано`, nicknames, examples, nouns in -сть or a declared measure', () => {
    const text = 'Как отмечено выше, рынок растёт. Он показал ценник, на котором указано, что товар стоит сто рублей. Он известен как «отец русской авиации». ' +
      'Такие слова, как «патриотизм», звучат всё чаще. Журналисты обсуждали «грусть и тоску» героев. В регионе объявили «режим самоизоляции». Все они были объявлены «предателями родины».';
    assert.deepEqual(analyse(text).quotes.map((q) => q.text), ['«предателями родины»']);
  });
  it('reads `…, о чём сообщил X` as an attribution, and ends a report at `, и` before a verb in the past', () => {
    const text = 'Встреча прошла в Женеве, о чём сообщил пресс-секретарь МИД. Следователи уточнили, что нападавший действовал один, и переквалифицировали дело.';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['Встреча прошла в Женеве', 'пресс-секретарь МИД'],
      ['нападавший действовал один', 'Следователи'],
    ]);
  });
  it('splits straight-quoted words around `, - сказал X, -` typed with hyphens', () => {
    const text = '"Напоминаю всем о персональной ответственности, - сказал губернатор, - особенно если речь идёт о пьянстве за рулём".';
    const { quotes, speakerOf } = analyse(text);
    assert.deepEqual(quotes.map((q) => [q.text, speakerOf(q)?.text]), [
      ['"Напоминаю всем о персональной ответственности', 'губернатор'],
      ['особенно если речь идёт о пьянстве за рулём"', 'губернатор'],
    ]);
  });
  it('quotes the words a statement is said to be about (`заявления властей о «…»`)', () => {
    const { quotes } = analyse('Движение отвергает заявления властей о «десятках погибших боевиков» в провинции.');
    assert.deepEqual(quotes.map((q) => [q.text, q.direct]), [['«десятках погибших боевиков»', true]]);
  });
  it('reads agency headlines as quotes — `X: …`, `… - X`, `«…» — X …`, also in the header line — and topics as none', () => {
    const { quotes, speakerOf } = analyse(' date 2026-01-05 Токаев: Путин встретился с Назарбаевым по его просьбе\n\nПриднестровье: фаворит проигрывает выборы\nКонстантин Сомов: выставка спустя полвека\nЧитайте также: Лавров провёл переговоры с Ваном И\n«Мастер и Маргарита»: фильм собрал рекордную кассу\nМинистр сказал: Россия не отступит от своих принципов.');
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [
      ['Путин встретился с Назарбаевым по его просьбе', false, 'Токаев'],
      ['Россия не отступит от своих принципов.', true, 'Министр'],
    ]);
  });

  it('reads unmarked words closed by `, — сказал X` as a quote from the paragraph start, indirect for want of marks', () => {
    const { quotes, speakerOf } = analyse('Можете не махать рукой? Очень отвлекает, — сказал министр.');
    assert.deepEqual(quotes.map((q) => [q.text, q.direct, speakerOf(q)?.text]), [['Можете не махать рукой? Очень отвлекает', false, 'министр']]);
  });
});
