/**
 * `shieldwall safeguards monitor`: read the recorded gateway traffic of a time
 * window and run the offline jobs of the engine over it; then (unless it is a dry
 * run) feed each finding to the risk score of whom it is about, which pulls the
 * automatic levers the policy calls for.
 */
import { createHash } from 'node:crypto';
import type { GatewayTables } from '../gateway/index.js';
import type { Store } from '../platform/ports/store.js';
import type { RiskFindingKind } from './engine/risk-score.js';
import {
  DEFAULT_MONITOR_POLICY,
  type Finding,
  type MonitorPolicy,
  monitorTraffic,
  type TrafficRow,
} from './engine/usage-monitor.js';
import type { FindingOutcome, RiskService } from './risk-service.js';

/** Rows read per run at most (the newest of the window are kept). */
export const MAX_MONITOR_ROWS = 200_000;

export interface MonitorReport {
  readonly since: string;
  readonly until: string;
  readonly requests: number;
  /** True when the window held more than MAX_MONITOR_ROWS requests (the newest were read). */
  readonly truncated: boolean;
  readonly findings: readonly MonitorFinding[];
}

/** A finding with when its newest cited request was made and the highest tier they were served at. */
export interface MonitorFinding extends Finding {
  readonly lastAt: string;
  readonly tier: number | null;
}

function categoriesOf(json: string): TrafficRow['categories'] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((c: unknown) => {
      const x = c as { id?: unknown; score?: unknown } | null;
      return typeof x?.id === 'string' && typeof x.score === 'number' && Number.isFinite(x.score)
        ? [{ id: x.id, score: x.score }]
        : [];
    });
  } catch {
    return [];
  }
}

export async function runMonitor(
  store: Store,
  window: { readonly sinceMs: number; readonly now: number },
  policy: MonitorPolicy = DEFAULT_MONITOR_POLICY,
): Promise<MonitorReport> {
  const from = window.now - window.sinceMs;
  const rows = await store
    .db<GatewayTables>()
    .selectFrom('gateway_requests')
    .select([
      'id',
      'created_at',
      'principal',
      'org_id',
      'key_id',
      'end_user',
      'tier',
      'decision',
      'risk',
      'categories',
      'prompt',
      'client_net',
    ])
    .where('created_at', '>=', from)
    .orderBy('created_at', 'desc')
    .limit(MAX_MONITOR_ROWS + 1)
    .execute();
  const truncated = rows.length > MAX_MONITOR_ROWS;
  const traffic: TrafficRow[] = rows.slice(0, MAX_MONITOR_ROWS).map((r) => ({
    id: r.id,
    createdAt: Number(r.created_at),
    principal: r.principal,
    orgId: r.org_id,
    keyId: r.key_id,
    endUser: r.end_user,
    tier: Number(r.tier),
    decision: r.decision,
    risk: Number(r.risk),
    categories: categoriesOf(r.categories),
    prompt: r.prompt,
    clientNet: r.client_net ?? null,
  }));
  return {
    since: new Date(from).toISOString(),
    until: new Date(window.now).toISOString(),
    requests: traffic.length,
    truncated,
    findings: withTimes(monitorTraffic(traffic, policy), traffic),
  };
}

function withTimes(findings: readonly Finding[], rows: readonly TrafficRow[]): MonitorFinding[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return findings.map((f) => {
    let last = 0;
    let tier: number | null = null;
    for (const id of f.requestIds) {
      const r = byId.get(id);
      if (r === undefined) continue;
      last = Math.max(last, r.createdAt);
      tier = Math.max(tier ?? 0, r.tier);
    }
    return { ...f, lastAt: new Date(last).toISOString(), tier };
  });
}

/** What feeding one finding did to each subject it names. */
export interface AppliedFinding {
  readonly finding: MonitorFinding;
  readonly outcomes: readonly FindingOutcome[];
}

/**
 * The finding's id for the risk score: one per kind, subject and UTC day of its newest
 * request. Running the monitor again over the same window (or an overlapping one) feeds
 * nothing twice; the same behaviour on a later day is a new finding.
 */
export function monitorFindingId(kind: string, subject: string, lastAt: string): string {
  const day = lastAt.slice(0, 10);
  const hash = createHash('sha256').update(`${kind}\n${subject}\n${day}`).digest('hex');
  return `monitor:${kind}:${day}:${hash.slice(0, 24)}`;
}

/**
 * Feed each finding to the risk score of every subject it names (a concerted finding
 * names several accounts), audited with the request ids it cites.
 */
export async function applyMonitorFindings(
  findings: readonly MonitorFinding[],
  risk: Pick<RiskService, 'recordFinding'>,
): Promise<AppliedFinding[]> {
  const out: AppliedFinding[] = [];
  for (const f of findings) {
    const outcomes: FindingOutcome[] = [];
    for (const subject of f.subject.split(',').filter((s) => s !== '')) {
      outcomes.push(
        await risk.recordFinding(
          subject,
          {
            id: monitorFindingId(f.kind, subject, f.lastAt),
            // Typed: a new monitor kind fails to compile until the risk policy weighs it.
            kind: `monitor.${f.kind}` satisfies RiskFindingKind,
            at: Date.parse(f.lastAt),
            summary: f.summary,
            cites: f.requestIds,
          },
          { tier: f.tier, source: 'safeguards.monitor' },
        ),
      );
    }
    out.push({ finding: f, outcomes });
  }
  return out;
}
