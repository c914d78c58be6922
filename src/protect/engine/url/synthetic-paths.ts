/**
 * Realistic paths for honest sites. The shared training data's benign URLs
 * are bare home pages (`https://host/`) while its phishing URLs have paths;
 * giving benign hosts paths like these (sign-in, account, order, tracking,
 * article, download pages: honest sites have all of them) stops a model from
 * learning "has a path = phishing". Deterministic: the same URL and seed
 * always give the same path (FNV-1a hash, no randomness).
 */

const TEMPLATES: readonly string[] = [
  '/login',
  '/signin?next=%2Faccount',
  '/account/login?returnUrl=%2Fdashboard',
  '/account/settings/security',
  '/account/update-details',
  '/verify-email?token={id}',
  '/help/article/{n}',
  '/support/contact-us',
  '/en-us/{slug}',
  '/en-gb/help/{slug}',
  '/news/{yyyy}/{mm}/{slug}',
  '/blog/{slug}-{n}',
  '/products/{slug}-{n}',
  '/p/{slug}/{n}',
  '/orders/{n}?ref=email',
  '/order-details?orderID={n}',
  '/track?id={id}',
  '/tracking/{id}',
  '/search?q={slug}&page=2',
  '/docs/{slug}/',
  '/user/{slug}',
  '/watch?v={id}',
  '/s/{id}',
  '/index.php?page={slug}',
  '/wp-content/uploads/{yyyy}/{mm}/{slug}.jpg',
  '/download/{slug}.zip',
  '/billing/invoices/{n}',
  '/pay/confirm?session={id}',
  '/forms/{slug}/viewform',
  '/r/{slug}/comments/{id}/{slug}/',
];
const WORDS =
  'account security update summer sale order delivery travel news report guide faq profile photo invoice payment'.split(
    ' ',
  );
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** FNV-1a, 32-bit: a fast, well-spread hash for picking templates. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Next value of a small deterministic generator (xorshift32). */
function next(state: { h: number }): number {
  let x = state.h || 1;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  state.h = x >>> 0;
  return state.h;
}

function fill(template: string, state: { h: number }): string {
  const word = (): string => WORDS[next(state) % WORDS.length] ?? 'page';
  const id = (): string =>
    Array.from({ length: 11 }, () => ALNUM[next(state) % ALNUM.length]).join('');
  return template
    .replaceAll('{slug}', () => `${word()}-${word()}`)
    .replaceAll('{id}', id)
    .replaceAll('{n}', () => String(100_000 + (next(state) % 900_000)))
    .replaceAll('{yyyy}', () => String(2019 + (next(state) % 7)))
    .replaceAll('{mm}', () => String(1 + (next(state) % 12)).padStart(2, '0'));
}

/**
 * `https://example.com/` → `https://example.com/account/settings/security` (for example).
 * Anything after the host in `url` is replaced.
 */
export function withSyntheticPath(url: string, seed = 0): string {
  const state = { h: fnv1a(url, seed) };
  const template = TEMPLATES[next(state) % TEMPLATES.length] ?? '/';
  const schemeEnd = url.indexOf('://');
  const hostStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
  const slash = url.indexOf('/', hostStart);
  const origin = slash < 0 ? url : url.slice(0, slash);
  return `${origin}${fill(template, state)}`;
}
