/**
 * The domain a person typed, made into the one ASCII (punycode) form we look up:
 * trimmed, lowercased, IDN labels converted, without a trailing dot. Hostile input
 * (the API takes names from anyone), so the length is bounded before any work and
 * every pattern is linear.
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Longest text we even look at. A domain name is at most 253 characters in ASCII. */
export const MAX_DOMAIN_INPUT = 1000;
const MAX_DOMAIN = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export type DomainInput =
  | { readonly ok: true; readonly ascii: string }
  | {
      readonly ok: false;
      readonly reason: 'empty' | 'too_long' | 'not_a_domain' | 'ip_address' | 'single_label';
    };

/**
 * @example
 * normalizeDomainInput('Bücher.Example.'); // { ok: true, ascii: 'xn--bcher-kva.example' }
 * normalizeDomainInput('https://x.org');   // { ok: false, reason: 'not_a_domain' }
 */
export function normalizeDomainInput(input: string): DomainInput {
  if (typeof input !== 'string') return { ok: false, reason: 'not_a_domain' };
  if (input.length > MAX_DOMAIN_INPUT) return { ok: false, reason: 'too_long' };
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  // domainToASCII decodes %41 and accepts "[::1]", URLs and addresses: refuse those first.
  if (/[%/\\:@[\]\s*?#]/.test(trimmed)) return { ok: false, reason: 'not_a_domain' };
  if (isIP(trimmed) !== 0) return { ok: false, reason: 'ip_address' };
  let ascii = domainToASCII(trimmed);
  if (ascii === '') return { ok: false, reason: 'not_a_domain' };
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  if (ascii.length > MAX_DOMAIN) return { ok: false, reason: 'too_long' };
  if (ascii.length === 0) return { ok: false, reason: 'not_a_domain' };
  if (isIP(ascii) !== 0) return { ok: false, reason: 'ip_address' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, reason: 'single_label' };
  for (const label of labels) if (!LABEL.test(label)) return { ok: false, reason: 'not_a_domain' };
  // A top-level domain is never all digits (that would be an IPv4 address in disguise).
  if (/^[0-9]+$/.test(labels[labels.length - 1] as string))
    return { ok: false, reason: 'ip_address' };
  return { ok: true, ascii };
}

/**
 * DNS servers as `HOST:PORT` (or `HOST`, or `[IPv6]:PORT`), comma-separated, as
 * `--resolver` and SHIELDWALL_DNS take them. Only IP addresses: node's resolver
 * cannot use a name for its server. Returns null for anything else.
 */
export function parseResolverList(text: string): string[] | null {
  if (text.length > 500) return null;
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    const parsed = parseOne(item);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out.length > 0 && out.length <= 5 ? out : null;
}

function parseOne(item: string): string | null {
  let host = item;
  let port = '';
  if (item.startsWith('[')) {
    const close = item.indexOf(']');
    if (close < 0) return null;
    host = item.slice(1, close);
    const rest = item.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return null;
    port = rest.slice(1);
  } else if (isIP(item) === 6) {
    host = item;
  } else {
    const colon = item.lastIndexOf(':');
    if (colon >= 0) {
      host = item.slice(0, colon);
      port = item.slice(colon + 1);
    }
  }
  const family = isIP(host);
  if (family === 0) return null;
  if (port !== '' && !(/^[0-9]{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    return null;
  if (port === '') return family === 6 ? `[${host}]:53` : `${host}:53`;
  return family === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
