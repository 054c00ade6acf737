import * as assert from 'node:assert/strict';
import { parseSidecar } from '../../src/core/sidecar';
import { TagStore, createIdGenerator, isGeneratedId, type TagStoreOptions } from '../../src/core/tags';

const TEXT =
  'ПЕКИН, 5 мар – РИА Новости. Китай и Россия намерены расширять торговлю в национальных валютах, ' +
  'сообщил министр коммерции КНР Ван Вэньтао. «Мы видим большой потенциал», – подчеркнул он.\n';

function clock(): TagStoreOptions {
  let t = Date.UTC(2025, 2, 5, 9, 0, 0);
  return { newId: createIdGenerator({ now: () => t, random32: () => 3 }), now: () => new Date((t += 1000)) };
}

function span(phrase: string): [number, number] {
  const s = TEXT.indexOf(phrase);
  assert.ok(s >= 0);
  return [s, s + phrase.length];
}

function saved(store: TagStore, text = TEXT): TagStore {
  store.markSaved(store.toSidecar(text), text);
  return store;
}

/** A second copy of the store as another window (or git) would have it, from the written file. */
function reread(store: TagStore, text = TEXT): TagStore {
  const r = parseSidecar(store.serialize(text));
  assert.ok(r.ok);
  return TagStore.fromSidecar('story.txt', r.sidecar, text, clock()).store;
}

