// The analysis layer of highlighting: semantic tokens for what the grammar cannot know
// (speakers, inflected terms, indirect speech), and decorations pairing a quote with its speaker.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { Settings } from './config';
import { flattenAnnotations } from '../core/analysis/segments';
import type { Annotation, AnnotationKind, QuoteAnnotation, SpeakerAnnotation } from '../core/analysis/types';
import { NEWS_LANGUAGE, isNewsDocument } from './newsDocuments';

const TOKEN_TYPES = ['quote', 'speaker', 'newsDate', 'treatyTerm'] as const;
const TOKEN_MODIFIERS = ['indirect', 'instrument', 'organisation', 'procedure', 'resolved'] as const;
export const legend = new vscode.SemanticTokensLegend([...TOKEN_TYPES], [...TOKEN_MODIFIERS]);

function tokenOf(a: Annotation): { type: number; modifiers: number } {
  const bit = (m: (typeof TOKEN_MODIFIERS)[number]) => 1 << TOKEN_MODIFIERS.indexOf(m);
  switch (a.kind) {
    case 'quote':
      return { type: 0, modifiers: a.direct ? 0 : bit('indirect') };
    case 'speaker':
      return { type: 1, modifiers: a.name ? bit('resolved') : 0 };
    case 'date':
      return { type: 2, modifiers: 0 };
    case 'term': {
      const m = a.category === 'instrument' || a.category === 'organisation' || a.category === 'procedure' ? bit(a.category) : 0;
      return { type: 3, modifiers: m };
    }
  }
}

function enabledKinds(settings: Settings): Set<AnnotationKind> {
  const h = settings.value.highlight;
  const kinds = new Set<AnnotationKind>();
  if (h.quotes) kinds.add('quote');
  if (h.speakers) kinds.add('speaker');
  if (h.dates) kinds.add('date');
  if (h.terms) kinds.add('term');
  return kinds;
}

class SemanticTokens implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(
    private readonly analyses: AnalysisService,
    private readonly settings: Settings,
  ) {}

  refresh(): void {
    this.changed.fire();
  }

  provideDocumentSemanticTokens(document: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(legend);
    const analysis = this.analyses.get(document);
    if (!analysis) return builder.build();
    const text = document.getText();
    for (const segment of flattenAnnotations(analysis.index.analysis.annotations, enabledKinds(this.settings))) {
      const { type, modifiers } = tokenOf(segment.annotation);
      // Semantic tokens cannot cross lines: a quote running over paragraphs is cut at each break.
      let from = segment.start;
      while (from < segment.end) {
        let to = text.indexOf('\n', from);
        if (to === -1 || to > segment.end) to = segment.end;
        const pieceEnd = to > from && text[to - 1] === '\r' ? to - 1 : to;
        if (pieceEnd > from) {
          const p = document.positionAt(from);
          builder.push(p.line, p.character, pieceEnd - from, type, modifiers);
        }
        from = to + 1;
      }
    }
    return builder.build();
  }
}

/** Lights up the speaker of the quote under the cursor (and the quotes of the speaker under it). */
class SpeakerPairing implements vscode.Disposable {
  private readonly quoteType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diplomaticAnnotator.pairedQuoteBackground'),
    borderWidth: '0 0 1px 0',
    borderStyle: 'dashed',
    borderColor: new vscode.ThemeColor('diplomaticAnnotator.pairedQuoteBorder'),
  });
  private readonly speakerType = vscode.window.createTextEditorDecorationType({
    borderWidth: '0 0 2px 0',
    borderStyle: 'solid',
    borderColor: new vscode.ThemeColor('diplomaticAnnotator.pairedSpeakerBorder'),
    fontWeight: 'bold',
  });
  private readonly indirectType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diplomaticAnnotator.indirectQuoteBackground'),
    borderWidth: '0 0 1px 0',
    borderStyle: 'dotted',
    borderColor: new vscode.ThemeColor('diplomaticAnnotator.indirectQuoteBorder'),
  });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly analyses: AnalysisService,
    private readonly settings: Settings,
  ) {
    vscode.window.onDidChangeTextEditorSelection((e) => this.update(e.textEditor), this, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.update(e)), this, this.disposables);
    analyses.onDidUpdate((d) => this.updateDocument(d), this, this.disposables);
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  updateDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) this.update(editor);
  }

  update(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (!isNewsDocument(document)) return;
    const analysis = this.analyses.get(document);
    const h = this.settings.value.highlight;
    if (!analysis) {
      editor.setDecorations(this.quoteType, []);
      editor.setDecorations(this.speakerType, []);
      editor.setDecorations(this.indirectType, []);
      return;
    }
    const range = (a: Annotation) => new vscode.Range(document.positionAt(a.start), document.positionAt(a.end));
    const index = analysis.index;
    editor.setDecorations(
      this.indirectType,
      h.quotes ? index.analysis.annotations.filter((a): a is QuoteAnnotation => a.kind === 'quote' && !a.direct).map(range) : [],
    );
    const quotes: QuoteAnnotation[] = [];
    const speakers: SpeakerAnnotation[] = [];
    if (h.speakers) {
      const here = index.at(document.offsetAt(editor.selection.active));
      const quote = here.find((a): a is QuoteAnnotation => a.kind === 'quote');
      const speaker = here.find((a): a is SpeakerAnnotation => a.kind === 'speaker');
      if (speaker) {
        speakers.push(speaker);
        for (const id of speaker.quotes) {
          const q = index.get<QuoteAnnotation>(id);
          if (q) quotes.push(q);
        }
      } else if (quote) {
        quotes.push(quote);
        const s = index.speakerOf(quote);
        if (s) speakers.push(s);
      }
    }
    editor.setDecorations(this.quoteType, quotes.map(range));
    editor.setDecorations(this.speakerType, speakers.map(range));
  }

  dispose(): void {
    this.quoteType.dispose();
    this.speakerType.dispose();
    this.indirectType.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export function register(context: vscode.ExtensionContext, analyses: AnalysisService, settings: Settings): void {
  const tokens = new SemanticTokens(analyses, settings);
  context.subscriptions.push(
    vscode.languages.registerDocumentSemanticTokensProvider({ language: NEWS_LANGUAGE }, tokens, legend),
    new SpeakerPairing(analyses, settings),
    settings.onDidChange(() => tokens.refresh()),
    analyses.onDidUpdate(() => tokens.refresh()),
  );
}
