/**
 * Hostile inputs for the scam checker, and what any result must look like.
 *
 * Pure like the rest of the engine: randomness comes from a seed (mulberry32),
 * and real examples (fixture texts, URLs, .eml bytes) are handed in by the
 * caller. Used by the fuzz test (`check.fuzz.test.ts`, a few thousand inputs
 * with fast-check) and the fuzz benchmark (`bench/suites/scam-fuzz.bench.ts`,
 * 100,000 inputs). The building blocks (hostile tokens, edits) are exported
 * so fast-check arbitraries can be made of them too.
 *
 * @example
 *   const corpus = { sms: ['Your parcel is held'], urls: ['https://x.top/pay'], emails: [] };
 *   const { input, strategy } = fuzzCase(42, corpus);
 *   const problems = resultProblems(input, checker.check(input), { version: checker.version });
 */

import { mulberry32, type Prng } from '../../../../platform/engine-kit/model/prng.js';
import { DEFAULT_EMAIL_LIMITS, type ParsedEmail, parseEmail } from '../../email/index.js';
import {
  CATEGORIES,
  type CheckInput,
  type CheckResult,
  type Evidence,
  type IndicatorMatcher,
} from '../../types.js';
import { type CheckLimits, DEFAULT_CHECK_LIMITS, emailBytesOf } from '../check.js';

// ---------------------------------------------------------------------------
// Building blocks

/** Direction controls: right-to-left overrides and embeddings, isolates, marks. */
export const BIDI_CONTROLS: readonly string[] = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
];

/** Zero-width and invisible characters. */
export const ZERO_WIDTH: readonly string[] = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u2061',
  '\u2064',
  '\ufeff',
  '\u00ad',
  '\u180e',
  '\u034f',
];

/** Halves of surrogate pairs on their own: not valid UTF-16, yet a JavaScript string may hold them. */
export const LONE_SURROGATES: readonly string[] = [
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d',
];

/** Bytes that are not UTF-8: overlong forms, encoded surrogates, cut sequences, bytes never used. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
  [0x80],
  [0xbf],
  [0xfe],
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x92],
  [0x00],
];

/** Text that has broken parsers and look-alike checks before: controls, look-alikes, link and number pieces. */
export const HOSTILE_TOKENS: readonly string[] = [
  ...BIDI_CONTROLS,
  ...ZERO_WIDTH,
  ...LONE_SURROGATES,
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r',
  '\n',
  '\r\n',
  '\n\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u3000',
  '\u00a0',
  ' ',
  'https://',
  'http://',
  'hxxps://',
  'HTTPS://',
  'javascript:',
  'data:text/html;base64,',
  'file:///',
  'www.',
  '.com',
  '.top',
  '.co.uk',
  '[.]',
  '(.)',
  '[dot]',
  '\u3002',
  '\uff0e',
  '@',
  '@@',
  ':',
  '://',
  '//',
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  '%',
  '%00',
  '%zz',
  '%E2%80%AE',
  '%2e%2e/',
  ':0',
  ':99999999999',
  'xn--',
  'xn--pypal-4ve.com',
  'xn--80ak6aa92e.com',
  'xn--zz',
  '[::1]',
  '[fe80::1%25eth0]',
  '0x7f.1',
  '2130706433',
  '192.168.0.1',
  'раураl',
  'pаypal',
  'PayPaI',
  'аррӏе.com',
  'ｐａｙｐａｌ',
  '０１２３',
  '٠١٢٣٤٥٦٧٨٩',
  '۰۱۲',
  '+44',
  '+1 (800) ',
  '0900',
  '09098765432',
  '+',
  '++',
  '(',
  ')',
  '-',
  'ext. 12',
  '#31#',
  '1'.repeat(40),
  '&#x202e;',
  '&#0;',
  '&#xD800;',
  '&amp;',
  '&',
  '<a href="',
  '">',
  '</a>',
  '<',
  '>',
  '<script>',
  '<!--',
  '=?utf-8?B?',
  '=?x?Q?',
  '?=',
  '"',
  "'",
  '`',
  '$',
  '€',
  '£',
  '₿',
  '💳',
  '👨\u200d👩\u200d👧',
  '🏳️\u200d🌈',
  'é',
  'e\u0301',
  'a\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  'ﬁ',
  'İ',
  'ẞ',
  'ß',
  'ǅ',
  'Ω',
  '日本語',
  'שלום',
  'مرحبا',
  'ไทย',
  'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
  'paypal.me/',
  '$cashtag',
  'gift card',
  'urgent',
  'verify your account',
  'your parcel is held',
  'unpaid toll',
];

