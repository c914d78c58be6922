/**
 * Syslog lines: RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] MSG`), RFC 3164 / BSD
 * (`<PRI>Mmm dd hh:mm:ss HOST TAG[PID]: MSG`) and the file form written by rsyslog / syslog-ng
 * (the same without `<PRI>`, with a BSD or an ISO 8601 timestamp). Hand-written scanners, no
 * backtracking regexes: the input comes from the network.
 */

export interface SyslogMessage {
  readonly facility?: number;
  readonly severity?: number;
  /** Epoch ms; BSD timestamps carry no year, so `year` from the caller decides (UTC assumed). */
  readonly time?: number;
  readonly host?: string;
  readonly program?: string;
  readonly pid?: number;
  readonly msgid?: string;
  /** RFC 5424 structured data: SD-ID → param → value. */
  readonly structuredData?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly message: string;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type SyslogParseResult =
  | { readonly ok: true; readonly value: SyslogMessage }
  | { readonly ok: false; readonly reason: string };

import { parseIsoMillis, utcMillis } from './log-time.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function parseSyslogLine(line: string, options: { year?: number } = {}): SyslogParseResult {
  let rest = line;
  let facility: number | undefined;
  let severity: number | undefined;
  if (rest.startsWith('<')) {
    const close = rest.indexOf('>');
    const pri = close > 1 && close <= 4 ? Number(rest.slice(1, close)) : Number.NaN;
    if (!Number.isInteger(pri) || pri < 0 || pri > 191 || !/^\d+$/.test(rest.slice(1, close))) {
      return { ok: false, reason: 'syslog priority <PRI> is not valid' };
    }
    facility = pri >> 3;
    severity = pri & 7;
    rest = rest.slice(close + 1);
    if (rest.startsWith('1 ')) return parse5424(rest.slice(2), facility, severity);
  }
  return parseBsd(rest, facility, severity, options.year);
}

/** Splits off the next space-separated token. */
function token(text: string): [string, string] {
  const sp = text.indexOf(' ');
  return sp < 0 ? [text, ''] : [text.slice(0, sp), text.slice(sp + 1)];
}

const nil = (v: string): string | undefined => (v === '-' || v === '' ? undefined : v);

function parse5424(text: string, facility: number, severity: number): SyslogParseResult {
  const [stamp, a] = token(text);
  const [host, b] = token(a);
  const [app, c] = token(b);
  const [procid, d] = token(c);
  const [msgid, e] = token(d);
  if (msgid === '') return { ok: false, reason: 'RFC 5424 header is incomplete' };
  const time = stamp === '-' ? undefined : parseIsoMillis(stamp);
  if (stamp !== '-' && time === undefined) {
    return { ok: false, reason: 'RFC 5424 timestamp is not valid' };
  }
  const sd = parseStructuredData(e);
  if (!sd.ok) return sd;
  let message = sd.rest.startsWith(' ') ? sd.rest.slice(1) : sd.rest;
  if (message.startsWith('\uFEFF')) message = message.slice(1);
  const pid = nil(procid) !== undefined && /^\d{1,10}$/.test(procid) ? Number(procid) : undefined;
  const value: Mutable<SyslogMessage> = { message, facility, severity };
  if (time !== undefined) value.time = time;
  if (nil(host) !== undefined) value.host = host;
  if (nil(app) !== undefined) value.program = app;
  if (pid !== undefined) value.pid = pid;
  if (nil(msgid) !== undefined) value.msgid = msgid;
  if (sd.data !== undefined) value.structuredData = sd.data;
  return { ok: true, value };
}

type SdResult =
  | { ok: true; data: Record<string, Record<string, string>> | undefined; rest: string }
  | { ok: false; reason: string };

