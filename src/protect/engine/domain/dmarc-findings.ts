/** DMARC: is there exactly one valid record, does it stop spoofing, does anyone read its reports. */
import { type DmarcRecord, parseDmarc, weaker } from './dmarc-record.js';
import type { DomainLookups, Finding } from './domain-types.js';
import { finding, lookupFailure, recordsOf } from './finding.js';

export interface DmarcAnalysis {
  readonly findings: Finding[];
  readonly records: readonly string[];
  /** The record in force (the domain's own, or its organizational domain's), when valid. */
  readonly record: DmarcRecord | undefined;
  /** True when the record in force came from the organizational domain. */
  readonly inherited: boolean;
  /** True when the look-up failed, so we cannot say anything about DMARC. */
  readonly unknown: boolean;
}

/**
 * DMARC candidates: records that start with v=DMARC1, and also those that carry it
 * later on (receivers ignore those, so we report them as invalid, not as missing).
 */
function dmarcCandidates(records: readonly string[]): string[] {
  return records.filter((r) =>
    r.slice(0, 2000).toLowerCase().replaceAll(' ', '').includes('v=dmarc1'),
  );
}

export function analyseDmarc(l: DomainLookups): DmarcAnalysis {
  const name = `_dmarc.${l.domain}`;
  const failed = lookupFailure(name, 'TXT', l.dmarc);
  if (failed.length > 0)
    return { findings: failed, records: [], record: undefined, inherited: false, unknown: true };
  const own = dmarcCandidates(recordsOf(l.dmarc));
  const out: Finding[] = [];
  let records = own;
  let inherited = false;
  if (own.length === 0 && l.orgDmarc !== undefined) {
    out.push(...lookupFailure(`_dmarc.${l.orgDmarc.domain}`, 'TXT', l.orgDmarc.result));
    const org = dmarcCandidates(recordsOf(l.orgDmarc.result));
    if (org.length > 0) {
      records = org;
      inherited = true;
      out.push(finding('dmarc.inherited', 'dmarc', 'info', { org: l.orgDmarc.domain }));
    }
  }
  if (records.length === 0) {
    out.push(finding('dmarc.missing', 'dmarc', 'critical', { domain: l.domain }));
    return { findings: out, records, record: undefined, inherited, unknown: false };
  }
  if (records.length > 1) {
    out.push(finding('dmarc.multiple', 'dmarc', 'critical', { count: records.length }));
    return { findings: out, records, record: undefined, inherited, unknown: false };
  }
  const record = parseDmarc(records[0] as string);
  if (record.errors.length > 0 || record.p === undefined) {
    out.push(finding('dmarc.invalid', 'dmarc', 'critical', { problems: record.errors.join(', ') }));
    return { findings: out, records, record: undefined, inherited, unknown: false };
  }
  out.push(...policyFindings(record, record.p, inherited));
  return { findings: out, records, record, inherited, unknown: false };
}

function policyFindings(
  r: DmarcRecord,
  p: NonNullable<DmarcRecord['p']>,
  inherited: boolean,
): Finding[] {
  const out: Finding[] = [];
  // A subdomain that inherits its parent's record is judged by the parent's sp= (RFC 7489 §6.6.3).
  const effective = inherited ? (r.sp ?? p) : p;
  if (effective === 'none')
    out.push(
      r.rua.length === 0
        ? finding('dmarc.none_no_reports', 'dmarc', 'warning')
        : finding('dmarc.monitoring', 'dmarc', 'info'),
    );
  else {
    if (r.rua.length === 0) out.push(finding('dmarc.no_reports', 'dmarc', 'info'));
    if (r.pct < 100)
      out.push(finding('dmarc.partial_pct', 'dmarc', 'warning', { pct: r.pct, p: effective }));
    else if (effective === 'reject') out.push(finding('dmarc.reject', 'dmarc', 'good'));
    else out.push(finding('dmarc.quarantine', 'dmarc', 'info'));
  }
  if (!inherited && r.sp !== undefined && weaker(r.sp, p))
    out.push(finding('dmarc.sp_weaker', 'dmarc', 'warning', { sp: r.sp, p }));
  return out;
}

/** True when the policy in force rejects or quarantines all failing mail. */
export function enforcing(a: DmarcAnalysis): boolean {
  const r = a.record;
  if (r?.p === undefined) return false;
  const effective = a.inherited ? (r.sp ?? r.p) : r.p;
  return effective !== 'none' && r.pct === 100;
}
