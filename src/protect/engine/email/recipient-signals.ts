/**
 * The recipient's own address written into the subject ("jane@example.com, your parcel is
 * waiting", "User ID: jane@example.com"): a mass mailing's way to look personal. A company the
 * person deals with greets them by name. In the training and dev corpora no genuine message does
 * it, and one phishing e-mail in six does.
 */
import { organisationalDomain } from './domain-names.js';
import type { ParsedEmail } from './email-types.js';
import { editDistance } from './lookalike.js';
import { FREEMAIL } from './sender-domains.js';
import { senderMailbox } from './sender-identity.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

/** At most this many To addresses are compared (a long list is a mailing, not a person). */
const MAX_RECIPIENTS = 20;

/** Upper-case ASCII letters lowered, every other character kept: offsets stay those of the original. */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase()); // one character class: linear
}

/** A character that can continue an address on either side (so "jane@example.com" is not found inside "mary.jane@example.com.au"). */
function isAddressChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    code === 0x2d || // -
    code === 0x5f || // _
    code === 0x2b || // +
    code === 0x25 // %
  );
}

function standsAlone(text: string, start: number, end: number): boolean {
  const before = start === 0 ? 0x20 : text.charCodeAt(start - 1);
  if (isAddressChar(before) || before === 0x2e /* . */) return false;
  if (end >= text.length) return true;
  const after = text.charCodeAt(end);
  // A full stop ends a sentence; followed by a letter or digit it continues the domain.
  if (after === 0x2e) return end + 1 >= text.length || !isAddressChar(text.charCodeAt(end + 1));
  return !isAddressChar(after) && after !== 0x40 /* @ */;
}

export function recipientSignals(parsed: ParsedEmail): EmailSignal[] {
  const out = subjectSignals(parsed);
  const mimic = ownOrganisationSignal(parsed);
  if (mimic !== null) out.push(mimic);
  const role = internalRoleSignal(parsed);
  if (role !== null) out.push(role);
  return out;
}

/**
 * Words of the names an organisation's own systems and desks send under: "Voice Mail Service",
 * "IT Help Desk", "Payroll Department", "Scanner". Whole words, lower case.
 */
const ROLE_WORDS: ReadonlySet<string> = new Set([
  'voice',
  'voicemail',
  'mail',
  'fax',
  'efax',
  'scan',
  'scanner',
  'scanned',
  'copier',
  'printer',
  'message',
  'messages',
  'messaging',
  'unified',
  'service',
  'services',
  'desk',
  'help',
  'helpdesk',
  'servicedesk',
  'it',
  'ict',
  'support',
  'admin',
  'administrator',
  'administration',
  'system',
  'systems',
  'postmaster',
  'email',
  'mailbox',
  'webmail',
  'hr',
  'human',
  'resources',
  'payroll',
  'department',
  'dept',
  'team',
  'notification',
  'notifications',
  'security',
  'account',
  'accounts',
  'technical',
  'tech',
  'portal',
  'document',
  'documents',
  'sharing',
  'server',
  'alert',
  'alerts',
  'storage',
  'and',
]);

/** Words a role name must have besides "and", "team" or "department" alone. */
const FILLER_ROLE_WORDS: ReadonlySet<string> = new Set(['and', 'team', 'department', 'dept']);

/**
 * A sender that calls itself by the name of one of the recipient's own organisation's systems or
 * desks, from outside that organisation: "Voice Mail Service" <office@ridgeway-hvac.com> or
 * "Corvane IT Security" <noreply@corvane-itsecurity.com> writing to dana@corvane-logistics.com.
 * Voicemail, fax and scanner notices, IT desks, HR and payroll are what internal impersonation
 * poses as, and an organisation's own systems mail from its own domain. The display name must be
 * made only of such role words, optionally with the recipient organisation's name ("Corvane");
 * a vendor's own name ("Brightline IT Support") does not count. Not when the sender is the
 * recipient's organisation, nor a service's subdomain named after it (`corvane.service-now.com`,
 * a ticketing system sending on the organisation's behalf).
 */
