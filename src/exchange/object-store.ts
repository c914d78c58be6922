/**
 * Collections of STIX objects with every version kept (TAXII 2.1 §3.4: an
 * object's version is its `modified`, else `created`, else when it was added).
 * Objects are validated on the way in; a bad one is refused with its problems
 * and the rest of the request goes on. Reads support TAXII's filters:
 * `added_after`, `match[id|type|version|spec_version]` and `limit`/`next`.
 */
import { randomUUID } from 'node:crypto';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Store } from '../platform/ports/store.js';
import { validatePattern } from './engine/pattern/index.js';
import { recipientsOf } from './engine/sharing/index.js';
import { type StixObject, tlpOf, validateStixObject } from './engine/stix/index.js';
import type {
  ExchangeCollectionRow,
  ExchangeObjectRow,
  ExchangeTables,
} from './exchange-tables.js';
import { normalizeTimestamp, toMicros } from './stix-time.js';

export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** Largest page a read returns, whatever `limit` asks. */
export const MAX_PAGE = 1000;

export interface Collection {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly mediaTypes: readonly string[];
  readonly ownerOrg: string | null;
  readonly readCapability: string;
  readonly writeCapability: string;
}

export interface AddResult {
  /** Objects stored now, or already present with the same id and version. */
  readonly successes: readonly {
    readonly id: string;
    readonly version: string;
    readonly message?: string;
  }[];
  readonly failures: readonly {
    readonly id: string;
    readonly version?: string;
    readonly message: string;
  }[];
}

export interface Match {
  readonly id?: readonly string[];
  readonly type?: readonly string[];
  /** `last` (default), `first`, `all`, or version timestamps. */
  readonly version?: readonly string[];
  readonly specVersion?: readonly string[];
}

export interface Query {
  /** Microseconds since the epoch: only objects added after it. */
  readonly addedAfter?: number;
  readonly limit?: number;
  /** The cursor a previous page returned. */
  readonly next?: string;
  readonly match?: Match;
  /** TLP levels the reader may see; objects marked with any other are left out (unmarked ones are shown). */
  readonly visibleTlp?: readonly string[];
}

export interface Page {
  readonly rows: readonly ExchangeObjectRow[];
  /** There are more after this page; ask again with `next`. */
  readonly more: boolean;
  readonly next?: string;
}

const MAX_OBJECTS_PER_ADD = 10_000;
/** Ids per existence lookup, and rows per INSERT (12 columns: well under SQLite's and PostgreSQL's parameter limits). */
const LOOKUP_SLICE = 500;
/** Every column of an object row, in the order `add` writes them. */
const OBJECT_COLUMNS = [
  'collection_id',
  'id',
  'version',
  'date_added',
  'type',
  'spec_version',
  'tlp',
  'created_by_ref',
  'added_by',
  'json',
  'source_org',
  'recipients',
  'latest',
] as const satisfies readonly (keyof ExchangeObjectRow)[];

export type ObjectStore = ReturnType<typeof createObjectStore>;

