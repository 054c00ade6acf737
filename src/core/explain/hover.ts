// Hover text for what the analysis found: plain Markdown built from escaped data only.
import type { Annotation, DateAnnotation, QuoteAnnotation, SpeakerAnnotation, TermAnnotation } from '../analysis/types';
import type { AnalysisIndex } from '../analysis/lookup';
import type { GlossaryEntry } from '../glossary/types';
import { escapeMarkdown as esc, excerpt } from './markdown';
import { spellDateValue } from './dates';

/** Translates a hover phrase (the editor passes `vscode.l10n`; `{0}` placeholders as there). */
export interface Translator {
  t(message: string, ...args: (string | number)[]): string;
}

/** English, as written: for the CLI, tests and anything outside the editor. */
export const inEnglish: Translator = {
  t: (message, ...args) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m)),
};

export interface HoverContext {
  index: AnalysisIndex;
  /** Defaults to English. */
  l10n?: Translator;
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
  const l10n = ctx.l10n ?? inEnglish;
  if (entry?.acronyms?.length && !entry.fullNameRu) lines.push(l10n.t('Also: {0}', entry.acronyms.map((a) => esc(a)).join(', ')));
  if (entry?.definition) lines.push(esc(entry.definition));
  const facts: string[] = [];
  if (entry?.adopted) facts.push(l10n.t('adopted {0}', esc(entry.adopted)));
  if (entry?.status) facts.push(esc(entry.status));
  if (facts.length) lines.push(facts.join(' · '));
  if (entry?.source) lines.push(l10n.t('Source: {0}', esc(entry.source)));
  if (!entry) lines.push(l10n.t('Not in the glossary: recognised by the shape of its name.'));
  else if (entry.origin && entry.origin !== 'built-in') lines.push(l10n.t('From {0}', esc(entry.origin)));
  return lines.join('\n\n');
}

export function dateHover(date: DateAnnotation, ctx: HoverContext): string {
  const l10n = ctx.l10n ?? inEnglish;
  const lines = [`**${l10n.t('Date · дата')}**: ${esc(date.text)}`];
  if (date.value) {
    const spelled = spellDateValue(date.value);
    lines.push(`\`${esc(date.value)}\`${spelled ? ` — ${esc(spelled.en)} · ${esc(spelled.ru)}` : ''}`);
    if (date.relative && ctx.articleDate) lines.push(l10n.t("Resolved against the article's date, {0}.", esc(ctx.articleDate)));
  } else if (date.relative) {
    lines.push(l10n.t('Relative date: the file has no header date to resolve it against.'));
  }
  return lines.join('\n\n');
}

function speakerLine(speaker: SpeakerAnnotation | undefined, l10n: Translator): string {
  if (!speaker) return l10n.t('Speaker not found in the text.');
  const who = esc(speaker.name ?? speaker.text);
  return speaker.role ? `${who}, ${esc(speaker.role)}` : who;
}

export function quoteHover(quote: QuoteAnnotation, ctx: HoverContext): string {
  const l10n = ctx.l10n ?? inEnglish;
  const speaker = ctx.index.speakerOf(quote);
  const lines = [`**${quote.direct ? l10n.t('Direct quote · прямая речь') : l10n.t('Indirect speech · косвенная речь')}**`, l10n.t('Said by: {0}', speakerLine(speaker, l10n))];
  const person = ctx.index.personOf(quote);
  if (person !== undefined) {
    const others = ctx.index.quotesBy(person).length - 1;
    lines.push(others === 0 ? l10n.t('No other quotes by this speaker in the file.') : others === 1 ? l10n.t('1 other quote by this speaker in the file.') : l10n.t('{0} other quotes by this speaker in the file.', others));
  }
  return lines.join('\n\n');
}

export function speakerHover(speaker: SpeakerAnnotation, ctx: HoverContext): string {
  const l10n = ctx.l10n ?? inEnglish;
  const forms: Record<string, string> = { name: l10n.t('name'), role: l10n.t('role'), body: l10n.t('body'), pronoun: l10n.t('pronoun') };
  const lines = [`**${l10n.t('Speaker · автор')}**: ${speakerLine(speaker, l10n)}`];
  if (speaker.name && speaker.name !== speaker.text) lines.push(l10n.t('Mentioned here as “{0}” ({1}).', esc(speaker.text), forms[speaker.form] ?? speaker.form));
  const person = ctx.index.personOf(speaker);
  const quotes = person === undefined ? [] : ctx.index.quotesBy(person);
  if (quotes.length) {
    lines.push(l10n.t('Quotes in this file ({0}):', quotes.length));
    lines.push(quotes.slice(0, 10).map((q) => `- ${esc(excerpt(q.text))}`).join('\n') + (quotes.length > 10 ? `\n- … ${l10n.t('{0} more', quotes.length - 10)}` : ''));
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
