// Makes the README's screenshots with the project's own harness (code-server + headless chromium):
//   node scripts/screenshots.mjs            → images/screenshot-{dark,light,high-contrast}.png
import path from 'node:path';
import { takeScreenshot } from '../test/harness/start.mjs';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const sample = 'samples/asean-cyber-convention.txt';

/** Puts the cursor inside a quote (its speaker lights up), then hovers a treaty term. */
async function showOff(page) {
  const word = (text) => page.locator('.monaco-editor .view-line span span', { hasText: text }).first();
  await word('рассчитываем').click();
  await page.waitForTimeout(600);
  const term = word('ратификация');
  const box = await term.boundingBox();
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('.monaco-hover:not(.hidden)').first().waitFor({ timeout: 10_000 }).catch(() => {});
    await page.waitForTimeout(800);
  }
}

const shots = [
  ['images/screenshot-dark.png', 'Default Dark Modern'],
  ['images/screenshot-light.png', 'Default Light Modern'],
  ['images/screenshot-high-contrast.png', 'Dark High Contrast'],
];
for (const [file, theme] of shots) {
  await takeScreenshot({ file: path.join(root, file), theme, open: sample, size: '1280x760', settleMs: 3000, beforeShot: showOff });
}
