/**
 * The exact DNS records to publish, with the domain filled in: a fixed SPF when
 * it is missing or broken, the DMARC record for the next step, MTA-STS and
 * TLS-RPT when missing or still testing, and the full "this domain sends no
 * mail" set for a parked domain.
 */
import type { DkimAnalysis } from './dkim-findings.js';
import type { DmarcAnalysis } from './dmarc-findings.js';
import { dmarcPlan } from './dmarc-plan.js';
import type { RecordToPaste } from './domain-types.js';
import { sendersForMx } from './senders.js';
import type { SpfAnalysis } from './spf-findings.js';
import type { MxAnalysis, StsAnalysis } from './transport-findings.js';

export interface PasteInput {
  readonly domain: string;
  /** Today as YYYYMMDD (the engine has no clock): the MTA-STS policy id. */
  readonly today: string;
  readonly spf: SpfAnalysis;
  readonly dmarc: DmarcAnalysis;
  readonly dkim: DkimAnalysis;
  readonly mx: MxAnalysis;
  readonly sts: StsAnalysis;
  readonly tlsRptMissing: boolean;
}

export function recordsToPaste(input: PasteInput): RecordToPaste[] {
  const { domain } = input;
  if (
    !input.mx.receivesMail &&
    input.mx.findings.every((f) => f.key !== 'lookup.error' && f.key !== 'lookup.timeout')
  )
    return parkedRecords(input);
  const out: RecordToPaste[] = [];
  if (input.spf.needsFix) out.push(spfRecord(input));
  if (!input.dmarc.unknown) {
    const next = dmarcPlan(domain, input.dmarc).find((s) => s.status === 'next');
    // Until reports arrive, only the first step makes sense; later steps are in the plan.
    if (next?.stage === 'monitor') out.push(next.record);
  }
  if (input.sts.records.length === 0 || input.sts.mode === 'testing')
    out.push(...mtaStsRecords(input));
  if (input.tlsRptMissing)
    out.push({
      area: 'tls-rpt',
      purpose: 'records.tls_rpt',
      type: 'TXT',
      name: `_smtp._tls.${domain}`,
      value: `v=TLSRPTv1; rua=mailto:tls-reports@${domain}`,
    });
  return out;
}

function spfRecord(input: PasteInput): RecordToPaste {
  const terms: string[] = [];
  const add = (t: string) => {
    if (!terms.includes(t)) terms.push(t);
  };
  // Keep what every existing SPF record authorizes (merging duplicates), minus ptr, all and unknown terms.
  for (const text of input.spf.records) {
    for (const word of text.trim().split(' ').slice(1)) {
      const w = word.trim().toLowerCase();
      const bare = w.replace(/^[+?~-]/, '');
      if (w === '' || bare === 'all' || bare === 'ptr' || bare.startsWith('ptr:')) continue;
      if (
        bare.startsWith('redirect=') ||
        !/^(?:include:|a\b|mx\b|ip4:|ip6:|exists:|exp=)/.test(bare)
      )
        continue;
      add(w.startsWith('+') ? bare : w);
    }
  }
  if (terms.length === 0) {
    for (const s of sendersForMx(input.mx.hosts.map((h) => h.exchange)))
      for (const inc of s.includes.slice(0, 1)) add(`include:${inc}`);
    if (terms.length === 0) add('mx');
  }
  return {
    area: 'spf',
    purpose: 'records.spf',
    type: 'TXT',
    name: input.domain,
    value: ['v=spf1', ...terms, '~all'].join(' '),
  };
}

function mtaStsRecords(input: PasteInput): RecordToPaste[] {
  const { domain } = input;
  const mode = input.sts.mode === 'testing' ? 'enforce' : 'testing';
  const mx = input.mx.hosts.map((h) => `mx: ${h.exchange.replace(/\.$/, '')}`);
  if (mx.length === 0) return [];
  return [
    {
      area: 'mta-sts',
      purpose: 'records.mta_sts_txt',
      type: 'TXT',
      name: `_mta-sts.${domain}`,
      value: `v=STSv1; id=${input.today}01`,
    },
    {
      area: 'mta-sts',
      purpose: mode === 'enforce' ? 'records.mta_sts_enforce' : 'records.mta_sts_policy',
      type: 'FILE',
      name: `https://mta-sts.${domain}/.well-known/mta-sts.txt`,
      value: [
        'version: STSv1',
        `mode: ${mode}`,
        ...mx,
        `max_age: ${mode === 'enforce' ? 1209600 : 86400}`,
      ].join('\n'),
    },
  ];
}

/** A domain that sends and receives no mail: say so, so nobody can send in its name. */
function parkedRecords(input: PasteInput): RecordToPaste[] {
  const { domain } = input;
  const out: RecordToPaste[] = [];
  if (input.spf.needsFix || input.spf.parsed?.all !== '-')
    out.push({
      area: 'spf',
      purpose: 'records.parked_spf',
      type: 'TXT',
      name: domain,
      value: 'v=spf1 -all',
    });
  if (input.dmarc.record?.p !== 'reject' || input.dmarc.inherited)
    out.push({
      area: 'dmarc',
      purpose: 'records.parked_dmarc',
      type: 'TXT',
      name: `_dmarc.${domain}`,
      value: 'v=DMARC1; p=reject;',
    });
  if (input.dkim.usable.length === 0)
    out.push({
      area: 'dkim',
      purpose: 'records.parked_dkim',
      type: 'TXT',
      name: `*._domainkey.${domain}`,
      value: 'v=DKIM1; p=',
    });
  if (input.mx.hosts.length === 0)
    out.push({ area: 'mx', purpose: 'records.parked_mx', type: 'MX', name: domain, value: '0 .' });
  return out;
}
