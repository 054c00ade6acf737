import * as assert from 'node:assert/strict';
import { AnalysisIndex } from '../../src/core/analysis/lookup';
import type { Annotation } from '../../src/core/analysis/types';
import { annotationHover } from '../../src/core/explain/hover';
import { escapeMarkdown } from '../../src/core/explain/markdown';
import { spellDateValue } from '../../src/core/explain/dates';
import type { GlossaryEntry } from '../../src/core/glossary/types';

const annotations: Annotation[] = [
  { id: 's1', kind: 'speaker', start: 0, end: 13, text: 'Сергей Лавров', form: 'name', name: 'Сергей Лавров', role: 'министр иностранных дел России', quotes: ['q1'] },
  { id: 'q1', kind: 'quote', start: 20, end: 40, text: '«Мы готовы к диалогу»', direct: true, speaker: 's1' },
  { id: 's2', kind: 'speaker', start: 50, end: 56, text: 'Лавров', form: 'name', name: 'Сергей Лавров', quotes: ['q2'] },
  { id: 'q2', kind: 'quote', start: 60, end: 80, text: 'переговоры продолжатся', direct: false, speaker: 's2' },
  { id: 'd1', kind: 'date', start: 90, end: 103, text: 'в понедельник', value: '2025-10-20', valueType: 'date', relative: true },
  { id: 't1', kind: 'term', start: 110, end: 121, text: 'ратификации', category: 'procedure', entry: 'ratification', lemma: 'ратификация', gloss: 'ratification' },
];
const entries: Record<string, GlossaryEntry> = {
  ratification: { id: 'ratification', kind: 'procedure', lemma: 'ратификация', english: 'ratification', definition: 'Consent to be bound, given by a state [click](command:workbench.action.quit)', source: 'VCLT art. 14' },
};
const index = new AnalysisIndex({ annotations });
const ctx = { index, entry: (id: string) => entries[id], articleDate: '2025-10-25' };

describe('hover glosses', () => {
  it('explains a term with its English equivalent, definition and source', () => {
    const md = annotationHover(annotations[5], ctx);
    assert.match(md, /ратификация/);
    assert.match(md, /\*ratification\*/);
    assert.match(md, /VCLT art\\\. 14/);
  });

  it('never lets glossary text become a link or a command', () => {
    const md = annotationHover(annotations[5], ctx);
    assert.doesNotMatch(md, /\[click\]\(command/);
    assert.match(md, /\\\[click\\\]\\\(command\\:workbench\\\.action\\\.quit\\\)/);
  });

  it('resolves a relative date against the article date and spells it out', () => {
    const md = annotationHover(annotations[4], ctx);
    assert.match(md, /2025\\-10\\-20/);
    assert.match(md, /Monday, 20 October 2025/);
    assert.match(md, /понедельник, 20 октября 2025 г\\\./);
    assert.match(md, /article's date, 2025\\-10\\-25/);
  });

  it('says who said a quote and how many other quotes they have', () => {
    const md = annotationHover(annotations[1], ctx);
    assert.match(md, /Сергей Лавров, министр иностранных дел России/);
    assert.match(md, /1 other quote by this speaker/);
  });

  it('lists a speaker\'s quotes across mentions', () => {
    const md = annotationHover(annotations[2], ctx);
    assert.match(md, /Quotes in this file \(2\)/);
    assert.match(md, /переговоры продолжатся/);
    assert.match(md, /Mentioned here as “Лавров”/);
  });

  it('finds the innermost annotation at an offset first', () => {
    const nested = new AnalysisIndex({
      annotations: [
        { id: 'q1', kind: 'quote', start: 0, end: 100, text: 'x', direct: true },
        { id: 't1', kind: 'term', start: 10, end: 20, text: 'y', category: 'instrument' },
      ],
    });
    assert.deepEqual(nested.at(15).map((a) => a.id), ['t1', 'q1']);
    assert.deepEqual(nested.at(50).map((a) => a.id), ['q1']);
    assert.deepEqual(nested.at(100).map((a) => a.id), []);
  });
});

describe('spelling out dates', () => {
  it('spells days, months, ranges and durations in English and Russian', () => {
    assert.deepEqual(spellDateValue('2024-12-24'), { en: 'Tuesday, 24 December 2024', ru: 'вторник, 24 декабря 2024 г.' });
    assert.deepEqual(spellDateValue('2024-12'), { en: 'December 2024', ru: 'декабрь 2024 г.' });
    assert.equal(spellDateValue('2025-09-03/2025-09-05')?.en, 'Wednesday, 3 September 2025 – Friday, 5 September 2025');
    assert.deepEqual(spellDateValue('P12M'), { en: '12 months', ru: '12 месяцев' });
    assert.deepEqual(spellDateValue('P2Y'), { en: '2 years', ru: '2 года' });
    assert.equal(spellDateValue('nonsense'), undefined);
  });
});

describe('escaping', () => {
  it('neutralises HTML and Markdown', () => {
    assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '\\<img src=x onerror=alert\\(1\\)\\>');
  });
});
