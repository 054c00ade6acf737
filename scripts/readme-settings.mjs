// Writes the README's settings table from package.json (between the settings markers).
//   node scripts/readme-settings.mjs          rewrite README.md
//   node scripts/readme-settings.mjs --check  exit 1 when the README is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function settingsTable(pkg, nls) {
  const rows = Object.entries(pkg.contributes.configuration.properties).map(([key, p]) => {
    const text = (p.markdownDescription ?? p.description ?? '').replace(/^%(.*)%$/, (_, k) => nls[k] ?? k);
    return `| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${text.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`;
  });
  return ['<!-- settings:start -->', '| setting | default | what it does |', '| --- | --- | --- |', ...rows, '<!-- settings:end -->'].join('\n');
}

export function updatedReadme(readme, pkg, nls) {
  const table = settingsTable(pkg, nls);
  const marked = /<!-- settings:start -->[\s\S]*?<!-- settings:end -->/;
  if (marked.test(readme)) return readme.replace(marked, table);
  return readme.replace(/\| setting \| default \| what it does \|\n\| --- \| --- \| --- \|\nSETTINGS_TABLE/, table);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const next = updatedReadme(readme, pkg, nls);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md settings table is out of date: run node scripts/readme-settings.mjs');
      process.exit(1);
    }
  } else writeFileSync(file, next);
}
