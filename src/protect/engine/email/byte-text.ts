/**
 * Bytes to text without surprises: every charset TextDecoder knows (WHATWG
 * Encoding, the same in browsers and Node), and a fallback for the rest —
 * UTF-8 when the bytes are valid UTF-8, else windows-1252 (what mail clients
 * assume for unlabelled 8-bit text). Nothing here throws.
 */

const SHORT = 64;
let wideDecoder: TextDecoder | undefined;

/** Each byte as one UTF-16 unit (ISO-8859-1). Used for ASCII structure such as boundaries and header names. */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  if (end - start <= SHORT) {
    let out = '';
    for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i] ?? 0);
    return out;
  }
  // Widen to 16-bit units and let the native UTF-16 decoder build the string: far faster than
  // String.fromCharCode over megabytes. The decoder follows the platform's byte order.
  if (wideDecoder === undefined) {
    const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
    wideDecoder = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be');
  }
  const wide = new Uint16Array(end - start);
  wide.set(bytes.subarray(start, end));
  return wideDecoder.decode(wide);
}

export function isAscii(bytes: Uint8Array, start = 0, end = bytes.length): boolean {
  for (let i = start; i < end; i++) if ((bytes[i] ?? 0) > 0x7f) return false;
  return true;
}

const decoders = new Map<string, TextDecoder | null>();
let strictUtf8: TextDecoder | undefined;

/** A cached decoder for a charset label, or null when TextDecoder does not know it. */
function decoderFor(label: string): TextDecoder | null {
  const key = label.trim().toLowerCase();
  const cached = decoders.get(key);
  if (cached !== undefined) return cached;
  let decoder: TextDecoder | null = null;
  try {
    decoder = new TextDecoder(key);
    // The "replacement" encoding turns a whole part into one U+FFFD; a guess reads better.
    if (decoder.encoding === 'replacement') decoder = null;
  } catch {
    decoder = null;
  }
  if (decoders.size < 256) decoders.set(key, decoder);
  return decoder;
}

/** What windows-1252 puts at 0x80–0x9F (the rest is Latin-1); 0 = undefined, kept as the C1 control. */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0,
  0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0, 0x17e, 0x178,
];

/**
 * windows-1252 by hand: some Node versions' TextDecoder decodes this label as
 * ISO-8859-1 (0x80 → U+0080 instead of €), and browsers do not; this is the same everywhere.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin1(bytes);
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c <= 0x9f && CP1252_HIGH[c - 0x80] !== 0) {
      out += text.slice(from, i) + String.fromCharCode(CP1252_HIGH[c - 0x80] ?? c);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** UTF-8 if the bytes are valid UTF-8, else windows-1252. */
export function decodeGuess(bytes: Uint8Array): string {
  // ASCII is valid UTF-8, and the native decoder is the fastest way to read it too.
  strictUtf8 ??= new TextDecoder('utf-8', { fatal: true });
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

export interface Decoded {
  readonly text: string;
  /** False when the charset was unknown and we guessed. */
  readonly known: boolean;
}

/** Decode with the declared charset; unknown or missing charsets are guessed. */
export function decodeCharset(bytes: Uint8Array, charset: string): Decoded {
  const label = charset.split('*')[0] ?? '';
  if (label === '') return { text: decodeGuess(bytes), known: true };
  const decoder = decoderFor(label);
  if (decoder === null) return { text: decodeGuess(bytes), known: false };
  if (isAsciiCompatible(decoder.encoding) && isAscii(bytes))
    return { text: decodeGuess(bytes), known: true };
  if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(bytes), known: true };
  return { text: decoder.decode(bytes), known: true };
}

/** Encodings where bytes below 0x80 are ASCII (all but UTF-16 and ISO-2022-JP's escapes). */
function isAsciiCompatible(encoding: string): boolean {
  return !encoding.startsWith('utf-16') && encoding !== 'iso-2022-jp';
}

/** Lower-case without changing the length, so offsets into the result are offsets into `text`. */
export function asciiLower(text: string): string {
  // Lower-casing never shortens a character; when the total length is unchanged, no
  // character changed length, so every offset still lines up (the usual case, and fast).
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  // Rare: some character grows (İ → i̇). Then lower-case ASCII letters only.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 32) : text[i];
  }
  return out;
}
