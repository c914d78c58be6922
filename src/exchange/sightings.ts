/**
 * Sightings from anywhere — a partner's STIX `sighting` over TAXII, a
 * federation copy, people's reports, a safeguards finding — aggregate per
 * indicator, counting independent sources (the sighting's `created_by_ref`,
 * else the organization that shared it). When enough independent sources have
 * seen a TLP:CLEAR indicator that anyone may already read where it is (an open
 * collection, such as a submissions collection) and that is not on a
 * known-benign list, it is published to the shared collection — the one the
 * public matcher and federation partners follow — automatically, audited. Its score decays with time since the last sighting
 * (engine/scoring) and it expires; `scoreOf` says where it stands.
 *
 * One durable bus consumer shared by every instance does the counting, so each
 * sighting counts once however many servers run.
 */
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { parsePattern, simpleIndicators } from './engine/pattern/index.js';
import {
  baseScore,
  DECAY_MODELS,
  type DecayModel,
  decayedScore,
  expiresAt,
} from './engine/scoring/decay.js';
import { tlpOf } from './engine/stix/index.js';
import {
  type AnnouncedObject,
  DEFAULT_COLLECTION_ID,
  type Exchange,
  OBJECTS_ADDED,
  PUBLIC_VIEWER,
} from './exchange-service.js';
import type { SightingsTables } from './sightings-tables.js';

const CONSUMER = 'exchange-sightings';
const ACTOR = 'system:sightings';
const MAX_SOURCES = 1_000;

interface AddedEvent {
  readonly collection: string;
  readonly objects: readonly AnnouncedObject[];
}

export interface IndicatorScore {
  readonly indicatorId: string;
  readonly sightings: number;
  readonly sources: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** 0–100, before decay. */
  readonly base: number;
  /** 0–100, now. */
  readonly score: number;
  readonly expiresAt: number;
  readonly expired: boolean;
  readonly publishedAt: number | null;
}

export type Sightings = ReturnType<typeof createSightings>;

