/**
 * The findings of `shieldwall safeguards monitor`, kept for the console's "Findings" list: each
 * run appends what it found (bounded per run, request ids bounded per finding) and old runs are
 * pruned, so a scheduled monitor does not grow the table without end.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../platform/ports/store.js';
import type { Finding } from './engine/usage-monitor.js';
import type { SafeguardsTables } from './safeguards-tables.js';

/** Findings kept from one run at most. */
export const MAX_FINDINGS_PER_RUN = 500;
/** Request ids kept per finding at most. */
const MAX_CITED = 50;
/** Findings older than this are removed when a run stores new ones. */
export const FINDINGS_KEEP_MS = 90 * 24 * 3600_000;

export interface StoredFinding {
  readonly id: string;
  readonly runAt: number;
  readonly kind: string;
  readonly subject: string;
  readonly summary: string;
  readonly requestIds: readonly string[];
}

/** Keep one run's findings; returns how many were stored. */
export async function storeFindings(
  store: Store,
  findings: readonly Finding[],
  runAt: number,
): Promise<number> {
  const db = store.db<SafeguardsTables>();
  const rows = findings.slice(0, MAX_FINDINGS_PER_RUN).map((f) => ({
    id: randomUUID(),
    run_at: runAt,
    kind: f.kind,
    subject: f.subject.slice(0, 1000),
    summary: f.summary.slice(0, 1000),
    request_ids: JSON.stringify(f.requestIds.slice(0, MAX_CITED)),
  }));
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('safeguards_finding')
      .values(rows.slice(i, i + 100))
      .execute();
  await db
    .deleteFrom('safeguards_finding')
    .where('run_at', '<', runAt - FINDINGS_KEEP_MS)
    .execute();
  return rows.length;
}

/** The newest findings first. */
export async function listFindings(store: Store, limit = 100): Promise<StoredFinding[]> {
  const rows = await store
    .db<SafeguardsTables>()
    .selectFrom('safeguards_finding')
    .selectAll()
    .orderBy('run_at', 'desc')
    .orderBy('id')
    .limit(Math.max(1, Math.min(500, limit)))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    runAt: Number(r.run_at),
    kind: r.kind,
    subject: r.subject,
    summary: r.summary,
    requestIds: JSON.parse(r.request_ids) as string[],
  }));
}
