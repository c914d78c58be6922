/**
 * The network an address belongs to, for telling "the same place" from "somewhere else" without
 * keeping the address: the gateway records it with each request (key sharing shows as many
 * networks) and detect compares sign-ins by it. Pure, for every module's engine.
 */

/**
 * The network an address belongs to: IPv4 /24, IPv6 /48 (IPv4-mapped IPv6 as IPv4);
 * null for anything else.
 */
export function networkOf(ip: string): string | null {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4 !== null) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.length > 45 || !/^[0-9a-f:]+$/i.test(ip) || ip.indexOf('::') !== ip.lastIndexOf('::'))
    return null;
  const [head = '', tail] = ip.toLowerCase().split('::', 2);
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [
          ...left,
          ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'),
          ...right,
        ];
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return `${groups
    .slice(0, 3)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/48`;
}
