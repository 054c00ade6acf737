// The tagging commands. Each takes optional arguments (for keybindings and tests) and otherwise
// asks with a quick pick or an input box.
import * as vscode from 'vscode';
import type { Annotation } from '../../core/analysis/types';
import type { TagStore } from '../../core/tags/store';
import { TagStoreError } from '../../core/tags/store';
import type { Tag } from '../../core/tags/types';
import { excerpt } from '../../core/explain/markdown';
import type { AnalysisService } from '../analysisService';
import type { Settings } from '../config';
import { COMMANDS, INTERNAL } from '../commandIds';
import { logError } from '../log';
import type { TagService } from './tagService';

const SUGGESTION_LABELS: Record<Annotation['kind'], string> = { quote: 'quote', speaker: 'speaker', date: 'date', term: 'treaty-term' };

interface Context {
  tags: TagService;
  analyses: AnalysisService;
  settings: Settings;
}

function activeEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Open a Russian news file first.'));
  return editor;
}

async function storeOf(ctx: Context, editor: vscode.TextEditor): Promise<TagStore | undefined> {
  const store = await ctx.tags.storeFor(editor.document);
  if (typeof store === 'string') {
    void vscode.window.showWarningMessage(store);
    return undefined;
  }
  return store;
}

function statusWord(tag: Tag): string {
  return tag.status === 'doubtful' ? vscode.l10n.t('doubtful') : tag.status === 'orphaned' ? vscode.l10n.t('orphaned') : '';
}

/** A command's target: a tag id, or a Tags view item (whose document is brought to the front). */
type TagTarget = string | { state: { document: vscode.TextDocument }; tag: Tag } | undefined;

async function targetId(target: TagTarget): Promise<string | undefined> {
  if (target === undefined || typeof target === 'string') return target;
  if (typeof target === 'object' && target !== null && 'tag' in target && 'state' in target) {
    await vscode.window.showTextDocument(target.state.document);
    return target.tag.id;
  }
  return undefined;
}

function describe(tag: Tag): vscode.QuickPickItem & { tag: Tag } {
  const status = tag.status ? ` · ${statusWord(tag)}` : '';
  return { label: excerpt(tag.text, 70), description: `${tag.label}${status}`, detail: tag.note, tag };
}

/** The tag under the cursor, or one picked from those under it / in the file. */
async function pickTag(store: TagStore, editor: vscode.TextEditor, id: string | undefined, placeHolder: string, from?: Tag[]): Promise<Tag | undefined> {
  if (id) return store.get(id);
  const candidates = from ?? store.at(editor.document.offsetAt(editor.selection.active));
  if (candidates.length === 1) return candidates[0];
  const pool = candidates.length ? candidates : store.tags;
  if (pool.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file has no tags yet.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(pool.map(describe), { placeHolder }))?.tag;
}

async function tagSelection(ctx: Context, label?: string, note?: string): Promise<string | undefined> {
  const editor = activeEditor();
  if (!editor) return undefined;
  const selection = editor.selection;
  if (selection.isEmpty) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the words to tag first.'));
    return undefined;
  }
  const store = await storeOf(ctx, editor);
  if (!store) return undefined;
  if (!label) {
    const labels = [...new Set([...store.labels(), ...ctx.settings.value.tagLabels])];
    const pick = vscode.window.createQuickPick();
    pick.placeholder = vscode.l10n.t('Label for “{0}” — pick one or type a new label', excerpt(editor.document.getText(selection), 40));
    const base = labels.map((l) => ({ label: l }));
    pick.items = base;
    pick.onDidChangeValue((v) => {
      const typed = v.trim();
      pick.items = typed && !labels.includes(typed) ? [{ label: typed, description: vscode.l10n.t('new label') }, ...base] : base;
    });
    label = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]?.label ?? (pick.value.trim() || undefined));
        pick.hide();
      });
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
    pick.dispose();
    if (!label) return undefined;
  }
  const text = editor.document.getText();
  const tag = store.add(text, editor.document.offsetAt(selection.start), editor.document.offsetAt(selection.end), label, note);
  await ctx.tags.commit(editor.document);
  return tag.id;
}

