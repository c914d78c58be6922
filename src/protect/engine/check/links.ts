/**
 * The links inside a text or an email: each distinct one (up to a bound) gets
 * the URL checks, and the worst under the URL model adds its share. Evidence
 * points at the link where the person sees it.
 */
import { english } from '../i18n/checker-messages.js';
import type { ScamModel } from '../model/load-model.js';
import type { Evidence } from '../types.js';
import { urlSignals } from '../url/url-features.js';
import type { Collector } from './collector.js';

export interface LinkToCheck {
  readonly url: string;
  /** Where the link is shown; the URL signals' own offsets are into `url`. */
  readonly evidence: Evidence;
}

/**
 * URL checks and the URL model on a few hundred links would cost more than a
 * person waits. Newsletters repeat one tracking host dozens of times, so a
 * host's first few links stand for the rest.
 */
export const MAX_LINKS_CHECKED = 10;
const MAX_LINKS_PER_HOST = 3;
/** A link shown with its scheme ("http://", "hxxp://"), as opposed to a bare "ups.com/mychoice". */
const WRITTEN_SCHEME = /^[a-z][a-z0-9+.-]{0,15}:\/\//i;

/** The authority part of a link, lower-cased (enough to group links; not a parser). */
function hostKey(url: string): string {
  const scheme = url.indexOf('://');
  const from = scheme >= 0 && scheme < 12 ? scheme + 3 : 0;
  let to = from;
  while (to < url.length && to - from < 300) {
    const c = url.charCodeAt(to);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) break; // / ? # \
    to++;
  }
  return url.slice(from, to).toLowerCase();
}

/** Shift a URL signal's evidence into the text the link was found in, when the link appears there verbatim. */
function placeInText(link: LinkToCheck, inUrl: Evidence): Evidence {
  if (link.evidence.excerpt !== link.url.slice(0, link.evidence.excerpt.length)) {
    return link.evidence;
  }
  const start = link.evidence.start + inUrl.start;
  const end = Math.min(link.evidence.start + inUrl.end, link.evidence.end);
  if (end <= start) return link.evidence;
  return { ...link.evidence, start, end, excerpt: inUrl.excerpt.slice(0, end - start) };
}

/**
 * `vouches(site, brand)`: whether a link to a brand's official site (`site`,
 * its registrable domain) may count towards genuine. Absent: always. An email
 * passes a test of its sender, because phishing links to the real brand too
 * (its logo, its privacy page) and a link proves nothing about who sent it.
 */
export function checkLinks(
  links: readonly LinkToCheck[],
  urlModel: ScamModel | undefined,
  linkModelScale: number,
  into: Collector,
  vouches?: (site: string, brand: string) => boolean,
): void {
  const seen = new Set<string>();
  const perHost = new Map<string, number>();
  let worst: { link: LinkToCheck; logOdds: number } | undefined;
  for (const link of links) {
    if (seen.size >= MAX_LINKS_CHECKED) break;
    if (seen.has(link.url)) continue;
    const host = hostKey(link.url);
    const n = perHost.get(host) ?? 0;
    if (n >= MAX_LINKS_PER_HOST) continue;
    perHost.set(host, n + 1);
    seen.add(link.url);
    for (const s of urlSignals(link.url)) {
      // "ups.com/mychoice" in a text message names no scheme: the reader's browser will use
      // https. The link was given "http://" only to be parsed, so it says nothing about a secure
      // connection. (In an e-mail the link behind the words carries its own scheme.)
      if (
        s.code === 'url.no_https' &&
        into.kind === 'sms' &&
        !WRITTEN_SCHEME.test(link.evidence.excerpt)
      )
        continue;
      if (
        s.code === 'url.official_brand_domain' &&
        vouches !== undefined &&
        !vouches(String(s.params?.site ?? ''), String(s.params?.brand ?? ''))
      ) {
        continue;
      }
      into.signal({ ...s, evidence: placeInText(link, s.evidence) });
    }
    if (urlModel !== undefined && linkModelScale > 0) {
      const logOdds = urlModel.score(link.url).logOdds;
      if (worst === undefined || logOdds > worst.logOdds) worst = { link, logOdds };
    }
  }
  if (worst === undefined) return;
  into.setLink(worst.logOdds);
  if (worst.logOdds <= 0) return;
  const weight = worst.logOdds * linkModelScale;
  into.put({
    code: 'url.link_model',
    message: english('url.link_model'),
    source: 'url',
    weight,
    evidence: worst.link.evidence,
  });
}
