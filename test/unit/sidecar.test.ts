import * as assert from 'node:assert/strict';
import {
  MAX_SIDECAR_LENGTH,
  checkTags,
  exportBrat,
  exportCsv,
  exportW3c,
  importBrat,
  parseSidecar,
  serializeSidecar,
  sidecarFromTags,
  sidecarPathFor,
  tagsFromSidecar,
  textPathFor,
  textSha256,
  type SidecarDocument,
} from '../../src/core/sidecar';
import { LINK_KEYS, TAGSET_KEYS, TAG_KEYS, TEXT_KEYS, TOP_KEYS } from '../../src/core/sidecar/serialize';
import { createIdGenerator, isGeneratedId, type Tag } from '../../src/core/tags';
import schema from '../../schemas/sidecar.schema.json';

const STORY =
  ' date 2025-11-03 Москва и Джакарта обсудили энергетическое сотрудничество\n\n' +
  'МОСКВА, 3 ноя – РИА Новости. Стороны договорились продолжить консультации, сообщил журналистам ' +
  'заместитель министра иностранных дел России Андрей Руденко.\n\n' +
  '«Мы условились встретиться снова в начале следующего года», – сказал Руденко.\n';

function tagOf(text: string, phrase: string, label: string, id: string, extra: Partial<Tag> = {}): Tag {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  return { id, label, start, end: start + phrase.length, text: phrase, before: '', after: '', links: [], ...extra };
}

function sidecarOf(text: string, tags: Tag[]): SidecarDocument {
  return sidecarFromTags(tags, text, { file: 'story.txt' });
}

function mustParse(yaml: string): SidecarDocument {
  const r = parseSidecar(yaml);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  return r.sidecar;
}

function mustFail(yaml: string): { message: string; line: number; column: number }[] {
  const r = parseSidecar(yaml);
  assert.equal(r.ok, false, 'expected the sidecar to be refused');
  return r.ok ? [] : [...r.errors];
}

const GOOD = `version: 1
text:
  file: story.txt
tags:
  - id: "01JD3Q0000000000000000000A"
    label: speaker
    start: 10
    end: 17
    text: "Руденко"
`;

