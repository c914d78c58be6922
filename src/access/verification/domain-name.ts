/**
 * Domain names and mailbox addresses as applicants type them, made into the one
 * ASCII form we look up and compare. Everything here is hostile input: lengths
 * are bounded before any work, and every pattern is linear (no nested quantifiers).
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Longest text we even look at; a domain name is at most 253 characters in ASCII form. */
const MAX_INPUT = 1000;
const MAX_DOMAIN = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** What may stand in a mailbox's local part (RFC 5322 dot-atom, without quoted strings). */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const MAX_LOCAL = 64;
const MAX_ADDRESS = 254;

/**
 * The ASCII (punycode) form of a registrable-looking domain, lowercase, without
 * a trailing dot; null when it is not one: IP addresses, single labels
 * ("localhost"), bad labels, URLs, percent-escapes, or over 253 characters.
 *
 * @example
 * normalizeDomain('Bücher.Example.'); // 'xn--bcher-kva.example'
 * normalizeDomain('192.0.2.1');       // null
 */
export function normalizeDomain(input: string): string | null {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_INPUT) return null;
  const trimmed = input.trim();
  // domainToASCII decodes %41 to "A" and accepts "[::1]": refuse both before it sees them.
  if (/[%/\\:@[\]\s]/.test(trimmed)) return null;
  if (isIP(trimmed) !== 0) return null;
  let ascii = domainToASCII(trimmed);
  if (ascii === '') return null;
  if (ascii.endsWith('.')) ascii = ascii.slice(0, -1);
  if (ascii.length === 0 || ascii.length > MAX_DOMAIN || isIP(ascii) !== 0) return null;
  const labels = ascii.split('.');
  if (labels.length < 2) return null;
  for (const label of labels) if (!LABEL.test(label)) return null;
  // A top-level domain is never all digits (that would be an IPv4 address in disguise).
  if (/^[0-9]+$/.test(labels[labels.length - 1] as string)) return null;
  return ascii;
}

/** True when `domain` is `parent` or one of its subdomains (both already normalized). */
export function isAtOrUnder(domain: string, parent: string): boolean {
  return domain === parent || domain.endsWith(`.${parent}`);
}

/**
 * A mailbox address with its domain normalized; null when it is not one we send to.
 *
 * @example
 * parseMailbox('Security@Bücher.example'); // { address: 'Security@xn--bcher-kva.example', domain: 'xn--bcher-kva.example' }
 */
export function parseMailbox(input: string): { address: string; domain: string } | null {
  if (typeof input !== 'string' || input.length > MAX_ADDRESS) return null;
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  const local = text.slice(0, at);
  if (local.length > MAX_LOCAL || !LOCAL_PART.test(local)) return null;
  const domain = normalizeDomain(text.slice(at + 1));
  if (domain === null) return null;
  const address = `${local}@${domain}`;
  return address.length > MAX_ADDRESS ? null : { address, domain };
}

/**
 * Free mailbox providers: anyone can get an address there, so a confirmed
 * mailbox proves nothing about controlling the domain. Not exhaustive; the
 * reviewer still looks at the domain.
 */
const FREE_MAIL = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'pm.me',
  'gmx.com',
  'gmx.net',
  'gmx.de',
  'web.de',
  'mail.com',
  'mail.ru',
  'yandex.com',
  'yandex.ru',
  'qq.com',
  '163.com',
  '126.com',
  'zoho.com',
  'tutanota.com',
  'tuta.io',
  'fastmail.com',
]);

/** True for a free mailbox provider's domain or any of its subdomains. */
export function isFreeMailDomain(domain: string): boolean {
  for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1))
    if (FREE_MAIL.has(d)) return true;
  return false;
}
