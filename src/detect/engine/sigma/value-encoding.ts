/**
 * The encoding modifiers: `wide`/`utf16le`, `utf16be`, `utf16` (with a byte-order mark), `base64`
 * and `base64offset` (the three shifted encodings a value has inside a longer base64 text).
 * Pure; bytes are plain number arrays.
 */

export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

export function utf16Bytes(text: string, order: 'le' | 'be', bom: boolean): number[] {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (order === 'le') out.push(u & 255, u >> 8);
    else out.push(u >> 8, u & 255);
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/**
 * The value as it appears inside base64 text at each of the three byte offsets, trimmed of the
 * characters that depend on neighbouring bytes (the same slices as the Sigma reference tools).
 */
export function base64Offsets(bytes: readonly number[]): string[] {
  const start = [0, 2, 3];
  const endTrim = [0, 3, 2];
  const out: string[] = [];
  for (let i = 0; i < 3; i++) {
    const shifted = [...new Array<number>(i).fill(0x20), ...bytes];
    const encoded = base64(shifted);
    const trim = endTrim[(bytes.length + i) % 3] as number;
    out.push(encoded.slice(start[i] as number, encoded.length - trim));
  }
  return out;
}
