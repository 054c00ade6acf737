// Costs measured where they happen: in the real extension host. The figures are written to
// .vscode-test/host-metrics.json for `npm run bench`; the tests check only that they were measured.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, openNews } from './support';

interface Api {
  timings(): { activationMs: number; featuresMs?: number; firstAnalysisMs?: number };
}

const extension = () => {
  const e = vscode.extensions.getExtension<Api>('diplomatic-annotator.diplomatic-annotator');
  assert.ok(e);
  return e;
};

function record(values: Record<string, unknown>): void {
  // An installed copy lives in a throw-away extensions folder: the launcher then names the checkout's.
  const folder = process.env.DA_METRICS_DIR ?? path.join(extension().extensionPath, '.vscode-test');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'host-metrics.json');
  let previous: Record<string, unknown> = {};
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // first figures of this run
  }
  writeFileSync(file, JSON.stringify({ ...previous, ...values, vscode: vscode.version, measuredAt: new Date().toISOString() }) + '\n');
}

describe('costs in the extension host', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('reports its activation time and the time to the first analysed news file', async () => {
    const api = await extension().activate();
    await openNews('briefing.txt');
    const timings = await eventually('the first analysis', () => (api.timings().firstAnalysisMs !== undefined ? api.timings() : undefined));
    assert.ok(timings.activationMs > 0);
    record({ ...timings });
    console.log(`activation ${timings.activationMs.toFixed(1)} ms, features ${timings.featuresMs?.toFixed(1)} ms, first analysis at ${timings.firstAnalysisMs?.toFixed(1)} ms`);
  });

  it('analyses a 1 MB news file and reports the extension host memory after it', async function () {
    this.timeout(60_000);
    const briefing = readFileSync(path.join(process.env.DA_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders![0].uri.fsPath, 'briefing.txt'), 'utf8');
    const body = briefing.slice(briefing.indexOf('\n') + 1);
    let text = briefing;
    while (Buffer.byteLength(text) < 1024 * 1024) text += body;
    const before = process.memoryUsage();
    const document = await vscode.workspace.openTextDocument({ language: 'russian-news', content: text });
    await vscode.window.showTextDocument(document);
    const analysis = await eventually('the analysis of the 1 MB file', () => vscode.commands.executeCommand<{ annotations: unknown[] } | undefined>('diplomaticAnnotator.internal.analysisOf', document.uri), 30_000);
    assert.ok(analysis.annotations.length > 1000);
    const after = process.memoryUsage();
    record({ hostHeapMB1MB: +(after.heapUsed / 1048576).toFixed(1), hostRssMB1MB: +(after.rss / 1048576).toFixed(1), hostHeapGrowthMB1MB: +((after.heapUsed - before.heapUsed) / 1048576).toFixed(1)});
    console.log(`1 MB file analysed: heap ${(after.heapUsed / 1048576).toFixed(0)} MB, rss ${(after.rss / 1048576).toFixed(0)} MB`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
