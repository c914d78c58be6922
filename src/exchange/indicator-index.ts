/**
 * Known-bad indicators for every other module: the engine's matcher index
 * (engine/matcher/) filled with the values named by shared STIX indicators
 * whose pattern is a plain lookup (`[url:value = '…'] OR …`): domains (and the
 * names below them), URLs, IPv4/IPv6 addresses and CIDR ranges, file hashes,
 * e-mail addresses, phone numbers and wallet addresses — and the CVE identifiers
 * named by shared `vulnerability` objects (a CVE is cited, not "known bad": what
 * a hit means is the caller's to weigh). It loads what is stored
 * and follows `exchange.objects.added` on the bus, so an indicator added on any
 * instance warns the next person within a second.
 *
 * Only TLP:CLEAR (and unmarked) indicators go in: a match is shown to anyone who
 * checks a message, so nothing more restricted may be revealed through it.
 * Values on a warninglist (top sites, cloud ranges, public resolvers …) are held
 * but never matched; `explain` says which list keeps them out.
 */
import { randomInt } from 'node:crypto';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import { CveTable, cvesOf, normalizeCve } from './engine/matcher/cve-table.js';
import {
  createMatcherIndex,
  type MatchHit,
  type MatchVia,
} from './engine/matcher/matcher-index.js';
import type { ValueKind } from './engine/matcher/value-normalizer.js';
import type { WarninglistHit } from './engine/matcher/warninglist-index.js';
import { parsePattern, simpleIndicators } from './engine/pattern/index.js';
import { OBJECTS_ADDED } from './exchange-service.js';
import type { ExchangeObjectRow } from './exchange-tables.js';
import type { ObjectStore, Page, Query } from './object-store.js';
import { loadWarninglists, type Warninglists } from './warninglists.js';

/** The STIX object paths whose values the matcher indexes, and the kind of each. */
const PATHS: Readonly<Record<string, ValueKind>> = {
  'url:value': 'url',
  'domain-name:value': 'domain',
  'email-addr:value': 'email',
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'file:hashes.MD5': 'hash',
  "file:hashes.'SHA-1'": 'hash',
  "file:hashes.'SHA-256'": 'hash',
  // Custom SCOs (STIX 2.1 has none for these): what MISP exports and our importers write.
  'x-phone-number:value': 'phone',
  'phone-number:value': 'phone',
  'cryptocurrency-wallet:value': 'wallet',
  'x-cryptocurrency-wallet:value': 'wallet',
};
const PUBLIC_TLP: readonly string[] = ['clear'];
/** Confidence when the indicator states none (STIX confidence is 0–100). */
const DEFAULT_CONFIDENCE = 60;
/** The scam checker's indicator types, as matcher kinds. */
const TYPE_KIND: Readonly<Record<string, ValueKind>> = {
  url: 'url',
  domain: 'domain',
  email: 'email',
  ip: 'ip',
  ipv4: 'ip',
  ipv6: 'ip',
  hash: 'hash',
  phone: 'phone',
  wallet: 'wallet',
};
/** The objects this index reads: indicators, and vulnerabilities for their CVE identifiers. */
const INDEXED_TYPES = ['indicator', 'vulnerability'];
const indexed = (id: string) => id.startsWith('indicator--') || id.startsWith('vulnerability--');

/** The default collection is itself called "Shared threat intelligence": say it once. */
function sourceOf(title: string): string {
  return title.trim().toLowerCase() === 'shared threat intelligence'
    ? 'shared threat intelligence'
    : `shared threat intelligence: ${title}`;
}

export interface KnownIndicator {
  /** A matcher kind (url, domain, ip, email, hash, phone, wallet), or `cve` for a shared vulnerability. */
  readonly type: string;
  /** The indicator's value that matched, in canonical form. */
  readonly value: string;
  /** 0..1 */
  readonly confidence: number;
  /** In plain words, for the person who sees the warning. */
  readonly source: string;
  readonly stixId: string;
  /** How the looked-up value met it: the same value, a name below a domain, an address in a range … */
  readonly via: MatchVia;
}

/** A hit the matcher holds back, and the warninglist that holds it back. */
export interface SuppressedIndicator extends KnownIndicator {
  readonly warninglist: WarninglistHit;
}

