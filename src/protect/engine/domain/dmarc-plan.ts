/**
 * The staged road to `p=reject`: watch reports with p=none, then quarantine a
 * quarter of failing mail, then all of it, then reject. Each step says how long
 * to read the reports before going on, and the record to publish for it.
 */
import type { DmarcAnalysis } from './dmarc-findings.js';
import type { PlanStage, RecordToPaste } from './domain-types.js';

const STAGES: readonly {
  stage: PlanStage['stage'];
  policy: string;
  watchDays: readonly [number, number];
}[] = [
  { stage: 'monitor', policy: 'p=none', watchDays: [14, 28] },
  { stage: 'quarantine-25', policy: 'p=quarantine; pct=25', watchDays: [7, 14] },
  { stage: 'quarantine-100', policy: 'p=quarantine', watchDays: [14, 28] },
  { stage: 'reject', policy: 'p=reject', watchDays: [0, 0] },
];

/** Where the person is on the road: the index of the stage in force, or -1 before the first. */
function currentIndex(a: DmarcAnalysis): number {
  const r = a.record;
  if (r?.p === undefined || a.inherited) return -1;
  if (r.p === 'none') return r.rua.length > 0 ? 0 : -1;
  if (r.p === 'quarantine') return r.pct < 100 ? 1 : 2;
  return 3;
}

/** The report address to use: the domain's own mailto: rua when it has one. */
export function reportAddress(domain: string, a: DmarcAnalysis): string {
  const existing = a.inherited
    ? undefined
    : a.record?.rua.find((u) => u.toLowerCase().startsWith('mailto:'));
  return existing ?? `mailto:dmarc-reports@${domain}`;
}

export function dmarcRecordFor(
  domain: string,
  policy: string,
  rua: string,
  a: DmarcAnalysis,
): RecordToPaste {
  const strict = [
    a.record?.adkim === 's' && !a.inherited ? 'adkim=s' : '',
    a.record?.aspf === 's' && !a.inherited ? 'aspf=s' : '',
  ].filter((t) => t !== '');
  return {
    area: 'dmarc',
    purpose: 'records.dmarc',
    type: 'TXT',
    name: `_dmarc.${domain}`,
    value: ['v=DMARC1', policy, `rua=${rua}`, ...strict].join('; '),
  };
}

export function dmarcPlan(domain: string, a: DmarcAnalysis): PlanStage[] {
  const current = currentIndex(a);
  const rua = reportAddress(domain, a);
  return STAGES.map((s, i) => ({
    step: i + 1,
    stage: s.stage,
    record: dmarcRecordFor(domain, s.policy, rua, a),
    watchDays: s.watchDays,
    status: i < current ? 'done' : i === current ? 'current' : i === current + 1 ? 'next' : 'later',
  }));
}
