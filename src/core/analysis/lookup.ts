// Fast questions about one analysis: what is at this offset, which annotation has this id,
// which quotes belong to the same person.
import type { Analysis, Annotation, QuoteAnnotation, SpeakerAnnotation } from './types';

export class AnalysisIndex {
  private readonly byId = new Map<string, Annotation>();
  private readonly sorted: Annotation[];
  /** Running maximum of `end` over `sorted`, so a lookup can stop scanning early. */
  private readonly maxEnd: number[];
  private readonly quotesByPerson = new Map<string, QuoteAnnotation[]>();

  constructor(readonly analysis: Analysis) {
    this.sorted = analysis.annotations;
    this.maxEnd = new Array<number>(this.sorted.length);
    let max = 0;
    this.sorted.forEach((a, i) => {
      this.byId.set(a.id, a);
      max = Math.max(max, a.end);
      this.maxEnd[i] = max;
    });
    for (const a of this.sorted) {
      if (a.kind !== 'quote') continue;
      const key = this.personOf(a);
      if (key === undefined) continue;
      const list = this.quotesByPerson.get(key);
      if (list) list.push(a);
      else this.quotesByPerson.set(key, [a]);
    }
  }

  get<K extends Annotation>(id: string | undefined): K | undefined {
    return id === undefined ? undefined : (this.byId.get(id) as K | undefined);
  }

  /** Annotations covering `offset` (start <= offset < end, or == end for the last character), innermost first. */
  at(offset: number): Annotation[] {
    // Binary search for the last annotation starting at or before offset.
    let lo = 0;
    let hi = this.sorted.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].start <= offset) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const hits: Annotation[] = [];
    for (let i = last; i >= 0 && this.maxEnd[i] >= offset; i--) {
      const a = this.sorted[i];
      if (a.start <= offset && offset < a.end) hits.push(a);
    }
    return hits.sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /** The speaker mention a quote is attributed to. */
  speakerOf(quote: QuoteAnnotation): SpeakerAnnotation | undefined {
    return this.get<SpeakerAnnotation>(quote.speaker);
  }

  /** The person (resolved name, else the mention's words) a quote or speaker stands for. */
  personOf(a: QuoteAnnotation | SpeakerAnnotation): string | undefined {
    const speaker = a.kind === 'quote' ? this.speakerOf(a) : a;
    if (!speaker) return undefined;
    return speaker.name ?? speaker.text;
  }

  /** Every quote in the file attributed to the same person, in document order. */
  quotesBy(person: string): QuoteAnnotation[] {
    return this.quotesByPerson.get(person) ?? [];
  }

  /** People who speak in the file, in order of their first quote. */
  people(): string[] {
    return [...this.quotesByPerson.keys()];
  }
}