/** MIME structure pieces, so that mutated emails reach the parser's deep paths. */
export const MIME_TOKENS: readonly string[] = [
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '--',
  '--b',
  '--b--',
  ': ',
  ':',
  '\n ',
  '\n\t',
  '=?utf-8?B?',
  '=?utf-8?Q?',
  '=?unknown-8?B?////?=',
  '?=',
  '=\n',
  '=C3',
  '=ZZ',
  '=',
  '<a href="',
  '">',
  '</a>',
  '<form><input type=password>',
  '<',
  '&#',
  ';',
  '"',
  '(',
  ')',
  'boundary=',
  'boundary=""',
  'charset=',
  'charset="x-unknown"',
  'charset=utf-16',
  'charset=iso-2022-jp',
  'name*0*=',
  "utf-8''%E2%80%AE",
  'Content-Type: multipart/mixed; boundary=b\n',
  'Content-Type: multipart/alternative; boundary="b"\n\n--b\n',
  'Content-Type: message/rfc822\n\n',
  'Content-Type: text/html\n',
  'Content-Type: text/plain; charset=windows-1252\n',
  'Content-Transfer-Encoding: base64\n',
  'Content-Transfer-Encoding: quoted-printable\n',
  'Content-Disposition: attachment; filename="invoice\u202efdp.exe"\n',
  'From: "PayPal\u202e" <a@b.example>\n',
  'Reply-To: x@gmail.com\n',
  'Authentication-Results: mx; spf=fail; dkim=fail; dmarc=fail header.from=paypal.com\n',
  'Received-SPF: softfail\n',
  'Subject: =?utf-8?B?8J+SsyBVcmdlbnQ=?=\n',
  'http://',
  'www.',
  '\u202e',
  '\u200b',
];

/** One change to a string of UTF-16 code units (positions are taken modulo the length). */
export type TextEdit =
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | { readonly op: 'repeat'; readonly at: number; readonly length: number; readonly times: number }
  | { readonly op: 'cut'; readonly at: number }
  | { readonly op: 'flip'; readonly at: number; readonly mask: number }
  | {
      readonly op: 'interleave';
      readonly at: number;
      readonly length: number;
      readonly text: string;
    }
  | { readonly op: 'swapcase' };

/** Apply edits in order; the result is cut to `maxLength` code units (which may split a surrogate pair: on purpose). */
export function applyTextEdits(
  text: string,
  edits: readonly TextEdit[],
  maxLength = 200_000,
): string {
  let s = text;
  for (const e of edits) {
    const at = e.op === 'swapcase' ? 0 : e.at % (s.length + 1);
    switch (e.op) {
      case 'insert':
        s = s.slice(0, at) + e.text + s.slice(at);
        break;
      case 'delete':
        s = s.slice(0, at) + s.slice(at + e.length);
        break;
      case 'repeat': {
        const piece = s.slice(at, at + Math.max(1, e.length));
        const times = Math.max(
          0,
          Math.min(e.times, Math.floor(maxLength / Math.max(1, piece.length))),
        );
        s = s.slice(0, at) + piece.repeat(times) + s.slice(at);
        break;
      }
      case 'cut':
        s = s.slice(0, at);
        break;
      case 'flip': {
        if (at >= s.length) break;
        const c = s.charCodeAt(at) ^ (e.mask & 0xffff);
        s = s.slice(0, at) + String.fromCharCode(c) + s.slice(at + 1);
        break;
      }
      case 'interleave': {
        const piece = s.slice(at, at + e.length);
        s = s.slice(0, at) + piece.split('').join(e.text) + s.slice(at + e.length);
        break;
      }
      case 'swapcase': {
        let out = '';
        for (const ch of s) {
          const lower = ch.toLowerCase();
          out += lower === ch ? ch.toUpperCase() : lower;
        }
        s = out;
        break;
      }
    }
    if (s.length > maxLength) s = s.slice(0, maxLength);
  }
  return s;
}

/** Bytes as a string of one code unit per byte (0–255), so text edits apply to bytes. */
export function bytesToLatin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  }
  return out;
}

/** The inverse of bytesToLatin1 (code units above 255 keep their low byte). */
export function latin1ToBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** A token's UTF-8 bytes as a latin1 string, for inserting text into bytes. */
export function utf8AsLatin1(text: string): string {
  return bytesToLatin1(new TextEncoder().encode(text));
}

/** Apply text edits to bytes; tokens in `insert`/`interleave` edits are taken as latin1 (use utf8AsLatin1). */
export function applyByteEdits(
  bytes: Uint8Array,
  edits: readonly TextEdit[],
  maxLength = 200_000,
): Uint8Array {
  return latin1ToBytes(applyTextEdits(bytesToLatin1(bytes), edits, maxLength));
}

// ---------------------------------------------------------------------------
// The seeded generator

/** Real examples to mutate, read by the caller (fixtures/scam). Any of them may be empty. */
export interface FuzzCorpus {
  readonly sms: readonly string[];
  readonly urls: readonly string[];
  readonly emails: readonly Uint8Array[];
}

export interface FuzzOptions {
  /** Mixed into every case's seed; the same seed and index always give the same input. */
  readonly seed?: number;
  /**
   * Share of cases (0–1) that are giant: 1–5 or 24–27 MB of email, or as many characters of
   * text, URL or phone number. Slow to make and to check, so off by default.
   */
  readonly giantRate?: number;
  /** Longest ordinary case, in characters or bytes (giant ones excepted). */
  readonly maxLength?: number;
}

