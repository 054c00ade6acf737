// Activation cost, measured where it happens: in the real extension host. The figure is written to
// .vscode-test/activation.json for `npm run bench`; the test only checks that it was measured.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { eventually, openNews } from './support';

interface Api {
  timings(): { activationMs: number; featuresMs?: number; firstAnalysisMs?: number };
}

describe('activation', () => {
  it('reports its activation time and the time to the first analysed news file', async () => {
    const extension = vscode.extensions.getExtension<Api>('diplomatic-annotator.diplomatic-annotator');
    assert.ok(extension);
    const api = await extension.activate();
    await openNews('briefing.txt');
    const timings = await eventually('the first analysis', () => (api.timings().firstAnalysisMs !== undefined ? api.timings() : undefined));
    assert.ok(timings.activationMs > 0);
    const folder = path.join(extension.extensionPath, '.vscode-test');
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'activation.json'), JSON.stringify({ ...timings, vscode: vscode.version, measuredAt: new Date().toISOString() }) + '\n');
    console.log(`activation ${timings.activationMs.toFixed(1)} ms, features ${timings.featuresMs?.toFixed(1)} ms, first analysis at ${timings.firstAnalysisMs?.toFixed(1)} ms`);
  });
});
