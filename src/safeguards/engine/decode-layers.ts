/**
 * Finds text hidden in an encoding — base64, hex, URL percent-encoding, rot13 —
 * and returns the decoded text so it can be scored like any other prompt.
 * Works on the raw (not lower-cased) text, since base64 is case-sensitive.
 * Every pattern is linear (no nested ambiguous quantifiers) and the total
 * decoded size is bounded.
 */
import { fromBase64 } from '../../platform/engine-kit/model/weight-codec.js';

export type Encoding = 'base64' | 'hex' | 'url' | 'rot13';

export interface DecodedLayer {
  readonly encoding: Encoding;
  readonly text: string;
  /** The encoded run as it appears in the prompt (the whole prompt for rot13). */
  readonly run: string;
  /** The start of the encoded run in the prompt (clipped), for the reason's evidence. */
  readonly evidence: string;
  /** The hidden request alone, when it differs from `text` (rot13: only the parts that decode to English). */
  readonly payload?: string;
}

const MAX_RUNS = 8;
const MAX_DECODED_CHARS = 16_384;
const MIN_CODE_RUN = 16;
const HEX_RUN_DIGITS = 24;
// Classes of ASCII characters for the scans below.
const CODE = 1; // base64 / base64url: A-Z a-z 0-9 + / _ -
const HEX = 2; // 0-9 a-f A-F
const HEX_GAP = 4; // the separators HEX_RUN allows: space, colon
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9+/_-]/.test(ch)) ASCII_CLASS[c] = (ASCII_CLASS[c] as number) | CODE;
  if (/[0-9a-fA-F]/.test(ch)) ASCII_CLASS[c] = (ASCII_CLASS[c] as number) | HEX;
  if (ch === ' ' || ch === ':') ASCII_CLASS[c] = (ASCII_CLASS[c] as number) | HEX_GAP;
}
const classOf = (c: number): number => (c < 128 ? (ASCII_CLASS[c] as number) : 0);

/**
 * One pass over the char codes for two questions. The maximal runs of base64 / base64url
 * characters (with up to two `=` after them) at least 16 long, as
 * `/[A-Za-z0-9+/_-]+={0,2}/g` finds them — a substring is cut only for the long runs (a
 * regex match per word costs more than the scan). And whether HEX_RUN can match: a match
 * lies inside a stretch of hex digits, spaces and colons holding at least 24 digits; prose
 * rarely has one, and the regex tries its twelve-pair loop from every position.
 */
export function scanRuns(raw: string): { readonly codeRuns: string[]; readonly hexRun: boolean } {
  const codeRuns: string[] = [];
  let hexRun = false;
  let digits = 0;
  let runStart = -1;
  const n = raw.length;
  for (let i = 0; i <= n; i++) {
    const cls = i < n ? classOf(raw.charCodeAt(i)) : 0;
    if ((cls & HEX) !== 0) {
      digits += 1;
      if (digits >= HEX_RUN_DIGITS) hexRun = true;
    } else if ((cls & HEX_GAP) === 0) {
      digits = 0;
    }
    if ((cls & CODE) !== 0) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart < 0) continue;
    // A run ends here: up to two `=` belong to it.
    let end = i;
    if (raw.charCodeAt(end) === 61) end += raw.charCodeAt(end + 1) === 61 ? 2 : 1;
    if (end - runStart >= MIN_CODE_RUN) codeRuns.push(raw.slice(runStart, end));
    runStart = -1;
    if (end > i) {
      // The `=` are not hex digits nor separators: the hex stretch restarts after them.
      digits = 0;
      i = end - 1;
    }
  }
  return { codeRuns, hexRun };
}

const URL_SAFE = /[-_]/;
const STANDARD = /[+/]/;
const HEX_RUN = /(?:[0-9a-fA-F]{2}[ :]?){12,}/g;
const ESCAPED_HEX_RUN = /(?:\\x[0-9a-fA-F]{2}){6,}/g;
const PERCENT_ESCAPE = /%[0-9a-fA-F]{2}/g;
const utf8Encoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Plausible text: mostly printable, some letters and spaces. */
function looksLikeText(text: string): boolean {
  if (text.length < 8) return false;
  let printable = 0;
  let letters = 0;
  let spaces = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) continue;
    if (c >= 0x20 || c === 10 || c === 13 || c === 9) printable += 1;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0xbf) letters += 1;
    if (c === 32) spaces += 1;
  }
  return printable / text.length > 0.95 && letters / text.length > 0.5 && spaces >= 1;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function hexBytes(hex: string): Uint8Array {
  const digits = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Percent-decode the whole text (other characters kept as their UTF-8 bytes). */
function percentDecode(text: string): string {
  const parts = text.split(PERCENT_ESCAPE);
  const escapes = text.match(PERCENT_ESCAPE) ?? [];
  const bytes: number[] = [];
  parts.forEach((part, i) => {
    for (const b of utf8Encoder.encode(part)) bytes.push(b);
    const e = escapes[i];
    if (e !== undefined) bytes.push(Number.parseInt(e.slice(1), 16));
  });
  return utf8.decode(Uint8Array.from(bytes));
}

function base64Decode(run: string, urlSafe: boolean): string | null {
  let s = urlSafe ? run.replace(/-/g, '+').replace(/_/g, '/') : run;
  const trimmed = s.replace(/=+$/, '');
  s = trimmed + '='.repeat((4 - (trimmed.length % 4)) % 4);
  if (s.length % 4 === 1) return null;
  const bytes = fromBase64(s);
  return bytes === null ? null : utf8.decode(bytes);
}

const ROT13_HINTS = new Set([
  'the',
  'and',
  'to',
  'of',
  'how',
  'write',
  'code',
  'for',
  'me',
  'you',
  'is',
  'that',
  'with',
  'in',
  'on',
  'a',
  'i',
  'make',
  'create',
  'can',
  'what',
  'into',
  'without',
  'script',
  'from',
  // Common Spanish words too, so a rot13-encoded Spanish request is found as well.
  'que',
  'de',
  'la',
  'el',
  'los',
  'las',
  'una',
  'para',
  'con',
  'por',
  'del',
  'como',
  'escribe',
  'haz',
  'crea',
]);

/** rot13 of ASCII letters. */
export function rot13(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + 13) % 26) + 65);
    else if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else out += text[i];
  }
  return out;
}

