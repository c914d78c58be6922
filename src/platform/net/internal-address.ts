/**
 * Outbound requests to addresses someone else names (webhook URLs, a domain's MTA-STS policy)
 * must not reach this server's own network: loopback, private, link-local, carrier-grade NAT,
 * multicast, reserved. The check runs on the resolved IP inside the connection's own DNS lookup
 * ({@link publicOnlyLookup}), so a name that resolves to a public address when checked and to
 * 169.254.169.254 when connecting (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

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

/** True for addresses an outbound request on someone else's behalf must not reach (and for non-IPs). */
export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped !== null) return internal.check(mapped[1] as string, 'ipv4');
  if (/^::ffff:/i.test(address)) return true;
  return internal.check(address, 'ipv6');
}

/** The error code a refused lookup carries. */
export const INTERNAL_ADDRESS = 'EINTERNAL';

/**
 * A `lookup` for http(s).request that connects only to public addresses: internal ones among the
 * answers are dropped, and a name with nothing else fails with code {@link INTERNAL_ADDRESS}.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err !== null) {
      callback(err, '', 0);
      return;
    }
    const usable = (addresses as unknown as LookupAddress[]).filter(
      (a) => !isInternalAddress(a.address),
    );
    const first = usable[0];
    if (first === undefined) {
      callback(
        Object.assign(new Error('resolves only to internal addresses'), {
          code: INTERNAL_ADDRESS,
        }),
        '',
        0,
      );
      return;
    }
    if ((options as { all?: boolean }).all === true)
      (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
    else callback(null, first.address, first.family);
  });
};
