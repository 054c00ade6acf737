// Hover glosses: everything under the cursor, innermost first, as untrusted Markdown.
import * as vscode from 'vscode';
import type { AnalysisService } from './analysisService';
import type { Glossary } from '../core/glossary/glossary';
import { annotationHover } from '../core/explain/hover';
import { NEWS_LANGUAGE } from './newsDocuments';

/** Other features (tags) add their own hover sections through this. */
export type HoverSection = (document: vscode.TextDocument, offset: number) => string[];

export function untrusted(markdown: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(markdown, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

class GlossHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly analyses: AnalysisService,
    private readonly glossary: () => Glossary,
    private readonly sections: HoverSection[],
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const parts: string[] = [];
    for (const section of this.sections) parts.push(...section(document, offset));
    const analysis = this.analyses.get(document);
    let range: vscode.Range | undefined;
    if (analysis) {
      const glossary = this.glossary();
      const ctx = { index: analysis.index, entry: (id: string) => glossary.get(id), articleDate: analysis.index.analysis.header?.date, l10n: vscode.l10n };
      const hits = analysis.index.at(offset);
      for (const a of hits) parts.push(annotationHover(a, ctx));
      if (hits.length) range = new vscode.Range(document.positionAt(hits[0].start), document.positionAt(hits[0].end));
    }
    if (parts.length === 0) return undefined;
    return new vscode.Hover(parts.map(untrusted), range);
  }
}

export function register(context: vscode.ExtensionContext, analyses: AnalysisService, glossary: () => Glossary, sections: HoverSection[]): void {
  context.subscriptions.push(vscode.languages.registerHoverProvider({ language: NEWS_LANGUAGE }, new GlossHoverProvider(analyses, glossary, sections)));
}
