/**
 * Signals about the sender's name and address: a display name that claims a
 * brand or shows another address than the real one, a look-alike sender
 * domain, and hidden characters in the name or subject.
 */
import { BRANDS, type Brand, brandPlausiblyOwns } from './brand-table.js';
import { normaliseHost, organisationalDomain } from './domain-names.js';
import type { Mailbox, ParsedEmail } from './email-types.js';
import { findHiddenChar, stripHiddenChars } from './hidden-chars.js';
import { findLookalike, foldLetters } from './lookalike.js';
import { FREEMAIL } from './sender-domains.js';
import { senderMailbox } from './sender-identity.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

/** Whole-word phrase match in folded text; phrases in non-Latin scripts match anywhere. */
function hasPhrase(folded: string, phrase: string): boolean {
  const ascii = /^[\x20-\x7e]+$/.test(phrase);
  let at = folded.indexOf(phrase);
  while (at >= 0) {
    const before = at === 0 || !isWordChar(folded.charCodeAt(at - 1));
    const after =
      at + phrase.length >= folded.length || !isWordChar(folded.charCodeAt(at + phrase.length));
    if (!ascii || (before && after)) return true;
    at = folded.indexOf(phrase, at + 1);
  }
  return false;
}

export function claimedBrand(displayName: string): Brand | undefined {
  // ™ and ® would become "tm"/"r" under NFKC and glue onto the brand name.
  const folded = foldLetters(stripHiddenChars(displayName).replace(/[™®©℠]/g, ' ')); // one class: linear
  return BRANDS.find((b) => b.keywords.some((k) => hasPhrase(folded, k)));
}

/** Top-level domains we recognise in display names like "paypal.com" (a short list is enough for names). */
const NAME_TLDS = new Set([
  'com',
  'net',
  'org',
  'info',
  'biz',
  'co',
  'io',
  'us',
  'uk',
  'de',
  'fr',
  'jp',
  'in',
  'ru',
  'cn',
  'br',
  'au',
  'ca',
  'eu',
  'gov',
  'edu',
  'me',
  'app',
  'online',
  'top',
  'xyz',
  'shop',
  'site',
  'support',
  'help',
]);

/** An email address or domain written inside a display name, e.g. "support@apple.com" or "Amazon.com". */
export function domainShownInName(name: string): string | null {
  const tokens = stripHiddenChars(name)
    .toLowerCase()
    .split(/[\s"'<>()[\],;:]+/); // one class: linear
  for (const token of tokens) {
    const at = token.lastIndexOf('@');
    const host = normaliseHost(at >= 0 ? token.slice(at + 1) : token);
    const labels = host.split('.');
    const tld = labels[labels.length - 1] ?? '';
    if (labels.length < 2 || !NAME_TLDS.has(tld)) continue;
    if (labels.every((l) => /^[a-z0-9-]+$/.test(l) && l !== '')) return host;
  }
  return null;
}

function brandSignal(box: Mailbox, parsed: ParsedEmail): EmailSignal | null {
  const brand = claimedBrand(box.name);
  const org = organisationalDomain(box.domain);
  if (brand === undefined || brandPlausiblyOwns(brand, box.domain, org)) return null;
  const domain = FREEMAIL.has(org)
    ? `${box.domain} (a free email account anyone can open)`
    : box.domain;
  const text = parsed.from?.text ?? '';
  return makeSignal(
    'email.display_name_brand',
    { brand: brand.name, domain },
    'from',
    text,
    box.nameStart,
    box.nameEnd,
  );
}

function shownAddressSignal(box: Mailbox, parsed: ParsedEmail): EmailSignal | null {
  // "Jane via Team" is how mailing lists rewrite senders; the shown address is then the real author's.
  if (/\svia\s/i.test(box.name)) return null; // fixed word between single spaces: linear
  const shown = domainShownInName(box.name);
  if (shown === null || organisationalDomain(shown) === organisationalDomain(box.domain))
    return null;
  // "GOV.UK" <noreply@notifications.service.gov.uk>: the sender is inside the name shown, which is
  // a public suffix and so has no organisational domain of its own to compare.
  if (box.domain.endsWith(`.${shown}`)) return null;
  const text = parsed.from?.text ?? '';
  return makeSignal(
    'email.display_name_address',
    { shown, actual: box.address },
    'from',
    text,
    box.nameStart,
    box.nameEnd,
  );
}

function lookalikeSignal(box: Mailbox, parsed: ParsedEmail): EmailSignal | null {
  const found = findLookalike(box.domain);
  if (found === null) return null;
  const text = parsed.from?.text ?? '';
  return makeSignal(
    'email.sender_lookalike',
    { domain: box.domain, brand: found.brand.name },
    'from',
    text,
    box.addressStart,
    box.addressEnd,
  );
}

function hiddenCharSignals(box: Mailbox | undefined, parsed: ParsedEmail): EmailSignal[] {
  const out: EmailSignal[] = [];
  const fromText = parsed.from?.text ?? '';
  if (box !== undefined) {
    const at = findHiddenChar(box.name);
    if (at >= 0)
      out.push(
        makeSignal('email.sender_hidden_chars', {}, 'from', fromText, box.nameStart, box.nameEnd),
      );
  }
  const at = findHiddenChar(parsed.subject);
  if (at >= 0)
    out.push(makeSignal('email.subject_hidden_chars', {}, 'subject', parsed.subject, at, at + 1));
  return out;
}

export function senderSignals(parsed: ParsedEmail): EmailSignal[] {
  const box = senderMailbox(parsed);
  const out: EmailSignal[] = [];
  if (box !== undefined && box.domain !== '') {
    const brand = box.name === '' ? null : brandSignal(box, parsed);
    const shown = box.name === '' ? null : shownAddressSignal(box, parsed);
    const look = lookalikeSignal(box, parsed);
    for (const s of [brand, shown, look]) if (s !== null) out.push(s);
  }
  out.push(...hiddenCharSignals(box, parsed));
  return out;
}
