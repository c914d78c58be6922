/**
 * One webhook POST, safely: http(s) only, no redirects, a time limit, a small
 * answer read and dropped — and, unless the operator allows it, never to a
 * loopback, private, link-local or otherwise internal address. The address is
 * checked on the resolved IP inside the connection's own DNS lookup, so a
 * name that resolves to a public address when checked and to 169.254.169.254
 * when connecting (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const TIMEOUT_MS = 10_000;

const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** True for addresses a webhook must not reach by default. */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return internal.check(mapped[1] as string, 'ipv4');
  return internal.check(address, 'ipv6');
}

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
  const guardedLookup: LookupFunction = (hostname, opts, callback) => {
    dnsLookup(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err !== null) {
        callback(err, '', 0);
        return;
      }
      const list = addresses as unknown as LookupAddress[];
      const ok = options.allowInternal ? list : list.filter((a) => !isInternalAddress(a.address));
      const first = ok[0];
      if (first === undefined) {
        callback(
          Object.assign(new Error('resolves only to internal addresses'), { code: 'EINTERNAL' }),
          '',
          0,
        );
        return;
      }
      if ((opts as { all?: boolean }).all === true)
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
      else callback(null, first.address, first.family);
    });
  };
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
        lookup: guardedLookup,
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
        error: err.code === 'EINTERNAL' ? err.message : (err.code ?? err.message),
      }),
    );
    // Literal internal IPs never go through lookup: refuse them here.
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowInternal && isIP(host) !== 0 && isInternalAddress(host)) {
      req.destroy(Object.assign(new Error('an internal address'), { code: 'EINTERNAL' }));
      return;
    }
    req.end(body);
  });
}
