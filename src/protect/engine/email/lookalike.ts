/**
 * Does a sender domain imitate a well-known brand's? Four tests, all on the
 * organisational domain's first label unless said otherwise:
 *   1. homograph: same "skeleton" as the brand label but not equal
 *      (`paypa1`, `rnicrosoft`, Cyrillic `раураl`);
 *   2. typo: one edit away (two for long names), same first letter
 *      (`paypall`, `amazn`); only for names of 6+ letters, shorter ones collide
 *      with ordinary words;
 *   3. brand plus bait words: `paypal-secure`, `secure-paypal-login`,
 *      `applesupport`; short names (`dhl`, `irs`) only with a bait word;
 *   4. the brand in a subdomain of someone else's domain: `paypal.com.evil.top`;
 *   5. the exact name on a generic TLD that the brand does not own: `paypal.top`.
 * Domains a brand owns and free-mail domains never match.
 */
import { BRANDS, type Brand, brandOfDomain } from './brand-table.js';
import { decodePunycodeHost, normaliseHost, organisationalDomain } from './domain-names.js';
import { FREEMAIL } from './sender-domains.js';

export interface Lookalike {
  readonly brand: Brand;
  readonly label: string;
  readonly kind: 'homograph' | 'typo' | 'brand_words' | 'brand_subdomain' | 'other_tld';
}

/** Letters that look like Latin letters (Cyrillic, Greek, IPA, digits) mapped to them. */
const CONFUSABLE: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  ԁ: 'd',
  ь: 'b',
  ү: 'y',
  ɡ: 'g',
  ո: 'n',
  ս: 'u',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  γ: 'y',
  ω: 'w',
  ı: 'i',
  ɩ: 'i',
  ȷ: 'j',
  ɑ: 'a',
  ǀ: 'l',
  ʟ: 'l',
  ℓ: 'l',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '|': 'l',
  '!': 'l',
  $: 's',
  '@': 'a',
};

/**
 * Lower-case, compatibility-normalised, with non-Latin look-alike letters
 * replaced by their Latin twins (digits and symbols kept): "РayPal" → "paypal".
 */
export function foldLetters(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    const mapped = ch.charCodeAt(0) > 0x7f ? CONFUSABLE[ch] : undefined;
    out += mapped ?? ch;
  }
  return out;
}

/** A comparison form where look-alike spellings collapse to one string. */
export function skeleton(label: string): string {
  const plain = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // strip accents: one class, linear
    .toLowerCase();
  let out = '';
  for (const ch of plain) out += CONFUSABLE[ch] ?? ch;
  return out.replaceAll('rn', 'm').replaceAll('vv', 'w').replaceAll('cl', 'd').replaceAll('i', 'l');
}

const BAIT = new Set([
  'secure',
  'security',
  'support',
  'login',
  'signin',
  'verify',
  'verification',
  'account',
  'accounts',
  'service',
  'services',
  'help',
  'helpdesk',
  'update',
  'billing',
  'alert',
  'alerts',
  'notice',
  'online',
  'team',
  'mail',
  'center',
  'centre',
  'pay',
  'payment',
  'payments',
  'refund',
  'info',
  'id',
  'auth',
  'wallet',
  'bank',
  'banking',
  'parcel',
  'delivery',
  'track',
  'tracking',
  'shipment',
  'package',
  'post',
  'express',
  'customer',
  'care',
  'app',
  'web',
  'portal',
  'official',
  'reward',
  'rewards',
  'gift',
  'claim',
  'kyc',
  'tax',
  'toll',
  'tolls',
  'fee',
  'fees',
  'invoice',
  'confirm',
  'access',
  'recovery',
  'unlock',
  'restore',
  'protect',
  'protection',
  'notification',
  'notifications',
  'member',
  'members',
  'user',
  'client',
  'sec',
]);

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
}

/** The sender label in the forms every brand is compared against, computed once per domain. */
interface Candidate {
  readonly label: string;
  readonly tld: string;
  readonly skeleton: string;
  readonly tokens: readonly string[];
}

interface BrandLabel {
  readonly brand: Brand;
  readonly label: string;
  readonly skeleton: string;
}

let brandLabels: BrandLabel[] | undefined;

function allBrandLabels(): BrandLabel[] {
  brandLabels ??= BRANDS.flatMap((brand) =>
    brand.labels.map((label) => ({ brand, label, skeleton: skeleton(label) })),
  );
  return brandLabels;
}

function matchLabel(c: Candidate, b: BrandLabel): Lookalike['kind'] | null {
  // The exact name on a generic TLD (`paypal.top`); country domains (`paypal.nl`) are given the benefit of the doubt.
  if (c.label === b.label) return c.tld.length > 2 ? 'other_tld' : null;
  if (c.skeleton === b.skeleton) return 'homograph';
  const maxEdits = b.label.length >= 9 ? 2 : 1;
  if (
    b.label.length >= 6 &&
    c.label[0] === b.label[0] &&
    editDistance(c.label, b.label, maxEdits) <= maxEdits
  ) {
    return 'typo';
  }
  if (c.tokens.length > 1 && c.tokens.includes(b.skeleton)) {
    if (b.label.length >= 5 || c.tokens.some((t) => BAIT.has(t))) return 'brand_words';
  }
  if (c.tokens.length === 1 && b.label.length >= 5) {
    const sk = c.skeleton;
    const bsk = b.skeleton;
    const rest = sk.startsWith(bsk)
      ? sk.slice(bsk.length)
      : sk.endsWith(bsk)
        ? sk.slice(0, -bsk.length)
        : null;
    if (rest !== null && BAIT.has(rest)) return 'brand_words';
  }
  return null;
}

/** The brand a sender domain imitates, or null. */
export function findLookalike(domain: string): Lookalike | null {
  const host = normaliseHost(domain);
  const org = organisationalDomain(host);
  if (org === '' || FREEMAIL.has(org) || brandOfDomain(host) !== undefined) return null;
  const unicodeOrg = decodePunycodeHost(org);
  const labels = unicodeOrg.split('.');
  const label = labels[0] ?? '';
  const sk = skeleton(label);
  const candidate: Candidate = {
    label,
    tld: labels[labels.length - 1] ?? '',
    skeleton: sk,
    tokens: sk.split(/[-_.]+/).filter((t) => t !== ''), // one class: linear
  };
  const sub =
    host.length > org.length ? host.slice(0, host.length - org.length - 1).split('.') : [];
  for (const b of allBrandLabels()) {
    const kind = matchLabel(candidate, b);
    if (kind !== null) return { brand: b.brand, label: unicodeOrg, kind };
    if (b.label.length >= 5 && sub.includes(b.label))
      return { brand: b.brand, label: host, kind: 'brand_subdomain' };
  }
  return null;
}
