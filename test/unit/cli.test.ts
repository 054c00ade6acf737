import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli';

const NEWS = ` date 2025-10-25 Россия ратифицировала соглашение 🇷🇺

МОСКВА, 24 окт – РИА Новости. Глава МИД России Сергей Лавров заявил, что Москва завершила ратификацию соглашения.

"Мы выполнили все процедуры", - сказал Лавров.
`;

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, (s) => (out += s), (s) => (err += s + '\n'));
  return { code, out, err };
}

describe('the command line', () => {
  let dir: string;
  let news: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-cli-'));
    news = path.join(dir, 'story.txt');
    writeFileSync(news, NEWS);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('analyze', () => {
    it('prints one JSON document with quotes, speakers, dates and terms in code point offsets', () => {
      const { code, out } = run('analyze', news);
      assert.equal(code, 0);
      const doc = JSON.parse(out) as { files: { file: string; annotations: { kind: string; start: number; end: number; text: string; speaker?: string; value?: string }[] }[] };
      assert.equal(doc.files[0].file, news);
      const anns = doc.files[0].annotations;
      for (const kind of ['quote', 'speaker', 'date', 'term']) assert.ok(anns.some((a) => a.kind === kind), `finds a ${kind}`);
      const chars = [...NEWS];
      for (const a of anns) assert.equal(chars.slice(a.start, a.end).join(''), a.text, `${a.kind} offsets count code points`);
      const quote = anns.find((a) => a.kind === 'quote' && a.text.includes('Мы выполнили'));
      assert.ok(quote?.speaker, 'the quote links to its speaker');
      assert.equal(anns.find((a) => a.kind === 'date' && a.text === '24 окт')?.value, '2025-10-24');
    });

    it('writes brat standoff with a Speaker relation for each attribution', () => {
      const { code, out } = run('analyze', '--format', 'brat', news);
      assert.equal(code, 0);
      assert.match(out, /^T\d+\tQuote \d+ \d+\t"Мы выполнили все процедуры"$/m);
      assert.match(out, /^R\d+\tSpeaker Arg1:T\d+ Arg2:T\d+$/m);
    });

    it('writes W3C annotations with quote and position selectors', () => {
      const { out } = run('analyze', '--format', 'w3c', news);
      const doc = JSON.parse(out) as { first: { items: { target: { selector: { type: string }[] } }[] } };
      const types = doc.first.items[0].target.selector.map((s) => s.type);
      assert.deepEqual(types, ['TextQuoteSelector', 'TextPositionSelector']);
    });

    it('names a file it cannot read, exits non-zero and still analyses the others', () => {
      const binary = path.join(dir, 'image.bin');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]));
      const cp1251 = path.join(dir, 'old.txt');
      writeFileSync(cp1251, Buffer.from([0xcc, 0xc8, 0xc4, 0x20, 0xd0, 0xd4]));
      const { code, out, err } = run('analyze', binary, news, cp1251, path.join(dir, 'missing.txt'));
      assert.equal(code, 1);
      assert.match(err, /image\.bin: binary file/);
      assert.match(err, /old\.txt: not valid UTF-8/);
      assert.match(err, /missing\.txt: no such file/);
      assert.equal((JSON.parse(out) as { files: unknown[] }).files.length, 1);
    });

    it('accepts a BOM without shifting offsets', () => {
      writeFileSync(news, '\uFEFF' + NEWS);
      const anns = (JSON.parse(run('analyze', news).out) as { files: { annotations: { start: number; end: number; text: string }[] }[] }).files[0].annotations;
      const chars = [...NEWS];
      for (const a of anns) assert.equal(chars.slice(a.start, a.end).join(''), a.text);
    });
  });

  describe('check, export and import', () => {
    const ann = 'T1\tquote 118 144\t"Мы выполнили все процедуры"\nT2\tspeaker 160 166\tЛавров\n#1\tAnnotatorNotes T1\tглавная цитата\nR1\tspeaker Arg1:T1 Arg2:T2\n';

    function importTags(): void {
      const chars = [...NEWS];
      const q = chars.join('').indexOf('"Мы выполнили');
      const qStart = [...NEWS.slice(0, q)].length;
      const s = [...NEWS.slice(0, NEWS.lastIndexOf('Лавров'))].length;
      writeFileSync(path.join(dir, 'story.ann'), ann.replace('118 144', `${qStart} ${qStart + 28}`).replace('160 166', `${s} ${s + 6}`));
      const { code, out } = run('import', '--from', 'brat', news);
      assert.equal(code, 0, out);
    }

    it('imports a brat file into the sidecar, with notes and links', () => {
      importTags();
      const sidecar = readFileSync(news + '.tags.yaml', 'utf8');
      assert.match(sidecar, /label: quote/);
      assert.match(sidecar, /note: "главная цитата"/);
      assert.match(sidecar, /role: speaker/);
    });

    it('reports every tag as anchored and exits 0 when the text is unchanged', () => {
      importTags();
      const { code, out } = run('check', '--json', news);
      assert.equal(code, 0);
      const report = JSON.parse(out) as { files: { sidecar: string; tags: { status: string; text: string }[] }[] };
      assert.equal(report.files[0].sidecar, news + '.tags.yaml');
      assert.deepEqual(report.files[0].tags.map((t) => t.status), ['anchored', 'anchored']);
    });

    it('finds moved tags after an outside edit and writes them with --fix', () => {
      importTags();
      writeFileSync(news, NEWS.replace('МОСКВА', 'Новый абзац сверху.\n\nМОСКВА'));
      assert.equal(run('check', news).code, 0);
      assert.match(run('check', news).out, /2 moved/);
      run('check', '--fix', news);
      assert.match(run('check', news).out, /2 anchored/);
    });

    it('exits 1 when a tag is orphaned, and keeps it in the sidecar', () => {
      importTags();
      writeFileSync(news, NEWS.replace('"Мы выполнили все процедуры", - сказал', 'Текст переписан полностью, сказал'));
      const { code, out } = run('check', '--fix', '--json', news);
      assert.equal(code, 1);
      const statuses = (JSON.parse(out) as { files: { tags: { status: string }[] }[] }).files[0].tags.map((t) => t.status);
      assert.ok(statuses.includes('orphaned') || statuses.includes('doubtful'));
      assert.match(readFileSync(news + '.tags.yaml', 'utf8'), /label: quote/);
    });

    it('exits 2 on a broken sidecar and leaves it alone', () => {
      writeFileSync(news + '.tags.yaml', 'version: 1\ntags: [\n');
      const { code, err } = run('check', news);
      assert.equal(code, 2);
      assert.match(err, /story\.txt\.tags\.yaml:\d+:\d+/);
      assert.equal(readFileSync(news + '.tags.yaml', 'utf8'), 'version: 1\ntags: [\n');
    });

    it('exports tags as brat, W3C and CSV', () => {
      importTags();
      assert.match(run('export', '--format', 'brat', news).out, /^T1\tquote \d+ \d+\t"Мы выполнили все процедуры"$/m);
      assert.match(run('export', '--format', 'csv', news).out, /^id,label,status,start,end,text/);
      assert.match(run('export', '--format', 'w3c', news).out, /TextPositionSelector/);
    });

    it('names a sidecar whose text file is gone, and leaves the sidecar alone', () => {
      importTags();
      const sidecar = readFileSync(news + '.tags.yaml', 'utf8');
      rmSync(news);
      const { code, err } = run('check', news);
      assert.equal(code, 2);
      assert.match(err, /story\.txt: no such file/);
      assert.equal(readFileSync(news + '.tags.yaml', 'utf8'), sidecar);
    });

    it('explains a wrong call', () => {
      const { code, err } = run('export', news);
      assert.equal(code, 2);
      assert.match(err, /--format brat\|w3c\|csv/);
    });
  });
});