describe('sidecar', () => {
  it('publishes a JSON Schema that names exactly the fields the reader knows', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(schema.properties), [...TOP_KEYS]);
    assert.deepEqual(Object.keys(schema.properties.text.properties), [...TEXT_KEYS]);
    assert.deepEqual(Object.keys(schema.properties.tagset.items.anyOf[1].properties!), [...TAGSET_KEYS]);
    assert.deepEqual(Object.keys(schema.definitions.tag.properties), [...TAG_KEYS]);
    assert.deepEqual(Object.keys(schema.definitions.tag.properties.links.items.properties), [...LINK_KEYS]);
  });

  describe('paths', () => {
    it('puts the sidecar beside the text with .tags.yaml appended', () => {
      assert.equal(sidecarPathFor('/news/story.txt'), '/news/story.txt.tags.yaml');
      assert.equal(sidecarPathFor('C:\\news\\story'), 'C:\\news\\story.tags.yaml');
      assert.equal(textPathFor('/news/story.txt.tags.yaml'), '/news/story.txt');
      assert.equal(textPathFor('/news/story.txt'), undefined);
    });
  });

  describe('writing', () => {
    const quote = '«Мы условились встретиться снова в начале следующего года»';
    const tags = [
      tagOf(STORY, quote, 'quote', '01JD3Q00000000000000000002', { note: 'Прямая речь.\nСрок: "начало года".', links: [{ role: 'speaker', tag: '01JD3Q00000000000000000001' }] }),
      tagOf(STORY, 'Андрей Руденко', 'speaker', '01JD3Q00000000000000000001'),
    ];

    it('writes the same bytes for the same tags, whatever order they come in', () => {
      const a = serializeSidecar(sidecarOf(STORY, tags));
      const b = serializeSidecar(sidecarOf(STORY, [...tags].reverse()));
      assert.equal(a, b);
      assert.ok(a.endsWith('\n') && !a.includes('\r'));
      assert.ok(a.startsWith('# Tags for story.txt'));
    });

    it('orders tags by position so each tag is one contiguous block', () => {
      const yaml = serializeSidecar(sidecarOf(STORY, tags));
      assert.ok(yaml.indexOf('Андрей Руденко') < yaml.indexOf('Мы условились'));
      const blocks = yaml.split('\n  - id: ');
      assert.equal(blocks.length, 3);
      assert.ok(blocks[2].includes('label: quote') && blocks[2].includes('role: speaker'));
    });

    it('keeps free text quoted and a note with a line break and quotes on one escaped line', () => {
      const yaml = serializeSidecar(sidecarOf(STORY, tags));
      assert.ok(yaml.includes('    note: "Прямая речь.\\nСрок: \\"начало года\\"."\n'), yaml);
      assert.ok(yaml.includes('    text: "Андрей Руденко"\n'));
      assert.ok(yaml.includes('    label: speaker\n'));
    });

    it('counts offsets in code points, so an emoji before a tag counts once', () => {
      const text = '🇷🇺 Заявление МИД: «Диалог продолжится».';
      const tag = tagOf(text, '«Диалог продолжится»', 'quote', 'A1');
      assert.equal(tag.start, 20);
      const sidecar = sidecarOf(text, [tag]);
      assert.equal(sidecar.tags[0].start, 18);
      assert.equal(sidecar.tags[0].end, 38);
      const back = tagsFromSidecar(mustParse(serializeSidecar(sidecar)), text).tags[0];
      assert.equal(text.slice(back.start, back.end), '«Диалог продолжится»');
    });

    it('does not count a byte-order mark, and counts CRLF as two', () => {
      const text = '\uFEFFПервая строка.\r\nВторая: «цитата».';
      const tag = tagOf(text, '«цитата»', 'quote', 'A1');
      const sidecar = sidecarOf(text, [tag]);
      assert.equal(sidecar.tags[0].start, 'Первая строка.\r\nВторая: '.length);
      assert.equal(sidecar.text.sha256, textSha256(text.slice(1)));
      const back = tagsFromSidecar(sidecar, text).tags[0];
      assert.equal(back.start, tag.start);
    });

    it('records 32 code points of context either side', () => {
      const sidecar = sidecarOf(STORY, [tagOf(STORY, 'Андрей Руденко', 'speaker', 'A1')]);
      assert.equal([...sidecar.tags[0].before].length, 32);
      assert.ok(sidecar.tags[0].before.endsWith('дел России '));
      assert.equal([...sidecar.tags[0].after].length, 32);
      assert.ok(sidecar.tags[0].after.startsWith('.\n\n«Мы условились'));
    });

    it('keeps fields from a newer version, top-level and per tag, when rewriting', () => {
      const yaml = `version: 2
text:
  file: story.txt
  encoding: utf-8
reviewers: [Анна, Борис]
tags:
  - id: "A1"
    label: speaker
    start: 0
    end: 7
    text: "Руденко"
    confidence: 0.9
    links:
      - role: speaker
        tag: "A1"
        weight: 2
`;
      const r = parseSidecar(yaml);
      assert.ok(r.ok);
      assert.ok(r.warnings.some((w) => /newer version/.test(w.message)));
      const again = serializeSidecar(r.sidecar);
      assert.ok(again.includes('version: 2\n'));
      assert.ok(again.includes('  encoding: utf-8\n'));
      assert.ok(again.includes('reviewers:\n  - Анна\n  - Борис\n'));
      assert.ok(again.includes('    confidence: 0.9\n'));
      assert.ok(again.includes('        weight: 2\n'));
      assert.deepEqual(mustParse(again), r.sidecar);
    });

    it('writes a workspace tag set with colours and descriptions', () => {
      const doc: SidecarDocument = {
        version: 1,
        text: { file: 'story.txt' },
        tagset: [{ label: 'позиция', color: '#aa3300', description: 'Официальная позиция стороны' }, { label: 'quote' }],
        tags: [],
      };
      const yaml = serializeSidecar(doc);
      assert.ok(yaml.includes('tagset:\n  - label: позиция\n    color: "#aa3300"\n'));
      assert.deepEqual(mustParse(yaml), doc);
    });

    it('escapes characters a YAML reader would mangle', () => {
      const nasty = 'a\u0000b\u0085c\u2028d\uFEFFe\t"\\ #: - [x] & *y !z %';
      const doc: SidecarDocument = { version: 1, text: { file: 'a: b.txt' }, tags: [{ id: 'A1', label: 'yes', start: 0, end: 1, text: nasty, before: '', after: '', links: [] }] };
      const yaml = serializeSidecar(doc);
      assert.ok(yaml.includes('label: "yes"'));
      assert.deepEqual(mustParse(yaml), doc);
    });
  });

  describe('reading', () => {
    it('reads a valid sidecar', () => {
      const s = mustParse(GOOD);
      assert.equal(s.tags[0].label, 'speaker');
      assert.deepEqual(s.tags[0].links, []);
    });

    it('points at the line of invalid YAML', () => {
      const errors = mustFail('version: 1\ntext:\n  file: a.txt\ntags: [\n  {id: "x"\n');
      assert.ok(errors[0].message.startsWith('Invalid YAML'));
      assert.ok(errors[0].line >= 4);
    });

    it('refuses valid YAML of the wrong shape, saying where', () => {
      assert.match(mustFail('- just\n- a list\n')[0].message, /must be a mapping/);
      const errors = mustFail(GOOD.replace('start: 10', 'start: "ten"'));
      assert.match(errors[0].message, /"start" at tags\[0\] must be a whole number/);
      assert.equal(errors[0].line, 7);
      assert.match(mustFail(GOOD.replace('    label: speaker\n', ''))[0].message, /Missing "label"/);
      assert.match(mustFail(GOOD.replace('version: 1', 'version: "one"'))[0].message, /version/);
      assert.match(mustFail(GOOD.replace('tags:\n', 'tags: 5\nx:\n'))[0].message, /"tags" must be a list/);
    });

    it('refuses duplicate tag ids, naming both lines', () => {
      const yaml = GOOD + GOOD.slice(GOOD.indexOf('  - id'));
      const errors = mustFail(yaml);
      assert.match(errors[0].message, /Duplicate tag id "01JD3Q0000000000000000000A" \(also used at line 5\)/);
      assert.equal(errors[0].line, 10);
    });

    it('refuses negative and reversed offsets', () => {
      assert.match(mustFail(GOOD.replace('start: 10', 'start: -3'))[0].message, /negative/);
      assert.match(mustFail(GOOD.replace('end: 17', 'end: 4'))[0].message, /ends \(4\) before it starts \(10\)/);
    });

    it('refuses an id written as a number, which would lose leading zeros', () => {
      assert.match(mustFail(GOOD.replace('"01JD3Q0000000000000000000A"', '0123'))[0].message, /must be text/);
    });

    it('warns about offsets past the end of the text but keeps them', () => {
      const s = mustParse(GOOD);
      const { tags, warnings } = tagsFromSidecar(s, 'Руденко');
      assert.match(warnings[0].message, /past the end of the text/);
      assert.equal(tags[0].start, 10);
      assert.equal(sidecarFromTags(tags.map((t) => ({ ...t, status: 'orphaned' as const })), 'Руденко', { file: 'story.txt' }).tags[0].start, 10);
    });

    it('refuses a YAML alias bomb quickly', () => {
      let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
      let prev = 'a';
      for (const n of 'bcdefghijk') {
        bomb += `${n}: &${n} [${Array(9).fill('*' + prev).join(',')}]\n`;
        prev = n;
      }
      const t0 = Date.now();
      const errors = mustFail(bomb);
      assert.ok(Date.now() - t0 < 1000);
      assert.match(errors[0].message, /aliases/);
    });

    it('refuses a huge sidecar without trying to parse it', () => {
      const huge = 'x'.repeat(MAX_SIDECAR_LENGTH + 1);
      const t0 = Date.now();
      assert.match(mustFail(huge)[0].message, /too large/);
      assert.ok(Date.now() - t0 < 200);
    });

    it('reads an empty file as no tags, with a warning', () => {
      const r = parseSidecar('# nothing yet\n');
      assert.ok(r.ok);
      assert.equal(r.sidecar.tags.length, 0);
      assert.equal(r.warnings.length, 1);
    });

    it('warns about a link to a tag that is not there', () => {
      const r = parseSidecar(GOOD + '    links:\n      - role: speaker\n        tag: "GONE"\n');
      assert.ok(r.ok);
      assert.match(r.warnings[0].message, /links to "GONE"/);
    });

    it('refuses more than one YAML document', () => {
      assert.match(mustFail(GOOD + '---\nversion: 1\n')[0].message, /multiple documents/);
    });

    it('never throws, whatever the input', () => {
      for (const s of ['', '\u0000', ':', '- - -', '{', 'version: 1\ntags: [{}]', '!!binary x', 'a: *b', '"\\uZZZZ"', 'tags:\n  - id: x\n    label: y\n    start: 0\n    end: 1e400\n    text: ""']) {
        assert.doesNotThrow(() => parseSidecar(s));
      }
    });
  });

  describe('check', () => {
    const text = STORY;
    const speaker = tagOf(text, 'Андрей Руденко', 'speaker', 'S1');
    const quote = tagOf(text, '«Мы условились встретиться снова в начале следующего года»', 'quote', 'Q1');
    const sidecar = sidecarOf(text, [speaker, quote]);

    it('reports every tag anchored on the unchanged text', () => {
      const report = checkTags(sidecar, text);
      assert.ok(report.allAnchored);
      assert.deepEqual(report.tags.map((t) => t.status), ['anchored', 'anchored']);
      assert.equal(report.fixed, sidecar);
    });

    it('reports a tag moved by an inserted paragraph, and --fix moves only that', () => {
      const edited = text.replace('\n\n«Мы', '\n\nПереговоры прошли в конструктивной атмосфере.\n\n«Мы');
      const report = checkTags(sidecar, edited);
      assert.deepEqual(report.tags.map((t) => [t.id, t.status]), [['S1', 'anchored'], ['Q1', 'moved']]);
      const q = report.tags[1];
      assert.equal([...edited].slice(q.start, q.end).join(''), quote.text);
      assert.equal(report.fixed.tags.find((t) => t.id === 'Q1')!.start, q.start);
    });

    it('reports a tag orphaned when its text is gone, keeping its last offsets', () => {
      const edited = text.replace('Андрей Руденко', 'официальный представитель');
      const report = checkTags(sidecar, edited);
      const s = report.tags.find((t) => t.id === 'S1')!;
      assert.equal(s.status, 'orphaned');
      assert.equal(s.start, sidecar.tags.find((t) => t.id === 'S1')!.start);
      assert.equal(report.allAnchored, false);
      assert.deepEqual(report.fixed.tags.find((t) => t.id === 'S1'), sidecar.tags.find((t) => t.id === 'S1'));
    });
  });
});

