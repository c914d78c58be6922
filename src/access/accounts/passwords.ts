/**
 * The password rules (NIST SP 800-63B §3.1.1.2): 8 to 256 characters, any
 * characters, no composition rules, no forced rotation, and never one found in
 * the local list of common and breached passwords. Hashing is argon2id with the
 * OWASP baseline m = 19 MiB, t = 2, p = 1: the machine this often runs on has two
 * shared cores, and this costs about 25–40 ms of one of them, off the event loop
 * (@node-rs/argon2 hashes on libuv's thread pool, at most four at a time).
 */
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { packagePath } from '../../platform/package-root.js';
import { accessErrors } from '../errors.js';
import { accountErrors } from './errors.js';
import { normaliseForFilter, type PasswordFilter, readPasswordFilter } from './password-filter.js';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** OWASP Password Storage Cheat Sheet, argon2id option 1 (the minimum it recommends). */
const ARGON2 = {
  // Algorithm.Argon2id: the enum is declared `const` and is empty at run time, so its value.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

const FILTER_FILE = packagePath('models', 'common-passwords.bin');

let filter: PasswordFilter | undefined;
/** Loaded once, on first use (88 KB). */
function commonPasswords(): PasswordFilter {
  filter ??= readPasswordFilter(readFileSync(FILTER_FILE));
  return filter;
}

/**
 * NIST asks verifiers to normalise Unicode so the same password typed on two
 * keyboards is the same password: NFKC, before both hashing and checking.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Trailing digits and symbols people add to a common word ("dragon2024!"). */
const TRAILING_DECORATION = /[0-9!@#$%^&*?._+=~-]{1,4}$/;

/** Whether the password is in the common-password list (case-insensitive), also without a short trailing decoration. */
export function isCommonPassword(password: string): boolean {
  const text = normaliseForFilter(password);
  if (commonPasswords().has(text)) return true;
  const stem = text.replace(TRAILING_DECORATION, '');
  return stem.length >= 4 && stem !== text && commonPasswords().has(stem);
}

/**
 * Throw `weak_password` (with the reason, said plainly) unless the password may
 * be used. `context` holds words an attacker would try first for this account.
 */
export function checkNewPassword(
  password: string,
  context: { email?: string; displayName?: string } = {},
): string {
  const pw = normalisePassword(password);
  const length = [...pw].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX)
    throw accountErrors.create('weak_password', {
      message: `A password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters. A few words strung together make a good one.`,
    });
  const lower = pw.toLowerCase();
  if (/^(.)\1*$/su.test(lower))
    throw accountErrors.create('weak_password', {
      message: 'A password of one character repeated is too easy to guess.',
    });
  const email = context.email?.toLowerCase();
  const local = email?.split('@')[0];
  const personal = [email, local, context.displayName?.toLowerCase(), 'shieldwall'];
  if (personal.some((w) => w !== undefined && w.length > 0 && lower === w))
    throw accountErrors.create('weak_password', {
      message: 'A password must not be your name, your email address or the name of this site.',
    });
  if (isCommonPassword(pw))
    throw accountErrors.create('weak_password', {
      message:
        'That password is on a list of common or leaked passwords that attackers try first. Please choose another.',
    });
  return pw;
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalisePassword(password), ARGON2);
}

/** True when the password matches; false for a wrong one or a hash we cannot read. */
export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX * 4) return false;
  try {
    return await verify(hashed, normalisePassword(password));
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with weaker settings than today's (rehash it at the next sign-in). */
export function needsRehash(hashed: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})\$/.exec(hashed);
  if (m === null) return true;
  return (
    Number(m[1]) < ARGON2.memoryCost ||
    Number(m[2]) < ARGON2.timeCost ||
    Number(m[3]) !== ARGON2.parallelism
  );
}

let dummy: Promise<string> | undefined;
/**
 * Spend the time of one password check when there is no account, so the answer
 * for an unknown email address takes as long as a wrong password.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummy ??= hash('shieldwall-dummy-password-for-timing', ARGON2);
  await verifyPassword(await dummy, password);
  return false;
}

/** Refuse a password field that cannot be one before any work is spent on it. */
export function boundedPassword(password: string): string {
  if (password.length === 0 || password.length > PASSWORD_MAX * 4)
    throw accessErrors.create('invalid_input', { message: 'The password is missing or too long.' });
  return password;
}