async function removeTag(ctx: Context, id?: string): Promise<boolean> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return false;
  const tag = await pickTag(store, editor, id, vscode.l10n.t('Which tag should be removed?'));
  if (!tag) return false;
  store.remove(tag.id);
  await ctx.tags.commit(editor.document);
  return true;
}

async function editTagNote(ctx: Context, id?: string, note?: string): Promise<boolean> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return false;
  const tag = await pickTag(store, editor, id, vscode.l10n.t('Which tag’s note?'));
  if (!tag) return false;
  if (note === undefined) {
    note = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Note for “{0}” ({1})', excerpt(tag.text, 40), tag.label), value: tag.note ?? '', placeHolder: vscode.l10n.t('Leave empty to remove the note') });
    if (note === undefined) return false;
  }
  store.setNote(tag.id, note.trim() ? note : undefined);
  await ctx.tags.commit(editor.document);
  return true;
}

async function linkQuoteToSpeaker(ctx: Context, quoteId?: string, speakerId?: string): Promise<boolean> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return false;
  const quote = await pickTag(store, editor, quoteId, vscode.l10n.t('Which quote?'));
  if (!quote) return false;
  let speaker = speakerId ? store.get(speakerId) : undefined;
  if (!speaker) {
    const speakers = store.tags.filter((t) => t.id !== quote.id && t.label === 'speaker');
    const pool = speakers.length ? speakers : store.tags.filter((t) => t.id !== quote.id);
    speaker = (await vscode.window.showQuickPick(pool.map(describe), { placeHolder: vscode.l10n.t('Who said “{0}”?', excerpt(quote.text, 40)) }))?.tag;
  }
  if (!speaker) return false;
  store.link(quote.id, 'speaker', speaker.id);
  await ctx.tags.commit(editor.document);
  return true;
}

async function acceptSuggestion(ctx: Context): Promise<string | undefined> {
  const editor = activeEditor();
  if (!editor) return undefined;
  const analysis = ctx.analyses.get(editor.document);
  const found = analysis?.index.at(editor.document.offsetAt(editor.selection.active)) ?? [];
  if (found.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing found by the analysis under the cursor.'));
    return undefined;
  }
  const choice =
    found.length === 1
      ? found[0]
      : (await vscode.window.showQuickPick(found.map((a) => ({ label: excerpt(a.text, 70), description: SUGGESTION_LABELS[a.kind], a })), { placeHolder: vscode.l10n.t('Which finding should become a tag?') }))?.a;
  if (!choice) return undefined;
  const store = await storeOf(ctx, editor);
  if (!store) return undefined;
  const tag = store.add(editor.document.getText(), choice.start, choice.end, SUGGESTION_LABELS[choice.kind]);
  // A quote's found speaker becomes a linked speaker tag too, when it is already tagged.
  if (choice.kind === 'quote' && choice.speaker) {
    const speaker = analysis?.index.get(choice.speaker);
    const speakerTag = speaker && store.tags.find((t) => t.start === speaker.start && t.end === speaker.end);
    if (speakerTag) store.link(tag.id, 'speaker', speakerTag.id);
  }
  await ctx.tags.commit(editor.document);
  return tag.id;
}

async function step(ctx: Context, direction: 1 | -1): Promise<void> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return;
  const placed = store.tags.filter((t) => t.status !== 'orphaned');
  if (placed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file has no tags yet.'));
    return;
  }
  // From the selection's start: a selected tag is "here", so Previous goes to the one before it.
  const here = editor.document.offsetAt(editor.selection.start);
  const next = direction === 1 ? (placed.find((t) => t.start > here) ?? placed[0]) : ([...placed].reverse().find((t) => t.start < here) ?? placed[placed.length - 1]);
  reveal(editor, next);
}

