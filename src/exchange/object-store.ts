/**
 * Collections of STIX objects with every version kept (TAXII 2.1 §3.4: an
 * object's version is its `modified`, else `created`, else when it was added).
 * Objects are validated on the way in; a bad one is refused with its problems
 * and the rest of the request goes on. Reads support TAXII's filters:
 * `added_after`, `match[id|type|version|spec_version]` and `limit`/`next`.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Store } from '../platform/ports/store.js';
import { validatePattern } from './engine/pattern/index.js';
import { type Marked, recipientsOf } from './engine/sharing/index.js';
import { type StixObject, tlpOf, validateStixObject, validTimestamp } from './engine/stix/index.js';
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

/** An object version stored by `add`, with the facts `mayRead` needs (what the bus announces). */
export interface StoredObject extends Marked {
  readonly id: string;
  readonly version: string;
  readonly type: string;
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
/** Every column of an object row, in the order `add` writes them (see `ObjectRowValues`). */
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
/** One row's values in OBJECT_COLUMNS order: built as a list, not an object mapped to one. */
type ObjectRowValues = [
  collection_id: string,
  id: string,
  version: string,
  date_added: number,
  type: string,
  spec_version: string,
  tlp: string | null,
  created_by_ref: string | null,
  added_by: string,
  json: string,
  source_org: string | null,
  recipients: string | null,
  latest: number,
];

export type ObjectStore = ReturnType<typeof createObjectStore>;

export function createObjectStore(deps: { readonly store: Store; readonly now: () => number }) {
  const db = () => deps.store.db<ExchangeTables>();
  const storedVersions = storedVersionsQuery(deps.store.dialect);
  /**
   * Ids per stored-version lookup: SQLite binds each id as a parameter, so slices; PostgreSQL
   * binds them as one array, so a request's ids (at most MAX_OBJECTS_PER_ADD) go in one round trip.
   */
  const lookupSlice = deps.store.dialect === 'postgres' ? MAX_OBJECTS_PER_ADD : LOOKUP_SLICE;

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
       * stored without it. `stored` is what was stored now, in the order of the
       * outcome's successes, each with the sharing facts of its own version.
       */
      record?: (
        trx: Kysely<ExchangeTables>,
        outcome: AddResult,
        stored: readonly StoredObject[],
      ) => Promise<void>,
    ): Promise<AddResult> {
      if (objects.length > MAX_OBJECTS_PER_ADD)
        throw new RangeError(`at most ${MAX_OBJECTS_PER_ADD} objects at once`);
      const successes: { id: string; version: string; message?: string }[] = [];
      const failures: { id: string; version?: string; message: string }[] = [];
      const accepted: { object: StixObject; version: string }[] = [];
      for (const input of objects) {
        const r = validateStixObject(input);
        if (!r.ok) {
          failures.push({ id: idOf(input), message: problemText(r.problems) });
          continue;
        }
        const patternProblem = indicatorPatternProblem(r.object);
        if (patternProblem !== undefined) {
          failures.push({ id: idOf(input), message: `/pattern ${patternProblem}` });
          continue;
        }
        accepted.push({ object: r.object, version: versionOf(r.object, deps.now) });
      }
      if (accepted.length === 0) {
        if (record !== undefined)
          await deps.store.transaction<ExchangeTables, void>((trx) =>
            record(trx, { successes, failures }, []),
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
          const present = new VersionSet();
          /** Each object's latest version: stored, then with this request's. */
          const latestOf = new Map<string, string>();
          const raise = (id: string, version: string) => {
            const had = latestOf.get(id);
            if (had === undefined || version > had) latestOf.set(id, version);
          };
          const ids = [...new Set(accepted.map((x) => x.object.id))];
          for (let i = 0; i < ids.length; i += lookupSlice) {
            const slice = ids.slice(i, i + lookupSlice);
            for (const r of await storedVersions(trx, collectionId, slice)) {
              present.add(r.id, r.version);
              raise(r.id, r.version);
            }
          }
          const storedLatest = new Map(latestOf);
          for (const { object, version } of accepted) raise(object.id, version);
          const rows: ObjectRowValues[] = [];
          const stored: StoredObject[] = [];
          for (const { object, version } of accepted) {
            const id = object.id;
            if (present.has(id, version)) {
              successes.push({ id, version, message: 'already present' });
              continue;
            }
            present.add(id, version); // the same id and version twice in one request is stored once
            const tlp = tlpOf(object as { object_marking_refs?: unknown }) ?? null;
            const recipients = recipientsOf(object);
            rows.push([
              collectionId,
              id,
              version,
              dateAdded++,
              object.type,
              typeof object.spec_version === 'string' ? object.spec_version : '2.1',
              tlp,
              typeof object.created_by_ref === 'string' ? object.created_by_ref : null,
              addedBy,
              JSON.stringify(object),
              sourceOrg,
              recipients.length === 0 ? null : JSON.stringify(recipients),
              latestOf.get(id) === version ? 1 : 0,
            ]);
            stored.push({ id, version, type: object.type, tlp, sourceOrg, recipients });
            successes.push({ id, version });
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
          await deps.store.insertRows(trx, 'exchange_object', OBJECT_COLUMNS, rows);
          if (record !== undefined) await record(trx, { successes, failures }, stored);
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

/** The id a refused object is reported under ('' when it has none). */
function idOf(input: unknown): string {
  const id = (input as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

/** A refused object's first problems, as one message. */
function problemText(problems: readonly { path: string; message: string }[]): string {
  return problems
    .slice(0, 5)
    .map((p) => `${p.path || '(object)'} ${p.message}`)
    .join('; ');
}

/** TAXII 2.1 §3.4: `modified`, else `created`, else the time it is added. */
function versionOf(o: StixObject, now: () => number): string {
  const modified = versionText(o.modified);
  if (modified !== undefined) return modified;
  const created = versionText(o.created);
  if (created !== undefined) return created;
  return normalizeTimestamp(new Date(now()).toISOString()) as string;
}

/**
 * `normalizeTimestamp` of a version property, when it is a timestamp. The usual millisecond form
 * (`2026-12-05T10:00:00.000Z`, a real date, not a leap second) is padded to microseconds as it
 * is; any other form goes through `normalizeTimestamp`.
 */
function versionText(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.length === 24 && v.charCodeAt(17) !== 54 /* 6 */ && validTimestamp(v))
    return `${v.slice(0, 23)}000Z`;
  return normalizeTimestamp(v);
}

/**
 * Versions seen per object id without a key string per object: most ids have one version, kept
 * as it is; an id's further versions go in a set of `id NUL version` keys.
 */
class VersionSet {
  private readonly first = new Map<string, string>();
  private readonly more = new Set<string>();

  has(id: string, version: string): boolean {
    const first = this.first.get(id);
    if (first === undefined) return false;
    return first === version || this.more.has(`${id}\u0000${version}`);
  }

  add(id: string, version: string): void {
    const first = this.first.get(id);
    if (first === undefined) this.first.set(id, version);
    else if (first !== version) this.more.add(`${id}\u0000${version}`);
  }
}

/**
 * The stored versions of some ids in a collection. Through a compiled statement rather than the
 * query builder, which would build and compile one node per id for each request: on SQLite
 * `id in (?, …)` with the list padded to a power of two with nulls (which match nothing), so a
 * few statement texts recur and stay prepared; on PostgreSQL `id = any($2)`, one array parameter.
 */
function storedVersionsQuery(dialect: Store['dialect']) {
  const select = 'select "id", "version" from "exchange_object" where "collection_id" = ';
  const texts = new Map<number, string>();
  const sqliteText = (slots: number) => {
    let text = texts.get(slots);
    if (text === undefined) {
      text = `${select}? and "id" in (${new Array<string>(slots).fill('?').join(', ')})`;
      texts.set(slots, text);
    }
    return text;
  };
  return async (
    trx: Kysely<ExchangeTables>,
    collectionId: string,
    ids: readonly string[],
  ): Promise<readonly { id: string; version: string }[]> => {
    if (ids.length === 0) return [];
    if (dialect === 'postgres') {
      const text = `${select}$1 and "id" = any($2::text[])`;
      const q = CompiledQuery.raw(text, [collectionId, ids]);
      return (await trx.executeQuery<{ id: string; version: string }>(q)).rows;
    }
    let slots = 1;
    while (slots < ids.length) slots *= 2;
    const parameters: (string | null)[] = [collectionId, ...ids];
    while (parameters.length <= slots) parameters.push(null);
    const q = CompiledQuery.raw(sqliteText(slots), parameters);
    return (await trx.executeQuery<{ id: string; version: string }>(q)).rows;
  };
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
