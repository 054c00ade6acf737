import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits, foldDocument } from '../../src/core/anchoring';
import { TAG_KEYS, parseSidecar, serializeSidecar, type SidecarDocument, type SidecarTag } from '../../src/core/sidecar';
import { TagStore, compareTags, createIdGenerator, type Tag, type TextChange } from '../../src/core/tags';
import { foldForMatch } from '../../src/core/text';

const RUNS = Number(process.env.FC_RUNS ?? 200);

// Characters that trip YAML, Unicode handling or both.
const TRICKY = [...'Москва «»„“"\'`\n\r\t:#-?[]{},&*!|>%@\\ ёЁе😀🇷🇺\u00A0\u00AD\u2028\u2029\uFEFF\u0085\u0000\u007F~.'];
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...TRICKY), maxLength: 40 }));
const oneLine = anyText.map((s) => s.replace(/[\r\n]/g, ' '));
const id = fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFXYZабв-_.:#"\'😀'), minLength: 1, maxLength: 30 });
const label = oneLine.filter((s) => s.trim().length > 0);
const extraKey = fc.string({ minLength: 1, maxLength: 12 }).filter((k) => k !== '__proto__' && !(TAG_KEYS as readonly string[]).includes(k));

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Generated dictionaries have no prototype; what a parser returns has the usual one. */
function plain<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const tagArb: fc.Arbitrary<SidecarTag> = fc
  .record({
    id,
    label,
    start: fc.nat(1_000_000),
    length: fc.nat(5_000),
    text: anyText,
    before: anyText,
    after: anyText,
    note: optional(anyText),
    links: fc.array(fc.record({ role: label, tag: id }), { maxLength: 3 }),
    status: optional(fc.constantFrom('doubtful' as const, 'orphaned' as const)),
    proposed: optional(fc.record({ start: fc.nat(1000), length: fc.nat(1000), score: fc.double({ min: 0, max: 1, noNaN: true }) })),
    created: optional(oneLine),
    author: optional(oneLine),
    extra: optional(fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 })),
  })
  .map(({ length, proposed, extra, ...t }) =>
    compact({ ...t, extra, end: t.start + length, proposed: proposed && { start: proposed.start, end: proposed.start + proposed.length, score: proposed.score } }),
  );

const sidecarArb: fc.Arbitrary<SidecarDocument> = fc
  .record({
    version: fc.integer({ min: 1, max: 3 }),
    file: oneLine.filter((s) => s.length > 0),
    sha256: optional(fc.stringMatching(/^[0-9a-f]{64}$/)),
    tagset: optional(fc.array(fc.record({ label, color: optional(oneLine), description: optional(anyText) }).map(compact), { maxLength: 3 })),
    tags: fc.uniqueArray(tagArb, { selector: (t) => t.id, maxLength: 6 }),
    extra: optional(fc.dictionary(extraKey.filter((k) => !['version', 'text', 'tagset', 'tags'].includes(k)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 })),
  })
  .map(({ file, sha256, ...d }) => plain(compact({ ...d, text: compact({ file, sha256 }) })));

