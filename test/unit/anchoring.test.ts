import * as assert from 'node:assert/strict';
import { applyEdits, reanchor } from '../../src/core/anchoring';
import type { Tag, TextChange } from '../../src/core/tags';

const TEXT =
  'МОСКВА, 12 дек – РИА Новости. Россия готова к диалогу с Евросоюзом на равноправной основе, ' +
  'заявил официальный представитель МИД РФ Мария Захарова. По ее словам, «Москва никогда не ' +
  'отказывалась от контактов, но диктата не примет». Захарова также напомнила о позиции ООН.\n\n' +
  'В Брюсселе заявление пока не прокомментировали. Ранее в ООН призвали стороны к сдержанности.\n';

let seq = 0;
function tag(text: string, phrase: string, label = 'quote', occurrence = 0): Tag {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, phrase);
  const end = start + phrase.length;
  return {
    id: `T${++seq}`,
    label,
    start,
    end,
    text: phrase,
    before: text.slice(Math.max(0, start - 32), start),
    after: text.slice(end, end + 32),
    links: [],
  };
}

/** Applies changes to a text the way the editor does, in sequence. */
function edit(text: string, changes: TextChange[]): string {
  for (const c of changes) text = text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
  return text;
}
const insert = (at: number, text: string): TextChange => ({ rangeOffset: at, rangeLength: 0, text });
const remove = (at: number, length: number): TextChange => ({ rangeOffset: at, rangeLength: length, text: '' });

function covered(text: string, t: Tag): string {
  return text.slice(t.start, t.end);
}

describe('anchoring: following edits in the editor', () => {
  const quote = tag(TEXT, '«Москва никогда не отказывалась от контактов, но диктата не примет»');
  const speaker = tag(TEXT, 'Мария Захарова', 'speaker');

  it('shifts a tag when text is inserted before it', () => {
    const changes = [insert(0, 'Срочно. ')];
    const out = applyEdits([quote], changes).tags[0];
    assert.equal(covered(edit(TEXT, changes), out), quote.text);
  });

  it('grows a tag when text is typed inside it', () => {
    const changes = [insert(quote.start + 8, 'ведь ')];
    const out = applyEdits([quote], changes).tags[0];
    assert.equal(out.text, '«Москва ведь никогда не отказывалась от контактов, но диктата не примет»');
    assert.equal(covered(edit(TEXT, changes), out), out.text);
  });

  it('does not grow a tag when text is typed exactly at its start or its end', () => {
    for (const at of [speaker.start, speaker.end]) {
      const changes = [insert(at, 'Х')];
      const out = applyEdits([speaker], changes).tags[0];
      assert.equal(covered(edit(TEXT, changes), out), 'Мария Захарова');
    }
  });

  it('shrinks a tag when part of its text is deleted', () => {
    const changes = [remove(speaker.start, 6)];
    const out = applyEdits([speaker], changes).tags[0];
    assert.equal(out.text, 'Захарова');
    assert.equal(covered(edit(TEXT, changes), out), 'Захарова');
    assert.equal(out.status, undefined);
  });

  it('keeps only the surviving words when a deletion straddles the tag start', () => {
    const changes = [{ rangeOffset: speaker.start - 3, rangeLength: 9, text: 'ХХ' }];
    const out = applyEdits([speaker], changes).tags[0];
    assert.equal(out.text, 'Захарова');
    assert.equal(covered(edit(TEXT, changes), out), 'Захарова');
  });

  it('orphans a tag whose whole text is deleted, keeping the tag and its text', () => {
    const changes = [remove(speaker.start - 1, speaker.text.length + 2)];
    const outcome = applyEdits([quote, speaker], changes);
    const out = outcome.tags[1];
    assert.equal(out.status, 'orphaned');
    assert.equal(out.text, 'Мария Захарова');
    assert.deepEqual(outcome.orphaned, [speaker.id]);
    assert.equal(covered(edit(TEXT, changes), outcome.tags[0]), quote.text);
  });

  it('brings an orphaned tag back when undo re-inserts its text', () => {
    const del = [remove(speaker.start - 1, speaker.text.length + 2)];
    const afterDelete = edit(TEXT, del);
    const orphaned = applyEdits([speaker], del, () => afterDelete).tags;
    const undo = [{ rangeOffset: speaker.start - 1, rangeLength: 0, text: TEXT.slice(speaker.start - 1, speaker.end + 1) }];
    const restoredText = edit(afterDelete, undo);
    const outcome = applyEdits(orphaned, undo, () => restoredText);
    assert.deepEqual(outcome.restored, [speaker.id]);
    assert.equal(outcome.tags[0].status, undefined);
    assert.equal(outcome.tags[0].start, speaker.start);
    assert.equal(covered(restoredText, outcome.tags[0]), 'Мария Захарова');
  });

  it('brings an orphaned tag back after two deletions are undone in turn', () => {
    let text = TEXT;
    let tags = [speaker];
    const steps: TextChange[][] = [[remove(speaker.start, speaker.text.length)], [remove(speaker.start - 30, 60)]];
    const undos: TextChange[][] = [];
    for (const step of steps) {
      const c = step[0];
      undos.unshift([{ rangeOffset: c.rangeOffset, rangeLength: 0, text: text.slice(c.rangeOffset, c.rangeOffset + c.rangeLength) }]);
      text = edit(text, step);
      const t = text;
      tags = applyEdits(tags, step, () => t).tags;
    }
    assert.equal(tags[0].status, 'orphaned');
    for (const u of undos) {
      text = edit(text, u);
      const t = text;
      tags = applyEdits(tags, u, () => t).tags;
    }
    assert.equal(text, TEXT);
    assert.equal(tags[0].status, undefined);
    assert.equal(covered(text, tags[0]), 'Мария Захарова');
  });

  it('keeps a tag when the whole text is replaced by the same text (a revert)', () => {
    const changes = [{ rangeOffset: 0, rangeLength: TEXT.length, text: TEXT }];
    const outcome = applyEdits([quote, speaker], changes, () => TEXT);
    assert.deepEqual(outcome.tags.map((t) => [t.status, covered(TEXT, t)]), [
      [undefined, quote.text],
      [undefined, speaker.text],
    ]);
  });

  it('applies several changes of one event in sequence (multi-cursor)', () => {
    // The editor reports them last first, so each offset is valid when applied.
    const changes = [insert(speaker.end + 5, '!!'), insert(quote.start + 3, '~'), insert(2, '__')];
    const [q, s] = applyEdits([quote, speaker], changes).tags;
    const after = edit(TEXT, changes);
    assert.equal(covered(after, s), 'Мария Захарова');
    assert.equal(covered(after, q), q.text);
    assert.ok(q.text.includes('~'));
  });

  it('leaves tags untouched by an edit as the very same objects', () => {
    const outcome = applyEdits([quote], [insert(TEXT.length, 'конец')]);
    assert.equal(outcome.tags[0], quote);
    assert.equal(outcome.changed, false);
  });
});

