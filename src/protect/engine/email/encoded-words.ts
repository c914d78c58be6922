/**
 * RFC 2047 encoded-words (`=?charset?B|Q?text?=`) in header values.
 *
 * Lenient like mail clients: words are decoded anywhere (also inside quoted
 * strings), whitespace between adjacent words is dropped, and adjacent words
 * in the same charset are joined as bytes before decoding, so a multi-byte
 * character split across two words still comes out whole. Unknown charsets
 * fall back to a guess (UTF-8, else windows-1252). Linear: one left-to-right
 * scan; the search for the `?=` terminator is shared between candidates.
 */
import { decodeCharset } from './byte-text.js';
import { decodeBase64, decodeQuotedPrintable } from './transfer-encoding.js';

const MAX_CHARSET = 64;
const MAX_WORD = 4096;

interface Word {
  readonly start: number;
  readonly end: number;
  readonly charset: string;
  readonly bytes: Uint8Array;
}

export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  let out = '';
  let copied = 0;
  let run: Word[] = [];
  let term = -2;
  let at = text.indexOf('=?');
  while (at >= 0) {
    if (term < at + 2) term = text.indexOf('?=', at + 2);
    if (term < 0) break;
    const word = readWord(text, at, term);
    if (word === null) {
      at = text.indexOf('=?', at + 2);
      continue;
    }
    const last = run[run.length - 1];
    if (last !== undefined && !isBlank(text, last.end, word.start)) {
      out += text.slice(copied, run[0]?.start) + decodeRun(run);
      copied = last.end;
      run = [];
    }
    run.push(word);
    at = text.indexOf('=?', word.end);
  }
  if (run.length > 0) {
    out += text.slice(copied, run[0]?.start) + decodeRun(run);
    copied = run[run.length - 1]?.end ?? copied;
  }
  return out + text.slice(copied);
}

/** Parse `=?cs?e?` at `at`; `term` is the first `?=` after at+2. Null if not a well-formed word. */
function readWord(text: string, at: number, term: number): Word | null {
  const q1 = text.indexOf('?', at + 2);
  if (q1 < 0 || q1 - at - 2 > MAX_CHARSET || q1 === at + 2) return null;
  const enc = text.charCodeAt(q1 + 1) | 0x20;
  if ((enc !== 0x62 && enc !== 0x71) || text.charCodeAt(q1 + 2) !== 0x3f) return null;
  const textStart = q1 + 3;
  // The terminator must come after the "?B?" marker; "=?cs?B?=" alone is a word with empty text.
  let end = term;
  if (end < textStart) end = text.indexOf('?=', textStart);
  if (end < 0 || end - at > MAX_WORD) return null;
  const charset = text.slice(at + 2, q1);
  if (/\s/.test(charset)) return null;
  const raw = asciiBytes(text, textStart, end);
  const bytes =
    enc === 0x62
      ? decodeBase64(raw).bytes
      : decodeQuotedPrintable(raw, 0, raw.length, raw.length, true);
  return { start: at, end: end + 2, charset, bytes };
}

function asciiBytes(text: string, start: number, end: number): Uint8Array {
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) out[i - start] = text.charCodeAt(i) & 0xff;
  return out;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/** Decode adjacent words, joining the bytes of neighbours that share a charset. */
function decodeRun(run: readonly Word[]): string {
  let out = '';
  let i = 0;
  while (i < run.length) {
    const first = run[i] as Word;
    const cs = first.charset.toLowerCase();
    let j = i + 1;
    while (j < run.length && (run[j] as Word).charset.toLowerCase() === cs) j++;
    out += decodeCharset(concat(run.slice(i, j)), first.charset).text;
    i = j;
  }
  return out;
}

function concat(words: readonly Word[]): Uint8Array {
  if (words.length === 1) return (words[0] as Word).bytes;
  const out = new Uint8Array(words.reduce((n, w) => n + w.bytes.length, 0));
  let n = 0;
  for (const w of words) {
    out.set(w.bytes, n);
    n += w.bytes.length;
  }
  return out;
}
