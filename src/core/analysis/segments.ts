// Flattens nested annotations into non-overlapping pieces for painting: where annotations
// nest (a term inside a quote), the innermost one wins for its stretch of text.
import type { Annotation, AnnotationKind } from './types';

export interface Segment {
  start: number;
  end: number;
  annotation: Annotation;
}

export function flattenAnnotations(annotations: readonly Annotation[], kinds: ReadonlySet<AnnotationKind>): Segment[] {
  const chosen = annotations.filter((a) => kinds.has(a.kind) && a.end > a.start);
  if (chosen.length === 0) return [];
  const cuts = new Set<number>();
  for (const a of chosen) {
    cuts.add(a.start);
    cuts.add(a.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Annotations are sorted by start; sweep the cut points keeping the open ones.
  const byStart = [...chosen].sort((a, b) => a.start - b.start || b.end - a.end);
  const open: Annotation[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i < points.length - 1; i++) {
    const from = points[i];
    const to = points[i + 1];
    while (next < byStart.length && byStart[next].start <= from) open.push(byStart[next++]);
    let best: Annotation | undefined;
    for (let j = open.length - 1; j >= 0; j--) {
      const a = open[j];
      if (a.end <= from) {
        open.splice(j, 1);
        continue;
      }
      if (!best || a.end - a.start < best.end - best.start) best = a;
    }
    if (!best) continue;
    const last = segments[segments.length - 1];
    if (last && last.annotation === best && last.end === from) last.end = to;
    else segments.push({ start: from, end: to, annotation: best });
  }
  return segments;
}
