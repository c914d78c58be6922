/** MX, MTA-STS, TLS-RPT and BIMI: how mail reaches the domain, and its brand logo. */
import type { DomainLookups, Finding, MxHost } from './domain-types.js';
import { finding, list, lookupFailure, recordsOf } from './finding.js';
import {
  isBimi,
  isMtaSts,
  isTlsRpt,
  mtaStsId,
  parseStsPolicy,
  tlsRptAddresses,
  uncoveredMx,
} from './mta-sts.js';

export interface MxAnalysis {
  readonly findings: Finding[];
  readonly hosts: readonly MxHost[];
  /** False for "no MX" and for a null MX (`0 .`): the domain takes no mail. Unknown counts as true. */
  readonly receivesMail: boolean;
}

export function analyseMx(l: DomainLookups): MxAnalysis {
  const failed = lookupFailure(l.domain, 'MX', l.mx);
  if (failed.length > 0) return { findings: failed, hosts: [], receivesMail: true };
  const hosts = l.mx.status === 'ok' ? l.mx.hosts : [];
  const real = hosts.filter((h) => h.exchange !== '' && h.exchange !== '.');
  if (real.length === 0)
    return {
      findings: [
        finding(hosts.length > 0 ? 'mx.null' : 'mx.none', 'mx', 'info', { domain: l.domain }),
      ],
      hosts,
      receivesMail: false,
    };
  return {
    findings: [finding('mx.ok', 'mx', 'good', { hosts: list(real.map((h) => h.exchange)) })],
    hosts: real,
    receivesMail: true,
  };
}

export interface StsAnalysis {
  readonly findings: Finding[];
  readonly records: readonly string[];
  readonly mode: 'enforce' | 'testing' | 'none' | undefined;
}

export function analyseMtaSts(l: DomainLookups, mx: MxAnalysis): StsAnalysis {
  const failed = lookupFailure(`_mta-sts.${l.domain}`, 'TXT', l.mtaSts);
  if (failed.length > 0) return { findings: failed, records: [], mode: undefined };
  const records = recordsOf(l.mtaSts).filter(isMtaSts);
  if (!mx.receivesMail) return { findings: [], records, mode: undefined };
  if (records.length === 0)
    return { findings: [finding('mta_sts.missing', 'mta-sts', 'info')], records, mode: undefined };
  const out: Finding[] = [];
  if (records.length > 1)
    out.push(finding('mta_sts.multiple', 'mta-sts', 'warning', { count: records.length }));
  else if (mtaStsId(records[0] as string) === undefined)
    out.push(finding('mta_sts.bad_id', 'mta-sts', 'warning'));
  const policy = l.mtaStsPolicy;
  if (policy.status === 'not_fetched') {
    out.push(finding('mta_sts.policy_not_fetched', 'mta-sts', 'info', { domain: l.domain }));
    return { findings: out, records, mode: undefined };
  }
  if (policy.status === 'error') {
    out.push(
      finding('mta_sts.policy_error', 'mta-sts', 'warning', {
        domain: l.domain,
        reason: policy.reason,
      }),
    );
    return { findings: out, records, mode: undefined };
  }
  const parsed = parseStsPolicy(policy.text);
  if (!parsed.versionOk || parsed.mode === undefined || parsed.maxAge === undefined) {
    out.push(finding('mta_sts.policy_invalid', 'mta-sts', 'warning'));
    return { findings: out, records, mode: undefined };
  }
  if (parsed.mode === 'testing') out.push(finding('mta_sts.testing', 'mta-sts', 'warning'));
  else if (parsed.mode === 'none') out.push(finding('mta_sts.mode_none', 'mta-sts', 'info'));
  else out.push(finding('mta_sts.enforce', 'mta-sts', 'good'));
  const uncovered = mx.hosts.length === 0 ? [] : uncoveredMx(parsed, mx.hosts);
  if (uncovered.length > 0 && parsed.mode !== 'none')
    out.push(
      finding(
        'mta_sts.mx_mismatch',
        'mta-sts',
        parsed.mode === 'enforce' ? 'critical' : 'warning',
        {
          hosts: list(uncovered),
        },
      ),
    );
  return { findings: out, records, mode: parsed.mode };
}

export function analyseTlsRpt(
  l: DomainLookups,
  mx: MxAnalysis,
  sts: StsAnalysis,
): { findings: Finding[]; records: readonly string[] } {
  const failed = lookupFailure(`_smtp._tls.${l.domain}`, 'TXT', l.tlsRpt);
  if (failed.length > 0) return { findings: failed, records: [] };
  const records = recordsOf(l.tlsRpt).filter(isTlsRpt);
  if (!mx.receivesMail) return { findings: [], records };
  if (records.length === 0)
    return {
      findings: [
        finding('tls_rpt.missing', 'tls-rpt', sts.records.length > 0 ? 'warning' : 'info'),
      ],
      records,
    };
  if (records.length > 1)
    return {
      findings: [finding('tls_rpt.multiple', 'tls-rpt', 'warning', { count: records.length })],
      records,
    };
  if (tlsRptAddresses(records[0] as string).length === 0)
    return { findings: [finding('tls_rpt.no_address', 'tls-rpt', 'warning')], records };
  return { findings: [finding('tls_rpt.ok', 'tls-rpt', 'good')], records };
}

export function analyseBimi(
  l: DomainLookups,
  enforcing: boolean,
): { findings: Finding[]; records: readonly string[] } {
  const failed = lookupFailure(`default._bimi.${l.domain}`, 'TXT', l.bimi);
  if (failed.length > 0) return { findings: failed, records: [] };
  const records = recordsOf(l.bimi).filter(isBimi);
  if (records.length === 0) return { findings: [finding('bimi.missing', 'bimi', 'info')], records };
  if (!enforcing)
    return { findings: [finding('bimi.needs_enforcement', 'bimi', 'warning')], records };
  return { findings: [finding('bimi.ok', 'bimi', 'good')], records };
}