describe('export and import', () => {
  const text = '😀 ' + STORY;
  const speaker = tagOf(text, 'Андрей Руденко', 'speaker', '01JD3Q00000000000000000001', { note: 'Замминистра,\nкурирует Азию' });
  const quote = tagOf(text, '«Мы условились встретиться снова в начале следующего года»', 'quote', '01JD3Q00000000000000000002', {
    links: [{ role: 'speaker', tag: '01JD3Q00000000000000000001' }],
  });
  const sidecar = sidecarFromTags([speaker, quote], text, { file: 'story.txt' });

  it('writes brat standoff with code point offsets, notes and relations', () => {
    const ann = exportBrat(sidecar);
    const cpStart = [...text.slice(0, speaker.start)].length;
    assert.equal(cpStart, speaker.start - 1);
    assert.equal(
      ann,
      `T1\tspeaker ${cpStart} ${cpStart + 14}\tАндрей Руденко\n` +
        `#1\tAnnotatorNotes T1\tЗамминистра, курирует Азию\n` +
        `T2\tquote ${sidecar.tags[1].start} ${sidecar.tags[1].end}\t${quote.text}\n` +
        `R1\tspeaker Arg1:T2 Arg2:T1\n`,
    );
  });

  it('writes a tag across a line break as brat fragments', () => {
    const t = 'Абзац один.\nАбзац два.';
    const ann = exportBrat(sidecarFromTags([tagOf(t, 'один.\nАбзац', 'claim', 'X')], t, { file: 'a.txt' }));
    assert.equal(ann, 'T1\tclaim 6 11;12 17\tодин. Абзац\n');
  });

  it('reads brat back: types become labels, notes notes, relations links', () => {
    const { tags, problems } = importBrat(exportBrat(sidecar), text, createIdGenerator({ now: () => 0, random32: () => 7 }));
    assert.deepEqual(problems, []);
    assert.equal(tags.length, 2);
    const [s, q] = tags;
    assert.ok(isGeneratedId(s.id));
    assert.equal(s.label, 'speaker');
    assert.equal(text.slice(s.start, s.end), 'Андрей Руденко');
    assert.equal(s.note, 'Замминистра, курирует Азию');
    assert.deepEqual(q.links, [{ role: 'speaker', tag: s.id }]);
  });

  it('reads brat offsets counted over a CRLF file read as LF', () => {
    const crlf = 'Первая строка.\r\nМИД России заявил.\r\n';
    const ann = 'T1\tOrganization 15 25\tМИД России\nA1\tNegated T1\n';
    const { tags, problems } = importBrat(ann, crlf);
    assert.equal(crlf.slice(tags[0].start, tags[0].end), 'МИД России');
    assert.match(problems[0].message, /Skipped/);
  });

  it('reads brat offsets that counted a byte-order mark', () => {
    const bom = '\uFEFFМИД России заявил.';
    const { tags } = importBrat('T1\tOrganization 1 11\tМИД России\n', bom);
    assert.equal(bom.slice(tags[0].start, tags[0].end), 'МИД России');
  });

  it('warns about a brat entity whose text is not at its offsets and keeps its text', () => {
    const { tags, problems } = importBrat('T1\tPerson 0 5\tЛавров\n', 'Сергей Лавров');
    assert.equal(tags[0].text, 'Лавров');
    assert.match(problems[0].message, /re-anchored/);
  });

  it('writes W3C Web Annotation with quote and position selectors in code points', () => {
    const json = JSON.parse(exportW3c(sidecar));
    assert.equal(json['@context'], 'http://www.w3.org/ns/anno.jsonld');
    const a = json.items[1];
    assert.equal(a.type, 'Annotation');
    assert.equal(a.body[0].value, 'quote');
    assert.equal(a.body[1].purpose, 'linking');
    const [quoteSel, posSel] = a.target.selector;
    assert.equal(quoteSel.type, 'TextQuoteSelector');
    assert.equal(quoteSel.exact, quote.text);
    assert.equal(posSel.type, 'TextPositionSelector');
    assert.equal([...text].slice(posSel.start, posSel.end).join(''), quote.text);
  });

  it('leaves the position out of W3C and brat for an orphaned tag', () => {
    const orphan: SidecarDocument = { ...sidecar, tags: sidecar.tags.map((t) => ({ ...t, status: 'orphaned' as const })) };
    assert.equal(JSON.parse(exportW3c(orphan)).items[0].target.selector.length, 1);
    assert.equal(exportBrat(orphan), '');
  });

  it('writes CSV with RFC 4180 quoting', () => {
    const csv = exportCsv(sidecar);
    const lines = csv.split('\r\n');
    assert.equal(lines[0], 'id,label,status,start,end,text,before,after,note,links');
    assert.ok(csv.includes('"Замминистра,\nкурирует Азию"'));
    assert.ok(csv.includes(`"${quote.text}"`) || csv.includes(quote.text));
    assert.ok(csv.includes('speaker:01JD3Q00000000000000000001'));
    assert.ok(csv.endsWith('\r\n'));
    const withQuote = exportCsv({ ...sidecar, tags: [{ ...sidecar.tags[0], text: 'он сказал "да"' }] });
    assert.ok(withQuote.includes('"он сказал ""да"""'));
  });
});
