/**
 * Who a subject is, for the operators' console: `org:<id>` becomes the organization's name,
 * `user:<id>` the person's display name, `key:<id>` "key 'Billing' of Riverside Water District",
 * `enduser:<owner>/<id>` "user 'u-481' of Riverside Water District" — the connecting words in the
 * reader's language (the names themselves are as people wrote them). Looked up through the
 * access module's public API, once per distinct subject per response, cached briefly, and never
 * failing the page: a subject that is unknown, deleted, or slow to answer gets no name (the
 * page shows its id). Names are written by people: they are returned as plain text, without
 * control or bidirectional-override characters, and clipped.
 */
import Type from 'typebox';
import { accessServices } from '../access/index.js';
import type { Platform } from '../platform/compose.js';
import {
  DEFAULT_LOCALE,
  defineMessages,
  isLocale,
  type Locale,
  negotiateLocale,
} from '../platform/engine-kit/i18n/messages.js';
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
  resolve(
    subjects: Iterable<string | null | undefined>,
    locale?: Locale,
  ): Promise<ReadonlyMap<string, string>>;
  /** The name known now, without waiting (live streams); starts a look-up when it is not. */
  peek(subject: string, locale?: Locale): string | null;
}

/** The words around names; the names are never translated. */
const words = defineMessages({
  en: {
    key_named: "key '{label}'",
    key_unnamed: 'key {id}…',
    owned: '{what} of {owner}',
    end_user: "user '{id}' of {owner}",
  },
  es: {
    key_named: 'clave «{label}»',
    key_unnamed: 'clave {id}…',
    owned: '{what} de {owner}',
    end_user: 'usuario «{id}» de {owner}',
  },
});

/**
 * The language a console answer's connecting words are in: `?locale=` when given (an
 * EventSource cannot set headers), else the request's Accept-Language (the web app sends the
 * language the person chose).
 */
export function readerLocale(request: {
  readonly headers: { readonly 'accept-language'?: string | undefined };
  readonly query?: unknown;
}): Locale {
  const asked = (request.query as { locale?: unknown } | undefined)?.locale;
  return isLocale(asked) ? asked : negotiateLocale(request.headers['accept-language']);
}

/** What a look-up found, before it is put into words. */
type Found =
  | { readonly kind: 'name'; readonly name: string }
  | {
      readonly kind: 'key';
      readonly label: string | null;
      readonly id: string;
      readonly owner: string | null;
    }
  | { readonly kind: 'enduser'; readonly id: string; readonly owner: string };

function inWords(f: Found, locale: Locale): string {
  if (f.kind === 'name') return f.name;
  if (f.kind === 'enduser') return words.t(locale, 'end_user', { id: f.id, owner: f.owner });
  const what =
    f.label === null
      ? words.t(locale, 'key_unnamed', { id: f.id })
      : words.t(locale, 'key_named', { label: f.label });
  return f.owner === null ? what : words.t(locale, 'owned', { what, owner: f.owner });
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

type Entry = { readonly found: Found | null; readonly until: number };

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
  const inFlight = new Map<string, Promise<Found | null>>();

  const keep = (subject: string, found: Found | null) => {
    cache.delete(subject);
    cache.set(subject, { found, until: now() + TTL_MS });
    if (cache.size > MAX_CACHED) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
  };

  const plain = (name: string | null): Found | null =>
    name === null || name === '' ? null : { kind: 'name', name };
  const orgName = async (id: string) =>
    plain(displayText((await deps.access.directory.getOrg(id)).name));
  const userName = async (id: string) => {
    const facts = await deps.access.authenticator.userFacts(id);
    return facts === undefined ? null : plain(displayText(facts.displayName));
  };
  const nameOf = (f: Found | null) => (f?.kind === 'name' ? f.name : null);
  /**
   * An owner (a key's, or an end user's part before the slash: an organization first, then a
   * person) through the cache, so a platform's thousand end users cost one look-up of it.
   */
  const ownerName = async (type: 'org' | 'user' | 'either', id: string): Promise<string | null> => {
    if (type !== 'user') {
      const org = nameOf(await named(`org:${id}`));
      if (org !== null || type === 'org') return org;
    }
    return nameOf(await named(`user:${id}`));
  };

  /** What names it, or null when the subject does not exist; throws when the directory fails. */
  async function lookUp(subject: string): Promise<Found | null> {
    const t = parseTarget(subject);
    if (t === undefined) return null;
    try {
      if (t.type === 'org') return await orgName(t.id);
      if (t.type === 'user') return await userName(t.id);
      if (t.type === 'key') {
        const key = await deps.access.keys.info(t.id);
        const label = displayText(key.name, 40);
        const owner = await ownerName(key.ownerType, key.ownerId);
        return {
          kind: 'key',
          label: label === '' || label === DEFAULT_KEY_LABEL ? null : label,
          id: t.id.slice(0, 12),
          owner,
        };
      }
      const owner = await ownerName('either', t.org);
      return owner === null ? null : { kind: 'enduser', id: displayText(t.id, 40), owner };
    } catch (err) {
      if (notFound(err)) return null;
      throw err;
    }
  }

  /**
   * One look-up per subject at a time; what it found (a name, or that there is none) is kept,
   * a failure is not (it rejects, and the next page tries again).
   */
  function load(subject: string): Promise<Found | null> {
    const running = inFlight.get(subject);
    if (running !== undefined) return running;
    const p = lookUp(subject).then((found) => {
      keep(subject, found);
      return found;
    });
    inFlight.set(subject, p);
    const done = () => {
      inFlight.delete(subject);
    };
    p.then(done, done);
    return p;
  }

  /** The cached finding, or a look-up. */
  function named(subject: string): Promise<Found | null> {
    const e = fresh(subject);
    return e === undefined ? load(subject) : Promise.resolve(e.found);
  }

  /** For pages: never rejects (a failure is no name). */
  const start = (subject: string) => named(subject).catch(() => null);

  const fresh = (subject: string): Entry | undefined => {
    const e = cache.get(subject);
    return e !== undefined && e.until > now() ? e : undefined;
  };

  return {
    async resolve(subjects, locale = DEFAULT_LOCALE) {
      const out = new Map<string, string>();
      const wanted: string[] = [];
      for (const s of new Set(subjects)) {
        if (typeof s !== 'string' || s === '') continue;
        const e = fresh(s);
        if (e === undefined) wanted.push(s);
        else if (e.found !== null) out.set(s, inWords(e.found, locale));
      }
      if (wanted.length === 0) return out;
      let next = 0;
      const worker = async () => {
        while (next < wanted.length) {
          const s = wanted[next++] as string;
          const found = await start(s);
          if (found !== null) out.set(s, inWords(found, locale));
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

    peek(subject, locale = DEFAULT_LOCALE) {
      const e = fresh(subject);
      if (e !== undefined) return e.found === null ? null : inWords(e.found, locale);
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
