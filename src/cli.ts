// The same core from a terminal: analyze a news file; check, export and import its tags.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from './core/analysis/analyze';
import { decodeText } from './core/decode';
import { toBrat, toCodePoints, toW3C } from './core/export/analysisFormats';
import { checkTags } from './core/sidecar/check';
import { exportBrat, exportCsv, exportW3c, importBrat } from './core/sidecar/formats';
import { parseSidecar } from './core/sidecar/parse';
import { serializeSidecar } from './core/sidecar/serialize';
import { sidecarPathFor } from './core/sidecar/paths';
import type { SidecarDocument } from './core/sidecar/types';
import { TagStore } from './core/tags/store';

const USAGE = `Usage:
  diplomatic-annotator analyze [--format json|brat|w3c] FILE...
      find quotes, speakers, dates and treaty terms
  diplomatic-annotator check [--fix] [--json] FILE...
      check that every tag in FILE.tags.yaml is still on its words
      (exit 0: all anchored; 1: some doubtful or orphaned; 2: a broken sidecar or unreadable file)
  diplomatic-annotator export --format brat|w3c|csv FILE
      print FILE's tags
  diplomatic-annotator import --from brat FILE
      read the brat .ann beside FILE (doc.txt <- doc.ann) into FILE.tags.yaml
  diplomatic-annotator --help

Offsets in every output count Unicode code points, end exclusive.`;

class UsageError extends Error {}

function readText(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.text;
}

function option(args: string[], name: string, allowed: readonly string[], fallback: string): string {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = args[i + 1];
  if (!value || !allowed.includes(value)) throw new UsageError(`${name} takes one of: ${allowed.join(', ')}`);
  args.splice(i, 2);
  return value;
}

function analyzeCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const format = option(args, '--format', ['json', 'brat', 'w3c'], 'json');
  if (args.length === 0) throw new UsageError('analyze needs at least one FILE');
  let failed = 0;
  const files: object[] = [];
  for (const file of args) {
    let text: string;
    try {
      text = readText(file);
    } catch (error) {
      err(`diplomatic-annotator: ${file}: ${(error as Error).message}`);
      failed++;
      continue;
    }
    // A BOM is not part of the text offsets count from.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const annotations = toCodePoints(text, analyze(text).annotations);
    if (format === 'json') files.push({ file, annotations });
    else if (format === 'brat') out((args.length > 1 ? `# ${file}\n` : '') + toBrat(annotations));
    else files.push(toW3C(file, text, annotations));
  }
  if (format === 'json') out(JSON.stringify({ files }, null, 2) + '\n');
  else if (format === 'w3c') out(JSON.stringify(files.length === 1 ? files[0] : files, null, 2) + '\n');
  return failed ? 1 : 0;
}

/** A sidecar with the text it belongs to, or a message saying why not. */
function loadTagged(file: string): { text: string; sidecarPath: string; sidecar?: SidecarDocument } {
  const text = readText(file);
  const sidecarPath = sidecarPathFor(file);
  if (!existsSync(sidecarPath)) return { text, sidecarPath };
  const parsed = parseSidecar(readText(sidecarPath));
  if (!parsed.ok) {
    const e = parsed.errors[0];
    throw new Error(`${sidecarPath}:${e.line}:${e.column}: ${e.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}`);
  }
  return { text, sidecarPath, sidecar: parsed.sidecar };
}

