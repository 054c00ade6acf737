// The mocha suite of the window test/harness/run.mjs opens after it closed the suite's window at
// the request of ../reopen.test.ts: VS Code started again on the same folder. Same output contract
// as ../index.ts; the launcher adds its count to the other windows'.
import Mocha from 'mocha';
import path from 'node:path';
import { runSuite } from '../index';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  // Not `*.test.js`: the first window's suite collects those from the whole folder tree.
  mocha.addFile(path.join(__dirname, 'checks.js'));
  return runSuite(mocha, `integration suite: VS Code started again, Node ${process.version}`, 'after-reopen');
}
