/**
 * Every email header/structure signal: its stable code, its default weight
 * (a prior in log-odds; the trained combiner may re-weight it) and the plain
 * words shown to the person. `{name}` placeholders are filled with what was
 * found. Data, not code (STYLE habit 10).
 *
 * Deliberately absent: anything that tells old mail from new rather than
 * honest from dishonest — dates, Received-chain shape, X-Mailer, ARC-* or
 * X-MS-* headers, mbox lines. A missing Authentication-Results header is
 * neutral; only what it says counts.
 */
import type { Evidence, Reason } from '../types.js';

export interface SignalSpec {
  readonly weight: number;
  readonly message: string;
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
    message:
      'The email says it is from {brand}, but it was sent from {domain}, which is not {brand}.',
  },
  'email.display_name_address': {
    weight: 1.8,
    message: "The sender's name shows {shown}, but the email really came from {actual}.",
  },
  'email.sender_lookalike': {
    weight: 2.5,
    message:
      "The sender's address uses {domain}, which looks like {brand} but is not. Scammers use look-alike names to fool you.",
  },
  'email.sender_hidden_chars': {
    weight: 1.2,
    message:
      "The sender's name contains hidden or reversed characters, a trick to disguise who sent it.",
  },
  'email.subject_hidden_chars': {
    weight: 0.8,
    message:
      'The subject contains hidden or reversed characters, a trick used to slip past spam filters.',
  },
  'email.reply_to_mismatch': {
    weight: 0.9,
    message:
      "If you reply, your answer goes to {reply}, not to the sender's organisation ({domain}).",
  },
  'email.reply_to_freemail': {
    weight: 1.4,
    message:
      'If you reply, your answer goes to a personal email account ({reply}), not to {domain}. Real organisations do not do this.',
  },
  'email.return_path_mismatch': {
    weight: 0.5,
    message:
      "The email's hidden return address ({returnPath}) belongs to a different organisation than the sender ({domain}).",
  },
  'email.auth_spf_fail': {
    keepPrior: true,
    weight: 1.0,
    message:
      'Your mail provider checked whether this server may send email for {domain}, and the check failed.',
  },
  'email.auth_dkim_fail': {
    keepPrior: true,
    weight: 0.8,
    message:
      "The email's digital signature did not check out: it may have been changed or forged on the way.",
  },
  'email.auth_dmarc_fail': {
    keepPrior: true,
    weight: 2.0,
    message:
      'The email failed the check that proves it really comes from {domain}. It is probably forged.',
  },
  'email.auth_none': {
    keepPrior: true,
    weight: 0.4,
    message:
      "The sender's domain ({domain}) has no protection against forgery, so anyone could have sent this in its name.",
  },
  'email.auth_dmarc_pass': {
    keepPrior: true,
    weight: -1.0,
    message:
      'The email passed the check that it really comes from {domain}. That proves who sent it, not that the message is honest.',
  },
  'email.link_text_mismatch': {
    weight: 2.0,
    message: 'A link shows {shown}, but clicking it would take you to {actual}.',
  },
  'email.link_ip_host': {
    weight: 1.5,
    message:
      'A link goes to a bare number address ({host}) instead of a named website. Real companies almost never do this.',
  },
  'email.link_punycode_host': {
    weight: 1.2,
    message:
      'A link goes to {host}, a web address written with special letters that can imitate a familiar name ({display}).',
  },
  'email.attachment_executable': {
    weight: 3.0,
    message:
      'The attachment {name} is a program or script. Opening it could take over your computer.',
  },
  'email.attachment_html': {
    weight: 1.5,
    message:
      'The attachment {name} is a web page. Scammers attach these to show fake sign-in pages.',
  },
  'email.attachment_disk_image': {
    weight: 2.5,
    message:
      'The attachment {name} is a disk image, shortcut or notebook file, often used to sneak harmful programs past protection.',
  },
  'email.attachment_macro': {
    weight: 1.8,
    message:
      'The attachment {name} is an Office document with macros, which can run harmful code when opened.',
  },
  'email.attachment_double_extension': {
    weight: 3.0,
    message:
      'The attachment {name} pretends to be a different kind of file than it really is ({real}).',
  },
  'email.attachment_protected_archive': {
    weight: 1.5,
    message:
      'The email sends a locked archive ({name}) with its password. Locking hides harmful files from virus scanners.',
  },
  'email.html_password_form': {
    weight: 2.5,
    message:
      'The email itself contains a form asking for a password. Real companies never ask for your password inside an email.',
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
  const message = spec.message.replace(/\{(\w+)\}/g, (_m, key: string) => short(vars[key] ?? '')); // \w+ between fixed braces: linear
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const excerpt = text.slice(s, Math.min(e, s + MAX_EXCERPT));
  return {
    code,
    message,
    source: 'email_header',
    weight: spec.weight,
    evidence: { field, start: s, end: e, excerpt },
  };
}
