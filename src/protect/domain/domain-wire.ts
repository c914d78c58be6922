/**
 * The domain check as JSON for the API and `--json`: the report plus every
 * sentence already rendered in the caller's language, so a script needs no
 * catalog, while the web page can still re-render from the keys.
 */
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { domainMessages, findingText, stageText } from '../engine/domain/index.js';
import type { DomainCheckResult } from './domain-check-service.js';

export function toDomainWire(result: DomainCheckResult, locale: Locale) {
  const { report } = result;
  return {
    domain: report.domain,
    display_domain: report.displayDomain,
    locale,
    problem: report.problem,
    incomplete: result.incomplete,
    spf_lookups: report.spfLookups,
    selectors_tried: [...result.selectors],
    findings: report.findings.map((f) => ({
      key: f.key,
      area: f.area,
      severity: f.severity,
      params: { ...f.params },
      ...findingText(locale, f),
    })),
    records: report.records.map((r) => ({
      area: r.area,
      type: r.type,
      name: r.name,
      value: r.value,
      purpose_key: r.purpose,
      purpose: domainMessages.t(locale, r.purpose as never),
    })),
    plan: report.plan.map((s) => ({
      step: s.step,
      stage: s.stage,
      status: s.status,
      watch_days: [...s.watchDays],
      record: { type: s.record.type, name: s.record.name, value: s.record.value },
      ...stageText(locale, s),
    })),
    found: {
      spf: [...report.found.spf],
      dmarc: [...report.found.dmarc],
      dkim: { ...report.found.dkim },
      mx: report.found.mx.map((h) => ({ priority: h.priority, exchange: h.exchange })),
      mta_sts: [...report.found.mtaSts],
      tls_rpt: [...report.found.tlsRpt],
      bimi: [...report.found.bimi],
    },
  };
}

export type DomainWire = ReturnType<typeof toDomainWire>;
