// The second VS Code window's mocha suite (test/harness/run.mjs opens that window when the first
// window's two-window test asks for it). Same output contract as ../index.ts: a first line, and
// `N passed, N failed` from the runner's stats, which the launcher adds to the first window's.
import Mocha from 'mocha';
import path from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Not `*.test.js`: the first window's suite collects those from the whole folder tree.
  mocha.addFile(path.join(__dirname, 'steps.js'));
  console.log(`integration suite: the second window, Node ${process.version}`);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} second-window test(s) failed`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      console.log('0 passed, 1 failed');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
