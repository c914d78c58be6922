/**
 * Fetch a domain's MTA-STS policy file, only when the person asks for it:
 * `https://mta-sts.<domain>/.well-known/mta-sts.txt`, with a short deadline, a
 * size limit, no redirects (RFC 8461 §3.3), a valid certificate, and — because the
 * API fetches for any domain anyone names — only from public addresses, checked at
 * connection time so a DNS answer cannot point us at this server's own network.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
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

const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries; a
  // ::ffff:0:0/96 rule in the block list would match every IPv4 address as well.
  const mapped = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : '';
  if (isIP(mapped) === 4) return isPublicAddress(mapped);
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) return false;
  return !PRIVATE.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A `lookup` for http(s).request that refuses names resolving to non-public addresses. */
function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err !== null) return callback(err, '');
    const list = addresses as LookupAddress[];
    const bad = list.find((a) => !isPublicAddress(a.address));
    if (bad !== undefined || list.length === 0)
      return callback(Object.assign(new Error('not a public address'), { code: 'ENOTPUBLIC' }), '');
    const opts = options as { all?: boolean };
    if (opts.all === true) return callback(null, list);
    const first = list[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
}

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
  return code === 'ENOTPUBLIC' ? 'not a public address' : code;
}
