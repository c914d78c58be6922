/**
 * Which parser warnings mean part of the input was not read. Their plain words
 * are in the checker's message catalogs (`note.<code>`, ../i18n/).
 */
import type { EmailWarningCode } from './email-types.js';

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