export interface IndicatorLookup {
  /** The known-bad entries among `indicators` (typed like the scam checker's: url, domain, email, phone, ip …). */
  match<T extends { readonly type: string; readonly value: string }>(
    indicators: readonly T[],
  ): { readonly indicator: T; readonly source: string; readonly confidence: number }[];
}

export type IndicatorIndex = ReturnType<typeof createIndicatorIndex>;

export function createIndicatorIndex(deps: {
  readonly objects: ObjectStore;
  /**
   * Reads a collection as anyone may (the exchange's `readAs` with an anonymous
   * viewer): TLP, the collection's owner and sharing groups all apply, so a
   * TLP:CLEAR indicator in an organization's or a group's collection never
   * warns the public — the warning would reveal it.
   */
  readonly readPublic: (collectionId: string, q: Query) => Promise<Page>;
  readonly bus: Bus;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  readonly now: () => number;
  /** Default: the lists shipped in models/. */
  readonly warninglists?: Warninglists;
}) {
  const lists = deps.warninglists ?? loadWarninglists();
  const index = createMatcherIndex({
    isPublicSuffix: lists.isPublicSuffix,
    warninglists: lists.index,
    seed: randomInt(0, 2 ** 32),
  });
  const cves = new CveTable();
  let subscription: Subscription | undefined;
  let loaded: Promise<void> | undefined;
  let closed = false;

  const put = (row: ExchangeObjectRow, title: string) => {
    index.remove(row.id);
    cves.remove(row.id);
    const o = JSON.parse(row.json) as {
      type?: string;
      pattern?: string;
      pattern_type?: string;
      revoked?: boolean;
      valid_until?: string;
      confidence?: number;
      name?: unknown;
      external_references?: unknown;
    };
    const confidence = typeof o.confidence === 'number' ? o.confidence : DEFAULT_CONFIDENCE;
    if (o.type === 'vulnerability') {
      if (o.revoked !== true)
        cves.put({ stixId: row.id, source: sourceOf(title), confidence }, cvesOf(o));
      return;
    }
    if (
      o.type !== 'indicator' ||
      o.pattern_type !== 'stix' ||
      typeof o.pattern !== 'string' ||
      o.revoked === true
    )
      return;
    if (typeof o.valid_until === 'string' && Date.parse(o.valid_until) <= deps.now()) return;
    let simple: ReturnType<typeof simpleIndicators>;
    try {
      simple = simpleIndicators(parsePattern(o.pattern));
    } catch {
      return;
    }
    if (simple === null) return;
    const values: { kind: ValueKind; value: string }[] = [];
    for (const s of simple) {
      const kind = PATHS[`${s.type}:${s.property}`];
      if (kind !== undefined) values.push({ kind, value: s.value });
    }
    if (values.length === 0) return;
    index.add({ stixId: row.id, confidence, source: sourceOf(title), values });
  };

  const loadAll = async () => {
    for (const c of await deps.objects.collections()) {
      let next: string | undefined;
      for (let pages = 0; pages < 10_000; pages++) {
        const page = await deps.readPublic(c.id, {
          match: { type: INDEXED_TYPES },
          visibleTlp: PUBLIC_TLP,
          limit: 1000,
          ...(next === undefined ? {} : { next }),
        });
        for (const row of page.rows) put(row, c.title);
        if (!page.more) break;
        next = page.next;
      }
    }
    index.trim();
    deps.logger.info(
      { indicators: index.size, vulnerabilities: cves.size },
      'threat-intel indicators loaded',
    );
  };

  const sharedVulnerabilities = (raw: string): KnownIndicator[] => {
    const id = normalizeCve(raw);
    if (id === null) return [];
    return cves.lookup(id).map((v) => ({
      type: 'cve',
      value: id,
      confidence: v.confidence / 100,
      source: v.source,
      stixId: v.stixId,
      via: 'exact',
    }));
  };

  const known = (hit: MatchHit): KnownIndicator => {
    const ind = index.indicator(hit.slot);
    return {
      type: hit.kind,
      value: index.valueOf(hit),
      confidence: ind.confidence / 100,
      source: ind.source,
      stixId: ind.stixId,
      via: hit.via,
    };
  };

  return {
    /** Follow new objects, and load what is stored (retried on the next call if the store is not ready). */
    async start(): Promise<void> {
      subscription ??= await deps.bus.subscribe(
        OBJECTS_ADDED,
        async (event) => {
          const e = event.data as {
            collection: string;
            objects: { id: string; tlp: string | null }[];
          };
          const indicators = e.objects.filter((o) => indexed(o.id));
          // A new version under a more restricted marking takes the indicator out.
          for (const o of indicators)
            if (o.tlp !== null && !PUBLIC_TLP.includes(o.tlp)) {
              index.remove(o.id);
              cves.remove(o.id);
            }
          const wanted = indicators.filter((o) => o.tlp === null || PUBLIC_TLP.includes(o.tlp));
          if (wanted.length === 0) return;
          const c = await deps.objects.collection(e.collection);
          const page = await deps.readPublic(e.collection, {
            match: { id: wanted.map((o) => o.id) },
            visibleTlp: PUBLIC_TLP,
            limit: 1000,
          });
          for (const row of page.rows) put(row, c?.title ?? 'shared collection');
        },
        { from: 'new' },
      );
      loaded ??= loadAll().catch((err: unknown) => {
        loaded = undefined;
        deps.logger.warn({ err }, 'could not load threat-intel indicators yet; will try again');
      });
      await loaded;
    },

    /**
     * Start without waiting: once `ready()` says the store is migrated, load; retry
     * every few seconds after a failure. The bus is followed from the first call.
     */
    startInBackground(ready: () => boolean = () => true, retryMs = 1_000): void {
      const attempt = () => {
        if (closed) return;
        const go = ready() ? this.start() : Promise.resolve();
        void go.then(() => {
          if (loaded === undefined && !closed) setTimeout(attempt, retryMs).unref();
        });
      };
      attempt();
    },

    /** The first indicator that matches `value` read as `type` (url, domain, email, ip, hash, phone, wallet, cve). */
    lookup(type: string, value: string): KnownIndicator | undefined {
      if (type === 'cve') return sharedVulnerabilities(value)[0];
      const kind = TYPE_KIND[type];
      if (kind === undefined) return undefined;
      const hit = index.lookup(kind, value)[0];
      return hit === undefined ? undefined : known(hit);
    },

    /**
     * Every indicator that matches `value` (its kind guessed: URL, e-mail, IP or
     * range, hash, wallet, phone, domain), and those a warninglist holds back.
     */
    explain(value: string): {
      readonly kind: ValueKind | 'cve' | null;
      readonly value: string | null;
      readonly hits: readonly KnownIndicator[];
      readonly suppressed: readonly SuppressedIndicator[];
    } {
      const cve = normalizeCve(value);
      if (cve !== null)
        return { kind: 'cve', value: cve, hits: sharedVulnerabilities(cve), suppressed: [] };
      const r = index.lookupAny(value, { suppressed: true });
      const hits: KnownIndicator[] = [];
      const suppressed: SuppressedIndicator[] = [];
      for (const h of r.hits) {
        if (h.warninglist === undefined) hits.push(known(h));
        else suppressed.push({ ...known(h), warninglist: h.warninglist });
      }
      return { kind: r.kind, value: r.value, hits, suppressed };
    },

    /** The scam checker's matcher (and anyone else's). */
    matcher(): IndicatorLookup {
      return {
        match(indicators) {
          const out: {
            indicator: (typeof indicators)[number];
            source: string;
            confidence: number;
          }[] = [];
          for (const indicator of indicators) {
            if (indicator.type === 'cve') {
              const shared = sharedVulnerabilities(indicator.value)[0];
              if (shared !== undefined)
                out.push({ indicator, source: shared.source, confidence: shared.confidence });
              continue;
            }
            const kind = TYPE_KIND[indicator.type];
            if (kind === undefined) continue;
            const hit = index.lookup(kind, indicator.value)[0];
            if (hit !== undefined)
              out.push({
                indicator,
                source: index.source(hit.slot),
                confidence: index.confidence(hit.slot) / 100,
              });
          }
          return out;
        },
      };
    },

    /** Indicators held (shared vulnerabilities not counted: see `vulnerabilities`). */
    get size(): number {
      return index.size;
    },

    /** CVE identifiers named by shared vulnerabilities. */
    get vulnerabilities(): number {
      return cves.size;
    },

    async close(): Promise<void> {
      closed = true;
      await subscription?.unsubscribe();
    },
  };
}
