/**
 * Who a subject is, for the operators' console: `org:<id>` becomes the organization's name,
 * `user:<id>` the person's display name, `key:<id>` "key 'Billing' of Riverside Water District",
 * `enduser:<owner>/<id>` "user 'u-481' of Riverside Water District". Looked up through the
 * access module's public API, once per distinct subject per response, cached briefly, and never
 * failing the page: a subject that is unknown, deleted, or slow to answer gets no name (the
 * page shows its id). Names are written by people: they are returned as plain text, without
 * control or bidirectional-override characters, and clipped.
 */
import Type from 'typebox';
import { accessServices } from '../access/index.js';
import type { Platform } from '../platform/compose.js';
import { parseTarget } from './engine/lever-rules.js';

/** What of the access module the names come from (`Access` has it). */
export interface SubjectDirectory {
  readonly directory: {
    getOrg(nameOrId: string): Promise<{ readonly id: string; readonly name: string }>;
  };
  readonly keys: {
    info(keyId: string): Promise<{
      readonly name: string;
      readonly ownerType: 'org' | 'user';
      readonly ownerId: string;
    }>;
  };
  readonly authenticator: {
    userFacts(userId: string): Promise<{ readonly displayName: string } | undefined>;
  };
}

export interface SubjectNames {
  /**
   * The names of these subjects, looked up together (each distinct subject once). A subject
   * without a name (unknown, deleted, not a subject, or not answered in time) is left out.
   */
  resolve(subjects: Iterable<string | null | undefined>): Promise<ReadonlyMap<string, string>>;
  /** The name known now, without waiting (live streams); starts a look-up when it is not. */
  peek(subject: string): string | null;
}

/** A subject's name in the console APIs' answers; null when it has none: show the id. */
export const SubjectName = Type.Union([Type.String(), Type.Null()], {
  description:
    'Who it is in words (names as people wrote them: plain text, never HTML); null when unknown or deleted: show the id',
});

/** How long a name (or its absence) is kept. */
const TTL_MS = 60_000;
/** Names kept at most; the oldest go first. */
const MAX_CACHED = 5000;
/** How long one response waits for names before it goes out with the ids alone. */
const WAIT_MS = 1500;
/** Look-ups one response makes at a time. */
const PARALLEL = 8;
/**
 * Look-ups running at most when a live stream peeks: a stream of decisions for thousands of
 * distinct end users (or a directory that has stopped answering) starts no more than this;
 * the others show their ids until a later event finds room.
 */
const MAX_PEEKS_IN_FLIGHT = 16;
/** Characters of a name shown at most (a name is clipped with "…"). */
export const MAX_NAME_CHARS = 80;
/** What the access module calls a key nobody named. */
const DEFAULT_KEY_LABEL = 'API key';

type Entry = { readonly name: string | null; readonly until: number };

/**
 * A name as text fit for the console: no control, zero-width-joiner or bidirectional-override
 * characters (they could make one name look like another), spaces collapsed, clipped.
 */
export function displayText(raw: string, max = MAX_NAME_CHARS): string {
  const clean = raw
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...clean];
  return chars.length <= max ? clean : `${chars.slice(0, max - 1).join('')}…`;
}

const notFound = (err: unknown) => (err as { code?: unknown } | null)?.code === 'not_found';

