// The whole analysis: text in, annotations out. Pure; no 'vscode'.
import type { Analysis, Annotation } from './types';
import { parseHeader } from '../text';
import { findDates } from './dates';
import { findTerms } from './terms';
import { findQuotes } from './quotes';
import type { Glossary } from '../glossary/glossary';
import { builtinGlossary } from '../glossary/glossary';

export interface AnalyzeOptions {
  glossary?: Glossary;
  /** Overrides the header's date (ISO) for resolving relative dates. */
  articleDate?: string;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const header = parseHeader(text);
  const articleDate = options.articleDate ?? header?.date;
  const glossary = options.glossary ?? builtinGlossary();
  const terms = findTerms(text, glossary);
  const dates = findDates(text, articleDate);
  const { quotes, speakers } = findQuotes(text, { terms });
  return { header, annotations: byPosition([quotes, speakers, dates, terms]) };
}

/**
 * The annotations of all kinds in one list, by start, the longer first where two start together (and
 * in the order given where both ends meet). Sorted by number, not by comparing the annotations
 * themselves: objects of four shapes in one comparison keep V8 re-optimising it.
 */
function byPosition(lists: readonly (readonly Annotation[])[]): Annotation[] {
  let n = 0;
  for (const list of lists) n += list.length;
  const all: Annotation[] = new Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let k = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++, k++) {
      all[k] = list[i];
      starts[k] = list[i].start;
      ends[k] = list[i].end;
    }
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((i, j) => starts[i] - starts[j] || ends[j] - ends[i] || i - j);
  const sorted: Annotation[] = new Array(n);
  for (let i = 0; i < n; i++) sorted[i] = all[order[i]];
  return sorted;
}
