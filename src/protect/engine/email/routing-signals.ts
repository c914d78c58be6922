/**
 * Where replies and bounces go: a Reply-To or Return-Path of another
 * organisation than the From address. Both differ legitimately often (mailing
 * lists, bulk-mail services, forwarding), so we compare organisational
 * domains and stay quiet when the difference has an honest explanation.
 */
import { brandOfDomain } from './brand-table.js';
import { organisationalDomain } from './domain-names.js';
import type { Mailbox, ParsedEmail } from './email-types.js';
import { BULK_SENDERS, FREEMAIL } from './sender-domains.js';
import {
  alignedPass,
  firstDomain,
  type ListContext,
  listContext,
  senderMailbox,
} from './sender-identity.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

/** Same organisation, or two domains of the same brand (paypal.com / paypal.co.uk). */
function sameOwner(a: string, b: string): boolean {
  if (organisationalDomain(a) === organisationalDomain(b)) return true;
  const brand = brandOfDomain(a);
  return brand !== undefined && brand === brandOfDomain(b);
}

function replyToSignal(parsed: ParsedEmail, from: Mailbox, list: ListContext): EmailSignal | null {
  const field = parsed.replyTo;
  const box = field?.mailboxes.find((m) => m.domain !== '');
  if (field === null || box === undefined || sameOwner(box.domain, from.domain)) return null;
  const replyOrg = organisationalDomain(box.domain);
  if (list.orgs.has(replyOrg)) return null; // replies go to the list, as lists intend
  if (BULK_SENDERS.has(replyOrg)) return null; // help-desk and mailing services (Zendesk, HubSpot…) take replies for companies
  const vars = { reply: box.address, domain: from.domain };
  const fromOrg = organisationalDomain(from.domain);
  const code =
    FREEMAIL.has(replyOrg) && !FREEMAIL.has(fromOrg)
      ? 'email.reply_to_freemail'
      : 'email.reply_to_mismatch';
  return makeSignal(code, vars, 'reply_to', field.text, box.addressStart, box.addressEnd);
}

/** Sender Rewriting Scheme: forwarders rewrite the bounce address as SRS0=…@forwarder. */
function isForwarded(localPart: string): boolean {
  const l = localPart.toLowerCase();
  return (
    l.startsWith('srs0=') || l.startsWith('srs1=') || l.startsWith('srs0+') || l.startsWith('srs1+')
  );
}

/** Characters of a bounce address read: VERP addresses encode a recipient and an id, never more. */
const MAX_BOUNCE_CHARS = 200;

/**
 * A bounce-handling address: the Return-Path a mailing service sets so that
 * undeliverable mail comes back to it, not to the sender (`bounce-123@…`,
 * `owner-nolist-…@…`, `…@bounces.…`, `…@bounced.…`). Such a service sends for
 * the From organisation, as the known ones in BULK_SENDERS do; a forger sets
 * a plain address instead. A null sender (`MAILER-DAEMON`) is not one.
 */
function isBounceHandler(box: Mailbox): boolean {
  const address = box.address.slice(0, MAX_BOUNCE_CHARS).toLowerCase();
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const firstLabel = box.domain.toLowerCase().split('.')[0] ?? '';
  // Anchored alternations of fixed words over ≤ 200 characters: linear.
  return (
    /^(?:bounces?|bnc|return)(?:[-_.+=\d]|$)/.test(local) ||
    /^(?:owner-|list-errors)/.test(local) ||
    /[-_.+](?:bounces?|errors)(?:[-_.+=]|$)/.test(local) ||
    /^(?:bounces?|bounced|bnc|return)\d*$/.test(firstLabel)
  );
}

function returnPathSignal(
  parsed: ParsedEmail,
  from: Mailbox,
  list: ListContext,
): EmailSignal | null {
  const field = parsed.returnPath;
  const box = field?.mailboxes.find((m) => m.domain !== '');
  if (field === null || box === undefined || sameOwner(box.domain, from.domain)) return null;
  const rpOrg = organisationalDomain(box.domain);
  if (list.isList || list.orgs.has(rpOrg) || BULK_SENDERS.has(rpOrg)) return null;
  if (isBounceHandler(box)) return null; // a mailing service we do not know by name
  if (isForwarded(box.address.slice(0, box.address.lastIndexOf('@')))) return null;
  if (alignedPass(parsed, from.domain)) return null; // the From domain signed it: the bounce address does not matter
  const vars = { returnPath: box.domain, domain: from.domain };
  return makeSignal(
    'email.return_path_mismatch',
    vars,
    'return_path',
    field.text,
    box.addressStart,
    box.addressEnd,
  );
}

export function routingSignals(parsed: ParsedEmail): EmailSignal[] {
  const from = senderMailbox(parsed);
  if (from === undefined || from.domain === '' || firstDomain(parsed.from) === '') return [];
  const list = listContext(parsed);
  const out: EmailSignal[] = [];
  for (const s of [replyToSignal(parsed, from, list), returnPathSignal(parsed, from, list)])
    if (s !== null) out.push(s);
  return out;
}
