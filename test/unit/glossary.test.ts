import * as assert from 'node:assert/strict';
import { Glossary, builtinGlossary, parseGlossaryFile } from '../../src/core/glossary/glossary';
import type { GlossaryEntry } from '../../src/core/glossary/types';

const entry = (over: Partial<GlossaryEntry>): GlossaryEntry => ({ id: 'x', kind: 'concept', lemma: 'икс', english: 'x', definition: '', ...over });

describe('glossary', () => {
  describe('built-in glossary', () => {
    const g = builtinGlossary();

    it('has the Vienna Convention terms with their article numbers', () => {
      for (const [id, article] of [['vclt-ratification', '14'], ['vclt-accession', '15'], ['vclt-reservation', '19'], ['vclt-depositary', '76'], ['vclt-entry-into-force', '24'], ['vclt-provisional-application', '25'], ['vclt-full-powers', '7'], ['vclt-denunciation', '56'], ['vclt-suspension', '57']]) {
        const e = g.get(id);
        assert.ok(e, id);
        assert.match(e.source ?? '', new RegExp(`VCLT art.*${article}`), id);
      }
    });

    it('gives every entry an English equivalent and a one-line definition', () => {
      assert.ok(g.size >= 150, `only ${g.size} entries`);
      for (const e of g.entries) {
        assert.ok(e.english.trim(), e.id);
        assert.ok(e.definition.trim() && !e.definition.includes('\n'), e.id);
      }
    });

    it('is the same object on every call', () => {
      assert.equal(builtinGlossary(), g);
    });

    it('names organisations in full in Russian and English', () => {
      const asean = g.find('АСЕАН');
      assert.equal(asean?.fullNameRu, 'Ассоциация государств Юго-Восточной Азии');
      assert.equal(asean?.fullNameEn, 'Association of Southeast Asian Nations');
    });

    it('finds an entry from an inflected form', () => {
      assert.equal(g.find('Генассамблеей ООН')?.id, 'org-unga');
      assert.equal(g.find('Конвенцией ООН по морскому праву')?.id, 'unclos');
      assert.equal(g.find('ратифицировала')?.id, 'vclt-ratification');
      assert.equal(g.find('государств-участников')?.id, 'vclt-party');
      assert.equal(g.find('верительных грамот')?.id, 'doc-credentials');
      assert.equal(g.find('временным поверенным в делах')?.id, 'rank-charge-daffaires');
    });

    it('does not take a verb for a noun: "договорились" is not "treaty"', () => {
      assert.equal(g.find('договорились'), undefined);
      assert.equal(g.find('после'), undefined, 'после is not a form of посол');
    });

    it('matches acronyms only as written', () => {
      assert.equal(g.find('ЕС')?.id, 'org-eu');
      assert.equal(g.find('ес'), undefined);
      assert.equal(g.find('МИДа')?.id, 'org-ru-mfa');
    });
  });

  describe('user entries', () => {
    it('win over built-in entries with the same lemma', () => {
      const user = entry({ id: 'user:ратификация', kind: 'procedure', lemma: 'Ратификация', english: 'ratification (our house style)' });
      const g = builtinGlossary().withUserEntries([user]);
      assert.equal(g.find('ратификации')?.english, 'ratification (our house style)');
      assert.equal(g.get('vclt-ratification'), undefined);
    });

    it('win over built-in entries with the same id', () => {
      const g = builtinGlossary().withUserEntries([entry({ id: 'org-asean', kind: 'organisation', lemma: 'АСЕАН', english: 'ASEAN!' })]);
      assert.equal(g.get('org-asean')?.english, 'ASEAN!');
      assert.equal(g.find('Ассоциации государств Юго-Восточной Азии'), undefined);
    });

    it('load 100,000 entries in reasonable time', function () {
      this.timeout(20_000);
      const many: GlossaryEntry[] = [];
      for (let i = 0; i < 100_000; i++) many.push(entry({ id: `e${i}`, lemma: `термин${i} особого соглашения`, english: `term ${i}` }));
      const t = performance.now();
      const g = new Glossary(many);
      assert.equal(g.find('термин77777 особого соглашения')?.id, 'e77777');
      assert.equal(g.find('термин77777 особое соглашение'), undefined, 'words after the head keep their form');
      const ms = performance.now() - t;
      assert.ok(ms < 5_000, `${ms.toFixed(0)} ms`);
    });
  });

  describe('parseGlossaryFile', () => {
    it('reads a list of entries, with defaults for what is optional', () => {
      const { entries, errors } = parseGlossaryFile(`- lemma: Совет Безопасности ООН\n  kind: organisation\n  english: UN Security Council\n`, 'my.glossary.yaml');
      assert.deepEqual(errors, []);
      assert.equal(entries.length, 1);
      assert.equal(entries[0].id, 'user:совет безопасности оон');
      assert.equal(entries[0].origin, 'my.glossary.yaml');
    });

    it('reads a map with an entries list', () => {
      const { entries, errors } = parseGlossaryFile(`version: 1\nentries:\n  - lemma: демарш\n    english: démarche\n    kind: document\n`, 'a');
      assert.deepEqual(errors, []);
      assert.equal(entries[0].kind, 'document');
    });

    it('reports malformed YAML at its line and never throws', () => {
      const { entries, errors } = parseGlossaryFile(`- lemma: нота\n  english: note\n- lemma: [unclosed\n`, 'a');
      assert.equal(entries.length, 0);
      assert.ok(errors.length > 0);
      assert.ok(errors[0].line >= 3, `line ${errors[0].line}`);
    });

    it('reports a missing field at the entry and keeps the good entries', () => {
      const { entries, errors } = parseGlossaryFile(`- lemma: нота\n  english: note\n- lemma: коммюнике\n  kind: document\n`, 'a');
      assert.equal(entries.length, 1);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].line, 3);
      assert.match(errors[0].message, /english/);
    });

    it('reports a field of the wrong type at its line', () => {
      const { errors } = parseGlossaryFile(`- lemma: нота\n  english: note\n  forms:\n    key: value\n  kind: treaty\n`, 'a');
      assert.ok(errors.some((e) => /forms/.test(e.message) && e.line === 4), JSON.stringify(errors));
      assert.ok(errors.some((e) => /kind/.test(e.message) && e.line === 5), JSON.stringify(errors));
    });

    it('keeps hostile text as inert data: markup, regex characters, control characters, huge strings', () => {
      const huge = 'а'.repeat(50_000);
      const { entries } = parseGlossaryFile(
        `- lemma: "(a+)+$ [x] *?"\n  english: regex\n- lemma: демарш\n  english: "<img src=x onerror=alert(1)> [link](command:evil)"\n  definition: "${huge}"\n- lemma: "${huge}"\n  english: long\n- lemma: "ок\\u0007\\u202Eй"\n  english: bell\n`,
        'a',
      );
      const g = new Glossary(entries);
      const t = performance.now();
      assert.doesNotThrow(() => g.find('(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa)!'));
      assert.ok(performance.now() - t < 50, 'no regular expression is built from user text');
      assert.equal(g.find('демарша')?.english, '<img src=x onerror=alert(1)> [link](command:evil)', 'kept as text; the hover escapes it');
      assert.ok(entries[1].definition.length <= 1_000);
      assert.equal(entries.length, 3, 'a lemma too long to match is reported, not loaded');
      assert.equal(entries[2].lemma, 'окй');
    });

    it('refuses an alias bomb with a message instead of running out of memory', () => {
      let yaml = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
      for (let i = 0; i < 12; i++) yaml += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]\n`;
      yaml += 'entries: [*m]\n';
      const { entries, errors } = parseGlossaryFile(yaml, 'bomb.glossary.yaml');
      assert.equal(entries.length, 0);
      assert.equal(errors.length, 1);
    });

    it('reads an empty file as no entries and no errors', () => {
      assert.deepEqual(parseGlossaryFile('', 'a'), { entries: [], errors: [] });
      assert.deepEqual(parseGlossaryFile('# only a comment\n', 'a'), { entries: [], errors: [] });
    });

    it('explains a file that is not a list', () => {
      const { errors } = parseGlossaryFile('just a string', 'a');
      assert.equal(errors.length, 1);
      assert.equal(errors[0].line, 1);
    });
  });
});
