// Hover text for what the analysis found: plain Markdown built from escaped data only.
import type { Annotation, DateAnnotation, QuoteAnnotation, SpeakerAnnotation, TermAnnotation } from '../analysis/types';
import type { AnalysisIndex } from '../analysis/lookup';
import type { GlossaryEntry } from '../glossary/types';
import { escapeMarkdown as esc, excerpt } from './markdown';
import { spellDateValue } from './dates';

export interface HoverContext {
  index: AnalysisIndex;
  /** Glossary entry by id; undefined when unknown. */
  entry(id: string): GlossaryEntry | undefined;
  /** The article's own date, from its header. */
  articleDate?: string;
}

const KIND_TITLES: Record<string, string> = {
  instrument: 'Instrument · документ',
  procedure: 'Treaty procedure · договорная процедура',
  organisation: 'Organisation · организация',
  rank: 'Diplomatic rank · дипломатический ранг',
  document: 'Diplomatic document · дипломатический документ',
  concept: 'Treaty law · право договоров',
};

export function termHover(term: TermAnnotation, ctx: HoverContext): string {
  const entry = term.entry ? ctx.entry(term.entry) : undefined;
  const lines: string[] = [`**${esc(entry?.lemma ?? term.lemma ?? term.text)}** — ${esc(KIND_TITLES[term.category] ?? term.category)}`];
  const english = entry?.english ?? term.gloss;
  if (english) lines.push(`*${esc(english)}*`);
  if (entry?.fullNameRu || entry?.fullNameEn) {
    lines.push([entry.fullNameRu, entry.fullNameEn].filter(Boolean).map((n) => esc(n as string)).join(' / '));
  }
  if (entry?.acronyms?.length && !entry.fullNameRu) lines.push(`Also: ${entry.acronyms.map((a) => esc(a)).join(', ')}`);
  if (entry?.definition) lines.push(esc(entry.definition));
  const facts: string[] = [];
  if (entry?.adopted) facts.push(`adopted ${esc(entry.adopted)}`);
  if (entry?.status) facts.push(esc(entry.status));
  if (facts.length) lines.push(facts.join(' · '));
  if (entry?.source) lines.push(`Source: ${esc(entry.source)}`);
  if (!entry) lines.push('Not in the glossary: recognised by the shape of its name.');
  else if (entry.origin && entry.origin !== 'built-in') lines.push(`From ${esc(entry.origin)}`);
  return lines.join('\n\n');
}

export function dateHover(date: DateAnnotation, ctx: HoverContext): string {
  const lines = [`**Date** · дата: ${esc(date.text)}`];
  if (date.value) {
    const spelled = spellDateValue(date.value);
    lines.push(`\`${esc(date.value)}\`${spelled ? ` — ${esc(spelled.en)} · ${esc(spelled.ru)}` : ''}`);
    if (date.relative && ctx.articleDate) lines.push(`Resolved against the article's date, ${esc(ctx.articleDate)}.`);
  } else if (date.relative) {
    lines.push('Relative date: the file has no header date to resolve it against.');
  }
  return lines.join('\n\n');
}

function speakerLine(speaker: SpeakerAnnotation | undefined): string {
  if (!speaker) return 'Speaker not found in the text.';
  const who = esc(speaker.name ?? speaker.text);
  return speaker.role ? `${who}, ${esc(speaker.role)}` : who;
}

export function quoteHover(quote: QuoteAnnotation, ctx: HoverContext): string {
  const speaker = ctx.index.speakerOf(quote);
  const lines = [`**${quote.direct ? 'Direct quote' : 'Indirect speech'}** · ${quote.direct ? 'прямая речь' : 'косвенная речь'}`, `Said by: ${speakerLine(speaker)}`];
  const person = ctx.index.personOf(quote);
  if (person !== undefined) {
    const others = ctx.index.quotesBy(person).length - 1;
    lines.push(others === 0 ? 'No other quotes by this speaker in the file.' : `${others} other quote${others === 1 ? '' : 's'} by this speaker in the file.`);
  }
  return lines.join('\n\n');
}

export function speakerHover(speaker: SpeakerAnnotation, ctx: HoverContext): string {
  const forms: Record<string, string> = { name: 'name', role: 'role', body: 'body', pronoun: 'pronoun' };
  const lines = [`**Speaker** · автор: ${speakerLine(speaker)}`];
  if (speaker.name && speaker.name !== speaker.text) lines.push(`Mentioned here as “${esc(speaker.text)}” (${forms[speaker.form] ?? speaker.form}).`);
  const person = ctx.index.personOf(speaker);
  const quotes = person === undefined ? [] : ctx.index.quotesBy(person);
  if (quotes.length) {
    lines.push(`Quotes in this file (${quotes.length}):`);
    lines.push(quotes.slice(0, 10).map((q) => `- ${esc(excerpt(q.text))}`).join('\n') + (quotes.length > 10 ? `\n- … ${quotes.length - 10} more` : ''));
  }
  return lines.join('\n\n');
}

export function annotationHover(a: Annotation, ctx: HoverContext): string {
  switch (a.kind) {
    case 'term':
      return termHover(a, ctx);
    case 'date':
      return dateHover(a, ctx);
    case 'quote':
      return quoteHover(a, ctx);
    case 'speaker':
      return speakerHover(a, ctx);
  }
}