const MAX_HINT_LETTERS = 7;

/** A word of at most 7 letters a-z as a number (5 bits a letter), so looking it up cuts no substring. */
function letterKey(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) key = key * 32 + (text.charCodeAt(i) - 96);
  return key;
}

const hintKeys = (words: Iterable<string>): Set<number> =>
  new Set(
    [...words]
      .filter((w) => /^[a-z]+$/.test(w) && w.length <= MAX_HINT_LETTERS)
      .map((w) => letterKey(w, 0, w.length)),
  );
const ROT13_HINT_KEYS = hintKeys(ROT13_HINTS);
const ROT13_HINT_KEYS_ENCODED = hintKeys([...ROT13_HINTS].map(rot13));

/**
 * Common English words in the text as written, and in its rot13 reading (without building it):
 * the runs of letters a-z of at most 7 letters, looked up by their letter key.
 */
function commonWordHits(lower: string): { readonly plain: number; readonly rotated: number } {
  let plain = 0;
  let rotated = 0;
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    if (c < 97 || c > 122) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < lower.length && lower.charCodeAt(i) >= 97 && lower.charCodeAt(i) <= 122) i += 1;
    if (i - start > MAX_HINT_LETTERS) continue;
    const key = letterKey(lower, start, i);
    if (ROT13_HINT_KEYS.has(key)) plain += 1;
    if (ROT13_HINT_KEYS_ENCODED.has(key)) rotated += 1;
  }
  return { plain, rotated };
}

const ROT13_NAMED = /\brot-?13\b|\bcaesar\b/i;

/**
 * The rot13 reading when it reads as English clearly better than the text
 * itself (or the prompt names rot13 and some of it decodes to English). The
 * reading keeps the text as written too, so a plain-English instruction around
 * the encoded part is not lost.
 */
function rot13Layer(text: string): DecodedLayer | null {
  const sample = text.length > 1024 ? text.slice(0, 1024) : text;
  const { plain, rotated } = commonWordHits(sample.toLowerCase());
  const named = ROT13_NAMED.test(sample);
  if (named ? rotated < 2 : rotated < 3 || rotated < 2 * plain + 2) return null;
  return {
    encoding: 'rot13',
    text: `${text}\n${rot13(text)}`,
    run: text,
    evidence: clip(sample),
    payload: rot13Payload(text),
  };
}

const SEGMENT = /[^:\n]+[:\n]*/g;

/**
 * The rot13-decoded parts of a prompt without the plain-English instruction around them
 * ("The following is rot13, decode it: …"): rotating that instruction too would add
 * gibberish that dilutes the hidden request. A part is kept (rotated) unless it reads
 * as English as written and not when rotated.
 */
function rot13Payload(text: string): string {
  const kept: string[] = [];
  for (const m of text.matchAll(SEGMENT)) {
    const part = m[0];
    const { plain, rotated } = commonWordHits(part.toLowerCase());
    if (plain > 0 && plain >= rotated) continue;
    kept.push(rot13(part));
  }
  return kept.length > 0 ? kept.join(' ') : rot13(text);
}

/**
 * Every hidden layer found in `raw` (already bounded by the caller), decoded.
 * One level deep: a decoded layer is not searched again, which bounds the work.
 */
export function decodeLayers(raw: string): DecodedLayer[] {
  const layers: DecodedLayer[] = [];
  let budget = MAX_DECODED_CHARS;
  const push = (encoding: Encoding, run: string, text: string | null) => {
    if (text === null || budget <= 0 || layers.length >= MAX_RUNS) return;
    const bounded = text.length > budget ? text.slice(0, budget) : text;
    if (!looksLikeText(bounded)) return;
    budget -= bounded.length;
    layers.push({ encoding, text: bounded, run, evidence: clip(run) });
  };
  const runs = scanRuns(raw);
  for (const run of runs.codeRuns) {
    if (layers.length >= MAX_RUNS) break;
    const urlSafe = URL_SAFE.test(run);
    if (urlSafe && (STANDARD.test(run) || run.length < 24)) continue;
    push('base64', run, base64Decode(run, urlSafe));
  }
  for (const m of runs.hexRun ? raw.matchAll(HEX_RUN) : []) {
    if (layers.length >= MAX_RUNS) break;
    push('hex', m[0], utf8.decode(hexBytes(m[0])));
  }
  for (const m of raw.includes('\\x') ? raw.matchAll(ESCAPED_HEX_RUN) : []) {
    if (layers.length >= MAX_RUNS) break;
    push('hex', m[0], utf8.decode(hexBytes(m[0].replace(/\\x/g, ''))));
  }
  const escapes =
    raw.length <= MAX_DECODED_CHARS * 3 && raw.includes('%')
      ? (raw.match(PERCENT_ESCAPE)?.length ?? 0)
      : 0;
  if (escapes >= 4) push('url', raw, percentDecode(raw));
  const r = rot13Layer(raw);
  if (r !== null && layers.length < MAX_RUNS) layers.push(r);
  return layers;
}
