// A small YAML emitter with one fixed style, so the same data always gives the same bytes:
// block collections, two-space indent, plain scalars only where no YAML reader could misread
// them, double quotes with escapes otherwise, never a folded line.

const PLAIN = /^[\p{L}_][\p{L}\p{N}_\-.]*$/u;
const MISREAD = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;

/** True when `s` can be written unquoted and read back as the same string by any YAML reader. */
export function isPlainSafe(s: string): boolean {
  return PLAIN.test(s) && !MISREAD.test(s) && !s.endsWith('.') && !s.endsWith('-') && !/\.\./.test(s);
}

function hex(c: number, width: number): string {
  return c.toString(16).toUpperCase().padStart(width, '0');
}

/** A double-quoted YAML scalar; everything a reader could mangle is escaped. */
export function quoted(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x00) out += '\\0';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += '\\x' + hex(c, 2);
    else if (c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) out += '\\u' + hex(c, 4);
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i] + s[i + 1];
        i++;
      } else out += '\\u' + hex(c, 4);
    } else if (c >= 0xdc00 && c <= 0xdfff) out += '\\u' + hex(c, 4);
    else out += s[i];
  }
  return out + '"';
}

export function key(k: string): string {
  return isPlainSafe(k) ? k : quoted(k);
}

/** One scalar (or empty collection) written inline. */
export function scalar(v: unknown, forceQuote = false): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return '.nan';
    if (v === Infinity) return '.inf';
    if (v === -Infinity) return '-.inf';
    return Object.is(v, -0) ? '-0.0' : String(v);
  }
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'string') return !forceQuote && isPlainSafe(v) ? v : quoted(v);
  if (v instanceof Date) return quoted(v.toISOString());
  if (Array.isArray(v)) return '[]';
  if (typeof v === 'object') return '{}';
  return quoted(String(v));
}

function isBlock(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && typeof v === 'object' && !(v instanceof Date) && Object.keys(v).length > 0;
}

/** Keys whose string values are always quoted, so free text looks the same in every tag. */
export type QuotePolicy = (key: string) => boolean;
const neverForce: QuotePolicy = () => false;

export function writeEntries(entries: Iterable<[string, unknown]>, indent: string, out: string[], force: QuotePolicy = neverForce): void {
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    if (isBlock(v)) {
      out.push(`${indent}${key(k)}:`);
      writeBlock(v, indent + '  ', out, force);
    } else out.push(`${indent}${key(k)}: ${scalar(v, force(k))}`);
  }
}

export function writeBlock(v: unknown, indent: string, out: string[], force: QuotePolicy = neverForce): void {
  if (Array.isArray(v)) {
    for (const item of v) writeItem(item, indent, out, force);
  } else writeEntries(Object.entries(v as Record<string, unknown>), indent, out, force);
}

/** A sequence item; a collection item starts on the dash line ("- key: value"). */
export function writeItem(item: unknown, indent: string, out: string[], force: QuotePolicy = neverForce): void {
  if (!isBlock(item)) {
    out.push(`${indent}- ${scalar(item === undefined ? null : item)}`);
    return;
  }
  const lines: string[] = [];
  writeBlock(item, indent + '  ', lines, force);
  lines[0] = `${indent}- ${lines[0].slice(indent.length + 2)}`;
  out.push(...lines);
}
