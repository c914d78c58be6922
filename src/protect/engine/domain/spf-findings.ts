/** What is wrong (or right) with a domain's SPF, from its TXT answers and its include chain. */
import type { DomainLookups, Finding } from './domain-types.js';
import { finding, list, lookupFailure } from './finding.js';
import { countSpfLookups, parseSpf, type SpfRecord, spfRecordsOf } from './spf-record.js';

export const SPF_LOOKUP_LIMIT = 10;

export interface SpfAnalysis {
  readonly findings: Finding[];
  readonly records: readonly string[];
  /** The (first) record, parsed; undefined without one. */
  readonly parsed: SpfRecord | undefined;
  readonly lookups: number | null;
  readonly includes: readonly string[];
  /** True when the record needs to be replaced (records-to-paste offers a fixed one). */
  readonly needsFix: boolean;
}

export function analyseSpf(l: DomainLookups, receivesMail: boolean): SpfAnalysis {
  const failed = lookupFailure(l.domain, 'TXT', l.txt);
  if (failed.length > 0)
    return {
      findings: failed,
      records: [],
      parsed: undefined,
      lookups: null,
      includes: [],
      needsFix: false,
    };
  const records = spfRecordsOf(l.txt.status === 'ok' ? l.txt.records : []);
  const first = records[0];
  if (first === undefined) {
    const f = receivesMail
      ? finding('spf.missing', 'spf', 'critical', { domain: l.domain })
      : finding('spf.missing_parked', 'spf', 'warning', { domain: l.domain });
    return {
      findings: [f],
      records,
      parsed: undefined,
      lookups: null,
      includes: [],
      needsFix: true,
    };
  }
  const out: Finding[] = [];
  let needsFix = false;
  if (records.length > 1) {
    out.push(finding('spf.multiple', 'spf', 'critical', { count: records.length }));
    needsFix = true;
  }
  const parsed = parseSpf(first);
  if (parsed.unknown.length > 0) {
    out.push(finding('spf.syntax', 'spf', 'critical', { terms: list(parsed.unknown) }));
    needsFix = true;
  }
  needsFix = allFindings(parsed, out) || needsFix;

  const count = countSpfLookups(parsed, (name) => {
    const r = l.spfIncludes[name];
    if (r === undefined) return undefined;
    if (r.status === 'timeout' || r.status === 'error') return { spf: [], failed: true };
    return { spf: spfRecordsOf(r.status === 'ok' ? r.records : []), failed: false };
  });
  if (count.lookups > SPF_LOOKUP_LIMIT)
    out.push(
      finding('spf.too_many_lookups', 'spf', 'critical', {
        count: count.lookups,
        limit: SPF_LOOKUP_LIMIT,
      }),
    );
  else if (count.unresolved.length === 0)
    out.push(
      finding('spf.lookups_ok', 'spf', count.lookups >= 8 ? 'info' : 'good', {
        count: count.lookups,
        limit: SPF_LOOKUP_LIMIT,
      }),
    );
  if (count.loops.length > 0)
    out.push(finding('spf.loop', 'spf', 'critical', { names: list(count.loops) }));
  if (count.broken.length > 0)
    out.push(finding('spf.include_broken', 'spf', 'warning', { names: list(count.broken) }));
  if (count.unresolved.length > 0)
    out.push(
      finding('spf.include_unchecked', 'spf', 'info', {
        names: list(count.unresolved),
        count: count.lookups,
      }),
    );
  if (count.usesPtr) {
    out.push(finding('spf.ptr', 'spf', 'warning'));
    needsFix = true;
  }
  return {
    findings: out,
    records,
    parsed,
    lookups: count.lookups,
    includes: count.includes,
    needsFix,
  };
}

/** Findings about the `all` at the end; returns true when the record should change. */
function allFindings(parsed: SpfRecord, out: Finding[]): boolean {
  switch (parsed.all) {
    case '+':
      out.push(finding('spf.pass_all', 'spf', 'critical'));
      return true;
    case '?':
      out.push(finding('spf.neutral_all', 'spf', 'warning'));
      return true;
    case '~':
      out.push(finding('spf.softfail_all', 'spf', 'good'));
      return false;
    case '-':
      out.push(finding('spf.fail_all', 'spf', 'good'));
      return false;
    default:
      if (parsed.redirect !== undefined) return false;
      out.push(finding('spf.no_all', 'spf', 'warning'));
      return true;
  }
}
