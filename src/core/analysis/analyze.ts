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
  const annotations: Annotation[] = [...quotes, ...speakers, ...dates, ...terms];
  annotations.sort((a, b) => a.start - b.start || b.end - a.end);
  return { header, annotations };
}
