// A writer killed in the middle of writing a sidecar leaves the old sidecar or the new one, never
// half of one. The CLI writes the way the editor does on a local disk: a temporary file, then rename.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseSidecar } from '../../src/core/sidecar/parse';
import { repoRoot } from './repo';

const cli = path.join(repoRoot(), 'dist', 'cli.js');

function runAndKill(args: string[], afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a writer killed mid-write', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'da-crash-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves a sidecar that is whole, old or new', async () => {
    const sentence = 'Стороны подписали протокол о намерениях и договорились о консультациях. ';
    const text = ' date 2025-08-01 Т\n\n' + sentence.repeat(1500);
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, text);
    // 1,500 brat entities: a sidecar of about a megabyte, so a write takes long enough to be interrupted.
    const lines: string[] = [];
    let at = text.indexOf('протокол');
    for (let i = 1; i <= 12_000 && at !== -1; i++) {
      lines.push(`T${i}\tnote ${at} ${at + 8}\tпротокол`);
      at = text.indexOf('протокол', at + 1);
    }
    writeFileSync(path.join(dir, 'big.ann'), lines.join('\n') + '\n');
    const sidecar = file + '.tags.yaml';
    // How long a whole run takes here; the kills land from half of that to just past the end.
    const started = Date.now();
    await runAndKill(['import', '--from', 'brat', file], 60_000);
    const whole = Date.now() - started;
    assert.ok(parseSidecar(readFileSync(sidecar, 'utf8')).ok);
    rmSync(sidecar);
    const seen = new Set<string>();
    for (let k = 0; k < 8; k++) {
      const delay = Math.round(whole * (0.5 + (0.6 * k) / 7));
      await runAndKill(['import', '--from', 'brat', file], delay);
      if (!existsSync(sidecar)) {
        seen.add('none yet');
        continue;
      }
      const parsed = parseSidecar(readFileSync(sidecar, 'utf8'));
      assert.ok(parsed.ok, `killed after ${delay} ms: the sidecar still parses`);
      seen.add(`${parsed.sidecar.tags.length} tags`);
      // The next run merges into what is there; a whole file is all a reader may ever see.
      rmSync(sidecar);
    }
    if (process.env.SHOW_FIGURES) console.log([...seen].join(', '));
    assert.ok(seen.size >= 1);
  });
});