export function createObjectStore(deps: { readonly store: Store; readonly now: () => number }) {
  const db = () => deps.store.db<ExchangeTables>();

  /**
   * `id IN (…)`; on PostgreSQL as `id = any($1)`, one array parameter instead
   * of one placeholder per id to build, bind and parse.
   */
  const idIn = (eb: ExpressionBuilder<ExchangeTables, 'exchange_object'>, ids: string[]) =>
    deps.store.dialect === 'postgres'
      ? eb('id', '=', sql<string>`any(${ids}::text[])`)
      : eb('id', 'in', ids);

  return {
    async createCollection(input: {
      title: string;
      description?: string;
      ownerOrg?: string;
      id?: string;
      readCapability?: string;
      writeCapability?: string;
    }): Promise<Collection> {
      const row = {
        id: input.id ?? randomUUID(),
        title: input.title.trim().slice(0, 200),
        description: input.description?.slice(0, 2000) ?? null,
        media_types: JSON.stringify([STIX_MEDIA_TYPE]),
        owner_org: input.ownerOrg ?? null,
        read_capability: input.readCapability ?? 'intel.read:clear',
        write_capability: input.writeCapability ?? 'intel.write',
        created_at: deps.now(),
      };
      await db().insertInto('exchange_collection').values(row).execute();
      return toCollection(row);
    },

    async collections(): Promise<Collection[]> {
      return (
        await db()
          .selectFrom('exchange_collection')
          .selectAll()
          .orderBy('created_at')
          .limit(10_000)
          .execute()
      ).map(toCollection);
    },

    async collection(id: string): Promise<Collection | undefined> {
      const row = await db()
        .selectFrom('exchange_collection')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toCollection(row);
    },

    /**
     * Validate and store objects. Each object gets its own outcome: a refused
     * one does not stop the others, and the same id and version twice is a
     * success that stores nothing new.
     */
    async add(
      collectionId: string,
      objects: readonly unknown[],
      addedBy: string,
      /** The organization sharing them (it may always read them back), when known. */
      sourceOrg: string | null = null,
      /**
       * Run with the outcome in the same transaction as the objects (the caller's
       * status record): one commit per request instead of two, and never objects
       * stored without it.
       */
      record?: (trx: Kysely<ExchangeTables>, outcome: AddResult) => Promise<void>,
    ): Promise<AddResult> {
      if (objects.length > MAX_OBJECTS_PER_ADD)
        throw new RangeError(`at most ${MAX_OBJECTS_PER_ADD} objects at once`);
      const successes: { id: string; version: string; message?: string }[] = [];
      const failures: { id: string; version?: string; message: string }[] = [];
      const accepted: { object: StixObject; version: string }[] = [];
      for (const input of objects) {
        const r = validateStixObject(input);
        const id =
          typeof (input as { id?: unknown })?.id === 'string' ? (input as { id: string }).id : '';
        if (!r.ok) {
          failures.push({
            id,
            message: r.problems
              .slice(0, 5)
              .map((p) => `${p.path || '(object)'} ${p.message}`)
              .join('; '),
          });
          continue;
        }
        const patternProblem = indicatorPatternProblem(r.object);
        if (patternProblem !== undefined) {
          failures.push({ id, message: `/pattern ${patternProblem}` });
          continue;
        }
        const version = versionOf(r.object, deps.now());
        accepted.push({ object: r.object, version });
      }
      if (accepted.length === 0) {
        if (record !== undefined)
          await deps.store.transaction<ExchangeTables, void>((trx) =>
            record(trx, { successes, failures }),
          );
        return { successes, failures };
      }
      await deps.store.transaction<ExchangeTables, void>(
        async (trx) => {
          const last = await trx
            .selectFrom('exchange_object')
            .select((eb) => eb.fn.max('date_added').as('m'))
            .where('collection_id', '=', collectionId)
            .executeTakeFirst();
          let dateAdded = Math.max(deps.now() * 1000, Number(last?.m ?? 0) + 1);
          // What is already stored, looked up in slices rather than one query per object.
          const present = new Set<string>();
          /** Each object's latest version: stored, then with this request's. */
          const latestOf = new Map<string, string>();
          const raise = (id: string, version: string) => {
            const had = latestOf.get(id);
            if (had === undefined || version > had) latestOf.set(id, version);
          };
          const ids = [...new Set(accepted.map((x) => x.object.id))];
          for (let i = 0; i < ids.length; i += LOOKUP_SLICE) {
            const rows = await trx
              .selectFrom('exchange_object')
              .select(['id', 'version'])
              .where('collection_id', '=', collectionId)
              .where((eb) => idIn(eb, ids.slice(i, i + LOOKUP_SLICE)))
              .execute();
            for (const r of rows) {
              present.add(`${r.id}\u0000${r.version}`);
              raise(r.id, r.version);
            }
          }
          const storedLatest = new Map(latestOf);
          for (const { object, version } of accepted) raise(object.id, version);
          const rows: ExchangeObjectRow[] = [];
          for (const { object, version } of accepted) {
            const key = `${object.id}\u0000${version}`;
            if (present.has(key)) {
              successes.push({ id: object.id, version, message: 'already present' });
              continue;
            }
            present.add(key); // the same id and version twice in one request is stored once
            rows.push({
              collection_id: collectionId,
              id: object.id,
              version,
              date_added: dateAdded++,
              type: object.type,
              spec_version: typeof object.spec_version === 'string' ? object.spec_version : '2.1',
              tlp: tlpOf(object as { object_marking_refs?: unknown }) ?? null,
              created_by_ref:
                typeof object.created_by_ref === 'string' ? object.created_by_ref : null,
              added_by: addedBy,
              json: JSON.stringify(object),
              source_org: sourceOrg,
              recipients: recipientsColumn(object),
              latest: latestOf.get(object.id) === version ? 1 : 0,
            });
            successes.push({ id: object.id, version });
          }
          // Objects that got a newer version: their previous latest is latest no more.
          const superseded = [...storedLatest]
            .filter(([id, v]) => latestOf.get(id) !== v)
            .map(([id]) => id);
          for (let i = 0; i < superseded.length; i += LOOKUP_SLICE)
            await trx
              .updateTable('exchange_object')
              .set({ latest: 0 })
              .where('collection_id', '=', collectionId)
              .where('id', 'in', superseded.slice(i, i + LOOKUP_SLICE))
              .where('latest', '=', 1)
              .execute();
          // A few reused statements per request instead of one query built per object.
          await deps.store.insertRows(
            trx,
            'exchange_object',
            OBJECT_COLUMNS,
            rows.map((r) => OBJECT_COLUMNS.map((c) => r[c])),
          );
          if (record !== undefined) await record(trx, { successes, failures });
        },
        // One writer per collection at a time, so date_added stays strictly increasing.
        { lock: `exchange-collection:${collectionId}` },
      );
      return { successes, failures };
    },

    /** A page of object versions, oldest added first, filtered as TAXII asks. */
    async query(collectionId: string, q: Query = {}): Promise<Page> {
      return page(db(), collectionId, q);
    },

    /** Delete the versions `match.version` selects (default: all) of one object; returns how many. */
    async delete(collectionId: string, objectId: string, match: Match = {}): Promise<number> {
      // Under the collection's writer lock, so the latest flag never races an add.
      return deps.store.transaction<ExchangeTables, number>(
        async (trx) => {
          const { rows } = await page(trx, collectionId, {
            match: { ...match, id: [objectId], version: match.version ?? ['all'] },
            limit: MAX_PAGE,
          });
          let n = 0;
          for (const r of rows) {
            const res = await trx
              .deleteFrom('exchange_object')
              .where('collection_id', '=', collectionId)
              .where('id', '=', r.id)
              .where('version', '=', r.version)
              .executeTakeFirst();
            n += Number(res.numDeletedRows);
          }
          // The newest remaining version, if any, is the latest now.
          if (n > 0)
            await trx
              .updateTable('exchange_object')
              .set({ latest: 1 })
              .where('collection_id', '=', collectionId)
              .where('id', '=', objectId)
              .where((eb) =>
                eb(
                  'version',
                  '=',
                  eb
                    .selectFrom('exchange_object as l')
                    .select((e) => e.fn.max('l.version').as('v'))
                    .where('l.collection_id', '=', collectionId)
                    .where('l.id', '=', objectId),
                ),
              )
              .execute();
          return n;
        },
        { lock: `exchange-collection:${collectionId}` },
      );
    },
  };
}

