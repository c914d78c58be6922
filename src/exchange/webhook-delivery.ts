/**
 * One webhook POST, safely: http(s) only, no redirects, a time limit, a small
 * answer read and dropped — and, unless the operator allows it, never to a
 * loopback, private, link-local or otherwise internal address. The address is
 * checked on the resolved IP inside the connection's own DNS lookup, so a
 * name that resolves to a public address when checked and to 169.254.169.254
 * when connecting (DNS rebinding) is still refused.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  INTERNAL_ADDRESS,
  isInternalAddress,
  publicOnlyLookup,
} from '../platform/net/internal-address.js';

export { isInternalAddress };

const TIMEOUT_MS = 10_000;

/** Why a webhook URL is not acceptable, or undefined when it is. */
export function webhookUrlProblem(text: string, allowInternal: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs';
  if (url.username !== '' || url.password !== '') return 'no credentials in the URL';
  if (text.length > 2048) return 'longer than 2,048 characters';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternal && (host === 'localhost' || (isIP(host) !== 0 && isInternalAddress(host))))
    return 'an internal address (loopback, private or link-local)';
  return undefined;
}

export interface DeliveryOutcome {
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
}

/** POST `body` to `url` with `headers`; resolves (never rejects) with what happened. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { readonly allowInternal: boolean; readonly signal?: AbortSignal },
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
          'user-agent': 'Shieldwall-Webhooks/1',
        },
        // Internal receivers only when the operator allows them (tests, an internal SIEM).
        ...(options.allowInternal ? {} : { lookup: publicOnlyLookup }),
        timeout: TIMEOUT_MS,
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
      resolve({
        ok: false,
        error: err.code === INTERNAL_ADDRESS ? err.message : (err.code ?? err.message),
      }),
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
