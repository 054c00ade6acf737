// Turns file bytes into text, or says clearly why they are not news text.

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

export function decodeText(bytes: Uint8Array): Decoded {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, bom };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 (Windows-1251 or another encoding?); convert it to UTF-8 first' };
  }
}
