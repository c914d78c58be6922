/**
 * IPv4 and IPv6 addresses and CIDR ranges: parsed into 32-bit words, printed
 * canonically (RFC 5952 for IPv6). An IPv4-mapped IPv6 address is its IPv4
 * address. Linear in the input, never throws.
 */

export interface ParsedIp {
  readonly v6: boolean;
  readonly words: [number, number, number, number];
  /** 32 or 128 for one address. */
  readonly prefix: number;
}

/** `192.0.2.1`, `192.0.2.0/24`, `2001:db8::1`, `2001:db8::/32`; an IPv4-mapped IPv6 address is its IPv4 address. */
export function parseIp(raw: string): ParsedIp | null {
  // Most input is one IPv4 address, canonical: no trimming, no slicing.
  const w4 = parseIpv4(raw);
  if (w4 !== null) return { v6: false, words: [w4, 0, 0, 0], prefix: 32 };
  const s = raw.trim();
  if (s.length === 0 || s.length > 64) return null;
  const slash = s.indexOf('/');
  const addr = slash === -1 ? s : s.slice(0, slash);
  const v6 = addr.includes(':');
  const max = v6 ? 128 : 32;
  let prefix = max;
  if (slash !== -1) {
    const p = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p)) return null;
    prefix = Number(p);
    if (prefix > max) return null;
  }
  if (!v6) {
    const w = parseIpv4(addr);
    return w === null ? null : { v6: false, words: [w, 0, 0, 0], prefix };
  }
  const words = parseIpv6(addr);
  if (words === null) return null;
  // ::ffff:a.b.c.d is the IPv4 address a.b.c.d.
  if (words[0] === 0 && words[1] === 0 && words[2] === 0xffff && prefix >= 96)
    return { v6: false, words: [words[3], 0, 0, 0], prefix: prefix - 96 };
  return { v6: true, words, prefix };
}

/** Dotted decimal, four parts 0–255, no leading zeros (which some parsers read as octal). */
export function parseIpv4(s: string): number | null {
  if (s.length < 7 || s.length > 15) return null;
  let w = 0;
  let parts = 0;
  let n = 0;
  let digits = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i === s.length ? 46 : s.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || n > 255 || ++parts > 4) return null;
      w = w * 256 + n;
      n = 0;
      digits = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || (digits === 1 && n === 0) || ++digits > 3) return null;
    n = n * 10 + d;
  }
  return parts === 4 ? w >>> 0 : null;
}

function parseIpv6(s: string): [number, number, number, number] | null {
  if (s.length < 2 || s.length > 45) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = groupsOf(halves[0] as string, halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1] as string, true) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const g = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  const words: [number, number, number, number] = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++)
    words[i] = (((g[2 * i] as number) << 16) | (g[2 * i + 1] as number)) >>> 0;
  return words;
}

/** The 16-bit groups of one side of `::`; an IPv4 tail counts as two groups. No regular expression, no split: this is on the lookup path. */
function groupsOf(s: string, last: boolean): number[] | null {
  if (s === '') return [];
  const out: number[] = [];
  let start = 0;
  for (;;) {
    const colon = s.indexOf(':', start);
    const final = colon === -1;
    const end = final ? s.length : colon;
    if (last && final && s.indexOf('.', start) !== -1) {
      const w = parseIpv4(s.slice(start));
      if (w === null) return null;
      out.push(w >>> 16, w & 0xffff);
      return out;
    }
    if (end - start < 1 || end - start > 4) return null;
    let g = 0;
    for (let i = start; i < end; i++) {
      const c = s.charCodeAt(i);
      const l = c | 0x20;
      const d = c >= 48 && c <= 57 ? c - 48 : l >= 97 && l <= 102 ? l - 87 : -1;
      if (d < 0) return null;
      g = g * 16 + d;
    }
    out.push(g);
    if (final) return out;
    start = colon + 1;
  }
}

/** An address or range as the matcher prints it. */
export function ipText(ip: ParsedIp): string {
  const w = ip.words;
  const addr = ip.v6 ? formatIpv6(w) : formatIpv4(w[0]);
  return ip.prefix === (ip.v6 ? 128 : 32) ? addr : `${addr}/${ip.prefix}`;
}

export function formatIpv4(w: number): string {
  return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
}

/** RFC 5952 text: lower case, the longest run of two or more zero groups as `::`. */
export function formatIpv6(w: ArrayLike<number>): string {
  const g: string[] = [];
  for (let i = 0; i < 4; i++) {
    const x = (w[i] as number) >>> 0;
    g.push((x >>> 16).toString(16), (x & 0xffff).toString(16));
  }
  let best = -1;
  let len = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === '0') j++;
    if (j - i > len) {
      best = i;
      len = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  return best === -1
    ? g.join(':')
    : `${g.slice(0, best).join(':')}::${g.slice(best + len).join(':')}`;
}