export function createSubjectNames(deps: {
  readonly access: SubjectDirectory;
  readonly now?: () => number;
  readonly waitMs?: number;
}): SubjectNames {
  const now = deps.now ?? Date.now;
  const waitMs = deps.waitMs ?? WAIT_MS;
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<string | null>>();

  const keep = (subject: string, name: string | null) => {
    cache.delete(subject);
    cache.set(subject, { name, until: now() + TTL_MS });
    if (cache.size > MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  const orgName = async (id: string) => displayText((await deps.access.directory.getOrg(id)).name);
  const userName = async (id: string) => {
    const facts = await deps.access.authenticator.userFacts(id);
    return facts === undefined ? null : displayText(facts.displayName) || null;
  };
  /**
   * An owner (a key's, or an end user's part before the slash: an organization first, then a
   * person) through the cache, so a platform's thousand end users cost one look-up of it.
   */
  const ownerName = async (type: 'org' | 'user' | 'either', id: string): Promise<string | null> => {
    if (type !== 'user') {
      const org = await named(`org:${id}`);
      if (org !== null || type === 'org') return org;
    }
    return named(`user:${id}`);
  };

  /** The name, or null when the subject does not exist; throws when the directory fails. */
  async function lookUp(subject: string): Promise<string | null> {
    const t = parseTarget(subject);
    if (t === undefined) return null;
    try {
      if (t.type === 'org') return await orgName(t.id);
      if (t.type === 'user') return await userName(t.id);
      if (t.type === 'key') {
        const key = await deps.access.keys.info(t.id);
        const label = displayText(key.name, 40);
        const what =
          label === '' || label === DEFAULT_KEY_LABEL
            ? `key ${t.id.slice(0, 12)}…`
            : `key '${label}'`;
        const owner = await ownerName(key.ownerType, key.ownerId);
        return owner === null ? what : `${what} of ${owner}`;
      }
      const owner = await ownerName('either', t.org);
      return owner === null ? null : `user '${displayText(t.id, 40)}' of ${owner}`;
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  /**
   * One look-up per subject at a time; what it found (a name, or that there is none) is kept,
   * a failure is not (it rejects, and the next page tries again).
   */
  function load(subject: string): Promise<string | null> {
    const running = inFlight.get(subject);
    if (running !== undefined) return running;
    const p = lookUp(subject).then((name) => {
      keep(subject, name);
      return name;
    });
    inFlight.set(subject, p);
    const done = () => {
      inFlight.delete(subject);
    };
    p.then(done, done);
    return p;
  }

  /** The cached name, or a look-up. */
  function named(subject: string): Promise<string | null> {
    const e = fresh(subject);
    return e === undefined ? load(subject) : Promise.resolve(e.name);
  }

  /** For pages: never rejects (a failure is no name). */
  const start = (subject: string) => named(subject).catch(() => null);

  const fresh = (subject: string): Entry | undefined => {
    const e = cache.get(subject);
    return e !== undefined && e.until > now() ? e : undefined;
  };

  return {
    async resolve(subjects) {
      const out = new Map<string, string>();
      const wanted: string[] = [];
      for (const s of new Set(subjects)) {
        if (typeof s !== 'string' || s === '') continue;
        const e = fresh(s);
        if (e === undefined) wanted.push(s);
        else if (e.name !== null) out.set(s, e.name);
      }
      if (wanted.length === 0) return out;
      let next = 0;
      const worker = async () => {
        while (next < wanted.length) {
          const s = wanted[next++] as string;
          const name = await start(s);
          if (name !== null) out.set(s, name);
        }
      };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, waitMs);
        timer.unref?.();
      });
      const workers = Array.from({ length: Math.min(PARALLEL, wanted.length) }, worker);
      await Promise.race([Promise.all(workers), late]);
      clearTimeout(timer);
      // What came in after the wait is cached for the next page; this one goes out as it is.
      return new Map(out);
    },

    peek(subject) {
      const e = fresh(subject);
      if (e !== undefined) return e.name;
      if (inFlight.size < MAX_PEEKS_IN_FLIGHT || inFlight.has(subject)) void start(subject);
      return null;
    },
  };
}

/** No names: every subject shows its id (servers that did not wire the access module in). */
export const NO_SUBJECT_NAMES: SubjectNames = {
  resolve: async () => new Map(),
  peek: () => null,
};

/**
 * Names from the access services over a composed platform (their caches are short-lived, so
 * they are not followed; `close` releases them).
 *
 * @example
 * const names = await subjectNamesFor(platform);
 * registerConsoleRoutes(app, { store: platform.store, eventStream: http.eventStream, names });
 */
export async function subjectNamesFor(
  platform: Platform,
): Promise<SubjectNames & { close(): Promise<void> }> {
  const access = await accessServices(platform);
  return { ...createSubjectNames({ access }), close: () => access.close() };
}
