/** Checks of what people type into account forms, with plain-language refusals. */
import { accessErrors } from '../errors.js';

export const EMAIL_MAX = 254;
export const DISPLAY_NAME_MAX = 100;

/**
 * Something@something.tld, no spaces: the mail we send is the real check. The
 * classes on either side of each `.` exclude it, so matching is linear.
 */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]{1,63}(\.[^\s@.]{1,63}){1,8}$/;

/** Trimmed and lowercased (addresses are unique without case), or `invalid_input`. */
export function normaliseEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (e.length > EMAIL_MAX || !EMAIL.test(e))
    throw accessErrors.create('invalid_input', {
      message: 'Please enter an email address like name@example.com.',
    });
  return e;
}

export function checkDisplayName(name: string): string {
  const n = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (n.length === 0 || n.length > DISPLAY_NAME_MAX || /[\u0000-\u001f\u007f-\u009f]/.test(n))
    throw accessErrors.create('invalid_input', {
      message: `Your name is 1 to ${DISPLAY_NAME_MAX} printable characters.`,
    });
  return n;
}