export function createSightings(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly exchange: Exchange;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** Independent sources that publish an indicator to the shared collection; 0 turns it off. */
  readonly threshold: number;
  /** Why a value must not be published (a known-benign list), or undefined. */
  readonly knownBenign?: (type: string, value: string) => string | undefined;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<SightingsTables>();
  let subscription: Subscription | undefined;

  /** The stored JSON of objects announced in one event, latest version of each. */
  const load = async (collection: string, ids: readonly string[]) => {
    const page = await deps.exchange.objects.query(collection, {
      limit: ids.length,
      match: { id: ids },
    });
    return page.rows.map((r) => JSON.parse(r.json) as Record<string, unknown>);
  };

  /** Count one sighting version once; returns the indicator's new aggregate, or undefined when already counted. */
  const count = async (sighting: Record<string, unknown>, source: string) => {
    const indicatorId = sighting.sighting_of_ref;
    if (typeof indicatorId !== 'string' || !indicatorId.startsWith('indicator--')) return undefined;
    const key = `${String(sighting.id)}@${String(sighting.modified)}`;
    const stated =
      typeof sighting.count === 'number' && sighting.count >= 0
        ? Math.min(sighting.count, 999_999_999)
        : 1;
    const seenAt = Date.parse(String(sighting.last_seen ?? sighting.modified ?? ''));
    const at = Number.isNaN(seenAt) ? deps.now() : Math.min(seenAt, deps.now());
    return deps.store.transaction<
      SightingsTables,
      { indicatorId: string; sources: number } | undefined
    >(
      async (trx) => {
        const done = await trx
          .selectFrom('exchange_sighting_counted')
          .select('key')
          .where('key', '=', key)
          .executeTakeFirst();
        if (done !== undefined) return undefined;
        await trx.insertInto('exchange_sighting_counted').values({ key }).execute();
        // A new version of a sighting restates its total: add only what it grew by (a version
        // delivered out of order, with a smaller count, adds nothing).
        const sightingId = String(sighting.id);
        const last = await trx
          .selectFrom('exchange_sighting_last_count')
          .select('counted')
          .where('sighting_id', '=', sightingId)
          .executeTakeFirst();
        const before = last === undefined ? 0 : Number(last.counted);
        const n = Math.max(0, stated - before);
        if (last === undefined)
          await trx
            .insertInto('exchange_sighting_last_count')
            .values({ sighting_id: sightingId, counted: stated })
            .execute();
        else if (stated > before)
          await trx
            .updateTable('exchange_sighting_last_count')
            .set({ counted: stated })
            .where('sighting_id', '=', sightingId)
            .execute();
        const row = await trx
          .selectFrom('exchange_indicator_sightings')
          .selectAll()
          .where('indicator_id', '=', indicatorId)
          .executeTakeFirst();
        if (row === undefined) {
          await trx
            .insertInto('exchange_indicator_sightings')
            .values({
              indicator_id: indicatorId,
              sightings: n,
              sources: JSON.stringify([source]),
              source_count: 1,
              first_seen: at,
              last_seen: at,
              published_at: null,
              updated_at: deps.now(),
            })
            .execute();
          return { indicatorId, sources: 1 };
        }
        const sources = new Set(JSON.parse(row.sources) as string[]);
        if (sources.size < MAX_SOURCES) sources.add(source);
        await trx
          .updateTable('exchange_indicator_sightings')
          .set({
            sightings: Number(row.sightings) + n,
            sources: JSON.stringify([...sources]),
            source_count: sources.size,
            first_seen: Math.min(Number(row.first_seen), at),
            last_seen: Math.max(Number(row.last_seen), at),
            updated_at: deps.now(),
          })
          .where('indicator_id', '=', indicatorId)
          .execute();
        return { indicatorId, sources: sources.size };
      },
      { lock: 'exchange-sightings' },
    );
  };

  /** Copy the indicator into the shared collection when it may go there; audited either way it is decided. */
  const publish = async (indicatorId: string, sources: number, from: string) => {
    const row = await db()
      .selectFrom('exchange_indicator_sightings')
      .select('published_at')
      .where('indicator_id', '=', indicatorId)
      .executeTakeFirst();
    if (row?.published_at !== null && row?.published_at !== undefined) return;
    const inShared = await load(DEFAULT_COLLECTION_ID, [indicatorId]);
    if (inShared.length > 0) return; // Already shared widely.
    // Only what the public may already read where it is: publishing must never widen who sees it
    // (a CLEAR indicator in an organization's or a sharing group's collection stays there).
    const visible = await deps.exchange.readAs(PUBLIC_VIEWER, from, {
      match: { id: [indicatorId] },
    });
    const found = visible.rows[0];
    if (found === undefined) return; // Not (yet) here, or not public: decided at a later sighting.
    const indicator = JSON.parse(found.json) as Record<string, unknown>;
    const tlp = tlpOf(indicator);
    if (tlp !== 'clear') return;
    const benign = benignReason(indicator);
    if (benign !== undefined) {
      await deps.audit.append({
        actor: ACTOR,
        action: 'exchange.indicator.publish-withheld',
        subject: `indicator:${indicatorId}`,
        data: { sources, reason: benign },
      });
      await db()
        .updateTable('exchange_indicator_sightings')
        .set({ published_at: -1 })
        .where('indicator_id', '=', indicatorId)
        .execute();
      return;
    }
    const status = await deps.exchange.importAs(
      ACTOR,
      DEFAULT_COLLECTION_ID,
      [indicator],
      `sightings-${indicatorId}`,
    );
    if (status.outcome.failures.length > 0) {
      deps.logger.warn({ indicatorId, failures: status.outcome.failures }, 'auto-publish refused');
      return;
    }
    await db()
      .updateTable('exchange_indicator_sightings')
      .set({ published_at: deps.now() })
      .where('indicator_id', '=', indicatorId)
      .execute();
    await deps.audit.append({
      actor: ACTOR,
      action: 'exchange.indicator.auto-published',
      subject: `indicator:${indicatorId}`,
      data: { sources, threshold: deps.threshold, from, tlp },
    });
  };

  const benignReason = (indicator: Record<string, unknown>): string | undefined => {
    if (deps.knownBenign === undefined || typeof indicator.pattern !== 'string') return undefined;
    let values: ReturnType<typeof simpleIndicators>;
    try {
      values = simpleIndicators(parsePattern(indicator.pattern));
    } catch {
      return undefined;
    }
    for (const v of values ?? []) {
      const why = deps.knownBenign(v.type, v.value);
      if (why !== undefined) return why;
    }
    return undefined;
  };

  const handle = async (e: AddedEvent) => {
    const sightings = e.objects.filter((o) => o.type === 'sighting');
    if (sightings.length === 0) return;
    for (const s of await load(
      e.collection,
      sightings.map((o) => o.id),
    )) {
      const announced = sightings.find((o) => o.id === s.id);
      const source =
        typeof s.created_by_ref === 'string'
          ? s.created_by_ref
          : announced?.sourceOrg !== null && announced?.sourceOrg !== undefined
            ? `org:${announced.sourceOrg}`
            : `collection:${e.collection}`;
      const result = await count(s, source);
      if (result !== undefined && deps.threshold > 0 && result.sources >= deps.threshold)
        await publish(result.indicatorId, result.sources, e.collection);
    }
  };

  return {
    async start(): Promise<void> {
      subscription = await deps.bus.subscribe(
        OBJECTS_ADDED,
        async (event) => {
          try {
            await handle(event.data as AddedEvent);
          } catch (err) {
            deps.logger.warn({ err: (err as Error).message }, 'sighting aggregation failed');
            throw err;
          }
        },
        { durable: CONSUMER, from: 'new' },
      );
    },

    /** Where an indicator stands: sightings, independent sources, score now and when it expires. */
    async scoreOf(
      indicatorId: string,
      confidence?: number,
      kind: keyof typeof DECAY_MODELS = 'other',
    ): Promise<IndicatorScore | undefined> {
      const row = await db()
        .selectFrom('exchange_indicator_sightings')
        .selectAll()
        .where('indicator_id', '=', indicatorId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const model: DecayModel = DECAY_MODELS[kind];
      const base = baseScore(confidence, row.source_count);
      const lastSeen = Number(row.last_seen);
      const score = decayedScore(base, deps.now() - lastSeen, model);
      return {
        indicatorId,
        sightings: Number(row.sightings),
        sources: Number(row.source_count),
        firstSeen: Number(row.first_seen),
        lastSeen,
        base,
        score,
        expiresAt: expiresAt(base, lastSeen, model),
        expired: score < model.threshold,
        publishedAt:
          row.published_at === null || Number(row.published_at) < 0
            ? null
            : Number(row.published_at),
      };
    },

    async close(): Promise<void> {
      await subscription?.unsubscribe();
    },
  };
}
