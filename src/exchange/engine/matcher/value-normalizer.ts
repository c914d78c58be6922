/**
 * One canonical text per indicator value, so that what a feed wrote and what a
 * person pasted compare equal: host names in lower case without a trailing dot,
 * URLs with scheme and host in lower case, no default port, no fragment, dot
 * segments removed, percent-encoding normalised (unreserved characters decoded,
 * hex digits in upper case, everything outside ASCII encoded) and no trailing
 * slash; hashes in lower-case hex; phone numbers in E.164; wallet addresses as
 * their chain writes them. Every function runs in one pass over a bounded input
 * and returns null for what is not a value of its kind; none throws.
 */

import { isCanonicalDomain, normalizeDomain, refang } from './host-name.js';
import { ipText, parseIp } from './ip-address.js';
import { normalizeUrl } from './url-normalizer.js';

export { normalizeDomain } from './host-name.js';
export { formatIpv4, formatIpv6, ipText, type ParsedIp, parseIp, parseIpv4 } from './ip-address.js';
export { type NormalizedUrl, normalizeUrl } from './url-normalizer.js';

/** The longest value looked at, in characters: longer input is not an indicator value. */
export const MAX_VALUE_LENGTH = 8192;

export type ValueKind = 'domain' | 'url' | 'ip' | 'email' | 'hash' | 'phone' | 'wallet';
export const VALUE_KINDS: readonly ValueKind[] = [
  'domain',
  'url',
  'ip',
  'email',
  'hash',
  'phone',
  'wallet',
];

/** MD5, SHA-1 or SHA-256 in lower-case hex. */
export function normalizeHash(raw: string): string | null {
  if (isLowerHex(raw)) return raw;
  const s = raw.trim();
  if (s.length !== 32 && s.length !== 40 && s.length !== 64) return null;
  return /^[0-9a-fA-F]+$/.test(s) ? s.toLowerCase() : null;
}

/** `Local@Host.Example.` → `local@host.example` (a `mailto:` prefix is dropped). */
export function normalizeEmail(raw: string): string | null {
  if (isCanonicalEmail(raw)) return raw;
  let s = refang(raw.trim());
  if (s.length > 320) return null;
  if (s.toLowerCase().startsWith('mailto:')) s = s.slice(7);
  const at = s.lastIndexOf('@');
  if (at < 1 || at > 64) return null;
  const local = s.slice(0, at).toLowerCase();
  for (let i = 0; i < local.length; i++) {
    const c = local.charCodeAt(i);
    if (c <= 32 || c === 64 || c === 127 || c === 60 || c === 62) return null;
  }
  const domain = normalizeDomain(s.slice(at + 1));
  return domain === null || !domain.includes('.') ? null : `${local}@${domain}`;
}

/** Already canonical (the fast path of the matcher's lookups): a hash in lower-case hex. */
function isLowerHex(s: string): boolean {
  const n = s.length;
  if (n !== 32 && n !== 40 && n !== 64) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * Already canonical: a local part of printable ASCII without upper case, `<`, `>`,
 * `[` or a second `@`, not `mailto:`, and a canonical domain with a dot.
 */
function isCanonicalEmail(s: string): boolean {
  const n = s.length;
  if (n > 320) return false;
  const at = s.indexOf('@');
  if (at < 1 || at > 64 || s.startsWith('mailto:')) return false;
  for (let i = 0; i < at; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 60 || c === 62 || c === 91 || (c >= 65 && c <= 90))
      return false;
  }
  return isCanonicalDomain(s, at + 1, n) && s.indexOf('.', at + 1) !== -1;
}

/** E.164: `+` and 8–15 digits, the first not 0. Spaces, dots, dashes and brackets are dropped; `00` and `tel:` are read as `+`. */
export function normalizePhone(raw: string): string | null {
  let s = raw.trim();
  if (s.length > 40) return null;
  if (s.toLowerCase().startsWith('tel:')) s = s.slice(4);
  let digits = '';
  let plus = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += s[i];
    else if (c === 43 && i === 0) plus = true;
    else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41) return null;
  }
  if (!plus) {
    if (!digits.startsWith('00')) return null;
    digits = digits.slice(2);
  }
  if (digits.length < 8 || digits.length > 15 || digits.charCodeAt(0) === 48) return null;
  return `+${digits}`;
}

const BASE58 = /^[13][1-9A-HJ-NP-Za-km-z]{25,34}$/;
const BECH32 = /^(bc1|tb1)[02-9ac-hj-np-z]{8,87}$/;
const ETH = /^0x[0-9a-f]{40}$/;

/** Bitcoin (base58, case kept; bech32, lower case) or Ethereum (`0x` + 40 hex, lower case). Checksums are not verified. */
export function normalizeWallet(raw: string): string | null {
  const s = raw.trim();
  if (s.length > 100) return null;
  if (BASE58.test(s)) return s;
  const lower = s.toLowerCase();
  if (ETH.test(lower)) return lower;
  // bech32 is one case or the other, never mixed.
  if ((s === lower || s === s.toUpperCase()) && BECH32.test(lower)) return lower;
  return null;
}

/** The kind of a bare value and its canonical text: what `intel match VALUE` and plain lists need. */
export function classifyValue(raw: string): { kind: ValueKind; value: string } | null {
  const s = raw.trim();
  if (s.length === 0 || s.length > MAX_VALUE_LENGTH) return null;
  if (s.includes('://')) {
    const u = normalizeUrl(s);
    return u === null ? null : { kind: 'url', value: u.url };
  }
  if (s.includes('@') || s.toLowerCase().startsWith('mailto:')) {
    const e = normalizeEmail(s);
    return e === null ? null : { kind: 'email', value: e };
  }
  const ip = parseIp(s);
  if (ip !== null) return { kind: 'ip', value: ipText(ip) };
  const hash = normalizeHash(s);
  if (hash !== null) return { kind: 'hash', value: hash };
  const wallet = normalizeWallet(s);
  if (wallet !== null) return { kind: 'wallet', value: wallet };
  if (/^(\+|00|tel:)/i.test(s)) {
    const phone = normalizePhone(s);
    if (phone !== null) return { kind: 'phone', value: phone };
  }
  if (s.includes('/')) {
    const u = normalizeUrl(s);
    return u === null ? null : { kind: 'url', value: u.url };
  }
  const d = normalizeDomain(s);
  return d === null || !d.includes('.') ? null : { kind: 'domain', value: d };
}

/** The canonical text of `raw` read as `kind`, or null. */
export function normalizeAs(kind: ValueKind, raw: string): string | null {
  if (raw.length > MAX_VALUE_LENGTH) return null;
  switch (kind) {
    case 'domain':
      return normalizeDomain(raw);
    case 'url':
      return normalizeUrl(raw)?.url ?? null;
    case 'ip': {
      const ip = parseIp(raw);
      return ip === null ? null : ipText(ip);
    }
    case 'email':
      return normalizeEmail(raw);
    case 'hash':
      return normalizeHash(raw);
    case 'phone':
      return normalizePhone(raw);
    case 'wallet':
      return normalizeWallet(raw);
  }
}
