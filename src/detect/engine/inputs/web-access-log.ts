/**
 * Web server access logs in the NCSA common and combined formats (Apache, nginx default):
 * `host ident user [10/Oct/2000:13:55:36 -0700] "GET /a?b HTTP/1.1" 200 2326 "referer" "agent"`.
 * Fields are named as SigmaHQ's webserver rules expect (logsource category webserver).
 *
 * `cs-uri-query` holds the whole request target (path and query), not only the part after `?`:
 * SigmaHQ's webserver rules look for path patterns in it (path traversal `../../etc/`), and a
 * security tool should rather see too much there than miss an attack. `cs-uri-stem` is the path.
 */
import type { FieldValue } from '../event.js';
import { utcMillis } from './log-time.js';

export type WebParseResult =
  | { readonly ok: true; readonly fields: Record<string, FieldValue>; readonly time?: number }
  | { readonly ok: false; readonly reason: string };

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** Reads a `"quoted"` field; `\"` and `\\` are unescaped, other escapes (`\x16`) stay as written. */
function quoted(text: string, from: number): { value: string; next: number } | undefined {
  if (text[from] !== '"') return undefined;
  let value = '';
  let i = from + 1;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 1;
    } else if (c === '"') break;
    else value += c;
  }
  if (i >= text.length) return undefined;
  return { value, next: i + 1 };
}

function bare(text: string, from: number): { value: string; next: number } {
  const sp = text.indexOf(' ', from);
  const end = sp < 0 ? text.length : sp;
  return { value: text.slice(from, end), next: end };
}

const skipSpaces = (text: string, i: number): number => {
  let j = i;
  while (text[j] === ' ') j += 1;
  return j;
};

/** `10/Oct/2000:13:55:36 -0700` → epoch ms. */
export function parseClfTime(stamp: string): number | undefined {
  const m = /^(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)$/.exec(
    stamp,
  );
  if (m === null) return undefined;
  const month = MONTHS[m[2] as string];
  if (month === undefined) return undefined;
  const utc = utcMillis(
    Number(m[3]),
    month + 1,
    Number(m[1]),
    Number(m[4]),
    Number(m[5]),
    Number(m[6]),
  );
  if (utc === undefined) return undefined;
  const offset = (Number(m[8]) * 60 + Number(m[9])) * 60_000 * (m[7] === '-' ? -1 : 1);
  return utc - offset;
}

export function parseWebAccessLine(line: string): WebParseResult {
  const host = bare(line, 0);
  const ident = bare(line, skipSpaces(line, host.next));
  const user = bare(line, skipSpaces(line, ident.next));
  let i = skipSpaces(line, user.next);
  if (host.value === '' || line[i] !== '[')
    return { ok: false, reason: 'not a web access log line' };
  const close = line.indexOf(']', i);
  if (close < 0) return { ok: false, reason: 'web access log time is not closed' };
  const time = parseClfTime(line.slice(i + 1, close));
  if (time === undefined) return { ok: false, reason: 'web access log time is not valid' };
  const request = quoted(line, skipSpaces(line, close + 1));
  if (request === undefined) return { ok: false, reason: 'web access log request is not quoted' };
  const status = bare(line, skipSpaces(line, request.next));
  const bytes = bare(line, skipSpaces(line, status.next));
  if (!/^\d{3}$/.test(status.value))
    return { ok: false, reason: 'web access log status is not valid' };
  const fields: Record<string, FieldValue> = Object.create(null);
  fields['c-ip'] = host.value;
  if (user.value !== '-') fields['cs-username'] = user.value;
  requestFields(request.value, fields);
  fields['sc-status'] = Number(status.value);
  if (/^\d{1,15}$/.test(bytes.value)) fields['sc-bytes'] = Number(bytes.value);
  i = skipSpaces(line, bytes.next);
  const referer = quoted(line, i);
  if (referer !== undefined) {
    if (referer.value !== '-') fields['cs-referer'] = referer.value;
    const agent = quoted(line, skipSpaces(line, referer.next));
    if (agent !== undefined && agent.value !== '-') fields['cs-user-agent'] = agent.value;
  }
  return { ok: true, fields, time };
}

/** `GET /path?query HTTP/1.1`; a malformed request line (a scanner's garbage) is kept whole. */
function requestFields(request: string, fields: Record<string, FieldValue>): void {
  const parts = request.split(' ');
  if (parts.length !== 3 || !/^[A-Z]{1,20}$/.test(parts[0] as string)) {
    fields['cs-uri-query'] = request;
    fields['cs-uri'] = request;
    return;
  }
  const [method, target, version] = parts as [string, string, string];
  fields['cs-method'] = method;
  fields['cs-version'] = version;
  fields['cs-uri'] = target;
  fields['cs-uri-query'] = target;
  const q = target.indexOf('?');
  fields['cs-uri-stem'] = q < 0 ? target : target.slice(0, q);
}
