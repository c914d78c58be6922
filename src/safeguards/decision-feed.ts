/**
 * The operators' live feed of safeguards decisions. The gateway's prompt decisions that count
 * (monitor, friction, block) are put on the bus as `safeguards.decision.observed`, so every
 * instance's console stream shows every instance's decisions; `allow` is not (it is most of the
 * traffic, and the gateway's hot path must stay cheap: it is in the request log, and the page
 * loads the newest decisions of any kind from there). Publishing never holds up a request: it is
 * fire-and-forget, a bounded number at a time, and dropped with a count beyond that.
 */
import type { GatewayTables, ObservedDecision } from '../gateway/index.js';
import type { Logger } from '../platform/logger.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { riskSubjectOf } from './risk-service.js';

export const DECISION_OBSERVED = 'safeguards.decision.observed';
/** Publishes in flight at most; beyond that decisions are left out of the feed (and counted). */
const MAX_IN_FLIGHT = 200;

/** One decision as the console shows it: who, what, how risky, why. Never the prompt. */
export interface FeedDecision {
  readonly requestId: string;
  readonly at: string;
  /** `org:…`, `user:…` or `enduser:<owner>/<id>`: what risk counts against. */
  readonly subject: string | null;
  readonly keyId: string | null;
  readonly tier: number;
  readonly decision: string;
  readonly risk: number;
  readonly categories: readonly string[];
}

export function feedDecision(d: ObservedDecision): FeedDecision {
  return {
    requestId: d.requestId,
    at: new Date(d.at).toISOString(),
    subject: riskSubjectOf(d),
    keyId: d.keyId,
    tier: d.tier,
    decision: d.decision,
    risk: Math.round(d.risk * 1000) / 1000,
    categories: d.categories.filter((c) => c.score > 0).map((c) => c.id),
  };
}

/** What of a bus event the stream sends: a well-formed decision, or nothing. */
export function projectDecision(data: unknown): FeedDecision | undefined {
  const d = data as Partial<FeedDecision> | null;
  if (d === null || typeof d !== 'object') return undefined;
  if (typeof d.requestId !== 'string' || typeof d.decision !== 'string') return undefined;
  if (typeof d.at !== 'string' || typeof d.risk !== 'number' || typeof d.tier !== 'number')
    return undefined;
  return {
    requestId: d.requestId,
    at: d.at,
    subject: typeof d.subject === 'string' ? d.subject : null,
    keyId: typeof d.keyId === 'string' ? d.keyId : null,
    tier: d.tier,
    decision: d.decision,
    risk: d.risk,
    categories: Array.isArray(d.categories)
      ? d.categories.filter((c): c is string => typeof c === 'string').slice(0, 20)
      : [],
  };
}

export function createDecisionFeed(deps: {
  readonly bus: Bus;
  readonly logger: Pick<Logger, 'warn'>;
}) {
  let inFlight = 0;
  let dropped = 0;
  return {
    /** Hear a gateway decision (the lever guard's `observe`); returns at once. */
    observe(d: ObservedDecision): void {
      if (d.decision === 'allow') return;
      if (inFlight >= MAX_IN_FLIGHT) {
        dropped += 1;
        if (dropped === 1 || dropped % 1000 === 0)
          deps.logger.warn({ dropped }, 'the live decision feed is behind; left decisions out');
        return;
      }
      inFlight += 1;
      deps.bus
        .publish(DECISION_OBSERVED, feedDecision(d), { msgId: `decision-${d.requestId}` })
        .catch((err: unknown) =>
          deps.logger.warn({ err: (err as Error).message }, 'could not publish a decision'),
        )
        .finally(() => {
          inFlight -= 1;
        });
    },
    dropped: () => dropped,
  };
}

/** The newest decisions from the request log (all kinds with `all`, else monitor/friction/block). */
export async function recentDecisions(
  store: Store,
  options: { readonly limit: number; readonly all: boolean },
): Promise<FeedDecision[]> {
  let q = store
    .db<GatewayTables>()
    .selectFrom('gateway_requests')
    .select([
      'id',
      'created_at',
      'org_id',
      'key_id',
      'principal',
      'end_user',
      'tier',
      'decision',
      'risk',
      'categories',
    ])
    .orderBy('created_at', 'desc')
    .limit(Math.max(1, Math.min(500, options.limit)));
  if (!options.all) q = q.where('decision', '!=', 'allow');
  const rows = await q.execute();
  return rows.map((r) => {
    const userId = r.principal.startsWith('user:') ? r.principal.slice(5) : null;
    return feedDecision({
      requestId: r.id,
      at: Number(r.created_at),
      orgId: r.org_id,
      keyId: r.key_id,
      userId,
      endUser: r.end_user,
      tier: Number(r.tier),
      decision: r.decision,
      risk: Number(r.risk),
      categories: parseCategories(r.categories),
    });
  });
}

function parseCategories(json: string): { id: string; score: number }[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((c: unknown) => {
      const x = c as { id?: unknown; score?: unknown } | null;
      return typeof x?.id === 'string' && typeof x.score === 'number'
        ? [{ id: x.id, score: x.score }]
        : [];
    });
  } catch {
    return [];
  }
}
