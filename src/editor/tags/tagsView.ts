// The Tags view: file → label → tag, with the tagged words and the note; tags that lost their
// place (doubtful, orphaned) gather in their own group so they are not missed.
import * as vscode from 'vscode';
import type { Tag } from '../../core/tags/types';
import { excerpt } from '../../core/explain/markdown';
import type { TagService, TagState } from './tagService';
import { INTERNAL } from '../commandIds';

function tagCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 tag') : vscode.l10n.t('{0} tags', n);
}

type Node =
  | { kind: 'file'; state: TagState }
  | { kind: 'label'; state: TagState; label: string; tags: Tag[] }
  | { kind: 'attention'; state: TagState; tags: Tag[] }
  | { kind: 'tag'; state: TagState; tag: Tag };

export class TagsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly tags: TagService) {
    this.subscription = tags.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return this.tags
        .all()
        .filter((s) => (s.store?.tags.length ?? 0) > 0 || s.broken)
        .sort((a, b) => a.document.uri.path.localeCompare(b.document.uri.path))
        .map((state) => ({ kind: 'file', state }));
    }
    if (node.kind === 'file') {
      const all = node.state.store?.tags ?? [];
      const placed = all.filter((t) => !t.status);
      const lost = all.filter((t) => t.status);
      const labels = [...new Set(placed.map((t) => t.label))].sort();
      const children: Node[] = labels.map((label) => ({ kind: 'label', state: node.state, label, tags: placed.filter((t) => t.label === label) }));
      if (lost.length) children.push({ kind: 'attention', state: node.state, tags: lost });
      return children;
    }
    if (node.kind === 'label' || node.kind === 'attention') return node.tags.map((tag) => ({ kind: 'tag', state: node.state, tag }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'file': {
        const item = new vscode.TreeItem(node.state.document.uri, vscode.TreeItemCollapsibleState.Expanded);
        const count = node.state.store?.tags.length ?? 0;
        item.description = node.state.broken ? vscode.l10n.t('sidecar broken — tagging paused') : tagCount(count);
        item.iconPath = node.state.broken ? new vscode.ThemeIcon('error') : vscode.ThemeIcon.File;
        item.accessibilityInformation = { label: `${vscode.workspace.asRelativePath(node.state.document.uri)}, ${item.description}` };
        item.contextValue = 'file';
        return item;
      }
      case 'label': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = tagCount(node.tags.length);
        item.iconPath = new vscode.ThemeIcon('tag');
        item.accessibilityInformation = { label: `${node.label}, ${item.description}` };
        item.contextValue = 'label';
        return item;
      }
      case 'attention': {
        const item = new vscode.TreeItem(vscode.l10n.t('Needs attention'), vscode.TreeItemCollapsibleState.Expanded);
        item.description = vscode.l10n.t('{0} doubtful or orphaned', node.tags.length);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = vscode.l10n.t('These tags could not be found where they were after the text changed. They are kept in the sidecar.');
        item.accessibilityInformation = { label: `${vscode.l10n.t('Needs attention')}, ${item.description}` };
        return item;
      }
      case 'tag': {
        const { tag } = node;
        const item = new vscode.TreeItem(excerpt(tag.text, 60), vscode.TreeItemCollapsibleState.None);
        const status = tag.status === 'doubtful' ? vscode.l10n.t('doubtful') : tag.status === 'orphaned' ? vscode.l10n.t('orphaned') : '';
        item.description = [tag.status ? tag.label : '', status, tag.note ?? ''].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString().appendText(`${tag.label}${status ? ` (${status})` : ''}\n\n${tag.text}${tag.note ? `\n\n${tag.note}` : ''}`);
        item.iconPath = new vscode.ThemeIcon(tag.status === 'orphaned' ? 'debug-disconnect' : tag.status === 'doubtful' ? 'question' : tag.note ? 'note' : 'tag');
        item.accessibilityInformation = { label: `${tag.label}${status ? `, ${status}` : ''}: ${tag.text}${tag.note ? `. ${tag.note}` : ''}` };
        item.contextValue = tag.status ? `tag.${tag.status}` : 'tag';
        item.command = { title: vscode.l10n.t('Reveal'), command: INTERNAL.revealTag, arguments: [node.state.document.uri, tag.id] };
        return item;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
