/**
 * The audit log's SQL, in one place: every query is a primary-key lookup or a
 * bounded range scan, the same on SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';
import type { AuditEntryRow, AuditTables } from './audit-tables.js';
import { fromHex, type NodeHash, type NodeId, toHex } from './engine/index.js';

export type AuditDb = Kysely<AuditTables>;

/** Keeps each OR-list of node lookups well under every driver's parameter limit. */
const NODE_CHUNK = 200;

export const nodeKey = (level: number, index: number) => `${level}:${index}`;

export async function lastEntry(db: AuditDb): Promise<AuditEntryRow | undefined> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .orderBy('idx', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Entries in the log: last index + 1 (gaps, if someone made any, do not shrink it). */
export async function currentSize(db: AuditDb): Promise<number> {
  const last = await lastEntry(db);
  return last === undefined ? 0 : Number(last.idx) + 1;
}

export async function entryAt(db: AuditDb, index: number): Promise<AuditEntryRow | undefined> {
  return db.selectFrom('audit_entry').selectAll().where('idx', '=', index).executeTakeFirst();
}

/** Rows with from ≤ idx, ascending, at most `limit`. */
export async function entriesFrom(
  db: AuditDb,
  from: number,
  limit: number,
): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('idx', '>=', from)
    .orderBy('idx')
    .limit(limit)
    .execute();
}

/** Every row with from ≤ idx < to, ascending — duplicates included, if someone made any. */
export async function entriesInRange(
  db: AuditDb,
  from: number,
  to: number,
): Promise<AuditEntryRow[]> {
  return db
    .selectFrom('audit_entry')
    .selectAll()
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();
}

/** The smallest index ≥ from (or the smallest at all), to jump over gaps. */
export async function firstIndexFrom(db: AuditDb, from?: number): Promise<number | undefined> {
  let query = db.selectFrom('audit_entry').select((eb) => eb.fn.min('idx').as('first'));
  if (from !== undefined) query = query.where('idx', '>=', from);
  const row = await query.executeTakeFirst();
  return row?.first === null || row?.first === undefined ? undefined : Number(row.first);
}

export async function countEntries(db: AuditDb): Promise<number> {
  const row = await db
    .selectFrom('audit_entry')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Look up perfect subtrees by id; absent or malformed hashes are simply missing from the map. */
export async function readNodes(
  db: AuditDb,
  ids: readonly NodeId[],
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (let i = 0; i < ids.length; i += NODE_CHUNK) {
    const chunk = ids.slice(i, i + NODE_CHUNK);
    const rows = await db
      .selectFrom('audit_node')
      .select(['level', 'idx', 'hash'])
      .where((eb) =>
        eb.or(chunk.map((id) => eb.and([eb('level', '=', id.level), eb('idx', '=', id.index)]))),
      )
      .execute();
    for (const row of rows) {
      const hash = fromHex(row.hash);
      if (hash !== undefined) out.set(nodeKey(row.level, Number(row.idx)), hash);
    }
  }
  return out;
}

/**
 * The stored subtrees that leaves from ≤ i < to complete: node (l, x) is completed
 * by leaf (x+1)·2^l − 1, so per level it is one index range.
 */
export async function nodesCompletedBy(
  db: AuditDb,
  from: number,
  to: number,
): Promise<Map<string, string>> {
  const ranges: { level: number; lo: number; hi: number }[] = [];
  for (let level = 0, width = 1; width <= to; level++, width *= 2) {
    const lo = Math.ceil((from + 1) / width) - 1;
    const hi = Math.floor(to / width) - 1;
    if (lo <= hi) ranges.push({ level, lo, hi });
  }
  const out = new Map<string, string>();
  if (ranges.length === 0) return out;
  const rows = await db
    .selectFrom('audit_node')
    .select(['level', 'idx', 'hash'])
    .where((eb) =>
      eb.or(
        ranges.map((r) =>
          eb.and([eb('level', '=', r.level), eb('idx', '>=', r.lo), eb('idx', '<=', r.hi)]),
        ),
      ),
    )
    .execute();
  for (const row of rows) out.set(nodeKey(row.level, Number(row.idx)), row.hash);
  return out;
}

export async function insertNodes(db: AuditDb, nodes: readonly NodeHash[]): Promise<void> {
  if (nodes.length === 0) return;
  await db
    .insertInto('audit_node')
    .values(nodes.map((n) => ({ level: n.level, idx: n.index, hash: toHex(n.hash) })))
    .execute();
}
