// The keystroke path for large files: dates and terms never reach across a blank line, so each
// paragraph's are kept and only the paragraphs that changed are looked at again. Quotes and
// speakers (whose coreference runs through the whole text) are found afresh. The result is the
// same as `analyze` — a test compares the two on real news and random edits.
import type { Analysis, Annotation, DateAnnotation, TermAnnotation } from './types';
import { parseHeader } from '../text';
import { findDates } from './dates';
import { findTerms } from './terms';
import { findQuotes } from './quotes';
import type { Glossary } from '../glossary/glossary';
import { builtinGlossary } from '../glossary/glossary';
import type { AnalyzeOptions } from './analyze';

interface ParagraphFindings {
  terms: TermAnnotation[];
  dates: DateAnnotation[];
}

const PARAGRAPH_BREAK = /\n[ \t\u00A0\r]*\n/g;

export class IncrementalAnalyzer {
  private paragraphs = new Map<string, ParagraphFindings>();
  private glossary: Glossary | undefined;
  private articleDate: string | undefined;
  /** Paragraphs looked at again on the last call, and reused: for the log and the benchmark. */
  lastReused = 0;
  lastAnalysed = 0;

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    const header = parseHeader(text);
    const articleDate = options.articleDate ?? header?.date;
    const glossary = options.glossary ?? builtinGlossary();
    if (glossary !== this.glossary || articleDate !== this.articleDate) this.paragraphs.clear();
    this.glossary = glossary;
    this.articleDate = articleDate;

    const next = new Map<string, ParagraphFindings>();
    const terms: TermAnnotation[] = [];
    const dates: DateAnnotation[] = [];
    this.lastReused = 0;
    this.lastAnalysed = 0;
    let start = 0;
    const take = (end: number) => {
      const paragraph = text.slice(start, end);
      let found = next.get(paragraph) ?? this.paragraphs.get(paragraph);
      if (found) this.lastReused++;
      else {
        found = { terms: findTerms(paragraph, glossary), dates: findDates(paragraph, articleDate) };
        this.lastAnalysed++;
      }
      next.set(paragraph, found);
      for (const t of found.terms) terms.push({ ...t, start: t.start + start, end: t.end + start });
      for (const d of found.dates) dates.push({ ...d, start: d.start + start, end: d.end + start });
    };
    PARAGRAPH_BREAK.lastIndex = 0;
    for (let m = PARAGRAPH_BREAK.exec(text); m; m = PARAGRAPH_BREAK.exec(text)) {
      take(m.index);
      start = m.index + m[0].length;
    }
    take(text.length);
    this.paragraphs = next;

    terms.forEach((t, i) => (t.id = `t${i + 1}`));
    dates.forEach((d, i) => (d.id = `d${i + 1}`));
    const { quotes, speakers } = findQuotes(text, { terms });
    const annotations: Annotation[] = [...quotes, ...speakers, ...dates, ...terms];
    annotations.sort((a, b) => a.start - b.start || b.end - a.end);
    return { header, annotations };
  }
}
