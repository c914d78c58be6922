/**
 * What the threat-intelligence pages read from the server (`/api/intel/*`),
 * each answer checked for shape before a page uses it. The server decides
 * what the signed-in person (or anyone, signed out) may read; these calls only
 * show it.
 */
import { type GetOptions, getJson, isRecord } from '../api.js';

/** One stored version of a STIX object, as the console routes list it. */
export interface IntelRow {
  readonly id: string;
  readonly type: string;
  readonly version: string;
  readonly collection: string;
  /** `clear`, `green`, `amber`, `amber+strict`, `red`, or null when unmarked. */
  readonly tlp: string | null;
  /** The organization that shared it, when known. */
  readonly sourceOrg: string | null;
  readonly addedBy: string;
  readonly dateAdded: string;
  readonly object: Readonly<Record<string, unknown>>;
}

export interface Collection {
  readonly id: string;
  readonly title: string;
  readonly description: string | null;
  readonly ownerOrg: string | null;
  readonly canRead: boolean;
  readonly canWrite: boolean;
}

export interface Score {
  readonly sightings: number;
  readonly sources: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly base: number;
  readonly score: number;
  readonly expiresAt: string;
  readonly expired: boolean;
  readonly publishedAt: string | null;
}

export interface ObjectDetail {
  /** Oldest first. */
  readonly versions: readonly IntelRow[];
  readonly sightings: readonly IntelRow[];
  readonly score: Score | null;
}

export interface Subscription {
  readonly id: string;
  readonly url: string;
  readonly localCollection: string;
  readonly intervalSeconds: number;
  readonly objectsSynced: number;
  readonly lastSuccess: string | null;
  readonly lastError: string | null;
  readonly failures: number;
}

/** One announcement of the live stream (event `objects`). */
export interface Announced {
  readonly collection: string;
  readonly objects: readonly {
    readonly id: string;
    readonly type: string;
    readonly version: string;
    readonly tlp: string | null;
  }[];
}

/** The same shape the server accepts for an object id (`type--uuid`). */
export const STIX_ID =
  /^[a-z][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Search words the server accepts: 3 to 200 characters. */
export const QUERY_MIN = 3;
export const QUERY_MAX = 200;
/** At most this many results per search (the server allows up to 100). */
export const SEARCH_LIMIT = 50;

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function parseRow(v: unknown): IntelRow | null {
  if (!isRecord(v)) return null;
  const { id, type, version, collection, tlp, source_org, added_by, date_added, object } = v;
  if (!str(id) || !str(type) || !str(version) || !str(collection) || !str(added_by)) return null;
  if (!strOrNull(tlp) || !strOrNull(source_org) || !str(date_added) || !isRecord(object))
    return null;
  return {
    id,
    type,
    version,
    collection,
    tlp,
    sourceOrg: source_org,
    addedBy: added_by,
    dateAdded: date_added,
    object,
  };
}

/** Every item parsed, or null when any is not the expected shape. */
function parseAll<T>(v: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const item of v) {
    const parsed = parse(item);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}

function parseCollection(v: unknown): Collection | null {
  if (!isRecord(v)) return null;
  const { id, title, description, owner_org, can_read, can_write } = v;
  if (!str(id) || !str(title) || !strOrNull(description) || !strOrNull(owner_org)) return null;
  if (typeof can_read !== 'boolean' || typeof can_write !== 'boolean') return null;
  return { id, title, description, ownerOrg: owner_org, canRead: can_read, canWrite: can_write };
}

function parseScore(v: unknown): Score | null {
  if (!isRecord(v)) return null;
  const { sightings, sources, first_seen, last_seen, base, score, expires_at, expired } = v;
  const published = v.published_at;
  if (!num(sightings) || !num(sources) || !num(base) || !num(score)) return null;
  if (!str(first_seen) || !str(last_seen) || !str(expires_at) || !strOrNull(published)) return null;
  if (typeof expired !== 'boolean') return null;
  return {
    sightings,
    sources,
    firstSeen: first_seen,
    lastSeen: last_seen,
    base,
    score,
    expiresAt: expires_at,
    expired,
    publishedAt: published,
  };
}

function parseSubscription(v: unknown): Subscription | null {
  if (!isRecord(v)) return null;
  const { id, url, local_collection, interval_seconds, objects_synced } = v;
  const { last_success, last_error, failures } = v;
  if (!str(id) || !str(url) || !str(local_collection)) return null;
  if (!num(interval_seconds) || !num(objects_synced) || !num(failures)) return null;
  if (!strOrNull(last_success) || !strOrNull(last_error)) return null;
  return {
    id,
    url,
    localCollection: local_collection,
    intervalSeconds: interval_seconds,
    objectsSynced: objects_synced,
    lastSuccess: last_success,
    lastError: last_error,
    failures,
  };
}

export function fetchCollections(options?: GetOptions): Promise<Collection[]> {
  return getJson(
    '/api/intel/collections',
    (v) => (isRecord(v) ? parseAll(v.collections, parseCollection) : null),
    options,
  );
}

export function searchIntel(q: string, options?: GetOptions): Promise<IntelRow[]> {
  return getJson(
    `/api/intel/search?q=${encodeURIComponent(q)}&limit=${SEARCH_LIMIT}`,
    (v) => (isRecord(v) ? parseAll(v.results, parseRow) : null),
    options,
  );
}

export function fetchObject(id: string, options?: GetOptions): Promise<ObjectDetail> {
  return getJson(
    `/api/intel/objects/${encodeURIComponent(id)}`,
    (v) => {
      if (!isRecord(v)) return null;
      const versions = parseAll(v.versions, parseRow);
      const sightings = parseAll(v.sightings, parseRow);
      const score = v.score === null ? null : parseScore(v.score);
      if (versions === null || sightings === null || (v.score !== null && score === null))
        return null;
      return { versions, sightings, score };
    },
    options,
  );
}

export function fetchSubscriptions(options?: GetOptions): Promise<Subscription[]> {
  return getJson(
    '/api/intel/sync',
    (v) => (isRecord(v) ? parseAll(v.subscriptions, parseSubscription) : null),
    options,
  );
}

/** One live-stream event's data, or null when it is not the expected shape. */
export function parseAnnounced(text: string): Announced | null {
  let v: unknown;
  try {
    v = JSON.parse(text) as unknown;
  } catch {
    return null;
  }
  if (!isRecord(v) || !str(v.collection)) return null;
  const objects = parseAll(v.objects, (o) => {
    if (!isRecord(o) || !str(o.id) || !str(o.type) || !str(o.version)) return null;
    const tlp = o.tlp ?? null;
    return strOrNull(tlp) ? { id: o.id, type: o.type, version: o.version, tlp } : null;
  });
  return objects === null ? null : { collection: v.collection, objects };
}

/** The in-app address of an object's page. */
export const objectPath = (id: string) => `/exchange/objects/${id}`;
export const EXCHANGE = '/exchange';
