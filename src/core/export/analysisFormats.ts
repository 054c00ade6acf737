// What the analysis found, in the formats other tools read. Offsets count code points.
import type { Annotation } from '../analysis/types';
import { codePointConverter } from '../text';

/** An annotation as written to disk: code point offsets, kind-specific fields kept. */
export type PortableAnnotation = Annotation;

export function toCodePoints(text: string, annotations: readonly Annotation[]): PortableAnnotation[] {
  const cp = codePointConverter(text);
  return annotations.map((a) => ({ ...a, start: cp(a.start), end: cp(a.end) }));
}

const BRAT_TYPES: Record<string, string> = { quote: 'Quote', speaker: 'Speaker', date: 'Date', term: 'Term' };

/** brat standoff: T lines for spans, an R line `Speaker Arg1:Tq Arg2:Ts` for each attribution, notes as `#`. */
export function toBrat(annotations: readonly PortableAnnotation[]): string {
  const tid = new Map<string, string>();
  annotations.forEach((a, i) => tid.set(a.id, `T${i + 1}`));
  const lines: string[] = [];
  let notes = 0;
  for (const a of annotations) {
    const t = tid.get(a.id) as string;
    let type = BRAT_TYPES[a.kind];
    if (a.kind === 'quote' && !a.direct) type = 'IndirectQuote';
    if (a.kind === 'term') type = `Term_${a.category}`;
    // brat's text field is one line: breaks inside a quote become spaces (offsets still exact).
    lines.push(`${t}\t${type} ${a.start} ${a.end}\t${a.text.replace(/[\r\n\t]/g, ' ')}`);
    const note = a.kind === 'date' ? a.value : a.kind === 'speaker' ? a.name : a.kind === 'term' ? a.gloss : undefined;
    if (note) lines.push(`#${++notes}\tAnnotatorNotes ${t}\t${note.replace(/[\r\n\t]/g, ' ')}`);
  }
  let relations = 0;
  for (const a of annotations) {
    if (a.kind !== 'quote' || !a.speaker || !tid.has(a.speaker)) continue;
    lines.push(`R${++relations}\tSpeaker Arg1:${tid.get(a.id)} Arg2:${tid.get(a.speaker)}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** W3C Web Annotation JSON-LD: one annotation per finding, TextQuote + TextPosition selectors. */
export function toW3C(source: string, text: string, annotations: readonly PortableAnnotation[]): object {
  const chars = [...text];
  const slice = (from: number, to: number) => chars.slice(Math.max(0, from), Math.max(0, to)).join('');
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    total: annotations.length,
    first: {
      type: 'AnnotationPage',
      items: annotations.map((a) => {
        const body: object[] = [{ type: 'TextualBody', purpose: 'classifying', value: a.kind === 'quote' && !a.direct ? 'indirect-quote' : a.kind }];
        const extra = a.kind === 'date' ? a.value : a.kind === 'speaker' ? a.name : a.kind === 'term' ? a.gloss : undefined;
        if (extra) body.push({ type: 'TextualBody', purpose: 'describing', value: extra });
        if (a.kind === 'quote' && a.speaker) body.push({ type: 'SpecificResource', purpose: 'linking', source: `#${a.speaker}` });
        return {
          id: `#${a.id}`,
          type: 'Annotation',
          motivation: 'classifying',
          body,
          target: {
            source,
            selector: [
              { type: 'TextQuoteSelector', exact: slice(a.start, a.end), prefix: slice(a.start - 32, a.start), suffix: slice(a.end, a.end + 32) },
              { type: 'TextPositionSelector', start: a.start, end: a.end },
            ],
          },
        };
      }),
    },
  };
}
