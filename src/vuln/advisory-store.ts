/**
 * Advisories in the relational store (SQLite or PostgreSQL through Kysely): write batches of
 * validated OSV records, and load into an in-memory index only the records that name the
 * packages a scan found.
 */
import type { Store } from '../platform/ports/store.js';
import { AdvisoryIndex } from './engine/advisory-matcher.js';
import { type Ecosystem, knownEcosystem, normalizePackageName } from './engine/ecosystems.js';
import type { Dependency } from './engine/lockfile-types.js';
import type { OsvRecord } from './engine/osv-record.js';
import type { VulnTables } from './vuln-tables.js';

/** Rows per statement: below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;
/** Package names per lookup query (one bound parameter each). */
const LOOKUP_CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function affectedKeys(record: OsvRecord): Array<{ ecosystem: Ecosystem; name_key: string }> {
  const keys = new Map<string, { ecosystem: Ecosystem; name_key: string }>();
  for (const a of record.affected) {
    const eco = a.package === undefined ? undefined : knownEcosystem(a.package.ecosystem);
    if (eco === undefined || a.package === undefined) continue;
    const name_key = normalizePackageName(eco, a.package.name);
    keys.set(`${eco}\u0000${name_key}`, { ecosystem: eco, name_key });
  }
  return [...keys.values()];
}

export class AdvisoryStore {
  readonly #store: Store;
  readonly #now: () => number;

  constructor(store: Store, now: () => number) {
    this.#store = store;
    this.#now = now;
  }

  /** Insert or replace a batch of records (one transaction). */
  async write(records: readonly OsvRecord[]): Promise<void> {
    if (records.length === 0) return;
    const now = this.#now();
    const byId = new Map(records.map((r) => [r.id, r]));
    const ids = [...byId.keys()];
    await this.#store.transaction<VulnTables, void>(async (trx) => {
      for (const part of chunks(ids)) {
        await trx.deleteFrom('vuln_affected').where('advisory_id', 'in', part).execute();
        await trx.deleteFrom('vuln_advisories').where('id', 'in', part).execute();
      }
      const rows = [...byId.values()].map((r) => ({
        id: r.id,
        modified: r.modified,
        withdrawn: r.withdrawn === undefined ? 0 : 1,
        record: JSON.stringify(r),
        imported_at: now,
      }));
      for (const part of chunks(rows, 100))
        await trx.insertInto('vuln_advisories').values(part).execute();
      const affected = [...byId.values()].flatMap((r) =>
        r.withdrawn === undefined ? affectedKeys(r).map((k) => ({ ...k, advisory_id: r.id })) : [],
      );
      for (const part of chunks(affected))
        await trx.insertInto('vuln_affected').values(part).execute();
    });
  }

  /** Recount advisories per ecosystem (after an import). */
  async recount(): Promise<Array<{ ecosystem: string; advisories: number }>> {
    const db = this.#store.db<VulnTables>();
    const counts = await db
      .selectFrom('vuln_affected')
      .select(['ecosystem', (eb) => eb.fn.count<string | number>('advisory_id').distinct().as('n')])
      .groupBy('ecosystem')
      .execute();
    const now = this.#now();
    const rows = counts.map((c) => ({
      ecosystem: c.ecosystem,
      advisories: Number(c.n),
      updated_at: now,
    }));
    await this.#store.transaction<VulnTables, void>(async (trx) => {
      await trx.deleteFrom('vuln_ecosystems').execute();
      if (rows.length > 0) await trx.insertInto('vuln_ecosystems').values(rows).execute();
    });
    return rows.map(({ ecosystem, advisories }) => ({ ecosystem, advisories }));
  }

  /** Ecosystems with at least one advisory loaded. */
  async ecosystems(): Promise<Array<{ ecosystem: string; advisories: number }>> {
    return this.#store
      .db<VulnTables>()
      .selectFrom('vuln_ecosystems')
      .select(['ecosystem', 'advisories'])
      .orderBy('ecosystem')
      .execute();
  }

  /** An index holding every record that names one of `deps`, and the covered ecosystems. */
  async indexFor(deps: readonly Dependency[]): Promise<AdvisoryIndex> {
    const db = this.#store.db<VulnTables>();
    const index = new AdvisoryIndex();
    for (const e of await this.ecosystems()) {
      const eco = knownEcosystem(e.ecosystem);
      if (eco !== undefined && e.advisories > 0) index.cover(eco);
    }
    const keys = new Map<Ecosystem, Set<string>>();
    for (const d of deps) {
      const eco = knownEcosystem(d.ecosystem);
      if (eco === undefined || !index.covers(eco)) continue;
      const set = keys.get(eco) ?? new Set<string>();
      set.add(normalizePackageName(eco, d.name));
      keys.set(eco, set);
    }
    // One query per chunk of names: the lookup index and the records in one round trip, so
    // a scan reads only the advisories naming its packages (never the whole database), and
    // an advisory naming two of those packages is decoded once.
    const seen = new Set<string>();
    for (const [eco, names] of keys) {
      for (const part of chunks([...names], LOOKUP_CHUNK)) {
        const rows = await db
          .selectFrom('vuln_affected as f')
          .innerJoin('vuln_advisories as a', 'a.id', 'f.advisory_id')
          .select(['a.id', 'a.record'])
          .where('f.ecosystem', '=', eco)
          .where('f.name_key', 'in', part)
          .execute();
        for (const row of rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          index.add(JSON.parse(row.record) as OsvRecord);
        }
      }
    }
    return index;
  }
}
