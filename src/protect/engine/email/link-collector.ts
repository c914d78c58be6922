/**
 * All links of a message in one list: HTML anchors (with their visible text),
 * URLs written as text in the HTML-derived text (outside anchors), and URLs in
 * the plain-text parts. Each says which text its offsets point into and
 * whether that text is the displayed body.
 */
import type { BodyCollector } from './body-collector.js';
import type { EmailLink, EmailWarningCode, ParsedEmail } from './email-types.js';
import { findTextUrls, type TextUrl } from './text-links.js';

function textLink(u: TextUrl, part: EmailLink['part'], inBody: boolean): EmailLink {
  return { href: u.url, text: '', origin: 'text', part, inBody, start: u.start, end: u.end };
}

/** URLs written as text in the HTML-derived text, except those that are an anchor's own text. */
function htmlTextLinks(collector: BodyCollector, max: number, inBody: boolean): EmailLink[] {
  const out: EmailLink[] = [];
  // Anchors come in document order, so one moving pointer finds those a text URL overlaps.
  const anchors = collector.htmlLinks;
  let a = 0;
  for (const u of findTextUrls(collector.htmlText, max)) {
    while (a < anchors.length && (anchors[a]?.end ?? 0) <= u.start) a++;
    const anchor = anchors[a];
    if (anchor !== undefined && anchor.start < u.end && anchor.end > u.start) continue;
    out.push(textLink(u, 'html', inBody));
  }
  return out;
}

export function collectLinks(
  collector: BodyCollector,
  bodySource: ParsedEmail['bodySource'],
  maxLinks: number,
  warn: (code: EmailWarningCode) => void,
): EmailLink[] {
  const inHtml = bodySource === 'html';
  const links: EmailLink[] = collector.htmlLinks.map((l) => ({
    ...l,
    part: 'html',
    inBody: inHtml,
  }));
  links.push(...htmlTextLinks(collector, maxLinks + 1, inHtml));
  for (const u of findTextUrls(collector.plainText, maxLinks + 1))
    links.push(textLink(u, 'plain', bodySource === 'plain'));
  if (links.length > maxLinks) {
    warn('link_limit');
    links.length = maxLinks;
  }
  return links;
}
