// Re-anchoring after an outside edit: N tags on a 1 MB text, then a paragraph inserted near the top,
// some tagged words rewritten and a stretch deleted, as a git merge might do.
import { reanchor } from '../src/core/anchoring/reanchor';
import { contextAround } from '../src/core/anchoring/context';
import type { Tag } from '../src/core/tags/types';
import { time } from './corpus';

function makeTags(text: string, count: number): Tag[] {
  const tags: Tag[] = [];
  const step = Math.floor(text.length / (count + 1));
  for (let i = 0; i < count; i++) {
    let start = (i + 1) * step;
    while (start < text.length && !/\s/.test(text[start - 1] ?? ' ')) start++;
    const end = Math.min(text.length, start + 12 + (i % 40));
    tags.push({ id: `t${i}`, label: 'note', start, end, text: text.slice(start, end), ...contextAround(text, start, end), links: [] });
  }
  return tags;
}

function outsideEdit(text: string): string {
  const inserted = 'Новый абзац, добавленный в начало статьи другим редактором.\n\n';
  const cut = Math.floor(text.length / 2);
  return inserted + text.slice(0, cut) + text.slice(cut + 2_000);
}

export function benchAnchoring(text: string): { tags: number; ms: number }[] {
  const edited = outsideEdit(text);
  return [100, 1_000, 10_000].map((n) => {
    const tags = makeTags(text, n);
    reanchor(tags.slice(0, 10), edited);
    return { tags: n, ms: time(() => reanchor(tags, edited)).ms };
  });
}
