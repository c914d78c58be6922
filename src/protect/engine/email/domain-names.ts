/**
 * Domain helpers for the email signals: the organisational domain (who owns
 * a host), IP-address hosts, and punycode. A small built-in suffix list stands
 * in for the Public Suffix List; the URL engine (src/protect/engine/url/) is
 * getting a richer one and the two will be merged.
 */

/**
 * Suffixes under which each next label belongs to a different owner: country
 * second levels (co.uk) and hosting platforms (github.io, sharepoint.com…),
 * where `evil.github.io` and `good.github.io` are different people.
 */
const MULTI_LABEL_SUFFIXES = new Set([
  // country second-level domains common in US/UK/EU/IN/JP mail
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'ltd.uk',
  'plc.uk',
  'me.uk',
  'net.uk',
  'nhs.uk',
  'police.uk',
  'sch.uk',
  'com.au',
  'net.au',
  'org.au',
  'gov.au',
  'edu.au',
  'co.nz',
  'org.nz',
  'govt.nz',
  'co.jp',
  'ne.jp',
  'or.jp',
  'go.jp',
  'ac.jp',
  'ad.jp',
  'ed.jp',
  'gr.jp',
  'lg.jp',
  'co.in',
  'net.in',
  'org.in',
  'gov.in',
  'nic.in',
  'ac.in',
  'firm.in',
  'gen.in',
  'ind.in',
  'res.in',
  'com.br',
  'net.br',
  'org.br',
  'gov.br',
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'com.mx',
  'gob.mx',
  'co.za',
  'org.za',
  'gov.za',
  'com.sg',
  'gov.sg',
  'edu.sg',
  'com.hk',
  'co.kr',
  'or.kr',
  'go.kr',
  'com.tr',
  'gov.tr',
  'com.tw',
  'co.il',
  'com.ar',
  'com.co',
  'com.my',
  'com.ph',
  'com.pk',
  'com.ng',
  'co.ke',
  'com.eg',
  'com.sa',
  'co.id',
  'go.id',
  'com.vn',
  'co.th',
  'in.th',
  'go.th',
  'com.ua',
  'gouv.fr',
  'gv.at',
  'co.at',
  'com.pl',
  'com.es',
  'com.pt',
  'com.ru',
  'com.pe',
  'com.bd',
  'com.np',
  // hosting and mail platforms where each subdomain is a different customer
  'github.io',
  'gitlab.io',
  'blogspot.com',
  'herokuapp.com',
  'appspot.com',
  'netlify.app',
  'vercel.app',
  'pages.dev',
  'workers.dev',
  'web.app',
  'firebaseapp.com',
  'azurewebsites.net',
  'cloudfront.net',
  'wixsite.com',
  'weebly.com',
  '000webhostapp.com',
  'glitch.me',
  'r2.dev',
  'ngrok.io',
  'ngrok-free.app',
  'duckdns.org',
  'sharepoint.com',
  'myshopify.com',
  'godaddysites.com',
  'square.site',
  'webflow.io',
  'framer.app',
  'framer.website',
  'notion.site',
  'gitbook.io',
  'surge.sh',
  'onrender.com',
  'repl.co',
  'replit.app',
  'fly.dev',
  'translate.goog',
  'z13.web.core.windows.net',
  'blob.core.windows.net',
  'web.core.windows.net',
  's3.amazonaws.com',
  'onmicrosoft.com',
  'mailchimpsites.com',
  'wordpress.com',
  'carrd.co',
  'start.page',
  'linktr.ee',
  'ipfs.dweb.link',
  'dweb.link',
  'on.fleek.co',
]);

export function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  while (h.endsWith('.')) h = h.slice(0, -1);
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  return h;
}

/** The registrable domain: `mail.secure.paypal.co.uk` → `paypal.co.uk`. IP hosts are returned as they are. */
export function organisationalDomain(host: string): string {
  const h = normaliseHost(host);
  if (h === '' || isIpHost(h)) return h;
  const labels = h.split('.');
  for (let take = Math.min(4, labels.length - 1); take >= 2; take--) {
    if (MULTI_LABEL_SUFFIXES.has(labels.slice(-take).join('.')))
      return labels.slice(-take - 1).join('.');
  }
  return labels.slice(-2).join('.');
}

/** True for dotted IPv4 (also with leading zeros) and for IPv6 literals. */
export function isIpHost(host: string): boolean {
  const h = normaliseHost(host);
  if (h.includes(':')) return /^[0-9a-f:.]+$/.test(h); // IPv6: one character class, linear
  const parts = h.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => p.length > 0 && p.length <= 4 && /^\d+$/.test(p) && Number(p) <= 255);
}

/** True when the host is written in punycode (has an `xn--` label). */
export function isPunycodeHost(host: string): boolean {
  return normaliseHost(host)
    .split('.')
    .some((l) => l.startsWith('xn--'));
}

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, numPoints: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / numPoints);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

function digit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 22;
  if (c >= 0x41 && c <= 0x5a) return c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return -1;
}

/** RFC 3492 decode of one label without its `xn--` prefix; null when invalid. Bounded to 63-char labels. */
export function decodePunycodeLabel(encoded: string): string | null {
  if (encoded.length > 63) return null;
  const basicEnd = encoded.lastIndexOf('-');
  const out: number[] = [];
  for (let j = 0; j < Math.max(0, basicEnd); j++) out.push(encoded.charCodeAt(j));
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let pos = basicEnd > 0 ? basicEnd + 1 : 0; pos < encoded.length; ) {
    const oldi = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= encoded.length) return null;
      const d = digit(encoded.charCodeAt(pos++));
      if (d < 0) return null;
      i += d * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (w > 0x10ffff * BASE) return null;
    }
    bias = adapt(i - oldi, out.length + 1, oldi === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff || out.length >= 63) return null;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

/** `xn--pypal-4ve.com` → `pаypal.com` (with the Cyrillic 'а'); other labels unchanged. */
export function decodePunycodeHost(host: string): string {
  return normaliseHost(host)
    .split('.')
    .map((l) => (l.startsWith('xn--') ? (decodePunycodeLabel(l.slice(4)) ?? l) : l))
    .join('.');
}
