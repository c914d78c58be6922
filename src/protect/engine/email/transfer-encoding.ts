/**
 * Content-Transfer-Encoding decoders for hostile input: one pass, no regexes,
 * output capped by the caller so a 25 MB part costs only what we keep.
 */

/** 6-bit value per byte; 64 = not in the alphabet. URL-safe '-' and '_' are accepted too. */
const B64 = (() => {
  const table = new Uint8Array(256).fill(64);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table[0x2d] = 62;
  table[0x5f] = 63;
  return table;
})();

export interface Base64Result {
  readonly bytes: Uint8Array;
  /** Bytes that were neither alphabet, padding nor whitespace (junk we skipped). */
  readonly junk: number;
}

/**
 * Decode base64, skipping anything outside the alphabet (line breaks, junk),
 * so a damaged part still yields what it can.
 * Stops once `maxOut` bytes are decoded.
 */
export function decodeBase64(
  src: Uint8Array,
  start = 0,
  end = src.length,
  maxOut = Number.POSITIVE_INFINITY,
): Base64Result {
  const cap = Math.min(maxOut, Math.ceil(((end - start) * 3) / 4));
  const out = new Uint8Array(Math.max(0, cap));
  let n = 0;
  let acc = 0;
  let bits = 0;
  let junk = 0;
  for (let i = start; i < end && n < cap; i++) {
    const c = src[i] ?? 0;
    const v = B64[c] ?? 64;
    if (v === 64) {
      // Padding ends a group: drop its left-over bits so two joined encodings both decode.
      if (c === 0x3d) bits = 0;
      else if (c !== 0x0a && c !== 0x0d && c !== 0x20 && c !== 0x09) junk++;
      continue;
    }
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return { bytes: out.subarray(0, n), junk };
}

/** Decoded size of a base64 body without decoding it: alphabet characters × 3/4. */
export function base64DecodedSize(src: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let i = start; i < end; i++) if ((B64[src[i] ?? 0] ?? 64) !== 64) count++;
  return Math.floor((count * 3) / 4);
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Decode quoted-printable. `=XX` is a byte, `=` before a line break is a soft
 * break, and anything else after `=` is kept literally (as mail clients do).
 * With `q` (RFC 2047 Q encoding) '_' is a space.
 */
export function decodeQuotedPrintable(
  src: Uint8Array,
  start = 0,
  end = src.length,
  maxOut = Number.POSITIVE_INFINITY,
  q = false,
): Uint8Array {
  const out = new Uint8Array(Math.max(0, Math.min(maxOut, end - start)));
  let n = 0;
  let i = start;
  while (i < end && n < out.length) {
    const c = src[i] ?? 0;
    if (c !== 0x3d) {
      out[n++] = c === 0x5f && q ? 0x20 : c;
      i++;
      continue;
    }
    const h1 = i + 2 < end ? hexValue(src[i + 1] ?? 0) : -1;
    const h2 = h1 >= 0 ? hexValue(src[i + 2] ?? 0) : -1;
    if (h2 >= 0) {
      out[n++] = (h1 << 4) | h2;
      i += 3;
      continue;
    }
    const next = softBreakEnd(src, i + 1, end);
    if (next >= 0) {
      i = next;
    } else {
      out[n++] = 0x3d;
      i++;
    }
  }
  return out.subarray(0, n);
}

/** After an '=': the index past "optional whitespace, line break" (or the end), or -1 if not a soft break. */
function softBreakEnd(src: Uint8Array, from: number, end: number): number {
  let j = from;
  while (j < end && (src[j] === 0x20 || src[j] === 0x09)) j++;
  if (j >= end) return end;
  if (src[j] === 0x0d) j++;
  if (j < end && src[j] === 0x0a) return j + 1;
  return src[j - 1] === 0x0d ? j : -1;
}
