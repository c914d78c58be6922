/**
 * The email-domain health check: from everything looked up for a domain, the
 * findings (worst first), the records to paste and the staged DMARC plan.
 * Pure: the same answers always give the same report.
 */
import { toUnicodeHost } from '../url/punycode.js';
import { analyseAlignment } from './alignment-findings.js';
import { analyseDkim } from './dkim-findings.js';
import { analyseDmarc, enforcing } from './dmarc-findings.js';
import { dmarcPlan } from './dmarc-plan.js';
import {
  type DomainLookups,
  type DomainReport,
  isProblem,
  SEVERITY_ORDER,
} from './domain-types.js';
import { recordsToPaste } from './records-to-paste.js';
import { analyseSpf } from './spf-findings.js';
import { analyseBimi, analyseMtaSts, analyseMx, analyseTlsRpt } from './transport-findings.js';

/**
 * @example
 * const report = analyseDomain(lookups, { today: '20261206' });
 * report.problem; // true when any finding is a warning or worse
 */
export function analyseDomain(l: DomainLookups, options: { today: string }): DomainReport {
  const mx = analyseMx(l);
  const spf = analyseSpf(l, mx.receivesMail);
  const dmarc = analyseDmarc(l);
  const dkim = analyseDkim(l);
  const sts = analyseMtaSts(l, mx);
  const tlsRpt = analyseTlsRpt(l, mx, sts);
  const bimi = analyseBimi(l, enforcing(dmarc));
  const alignment = analyseAlignment(spf.includes, dmarc, dkim);
  const findings = [
    ...mx.findings,
    ...spf.findings,
    ...dmarc.findings,
    ...alignment,
    ...dkim.findings,
    ...sts.findings,
    ...tlsRpt.findings,
    ...bimi.findings,
  ]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
  const records = recordsToPaste({
    domain: l.domain,
    today: options.today,
    spf,
    dmarc,
    dkim,
    mx,
    sts,
    tlsRptMissing: tlsRpt.findings.some((f) => f.key === 'tls_rpt.missing'),
  });
  return {
    domain: l.domain,
    displayDomain: toUnicodeHost(l.domain),
    findings,
    records,
    plan: mx.receivesMail && !dmarc.unknown ? dmarcPlan(l.domain, dmarc) : [],
    found: {
      spf: spf.records,
      dmarc: dmarc.records,
      dkim: dkim.found,
      mx: mx.hosts,
      mtaSts: sts.records,
      tlsRpt: tlsRpt.records,
      bimi: bimi.records,
    },
    spfLookups: spf.lookups,
    problem: isProblem(findings),
  };
}