function reveal(editor: vscode.TextEditor, tag: Tag): void {
  const start = tag.status === 'doubtful' && tag.proposed ? tag.proposed.start : tag.start;
  const end = tag.status === 'doubtful' && tag.proposed ? tag.proposed.end : tag.end;
  const range = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function showTags(ctx: Context): Promise<void> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return;
  if (store.tags.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This file has no tags yet.'));
    return;
  }
  const pick = await vscode.window.showQuickPick(store.tags.map(describe), { placeHolder: vscode.l10n.t('Tags in this file'), matchOnDescription: true, matchOnDetail: true });
  if (pick) reveal(editor, pick.tag);
}

async function settleDoubtful(ctx: Context, accept: boolean, id?: string): Promise<boolean> {
  const editor = activeEditor();
  const store = editor && (await storeOf(ctx, editor));
  if (!editor || !store) return false;
  const doubtful = store.tags.filter((t) => t.status === 'doubtful');
  if (!id && doubtful.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No tag in this file has a doubtful position.'));
    return false;
  }
  const here = editor.document.offsetAt(editor.selection.active);
  const underCursor = doubtful.filter((t) => t.proposed && t.proposed.start <= here && here <= t.proposed.end);
  const tag = await pickTag(store, editor, id, vscode.l10n.t('Which doubtful tag?'), underCursor.length ? underCursor : doubtful);
  if (!tag) return false;
  if (accept) store.confirmProposed(tag.id, editor.document.getText());
  else store.rejectProposed(tag.id);
  await ctx.tags.commit(editor.document);
  return true;
}

async function revealTag(ctx: Context, uri: vscode.Uri, id: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const tag = ctx.tags.get(editor.document)?.store?.get(id);
  if (tag) reveal(editor, tag);
}

/** Runs a command body, turning a refused action into a message instead of an error popup. */
function guarded<A extends unknown[], R>(body: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await body(...args);
    } catch (error) {
      if (error instanceof TagStoreError) {
        void vscode.window.showWarningMessage(error.message);
        return undefined;
      }
      logError('Command failed', error);
      void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };
}

export function register(context: vscode.ExtensionContext, ctx: Context): void {
  const command = <A extends unknown[], R>(id: string, body: (...args: A) => Promise<R>) => context.subscriptions.push(vscode.commands.registerCommand(id, guarded(body)));
  // The editor context menu passes the document's URI first: only strings count as arguments.
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  command(COMMANDS.tagSelection, (label?: unknown, note?: unknown) => tagSelection(ctx, str(label), str(note)));
  command(COMMANDS.removeTag, async (target?: TagTarget) => removeTag(ctx, await targetId(target)));
  command(COMMANDS.editTagNote, async (target?: TagTarget, note?: string) => editTagNote(ctx, await targetId(target), typeof note === 'string' ? note : undefined));
  command(COMMANDS.linkQuoteToSpeaker, (quote?: unknown, speaker?: unknown) => linkQuoteToSpeaker(ctx, str(quote), str(speaker)));
  command(COMMANDS.acceptSuggestion, () => acceptSuggestion(ctx));
  command(COMMANDS.nextTag, () => step(ctx, 1));
  command(COMMANDS.previousTag, () => step(ctx, -1));
  command(COMMANDS.showTags, () => showTags(ctx));
  command(COMMANDS.confirmAnchor, async (target?: TagTarget) => settleDoubtful(ctx, true, await targetId(target)));
  command(COMMANDS.rejectAnchor, async (target?: TagTarget) => settleDoubtful(ctx, false, await targetId(target)));
  command(INTERNAL.revealTag, (uri: vscode.Uri, id: string) => revealTag(ctx, uri, id));
  // Tests of what survives a lost window: memory goes, the sidecars and the backups stay.
  command(INTERNAL.forgetTags, () => Promise.resolve(ctx.tags.forgetAll()));
  command(INTERNAL.tagsOf, async (uri?: vscode.Uri) => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const state = await ctx.tags.load(document);
    return state?.store ? state.store.tags : state?.broken ? { broken: state.broken } : undefined;
  });
}