export interface FuzzCase {
  readonly index: number;
  /** How the input was made, e.g. `email-mutant`, `nested-mime`. */
  readonly strategy: string;
  readonly input: CheckInput;
}

const KINDS = ['auto', 'sms', 'email', 'url', 'phone'] as const;
type AnyKind = (typeof KINDS)[number];

class Rand {
  private readonly prng: Prng;
  constructor(seed: number) {
    this.prng = mulberry32(seed);
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.prng.next() * n);
  }
  /** Integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  /** Mostly small, sometimes large: in [0, max]. */
  skewed(max: number): number {
    const u = this.prng.next();
    return Math.floor(u * u * u * (max + 1));
  }
  chance(p: number): boolean {
    return this.prng.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}

/** Each case gets its own stream, so one case can be remade from (seed, index) alone. */
function caseSeed(seed: number, index: number): number {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

/** The natural kind most of the time; 'auto' or another kind sometimes. */
function kindFor(r: Rand, natural: Exclude<AnyKind, 'auto'>): AnyKind {
  const u = r.int(100);
  return u < 55 ? natural : u < 85 ? 'auto' : r.pick(KINDS);
}

function randomEdit(r: Rand, tokens: readonly string[], maxLength: number): TextEdit {
  const at = r.int(1 << 30);
  switch (r.int(10)) {
    case 0:
    case 1:
    case 2:
      return { op: 'insert', at, text: r.pick(tokens) };
    case 3:
      return { op: 'delete', at, length: r.skewed(200) };
    case 4:
      return {
        op: 'repeat',
        at,
        length: r.range(1, 40),
        times: r.chance(0.1) ? r.range(100, maxLength) : r.skewed(50),
      };
    case 5:
      return { op: 'cut', at };
    case 6:
      return { op: 'flip', at, mask: r.chance(0.5) ? 1 << r.int(16) : r.int(0x10000) };
    case 7:
      return { op: 'interleave', at, length: r.skewed(60), text: r.pick(tokens) };
    case 8:
      return r.chance(0.2) ? { op: 'swapcase' } : { op: 'insert', at, text: r.pick(tokens) };
    default:
      return { op: 'insert', at, text: r.pick(tokens).repeat(r.range(1, 64)) };
  }
}

function edits(r: Rand, tokens: readonly string[], maxLength: number): TextEdit[] {
  return Array.from({ length: r.range(1, 8) }, () => randomEdit(r, tokens, maxLength));
}

/** A string from a random mix of hostile tokens, printable ASCII and arbitrary code units. */
function soup(r: Rand, maxLength: number): string {
  const pieces: string[] = [];
  let length = 0;
  const target = r.skewed(Math.min(maxLength, 4_000));
  while (length < target) {
    const u = r.int(10);
    const piece =
      u < 4
        ? r.pick(HOSTILE_TOKENS)
        : u < 7
          ? String.fromCharCode(r.range(0x20, 0x7e))
          : u < 9
            ? String.fromCharCode(r.int(0x10000))
            : String.fromCodePoint(r.int(0x110000));
    pieces.push(piece);
    length += piece.length;
  }
  return pieces.join('');
}

function randomBytes(r: Rand, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = r.int(256);
  return out;
}

/** Text from bytes the way a careless caller would make it: UTF-8 with replacements, or latin1. */
function bytesAsText(r: Rand, bytes: Uint8Array): string {
  return r.chance(0.5) ? new TextDecoder().decode(bytes) : bytesToLatin1(bytes);
}

/** An email as `raw` bytes most of the time, else as `content` text (with the kind mostly email). */
function emailInput(r: Rand, bytes: Uint8Array): CheckInput {
  if (r.chance(0.6)) {
    const kind = r.chance(0.8) ? r.pick(['email', 'auto'] as const) : r.pick(KINDS);
    return r.chance(0.1)
      ? { kind, content: soup(r, 200), raw: bytes }
      : { kind, content: '', raw: bytes };
  }
  return { kind: kindFor(r, 'email'), content: bytesAsText(r, bytes) };
}

const SCAM_LINES = [
  'Your account is locked. Verify now at https://paypa1-secure.top/login',
  'Pay the £1.99 redelivery fee: https://royalmail-fee.top/pay',
  'Buy 5 Apple gift cards and send me the codes, urgent',
  'Call +44 9098 765432 now to claim your prize',
];

function mimeLeaf(r: Rand, nl: string): string {
  const text = r.pick(SCAM_LINES);
  switch (r.int(6)) {
    case 0:
      return `Content-Type: text/html; charset=utf-8${nl}${nl}<p>${text} <a href="https://x.top/${'a'.repeat(r.skewed(300))}">here</a></p>`;
    case 1:
      return `Content-Type: text/plain; charset=utf-8${nl}Content-Transfer-Encoding: base64${nl}${nl}${btoa(text)}${r.chance(0.3) ? '!!**' : ''}`;
    case 2:
      return `Content-Type: text/plain${nl}Content-Transfer-Encoding: quoted-printable${nl}${nl}${text.replace(/ /g, '=20')}=${nl}=ZZ=C3`;
    case 3:
      return `Content-Type: application/octet-stream; name="invoice${r.pick(BIDI_CONTROLS)}fdp.exe"${nl}Content-Disposition: attachment${nl}Content-Transfer-Encoding: base64${nl}${nl}TVqQAAMAAAAEAAAA`;
    case 4:
      return `Content-Type: text/plain; charset=${r.pick(['x-unknown', 'utf-16le', 'iso-2022-jp', 'shift_jis', 'koi8-r', '', 'utf-7'])}${nl}${nl}${text}`;
    default:
      return `Content-Type: text/plain${nl}${nl}${text}`;
  }
}

/** Multiparts and message/rfc822 parts inside each other, 1–130 deep, some broken on purpose. */
function nestedMime(r: Rand): Uint8Array {
  const nl = r.chance(0.5) ? '\r\n' : '\n';
  const depth = r.chance(0.3) ? r.range(95, 130) : r.range(1, 40);
  const sameBoundary = r.chance(0.15);
  const prefixBoundaries = r.chance(0.15);
  let head = `From: "Support${r.chance(0.3) ? r.pick(BIDI_CONTROLS) : ''}" <help@secure-pay.top>${nl}Subject: nested ${depth}${nl}`;
  const closers: string[] = [];
  for (let i = 0; i < depth; i++) {
    if (r.chance(0.1)) {
      head += `Content-Type: message/rfc822${nl}${nl}Subject: inner ${i}${nl}`;
      continue;
    }
    const b = sameBoundary ? 'b' : prefixBoundaries ? 'b'.repeat(i + 1) : `level${i}`;
    const quoted = r.chance(0.5) ? `"${b}"` : b;
    const encoding = r.chance(0.05) ? `Content-Transfer-Encoding: base64${nl}` : '';
    head += `Content-Type: multipart/${r.pick(['mixed', 'alternative', 'related'])}; boundary=${quoted}${nl}${encoding}${nl}`;
    if (r.chance(0.2)) head += `preamble ${i}${nl}`;
    head += `--${b}${nl}`;
    if (r.chance(0.1)) head += `${mimeLeaf(r, nl)}${nl}--${b}${nl}`;
    closers.push(r.chance(0.85) ? `--${b}--` : r.chance(0.5) ? `--${b}` : '');
  }
  let s = head + mimeLeaf(r, nl) + nl;
  for (let i = closers.length - 1; i >= 0; i--) s += `${closers[i]}${nl}`;
  return new TextEncoder().encode(s);
}

/** One multipart with hundreds of siblings (past the part limit sometimes). */
function wideMime(r: Rand): Uint8Array {
  const nl = r.chance(0.5) ? '\r\n' : '\n';
  const n = r.chance(0.2) ? r.range(480, 700) : r.range(1, 60);
  let s = `Subject: wide${nl}Content-Type: multipart/mixed; boundary=w${nl}${nl}`;
  for (let i = 0; i < n; i++) s += `--w${nl}${mimeLeaf(r, nl)}${nl}`;
  if (r.chance(0.7)) s += `--w--${nl}`;
  return new TextEncoder().encode(s);
}

const HEADER_NAMES = [
  'From',
  'To',
  'Reply-To',
  'Return-Path',
  'Sender',
  'Subject',
  'Authentication-Results',
  'Received-SPF',
  'Received',
  'Content-Type',
  'Content-Transfer-Encoding',
  'MIME-Version',
  'List-Unsubscribe',
  'Date',
  'Message-ID',
];

/** A header block of random known and unknown fields with hostile values, then a short body. */
function headerSoup(r: Rand, maxLength: number): Uint8Array {
  const nl = r.chance(0.5) ? '\r\n' : '\n';
  const fields: string[] = [];
  const count = r.chance(0.05) ? r.range(900, 1_200) : r.range(1, 25);
  for (let i = 0; i < count; i++) {
    const name = r.chance(0.85) ? r.pick(HEADER_NAMES) : soup(r, 12).replace(/[:\r\n]/g, '');
    const value = Array.from({ length: r.range(0, 10) }, () =>
      r.chance(0.5) ? r.pick(MIME_TOKENS) : r.pick(HOSTILE_TOKENS),
    ).join(r.chance(0.3) ? `${nl} ` : '');
    fields.push(`${name}:${r.chance(0.8) ? ' ' : ''}${value}`);
  }
  const body = r.chance(0.5) ? r.pick(SCAM_LINES) : soup(r, Math.min(maxLength, 2_000));
  return new TextEncoder().encode(`${fields.join(nl)}${nl}${nl}${body}`);
}

/** Bytes of a MIME-flavoured random mix (the parser property test's idea, at random lengths). */
function mimeSoup(r: Rand): Uint8Array {
  const parts: string[] = [];
  const n = r.skewed(200);
  for (let i = 0; i < n; i++) {
    const u = r.int(10);
    parts.push(
      u < 5
        ? utf8AsLatin1(r.pick(MIME_TOKENS))
        : u < 7
          ? String.fromCharCode(...r.pick(INVALID_UTF8))
          : u < 9
            ? utf8AsLatin1(r.pick(HOSTILE_TOKENS))
            : bytesToLatin1(randomBytes(r, r.int(40))),
    );
  }
  return latin1ToBytes(parts.join(''));
}

let byteTokens: string[] | undefined;

function emailMutant(r: Rand, corpus: FuzzCorpus, maxLength: number): Uint8Array {
  const base = corpus.emails.length > 0 ? r.pick(corpus.emails) : nestedMime(r);
  byteTokens ??= [
    ...MIME_TOKENS.map(utf8AsLatin1),
    ...HOSTILE_TOKENS.map(utf8AsLatin1),
    ...INVALID_UTF8.map((b) => String.fromCharCode(...b)),
  ];
  return applyByteEdits(base, edits(r, byteTokens, maxLength), maxLength);
}

function smsMutant(r: Rand, corpus: FuzzCorpus, maxLength: number): string {
  const base = corpus.sms.length > 0 ? r.pick(corpus.sms) : r.pick(SCAM_LINES);
  return applyTextEdits(base, edits(r, HOSTILE_TOKENS, maxLength), maxLength);
}

function urlMutant(r: Rand, corpus: FuzzCorpus, maxLength: number): string {
  const base = corpus.urls.length > 0 ? r.pick(corpus.urls) : 'https://paypa1-secure.top/login';
  const urlTokens = [
    ...HOSTILE_TOKENS,
    'a.',
    'sub.',
    '-',
    '--',
    'login',
    'paypal-',
    '?redirect=https://',
    '&url=',
    'user:pass@',
    'paypal.com@',
    '%40',
    '..',
    './',
    ':443',
  ];
  return applyTextEdits(base, edits(r, urlTokens, maxLength), maxLength);
}

/** A URL of 10–110 KB: a long host, path, query or fragment, or many subdomains. */
function longUrl(r: Rand, corpus: FuzzCorpus): string {
  const base = corpus.urls.length > 0 ? r.pick(corpus.urls) : 'https://example.com/';
  const size = r.range(10_000, 110_000);
  const unit = r.pick(['a', 'a.', 'a-', '/a', '?a=b&', '%41', '\u200b', 'é', '@', '..', '%']);
  const filler = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  switch (r.int(4)) {
    case 0:
      return `https://${filler}.com/`;
    case 1:
      return `${base}${base.includes('?') ? '&' : '?'}q=${filler}`;
    case 2:
      return `${base}/${filler}`;
    default:
      return `${base}#${filler}`;
  }
}

/** Things typed into a phone-number box: digits of every script, punctuation, letters, long runs. */
function phoneish(r: Rand, maxLength: number): string {
  const pieces = [
    '+',
    '+44',
    '+1',
    '00',
    '0',
    '9',
    ' ',
    '-',
    '(',
    ')',
    '.',
    '/',
    'ext',
    '#',
    '*',
    '０',
    '٣',
    '۴',
    '५',
    '\u200b',
    '\u202e',
    '\ud800',
    'x',
    'tel:',
  ];
  const n = r.chance(0.05) ? r.range(100, Math.min(maxLength, 20_000)) : r.range(0, 30);
  let s = '';
  for (let i = 0; i < n; i++) s += r.chance(0.6) ? String(r.int(10)) : r.pick(pieces);
  return s;
}

/**
 * One hostile token repeated up to about the field's limit (20,000 characters of a
 * text, 8,192 of a URL, a long email body): where a per-character cost or a
 * backtracking pattern would show.
 */
function repeatUnit(r: Rand): CheckInput {
  const unit = r.chance(0.8)
    ? r.pick(HOSTILE_TOKENS)
    : r.pick([
        'a.',
        'a-',
        '1 ',
        '1.',
        'a@',
        'a@b.',
        'http://a',
        'www.a',
        '%2',
        '[.]a',
        '=?',
        '&#1',
      ]);
  const kind = r.pick(KINDS);
  const size =
    kind === 'email'
      ? r.range(1_000, 60_000)
      : kind === 'url'
        ? r.range(1_000, 10_000)
        : kind === 'phone'
          ? r.range(10, 2_000)
          : r.range(1_000, 25_000);
  const filler = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return { kind, content: kind === 'email' && r.chance(0.7) ? `Subject: x\n\n${filler}` : filler };
}

/** A giant input: 1–5 or 24–27 MB of email (more when multi-byte), or as many characters of text, URL or phone number. */
function giant(r: Rand, corpus: FuzzCorpus): { strategy: string; input: CheckInput } {
  const size = r.chance(0.5) ? r.range(1_000_000, 5_000_000) : r.range(24_000_000, 27_000_000);
  const unit = r.pick([
    'All work and no play makes Jack a dull boy. ',
    'Pay now at https://a.top/x gift card urgent ',
    '<a href="https://x.example/">link</a> &amp; ',
    '<',
    'a\u200b\u202e',
    '--b\n',
    '0123456789',
  ]);
  const filler = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const which = r.int(5);
  if (which === 0)
    return {
      strategy: 'giant-binary',
      input: { kind: 'email', content: '', raw: randomBytes(r, size) },
    };
  if (which === 1) {
    const head = r.pick([
      'Subject: big\n\n',
      'Content-Type: text/html\n\n',
      'Content-Type: multipart/mixed; boundary=b\n\n--b\n\n',
    ]);
    return {
      strategy: 'giant-email',
      input: r.chance(0.5)
        ? { kind: 'email', content: '', raw: new TextEncoder().encode(head + filler) }
        : { kind: kindFor(r, 'email'), content: head + filler },
    };
  }
  if (which === 2) {
    const base = corpus.urls.length > 0 ? r.pick(corpus.urls) : 'https://example.com/';
    return {
      strategy: 'giant-url',
      input: { kind: kindFor(r, 'url'), content: `${base}?q=${filler}` },
    };
  }
  if (which === 3) return { strategy: 'giant-phone', input: { kind: 'phone', content: filler } };
  return { strategy: 'giant-text', input: { kind: kindFor(r, 'sms'), content: filler } };
}

/**
 * The input for case `index`: deterministic in (options.seed, index) and the corpus.
 * Strategies: mutated fixtures of each kind, hostile-character soup, one
 * hostile token repeated up to a field's limit, binary garbage, lone
 * surrogates, nested and wide multiparts, header soup, MIME soup, 10–110 KB
 * URLs, phone-number soup, one kind passed as another, blank input, and
 * (when giantRate > 0) giant inputs.
 */
export function fuzzCase(index: number, corpus: FuzzCorpus, options: FuzzOptions = {}): FuzzCase {
  const r = new Rand(caseSeed(options.seed ?? 0, index));
  const maxLength = options.maxLength ?? 60_000;
  const made = (strategy: string, input: CheckInput): FuzzCase => ({ index, strategy, input });
  if ((options.giantRate ?? 0) > 0 && r.chance(options.giantRate ?? 0)) {
    const g = giant(r, corpus);
    return made(g.strategy, g.input);
  }
  const u = r.int(100);
  if (u < 15)
    return made('sms-mutant', {
      kind: kindFor(r, 'sms'),
      content: smsMutant(r, corpus, maxLength),
    });
  if (u < 28)
    return made('url-mutant', {
      kind: kindFor(r, 'url'),
      content: urlMutant(r, corpus, maxLength),
    });
  if (u < 44) return made('email-mutant', emailInput(r, emailMutant(r, corpus, maxLength * 4)));
  if (u < 50) return made('soup', { kind: r.pick(KINDS), content: soup(r, maxLength) });
  if (u < 52) return made('repeat-unit', repeatUnit(r));
  if (u < 58) {
    const bytes = randomBytes(r, r.skewed(8_000));
    return made(
      'binary',
      r.chance(0.5)
        ? emailInput(r, bytes)
        : { kind: r.pick(KINDS), content: bytesAsText(r, bytes) },
    );
  }
  if (u < 62) {
    let s = '';
    for (let n = r.skewed(3_000); n > 0; n--)
      s += String.fromCharCode(r.chance(0.3) ? r.range(0xd800, 0xdfff) : r.int(0x10000));
    return made('code-units', { kind: r.pick(KINDS), content: s });
  }
  if (u < 68) return made('nested-mime', emailInput(r, nestedMime(r)));
  if (u < 71) return made('wide-mime', emailInput(r, wideMime(r)));
  if (u < 77) return made('header-soup', emailInput(r, headerSoup(r, maxLength)));
  if (u < 82) return made('mime-soup', emailInput(r, mimeSoup(r)));
  if (u < 84)
    return made('long-url', {
      kind: r.chance(0.7) ? kindFor(r, 'url') : 'sms',
      content: longUrl(r, corpus),
    });
  if (u < 91) return made('phone', { kind: kindFor(r, 'phone'), content: phoneish(r, maxLength) });
  if (u < 94) {
    const text = r.chance(0.5) ? smsMutant(r, corpus, maxLength) : urlMutant(r, corpus, maxLength);
    return made('sms-in-email', { kind: 'email', content: text });
  }
  if (u < 97) {
    const bytes = corpus.emails.length > 0 ? r.pick(corpus.emails) : nestedMime(r);
    return made('email-as-other', {
      kind: r.pick(['sms', 'url', 'phone'] as const),
      content: bytesAsText(r, bytes),
    });
  }
  const blank = r.pick([
    '',
    ' ',
    '\n',
    '\t\r\n ',
    '\u200b',
    '\ufeff',
    '\u202e',
    '\u3000',
    '\u0000',
  ]);
  return made('blank', { kind: r.pick(KINDS), content: blank.repeat(r.skewed(50)) });
}

/** Confidences a list might send, sensible or not. */
const FUZZ_CONFIDENCES = [0.9, 0, 1, Number.NaN, -1, 2, Number.POSITIVE_INFINITY, 0.5];

/**
 * A threat-intel matcher for fuzzing: it "knows" about every indicator whose
 * value has a length divisible by 3, with confidences that include nonsense
 * (NaN, negative, above 1), so intel reasons and their evidence are checked too.
 */
export const FUZZ_MATCHER: IndicatorMatcher = {
  match: (indicators) =>
    indicators
      .filter((i) => i.value.length % 3 === 0)
      .map((indicator, k) => ({
        indicator,
        source: `fuzz list ${k}`,
        confidence: FUZZ_CONFIDENCES[k % FUZZ_CONFIDENCES.length] ?? 0,
      })),
};

// ---------------------------------------------------------------------------
// What any result must look like

const VERDICTS = new Set(['scam', 'suspicious', 'no_signs']);
const RESULT_KINDS = new Set(['sms', 'email', 'url', 'phone']);
const SOURCES = new Set([
  'text_model',
  'url',
  'email_header',
  'cue',
  'threat_intel',
  'phone',
  'language',
]);
const INDICATOR_TYPES = new Set([
  'url',
  'domain',
  'phone',
  'email',
  'crypto_wallet',
  'payment_handle',
]);
const FIELDS = new Set([
  'text',
  'subject',
  'from',
  'reply_to',
  'return_path',
  'body',
  'url',
  'header',
  'attachment',
]);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const MAX_EXCERPT = 200;
/** The collector keeps at most this many indicators. */
const MAX_INDICATORS = 200;

/** The texts an evidence field can point into, for this input as the checker read it. */
function fieldTexts(
  input: CheckInput,
  kind: CheckResult['kind'],
  limits: CheckLimits,
): (field: Evidence['field']) => readonly string[] {
  if (kind === 'email') {
    const p: ParsedEmail = parseEmail(emailBytesOf(input).bytes, {
      maxTextChars: limits.maxEmailTextChars,
    });
    return (field) => {
      switch (field) {
        case 'subject':
          return [p.subject];
        case 'body':
          return [p.body];
        case 'from':
          return [p.from?.text ?? ''];
        case 'reply_to':
          return [p.replyTo?.text ?? ''];
        case 'return_path':
          return [p.returnPath?.text ?? ''];
        case 'header':
          return [p.headerText];
        case 'attachment':
          return [p.attachmentText];
        case 'url':
          return p.links.map((l) => l.href);
        default:
          return [];
      }
    };
  }
  const trimmed = input.content.trim();
  const judged =
    kind === 'url'
      ? trimmed.slice(0, limits.maxUrlChars)
      : kind === 'phone'
        ? trimmed.slice(0, limits.maxPhoneChars)
        : input.content.slice(0, limits.maxTextChars);
  return (field) => (field === (kind === 'url' ? 'url' : 'text') ? [judged] : []);
}

function evidenceProblems(
  where: string,
  e: Evidence,
  texts: (field: Evidence['field']) => readonly string[],
): string[] {
  if (!FIELDS.has(e.field)) return [`${where}: unknown evidence field ${String(e.field)}`];
  if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start) {
    return [`${where}: evidence span ${e.start}..${e.end} is not a span`];
  }
  if (typeof e.excerpt !== 'string' || e.excerpt.length > MAX_EXCERPT) {
    return [`${where}: excerpt is not a string of at most ${MAX_EXCERPT} characters`];
  }
  // The span may be longer than the excerpt, which is its first MAX_EXCERPT characters.
  const candidates = texts(e.field);
  const fits = candidates.some(
    (t) =>
      e.end <= t.length && t.slice(e.start, Math.min(e.end, e.start + MAX_EXCERPT)) === e.excerpt,
  );
  if (!fits) {
    const lengths = candidates.map((t) => t.length).join('/') || 'none';
    return [
      `${where}: evidence ${e.field} ${e.start}..${e.end} ${JSON.stringify(e.excerpt.slice(0, 40))} is not inside the field (length ${lengths})`,
    ];
  }
  return [];
}