/** `-` or one or more `[id k="v" ...]`; values escape `"`, `\` and `]` with a backslash. */
export function parseStructuredData(text: string): SdResult {
  if (text.startsWith('-')) return { ok: true, data: undefined, rest: text.slice(1) };
  if (!text.startsWith('[')) return { ok: false, reason: 'RFC 5424 structured data is missing' };
  const data: Record<string, Record<string, string>> = Object.create(null);
  let i = 0;
  while (text[i] === '[') {
    i += 1;
    const idEnd = scanName(text, i);
    const id = text.slice(i, idEnd);
    if (id === '') return { ok: false, reason: 'structured data element has no id' };
    const params: Record<string, string> = data[id] ?? Object.create(null);
    data[id] = params;
    i = idEnd;
    while (text[i] === ' ') {
      const nameEnd = scanName(text, i + 1);
      const name = text.slice(i + 1, nameEnd);
      if (name === '' || text[nameEnd] !== '=' || text[nameEnd + 1] !== '"') {
        return { ok: false, reason: 'structured data parameter is not name="value"' };
      }
      let value = '';
      let j = nameEnd + 2;
      for (; j < text.length && text[j] !== '"'; j++) {
        const ch = text[j] as string;
        const next = text[j + 1];
        if (ch === '\\' && (next === '"' || next === '\\' || next === ']')) {
          value += next;
          j += 1;
        } else value += ch;
      }
      if (j >= text.length) return { ok: false, reason: 'structured data value is not closed' };
      params[name] = value;
      i = j + 1;
    }
    if (text[i] !== ']') return { ok: false, reason: 'structured data element is not closed' };
    i += 1;
  }
  return { ok: true, data, rest: text.slice(i) };
}

function scanName(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from < 32) {
    const c = text.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 61 || c === 93 || c === 34) break;
    i += 1;
  }
  return i;
}

function parseBsd(
  text: string,
  facility: number | undefined,
  severity: number | undefined,
  year: number | undefined,
): SyslogParseResult {
  const stamp = bsdTimestamp(text, year) ?? isoTimestamp(text);
  if (stamp === undefined)
    return { ok: false, reason: 'no syslog timestamp at the start of the line' };
  const [host, afterHost] = token(stamp.rest);
  if (host === '') return { ok: false, reason: 'syslog line has no host name' };
  const tag = parseTag(afterHost);
  const value: Mutable<SyslogMessage> = { message: tag.message, host };
  if (stamp.time !== undefined) value.time = stamp.time;
  if (tag.program !== undefined) value.program = tag.program;
  if (tag.pid !== undefined) value.pid = tag.pid;
  if (facility !== undefined) {
    value.facility = facility;
    value.severity = severity;
  }
  return { ok: true, value };
}

/** `Mmm dd hh:mm:ss ` (day space-padded). */
function bsdTimestamp(
  text: string,
  year: number | undefined,
): { time: number | undefined; rest: string } | undefined {
  const month = MONTHS.indexOf(text.slice(0, 3));
  if (month < 0 || text[3] !== ' ' || text[15] !== ' ') return undefined;
  const day = Number(text.slice(4, 6).trim());
  const clock = text.slice(7, 15);
  if (!/^\d\d:\d\d:\d\d$/.test(clock) || !Number.isInteger(day) || day < 1 || day > 31) {
    return undefined;
  }
  const h = Number(clock.slice(0, 2));
  const m = Number(clock.slice(3, 5));
  const s = Number(clock.slice(6, 8));
  const time = year === undefined ? undefined : utcMillis(year, month + 1, day, h, m, s);
  return { time, rest: text.slice(16) };
}

/** `2024-05-01T10:00:00.123456+02:00 ` as rsyslog writes with its high-precision template. */
function isoTimestamp(text: string): { time: number; rest: string } | undefined {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(text)) return undefined;
  const [stamp, rest] = token(text);
  const time = parseIsoMillis(stamp);
  return time === undefined ? undefined : { time, rest };
}

/** `sshd[123]: msg`, `sudo: msg`, `kernel: msg`; anything else is all message. */
function parseTag(text: string): { program?: string; pid?: number; message: string } {
  let i = 0;
  while (i < text.length && i < 64) {
    const c = text[i] as string;
    if (c === '[' || c === ':' || c === ' ') break;
    i += 1;
  }
  const program = text.slice(0, i);
  if (program === '') return { message: text };
  if (text[i] === ':') return { program, message: text.slice(i + 1).trimStart() };
  if (text[i] === '[') {
    const close = text.indexOf(']', i);
    const pidText = close > i ? text.slice(i + 1, close) : '';
    if (/^\d{1,10}$/.test(pidText) && text[close + 1] === ':') {
      return { program, pid: Number(pidText), message: text.slice(close + 2).trimStart() };
    }
  }
  return { message: text };
}