/** Temporary file, then rename: a reader sees the old sidecar or the new one, never half. */
function writeAtomically(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function checkCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  const fix = takeFlag(args, '--fix');
  const json = takeFlag(args, '--json');
  if (args.length === 0) throw new UsageError('check needs at least one FILE');
  let exit = 0;
  const files: object[] = [];
  for (const file of args) {
    let loaded;
    try {
      loaded = loadTagged(file);
    } catch (error) {
      err(`diplomatic-annotator: ${file}: ${(error as Error).message}`);
      exit = 2;
      continue;
    }
    const { text, sidecarPath, sidecar } = loaded;
    if (!sidecar) {
      files.push({ file, sidecar: null, tags: [] });
      if (!json) out(`${file}: no sidecar (${sidecarPath})\n`);
      continue;
    }
    const report = checkTags(sidecar, text);
    if (!report.allAnchored) exit = Math.max(exit, 1);
    if (fix && report.fixed !== sidecar) writeAtomically(sidecarPath, serializeSidecar(report.fixed));
    files.push({ file, sidecar: sidecarPath, tags: report.tags.map((t) => ({ id: t.id, label: t.label, status: t.status, start: t.start, end: t.end, text: t.text })) });
    if (!json) {
      const counts = new Map<string, number>();
      for (const t of report.tags) counts.set(t.status, (counts.get(t.status) ?? 0) + 1);
      out(`${file}: ${report.tags.length} tags — ${['anchored', 'moved', 'doubtful', 'orphaned'].map((s) => `${counts.get(s) ?? 0} ${s}`).join(', ')}${fix && report.fixed !== sidecar ? ' (moved tags written)' : ''}\n`);
      for (const t of report.tags) if (t.status !== 'anchored') out(`  ${t.status.padEnd(8)} ${t.id} ${t.label} ${t.start}-${t.end} ${JSON.stringify(t.text.length > 60 ? t.text.slice(0, 59) + '…' : t.text)}\n`);
    }
  }
  if (json) out(JSON.stringify({ files }, null, 2) + '\n');
  return exit;
}

function exportCommand(args: string[], out: (s: string) => void): number {
  const format = option(args, '--format', ['brat', 'w3c', 'csv'], '');
  if (!format) throw new UsageError('export needs --format brat|w3c|csv');
  if (args.length !== 1) throw new UsageError('export takes one FILE');
  const { text, sidecar } = loadTagged(args[0]);
  if (!sidecar) throw new Error(`no tags: ${sidecarPathFor(args[0])} does not exist`);
  // Export where the tags are now, not where the sidecar last saw them.
  const current = checkTags(sidecar, text).fixed;
  out(format === 'brat' ? exportBrat(current) : format === 'w3c' ? exportW3c(current, args[0]) + '\n' : exportCsv(current));
  return 0;
}

function importCommand(args: string[], out: (s: string) => void, err: (s: string) => void): number {
  option(args, '--from', ['brat'], 'brat');
  if (args.length !== 1) throw new UsageError('import takes one FILE');
  const file = args[0];
  const annPath = file.replace(/\.[^./\\]*$/, '') + '.ann';
  if (!existsSync(annPath)) throw new Error(`no brat file beside it: ${annPath}`);
  const { text, sidecarPath, sidecar } = loadTagged(file);
  const { tags, problems } = importBrat(readText(annPath), text);
  for (const p of problems) err(`diplomatic-annotator: ${annPath}:${p.line}: ${p.message}`);
  const store = sidecar ? TagStore.fromSidecar(path.basename(file), sidecar, text).store : new TagStore(path.basename(file));
  const added = store.addAll(tags);
  writeAtomically(sidecarPath, store.serialize(text));
  out(`${sidecarPath}: ${added.length} tag(s) imported from ${annPath}${tags.length > added.length ? `, ${tags.length - added.length} already there` : ''}\n`);
  return problems.length ? 1 : 0;
}

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i !== -1) args.splice(i, 1);
  return i !== -1;
}

export function main(argv: string[], out: (s: string) => void = (s) => void process.stdout.write(s), err: (s: string) => void = (s) => void process.stderr.write(s + '\n')): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'analyze':
        return analyzeCommand(args, out, err);
      case 'check':
        return checkCommand(args, out, err);
      case 'export':
        return exportCommand(args, out);
      case 'import':
        return importCommand(args, out, err);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        out(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      err(`diplomatic-annotator: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    err(`diplomatic-annotator: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
