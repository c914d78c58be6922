/**
 * Is the host a bare IP address, and is it written in a disguised form?
 * Browsers (WHATWG URL) accept IPv4 as one decimal number (`3232235777`), in
 * hex (`0xC0A80101`), octal (`0300.0250.1.1`) or with fewer than four parts;
 * all of these open 192.168.1.1, and people cannot read any of them.
 */

export type IpKind = 'none' | 'ipv4' | 'ipv4_disguised' | 'ipv6';

// One literal dot between bounded digit runs: no nested or ambiguous quantifiers, linear time.
const DOTTED_QUAD = /^(?:\d{1,3}\.){3}\d{1,3}$/;

/** Parse one IPv4 part the way WHATWG does; returns undefined when it is not a number. */
function ipv4Part(part: string): { value: number; canonical: boolean } | undefined {
  if (part.length === 0 || part.length > 34) return undefined;
  let radix = 10;
  let digits = part;
  // Anchored literal / one class under + (no nesting): linear.
  if (/^0x/i.test(part)) {
    radix = 16;
    digits = part.slice(2);
  } else if (part.length > 1 && part.startsWith('0')) {
    radix = 8;
    digits = part.slice(1);
  }
  if (digits.length === 0) return { value: 0, canonical: false };
  const valid = radix === 16 ? /^[0-9a-f]+$/i : radix === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return undefined;
  return { value: Number.parseInt(digits, radix), canonical: radix === 10 };
}

/**
 * Classify a host as written (lower-cased, ASCII; `[…]` for IPv6).
 * Follows the WHATWG rule: a host whose last label is numeric is an IPv4 address.
 */
export function classifyIpHost(host: string): IpKind {
  if (host.startsWith('[')) return 'ipv6';
  const labels = host.endsWith('.') ? host.slice(0, -1).split('.') : host.split('.');
  const last = labels[labels.length - 1] ?? '';
  if (ipv4Part(last) === undefined) return 'none';
  if (labels.length > 4) return 'none';
  const parts = labels.map(ipv4Part);
  if (parts.some((p) => p === undefined)) return 'none';
  const canonical =
    labels.length === 4 && parts.every((p) => p?.canonical === true && p.value <= 255);
  return canonical && DOTTED_QUAD.test(labels.join('.')) ? 'ipv4' : 'ipv4_disguised';
}
