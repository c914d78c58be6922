/** Plain words for each parser warning, and which ones mean part of the input was not read. */
import type { EmailWarningCode } from './email-types.js';

export const WARNING_MESSAGES: Readonly<Record<EmailWarningCode, string>> = {
  input_truncated: 'The email is larger than we read; only its beginning was checked.',
  text_truncated: 'The email has more text than we keep; only the first part of it was checked.',
  no_headers:
    'This does not start like a whole email (no sender or subject lines), so it was read as plain text.',
  header_limit: 'The email has an unusual number of header lines; the rest were skipped.',
  header_line_truncated: 'A header line was unusually long and was cut short.',
  depth_limit:
    'Parts of the email are packed inside each other too deeply; the deepest ones were skipped.',
  part_limit: 'The email has an unusual number of parts; the rest were skipped.',
  link_limit: 'The email has an unusual number of links; only the first ones were checked.',
  missing_boundary:
    'A part of the email says it has sub-parts but not how they are separated; it was read as text.',
  boundary_not_found:
    'The separators between the parts of the email are missing; the part was read as text.',
  missing_closing_boundary: 'The email ends without closing one of its parts.',
  bad_base64: 'A part of the email is damaged (bad base64 encoding); what could be read was read.',
  unknown_charset:
    'Part of the email uses a character set we do not know; its text may look garbled.',
  internal_error: 'Something went wrong reading this email; please report it.',
};

const TRUNCATING: ReadonlySet<EmailWarningCode> = new Set<EmailWarningCode>([
  'input_truncated',
  'text_truncated',
  'header_limit',
  'header_line_truncated',
  'depth_limit',
  'part_limit',
  'link_limit',
  'internal_error',
]);

export function warningsTruncate(codes: ReadonlySet<EmailWarningCode>): boolean {
  for (const c of codes) if (TRUNCATING.has(c)) return true;
  return false;
}
