/**
 * Known AI-abuse patterns for the safeguards: the `attack-pattern` objects that carry Shieldwall's
 * AI-abuse extension (docs/stix-ai-abuse-extension.md), compiled once into one matcher. Like the
 * indicator index it reads as the public does (TLP:CLEAR and unmarked, each collection's owner and
 * sharing groups applied), latest versions only, revoked ones left out; it reloads, debounced,
 * when the bus announces added attack-patterns or a change of sharing.
 *
 * Nothing here runs a JavaScript RegExp on shared or user text: phrases go into one Aho–Corasick
 * automaton, regular expressions through the linear-time engine, digests into a map. Every cost
 * is bounded (`ABUSE_LIMITS`): a hostile sharer can make the matcher skip its own signatures, not
 * stall the gateway.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../platform/logger.js';
import type { Bus, BusEvent, Subscription } from '../platform/ports/bus.js';
import { head, normalizeAbuseText, PhraseAutomaton } from './engine/matcher/phrase-automaton.js';
import { compileLinearRegex, type LinearRegex } from './engine/pattern/index.js';
import {
  type AI_ABUSE_ACTIONS,
  AI_ABUSE_EXTENSION_ID,
  checkAiAbuseExtension,
} from './engine/stix/ai-abuse-extension.js';
import { OBJECTS_ADDED } from './exchange-service.js';
import type { ExchangeObjectRow } from './exchange-tables.js';
import type { Page, Query } from './object-store.js';
import { SHARING_CHANGED } from './sharing-groups.js';

export const ABUSE_LIMITS = {
  /** Signatures loaded at most (the rest are skipped, with a warning). */
  signatures: 10_000,
  /** Total characters of phrases and regular expressions loaded at most. */
  signatureChars: 512 * 1024,
  /** Characters of a text scanned for phrases (UTF-16 code units); longer texts are never hashed. */
  scan: 64 * 1024,
  /** Characters of a text the regular expressions see. */
  regexWindow: 8 * 1024,
  /** Milliseconds of regular-expression work per text; the rest are skipped for that text. */
  regexBudgetMs: 25,
  /** A regular expression that takes longer than this on one text is set aside until the next reload. */
  slowRegexMs: 50,
  /** Hits reported per text, strongest action first. */
  hits: 3,
  /** Announcements that arrive within this many milliseconds cause one reload. */
  reloadDebounceMs: 200,
} as const;

export type AbuseAction = (typeof AI_ABUSE_ACTIONS)[number];

export interface AbuseSignatureHit {
  /** The attack-pattern's STIX id. */
  readonly id: string;
  readonly name: string;
  /** What the sharer recommends (`flag` when the signature says nothing). */
  readonly action: AbuseAction;
  /** MITRE ATLAS technique ids. */
  readonly atlas: readonly string[];
  /** In plain words: where it was shared. */
  readonly source: string;
  /** 0..1 (the object's STIX confidence, 0.6 when it states none). */
  readonly confidence: number;
}

export interface AbuseSignatureMatcher {
  /** The signatures `text` matches, at most `ABUSE_LIMITS.hits`, strongest action first. */
  match(text: string): readonly AbuseSignatureHit[];
}

/** One shared signature as read from the store. */
export interface SharedAbuseSignature {
  readonly hit: AbuseSignatureHit;
  readonly type: 'phrase' | 'regex' | 'sha256';
  readonly signature: string;
}

const RANK: Readonly<Record<AbuseAction, number>> = { flag: 0, friction: 1, block: 2 };
const PUBLIC_TLP: readonly string[] = ['clear'];
const DEFAULT_CONFIDENCE = 60;

/** The `sha256` signature of a prompt: the hex SHA-256 of the UTF-8 of its normalised text. */
export function abuseDigest(text: string): string {
  return createHash('sha256').update(normalizeAbuseText(text), 'utf8').digest('hex');
}

