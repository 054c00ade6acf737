// Claims news files as `russian-news`. `firstLine` in the manifest serves extension-less files;
// `.txt` belongs to Plain Text by extension, so a plain-text document whose first line is a news
// header is adopted here, by reading just that line.
import * as vscode from 'vscode';
import { isNewsHeader } from '../core/text';
import { logError } from './log';

export const NEWS_LANGUAGE = 'russian-news';

export function isNewsDocument(document: vscode.TextDocument): boolean {
  return document.languageId === NEWS_LANGUAGE;
}

function looksLikeNews(document: vscode.TextDocument): boolean {
  return document.languageId === 'plaintext' && document.lineCount > 0 && isNewsHeader(document.lineAt(0).text);
}

async function adopt(document: vscode.TextDocument): Promise<void> {
  if (!looksLikeNews(document)) return;
  try {
    await vscode.languages.setTextDocumentLanguage(document, NEWS_LANGUAGE);
  } catch (error) {
    logError(`Could not switch ${document.uri.toString()} to Russian News`, error);
  }
}

/** Adopts news files; `onFirstNews` runs once, when the first news document is seen. */
export function register(context: vscode.ExtensionContext, onFirstNews: () => void): void {
  let seen = false;
  const notice = (document: vscode.TextDocument) => {
    if (seen || !isNewsDocument(document)) return;
    seen = true;
    onFirstNews();
  };
  for (const document of vscode.workspace.textDocuments) {
    notice(document);
    void adopt(document);
  }
  vscode.workspace.onDidOpenTextDocument(
    (d) => {
      notice(d);
      void adopt(d);
    },
    undefined,
    context.subscriptions,
  );
  // A new or pasted header in an untitled plain-text buffer makes it news too.
  vscode.workspace.onDidChangeTextDocument(
    (e) => {
      if (e.document.languageId === 'plaintext' && e.contentChanges.some((c) => c.range.start.line === 0)) void adopt(e.document);
    },
    undefined,
    context.subscriptions,
  );
}
