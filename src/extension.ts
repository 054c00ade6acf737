// Wiring only. Activation is light: it claims news files by their first line and stands in for our
// commands; the features (src/features.ts, its own bundle) load when the first news file opens.
import * as vscode from 'vscode';
import { disposeLog, log, logError } from './editor/log';
import * as newsDocuments from './editor/newsDocuments';
import { COMMANDS, INTERNAL } from './editor/commandIds';
import type { Features } from './features';

declare const __daLoadStart: number | undefined;

/** What the extension hands to other extensions and tests: its own timings. */
export interface DiplomaticAnnotatorApi {
  timings(): { activationMs: number; featuresMs?: number; firstAnalysisMs?: number };
}

export function activate(context: vscode.ExtensionContext): DiplomaticAnnotatorApi {
  const entered = performance.now();
  const started = typeof __daLoadStart === 'number' ? __daLoadStart : entered;
  let features: Features | undefined;
  let featuresMs: number | undefined;
  const proxies: vscode.Disposable[] = [];

  const commandIds = [...Object.values(COMMANDS), ...Object.values(INTERNAL)];
  let failed = false;
  const load = (): Features | undefined => {
    if (features || failed) return features;
    for (const p of proxies.splice(0)) p.dispose();
    const t = performance.now();
    failed = true;
    try {
      // A runtime require of the second bundle (dist/features.js), kept out of this one by esbuild.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { registerFeatures } = require('./features.js') as typeof import('./features');
      features = registerFeatures(context);
      failed = false;
      featuresMs = performance.now() - t;
      log().info(`features loaded in ${featuresMs.toFixed(1)} ms`);
      return features;
    } catch (error) {
      logError('Loading the features failed', error);
      const message = vscode.l10n.t('Diplomatic Annotator could not start: {0}', error instanceof Error ? error.message : String(error));
      void vscode.window.showErrorMessage(message);
      // Our commands stay, saying why they cannot run, instead of vanishing.
      for (const id of commandIds) {
        try {
          proxies.push(vscode.commands.registerCommand(id, () => void vscode.window.showErrorMessage(message)));
        } catch {
          // registered by the part of the features that did load
        }
      }
      return undefined;
    }
  };

  try {
    context.subscriptions.push({ dispose: disposeLog });
    newsDocuments.register(context, () => setTimeout(load, 0));
    // Until the features load, our commands load them and run again.
    for (const id of commandIds) {
      proxies.push(vscode.commands.registerCommand(id, (...args: unknown[]) => (load() ? vscode.commands.executeCommand(id, ...args) : undefined)));
    }
    context.subscriptions.push({ dispose: () => proxies.splice(0).forEach((p) => p.dispose()) });
    const activationMs = performance.now() - started;
    log().info(`activated in ${activationMs.toFixed(1)} ms: ${(entered - started).toFixed(1)} ms from loading the bundle to activate(), ${(performance.now() - entered).toFixed(1)} ms in it`);
    return {
      timings: () => {
        const at = features?.firstAnalysisAt();
        return { activationMs, featuresMs, firstAnalysisMs: at === undefined ? undefined : at - started };
      },
    };
  } catch (error) {
    logError('Activation failed', error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Diplomatic Annotator could not start: {0}', error instanceof Error ? error.message : String(error)));
    throw error;
  }
}

export function deactivate(): void {}
