// Regenerates test/fixtures/grammar/*.scopes.json from the current grammar.
// Run it after a deliberate grammar change, then read the goldens' git diff: it is the review of that change.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const out = path.join('out', 'goldens');
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });

run(process.execPath, ['scripts/build.mjs', '--only', 'test/unit/grammar.test.ts', '--out', out]);
run(process.execPath, [path.join('node_modules', 'mocha', 'bin', 'mocha.js'), '--no-config', '--grep', 'golden fixtures', path.join(out, 'grammar.test.js')], { UPDATE_GOLDENS: '1' });
console.log('Goldens rewritten; review them with: git diff test/fixtures/grammar');
