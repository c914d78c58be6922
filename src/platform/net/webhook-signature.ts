/**
 * Webhook signatures as the Standard Webhooks specification defines them
 * (standardwebhooks.com, used by Svix and many others, so receivers can use
 * its libraries): headers `webhook-id`, `webhook-timestamp` (seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`,
 * the key being the base64 part of the secret `whsec_<base64>`. Shared by every module that
 * calls out on someone's behalf (the exchange's webhooks, detect's alert webhooks). Written here
 * rather than taken from the `standardwebhooks` package: it is a dozen lines of
 * node:crypto, and the package pulls in a base64 dependency for what Buffer does.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new secret: 32 random bytes, `whsec_` + base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three headers of a delivery. */
export function signWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: string,
): Record<'webhook-id' | 'webhook-timestamp' | 'webhook-signature', string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${mac(secret, id, timestampSeconds, body)}`,
  };
}

/**
 * What a receiver does: true when one of the signatures is ours and the
 * timestamp is within `toleranceSeconds` of `nowSeconds` (replays refused).
 *
 * @example
 * verifyWebhook(secret, req.headers, rawBody, Date.now() / 1000);
 */
export function verifyWebhook(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const id = one(headers['webhook-id']);
  const ts = Number(one(headers['webhook-timestamp']));
  const sigs = one(headers['webhook-signature']);
  if (id === undefined || sigs === undefined || !Number.isInteger(ts)) return false;
  if (Math.abs(nowSeconds - ts) > toleranceSeconds) return false;
  const expected = Buffer.from(mac(secret, id, ts, body));
  return sigs.split(' ').some((s) => {
    const [version, value] = s.split(',');
    if (version !== 'v1' || value === undefined) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function mac(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
  return createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