describe('tag store', () => {
  it('tags a selection with its text and context, and is dirty until saved', () => {
    const store = new TagStore('story.txt', clock());
    assert.equal(store.dirty, false);
    const t = store.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
    assert.ok(isGeneratedId(t.id));
    assert.equal(t.text, 'Ван Вэньтао');
    assert.ok(t.before.endsWith('КНР '));
    assert.equal(t.created, '2025-03-05T09:00:01Z');
    assert.equal(store.dirty, true);
    saved(store);
    assert.equal(store.dirty, false);
  });

  it('stays dirty when a tag changes while the sidecar is being written', () => {
    const store = new TagStore('story.txt', clock());
    const t = store.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
    // The write serialises the store, then awaits the disk; meanwhile the user edits the note.
    const revision = store.revision;
    const written = store.toSidecar(TEXT);
    store.setNote(t.id, 'министр коммерции');
    store.markSaved(written, TEXT, revision);
    assert.equal(store.dirty, true, 'the note is not in the file yet');
    store.markSaved(store.toSidecar(TEXT), TEXT, store.revision);
    assert.equal(store.dirty, false);
  });

  it('refuses an empty selection and an empty label', () => {
    const store = new TagStore('story.txt');
    assert.throws(() => store.add(TEXT, 5, 5, 'quote'), /non-empty selection/);
    assert.throws(() => store.add(TEXT, 0, 5, '  '), /label/);
  });

  it('never reuses an id, even after a tag is removed', () => {
    const store = new TagStore('story.txt', clock());
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const t = store.add(TEXT, 0, 5, 'note');
      assert.ok(!ids.has(t.id));
      ids.add(t.id);
      store.remove(t.id);
    }
  });

  it('offers recently used labels first, then the defaults', () => {
    const store = new TagStore('story.txt', clock());
    store.add(TEXT, ...span('Китай'), 'position');
    store.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
    const labels = store.labels();
    assert.deepEqual(labels.slice(0, 3), ['speaker', 'position', 'quote']);
    assert.equal(new Set(labels).size, labels.length);
  });

  it('edits a note, links a quote to its speaker, and drops links to a removed tag', () => {
    const store = new TagStore('story.txt', clock());
    const speaker = store.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
    const quote = store.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
    saved(store);
    assert.equal(store.setNote(quote.id, undefined), quote);
    assert.equal(store.dirty, false, 'nothing changed, nothing to write');
    store.setNote(quote.id, 'О торговле в юанях и рублях');
    store.link(quote.id, 'speaker', speaker.id);
    store.link(quote.id, 'speaker', speaker.id);
    assert.deepEqual(store.get(quote.id)!.links, [{ role: 'speaker', tag: speaker.id }]);
    store.remove(speaker.id);
    assert.deepEqual(store.get(quote.id)!.links, []);
    assert.equal(store.get(quote.id)!.note, 'О торговле в юанях и рублях');
  });

  it('follows edits and writes offsets in code points', () => {
    const store = new TagStore('story.txt', clock());
    const t = store.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
    const text = '🙂🙂 ' + TEXT;
    store.applyEdits([{ rangeOffset: 0, rangeLength: 0, text: '🙂🙂 ' }], () => text);
    const moved = store.get(t.id)!;
    assert.equal(text.slice(moved.start, moved.end), 'Ван Вэньтао');
    const onDisk = store.toSidecar(text).tags[0];
    assert.equal(onDisk.start, t.start + 3);
  });

  it('confirms or rejects a doubtful tag’s proposed place', () => {
    const store = new TagStore('story.txt', clock());
    const t = store.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
    const changed = TEXT.replace('большой потенциал', 'огромный потенциал');
    const [result] = store.reanchor(changed);
    assert.equal(result.status, 'doubtful');
    store.confirmProposed(t.id, changed);
    const confirmed = store.get(t.id)!;
    assert.equal(confirmed.status, undefined);
    assert.equal(confirmed.text, '«Мы видим огромный потенциал»');

    const other = new TagStore('story.txt', clock());
    const u = other.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
    other.reanchor(changed);
    other.rejectProposed(u.id);
    assert.equal(other.get(u.id)!.status, 'orphaned');
    assert.equal(other.get(u.id)!.text, '«Мы видим большой потенциал»');
  });

  it('skips imported tags that repeat a tag already there', () => {
    const store = new TagStore('story.txt', clock());
    const t = store.add(TEXT, ...span('Китай'), 'organisation');
    const added = store.addAll([{ ...t, id: 'X1' }, { ...t, id: 'X2', label: 'country' }]);
    assert.deepEqual(added.map((a) => a.label), ['country']);
  });

  describe('merging a sidecar changed on disk', () => {
    function setup() {
      const mine = new TagStore('story.txt', clock());
      const speaker = mine.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
      const quote = mine.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
      saved(mine);
      const theirs = reread(mine);
      return { mine, theirs, speaker, quote };
    }

    it('keeps changes from both sides when they touch different tags or fields', () => {
      const { mine, theirs, speaker, quote } = setup();
      mine.setNote(quote.id, 'моя заметка');
      const added = mine.add(TEXT, ...span('Китай'), 'organisation');
      theirs.setLabel(quote.id, 'claim');
      theirs.setNote(speaker.id, 'их заметка');
      const theirAdded = theirs.add(TEXT, ...span('национальных валютах'), 'position');
      const conflicts = mine.merge(theirs.toSidecar(TEXT), TEXT);
      assert.deepEqual(conflicts, []);
      assert.equal(mine.get(quote.id)!.note, 'моя заметка');
      assert.equal(mine.get(quote.id)!.label, 'claim');
      assert.equal(mine.get(speaker.id)!.note, 'их заметка');
      assert.ok(mine.get(added.id) && mine.get(theirAdded.id));
      assert.equal(mine.dirty, true, 'memory holds more than the disk');
    });

    it('reports the same tag changed differently on both sides, keeping the version on screen', () => {
      const { mine, theirs, quote } = setup();
      mine.setNote(quote.id, 'моя');
      theirs.setNote(quote.id, 'их');
      const conflicts = mine.merge(theirs.toSidecar(TEXT), TEXT);
      assert.equal(conflicts.length, 1);
      assert.equal(conflicts[0].kind, 'both-changed');
      assert.deepEqual(conflicts[0].fields, ['note']);
      assert.equal(mine.get(quote.id)!.note, 'моя');
      mine.resolve(quote.id, 'theirs');
      assert.equal(mine.get(quote.id)!.note, 'их');
      assert.deepEqual(mine.conflicts, []);
    });

    it('keeps a tag deleted on one side but changed on the other, and asks', () => {
      const { mine, theirs, speaker, quote } = setup();
      mine.remove(speaker.id);
      theirs.setNote(speaker.id, 'уточнить должность');
      theirs.remove(quote.id);
      mine.setNote(quote.id, 'важно');
      const conflicts = mine.merge(theirs.toSidecar(TEXT), TEXT);
      assert.deepEqual(conflicts.map((c) => c.kind).sort(), ['changed-here-deleted-there', 'deleted-here-changed-there']);
      assert.equal(mine.get(speaker.id)!.note, 'уточнить должность');
      assert.equal(mine.get(quote.id)!.note, 'важно');
    });

    it('takes a deletion from disk when the tag was not changed here', () => {
      const { mine, theirs, speaker } = setup();
      theirs.remove(speaker.id);
      assert.deepEqual(mine.merge(theirs.toSidecar(TEXT), TEXT), []);
      assert.equal(mine.get(speaker.id), undefined);
      assert.equal(mine.dirty, false, 'memory and disk agree');
    });
  });

  describe('a sidecar written at the moment of our write by a writer that never read it', () => {
    /** We wrote a new tag and a label change; they wrote their own tag over the file as it was before. */
    function overwritten() {
      const mine = new TagStore('story.txt', clock());
      const speaker = mine.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
      const quote = mine.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
      saved(mine);
      const theirs = reread(mine);
      const added = mine.add(TEXT, ...span('Китай'), 'organisation');
      mine.setLabel(speaker.id, 'official');
      saved(mine);
      const theirAdded = theirs.add(TEXT, ...span('национальных валютах'), 'position');
      return { mine, theirs, speaker, quote, added, theirAdded };
    }

    it('keeps the tag we just added, which their file lacks only because they never saw it', () => {
      const { mine, theirs, added, theirAdded } = overwritten();
      assert.deepEqual(mine.merge(theirs.toSidecar(TEXT), TEXT, true), []);
      assert.ok(mine.get(added.id), 'our new tag stays');
      assert.ok(mine.get(theirAdded.id), 'theirs comes in');
      assert.equal(mine.dirty, true, 'to be written again, with both');
    });

    it('keeps our change of a tag their file still has as it was before', () => {
      const { mine, theirs, speaker } = overwritten();
      mine.merge(theirs.toSidecar(TEXT), TEXT, true);
      assert.equal(mine.get(speaker.id)!.label, 'official');
    });

    it('still takes what they did change: a tag they removed, another they edited', () => {
      const { mine, theirs, quote, speaker } = overwritten();
      theirs.remove(quote.id);
      theirs.setLabel(speaker.id, 'spokesman');
      const conflicts = mine.merge(theirs.toSidecar(TEXT), TEXT, true);
      assert.equal(mine.get(quote.id), undefined, 'their deletion of a tag we did not touch');
      assert.deepEqual(conflicts.map((c) => [c.id, c.kind]), [[speaker.id, 'both-changed']], 'both changed the label: asked, not decided');
    });

    it('takes the loss of our new tag for a deletion when their file came after reading ours', () => {
      const { mine, added } = overwritten();
      const later = reread(mine);
      later.remove(added.id);
      mine.merge(later.toSidecar(TEXT), TEXT);
      assert.equal(mine.get(added.id), undefined);
    });

    it('takes a note added at once to our new tag by a writer that read our file, without asking', () => {
      const { mine, added, speaker } = overwritten();
      const later = reread(mine);
      later.setNote(added.id, 'проверить');
      later.remove(speaker.id);
      assert.deepEqual(mine.merge(later.toSidecar(TEXT), TEXT, true), [], 'our new tag in their file: they read our write');
      assert.equal(mine.get(added.id)!.note, 'проверить');
      assert.equal(mine.get(speaker.id), undefined, 'and their deletion stands');
    });
  });

  describe('a conflict waiting for the user', () => {
    function conflicted() {
      const mine = new TagStore('story.txt', clock());
      const speaker = mine.add(TEXT, ...span('Ван Вэньтао'), 'speaker');
      const quote = mine.add(TEXT, ...span('«Мы видим большой потенциал»'), 'quote');
      saved(mine);
      const theirs = reread(mine);
      mine.setNote(quote.id, 'моя');
      theirs.setNote(quote.id, 'их');
      assert.equal(mine.merge(theirs.toSidecar(TEXT), TEXT).length, 1);
      return { mine, theirs, speaker, quote };
    }
    const noteOnDisk = (store: TagStore, id: string, text = TEXT) => store.toSidecarForDisk(text).tags.find((t) => t.id === id)?.note;

    it('is written as the file has it until the user chooses, while other changes are written', () => {
      const { mine, speaker, quote } = conflicted();
      mine.setNote(speaker.id, 'без спора');
      assert.equal(mine.get(quote.id)!.note, 'моя', 'the screen shows ours');
      assert.equal(noteOnDisk(mine, quote.id), 'их', 'the file keeps theirs');
      assert.equal(noteOnDisk(mine, speaker.id), 'без спора');
      saved(mine);
      assert.equal(mine.dirty, true, 'memory still differs from the file');
      mine.resolve(quote.id, 'ours');
      assert.equal(noteOnDisk(mine, quote.id), 'моя');
    });

    it('writes the file\'s version where the text now is, after typing above the tag', () => {
      const { mine, quote } = conflicted();
      const prefix = 'Срочно. ';
      mine.applyEdits([{ rangeOffset: 0, rangeLength: 0, text: prefix }], () => prefix + TEXT);
      const text = prefix + TEXT;
      mine.resolve(quote.id, 'theirs');
      const tag = mine.get(quote.id)!;
      assert.equal(tag.note, 'их');
      assert.equal(text.slice(tag.start, tag.end), '«Мы видим большой потенциал»');
    });

    it('keeps ours after "Keep Mine" with the edits made since the question was asked', () => {
      const { mine, quote } = conflicted();
      mine.setLabel(quote.id, 'claim');
      mine.resolve(quote.id, 'ours');
      assert.equal(mine.get(quote.id)!.label, 'claim');
      assert.equal(mine.get(quote.id)!.note, 'моя');
    });

    it('asks the same question again when its backup is merged with the file after a restart', () => {
      const { mine, theirs, quote } = conflicted();
      const kept = mine.backup(TEXT);
      assert.ok(kept.base, 'the base of a waiting conflict is kept with the backup');
      // A new start: the store is read from the file, then the backup is merged back in.
      const restarted = reread(theirs);
      const tagsOf = (yaml: string) => {
        const r = parseSidecar(yaml);
        assert.ok(r.ok);
        return TagStore.fromSidecar('story.txt', r.sidecar, TEXT).store.tags;
      };
      const conflicts = restarted.restore(tagsOf(kept.sidecar), tagsOf(kept.base));
      assert.deepEqual(conflicts.map((c) => c.id), [quote.id]);
      assert.equal(restarted.get(quote.id)!.note, 'моя');
      assert.equal(noteOnDisk(restarted, quote.id), 'их');
    });

    it('is settled by the file itself when the file comes round to our version', () => {
      const { mine, theirs, quote } = conflicted();
      theirs.setNote(quote.id, 'моя');
      mine.merge(theirs.toSidecar(TEXT), TEXT);
      assert.deepEqual(mine.conflicts, []);
    });

    it('holds the file\'s newer version when the file changes the tag again', () => {
      const { mine, theirs, quote } = conflicted();
      theirs.setNote(quote.id, 'их, исправлено');
      mine.merge(theirs.toSidecar(TEXT), TEXT);
      assert.equal(mine.conflicts.length, 1);
      assert.equal(noteOnDisk(mine, quote.id), 'их, исправлено');
      assert.equal(mine.get(quote.id)!.note, 'моя');
    });
  });
});
