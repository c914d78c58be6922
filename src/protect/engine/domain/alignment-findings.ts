/**
 * DMARC alignment, inferred: DMARC passes only when SPF or DKIM passes *for the
 * domain in the From: line*. Services that send with their own bounce address
 * pass SPF for themselves, not for you, so their mail needs a DKIM signature for
 * your domain. We can see which services SPF authorizes and whether any DKIM key
 * is published at the selectors we tried — not the mail itself — so these are
 * cautions to verify in the DMARC reports, never certainties.
 */
import type { DkimAnalysis } from './dkim-findings.js';
import type { DmarcAnalysis } from './dmarc-findings.js';
import type { Finding } from './domain-types.js';
import { finding, list } from './finding.js';
import { sendersForIncludes } from './senders.js';

export function analyseAlignment(
  includes: readonly string[],
  dmarc: DmarcAnalysis,
  dkim: DkimAnalysis,
): Finding[] {
  const record = dmarc.record;
  if (record === undefined) return [];
  const thirdParty = sendersForIncludes(includes).filter((s) => s.ownReturnPath);
  const names = list(thirdParty.map((s) => s.name));
  const out: Finding[] = [];
  if (thirdParty.length > 0 && dkim.usable.length === 0)
    out.push(finding('align.third_party_no_dkim', 'dmarc', 'warning', { senders: names }));
  else if (thirdParty.length > 0)
    out.push(finding('align.check_senders', 'dmarc', 'info', { senders: names }));
  if (record.aspf === 's' && thirdParty.length > 0)
    out.push(finding('align.strict_spf', 'dmarc', 'info', { senders: names }));
  if (record.adkim === 's') out.push(finding('align.strict_dkim', 'dmarc', 'info'));
  return out;
}
