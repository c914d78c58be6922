/**
 * URLs as the matcher compares them: scheme and host in lower case, no default
 * port, no fragment, dot segments removed, percent-encoding normalised
 * (unreserved characters decoded, hex digits in upper case, everything outside
 * ASCII encoded), no trailing slash. One pass over a bounded input; never throws.
 */
import { normalizeDomain } from './host-name.js';
import { ipText, parseIp } from './ip-address.js';

/** The longest URL looked at, in characters. */
export const MAX_URL_LENGTH = 8192;

const DEFAULT_PORTS: Readonly<Record<string, string>> = {
  http: '80',
  https: '443',
  ws: '80',
  wss: '443',
  ftp: '21',
};

export interface NormalizedUrl {
  readonly url: string;
  /** The host, normalised like a domain (an IPv6 host without its brackets). */
  readonly host: string;
  /** True when nothing follows the host (no path beyond `/`, no query): the URL names the whole site. */
  readonly bare: boolean;
}

/** See the file comment; a URL without a scheme is read as `http://`. */
export function normalizeUrl(raw: string): NormalizedUrl | null {
  let s = raw.trim();
  if (s.length === 0 || s.length > MAX_URL_LENGTH) return null;
  let schemeEnd = s.indexOf('://');
  if (schemeEnd === -1) {
    s = `http://${s}`;
    schemeEnd = 4;
  }
  let scheme = s.slice(0, schemeEnd).toLowerCase();
  if (scheme === 'hxxp' || scheme === 'hxxps') scheme = scheme.replace('xx', 'tt');
  if (scheme !== 'https' && scheme !== 'http' && !/^[a-z][a-z0-9+.-]{0,31}$/.test(scheme))
    return null;
  let i = schemeEnd + 3;
  let authorityEnd = s.length;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      authorityEnd = j;
      break;
    }
  }
  let authority = s.slice(i, authorityEnd);
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : `${normalizePercent(authority.slice(0, at))}@`;
  if (at !== -1) authority = authority.slice(at + 1);
  const hp = splitHostPort(authority);
  if (hp === null) return null;
  const host = hostOf(hp.host);
  if (host === null) return null;
  const port = hp.port === '' || DEFAULT_PORTS[scheme] === hp.port ? '' : `:${hp.port}`;
  i = authorityEnd;
  let pathEnd = s.length;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 63 || c === 35) {
      pathEnd = j;
      break;
    }
  }
  const rawPath = s.slice(i, pathEnd);
  // Browsers read `\` in a path as `/`.
  const path = normalizePath(
    normalizePercent(rawPath.includes('\\') ? rawPath.replace(/\\/g, '/') : rawPath),
  );
  let query = '';
  if (s.charCodeAt(pathEnd) === 63) {
    const hash = s.indexOf('#', pathEnd);
    query = normalizePercent(s.slice(pathEnd + 1, hash === -1 ? s.length : hash));
  }
  const hostText = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${scheme}://${userinfo}${hostText}${port}${path}${query === '' ? '' : `?${query}`}`,
    host,
    bare: path === '/' && query === '' && userinfo === '',
  };
}

function splitHostPort(a: string): { host: string; port: string } | null {
  if (a.startsWith('[')) {
    const close = a.indexOf(']');
    if (close === -1) return null;
    const rest = a.slice(close + 1);
    if (rest !== '' && !/^:\d{0,5}$/.test(rest)) return null;
    return { host: a.slice(0, close + 1), port: rest.slice(1) };
  }
  const colon = a.lastIndexOf(':');
  if (colon === -1) return { host: a, port: '' };
  const port = a.slice(colon + 1);
  if (!/^\d{0,5}$/.test(port)) return null;
  return { host: a.slice(0, colon), port: port.replace(/^0+(?=\d)/, '') };
}

/** A URL host as compared: a canonical IP address, or a normalised domain. */
function hostOf(h: string): string | null {
  if (h.startsWith('[')) {
    const ip = parseIp(h.slice(1, -1));
    return ip === null || ip.prefix !== (ip.v6 ? 128 : 32) ? null : ipText(ip);
  }
  const decoded = h.includes('%') ? safeDecode(h) : h;
  if (decoded === null) return null;
  const ip = parseIp(decoded);
  if (ip !== null && ip.prefix === 32 && !ip.v6) return ipText(ip);
  return normalizeDomain(decoded);
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX = '0123456789ABCDEF';

/**
 * `%7e` → `~`, `%2f` → `%2F`, a space or `é` → its UTF-8 percent-encoding; a
 * stray `%` becomes `%25`; nothing else changes.
 */
function normalizePercent(s: string): string {
  let i = 0;
  while (i < s.length && !needsWork(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37) {
      const h = s.slice(i + 1, i + 3);
      if (/^[0-9A-Fa-f]{2}$/.test(h)) {
        const ch = String.fromCharCode(Number.parseInt(h, 16));
        out += UNRESERVED.test(ch) ? ch : `%${h.toUpperCase()}`;
        i += 2;
      } else out += '%25';
    } else if (needsWork(c)) {
      // One code point (a surrogate pair together), as UTF-8; a lone surrogate as U+FFFD.
      const cp = s.codePointAt(i) ?? 0xfffd;
      const ch = cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      for (const b of utf8.encode(ch)) out += `%${HEX[b >> 4]}${HEX[b & 15]}`;
    } else out += s[i];
  }
  return out;
}

/** `%`, controls, space, `"`, `<`, `>`, `` ` `` and everything outside ASCII. */
function needsWork(c: number): boolean {
  return c <= 32 || c >= 127 || c === 37 || c === 34 || c === 60 || c === 62 || c === 96;
}

const utf8 = new TextEncoder();

/** Remove `.` and `..` segments (RFC 3986 §5.2.4), collapse a root-only path to `/`, and drop a trailing slash. */
function normalizePath(p: string): string {
  if (p === '' || p === '/') return '/';
  if (!p.includes('/.') && !p.includes('//') && !p.endsWith('/')) return p;
  const out: string[] = [];
  for (const seg of p.split('/').slice(1)) {
    if (seg === '.' || seg === '%2E') continue;
    if (seg === '..' || seg === '%2E%2E') out.pop();
    else out.push(seg);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return `/${out.join('/')}`;
}
