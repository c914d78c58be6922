/**
 * emailSignals: every header and structure signal of a parsed email, each a
 * Reason (source 'email_header') with a default weight and evidence pointing
 * into one of the email's fields (see fieldText).
 */
import { attachmentSignals } from './attachment-signals.js';
import { authSignals } from './auth-signals.js';
import type { ParsedEmail } from './email-types.js';
import { linkSignals } from './link-signals.js';
import { recipientSignals } from './recipient-signals.js';
import { routingSignals } from './routing-signals.js';
import { senderSignals } from './sender-signals.js';
import { type EmailSignal, makeSignal } from './signal-table.js';

export {
  EMAIL_SIGNAL_CODES,
  EMAIL_SIGNAL_CODES_KEEP_PRIOR,
  EMAIL_SIGNAL_TABLE,
  type EmailSignal,
  type EmailSignalCode,
} from './signal-table.js';

/** Sender signals that say the From line claims an identity its domain does not have. */
const PRETENDING: ReadonlySet<string> = new Set([
  'email.display_name_brand',
  'email.display_name_address',
  'email.sender_lookalike',
  'email.sender_hidden_chars',
]);

/**
 * A password field inside the email itself. (Forms without one are left alone:
 * honest newsletters carry search boxes, and scam mail rarely uses them.)
 */
function formSignals(parsed: ParsedEmail): EmailSignal[] {
  const form = parsed.forms.find((f) => f.hasPassword);
  if (form === undefined) return [];
  const [start, end] = form.inBody ? [form.start, form.end] : [0, 0];
  return [makeSignal('email.html_password_form', {}, 'body', parsed.body, start, end)];
}

/**
 * The email header/structure signals, at most one per code.
 * @example
 *   const signals = emailSignals(parseEmail(bytes));
 *   signals.map((s) => s.code); // e.g. ['email.display_name_brand', 'email.reply_to_freemail']
 */
export function emailSignals(parsed: ParsedEmail): EmailSignal[] {
  const sender = senderSignals(parsed);
  // A DMARC pass proves the mail came from the From domain. When that domain or its display
  // name pretends to be someone else, the pass authenticates the pretender: no good sign.
  const pretends = sender.some((s) => PRETENDING.has(s.code));
  const auth = authSignals(parsed).filter((s) => !(pretends && s.code === 'email.auth_dmarc_pass'));
  return [
    ...sender,
    ...recipientSignals(parsed),
    ...routingSignals(parsed),
    ...auth,
    ...linkSignals(parsed),
    ...attachmentSignals(parsed),
    ...formSignals(parsed),
  ];
}

/**
 * The text an evidence field of this email points into. For 'url' evidence
 * (a link outside the displayed body) the field is the link address itself,
 * which is also the excerpt.
 */
export function fieldText(parsed: ParsedEmail, signal: EmailSignal): string {
  switch (signal.evidence.field) {
    case 'from':
      return parsed.from?.text ?? '';
    case 'reply_to':
      return parsed.replyTo?.text ?? '';
    case 'return_path':
      return parsed.returnPath?.text ?? '';
    case 'subject':
      return parsed.subject;
    case 'body':
      return parsed.body;
    case 'header':
      return parsed.headerText;
    case 'attachment':
      return parsed.attachmentText;
    default:
      return signal.evidence.excerpt;
  }
}
