/**
 * The email side of the scam checker's engine: a hostile-input-safe RFC 5322 /
 * MIME parser, the header and structure signals, and the text the text model
 * reads. Pure: no I/O, runs in Node and in the browser.
 */

export { organisationalDomain } from './domain-names.js';
export {
  EMAIL_SIGNAL_CODES,
  EMAIL_SIGNAL_CODES_KEEP_PRIOR,
  EMAIL_SIGNAL_TABLE,
  type EmailSignal,
  type EmailSignalCode,
  emailSignals,
  fieldText,
} from './email-signals.js';
export { CORPUS_ARTEFACTS, EMAIL_TEXT_MAX_CHARS, emailText } from './email-text.js';
export {
  type AddressField,
  type AuthResult,
  DEFAULT_EMAIL_LIMITS,
  type EmailAttachment,
  type EmailForm,
  type EmailLimits,
  type EmailLink,
  type EmailWarning,
  type EmailWarningCode,
  type HeaderField,
  type Mailbox,
  type ParsedEmail,
  type ReceivedSpf,
} from './email-types.js';
export { parseEmail } from './parse-email.js';
export { firstDomain } from './sender-identity.js';
