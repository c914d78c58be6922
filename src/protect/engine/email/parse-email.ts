/**
 * parseEmail: raw RFC 5322 / MIME bytes → ParsedEmail, for hostile input.
 *
 * Never throws. Work is linear in the input (see mime-walker.ts for how deep
 * nesting stays linear) and everything kept is bounded by EmailLimits; when a
 * limit is hit the result says `truncated: true` and lists warnings.
 *
 * Input that does not start with a header block (a pasted body) is read as a
 * plain-text body. A leading mbox `From ` line, a UTF-8 byte-order mark and
 * leading blank lines are skipped.
 */
import { english } from '../i18n/checker-messages.js';
import { BodyCollector } from './body-collector.js';
import {
  DEFAULT_EMAIL_LIMITS,
  type EmailLimits,
  type EmailWarning,
  type EmailWarningCode,
  type ParsedEmail,
} from './email-types.js';
import { readHeaderBlock } from './header-block.js';
import { summariseHeaders } from './header-fields.js';
import { collectLinks } from './link-collector.js';
import { MimeWalker, partInfo } from './mime-walker.js';
import { warningsTruncate } from './warnings.js';

function resolveLimits(limits: Partial<EmailLimits> | undefined): EmailLimits {
  const merged = { ...DEFAULT_EMAIL_LIMITS, ...limits };
  const clean = (n: number, fallback: number) =>
    Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
  return {
    maxInputBytes: clean(merged.maxInputBytes, DEFAULT_EMAIL_LIMITS.maxInputBytes),
    maxTextChars: clean(merged.maxTextChars, DEFAULT_EMAIL_LIMITS.maxTextChars),
    maxDepth: clean(merged.maxDepth, DEFAULT_EMAIL_LIMITS.maxDepth),
    maxParts: Math.max(1, clean(merged.maxParts, DEFAULT_EMAIL_LIMITS.maxParts)),
    maxHeaders: clean(merged.maxHeaders, DEFAULT_EMAIL_LIMITS.maxHeaders),
    maxHeaderLineBytes: clean(merged.maxHeaderLineBytes, DEFAULT_EMAIL_LIMITS.maxHeaderLineBytes),
    maxLinks: clean(merged.maxLinks, DEFAULT_EMAIL_LIMITS.maxLinks),
  };
}

/**
 * Parse a raw email.
 * @example
 *   const email = parseEmail(new TextEncoder().encode('From: a@b.example\r\nSubject: Hi\r\n\r\nHello'));
 *   email.subject; // 'Hi'
 */
export function parseEmail(raw: Uint8Array, limits?: Partial<EmailLimits>): ParsedEmail {
  const warnings = new Set<EmailWarningCode>();
  try {
    return parse(raw, resolveLimits(limits), warnings);
  } catch {
    // A safety net for bugs, never the normal path: property tests assert 'internal_error' never appears.
    warnings.add('internal_error');
    return parse(new Uint8Array(0), DEFAULT_EMAIL_LIMITS, warnings);
  }
}

function parse(raw: Uint8Array, limits: EmailLimits, warnings: Set<EmailWarningCode>): ParsedEmail {
  const warn = (code: EmailWarningCode) => warnings.add(code);
  const end = Math.min(raw.length, limits.maxInputBytes);
  if (end < raw.length) warn('input_truncated');
  const start = skipPreamble(raw, end);
  const block = readHeaderBlock(raw, start, end, {
    maxHeaders: limits.maxHeaders,
    maxLineBytes: limits.maxHeaderLineBytes,
    onLimit: warn,
  });
  const hasHeaders = block.hasHeaders && block.headers.length > 0;
  if (!hasHeaders && end > start) warn('no_headers');
  const rawHeaders = hasHeaders ? block.headers : [];
  const collector = new BodyCollector(raw, limits, warn);
  const walker = new MimeWalker(raw, end, limits, collector);
  const partCount = walker.run(
    partInfo(rawHeaders, 'text/plain'),
    hasHeaders ? block.bodyStart : start,
  );
  if (collector.textTruncated) warn('text_truncated');
  return {
    hasHeaders,
    ...summariseHeaders(rawHeaders),
    ...bodyParts(collector, limits, warn),
    partCount,
    ...outcome(warnings),
  };
}

type BodyFields = Pick<
  ParsedEmail,
  | 'plainText'
  | 'htmlText'
  | 'body'
  | 'bodySource'
  | 'links'
  | 'forms'
  | 'attachments'
  | 'attachmentText'
>;

/** The displayed body (HTML when there is any, as mail clients show), its links, forms and attachments. */
function bodyParts(
  collector: BodyCollector,
  limits: EmailLimits,
  warn: (code: EmailWarningCode) => void,
): BodyFields {
  const { plainText, htmlText } = collector;
  const bodySource = htmlText.trim() !== '' ? 'html' : plainText.trim() !== '' ? 'plain' : 'none';
  const inBody = bodySource === 'html';
  return {
    plainText,
    htmlText,
    body: bodySource === 'html' ? htmlText : plainText,
    bodySource,
    links: collectLinks(collector, bodySource, limits.maxLinks, warn),
    forms: collector.forms.map((f) => ({ ...f, part: 'html' as const, inBody })),
    ...attachmentsWithOffsets(collector.attachments),
  };
}

function outcome(
  warnings: ReadonlySet<EmailWarningCode>,
): Pick<ParsedEmail, 'truncated' | 'warnings'> {
  const list: EmailWarning[] = [...warnings].map((code) => ({
    code,
    message: english(`note.${code}`),
  }));
  return { truncated: warningsTruncate(warnings), warnings: list };
}

/** Skip a UTF-8 BOM, blank lines and an mbox `From ` separator line before the headers. */
function skipPreamble(raw: Uint8Array, end: number): number {
  let i = 0;
  if (raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf) i = 3;
  for (;;) {
    let j = i;
    while (j < end && (raw[j] === 0x20 || raw[j] === 0x09 || raw[j] === 0x0d)) j++;
    if (j < end && raw[j] === 0x0a) i = j + 1;
    else break;
  }
  const isMbox =
    raw[i] === 0x46 &&
    raw[i + 1] === 0x72 &&
    raw[i + 2] === 0x6f &&
    raw[i + 3] === 0x6d &&
    raw[i + 4] === 0x20;
  if (isMbox) {
    const lf = raw.indexOf(0x0a, i);
    i = lf < 0 || lf >= end ? end : lf + 1;
  }
  return i;
}

function attachmentsWithOffsets(
  found: BodyCollector['attachments'],
): Pick<ParsedEmail, 'attachments' | 'attachmentText'> {
  let attachmentText = '';
  const attachments = found.map((a) => {
    const name = a.filename.replace(/[\r\n]+/g, ' '); // one class: linear
    if (attachmentText !== '') attachmentText += '\n';
    const start = attachmentText.length;
    attachmentText += name;
    return { ...a, filename: name, start, end: attachmentText.length };
  });
  return { attachments, attachmentText };
}
