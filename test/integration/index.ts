// The mocha suite as VS Code's extension host runs it: `run()` is called by the host (code-server
// through the web workbench's payload, or @vscode/test-electron) and its promise is the verdict.
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec' });
  // The launcher passes `--grep` through the extension host's environment.
  if (process.env.MOCHA_GREP) mocha.grep(process.env.MOCHA_GREP);
  const files = testFiles(__dirname);
  files.forEach((file) => mocha.addFile(file));
  return runSuite(mocha, `integration suite: ${files.length} test file(s), Node ${process.version}`, 'integration');
}

/**
 * Runs the suite between the two lines the launcher reads (test/harness/run.mjs): `firstLine`,
 * from which on it shows the terminal everything, and `N passed, N failed` last.
 */
export function runSuite(mocha: Mocha, firstLine: string, what: string): Promise<void> {
  console.log(firstLine);
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        const failed = runner.stats?.failures ?? failures;
        // CI reads this line; mocha's own summary is for people.
        console.log(`${passed} passed, ${failed} failed`);
        if (failed > 0) reject(new Error(`${failed} ${what} test(s) failed`));
        else resolve();
      });
    } catch (error) {
      // A test file that throws while loading never reaches the runner.
      console.error(error);
      console.log('0 passed, 1 failed');
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
