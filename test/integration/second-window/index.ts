// The second VS Code window's mocha suite (test/harness/run.mjs opens that window when the first
// window's two-window test asks for it). Same output contract as ../index.ts: a first line, and
// `N passed, N failed` from the runner's stats, which the launcher adds to the first window's.
import Mocha from 'mocha';
import path from 'node:path';
import { runSuite } from '../index';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Not `*.test.js`: the first window's suite collects those from the whole folder tree.
  mocha.addFile(path.join(__dirname, 'steps.js'));
  return runSuite(mocha, `integration suite: the second window, Node ${process.version}`, 'second-window');
}
