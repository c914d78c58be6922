/**
 * Every email header/structure signal: its stable code and its default weight
 * (a prior in log-odds; the trained combiner may re-weight it). Data, not code
 * (STYLE habit 10).
 *
 * Deliberately absent: anything that tells old mail from new rather than
 * honest from dishonest — dates, Received-chain shape, X-Mailer, ARC-* or
 * X-MS-* headers, mbox lines. A missing Authentication-Results header is
 * neutral; only what it says counts.
 *
 * The plain words shown to the person are in the checker's message catalogs
 * (../i18n/), keyed by the signal's code; `{name}` placeholders are filled
 * with what was found.
 */
import { checkerEn } from '../i18n/checker-en.js';
import { english } from '../i18n/checker-messages.js';
import type { Evidence, Reason } from '../types.js';

export interface SignalSpec {
  readonly weight: number;
  /**
   * True when the training corpus cannot measure this signal fairly: its ham
   * (2002–03) predates Authentication-Results, so every auth result appears only
   * on phishing there. A trained combiner should keep the prior for these.
   */
  readonly keepPrior?: true;
}

export const EMAIL_SIGNAL_TABLE = {
  'email.display_name_brand': {
    weight: 2.0,
  },
  'email.display_name_address': {
    weight: 1.8,
  },
  'email.sender_lookalike': {
    weight: 2.5,
  },
  'email.sender_hidden_chars': {
    weight: 1.2,
  },
  'email.subject_hidden_chars': {
    weight: 0.8,
  },
  'email.recipient_in_subject': {
    weight: 1.2,
  },
  'email.sender_mimics_recipient': {
    weight: 2.0,
  },
  'email.display_name_internal_role': {
    weight: 1.5,
  },
  'email.reply_to_mismatch': {
    weight: 0.9,
  },
  'email.reply_to_freemail': {
    weight: 1.4,
  },
  'email.return_path_mismatch': {
    weight: 0.5,
  },
  'email.auth_spf_fail': {
    keepPrior: true,
    weight: 1.0,
  },
  'email.auth_dkim_fail': {
    keepPrior: true,
    weight: 0.8,
  },
  'email.auth_dmarc_fail': {
    keepPrior: true,
    weight: 2.0,
  },
  'email.auth_none': {
    keepPrior: true,
    weight: 0.4,
  },
  'email.auth_dmarc_pass': {
    keepPrior: true,
    weight: -1.0,
  },
  'email.link_text_mismatch': {
    weight: 2.0,
  },
  'email.link_ip_host': {
    weight: 1.5,
  },
  'email.link_punycode_host': {
    weight: 1.2,
  },
  'email.attachment_executable': {
    weight: 3.0,
  },
  'email.attachment_html': {
    weight: 1.5,
  },
  'email.attachment_disk_image': {
    weight: 2.5,
  },
  'email.attachment_macro': {
    weight: 1.8,
  },
  'email.attachment_double_extension': {
    weight: 3.0,
  },
  'email.attachment_protected_archive': {
    weight: 1.5,
  },
  'email.html_password_form': {
    weight: 2.5,
  },
} as const satisfies Record<string, SignalSpec>;

export type EmailSignalCode = keyof typeof EMAIL_SIGNAL_TABLE;

/** Every code this module can emit, for the combiner's feature list and the docs. */
export const EMAIL_SIGNAL_CODES = Object.keys(EMAIL_SIGNAL_TABLE) as readonly EmailSignalCode[];

/** Codes whose weight a model trained on the current corpus should not change (see SignalSpec.keepPrior). */
export const EMAIL_SIGNAL_CODES_KEEP_PRIOR: readonly EmailSignalCode[] = EMAIL_SIGNAL_CODES.filter(
  (c) => (EMAIL_SIGNAL_TABLE[c] as SignalSpec).keepPrior === true,
);

/** A Reason from the email header/structure family; its evidence is always set. */
export interface EmailSignal extends Reason {
  readonly code: EmailSignalCode;
  readonly source: 'email_header';
  readonly evidence: Evidence;
}

const MAX_EXCERPT = 200;
const MAX_VALUE = 80;

/** Shorten a value shown inside a message, so a 10 KB domain cannot flood the sentence. */
function short(value: string): string {
  return value.length > MAX_VALUE ? `${value.slice(0, MAX_VALUE - 1)}…` : value;
}

export function makeSignal(
  code: EmailSignalCode,
  vars: Readonly<Record<string, string>>,
  field: Evidence['field'],
  text: string,
  start: number,
  end: number,
): EmailSignal {
  const spec: SignalSpec = EMAIL_SIGNAL_TABLE[code];
  // Exactly the template's placeholders, each shortened; one found nothing reads as empty.
  const params: Record<string, string> = {};
  for (const [, key = ''] of checkerEn[code].matchAll(/\{(\w+)\}/g))
    params[key] = short(vars[key] ?? ''); // \w+ between fixed braces: linear
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const excerpt = text.slice(s, Math.min(e, s + MAX_EXCERPT));
  return {
    code,
    message: english(code, params),
    ...(Object.keys(params).length === 0 ? {} : { params }),
    source: 'email_header',
    weight: spec.weight,
    evidence: { field, start: s, end: e, excerpt },
  };
}
