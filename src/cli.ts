// The same core from a terminal: analyze, and (with tags) check, export, import.
import { readFileSync } from 'node:fs';
import { analyze } from './core/analysis/analyze';
import { decodeText } from './core/decode';
import { toBrat, toCodePoints, toW3C } from './core/export/analysisFormats';

const USAGE = `Usage:
  diplomatic-annotator analyze [--format json|brat|w3c] FILE...
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

export function main(argv: string[], out = (s: string) => process.stdout.write(s), err = (s: string) => process.stderr.write(s + '\n')): number {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'analyze':
        return analyzeCommand(args, out, err);
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
    err(`diplomatic-annotator: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
