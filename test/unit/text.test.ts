import * as assert from 'node:assert/strict';
import { codePointConverter, foldForMatch, fromCodePointOffset, isNewsHeader, parseHeader, toCodePointOffset } from '../../src/core/text';

describe('news header', () => {
  it('reads the date and title from a header line', () => {
    const line = ' date 2025-03-14 МИД ответил на заявление';
    const h = parseHeader(line + '\n\nТекст');
    assert.deepEqual(h, { date: '2025-03-14', title: 'МИД ответил на заявление', start: 0, end: line.length });
  });

  it('accepts a BOM and CRLF', () => {
    const h = parseHeader('\uFEFF date 2024-01-02 Заголовок\r\nТекст');
    assert.equal(h?.date, '2024-01-02');
    assert.equal(h?.title, 'Заголовок');
  });

  it('needs the leading space and an ISO date', () => {
    assert.equal(isNewsHeader('date 2025-10-25 Заголовок'), false);
    assert.equal(isNewsHeader(' date 25.10.2025 Заголовок'), false);
    assert.equal(isNewsHeader(' date 2025-10-25 Заголовок'), true);
  });
});

describe('code point offsets', () => {
  const text = 'a😀b «цитата» 🇷🇺 c';

  it('counts an emoji as one code point but two UTF-16 units', () => {
    const b = text.indexOf('b');
    assert.equal(b, 3);
    assert.equal(toCodePointOffset(text, b), 2);
    assert.equal(fromCodePointOffset(text, 2), 3);
  });

  it('round-trips every boundary', () => {
    const convert = codePointConverter(text);
    for (let cp = 0; cp <= [...text].length; cp++) {
      const u = fromCodePointOffset(text, cp);
      assert.equal(toCodePointOffset(text, u), cp);
      assert.equal(convert(u), cp);
    }
  });
});

describe('folding for comparison', () => {
  it('treats ё as е, NBSP as a space, drops soft hyphens and CR', () => {
    const { folded, map } = foldForMatch('Ещё\u00A0ра\u00ADтификация\r\n');
    assert.equal(folded, 'еще ратификация\n');
    assert.equal(map[folded.indexOf('т')], 7);
  });
});
