/**
 * Brute-force limits: every password, code and token attempt is counted per
 * account and per client address through the limiter port (Redis when several
 * instances run), and refused with 429 and Retry-After past the limit. The
 * account limit is counted before the secret is checked, so it also caps what
 * an attacker can learn from one address or from many.
 */
import type { Limiter, RateRule } from '../../platform/ports/limiter.js';
import { accessErrors } from '../errors.js';
import { sha256Hex } from './account-secrets.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const ATTEMPT_LIMITS = {
  /** Password sign-in and step-up. */
  password: {
    account: { limit: 10, windowMs: 15 * MINUTE },
    ip: { limit: 50, windowMs: 15 * MINUTE },
  },
  /**
   * TOTP and recovery codes. With 3 codes valid at a time, 10 guesses an hour is
   * a 1-in-33,000 chance per hour for someone who already has the password.
   */
  code: { account: { limit: 10, windowMs: HOUR }, ip: { limit: 30, windowMs: 15 * MINUTE } },
  /** Asking for a reset mail (also keeps anyone from flooding an inbox). */
  resetRequest: { account: { limit: 3, windowMs: HOUR }, ip: { limit: 10, windowMs: HOUR } },
  /** Using an emailed token (verify, reset). */
  token: { account: { limit: 10, windowMs: HOUR }, ip: { limit: 20, windowMs: 15 * MINUTE } },
  signUp: { account: { limit: 3, windowMs: HOUR }, ip: { limit: 10, windowMs: HOUR } },
} as const satisfies Record<string, { account: RateRule; ip: RateRule }>;

export type AttemptKind = keyof typeof ATTEMPT_LIMITS;

/**
 * Take one attempt of `kind` for the account (an email address or user id,
 * hashed so no address sits in Redis) and the address; throw `rate_limited`
 * with `retryAfterSeconds` in its details when either is used up.
 */
export async function takeAttempt(
  limiter: Limiter,
  kind: AttemptKind,
  who: { account: string | undefined; ip: string },
): Promise<void> {
  const rules = ATTEMPT_LIMITS[kind];
  const checks: [string, RateRule][] = [[`access:${kind}:ip:${who.ip.slice(0, 64)}`, rules.ip]];
  if (who.account !== undefined)
    checks.push([
      `access:${kind}:acct:${sha256Hex(who.account.toLowerCase()).slice(0, 32)}`,
      rules.account,
    ]);
  for (const [key, rule] of checks) {
    const decision = await limiter.consume(key, rule);
    if (!decision.allowed) {
      const seconds = Number.isFinite(decision.retryAfterMs)
        ? Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        : Math.ceil(rule.windowMs / 1000);
      throw accessErrors.create('rate_limited', {
        message: `Too many attempts. Please wait ${describeWait(seconds)} and try again.`,
        details: { retryAfterSeconds: seconds },
      });
    }
  }
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
