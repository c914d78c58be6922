/**
 * An email: who it claims to be from and where it really came from (header
 * signals), the wording of subject and body (email model and cues), its links
 * and its attachments (names and types only; nothing is opened).
 */
import { cueSignals } from '../cues/cue-signals.js';
import {
  emailSignals,
  emailText,
  firstDomain,
  organisationalDomain,
  type ParsedEmail,
} from '../email/index.js';
import { extractIndicators } from '../indicators/extract-indicators.js';
import type { ScamModel } from '../model/load-model.js';
import type { Evidence, MessageRef } from '../types.js';
import { DOMAIN_INDEX } from '../url/brand-index.js';
import type { Collector } from './collector.js';
import { checkLinks, type LinkToCheck } from './links.js';
import { modelReason, spanEvidence } from './model-reasons.js';

/** Characters of the model's input explained phrase by phrase (see analyseEmail). */
const EXPLAIN_CHARS = 1_500;
/** Body characters scanned for cues and indicators: the body a person actually reads. */
const MAX_SCANNED = 50_000;

/** Where a phrase of the model's input (subject + body, normalised) is in the email as shown. */
function locateInEmail(parsed: ParsedEmail, phrase: string): Evidence | undefined {
  if (phrase.length === 0) return undefined;
  for (const [field, text] of [
    ['subject', parsed.subject],
    ['body', parsed.body],
  ] as const) {
    let at = text.indexOf(phrase);
    if (at < 0) at = text.toLowerCase().indexOf(phrase.toLowerCase());
    if (at >= 0) return spanEvidence(field, text, at, at + phrase.length);
  }
  return undefined;
}

function linkEvidence(parsed: ParsedEmail, link: ParsedEmail['links'][number]): Evidence {
  if (link.inBody && link.end > link.start) {
    return spanEvidence('body', parsed.body, link.start, link.end);
  }
  return spanEvidence('url', link.href, 0, link.href.length);
}

export interface EmailAnalysis {
  readonly text: string;
  readonly checked: MessageRef[];
}

export function analyseEmail(
  parsed: ParsedEmail,
  models: { email?: ScamModel; url?: ScamModel },
  scales: { model: number; linkModel: number },
  into: Collector,
): EmailAnalysis {
  for (const s of emailSignals(parsed)) into.signal(s);
  const text = emailText(parsed);
  if (models.email !== undefined) {
    const model = models.email;
    const score = model.score(text);
    const contribution = into.addModel(score.logOdds, scales.model);
    // The score reads the whole text; the quotes come from its opening, which is what the
    // person reads first (explaining 10,000 characters would cost more than the rest of the check).
    // When the opening has no phrase pushing the same way, the whole text is explained.
    const head = text.length > EXPLAIN_CHARS ? text.slice(0, EXPLAIN_CHARS) : text;
    const locate = (p: { text: string }) => locateInEmail(parsed, p.text);
    const reason =
      modelReason('email', () => model.explain(head), contribution, locate) ??
      (head === text
        ? undefined
        : modelReason('email', () => model.explain(text), contribution, locate));
    if (reason !== undefined) into.put(reason);
  }
  const body = parsed.body.length > MAX_SCANNED ? parsed.body.slice(0, MAX_SCANNED) : parsed.body;
  for (const r of cueSignals(parsed.subject, 'subject')) into.signal(r);
  for (const r of cueSignals(body, 'body')) into.signal(r);

  into.indicator(...extractIndicators(parsed.subject, 'subject'));
  into.indicator(...extractIndicators(body, 'body'));
  const links: LinkToCheck[] = parsed.links
    .filter((l) => !/^(?:mailto|tel|sms|cid|callto):/i.test(l.href))
    .map((l) => ({ url: l.href, evidence: linkEvidence(parsed, l) }));
  // Up to 10,000 links: each distinct one once, and none once the indicator list is full.
  const seen = new Set<string>();
  for (const l of links) {
    if (into.indicatorsFull) break;
    if (seen.has(l.url)) continue;
    seen.add(l.url);
    for (const i of extractIndicators(l.url, 'url')) {
      into.indicator(i.type === 'url' || i.type === 'domain' ? { ...i, evidence: l.evidence } : i);
    }
  }
  // A link to a brand's own site speaks for the email only when the email is from that brand.
  const fromSite = organisationalDomain(firstDomain(parsed.from));
  const fromBrands = DOMAIN_INDEX.get(fromSite) ?? [];
  const vouches = (site: string, brand: string) =>
    fromSite !== '' &&
    (organisationalDomain(site) === fromSite || fromBrands.some((b) => b.name === brand));
  checkLinks(links, models.url, scales.linkModel, into, vouches);
  if (parsed.from !== null) {
    for (const m of parsed.from.mailboxes.slice(0, 1)) {
      if (m.address === '') continue; // a From of only a name has no address to look up
      into.indicator({
        type: 'email',
        value: m.address.toLowerCase(),
        evidence: spanEvidence('from', parsed.from.text, m.addressStart, m.addressEnd),
      });
    }
  }

  const checked: MessageRef[] = [{ key: 'checked.email_sender' }, { key: 'checked.email_wording' }];
  if (links.length > 0) checked.push({ key: 'checked.links', params: { count: links.length } });
  if (parsed.attachments.length > 0) checked.push({ key: 'checked.attachments' });
  return { text: `${parsed.subject}\n${parsed.body}`, checked };
}
