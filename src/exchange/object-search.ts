/**
 * Finding objects for the analysts' console: a substring of an object's JSON
 * (a domain, a hash, a name, an id) among the latest versions in the
 * collections the reader may read, and every sighting of an indicator. Each
 * row then passes the same `mayRead` as every other read path before it is
 * shown. A scan bounded by `limit`, fine for a console; the matcher is the
 * index for lookups at volume.
 */
import { sql } from 'kysely';
import type { Store } from '../platform/ports/store.js';
import type { CollectionPolicy, Viewer } from './engine/sharing/index.js';
import { mayRead } from './engine/sharing/index.js';
import type { CollectionAccess } from './exchange-service.js';
import { markedOf } from './exchange-service.js';
import type { ExchangeObjectRow, ExchangeTables } from './exchange-tables.js';

/** Rows scanned for one search, at most (matches the reader may not see count too). */
const SCAN = 500;

/** The sharing rules of each collection the reader may read, by collection id. */
function readablePolicies(readable: readonly CollectionAccess[]): Map<string, CollectionPolicy> {
  return new Map(readable.filter((a) => a.canRead).map((a) => [a.collection.id, a.policy]));
}

/** A row filter: its collection is readable and `mayRead` lets the reader see it. */
function visibleTo(viewer: Viewer, policies: ReadonlyMap<string, CollectionPolicy>) {
  return (r: ExchangeObjectRow): boolean => {
    const policy = policies.get(r.collection_id);
    return policy !== undefined && mayRead(viewer, policy, markedOf(r));
  };
}

/** `LIKE` pattern for a literal substring: the wildcards and the escape character escaped. */
export function likeLiteral(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function searchObjects(
  store: Store,
  viewer: Viewer,
  readable: readonly CollectionAccess[],
  text: string,
  limit: number,
): Promise<ExchangeObjectRow[]> {
  const policies = readablePolicies(readable);
  if (policies.size === 0) return [];
  const rows = await store
    .db<ExchangeTables>()
    .selectFrom('exchange_object')
    .selectAll()
    .where('latest', '=', 1)
    .where('collection_id', 'in', [...policies.keys()])
    .where((eb) =>
      eb.or([
        eb('id', '=', text),
        // Case-insensitive on both databases; SQLite LIKE has no escape character unless named.
        sql<boolean>`lower(json) like ${likeLiteral(text.toLowerCase())} escape '\\'`,
      ]),
    )
    .orderBy('date_added', 'desc')
    .limit(SCAN)
    .execute();
  return rows.filter(visibleTo(viewer, policies)).slice(0, limit);
}

/** Every version of one object, in each collection the reader may read it in, oldest first. */
export async function objectVersions(
  store: Store,
  viewer: Viewer,
  readable: readonly CollectionAccess[],
  id: string,
): Promise<ExchangeObjectRow[]> {
  const policies = readablePolicies(readable);
  if (policies.size === 0) return [];
  const rows = await store
    .db<ExchangeTables>()
    .selectFrom('exchange_object')
    .selectAll()
    .where('id', '=', id)
    .where('collection_id', 'in', [...policies.keys()])
    .orderBy('date_added')
    .limit(1000)
    .execute();
  return rows.filter(visibleTo(viewer, policies));
}

/** The reader-visible sightings of an indicator (latest version of each), newest first. */
export async function sightingsOf(
  store: Store,
  viewer: Viewer,
  readable: readonly CollectionAccess[],
  indicatorId: string,
  limit = 100,
): Promise<ExchangeObjectRow[]> {
  const policies = readablePolicies(readable);
  if (policies.size === 0) return [];
  const rows = await store
    .db<ExchangeTables>()
    .selectFrom('exchange_object')
    .selectAll()
    .where('latest', '=', 1)
    .where('type', '=', 'sighting')
    .where('collection_id', 'in', [...policies.keys()])
    .where(sql<boolean>`json like ${likeLiteral(`"sighting_of_ref":"${indicatorId}"`)} escape '\\'`)
    .orderBy('date_added', 'desc')
    .limit(SCAN)
    .execute();
  return rows.filter(visibleTo(viewer, policies)).slice(0, limit);
}
