/**
 * Known-bad indicators for every other module: an in-memory index of the URLs,
 * domains, email addresses and IP addresses named by shared STIX indicators
 * whose pattern is a plain lookup (`[url:value = '…'] OR …`). It loads what is
 * stored and follows `exchange.objects.added` on the bus, so an indicator added
 * on any instance warns the next person within a second.
 *
 * Only TLP:CLEAR (and unmarked) indicators go in: a match is shown to anyone who
 * checks a message, so nothing more restricted may be revealed through it.
 */
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import { parsePattern, simpleIndicators } from './engine/pattern/index.js';
import { OBJECTS_ADDED } from './exchange-service.js';
import type { ExchangeObjectRow } from './exchange-tables.js';
import type { ObjectStore } from './object-store.js';

/** Indicator kinds other modules look up, and the STIX object paths that name them. */
const PATHS: Readonly<Record<string, string>> = {
  'url:value': 'url',
  'domain-name:value': 'domain',
  'email-addr:value': 'email',
  'ipv4-addr:value': 'ipv4',
  'ipv6-addr:value': 'ipv6',
};
const PUBLIC_TLP: readonly string[] = ['clear'];
/** Confidence when the indicator states none (STIX confidence is 0–100). */
const DEFAULT_CONFIDENCE = 0.6;

export interface KnownIndicator {
  readonly type: string;
  readonly value: string;
  /** 0..1 */
  readonly confidence: number;
  /** In plain words, for the person who sees the warning. */
  readonly source: string;
  readonly stixId: string;
}

export interface IndicatorLookup {
  /** The known-bad entries among `indicators` (typed like the scam checker's: url, domain, email). */
  match<T extends { readonly type: string; readonly value: string }>(
    indicators: readonly T[],
  ): { readonly indicator: T; readonly source: string; readonly confidence: number }[];
}

export type IndicatorIndex = ReturnType<typeof createIndicatorIndex>;

export function createIndicatorIndex(deps: {
  readonly objects: ObjectStore;
  readonly bus: Bus;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  readonly now: () => number;
}) {
  const entries = new Map<string, KnownIndicator>();
  /** Keys each STIX indicator put in, so a new version or a revocation can take them out. */
  const byStix = new Map<string, string[]>();
  let subscription: Subscription | undefined;
  let loaded: Promise<void> | undefined;
  let closed = false;

  const put = (row: ExchangeObjectRow, title: string) => {
    for (const key of byStix.get(row.id) ?? []) entries.delete(key);
    byStix.delete(row.id);
    const o = JSON.parse(row.json) as {
      type?: string;
      pattern?: string;
      pattern_type?: string;
      revoked?: boolean;
      valid_until?: string;
      confidence?: number;
    };
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
    const keys: string[] = [];
    for (const s of simple) {
      const type = PATHS[`${s.type}:${s.property}`];
      if (type === undefined || typeof s.value !== 'string') continue;
      const key = keyOf(type, s.value);
      entries.set(key, {
        type,
        value: normalize(type, s.value),
        confidence:
          typeof o.confidence === 'number'
            ? Math.max(0, Math.min(1, o.confidence / 100))
            : DEFAULT_CONFIDENCE,
        source: `shared threat intelligence: ${title}`,
        stixId: row.id,
      });
      keys.push(key);
    }
    if (keys.length > 0) byStix.set(row.id, keys);
  };

  const loadAll = async () => {
    for (const c of await deps.objects.collections()) {
      let next: string | undefined;
      for (let pages = 0; pages < 10_000; pages++) {
        const page = await deps.objects.query(c.id, {
          match: { type: ['indicator'] },
          visibleTlp: PUBLIC_TLP,
          limit: 1000,
          ...(next === undefined ? {} : { next }),
        });
        for (const row of page.rows) put(row, c.title);
        if (!page.more) break;
        next = page.next;
      }
    }
    deps.logger.info({ indicators: entries.size }, 'threat-intel indicators loaded');
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
          const wanted = e.objects.filter(
            (o) => o.id.startsWith('indicator--') && (o.tlp === null || PUBLIC_TLP.includes(o.tlp)),
          );
          if (wanted.length === 0) return;
          const c = await deps.objects.collection(e.collection);
          const page = await deps.objects.query(e.collection, {
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

    lookup(type: string, value: string): KnownIndicator | undefined {
      return entries.get(keyOf(type, value));
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
            const hit = entries.get(keyOf(indicator.type, indicator.value));
            if (hit !== undefined)
              out.push({ indicator, source: hit.source, confidence: hit.confidence });
          }
          return out;
        },
      };
    },

    get size(): number {
      return entries.size;
    },

    async close(): Promise<void> {
      closed = true;
      await subscription?.unsubscribe();
    },
  };
}

function keyOf(type: string, value: string): string {
  return `${type}\u0000${normalize(type, value)}`;
}

/** Hosts and addresses compare without case; a URL's scheme and host too, and a lone trailing slash does not matter. */
function normalize(type: string, value: string): string {
  const v = value.trim();
  if (type === 'domain' || type === 'email') return v.toLowerCase().replace(/\.$/, '');
  if (type === 'url') {
    try {
      const u = new URL(v);
      const path = u.pathname === '/' && !v.endsWith('/') ? '' : u.pathname;
      return `${u.protocol}//${u.host}${path}${u.search}`.toLowerCase();
    } catch {
      return v.toLowerCase();
    }
  }
  return v.toLowerCase();
}
