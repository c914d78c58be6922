/**
 * One webhook POST, safely: https only (http too where internal addresses are allowed), no redirects, a time limit, the answer
 * not read — and, unless the operator allows it, never to a loopback, private,
 * link-local or otherwise internal address. The address is checked on the
 * resolved IP inside the connection's own DNS lookup, so a name that resolves to
 * a public address when checked and to 169.254.169.254 when connecting (DNS
 * rebinding) is still refused. Shared by every module that sends webhooks (the
 * exchange's subscriptions, the safeguards notices, detect's alerts); each keeps its own
 * queue, since those differ (a table for a day vs. memory for minutes), and the durable ones
 * share their retry schedule (delivery-schedule.ts).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { INTERNAL_ADDRESS, isInternalAddress, publicOnlyLookup } from './internal-address.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Why a webhook URL is not acceptable, in the languages the server answers in. */
export interface WebhookUrlProblem {
  readonly en: string;
  readonly es: string;
}

/**
 * Why a webhook URL is not acceptable, or undefined when it is. `internalHint` is appended to
 * the refusals that allowing internal addresses would lift (e.g. the flag that allows them).
 */
export function webhookUrlProblems(
  text: string,
  allowInternal: boolean,
  internalHint: { readonly en: string; readonly es: string } = { en: '', es: '' },
): WebhookUrlProblem | undefined {
  if (text.length > 2048)
    return { en: 'longer than 2,048 characters', es: 'tiene más de 2.048 caracteres' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { en: 'not a URL', es: 'no es una dirección web' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { en: 'only http and https URLs', es: 'solo direcciones http y https' };
  if (url.username !== '' || url.password !== '')
    return {
      en: 'no user name or password in the URL',
      es: 'sin nombre de usuario ni contraseña en la dirección',
    };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternal && (host === 'localhost' || (isIP(host) !== 0 && isInternalAddress(host))))
    return {
      en: `an internal address (loopback, private or link-local)${internalHint.en}`,
      es: `una dirección interna (local, privada o de enlace local)${internalHint.es}`,
    };
  // Plain http only where internal addresses are allowed too (a test receiver, a private network
  // the operator opened up): across the internet, what webhooks carry (shared intelligence, alerts,
  // the limits on someone's account) would be readable by anyone on the way. The signature proves
  // the sender; it hides nothing.
  if (url.protocol === 'http:' && !allowInternal)
    return {
      en: `only https URLs: plain http is allowed only where internal addresses are${internalHint.en}`,
      es: `solo direcciones https: http sin cifrar se admite solo donde se admiten direcciones internas${internalHint.es}`,
    };
  return undefined;
}

/** The English of `webhookUrlProblems` (for the command line and logs). */
export function webhookUrlProblem(
  text: string,
  allowInternal: boolean,
  internalHint = '',
): string | undefined {
  return webhookUrlProblems(text, allowInternal, { en: internalHint, es: internalHint })?.en;
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
  // Checked again here, not only when the address was saved: an http address saved before https was
  // required is refused too, rather than sent in the clear.
  if (target.protocol !== 'https:' && !options.allowInternal)
    return Promise.resolve({
      ok: false,
      refused: true,
      error: 'only https addresses (plain http is allowed only where internal addresses are)',
    });
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
