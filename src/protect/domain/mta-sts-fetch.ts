/**
 * Fetch a domain's MTA-STS policy file, only when the person asks for it:
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt`, with a short deadline, a
 * size limit, no redirects (RFC 8461 §3.3), a valid certificate, and — because the
 * API fetches for any domain anyone names — only from public addresses, checked at
 * connection time so a DNS answer cannot point us at this server's own network.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  INTERNAL_ADDRESS,
  isInternalAddress,
  publicOnlyLookup,
} from '../../platform/net/internal-address.js';
import type { PolicyFetch } from '../engine/domain/index.js';
import { MAX_POLICY_CHARS } from '../engine/domain/index.js';

export type PolicyFetcher = (domain: string) => Promise<PolicyFetch>;

export interface PolicyFetchOptions {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /**
   * For tests only: fetch `<origin>/.well-known/mta-sts.txt` instead (e.g. a local
   * http server), and allow loopback addresses.
   */
  readonly testOrigin?: string;
}

/** True for an address the policy fetch may connect to. */
export const isPublicAddress = (address: string): boolean => !isInternalAddress(address);

export function createPolicyFetcher(options: PolicyFetchOptions = {}): PolicyFetcher {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = Math.min(options.maxBytes ?? MAX_POLICY_CHARS, MAX_POLICY_CHARS);
  return (domain) =>
    new Promise<PolicyFetch>((resolve) => {
      const url = new URL(
        '/.well-known/mta-sts.txt',
        options.testOrigin ?? `https://mta-sts.${domain}`,
      );
      const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
      let settled = false;
      const done = (result: PolicyFetch) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve(result);
      };
      const req = send(
        url,
        {
          method: 'GET',
          headers: { accept: 'text/plain' },
          ...(options.testOrigin === undefined ? { lookup: publicOnlyLookup } : {}),
        },
        (res) => readBody(res, maxBytes, done),
      );
      const timer = setTimeout(() => done({ status: 'error', reason: 'timeout' }), timeoutMs);
      req.on('error', (err: NodeJS.ErrnoException) =>
        done({ status: 'error', reason: errorReason(err) }),
      );
      req.end();
    });
}

function readBody(res: IncomingMessage, maxBytes: number, done: (r: PolicyFetch) => void): void {
  if (res.statusCode !== 200) {
    res.resume();
    done({ status: 'error', reason: `HTTP ${res.statusCode ?? 0}` });
    return;
  }
  const type = String(res.headers['content-type'] ?? '');
  if (!type.toLowerCase().startsWith('text/plain')) {
    res.resume();
    done({ status: 'error', reason: 'not text/plain' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) return done({ status: 'error', reason: 'too large' });
    chunks.push(chunk);
  });
  res.on('end', () => done({ status: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
  res.on('error', (err: NodeJS.ErrnoException) =>
    done({ status: 'error', reason: errorReason(err) }),
  );
}

/** A short, client-safe reason: the error code only, never a message with addresses in it. */
function errorReason(err: NodeJS.ErrnoException): string {
  const code =
    typeof err.code === 'string' && /^[A-Z_0-9]{1,40}$/.test(err.code) ? err.code : 'failed';
  return code === INTERNAL_ADDRESS ? 'not a public address' : code;
}
