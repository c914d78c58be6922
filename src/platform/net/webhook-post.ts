/**
 * One webhook POST, safely: https only (http too where internal addresses are allowed), no redirects, a time limit, the answer
 * not read — and, unless the operator allows it, never to a loopback, private,
 * link-local or otherwise internal address. The address is checked on the
 * resolved IP inside the connection's own DNS lookup, so a name that resolves to
 * a public address when checked and to 169.254.169.254 when connecting (DNS
 * rebinding) is still refused. Shared by every module that sends webhooks (the
 * exchange's subscriptions, detect's alerts); each keeps its own queue and retry
 * policy, since those differ (durable for a day vs. in memory for minutes).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { INTERNAL_ADDRESS, isInternalAddress, publicOnlyLookup } from './internal-address.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Why a webhook URL is not acceptable, or undefined when it is. `internalHint`
 * is appended to the internal-address refusal (e.g. the flag that allows one).
 */
export function webhookUrlProblem(
  text: string,
  allowInternal: boolean,
  internalHint = '',
): string | undefined {
  if (text.length > 2048) return 'longer than 2,048 characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs';
  if (url.username !== '' || url.password !== '') return 'no user name or password in the URL';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternal && (host === 'localhost' || (isIP(host) !== 0 && isInternalAddress(host))))
    return `an internal address (loopback, private or link-local)${internalHint}`;
  // Plain http only where internal addresses are allowed too (a test receiver, a private network
  // the operator opened up): across the internet, what webhooks carry (shared intelligence, alerts,
  // the limits on someone's account) would be readable by anyone on the way. The signature proves
  // the sender; it hides nothing.
  if (url.protocol === 'http:' && !allowInternal)
    return `only https URLs: plain http is allowed only where internal addresses are${internalHint}`;
  return undefined;
}

export interface DeliveryOutcome {
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
  /** The address was internal and internal addresses are not allowed: retrying will not help. */
  readonly refused?: boolean;
}

export interface PostOptions {
  readonly allowInternal: boolean;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Names the sender to receivers, e.g. `Shieldwall-Webhooks/1`. */
  readonly userAgent: string;
}

/** POST `body` (JSON) to `url` with `headers`; resolves (never rejects) with what happened. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<DeliveryOutcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': options.userAgent,
        },
        // Internal receivers only when the operator allows them (tests, an internal SIEM).
        ...(options.allowInternal ? {} : { lookup: publicOnlyLookup }),
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
      (res) => {
        // Only the status matters: the answer is not read (a receiver cannot make us read megabytes).
        const status = res.statusCode ?? 0;
        res.destroy();
        resolve(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `HTTP ${status}` },
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve(
        err.code === INTERNAL_ADDRESS
          ? { ok: false, error: err.message, refused: true }
          : { ok: false, error: err.code ?? err.message },
      ),
    );
    // Literal internal IPs never go through lookup: refuse them here.
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowInternal && isIP(host) !== 0 && isInternalAddress(host)) {
      req.destroy(Object.assign(new Error('an internal address'), { code: INTERNAL_ADDRESS }));
      return;
    }
    req.end(body);
  });
}
