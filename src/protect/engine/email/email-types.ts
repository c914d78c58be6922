/**
 * What the email parser produces. Every text field is bounded by EmailLimits,
 * so whatever arrives (25 MB of garbage, 100-level nested multiparts) the
 * result stays small enough to score in milliseconds.
 */

export interface EmailLimits {
  /** Bytes read from the input; the rest is ignored (`input_truncated`). */
  readonly maxInputBytes: number;
  /** Decoded body text kept, plain + HTML-derived together, in UTF-16 code units. */
  readonly maxTextChars: number;
  /** MIME nesting depth; deeper parts are ignored. */
  readonly maxDepth: number;
  /** MIME parts (leaves, multiparts and embedded messages) read. */
  readonly maxParts: number;
  /** Header fields kept from the top-level header block. */
  readonly maxHeaders: number;
  /** Bytes kept per (unfolded) header field. */
  readonly maxHeaderLineBytes: number;
  /** Links kept (HTML anchors and URLs in text). */
  readonly maxLinks: number;
}

export const DEFAULT_EMAIL_LIMITS: EmailLimits = Object.freeze({
  maxInputBytes: 25 * 1024 * 1024,
  maxTextChars: 2_000_000,
  maxDepth: 100,
  maxParts: 500,
  maxHeaders: 1_000,
  maxHeaderLineBytes: 100 * 1024,
  maxLinks: 10_000,
});

export type EmailWarningCode =
  | 'input_truncated'
  | 'text_truncated'
  | 'no_headers'
  | 'header_limit'
  | 'header_line_truncated'
  | 'depth_limit'
  | 'part_limit'
  | 'link_limit'
  | 'missing_boundary'
  | 'boundary_not_found'
  | 'missing_closing_boundary'
  | 'bad_base64'
  | 'unknown_charset'
  /** A bug in the parser was caught; the result is empty. Tests assert this never happens. */
  | 'internal_error';

export interface EmailWarning {
  readonly code: EmailWarningCode;
  readonly message: string;
}

/** One header field, unfolded; `value` has RFC 2047 encoded-words decoded. */
export interface HeaderField {
  /** As written (case kept). */
  readonly name: string;
  /** Unfolded value before encoded-word decoding (what structured parsers read). */
  readonly raw: string;
  /** Unfolded value with encoded-words decoded (what people read). */
  readonly value: string;
  /** Where `value` starts in ParsedEmail.headerText (the 'header' evidence field). */
  readonly valueStart: number;
}

export interface Mailbox {
  /** Display name, decoded; '' when none. */
  readonly name: string;
  /** addr-spec as written ('' when the field held only a name). */
  readonly address: string;
  /** Lower-case domain of `address` ('' when none). */
  readonly domain: string;
  /** Offsets into AddressField.text. */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly addressStart: number;
  readonly addressEnd: number;
}

/** An address header (From, Reply-To, Return-Path, Sender, To). */
export interface AddressField {
  /** Display form we build, e.g. `PayPal Support <x@mail-secure-pp.top>`; evidence offsets point here. */
  readonly text: string;
  readonly mailboxes: readonly Mailbox[];
}

/** One `method=result` from an Authentication-Results header. */
export interface AuthResult {
  /** Lower-case: spf, dkim, dmarc, compauth, arc, … */
  readonly method: string;
  /** Lower-case: pass, fail, softfail, none, neutral, temperror, permerror, bestguesspass, … */
  readonly result: string;
  /** Lower-case keys such as `header.from`, `header.d`, `smtp.mailfrom`. */
  readonly props: Readonly<Record<string, string>>;
  /** 0 = the topmost Authentication-Results header (added last, by the person's own provider). */
  readonly headerIndex: number;
  /** Offsets of `method=result` in ParsedEmail.headerText. */
  readonly start: number;
  readonly end: number;
}

export interface ReceivedSpf {
  readonly result: string;
  readonly headerIndex: number;
  readonly start: number;
  readonly end: number;
}

export interface EmailLink {
  /** As found (entity-decoded for HTML), trimmed. */
  readonly href: string;
  /** Visible text of the anchor ('' for URLs found in text: the URL is its own text). At most 500 chars. */
  readonly text: string;
  readonly origin: 'anchor' | 'area' | 'text';
  /** Which body text the offsets point into. */
  readonly part: 'html' | 'plain';
  /** True when `part` is the text shown as ParsedEmail.body, so the offsets are 'body' evidence. */
  readonly inBody: boolean;
  /** Offsets of the visible text in its part's text (empty span when the anchor had no text). */
  readonly start: number;
  readonly end: number;
}

export interface EmailForm {
  readonly action: string;
  readonly hasPassword: boolean;
  readonly part: 'html';
  readonly inBody: boolean;
  /** Span of the form's visible text in htmlText. */
  readonly start: number;
  readonly end: number;
}

export interface EmailAttachment {
  /** Decoded file name ('' when none was given). */
  readonly filename: string;
  /** Lower-case `type/subtype`. */
  readonly contentType: string;
  /** Decoded size in bytes (estimated from the encoded length; content is never decoded). */
  readonly size: number;
  readonly disposition: 'attachment' | 'inline' | 'none';
  /** Offsets of the file name in ParsedEmail.attachmentText. */
  readonly start: number;
  readonly end: number;
}

export interface ParsedEmail {
  /** False when the input did not start with a header block (a pasted body): everything is body. */
  readonly hasHeaders: boolean;
  readonly headers: readonly HeaderField[];
  /** `Name: value\n` for every kept header: the text 'header' evidence points into. */
  readonly headerText: string;
  readonly from: AddressField | null;
  readonly replyTo: AddressField | null;
  readonly returnPath: AddressField | null;
  readonly sender: AddressField | null;
  readonly to: AddressField | null;
  readonly subject: string;
  /** The Date header as given (never interpreted: dates are not a signal). */
  readonly date: string;
  readonly messageId: string;
  readonly auth: readonly AuthResult[];
  readonly receivedSpf: readonly ReceivedSpf[];
  /** Text of the text/plain parts, joined. */
  readonly plainText: string;
  /** Readable text of the text/html parts, joined. */
  readonly htmlText: string;
  /** What a mail client shows: htmlText when there is any, else plainText. 'body' evidence points here. */
  readonly body: string;
  readonly bodySource: 'html' | 'plain' | 'none';
  readonly links: readonly EmailLink[];
  readonly forms: readonly EmailForm[];
  readonly attachments: readonly EmailAttachment[];
  /** Attachment file names, one per line: the text 'attachment' evidence points into. */
  readonly attachmentText: string;
  /** MIME parts read. */
  readonly partCount: number;
  readonly truncated: boolean;
  readonly warnings: readonly EmailWarning[];
}
