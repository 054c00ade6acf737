// Glossary data as it is written in YAML (built-in and user files) and as lookup returns it.

export type GlossaryKind = 'instrument' | 'procedure' | 'organisation' | 'rank' | 'document' | 'concept';

export interface GlossaryEntry {
  /** Stable id, e.g. `vclt-ratification`, `org-asean`. */
  id: string;
  kind: GlossaryKind;
  /** Dictionary form in Russian: `ратификация`. */
  lemma: string;
  /** Further surface forms or phrases (any case); inflected forms are derived from them. */
  forms?: string[];
  /**
   * Forms matched word for word as written (any case, no inflection): irregular forms the paradigm
   * guess would miss or over-match, e.g. `посла` for `посол` without also matching `после`.
   */
  exactForms?: string[];
  /** Acronyms and short names: `АСЕАН`, `Совбез ООН`. */
  acronyms?: string[];
  /** English equivalent: `ratification`. */
  english: string;
  /** One line, written by the project. */
  definition: string;
  /** Where the term is defined: `VCLT art. 14`. */
  source?: string;
  /** For organisations and instruments: the full names. */
  fullNameRu?: string;
  fullNameEn?: string;
  /** For instruments: date of adoption (ISO) and status. */
  adopted?: string;
  status?: string;
  /** Where this entry came from: `built-in` or a workspace file path. */
  origin?: string;
}
