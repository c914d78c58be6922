/**
 * The `cidr` modifier: is an IPv4 or IPv6 address inside a network? Addresses are parsed by hand
 * (no regex on the hot path) into bigints only when compiling; events are parsed per check.
 */

export interface Cidr {
  readonly v6: boolean;
  readonly base: bigint;
  readonly bits: number;
  /** The network mask, computed once. */
  readonly mask: bigint;
}

export interface IpAddress {
  readonly v6: boolean;
  readonly value: bigint;
}

export function parseIp(text: string): IpAddress | null {
  const s = text.trim();
  if (s.includes(':')) return parseV6(s);
  const v4 = parseV4(s);
  return v4 === null ? null : { v6: false, value: v4 };
}

/** Dotted quad (four decimal parts of 1–3 digits, each ≤ 255), read by hand: no split, no regex. */
function parseV4(s: string): bigint | null {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++digits > 3) return null;
      part = part * 10 + (c - 48);
    } else if (c === 46 && digits > 0 && dots < 3) {
      if (part > 255) return null;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return null;
  }
  if (dots !== 3 || digits === 0 || part > 255) return null;
  return BigInt(value * 256 + part);
}

function parseV6(input: string): { v6: boolean; value: bigint } | null {
  let s = input.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  // IPv4-mapped tail (::ffff:1.2.3.4): rewrite it as two hex groups.
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseV4(last);
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const group = (h: string): bigint[] | null => {
    if (h === '') return [];
    const out: bigint[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(BigInt(`0x${g}`));
    }
    return out;
  };
  const head = group(halves[0] as string);
  const rest = halves.length === 2 ? group(halves[1] as string) : [];
  if (head === null || rest === null) return null;
  const known = head.length + rest.length;
  if (halves.length === 1 && known !== 8) return null;
  if (known > 8) return null;
  const groups = [...head, ...new Array<bigint>(8 - known).fill(0n), ...rest];
  let v = 0n;
  for (const g of groups) v = (v << 16n) | g;
  return { v6: true, value: v };
}

export function parseCidr(text: string): Cidr | null {
  const [addr, len] = text.split('/');
  const ip = parseIp(addr ?? '');
  if (ip === null) return null;
  const max = ip.v6 ? 128 : 32;
  const bits = len === undefined ? max : Number(len);
  if (
    !Number.isInteger(bits) ||
    bits < 0 ||
    bits > max ||
    (len !== undefined && !/^\d+$/.test(len))
  )
    return null;
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(max - bits);
  return { v6: ip.v6, base: ip.value & mask, bits, mask };
}

/** Is the address (text, or parsed once by the caller for several networks) in the network? */
export function cidrContains(cidr: Cidr, address: string | IpAddress): boolean {
  const ip = typeof address === 'string' ? parseIp(address) : address;
  if (ip === null || ip.v6 !== cidr.v6) return false;
  return (ip.value & cidr.mask) === cidr.base;
}