async function page(db: Kysely<ExchangeTables>, collectionId: string, q: Query): Promise<Page> {
  const limit = Math.max(1, Math.min(q.limit ?? MAX_PAGE, MAX_PAGE));
  const after = Math.max(q.addedAfter ?? -1, q.next === undefined ? -1 : Number(q.next));
  let sql = db
    .selectFrom('exchange_object as o')
    .selectAll('o')
    .where('o.collection_id', '=', collectionId);
  if (after >= 0) sql = sql.where('o.date_added', '>', after);
  const m = q.match ?? {};
  if (m.id !== undefined && m.id.length > 0) sql = sql.where('o.id', 'in', [...m.id]);
  if (m.type !== undefined && m.type.length > 0) sql = sql.where('o.type', 'in', [...m.type]);
  const tlps = q.visibleTlp;
  if (tlps !== undefined)
    sql = sql.where((eb) =>
      tlps.length === 0
        ? eb('o.tlp', 'is', null)
        : eb.or([eb('o.tlp', 'is', null), eb('o.tlp', 'in', [...tlps])]),
    );
  if (m.specVersion !== undefined && m.specVersion.length > 0)
    sql = sql.where('o.spec_version', 'in', [...m.specVersion]);
  const versions = m.version === undefined || m.version.length === 0 ? ['last'] : m.version;
  if (!versions.includes('all')) {
    const stamps = versions
      .filter((v) => v !== 'first' && v !== 'last')
      .map((v) => normalizeTimestamp(v) ?? v);
    sql = sql.where((eb) =>
      eb.or([
        ...(versions.includes('last') ? [eb('o.latest', '=', 1)] : []),
        ...(versions.includes('first')
          ? [
              eb(
                'o.version',
                '=',
                eb
                  .selectFrom('exchange_object as f')
                  .select((e) => e.fn.min('f.version').as('v'))
                  .whereRef('f.collection_id', '=', 'o.collection_id')
                  .whereRef('f.id', '=', 'o.id'),
              ),
            ]
          : []),
        ...(stamps.length > 0 ? [eb('o.version', 'in', stamps)] : []),
      ]),
    );
  }
  const rows = await sql
    .orderBy('o.date_added')
    .limit(limit + 1)
    .execute();
  const more = rows.length > limit;
  const shown = (more ? rows.slice(0, limit) : rows).map((r) => ({
    ...r,
    date_added: Number(r.date_added),
  }));
  return { rows: shown, more, ...(more ? { next: String(shown.at(-1)?.date_added) } : {}) };
}

