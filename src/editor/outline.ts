// Outline and Go to Symbol: who said what, quotes grouped under each speaker.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import { excerpt } from '../core/explain/markdown';
import type { QuoteAnnotation } from '../core/analysis/types';
import { NEWS_LANGUAGE } from './newsDocuments';

class QuoteOutline implements vscode.DocumentSymbolProvider {
  constructor(private readonly analyses: AnalysisService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const analysis = this.analyses.get(document);
    if (!analysis) return [];
    const { index } = analysis;
    const range = (start: number, end: number) => new vscode.Range(document.positionAt(start), document.positionAt(end));
    const quoteSymbol = (q: QuoteAnnotation) =>
      new vscode.DocumentSymbol(excerpt(q.text, 70), q.direct ? vscode.l10n.t('direct quote') : vscode.l10n.t('indirect speech'), vscode.SymbolKind.String, range(q.start, q.end), range(q.start, q.end));
    const symbols: vscode.DocumentSymbol[] = [];
    for (const person of index.people()) {
      const quotes = index.quotesBy(person);
      const start = quotes[0].start;
      const end = quotes[quotes.length - 1].end;
      const speaker = index.speakerOf(quotes[0]);
      const group = new vscode.DocumentSymbol(person, speaker?.role ?? vscode.l10n.t('{0} quotes', quotes.length), vscode.SymbolKind.Module, range(start, end), range(start, start));
      group.children = quotes.map(quoteSymbol);
      symbols.push(group);
    }
    const unattributed = index.analysis.annotations.filter((a): a is QuoteAnnotation => a.kind === 'quote' && index.personOf(a) === undefined);
    if (unattributed.length) {
      const first = unattributed[0];
      const group = new vscode.DocumentSymbol(vscode.l10n.t('Unattributed'), '', vscode.SymbolKind.Module, range(first.start, unattributed[unattributed.length - 1].end), range(first.start, first.start));
      group.children = unattributed.map(quoteSymbol);
      symbols.push(group);
    }
    return symbols;
  }
}

export function register(context: vscode.ExtensionContext, analyses: AnalysisService): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider({ language: NEWS_LANGUAGE }, new QuoteOutline(analyses), { label: vscode.l10n.t('Quotes by speaker') }),
  );
}
