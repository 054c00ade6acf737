// Tags on the page: a background in the label's theme colour, a gutter mark, a mark in the
// overview ruler; a doubtful tag gets a border. One decoration type per label, made once.
import * as vscode from 'vscode';
import type { Tag } from '../../core/tags/types';
import type { TagService } from './tagService';
import type { Settings } from '../config';
import { isNewsDocument } from '../newsDocuments';
import { untrusted } from '../hover';
import { escapeMarkdown } from '../../core/explain/markdown';

const DEFAULT_COLOURS: Record<string, string> = {
  quote: 'quote',
  speaker: 'speaker',
  date: 'date',
  'treaty-term': 'treatyTerm',
  claim: 'claim',
  position: 'position',
  commitment: 'commitment',
  note: 'note',
};

export function colourIdFor(label: string): string {
  return `diplomaticAnnotator.tag.${DEFAULT_COLOURS[label] ?? 'other'}`;
}

export class TagDecorations implements vscode.Disposable {
  private readonly types = new Map<string, vscode.TextEditorDecorationType>();
  private readonly doubtful: vscode.TextEditorDecorationType;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly tags: TagService,
    private readonly settings: Settings,
    private readonly gutterIcon: vscode.Uri,
  ) {
    this.doubtful = vscode.window.createTextEditorDecorationType({
      border: '1px dashed',
      borderColor: new vscode.ThemeColor('diplomaticAnnotator.tag.doubtful'),
      overviewRulerColor: new vscode.ThemeColor('diplomaticAnnotator.tag.doubtful'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
    });
    tags.onDidChange(() => this.updateAll(), this, this.disposables);
    settings.onDidChange(() => this.updateAll(), this, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors(() => this.updateAll(), this, this.disposables);
    this.updateAll();
  }

  /** One type per label and colour; a tag set may give a label its own colour (theme id or #hex). */
  private typeFor(label: string, custom: string | undefined): string {
    const key = `${label}\u0000${custom ?? ''}`;
    if (!this.types.has(key)) {
      const colour = custom && /^#[0-9a-f]{3,8}$/i.test(custom) ? custom : new vscode.ThemeColor(custom && /^[\w.-]+$/.test(custom) ? custom : colourIdFor(label));
      const type = vscode.window.createTextEditorDecorationType({
        backgroundColor: colour,
        // High-contrast themes give tags no background; the border carries them there.
        border: '1px solid',
        borderColor: new vscode.ThemeColor('diplomaticAnnotator.tag.border'),
        overviewRulerColor: colour,
        overviewRulerLane: vscode.OverviewRulerLane.Left,
        gutterIconPath: this.gutterIcon,
        gutterIconSize: '70%',
        // Text typed at a tag's edge stays outside it, as in the tag store.
        rangeBehavior: vscode.DecorationRangeBehavior.OpenOpen,
      });
      this.types.set(key, type);
    }
    return key;
  }

  updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  private update(editor: vscode.TextEditor): void {
    const document = editor.document;
    if (!isNewsDocument(document)) return;
    const store = this.tags.get(document)?.store;
    const byType = new Map<string, vscode.DecorationOptions[]>();
    const colours = new Map((store?.tagset ?? []).map((e) => [e.label, e.color]));
    const doubtful: vscode.DecorationOptions[] = [];
    const range = (t: { start: number; end: number }) => new vscode.Range(document.positionAt(t.start), document.positionAt(t.end));
    for (const tag of store?.tags ?? []) {
      if (tag.status === 'orphaned') continue;
      if (tag.status === 'doubtful') {
        if (tag.proposed) doubtful.push({ range: range(tag.proposed), hoverMessage: doubtfulMessage(tag) });
        continue;
      }
      const key = this.typeFor(tag.label, colours.get(tag.label));
      const list = byType.get(key) ?? [];
      // The label after the words: a tag is told by its name, not by colour alone.
      list.push(
        this.settings.value.tagShowLabels
          ? { range: range(tag), renderOptions: { after: { contentText: ` ${tag.label}`, color: new vscode.ThemeColor('diplomaticAnnotator.tagLabelForeground'), fontStyle: 'italic', margin: '0 0 0 2px' } } }
          : { range: range(tag) },
      );
      byType.set(key, list);
    }
    for (const [key, type] of this.types) editor.setDecorations(type, byType.get(key) ?? []);
    editor.setDecorations(this.doubtful, doubtful);
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    this.doubtful.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function doubtfulMessage(tag: Tag): vscode.MarkdownString {
  return untrusted(
    vscode.l10n.t('Doubtful position for the “{0}” tag (match {1}%). Run “Confirm Doubtful Tag Position” or “Reject Doubtful Tag Position”.', escapeMarkdown(tag.label), Math.round((tag.proposed?.score ?? 0) * 100)),
  );
}