describe('anchoring: finding tags again after an outside change', () => {
  const quote = tag(TEXT, '«Москва никогда не отказывалась от контактов, но диктата не примет»');
  const speaker = tag(TEXT, 'Мария Захарова', 'speaker');
  const un2 = tag(TEXT, 'ООН', 'organisation', 1);

  it('finds every tag anchored on an unchanged text', () => {
    const r = reanchor([quote, speaker, un2], TEXT);
    assert.deepEqual(r.results.map((x) => x.status), ['anchored', 'anchored', 'anchored']);
    assert.equal(r.tags[0], quote);
  });

  it('moves tags after a paragraph is inserted above them', () => {
    const text = 'Дополнение: брифинг прошел в четверг.\n\n' + TEXT;
    const r = reanchor([quote, speaker, un2], text);
    assert.deepEqual(r.results.map((x) => x.status), ['moved', 'moved', 'moved']);
    r.tags.forEach((t, i) => assert.equal(covered(text, t), [quote, speaker, un2][i].text));
  });

  it('tells two occurrences of a short phrase apart by their context', () => {
    const text = TEXT.replace('Захарова также', 'Дипломат также');
    const moved = reanchor([{ ...un2, start: un2.start + 40, end: un2.end + 40 }], text);
    assert.equal(moved.tags[0].start, text.lastIndexOf('ООН'));
    const first = tag(TEXT, 'ООН', 'organisation', 0);
    const shuffled = TEXT.split('\n\n').reverse().join('\n\n');
    const r = reanchor([first, un2], shuffled);
    assert.equal(shuffled.slice(r.tags[0].start - 20, r.tags[0].end), TEXT.slice(first.start - 20, first.end));
    assert.equal(shuffled.slice(r.tags[1].start - 20, r.tags[1].end), TEXT.slice(un2.start - 20, un2.end));
  });

  it('ignores ё/е, NBSP, soft hyphens, CRLF and case when comparing', () => {
    const text = TEXT.replace('Мария Захарова', 'мария\u00A0За\u00ADхарова').replace(/\n/g, '\r\n').replace('по ее словам', 'по её словам');
    const r = reanchor([speaker, quote], text);
    assert.notEqual(r.results[0].status, 'orphaned');
    assert.equal(covered(text, r.tags[0]), 'мария\u00A0За\u00ADхарова');
    assert.equal(covered(text, r.tags[1]), quote.text);
  });

  it('marks a reworded quotation doubtful and only proposes the new place', () => {
    const text = TEXT.replace('но диктата не примет', 'но диктат не примет никогда');
    const r = reanchor([quote], text);
    assert.equal(r.results[0].status, 'doubtful');
    assert.equal(r.tags[0].start, quote.start, 'not silently moved');
    const p = r.results[0].proposed!;
    assert.ok(text.slice(p.start, p.end).startsWith('«Москва никогда'));
    assert.ok(p.score > 0.6 && p.score < 1);
  });

  it('finds a doubtful long quotation whose middle was edited, far from where it was', () => {
    const long = tag(TEXT, TEXT.slice(TEXT.indexOf('Россия готова')).trim(), 'claim');
    assert.ok(long.text.length > 240);
    const text = 'Вводный абзац о предыстории переговоров.\n\n'.repeat(30) + TEXT.replace('на равноправной основе', 'на равных условиях');
    const r = reanchor([long], text);
    assert.equal(r.results[0].status, 'doubtful');
    const p = r.results[0].proposed!;
    assert.ok(text.slice(p.start, p.end).startsWith('Россия готова'));
    assert.ok(text.slice(p.start, p.end).endsWith('к сдержанности.'));
  });

  it('orphans a tag whose text is gone, keeping its offsets and text', () => {
    const text = TEXT.replace('Мария Захарова', 'дипломат');
    const r = reanchor([speaker], text);
    assert.equal(r.results[0].status, 'orphaned');
    assert.equal(r.tags[0].start, speaker.start);
    assert.equal(r.tags[0].text, 'Мария Захарова');
  });

  it('re-anchors an orphaned tag when its text comes back', () => {
    const r = reanchor([{ ...speaker, status: 'orphaned' }], TEXT);
    assert.equal(r.results[0].status, 'anchored');
    assert.equal(r.tags[0].status, undefined);
  });

  it('re-anchors 1,000 tags on a 1 MB text well under a second, and 10,000 too', function () {
    this.timeout(60_000);
    const paragraph = (i: number) =>
      `Абзац ${i}. Министр иностранных дел провел переговоры с коллегой №${i}, заявив, что «сотрудничество номер ${i} продолжится». `;
    let big = '';
    for (let i = 0; big.length < 1_000_000; i++) big += paragraph(i);
    const make = (count: number) => {
      const out: Tag[] = [];
      const step = Math.floor(big.length / count);
      for (let i = 0; i < count; i++) {
        const s = big.indexOf('«', i * step);
        const e = big.indexOf('»', s) + 1;
        out.push({ id: `P${i}`, label: 'quote', start: s, end: e, text: big.slice(s, e), before: big.slice(s - 32, s), after: big.slice(e, e + 32), links: [] });
      }
      return out;
    };
    const figures: string[] = [];
    for (const count of [1_000, 10_000]) {
      const tags = make(count);
      const shifted = 'Новый вводный абзац.\n' + big;
      const edited = shifted.replace(/сотрудничество номер (\d*7)\b/g, 'сотрудничество номер $1-бис');
      for (const [name, text] of [['unchanged', big], ['shifted', shifted], ['edited', edited]] as const) {
        const t0 = performance.now();
        const r = reanchor(tags, text);
        const ms = performance.now() - t0;
        figures.push(`${count} tags, ${name}: ${ms.toFixed(0)} ms`);
        assert.equal(r.tags.length, count);
        if (name !== 'edited') assert.ok(r.results.every((x) => x.status !== 'orphaned' && x.status !== 'doubtful'));
        if (count === 1_000) assert.ok(ms < 1000, `${name}: ${ms} ms`);
      }
    }
    if (process.env.SHOW_FIGURES) console.log(figures.join('\n'));
  });
});