function internalRoleSignal(parsed: ParsedEmail): EmailSignal | null {
  const box = senderMailbox(parsed);
  if (box === undefined || box.domain === '' || box.name === '' || parsed.to === null) return null;
  const fromOrg = organisationalDomain(box.domain);
  if (fromOrg === '') return null;
  const words = asciiLower(box.name)
    .split(/[^a-z0-9]+/) // one class: linear
    .filter((w) => w !== '');
  if (words.length === 0 || words.length > 6) return null;
  for (const to of parsed.to.mailboxes.slice(0, MAX_RECIPIENTS)) {
    const toOrg = organisationalDomain(to.domain);
    if (toOrg === '' || FREEMAIL.has(toOrg) || toOrg === fromOrg) continue;
    const own = orgLabel(toOrg).split('-');
    if (box.domain.split('.').some((l) => own.includes(l) || l === orgLabel(toOrg))) continue;
    const rest = words.filter((w) => !own.includes(w));
    if (!rest.every((w) => ROLE_WORDS.has(w))) continue;
    if (!rest.some((w) => !FILLER_ROLE_WORDS.has(w))) continue;
    return makeSignal(
      'email.display_name_internal_role',
      { name: box.name.trim(), domain: box.domain, own: toOrg },
      'from',
      parsed.from?.text ?? '',
      box.nameStart,
      box.nameEnd,
    );
  }
  return null;
}

/** The name part of a registrable domain: `acme` of `acme.co.uk`. */
function orgLabel(org: string): string {
  const dot = org.indexOf('.');
  return dot < 0 ? org : org.slice(0, dot);
}

/** Shorter organisation names are too common to be read inside another name ("abc", "law"). */
const MIN_ORG_LABEL = 4;
/** A one-letter change of a short name is another name ("acme" and "acne"); of a longer one, a typo. */
const MIN_TYPO_LABEL = 5;

/**
 * A sender whose domain is made from the recipient's own organisation's name but is not it:
 * "IT Service Desk" <helpdesk@acme-support.help> or <mark@acme-co.uk> writing to
 * jane@acme.co.uk. Internal impersonation (IT, HR, the boss, a payment change) comes from such
 * domains. Not the same name under another suffix (`acme.com` and `acme.co.uk` are often one
 * company's), not free mail, not a subdomain of a service (`acme.bamboohr.com`: the site is
 * bamboohr.com). The name must be a hyphen-separated word of the sender's (`acme-support`) or one
 * edit from it (`acrne`).
 */
function ownOrganisationSignal(parsed: ParsedEmail): EmailSignal | null {
  const box = senderMailbox(parsed);
  if (box === undefined || box.domain === '' || parsed.to === null) return null;
  const fromOrg = organisationalDomain(box.domain);
  const fromLabel = orgLabel(fromOrg);
  if (fromOrg === '' || FREEMAIL.has(fromOrg)) return null;
  for (const to of parsed.to.mailboxes.slice(0, MAX_RECIPIENTS)) {
    const toOrg = organisationalDomain(to.domain);
    const label = orgLabel(toOrg);
    if (toOrg === '' || FREEMAIL.has(toOrg) || label.length < MIN_ORG_LABEL) continue;
    if (fromLabel === label) continue;
    const word = fromLabel.split('-').includes(label);
    const typo = label.length >= MIN_TYPO_LABEL && editDistance(fromLabel, label, 1) <= 1;
    if (!word && !typo) continue;
    return makeSignal(
      'email.sender_mimics_recipient',
      { domain: box.domain, own: toOrg },
      'from',
      parsed.from?.text ?? '',
      box.addressStart,
      box.addressEnd,
    );
  }
  return null;
}

function subjectSignals(parsed: ParsedEmail): EmailSignal[] {
  const subject = parsed.subject;
  if (subject === '' || parsed.to === null) return [];
  const lowered = asciiLower(subject);
  for (const box of parsed.to.mailboxes.slice(0, MAX_RECIPIENTS)) {
    const address = asciiLower(box.address);
    const at = address.indexOf('@');
    if (at <= 0 || at === address.length - 1) continue;
    for (let i = lowered.indexOf(address); i >= 0; i = lowered.indexOf(address, i + 1)) {
      if (!standsAlone(lowered, i, i + address.length)) continue;
      return [
        makeSignal(
          'email.recipient_in_subject',
          { address: box.address },
          'subject',
          subject,
          i,
          i + address.length,
        ),
      ];
    }
  }
  return [];
}