/** A STIX indicator's pattern must parse and validate (other pattern languages are taken as they are). */
function indicatorPatternProblem(o: StixObject): string | undefined {
  if (o.type !== 'indicator' || o.pattern_type !== 'stix' || typeof o.pattern !== 'string')
    return undefined;
  const r = validatePattern(o.pattern);
  if (r.ok) return undefined;
  const e = r.errors[0];
  return e === undefined
    ? 'is not a valid STIX pattern'
    : `is not a valid STIX pattern: ${e.message} (at character ${e.offset})`;
}

/** A TLP:RED object's named recipient organizations, as stored (null when it names none). */
function recipientsColumn(o: StixObject): string | null {
  const r = recipientsOf(o as { readonly [k: string]: unknown });
  return r.length === 0 ? null : JSON.stringify(r);
}

/** TAXII 2.1 §3.4: `modified`, else `created`, else the time it is added. */
function versionOf(o: StixObject, nowMs: number): string {
  for (const k of ['modified', 'created'] as const) {
    const v = o[k];
    if (typeof v === 'string') {
      const n = normalizeTimestamp(v);
      if (n !== undefined) return n;
    }
  }
  return normalizeTimestamp(new Date(nowMs).toISOString()) as string;
}

function toCollection(r: ExchangeCollectionRow): Collection {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    mediaTypes: JSON.parse(r.media_types) as string[],
    ownerOrg: r.owner_org,
    readCapability: r.read_capability,
    writeCapability: r.write_capability,
  };
}

export { toMicros };
