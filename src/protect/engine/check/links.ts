/**
 * The links inside a text or an email: each distinct one (up to a bound) gets
 * the URL checks, and the worst under the URL model adds its share. Evidence
 * points at the link where the person sees it.
 */
import type { ScamModel } from '../model/load-model.js';
import type { Evidence } from '../types.js';
import { urlSignals } from '../url/url-features.js';
import type { Collector } from './collector.js';

export interface LinkToCheck {
  readonly url: string;
  /** Where the link is shown; the URL signals' own offsets are into `url`. */
  readonly evidence: Evidence;
}

/** URL checks and the URL model on a few hundred links would cost more than a person waits. */
export const MAX_LINKS_CHECKED = 20;

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

export function checkLinks(
  links: readonly LinkToCheck[],
  urlModel: ScamModel | undefined,
  linkModelScale: number,
  into: Collector,
): void {
  const seen = new Set<string>();
  let worst: { link: LinkToCheck; logOdds: number } | undefined;
  for (const link of links) {
    if (seen.size >= MAX_LINKS_CHECKED) break;
    if (seen.has(link.url)) continue;
    seen.add(link.url);
    for (const s of urlSignals(link.url)) {
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
    message: 'A link in it is built like the web addresses used for phishing.',
    source: 'url',
    weight,
    evidence: worst.link.evidence,
  });
}
