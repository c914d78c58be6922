/**
 * Mail services a small business commonly authorizes in SPF, recognized by their
 * include: name, and what that means for DMARC alignment. Services marked
 * `ownReturnPath` send with their own bounce address (MAIL FROM), so SPF passes
 * for *their* domain, not yours: for DMARC their mail must carry a DKIM signature
 * for your domain. Not exhaustive; unknown includes are simply not judged.
 */
import { isUnder } from '../url/public-suffix.js';

export interface KnownSender {
  readonly name: string;
  /** SPF include names (a match is the name itself or a subdomain of it). */
  readonly includes: readonly string[];
  /** MX hosts that identify it as the mailbox provider, when it is one. */
  readonly mx?: readonly string[];
  /** True when it uses its own bounce domain unless you set up a custom one. */
  readonly ownReturnPath: boolean;
  /** DKIM selectors it tells customers to publish (checked in addition to the common ones). */
  readonly selectors: readonly string[];
}

export const KNOWN_SENDERS: readonly KnownSender[] = [
  {
    name: 'Google Workspace',
    includes: ['_spf.google.com'],
    mx: ['google.com', 'googlemail.com'],
    ownReturnPath: false,
    selectors: ['google'],
  },
  {
    name: 'Microsoft 365',
    includes: ['spf.protection.outlook.com'],
    mx: ['mail.protection.outlook.com'],
    ownReturnPath: false,
    selectors: ['selector1', 'selector2'],
  },
  {
    name: 'Mailchimp',
    includes: ['servers.mcsv.net'],
    ownReturnPath: true,
    selectors: ['k1', 'k2', 'k3'],
  },
  {
    name: 'Mandrill',
    includes: ['spf.mandrillapp.com'],
    ownReturnPath: true,
    selectors: ['mandrill', 'mte1'],
  },
  {
    name: 'SendGrid',
    includes: ['sendgrid.net'],
    ownReturnPath: true,
    selectors: ['s1', 's2', 'smtpapi'],
  },
  { name: 'Amazon SES', includes: ['amazonses.com'], ownReturnPath: true, selectors: [] },
  {
    name: 'Mailgun',
    includes: ['mailgun.org'],
    ownReturnPath: true,
    selectors: ['mx', 'k1', 'smtp'],
  },
  {
    name: 'Zoho Mail',
    includes: ['zoho.com', 'zoho.eu'],
    mx: ['zoho.com', 'zoho.eu'],
    ownReturnPath: false,
    selectors: ['zmail'],
  },
  { name: 'Salesforce', includes: ['_spf.salesforce.com'], ownReturnPath: true, selectors: [] },
  {
    name: 'HubSpot',
    includes: ['hubspotemail.net'],
    ownReturnPath: true,
    selectors: ['hs1', 'hs2'],
  },
  {
    name: 'Zendesk',
    includes: ['mail.zendesk.com'],
    ownReturnPath: true,
    selectors: ['zendesk1', 'zendesk2'],
  },
  {
    name: 'Brevo',
    includes: ['spf.brevo.com', 'spf.sendinblue.com'],
    ownReturnPath: true,
    selectors: ['mail'],
  },
  { name: 'Postmark', includes: ['spf.mtasv.net'], ownReturnPath: true, selectors: [] },
  {
    name: 'Proton Mail',
    includes: ['_spf.protonmail.ch'],
    mx: ['protonmail.ch'],
    ownReturnPath: false,
    selectors: ['protonmail', 'protonmail2', 'protonmail3'],
  },
  {
    name: 'Fastmail',
    includes: ['spf.messagingengine.com'],
    mx: ['messagingengine.com'],
    ownReturnPath: false,
    selectors: ['fm1', 'fm2', 'fm3'],
  },
];

/**
 * Selectors tried on every domain: the big mailbox providers' and the generic
 * names hosting panels use. Each is one DNS question, so the list stays short.
 */
export const COMMON_SELECTORS: readonly string[] = [
  'google',
  'selector1',
  'selector2',
  'k1',
  's1',
  's2',
  'default',
  'dkim',
  'mail',
  'smtp',
  'mxvault',
  'zmail',
  'protonmail',
  'fm1',
];

export function sendersForIncludes(includes: readonly string[]): KnownSender[] {
  return KNOWN_SENDERS.filter((s) =>
    includes.some((inc) => s.includes.some((known) => isUnder(inc, known))),
  );
}

export function sendersForMx(hosts: readonly string[]): KnownSender[] {
  return KNOWN_SENDERS.filter((s) =>
    hosts.some((h) =>
      (s.mx ?? []).some((known) => isUnder(h.toLowerCase().replace(/\.$/, ''), known)),
    ),
  );
}

/** A DKIM selector as people type it: 1–63 letters, digits, `-`, `_` or `.`-separated labels. */
export function isSelector(text: string): boolean {
  return (
    text.length >= 1 &&
    text.length <= 63 &&
    /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$/.test(text)
  );
}
