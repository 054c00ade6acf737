// VS Code's own TextMate tokenizer running the project's grammar: the yardstick for analysis speed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

export async function loadGrammar(root: string): Promise<textmate.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.news.russian') return null;
      const file = path.join(root, 'syntaxes', 'russian-news.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(file, 'utf8'), file);
    },
  });
  const grammar = await registry.loadGrammar('text.news.russian');
  if (!grammar) throw new Error('grammar text.news.russian not found');
  return grammar;
}

/** Tokenizes every line as the editor's first paint does, carrying the rule stack across lines. */
export function tokenizeAll(grammar: textmate.IGrammar, text: string): number {
  let stack = textmate.INITIAL;
  let tokens = 0;
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine2(line, stack, 0);
    tokens += r.tokens.length / 2;
    stack = r.ruleStack;
  }
  return tokens;
}