function emailOverLimit(input: CheckInput): boolean {
  const { bytes, cut } = emailBytesOf(input);
  return cut || bytes.length > DEFAULT_EMAIL_LIMITS.maxInputBytes;
}

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

function nonEmptyString(s: unknown): s is string {
  return typeof s === 'string' && s.length > 0;
}

/**
 * Everything wrong with `result` as the answer to `input` (empty when it is
 * well formed): kinds, verdict, a NaN-free score in [0, 1], finite weights, at
 * most maxReasons reasons with distinct codes, evidence spans inside the text
 * they point into (the input as the checker read it) with the excerpt being
 * the span's text (its first 200 characters), distinct indicators,
 * plain-words lists, and `truncated` set when a limit was hit.
 */
export function resultProblems(
  input: CheckInput,
  result: CheckResult,
  options: { readonly limits?: Partial<CheckLimits>; readonly version?: string } = {},
): string[] {
  const limits: CheckLimits = { ...DEFAULT_CHECK_LIMITS, ...options.limits };
  const out: string[] = [];
  if (!RESULT_KINDS.has(result.kind)) return [`kind ${String(result.kind)} is not a kind`];
  if (input.kind !== 'auto' && result.kind !== input.kind) {
    out.push(`kind ${result.kind} but ${input.kind} was asked for`);
  }
  if (input.kind === 'auto' && input.raw !== undefined && result.kind !== 'email') {
    out.push(`raw bytes given but read as ${result.kind}`);
  }
  if (!VERDICTS.has(result.verdict)) out.push(`verdict ${String(result.verdict)}`);
  if (!isFiniteNumber(result.score) || result.score < 0 || result.score > 1) {
    out.push(`score ${result.score} is not in [0, 1]`);
  }
  if (!CATEGORY_SET.has(result.category)) out.push(`category ${String(result.category)}`);
  if (result.verdict === 'no_signs' && result.category !== 'other') {
    out.push(`category ${result.category} with no signs`);
  }
  const texts = fieldTexts(input, result.kind, limits);

  if (!Array.isArray(result.reasons)) out.push('reasons is not a list');
  else {
    if (result.reasons.length > limits.maxReasons) {
      out.push(`${result.reasons.length} reasons, more than ${limits.maxReasons}`);
    }
    const codes = new Set<string>();
    for (const [i, r] of result.reasons.entries()) {
      const where = `reason ${i} (${String(r.code)})`;
      if (!nonEmptyString(r.code)) out.push(`${where}: no code`);
      if (codes.has(r.code)) out.push(`${where}: code listed twice`);
      codes.add(r.code);
      if (!nonEmptyString(r.message)) out.push(`${where}: no message`);
      if (!SOURCES.has(r.source)) out.push(`${where}: source ${String(r.source)}`);
      if (!isFiniteNumber(r.weight)) out.push(`${where}: weight ${r.weight}`);
      if (r.evidence !== undefined) out.push(...evidenceProblems(where, r.evidence, texts));
    }
  }

  if (!Array.isArray(result.indicators)) out.push('indicators is not a list');
  else {
    if (result.indicators.length > MAX_INDICATORS) {
      out.push(`${result.indicators.length} indicators, more than ${MAX_INDICATORS}`);
    }
    const keys = new Set<string>();
    for (const [i, ind] of result.indicators.entries()) {
      const where = `indicator ${i} (${String(ind.type)})`;
      if (!INDICATOR_TYPES.has(ind.type)) out.push(`${where}: unknown type`);
      if (!nonEmptyString(ind.value)) out.push(`${where}: no value`);
      const key = `${ind.type}\u0000${ind.value}`;
      if (keys.has(key)) out.push(`${where}: listed twice`);
      keys.add(key);
      out.push(...evidenceProblems(where, ind.evidence, texts));
    }
  }

  if (!Array.isArray(result.nextSteps) || result.nextSteps.length === 0) {
    out.push('no next steps');
  } else {
    for (const s of result.nextSteps) {
      if (!nonEmptyString(s.code) || !nonEmptyString(s.message) || !isFiniteNumber(s.priority)) {
        out.push(`next step ${String(s.code)} is not well formed`);
      }
    }
  }
  if (!nonEmptyString(result.language?.code) || typeof result.language.supported !== 'boolean') {
    out.push('language is not well formed');
  }
  if (
    !Array.isArray(result.checked) ||
    result.checked.length === 0 ||
    !result.checked.every(nonEmptyString)
  ) {
    out.push('checked is not a list of plain words');
  }
  if (
    !Array.isArray(result.notes) ||
    !result.notes.every(nonEmptyString) ||
    result.notes.length > 5
  ) {
    out.push('notes is not a short list of plain words');
  }
  if (typeof result.truncated !== 'boolean') out.push('truncated is not a boolean');
  if (options.version !== undefined && result.modelVersion !== options.version) {
    out.push(`modelVersion ${result.modelVersion}, not the checker's ${options.version}`);
  }

  const overLimit =
    result.kind === 'sms'
      ? input.content.length > limits.maxTextChars
      : result.kind === 'url'
        ? input.content.trim().length > limits.maxUrlChars
        : result.kind === 'phone'
          ? input.content.trim().length > limits.maxPhoneChars
          : emailOverLimit(input);
  if (overLimit && !result.truncated)
    out.push('the input was over the limit but truncated is false');
  try {
    JSON.stringify(result);
  } catch (e) {
    out.push(`result does not serialise: ${String(e)}`);
  }
  return out;
}

/** Printable, bounded description of an input (for a failing case): kind, sizes and escaped beginning. */
export function describeInput(input: CheckInput, maxChars = 600): string {
  const content = JSON.stringify(input.content.slice(0, maxChars));
  const more =
    input.content.length > maxChars ? `… (+${input.content.length - maxChars} chars)` : '';
  let raw = '';
  if (input.raw !== undefined) {
    const head = bytesToLatin1(input.raw.subarray(0, maxChars));
    const extra = input.raw.length > maxChars ? `… (+${input.raw.length - maxChars} bytes)` : '';
    raw = ` raw(${input.raw.length} bytes, latin1)=${JSON.stringify(head)}${extra}`;
  }
  return `kind=${input.kind} content(${input.content.length} chars)=${content}${more}${raw}`;
}
