// The analysis contract: plain data, UTF-16 offsets (as in the editor), end exclusive.

export type AnnotationKind = 'quote' | 'speaker' | 'date' | 'term';

interface AnnotationBase {
  /** Stable within one analysis: q1, s1, d1, t1 … in document order per kind. */
  id: string;
  kind: AnnotationKind;
  start: number;
  end: number;
  text: string;
}

export interface QuoteAnnotation extends AnnotationBase {
  kind: 'quote';
  /** false for reported (indirect) speech: `Он отметил, что …`. */
  direct: boolean;
  /** id of the speaker annotation this quote is attributed to. */
  speaker?: string;
  /** Offsets of the quoted words without the quotation marks (direct quotes). */
  innerStart?: number;
  innerEnd?: number;
}

export type SpeakerForm = 'name' | 'role' | 'body' | 'pronoun';

export interface SpeakerAnnotation extends AnnotationBase {
  kind: 'speaker';
  form: SpeakerForm;
  /** The resolved person or body, nominative: `Артур Люкманов`. */
  name?: string;
  /** Role in apposition: `директор департамента … МИД РФ`. */
  role?: string;
  /** ids of the quotes attributed to this mention. */
  quotes: string[];
}

export type DateValueType = 'date' | 'month' | 'year' | 'season' | 'range' | 'duration' | 'week' | 'time';

export interface DateAnnotation extends AnnotationBase {
  kind: 'date';
  /** ISO 8601: 2025-10-24, 2024-12, 2024, 2025-09-03/2025-09-04, P12M … undefined when not resolvable. */
  value?: string;
  valueType?: DateValueType;
  /** true when the value was resolved against the article's date (relative expression). */
  relative?: boolean;
}

export type TermCategory = 'instrument' | 'procedure' | 'organisation' | 'rank' | 'document' | 'concept';

export interface TermAnnotation extends AnnotationBase {
  kind: 'term';
  category: TermCategory;
  /** Glossary entry id, when the glossary has the term. */
  entry?: string;
  lemma?: string;
  gloss?: string;
}

export type Annotation = QuoteAnnotation | SpeakerAnnotation | DateAnnotation | TermAnnotation;

export interface ArticleHeader {
  /** ISO date from the header line ` date YYYY-MM-DD Title`. */
  date: string;
  title: string;
  /** Offsets of the header line (without its line break). */
  start: number;
  end: number;
}

export interface Analysis {
  header?: ArticleHeader;
  /** All annotations, sorted by start, then by longer first. */
  annotations: Annotation[];
}
