/**
 * `shieldwall safeguards monitor`: read the recorded gateway traffic of a time
 * window and run the offline jobs of the engine over it.
 */
import type { GatewayTables } from '../gateway/index.js';
import type { Store } from '../platform/ports/store.js';
import {
  DEFAULT_MONITOR_POLICY,
  type Finding,
  type MonitorPolicy,
  monitorTraffic,
  type TrafficRow,
} from './engine/usage-monitor.js';

/** Rows read per run at most (the newest of the window are kept). */
export const MAX_MONITOR_ROWS = 200_000;

export interface MonitorReport {
  readonly since: string;
  readonly until: string;
  readonly requests: number;
  /** True when the window held more than MAX_MONITOR_ROWS requests (the newest were read). */
  readonly truncated: boolean;
  readonly findings: readonly Finding[];
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
    findings: monitorTraffic(traffic, policy),
  };
}
