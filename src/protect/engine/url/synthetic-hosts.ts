/**
 * Realistic subdomains for honest sites, for training only. The shared
 * training data's benign URLs are bare registered domains (`https://bbc.com/`)
 * while about half of its phishing hosts have subdomains
 * (`zxwoovg.example.cn`). Learning from whole hosts teaches "has a subdomain =
 * phishing" (docs.python.org flagged); learning from registered domains only
 * (what training does today, `siteRoot`) throws away what the subdomains of
 * phishing hosts say (random letters, brand names, `login.` on a stranger's
 * domain).
 *
 * The remedy here: keep phishing hosts whole and give each benign host a
 * subdomain chain drawn so that the NUMBER of subdomain labels has the same
 * distribution on both sides (`subdomainProfile` measures it on the phishing
 * side, `withSyntheticSubdomains` draws from it). Having a subdomain then
 * carries no signal; what a subdomain looks like still does. The words are
 * what honest sites put there (`mail`, `help`, `shop`, `eu`, …) and, so that
 * no word of a short list is learned by heart as "honest", other honest
 * sites' names from the same list (minus brand names, which would teach
 * "brand in subdomain = honest"). Deterministic: a hash of the key picks.
 */
import { TOKEN_INDEX } from './brand-index.js';
import { splitDomain } from './public-suffix.js';

/** Words honest sites use as subdomains: services, regions, languages, functions. */
export const COMMON_SUBDOMAINS: readonly string[] = (
  'm mobile mail webmail login accounts account secure my app apps help support shop store docs ' +
  'blog news en ja jp us uk de fr es it nl br au ca in kr tw api cdn static assets img images ' +
  'media video videos music photos maps search online id auth sso signin portal web www2 www3 ' +
  'community developer developers dev status pay payments billing checkout cart order orders ' +
  'track tracking forum forums wiki careers jobs investor investors ir about go info services ' +
  'service customer members member partners partner business ads events tickets booking travel ' +
  'live play games learn academy education library research data cloud drive files download ' +
  'downloads update updates email newsletter lists calendar chat meet connect myaccount global ' +
  'intl corporate corp press newsroom stories school students health care claims benefits ' +
  'weather sport sports finance money jobs2 eu eu1 us1 us-east asia global2 beta preview test ' +
  'stage secure2 online2 m2 s1 s2 a b c edge origin gateway admin dashboard console manage'
).split(' ');

/** Share of hosts with 0, 1, 2, and 3 or more subdomain labels (a leading `www.` not counted). */
export type SubdomainProfile = readonly [number, number, number, number];

/** Host of a URL, lower-cased, without user-info, port or a leading `www.`. */
export function hostOf(url: string): string {
  const m = /^\s*(?:[a-z][a-z0-9+.-]*:)?\/*(?:[^/?#@\s]*@)?([^/?#:\s]*)/i.exec(url);
  return (m?.[1] ?? '').toLowerCase().replace(/^www\./, '');
}

function isIpHost(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.startsWith('[');
}

/** Subdomain labels left of the registrable domain (none for IP hosts). */
export function subdomainCount(url: string): number {
  const host = hostOf(url);
  if (host === '' || isIpHost(host)) return 0;
  return splitDomain(host).subdomains.length;
}

/** How many subdomain labels the given URLs' hosts have, as shares of 0, 1, 2 and 3+. */
export function subdomainProfile(urls: readonly string[]): SubdomainProfile {
  const counts = [0, 0, 0, 0];
  for (const url of urls) {
    const k = Math.min(3, subdomainCount(url));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  const n = Math.max(1, urls.length);
  return [(counts[0] ?? 0) / n, (counts[1] ?? 0) / n, (counts[2] ?? 0) / n, (counts[3] ?? 0) / n];
}

/** FNV-1a, 32-bit, then a xorshift step: well spread for picking from lists. */
function pick(key: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h << 13;
  h ^= h >>> 17;
  h ^= h << 5;
  return h >>> 0;
}

/**
 * Names usable as a subdomain word: ASCII letters/digits/hyphens, 2–20
 * characters, and not a brand's token (`paypal.example.com` must keep reading
 * as a brand in a stranger's subdomain).
 */
export function usableSubdomainWord(word: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,19}$/.test(word) && !TOKEN_INDEX.has(word);
}

/**
 * `https://bbc.com/` → `https://news.bbc.com/` or `https://bbc.com/` (the URL's
 * scheme and registrable domain with a drawn subdomain chain; any path is
 * kept). `words` adds names to draw from besides COMMON_SUBDOMAINS (half the
 * draws come from each when given). A URL that already has subdomains, or an
 * IP host, is returned as it is.
 */
export function withSyntheticSubdomains(
  url: string,
  key: string,
  profile: SubdomainProfile,
  words: readonly string[] = [],
): string {
  const m = /^(\s*(?:[a-z][a-z0-9+.-]*:)?\/*(?:[^/?#@\s]*@)?)([^/?#:\s]*)([\s\S]*)$/i.exec(url);
  const host = (m?.[2] ?? '').toLowerCase();
  if (m === null || host === '' || isIpHost(host) || subdomainCount(url) > 0) return url;
  const u = (pick(key, 1) % 1_000_000) / 1_000_000;
  let depth = 0;
  let acc = 0;
  for (let k = 0; k < 4; k++) {
    acc += profile[k] ?? 0;
    if (u >= acc) depth = k + 1;
  }
  depth = Math.min(3, depth);
  if (depth === 0) return url;
  const labels: string[] = [];
  for (let k = 0; k < depth; k++) {
    const h = pick(key, 2 + k);
    const fromWords = words.length > 0 && h % 2 === 1;
    const list = fromWords ? words : COMMON_SUBDOMAINS;
    labels.push(list[(h >>> 1) % list.length] ?? 'www2');
  }
  const bare = host.replace(/^www\./, '');
  return `${m[1]}${labels.join('.')}.${bare}${m[3]}`;
}
