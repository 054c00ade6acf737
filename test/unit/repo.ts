// Where the checkout is, for tests that read the project's own files (they may be built anywhere).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The nearest folder up from the test or the working folder with our package.json. */
export function repoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'diplomatic-annotator') return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  throw new Error('package.json of diplomatic-annotator not found above the test or the working folder');
}