/** Compiles `signatures` (within `ABUSE_LIMITS`) into one matcher; `skipped` says how many did not fit. */
export function compileAbuseSignatures(
  signatures: readonly SharedAbuseSignature[],
  logger?: Pick<Logger, 'warn'>,
): AbuseSignatureMatcher & { readonly size: number; readonly skipped: number } {
  const kept: SharedAbuseSignature[] = [];
  const phrases: { text: string; id: number }[] = [];
  const regexes: { re: LinearRegex; id: number }[] = [];
  const digests = new Map<string, number[]>();
  let chars = 0;
  let skipped = 0;
  for (const s of signatures) {
    const cost = s.type === 'sha256' ? 0 : s.signature.length;
    if (kept.length >= ABUSE_LIMITS.signatures || chars + cost > ABUSE_LIMITS.signatureChars) {
      skipped++;
      continue;
    }
    const id = kept.length;
    if (s.type === 'phrase') {
      const text = normalizeAbuseText(s.signature);
      if (text.length === 0) continue;
      phrases.push({ text, id });
    } else if (s.type === 'regex') {
      try {
        regexes.push({ re: compileLinearRegex(s.signature), id });
      } catch {
        continue;
      }
    } else {
      const list = digests.get(s.signature);
      if (list === undefined) digests.set(s.signature, [id]);
      else list.push(id);
    }
    kept.push(s);
    chars += cost;
  }
  if (skipped > 0)
    logger?.warn({ skipped, limits: ABUSE_LIMITS }, 'AI-abuse signatures past the limits skipped');
  const automaton = new PhraseAutomaton(phrases);
  const slow = new Set<number>();

  return {
    size: kept.length,
    skipped,
    match(text) {
      // Nothing shared (the usual case): no normalising of every prompt for nothing.
      if (kept.length === 0) return [];
      const found = new Set<number>();
      automaton.scan(normalizeAbuseText(head(text, ABUSE_LIMITS.scan)), (id) => found.add(id));
      if (digests.size > 0 && text.length <= ABUSE_LIMITS.scan)
        for (const id of digests.get(abuseDigest(text)) ?? []) found.add(id);
      const window = head(text, ABUSE_LIMITS.regexWindow);
      let lower: string | undefined;
      const started = performance.now();
      for (const { re, id } of regexes) {
        if (found.has(id) || slow.has(id)) continue;
        const t0 = performance.now();
        if (t0 - started > ABUSE_LIMITS.regexBudgetMs) break;
        lower ??= window.toLowerCase();
        if (re.test(window, lower)) found.add(id);
        if (performance.now() - t0 > ABUSE_LIMITS.slowRegexMs) {
          slow.add(id);
          logger?.warn(
            { id: kept[id]?.hit.id },
            'an AI-abuse regular expression is too slow; set aside until the next reload',
          );
        }
      }
      return [...found]
        .map((id) => (kept[id] as SharedAbuseSignature).hit)
        .sort(
          (a, b) =>
            RANK[b.action] - RANK[a.action] ||
            b.confidence - a.confidence ||
            (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        )
        .slice(0, ABUSE_LIMITS.hits);
    },
  };
}

/** The signature an attack-pattern row carries, or undefined (no extension, revoked, invalid). */
export function sharedSignatureOf(
  row: Pick<ExchangeObjectRow, 'json'>,
  source: string,
): SharedAbuseSignature | undefined {
  const o = JSON.parse(row.json) as {
    type?: unknown;
    id?: unknown;
    name?: unknown;
    revoked?: unknown;
    confidence?: unknown;
    extensions?: Record<string, unknown>;
  };
  const ext = o.extensions?.[AI_ABUSE_EXTENSION_ID];
  if (o.type !== 'attack-pattern' || o.revoked === true || typeof o.id !== 'string') return;
  if (typeof ext !== 'object' || ext === null || Array.isArray(ext)) return;
  const e = ext as Record<string, unknown>;
  if (checkAiAbuseExtension(e, o.type).length > 0) return;
  return {
    type: e.signature_type as SharedAbuseSignature['type'],
    signature: e.signature as string,
    hit: {
      id: o.id,
      name: typeof o.name === 'string' ? o.name.slice(0, 200) : o.id,
      action: (e.action as AbuseAction | undefined) ?? 'flag',
      atlas: (e.atlas_techniques as string[] | undefined) ?? [],
      source,
      confidence:
        (typeof o.confidence === 'number' && o.confidence >= 0 && o.confidence <= 100
          ? o.confidence
          : DEFAULT_CONFIDENCE) / 100,
    },
  };
}

export interface AbuseSignaturesDeps {
  readonly collections: () => Promise<readonly { readonly id: string; readonly title: string }[]>;
  /** Reads a collection as anyone may (the exchange's `readAs` with the public viewer). */
  readonly readPublic: (collectionId: string, q: Query) => Promise<Page>;
  readonly bus: Bus;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** False once the platform is closing: no more reloads. */
  readonly active?: () => boolean;
}

/**
 * Loads the signatures the public may see, and reloads them all (debounced) when the bus says so:
 * one path for the first load, its retries and every change, swapping in a new set when it is built.
 */
export function createAbuseSignatures(deps: AbuseSignaturesDeps) {
  let current = compileAbuseSignatures([]);
  let subscription: Promise<Subscription | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  let closed = false;
  let ready: () => boolean = () => true;
  let retryMs = 1_000;
  const active = () => !closed && (deps.active?.() ?? true);

  const loadAll = async () => {
    const found: SharedAbuseSignature[] = [];
    const seen = new Set<string>();
    for (const c of await deps.collections()) {
      const source =
        c.title.trim().toLowerCase() === 'shared threat intelligence'
          ? 'shared threat intelligence'
          : `shared threat intelligence: ${c.title}`;
      let next: string | undefined;
      for (let pages = 0; pages < 1_000; pages++) {
        const page = await deps.readPublic(c.id, {
          match: { type: ['attack-pattern'] },
          visibleTlp: PUBLIC_TLP,
          limit: 1000,
          ...(next === undefined ? {} : { next }),
        });
        for (const row of page.rows) {
          const s = seen.has(row.id) ? undefined : sharedSignatureOf(row, source);
          if (s !== undefined) {
            seen.add(row.id);
            found.push(s);
          }
        }
        if (!page.more || found.length > ABUSE_LIMITS.signatures) break;
        next = page.next;
      }
    }
    current = compileAbuseSignatures(found, deps.logger);
    deps.logger.info({ signatures: current.size }, 'AI-abuse signatures loaded');
  };

  /** Load after `delay` ms; asks made while a load waits or runs make one more load after it. */
  const schedule = (delay: number): void => {
    if (!active()) return;
    if (timer !== undefined) {
      again = true;
      return;
    }
    timer = setTimeout(() => {
      again = false;
      const run = ready()
        ? loadAll().then(
            () => true,
            (err: unknown) => {
              deps.logger.warn({ err }, 'could not load AI-abuse signatures; will try again');
              return false;
            },
          )
        : Promise.resolve(false);
      void run.then((loaded) => {
        timer = undefined;
        if (!loaded) schedule(retryMs);
        else if (again) schedule(ABUSE_LIMITS.reloadDebounceMs);
      });
    }, delay);
    timer.unref?.();
  };

  const heard = (event: BusEvent): void => {
    if (event.subject === SHARING_CHANGED) schedule(ABUSE_LIMITS.reloadDebounceMs);
    if (event.subject !== OBJECTS_ADDED) return;
    const e = event.data as { objects?: readonly { readonly type?: string }[] };
    if (e.objects?.some((o) => o.type === 'attack-pattern'))
      schedule(ABUSE_LIMITS.reloadDebounceMs);
  };

  return {
    /**
     * Follow the bus and load at once (once `whenReady()` says the store is migrated), retrying
     * every `retryEveryMs` until a load succeeds. Calling it again changes nothing.
     */
    start(whenReady: () => boolean = () => true, retryEveryMs = 1_000): void {
      if (subscription !== undefined) return;
      ready = whenReady;
      retryMs = retryEveryMs;
      subscription = deps.bus
        .subscribe('exchange.>', heard, { from: 'new' })
        .catch((err: unknown) => {
          deps.logger.warn({ err }, 'could not follow new AI-abuse signatures');
          return undefined;
        });
      // Loaded once the bus is followed, so nothing added in between is missed.
      void subscription.then(() => schedule(0));
    },

    matcher(): AbuseSignatureMatcher {
      return { match: (text) => current.match(text) };
    },

    get size(): number {
      return current.size;
    },

    async close(): Promise<void> {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      await (await subscription)?.unsubscribe();
    },
  };
}
