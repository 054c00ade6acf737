import * as assert from 'node:assert/strict';
import { findTerms } from '../../src/core/analysis/terms';
import { builtinGlossary, parseGlossaryFile } from '../../src/core/glossary/glossary';
import type { TermAnnotation } from '../../src/core/analysis/types';

const g = builtinGlossary();
const terms = (text: string) => findTerms(text, g);
const texts = (text: string) => terms(text).map((t) => t.text);
const one = (text: string, fragment: string): TermAnnotation => {
  const t = terms(text).find((x) => x.text === fragment);
  assert.ok(t, `no term "${fragment}" in ${JSON.stringify(texts(text))}`);
  return t;
};

describe('treaty terms', () => {
  describe('glossary entries in any inflected form', () => {
    it('finds a convention in every case with its entry, lemma and English gloss', () => {
      for (const form of ['Конвенция ООН по морскому праву', 'Конвенции ООН по морскому праву', 'Конвенцию ООН по морскому праву', 'Конвенцией ООН по морскому праву']) {
        const t = one(`Стороны сослались на ${form} в ходе переговоров.`, form);
        assert.equal(t.category, 'instrument');
        assert.equal(t.entry, 'unclos');
        assert.equal(t.lemma, 'Конвенция ООН по морскому праву');
        assert.match(t.gloss ?? '', /Law of the Sea/);
      }
    });

    it('finds `вступление в силу` split by what enters into force, on its head word', () => {
      const text = 'Подписание – шаг к вступлению соглашения о свободной торговле в силу. Протокол вступит в силу в мае. Вступление, по его словам, в силу не ускорить.';
      const found = terms(text).filter((t) => t.entry === 'vclt-entry-into-force').map((t) => t.text);
      assert.deepEqual(found, ['вступлению', 'вступит в силу']);
    });

    it('finds treaty procedures as nouns and as verbs', () => {
      const text = 'Парламент ратифицировал договор, хотя ратификация шла долго; Казахстан ратифицировала его раньше, а процедура подписания завершилась в мае.';
      const found = terms(text).filter((t) => t.category === 'procedure').map((t) => [t.text, t.entry]);
      assert.deepEqual(found, [['ратифицировал', 'vclt-ratification'], ['ратификация', 'vclt-ratification'], ['ратифицировала', 'vclt-ratification'], ['подписания', 'vclt-signature']]);
    });

    it('finds "вступление в силу" in noun and verb forms', () => {
      assert.deepEqual(texts('Соглашение вступит в силу после вступления в силу протокола.').filter((t) => t.includes('силу')), ['вступит в силу', 'вступления в силу']);
    });

    it('finds hyphenated party terms in the plural', () => {
      assert.equal(one('Государства-участники встретятся в Вене.', 'Государства-участники').entry, 'vclt-party');
      assert.equal(one('Позиция стран-участниц не изменилась.', 'стран-участниц').entry, 'vclt-party');
    });

    it('prefers the longest match: the UN Security Council, not the UN', () => {
      const t = terms('Вопрос вынесли на заседание Совета Безопасности ООН.');
      assert.deepEqual(t.map((x) => [x.text, x.entry]), [['Совета Безопасности ООН', 'org-unsc']]);
    });

    it('matches acronyms case-sensitively and never inside words', () => {
      assert.deepEqual(texts('Если ЕС введёт пошлины, есть риск.'), ['ЕС']);
      assert.deepEqual(texts('Сообщение МИДа и заявление МИД РФ.'), ['МИДа', 'МИД РФ']);
    });

    it('does not read "договорились" as a treaty or "после" as an ambassador', () => {
      assert.deepEqual(texts('Стороны договорились встретиться после саммита.'), []);
      assert.deepEqual(texts('Посла вызвали в МИД после инцидента.').map((x) => x.toLowerCase()), ['посла', 'мид']);
    });

    it('folds ё, NBSP and soft hyphens', () => {
      assert.equal(one('Договор об обычных вооружённых силах в Европе', 'Договор об обычных вооружённых силах в Европе').entry, 'cfe');
      assert.equal(one('Договор об обычных вооруженных силах в Европе', 'Договор об обычных вооруженных силах в Европе').entry, 'cfe');
      const nbsp = 'Совет\u00A0Безопасности ООН';
      assert.equal(one(nbsp, nbsp).entry, 'org-unsc');
      const shy = 'рати\u00ADфикация';
      assert.equal(one(shy, shy).entry, 'vclt-ratification');
    });

    it('numbers terms t1, t2 … in document order with UTF-16 offsets', () => {
      const text = '😀 ОДКБ и ШОС подписали меморандум.';
      const t = terms(text);
      assert.deepEqual(t.map((x) => x.id), ['t1', 't2', 't3', 't4']);
      for (const x of t) assert.equal(text.slice(x.start, x.end), x.text);
      assert.deepEqual(t.map((x) => x.category), ['organisation', 'organisation', 'procedure', 'document']);
    });
  });

  describe('named instruments not in the glossary', () => {
    it('finds the whole name of a treaty in any case', () => {
      const t = one('Армения напомнила о Договоре о дружбе и сотрудничестве с Ираном.', 'Договоре о дружбе и сотрудничестве с Ираном');
      assert.equal(t.category, 'instrument');
      assert.equal(t.entry, undefined);
      assert.equal(t.lemma, 'Договор о дружбе и сотрудничестве с Ираном');
    });

    it('finds an agreement "между" two parties', () => {
      const t = one('Стороны обсудили реализацию соглашения о свободной торговле между ЕАЭС и Сербией.', 'соглашения о свободной торговле между ЕАЭС и Сербией');
      assert.equal(t.lemma, 'соглашение о свободной торговле между ЕАЭС и Сербией');
    });

    it('stops the name before the verb', () => {
      assert.ok(texts('Соглашение о партнёрстве вступило в силу в марте.').includes('Соглашение о партнёрстве'));
    });

    it('finds codes by their adjective and the articles that cite them', () => {
      const t = one('Дело возбуждено по ч. 2 ст. 207.3 Уголовного кодекса РФ.', 'ч. 2 ст. 207.3 Уголовного кодекса РФ');
      assert.equal(t.lemma, 'Уголовный кодекс РФ');
      assert.equal(one('Судья сослался на статьи 83 Конституции Российской Федерации.', 'статьи 83 Конституции Российской Федерации').entry, 'ru-constitution');
      assert.equal(one('Штраф предусмотрен статьёй 20.3 КоАП РФ.', 'статьёй 20.3 КоАП РФ').entry, 'administrative-code');
    });

    it('finds a law by its quoted title', () => {
      const text = 'Поправки внесены в федеральный закон «О международных договорах Российской Федерации» в июне.';
      const t = one(text, 'федеральный закон «О международных договорах Российской Федерации»');
      assert.equal(t.category, 'instrument');
    });

    it('finds a constitution of another state', () => {
      assert.equal(one('Референдум изменил Конституцию Республики Казахстан.', 'Конституцию Республики Казахстан').lemma, 'Конституция Республики Казахстан');
    });

    it('keeps the procedure and the instrument apart: "выход из Договора о РСМД"', () => {
      const t = terms('Вашингтон объявил о выходе из Договора о РСМД.');
      assert.deepEqual(t.map((x) => [x.text, x.category, x.entry]), [
        ['выходе', 'procedure', 'vclt-withdrawal'],
        ['Договора о РСМД', 'instrument', 'inf-treaty'],
      ]);
    });

    it('does not call a generic treaty or a police report an instrument', () => {
      const t = terms('Документ стал первым международным договором в этой сфере. На него составили протокол об административном правонарушении.');
      assert.deepEqual(t.filter((x) => x.category === 'instrument'), []);
    });
  });

  describe('user glossaries', () => {
    it('find the user\'s own terms, inflected', () => {
      const { entries } = parseGlossaryFile('- lemma: Договор о всеобъемлющем стратегическом партнёрстве между Россией и Ираном\n  kind: instrument\n  english: Russia–Iran Comprehensive Strategic Partnership Treaty\n  adopted: 2025-01-17\n', 'team.glossary.yaml');
      const ours = g.withUserEntries(entries);
      const [t] = findTerms('Дума ратифицирует Договором о всеобъемлющем стратегическом партнёрстве между Россией и Ираном.', ours).filter((x) => x.category === 'instrument');
      assert.equal(t.entry, 'user:договор о всеобъемлющем стратегическом партнерстве между россией и ираном');
      assert.equal(t.gloss, 'Russia–Iran Comprehensive Strategic Partnership Treaty');
    });
  });

  describe('unusual text', () => {
    it('finds every acronym in a text packed with short words', () => {
      const text = 'ЕС и ОДКБ, ЕС и ШОС. '.repeat(2000);
      const t = terms(text);
      assert.equal(t.length, 8000);
      assert.deepEqual(t.slice(0, 4).map((x) => x.text), ['ЕС', 'ОДКБ', 'ЕС', 'ШОС']);
      assert.equal(text.slice(t[7999].start, t[7999].end), 'ШОС');
    });

    it('finds nothing in text without words, and in an empty text', () => {
      assert.deepEqual(terms(''), []);
      assert.deepEqual(terms(' … — «» 2025 …\n'), []);
    });

    it('reads acronyms with ё, inflected, next to words in other scripts', () => {
      const { entries } = parseGlossaryFile('- lemma: Совет ЁЖ\n  kind: organisation\n  english: Hedgehog Council\n  acronyms: [ЁЖ]\n- lemma: brexit\n  english: Brexit\n', 'team.glossary.yaml');
      const ours = g.withUserEntries(entries);
      const found = findTerms('Решение ЕЖа по Brexit, или BREXIT, обсудили в Café de Paris и ЁЖом.', ours).map((x) => [x.text, x.entry]);
      assert.deepEqual(found, [['ЕЖа', 'user:совет еж'], ['Brexit', 'user:brexit'], ['BREXIT', 'user:brexit'], ['ЁЖом', 'user:совет еж']]);
    });
  });

  describe('speed', () => {
    it('takes time in proportion to the length of the text', function () {
      this.timeout(60_000);
      const paragraph = 'МОСКВА, 3 мар – РИА Новости. Госдума ратифицировала соглашение о свободной торговле между ЕАЭС и Ираном, сообщил постпред России при ООН. Ранее Совет Федерации одобрил денонсацию Договора об обычных вооружённых силах в Европе, а МИД РФ направил вербальную ноту послу.\n';
      const small = paragraph.repeat(Math.ceil(64_000 / paragraph.length));
      const large = small.repeat(16);
      // CPU time, best of five: the machine is shared. Linear means 16× the text costs about 16×;
      // a quadratic step would cost about 256×.
      const best = (text: string) => {
        let min = Infinity;
        for (let i = 0; i < 5; i++) {
          const c = process.cpuUsage();
          findTerms(text, g);
          const d = process.cpuUsage(c);
          min = Math.min(min, d.user + d.system);
        }
        return min;
      };
      best(small);
      const ratio = best(large) / best(small);
      // Absolute figures belong to bench/ on a quiet machine; here, a guard against anything worse than
      // linear: a quadratic step costs 256×, while garbage collection on a busy shared machine has
      // pushed a linear run past 50× (it took 52.6× once, with four other jobs running).
      assert.ok(ratio < 100, `16× the text took ${ratio.toFixed(1)}× the time`);
    });
  });
});
