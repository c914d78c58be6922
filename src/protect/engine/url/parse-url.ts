/**
 * A forgiving, bounded URL splitter. We do not use `new URL()` for the whole
 * string because (1) it rejects much of what scammers send (`paypal.com/x`
 * without a scheme, spaces, backslashes), (2) it rewrites the very tricks we
 * want to see (`http://3232235777` becomes `192.168.1.1`), and (3) a 100 KB
 * URL should cost microseconds, so we read only what we need: the scheme, the
 * authority (at most MAX_AUTHORITY characters) and the first MAX_TAIL
 * characters of path + query + fragment. Offsets are UTF-16 code units into
 * the original string, for evidence spans.
 */

export const MAX_AUTHORITY = 2048;
export const MAX_TAIL = 4096;

/** Schemes whose URLs have a `//host` part (browsers accept any number of / or \ after them). */
const AUTHORITY_SCHEMES = new Set(['http', 'https', 'ftp', 'ws', 'wss', 'hxxp', 'hxxps']);
/** Schemes that run or embed content instead of naming a site. */
export const DANGEROUS_SCHEMES = new Set(['javascript', 'data', 'vbscript', 'blob']);

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface ParsedUrl {
  readonly input: string;
  /** Lower-case scheme without the colon; '' when the URL had none. */
  readonly scheme: string;
  /** True for `data:`, `javascript:`, `mailto:`…: no host to look at. */
  readonly opaque: boolean;
  /** `user:pass` before an `@` in the authority, as written. */
  readonly userinfo: string;
  readonly userinfoSpan: Span | undefined;
  /** The host as written (brackets kept for IPv6), not yet lower-cased or IDNA-mapped. */
  readonly rawHost: string;
  readonly hostSpan: Span;
  /** Port digits as written, '' when absent. */
  readonly port: string;
  readonly path: string;
  readonly pathSpan: Span;
  readonly query: string;
  readonly fragment: string;
  /** True when the authority or the tail was cut at the bounds above. */
  readonly truncated: boolean;
}

function isSpaceOrControl(code: number): boolean {
  return code <= 0x20 || code === 0x7f || code === 0xa0 || code === 0xfeff;
}

/** Read `[a-z][a-z0-9+.-]*:` at `pos`; returns the index of the colon or -1. */
function schemeEnd(s: string, pos: number): number {
  const first = s.charCodeAt(pos) | 0x20;
  if (!(first >= 0x61 && first <= 0x7a)) return -1;
  const limit = Math.min(s.length, pos + 32);
  for (let i = pos + 1; i < limit; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) return i;
    const lower = c | 0x20;
    const ok =
      (lower >= 0x61 && lower <= 0x7a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2b ||
      c === 0x2d ||
      c === 0x2e;
    if (!ok) return -1;
  }
  return -1;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Split a URL (with or without scheme) into its parts. Never throws. */
export function parseUrl(input: string): ParsedUrl {
  let pos = 0;
  while (pos < input.length && isSpaceOrControl(input.charCodeAt(pos))) pos++;
  let scheme = '';
  const colon = schemeEnd(input, pos);
  // `example.com:8080/x` has no scheme: a digit after the colon means a port.
  if (colon > 0 && !isDigit(input.charCodeAt(colon + 1))) {
    scheme = input.slice(pos, colon).toLowerCase();
    pos = colon + 1;
    if (!AUTHORITY_SCHEMES.has(scheme) && !input.startsWith('//', pos)) {
      return opaqueUrl(input, scheme, pos);
    }
  }
  while (pos < input.length && (input[pos] === '/' || input[pos] === '\\')) pos++;
  return parseAuthorityAndTail(input, scheme, pos);
}

function opaqueUrl(input: string, scheme: string, pos: number): ParsedUrl {
  const end = Math.min(input.length, pos + MAX_TAIL);
  const empty = { start: pos, end: pos };
  return {
    input,
    scheme,
    opaque: true,
    userinfo: '',
    userinfoSpan: undefined,
    rawHost: '',
    hostSpan: empty,
    port: '',
    path: input.slice(pos, end),
    pathSpan: { start: pos, end },
    query: '',
    fragment: '',
    truncated: input.length > end,
  };
}

function parseAuthorityAndTail(input: string, scheme: string, start: number): ParsedUrl {
  const limit = Math.min(input.length, start + MAX_AUTHORITY);
  let end = start;
  while (end < limit) {
    const c = input.charCodeAt(end);
    if (c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23 || isSpaceOrControl(c)) break;
    end++;
  }
  const authorityTruncated =
    end === limit && limit < input.length && !isAuthorityEnd(input.charCodeAt(limit));
  const at = input.lastIndexOf('@', end - 1);
  const hostStart = at >= start ? at + 1 : start;
  const { hostEnd, port } = splitPort(input, hostStart, end);
  const tail = readTail(input, end);
  return {
    input,
    scheme,
    opaque: false,
    userinfo: at >= start ? input.slice(start, at) : '',
    userinfoSpan: at >= start ? { start, end: at } : undefined,
    rawHost: input.slice(hostStart, hostEnd),
    hostSpan: { start: hostStart, end: hostEnd },
    port,
    ...tail,
    truncated: authorityTruncated || tail.truncated,
  };
}

function isAuthorityEnd(c: number): boolean {
  return c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23 || isSpaceOrControl(c);
}

function splitPort(
  input: string,
  hostStart: number,
  end: number,
): { hostEnd: number; port: string } {
  if (input.charCodeAt(hostStart) === 0x5b) {
    const close = input.indexOf(']', hostStart);
    if (close < 0 || close >= end) return { hostEnd: end, port: '' };
    const port = input.charCodeAt(close + 1) === 0x3a ? input.slice(close + 2, end) : '';
    return { hostEnd: close + 1, port };
  }
  const colon = input.lastIndexOf(':', end - 1);
  if (colon < hostStart) return { hostEnd: end, port: '' };
  return { hostEnd: colon, port: input.slice(colon + 1, end) };
}

function readTail(
  input: string,
  from: number,
): { path: string; pathSpan: Span; query: string; fragment: string; truncated: boolean } {
  const end = Math.min(input.length, from + MAX_TAIL);
  let stop = from;
  while (stop < end && !isSpaceOrControl(input.charCodeAt(stop))) stop++;
  const tail = input.slice(from, stop);
  const hash = tail.indexOf('#');
  const beforeHash = hash >= 0 ? tail.slice(0, hash) : tail;
  const q = beforeHash.indexOf('?');
  const path = q >= 0 ? beforeHash.slice(0, q) : beforeHash;
  return {
    path,
    pathSpan: { start: from, end: from + path.length },
    query: q >= 0 ? beforeHash.slice(q + 1) : '',
    fragment: hash >= 0 ? tail.slice(hash + 1) : '',
    truncated: input.length > end && stop === end,
  };
}
