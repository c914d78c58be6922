/**
 * `Content-Type` / `Content-Disposition` values: a lower-case main token and
 * parameters, with quoted strings, comments and RFC 2231 (`name*=utf-8''…`,
 * continuations `name*0*=…; name*1*=…`). One linear scan.
 */
import { decodeCharset } from './byte-text.js';
import { decodeEncodedWords } from './encoded-words.js';

export interface HeaderParams {
  /** Lower-case main value, e.g. `multipart/mixed` or `attachment` ('' when absent). */
  readonly value: string;
  /** Lower-case parameter names; values as written (RFC 2231 decoded). */
  readonly params: ReadonlyMap<string, string>;
}

const MAX_PARAMS = 64;
const MAX_SECTIONS = 100;

export function parseHeaderParams(raw: string): HeaderParams {
  const semi = raw.indexOf(';');
  const value = stripComment(semi < 0 ? raw : raw.slice(0, semi)).toLowerCase();
  const plain = new Map<string, string>();
  const extended = new Map<string, Section[]>();
  let i = semi < 0 ? raw.length : semi + 1;
  let count = 0;
  // Both searches are reused while still ahead of `i` (and -1 stays -1), so the loop stays linear.
  let eq = raw.indexOf('=', i);
  let nextSemi = raw.indexOf(';', i);
  while (i < raw.length && count++ < MAX_PARAMS) {
    if (eq >= 0 && eq < i) eq = raw.indexOf('=', i);
    if (nextSemi >= 0 && nextSemi < i) nextSemi = raw.indexOf(';', i);
    if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
      if (nextSemi < 0) break;
      i = nextSemi + 1;
      continue;
    }
    const name = raw.slice(i, eq).trim().toLowerCase();
    const [val, after] = readValue(raw, eq + 1);
    i = after;
    if (name === '') continue;
    const star = name.indexOf('*');
    if (star < 0) {
      if (!plain.has(name)) plain.set(name, val);
    } else {
      addSection(extended, name, star, val);
    }
  }
  for (const [name, sections] of extended) plain.set(name, joinSections(sections));
  return { value, params: plain };
}

/** Reads a quoted or bare value starting at `i`; returns [value, index after the following ';']. */
function readValue(raw: string, i: number): [string, number] {
  while (i < raw.length && (raw[i] === ' ' || raw[i] === '\t')) i++;
  if (raw[i] !== '"') {
    const semi = raw.indexOf(';', i);
    const end = semi < 0 ? raw.length : semi;
    return [stripComment(raw.slice(i, end)), semi < 0 ? raw.length : semi + 1];
  }
  let out = '';
  let j = i + 1;
  let from = j;
  while (j < raw.length && raw[j] !== '"') {
    if (raw[j] === '\\' && j + 1 < raw.length) {
      out += raw.slice(from, j);
      from = j + 1;
      j += 2;
    } else {
      j++;
    }
  }
  out += raw.slice(from, j);
  const semi = raw.indexOf(';', j);
  return [out, semi < 0 ? raw.length : semi + 1];
}

function stripComment(s: string): string {
  const paren = s.indexOf('(');
  return (paren < 0 ? s : s.slice(0, paren)).trim();
}

interface Section {
  readonly index: number;
  readonly encoded: boolean;
  readonly value: string;
}

function addSection(into: Map<string, Section[]>, name: string, star: number, value: string): void {
  const base = name.slice(0, star);
  const rest = name.slice(star + 1);
  const encoded = rest.endsWith('*') || rest === '';
  const digits = rest.endsWith('*') ? rest.slice(0, -1) : rest;
  const index = digits === '' ? 0 : Number.parseInt(digits, 10);
  if (!Number.isFinite(index) || index < 0 || index >= MAX_SECTIONS) return;
  const list = into.get(base) ?? [];
  if (list.length < MAX_SECTIONS) list.push({ index, encoded, value });
  into.set(base, list);
}

/** RFC 2231: join sections in order; the first encoded one carries `charset'lang'`. */
function joinSections(sections: Section[]): string {
  sections.sort((a, b) => a.index - b.index);
  let charset = '';
  const bytes: number[] = [];
  for (const s of sections) {
    let v = s.value;
    if (s.encoded && s === sections[0]) {
      const q1 = v.indexOf("'");
      const q2 = q1 < 0 ? -1 : v.indexOf("'", q1 + 1);
      if (q2 >= 0) {
        charset = v.slice(0, q1);
        v = v.slice(q2 + 1);
      }
    }
    if (s.encoded) percentDecode(v, bytes);
    else for (let i = 0; i < v.length; i++) bytes.push(v.charCodeAt(i) & 0xff);
  }
  return decodeCharset(Uint8Array.from(bytes), charset).text;
}

function percentDecode(v: string, out: number[]): void {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 0x25 && i + 2 < v.length && /^[0-9a-fA-F]{2}$/.test(v.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(v.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(c & 0xff);
    }
  }
}

/** The file name of a part: Content-Disposition filename, else Content-Type name; encoded-words decoded. */
export function partFilename(disposition: HeaderParams, type: HeaderParams): string {
  const raw = disposition.params.get('filename') ?? type.params.get('name') ?? '';
  return decodeEncodedWords(raw).trim();
}