describe('sidecar properties', function () {
  this.timeout(120_000);
  it('reads back exactly what it wrote, whatever the text (parse ∘ serialize is the identity)', () => {
    fc.assert(
      fc.property(sidecarArb, (doc) => {
        const yaml = serializeSidecar(doc);
        const r = parseSidecar(yaml);
        if (!r.ok) throw new Error(`refused its own output: ${JSON.stringify(r.errors)}\n${yaml}`);
        assert.deepStrictEqual(r.sidecar, { ...doc, tags: [...doc.tags].sort(compareTags) });
        assert.equal(serializeSidecar(r.sidecar), yaml, 'same data, same bytes');
      }),
      { numRuns: RUNS },
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...TRICKY, '&a ', '*a', '<<: ', 'tags:\n  - ', 'version: 1\n') })), (s) => {
        parseSidecar(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('folds documents exactly as foldForMatch does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...TRICKY, 'İ', 'ẞ', 'Σ') })), (s) => {
        const fast = foldDocument(s);
        const slow = foldForMatch(s);
        assert.equal(fast.folded, slow.folded);
        assert.deepEqual([...fast.map], slow.map);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- Editing, tagging, untagging, undo and outside changes never lose a tag ----

const WORDS = ['Москва', 'ООН', 'заявил', 'Лавров', 'ёлка', 'елка', ' ', ' ', '. ', ', ', '«', '»', '\n', '\r\n', '\u00A0', '\u00AD', '😀', 'договор'];
const docText = fc.array(fc.constantFrom(...WORDS), { minLength: 5, maxLength: 60 }).map((w) => w.join(''));
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const insertion = fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((w) => w.join(''));

type Op =
  | { kind: 'tag'; a: number; b: number; label: string }
  | { kind: 'untag'; pick: number }
  | { kind: 'edit'; at: number; length: number; text: string }
  | { kind: 'undo' }
  | { kind: 'outside'; at: number; length: number; text: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('tag' as const), a: fraction, b: fraction, label: fc.constantFrom('quote', 'speaker', 'note') }),
  fc.record({ kind: fc.constant('untag' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fraction, length: fraction, text: insertion }),
  fc.record({ kind: fc.constant('edit' as const), at: fraction, length: fraction, text: insertion }),
  fc.constant({ kind: 'undo' as const }),
  fc.record({ kind: fc.constant('outside' as const), at: fraction, length: fraction, text: insertion }),
);

/** Never split a surrogate pair or a CRLF, as the editor never does. */
function snap(text: string, i: number): number {
  i = Math.max(0, Math.min(text.length, Math.floor(i)));
  const c = text.charCodeAt(i);
  if (i > 0 && ((c >= 0xdc00 && c <= 0xdfff) || (c === 0x0a && text[i - 1] === '\r'))) return i - 1;
  return i;
}

function change(text: string, at: number, length: number, inserted: string): TextChange {
  const o = snap(text, at * text.length);
  const end = snap(text, o + length * Math.min(12, text.length - o));
  return { rangeOffset: o, rangeLength: end - o, text: inserted };
}

function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.rangeOffset) + c.text + text.slice(c.rangeOffset + c.rangeLength);
}

describe('anchoring properties', function () {
  this.timeout(120_000);
  it('never loses a tag through random edits, tagging, untagging, undo and outside changes', () => {
    fc.assert(
      fc.property(docText, fc.array(opArb, { maxLength: 25 }), (initial, ops) => {
        let text = initial;
        let t = 0;
        const store = new TagStore('story.txt', { newId: createIdGenerator({ now: () => t++ }) });
        const alive = new Set<string>();
        const undo: TextChange[] = [];
        for (const op of ops) {
          if (op.kind === 'tag') {
            const s = snap(text, Math.min(op.a, op.b) * text.length);
            const e = snap(text, Math.max(op.a, op.b) * text.length);
            if (s < e) alive.add(store.add(text, s, e, op.label).id);
          } else if (op.kind === 'untag') {
            const ids = [...alive];
            if (ids.length) {
              const victim = ids[op.pick % ids.length];
              store.remove(victim);
              alive.delete(victim);
            }
          } else if (op.kind === 'edit' || op.kind === 'undo') {
            const c = op.kind === 'edit' ? change(text, op.at, op.length, op.text) : undo.pop();
            if (!c) continue;
            if (op.kind === 'edit') undo.push({ rangeOffset: c.rangeOffset, rangeLength: c.text.length, text: text.slice(c.rangeOffset, c.rangeOffset + c.rangeLength) });
            text = applyChange(text, c);
            const now = text;
            store.applyEdits([c], () => now);
          } else {
            text = applyChange(text, change(text, op.at, op.length, op.text));
            undo.length = 0;
            store.reanchor(text);
          }
          const tags = store.tags;
          assert.deepEqual(new Set(tags.map((x) => x.id)), alive);
          for (const x of tags) {
            assert.ok(x.status === undefined || x.status === 'doubtful' || x.status === 'orphaned');
            if (!x.status) assert.equal(text.slice(x.start, x.end), x.text, 'an anchored tag covers its text');
          }
          const r = parseSidecar(store.serialize(text));
          assert.ok(r.ok);
          assert.deepEqual(new Set(r.sidecar.tags.map((x) => x.id)), alive);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves a tag on the same text when an edit does not touch it', () => {
    fc.assert(
      fc.property(docText, fraction, fraction, fraction, fraction, insertion, (text, a, b, at, length, inserted) => {
        const s = snap(text, Math.min(a, b) * text.length);
        const e = snap(text, Math.max(a, b) * text.length);
        fc.pre(s < e);
        const c = change(text, at, length, inserted);
        fc.pre(c.rangeOffset + c.rangeLength <= s || c.rangeOffset >= e);
        const tag: Tag = { id: 'A', label: 'quote', start: s, end: e, text: text.slice(s, e), before: '', after: '', links: [] };
        const [out] = applyEdits([tag], [c]).tags;
        assert.equal(out.status, undefined);
        assert.equal(applyChange(text, c).slice(out.start, out.end), tag.text);
      }),
      { numRuns: RUNS },
    );
  });

  it('brings back every tag when an edit is undone', () => {
    fc.assert(
      fc.property(docText, fraction, fraction, fraction, fraction, insertion, (text, a, b, at, length, inserted) => {
        const s = snap(text, Math.min(a, b) * text.length);
        const e = snap(text, Math.max(a, b) * text.length);
        fc.pre(s < e);
        const tag: Tag = { id: 'A', label: 'quote', start: s, end: e, text: text.slice(s, e), before: '', after: '', links: [] };
        const c = change(text, at, length, inserted);
        const edited = applyChange(text, c);
        const [mid] = applyEdits([tag], [c], () => edited).tags;
        const inverse = { rangeOffset: c.rangeOffset, rangeLength: c.text.length, text: text.slice(c.rangeOffset, c.rangeOffset + c.rangeLength) };
        const [back] = applyEdits([mid], [inverse], () => text).tags;
        if (mid.status === 'orphaned') {
          assert.equal(back.status, undefined, 'undo re-anchors an orphaned tag');
          assert.equal(text.slice(back.start, back.end), tag.text);
        } else {
          assert.equal(back.status, undefined);
          assert.equal(text.slice(back.start, back.end), back.text);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
