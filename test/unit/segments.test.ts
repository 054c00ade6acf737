import * as assert from 'node:assert/strict';
import { flattenAnnotations } from '../../src/core/analysis/segments';
import type { Annotation } from '../../src/core/analysis/types';

const quote: Annotation = { id: 'q1', kind: 'quote', start: 0, end: 30, text: '', direct: true };
const term: Annotation = { id: 't1', kind: 'term', start: 10, end: 18, text: '', category: 'instrument' };
const date: Annotation = { id: 'd1', kind: 'date', start: 20, end: 25, text: '' };

describe('painting nested annotations', () => {
  it('lets a term inside a quote keep its own colour and the quote resume after it', () => {
    const segs = flattenAnnotations([quote, term, date], new Set(['quote', 'term', 'date']));
    assert.deepEqual(
      segs.map((s) => [s.start, s.end, s.annotation.id]),
      [
        [0, 10, 'q1'],
        [10, 18, 't1'],
        [18, 20, 'q1'],
        [20, 25, 'd1'],
        [25, 30, 'q1'],
      ],
    );
  });

  it('paints only the kinds that are switched on', () => {
    const segs = flattenAnnotations([quote, term, date], new Set(['term']));
    assert.deepEqual(segs.map((s) => s.annotation.id), ['t1']);
  });
});
