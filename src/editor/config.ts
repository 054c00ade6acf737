// One typed view of every setting in package.json; rebuilt only when ours change.
import * as vscode from 'vscode';

export interface Config {
  highlight: { quotes: boolean; speakers: boolean; dates: boolean; terms: boolean };
  maxFileSizeKB: number;
  analysisDelay: number;
  glossaryFiles: string[];
  tagLabels: string[];
  tagShowLabels: boolean;
}

const SECTION = 'diplomaticAnnotator';

function read(): Config {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    highlight: {
      quotes: c.get('highlight.quotes', true),
      speakers: c.get('highlight.speakers', true),
      dates: c.get('highlight.dates', true),
      terms: c.get('highlight.terms', true),
    },
    maxFileSizeKB: Math.max(1, c.get('maxFileSizeKB', 5120)),
    analysisDelay: Math.min(5000, Math.max(0, c.get('analysisDelay', 150))),
    glossaryFiles: c.get<string[]>('glossary.files', ['**/*.glossary.yaml']).filter((g) => typeof g === 'string'),
    tagLabels: c.get<string[]>('tags.labels', []).filter((l) => typeof l === 'string' && l.trim() !== ''),
    tagShowLabels: c.get('tags.showLabels', true),
  };
}

export class Settings implements vscode.Disposable {
  private current = read();
  private readonly changed = new vscode.EventEmitter<Config>();
  readonly onDidChange = this.changed.event;
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      this.current = read();
      this.changed.fire(this.current);
    });
  }

  get value(): Config {
    return this.current;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}
