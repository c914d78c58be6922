/**
 * Signals about the links in a message: text that shows one site while the
 * link goes to another, links to bare IP addresses, and punycode hosts. One
 * signal per kind (the first link that shows it), so reasons stay readable.
 */
import { brandOfDomain } from './brand-table.js';
import {
  decodePunycodeHost,
  isIpHost,
  isPunycodeHost,
  normaliseHost,
  organisationalDomain,
} from './domain-names.js';
import type { EmailLink, ParsedEmail } from './email-types.js';
import { findLookalike } from './lookalike.js';
import { CLICK_TRACKERS } from './sender-domains.js';
import { senderMailbox } from './sender-identity.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

const MAX_CHECKED = 2_000;

/** The host of an http(s) link, or null. Bare `www.` links are read as http. */
export function linkHost(href: string): string | null {
  const h = href.trim();
  const withScheme = /^www\./i.test(h) ? `http://${h}` : h; // anchored fixed prefix: linear
  if (!/^https?:\/\//i.test(withScheme)) return null;
  try {
    return normaliseHost(new URL(withScheme).hostname);
  } catch {
    return null;
  }
}

/** Redirect wrappers whose real target is in a query parameter (Outlook Safe Links, Google). */
function unwrap(href: string, host: string): string | null {
  const param = host.endsWith('safelinks.protection.outlook.com')
    ? 'url'
    : host.startsWith('www.google.') || host.startsWith('google.')
      ? 'q'
      : null;
  if (param === null) return null;
  try {
    const target = new URL(href).searchParams.get(param);
    return target === null ? null : linkHost(target);
  } catch {
    return null;
  }
}

/** Private, loopback and link-local addresses: technical mail links to them honestly; scams never do. */
const PRIVATE_IP = [
  /^10\./,
  /^127\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\./,
  /^::1$/,
  /^f[cde]/,
]; // anchored, no nesting: linear

/** The site a link's visible text claims, when the text is itself a web address ("www.paypal.com", "https://paypal.com/x"). */
export function hostShownInText(text: string): string | null {
  const t = text.trim();
  if (t === '' || t.length > 2048 || /\s/.test(t) || t.includes('@')) return null;
  const host = linkHost(/^https?:\/\//i.test(t) ? t : `http://${t}`);
  if (host === null || !host.includes('.') || isIpHost(host)) return null;
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return /^[a-z]{2,24}$/.test(tld) || tld.startsWith('xn--') ? host : null;
}

/** `shop.com` and `shop.co.uk`: one name under common or country endings, as companies hold them. */
function sameNameOtherCountry(a: string, b: string): boolean {
  const label = (d: string) => d.slice(0, d.indexOf('.'));
  const common = (d: string) => {
    const tld = d.slice(d.lastIndexOf('.') + 1);
    return tld.length === 2 || tld === 'com' || tld === 'net' || tld === 'org';
  };
  return label(a) !== '' && label(a) === label(b) && common(a) && common(b);
}

function textMismatch(
  link: EmailLink,
  host: string,
  fromOrg: string,
): { shown: string; actual: string } | null {
  if (link.origin === 'text') return null;
  const shown = hostShownInText(link.text);
  if (shown === null) return null;
  const target = unwrap(link.href, host) ?? host;
  const shownOrg = organisationalDomain(shown);
  const targetOrg = organisationalDomain(target);
  if (shownOrg === targetOrg || CLICK_TRACKERS.has(targetOrg)) return null;
  const shownBrand = brandOfDomain(shown);
  if (shownBrand !== undefined && shownBrand === brandOfDomain(target)) return null;
  // A sender's own click-tracking domain showing some ordinary site is normal newsletter practice.
  if (targetOrg === fromOrg && shownBrand === undefined) return null;
  if (sameNameOtherCountry(shownOrg, targetOrg) && findLookalike(target) === null) return null;
  return { shown, actual: target };
}

function evidenceFor(
  parsed: ParsedEmail,
  link: EmailLink,
): [field: 'body' | 'url', text: string, start: number, end: number] {
  if (link.inBody && link.end > link.start) return ['body', parsed.body, link.start, link.end];
  // The link is in a part that is not shown as the body: point at the address itself.
  return ['url', link.href, 0, link.href.length];
}

export function linkSignals(parsed: ParsedEmail): EmailSignal[] {
  const fromOrg = organisationalDomain(senderMailbox(parsed)?.domain ?? '');
  const found = new Map<EmailSignal['code'], EmailSignal>();
  const add = (code: EmailSignal['code'], vars: Record<string, string>, link: EmailLink) => {
    if (!found.has(code)) found.set(code, makeSignal(code, vars, ...evidenceFor(parsed, link)));
  };
  for (const link of parsed.links.slice(0, MAX_CHECKED)) {
    const host = linkHost(link.href);
    if (host === null) continue;
    if (isIpHost(host) && !PRIVATE_IP.some((re) => re.test(host)))
      add('email.link_ip_host', { host }, link);
    if (isPunycodeHost(host))
      add('email.link_punycode_host', { host, display: decodePunycodeHost(host) }, link);
    const mismatch = textMismatch(link, host, fromOrg);
    if (mismatch !== null) add('email.link_text_mismatch', mismatch, link);
  }
  return [...found.values()];
}
