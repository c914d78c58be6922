/**
 * Insider-threat monitoring over the registry's downloads: each access updates the
 * account's baseline (one row, under a lock, so concurrent downloads by one account
 * count exactly), and each signal it raises becomes a finding — stored once per
 * account, kind and day, audited, and published on the bus as
 * `provenance.insider.finding` for operators and the safeguards levers.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../platform/audit/index.js';
import type { Logger } from '../../platform/logger.js';
import type { Bus } from '../../platform/ports/bus.js';
import type { Store } from '../../platform/ports/store.js';
import {
  type AccessEvent,
  DAY_MS,
  DEFAULT_INSIDER_POLICY,
  emptyState,
  type InsiderPolicy,
  type InsiderState,
  observeAccess,
  type Signal,
  type SignalKind,
} from './insider-signals.js';
import type { RegistryFindingRow, RegistryTables } from './registry-tables.js';

/** The bus subject every new finding is published on. */
export const INSIDER_FINDING = 'provenance.insider.finding';

/** A finding as operators and the bus see it. */
export interface InsiderFinding {
  readonly id: string;
  /** `user:<id>` or `key:<id>`: the lever target that acts on it. */
  readonly account: string;
  readonly kind: SignalKind;
  readonly at: string;
  readonly explanation: string;
  readonly evidence: Record<string, unknown>;
  readonly artifactId: string | null;
  /** The audit entry that records it. */
  readonly auditIndex: number | null;
  /** What an operator can do about it with the safeguards levers. */
  readonly suggestedLever: string;
}

export type InsiderService = ReturnType<typeof createInsiderService>;

export function toFinding(r: RegistryFindingRow): InsiderFinding {
  return {
    id: r.id,
    account: r.account,
    kind: r.kind as SignalKind,
    at: new Date(Number(r.at)).toISOString(),
    explanation: r.explanation,
    evidence: JSON.parse(r.evidence) as Record<string, unknown>,
    artifactId: r.artifact_id,
    auditIndex: r.audit_index === null ? null : Number(r.audit_index),
    suggestedLever: suggestedLever(r.account, r.kind as SignalKind),
  };
}

/** A lever command fitting the signal: step-up friction first; revocation is a person's call. */
function suggestedLever(account: string, kind: SignalKind): string {
  const why = kind === 'bulk_restricted' ? 'bulk reads of restricted models' : `unusual ${kind}`;
  return `shieldwall lever friction ${account} --step-up --for 24h --reason "registry: ${why}"`;
}

export function createInsiderService(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly logger: Pick<Logger, 'warn'>;
  readonly policy?: InsiderPolicy;
}) {
  const policy = deps.policy ?? DEFAULT_INSIDER_POLICY;
  const db = () => deps.store.db<RegistryTables>();

  /** Update the account's baseline with one access; returns the signals it raised. */
  async function baseline(account: string, event: AccessEvent): Promise<Signal[]> {
    return deps.store.transaction<RegistryTables, Signal[]>(
      async (trx) => {
        const row = await trx
          .selectFrom('registry_profile')
          .select('state')
          .where('account', '=', account)
          .executeTakeFirst();
        const previous =
          row === undefined ? emptyState(event.at) : (JSON.parse(row.state) as InsiderState);
        const { state, signals } = observeAccess(previous, event, policy);
        const values = { state: JSON.stringify(state), updated_at: event.at };
        await trx
          .insertInto('registry_profile')
          .values({ account, ...values })
          .onConflict((oc) => oc.column('account').doUpdateSet(values))
          .execute();
        return signals;
      },
      { lock: 'registry-insider' },
    );
  }

  /** Store a signal as a finding unless one of its kind exists for the account today. */
  async function record(
    account: string,
    signal: Signal,
    event: AccessEvent,
    actor: { requestId?: string },
  ): Promise<InsiderFinding | null> {
    const row: RegistryFindingRow = {
      id: randomUUID(),
      account,
      kind: signal.kind,
      dedupe: `${account}|${signal.kind}|${Math.floor(event.at / DAY_MS)}`,
      at: event.at,
      explanation: signal.explanation,
      evidence: JSON.stringify(signal.evidence),
      artifact_id: event.artifactId,
      audit_index: null,
    };
    try {
      await db().insertInto('registry_finding').values(row).execute();
    } catch (err) {
      if (deps.store.isUniqueViolation(err)) return null;
      throw err;
    }
    const entry = await deps.audit.append({
      actor: 'system:provenance',
      action: 'provenance.insider.finding',
      subject: account,
      data: { finding: row.id, kind: signal.kind, artifact: event.artifactId },
      ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
    });
    await db()
      .updateTable('registry_finding')
      .set({ audit_index: entry.index })
      .where('id', '=', row.id)
      .execute();
    const finding = toFinding({ ...row, audit_index: entry.index });
    await deps.bus
      .publish(INSIDER_FINDING, finding, { msgId: `insider-${row.id}` })
      .catch((err: unknown) =>
        deps.logger.warn({ err, finding: row.id }, 'could not publish an insider finding'),
      );
    return finding;
  }

  return {
    policy,
    /**
     * Observe one download. Never fails the download: a monitoring error is logged,
     * and the access itself is already in the audit log.
     */
    async observe(
      account: string,
      event: AccessEvent,
      actor: { requestId?: string } = {},
    ): Promise<InsiderFinding[]> {
      try {
        const signals = await baseline(account, event);
        const out: InsiderFinding[] = [];
        for (const s of signals) {
          const f = await record(account, s, event, actor);
          if (f !== null) out.push(f);
        }
        return out;
      } catch (err) {
        deps.logger.warn({ err, account }, 'insider-threat monitoring failed for an access');
        return [];
      }
    },

    /** Newest first, optionally for one account or kind, since a time. */
    async list(query: {
      account?: string;
      kind?: SignalKind;
      since?: number;
      limit?: number;
    }): Promise<InsiderFinding[]> {
      let q = db().selectFrom('registry_finding').selectAll();
      if (query.account !== undefined) q = q.where('account', '=', query.account);
      if (query.kind !== undefined) q = q.where('kind', '=', query.kind);
      if (query.since !== undefined) q = q.where('at', '>=', query.since);
      const rows = await q
        .orderBy('at', 'desc')
        .limit(Math.min(Math.max(query.limit ?? 100, 1), 1000))
        .execute();
      return rows.map(toFinding);
    },
  };
}
