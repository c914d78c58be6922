/**
 * The random secrets of the accounts part and how they are stored and compared.
 * Tokens are 32 random bytes in base64url (43 characters); only their SHA-256
 * reaches the database, so a stolen copy of it opens nothing.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A session, email or pending sign-in token: 32 random bytes, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session, derived rather than stored: HMAC-SHA-256 keyed
 * with the session token. Computing it needs the cookie (which scripts on other
 * sites never see), the database holds only the token's hash so a copy of it
 * cannot produce one, and no server-wide secret has to be configured or rotated.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('shieldwall csrf v1').digest('base64url');
}

/** Compare two strings without leaking where they differ (lengths may leak; ours are fixed). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Crockford-style base32 without look-alikes (no i, l, o, u): easy to read out and type. */
const CODE_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A recovery code: 16 base32 characters (80 random bits) shown as
 * `xxxx-xxxx-xxxx-xxxx`. 80 bits make SHA-256 storage safe against guessing.
 */
export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i++) code += CODE_ALPHABET[(bytes[i] as number) & 31];
  return code.match(/.{4}/g)?.join('-') ?? code;
}

/** A recovery code as typed (any case, with or without dashes or spaces), or undefined when it cannot be one. */
export function normaliseRecoveryCode(typed: string): string | undefined {
  if (typed.length > 40) return undefined;
  // Crockford's reading: o is 0, i and l are 1.
  const code = typed.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
  return /^[0-9a-hjkmnp-tv-z]{16}$/.test(code) ? code : undefined;
}
