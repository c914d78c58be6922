/**
 * Step 2 of the loop: what people report with "Is this a scam?" becomes shared
 * intelligence. Each report (event `protect.report.created`, followed by one
 * durable consumer shared by all instances) counts once for each link in it;
 * when enough people have reported the same link, it is shared in the shared
 * collection as a TLP:CLEAR indicator with a sighting that says how many, and
 * from then on every later report raises the sighting's count.
 *
 * Against poisoning (flagging someone else's site by reporting it): only reports
 * that include the message and that this server itself judged a scam or
 * suspicious count; only whole URLs are shared, never a whole domain; and
 * reports are rate-limited per address by the scam checker.
 */
import { createHash } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { DEFAULT_COLLECTION_ID, type Exchange } from './exchange-service.js';
import type { ExchangeTables } from './exchange-tables.js';

/** The scam checker's report event (its contract; the exchange does not import the protect module). */
export const REPORT_SUBJECT = 'protect.report.created';
const CONSUMER = 'exchange-community-reports';
const ACTOR = 'system:community-reports';

interface ReportEvent {
  readonly id: string;
  readonly verdict: string;
  readonly judged?: boolean;
  readonly indicators: readonly { readonly type: string; readonly value: string }[];
}

/** The identity community indicators are created by, with a fixed id per server origin. */
export function communityIdentity(origin: string, created: string) {
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidFrom(`shieldwall-community:${origin}`)}`,
    created,
    modified: created,
    name: `People who reported scams on ${origin}`,
    identity_class: 'group',
  };
}

export function createCommunityReports(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly exchange: Exchange;
  readonly logger: Pick<Logger, 'warn'>;
  readonly threshold: number;
  /** Why a value must not be shared (a known-benign list), or undefined. */
  readonly knownBenign?: (type: string, value: string) => string | undefined;
  readonly origin: string;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<ExchangeTables>();
  let subscription: Subscription | undefined;

  const count = async (reportId: string, url: string): Promise<number | undefined> => {
    const now = deps.now();
    return deps.store.transaction<ExchangeTables, number | undefined>(
      async (trx) => {
        const seen = await trx
          .selectFrom('exchange_report_seen')
          .select('report_id')
          .where('report_id', '=', reportId)
          .where('value', '=', url)
          .executeTakeFirst();
        if (seen !== undefined) return undefined; // a redelivered event
        await trx
          .insertInto('exchange_report_seen')
          .values({ report_id: reportId, value: url })
          .execute();
        const row = await trx
          .selectFrom('exchange_reported')
          .select('reports')
          .where('value', '=', url)
          .executeTakeFirst();
        if (row === undefined) {
          await trx
            .insertInto('exchange_reported')
            .values({
              value: url,
              reports: 1,
              first_reported: now,
              last_reported: now,
              indicator_id: null,
            })
            .execute();
          return 1;
        }
        await trx
          .updateTable('exchange_reported')
          .set({ reports: row.reports + 1, last_reported: now })
          .where('value', '=', url)
          .execute();
        return row.reports + 1;
      },
      { lock: 'exchange-community-reports' },
    );
  };

  const share = async (url: string, reports: number) => {
    // A link on a known-benign list (a top site's home page) is never shared, however often reported.
    const benign = deps.knownBenign?.('url', url);
    if (benign !== undefined) {
      deps.logger.warn({ reports, reason: benign }, 'reported link held back: known benign');
      return;
    }
    const row = await db()
      .selectFrom('exchange_reported')
      .selectAll()
      .where('value', '=', url)
      .executeTakeFirstOrThrow();
    const created = new Date(Number(row.first_reported)).toISOString();
    const modified = new Date(deps.now()).toISOString();
    const identity = communityIdentity(deps.origin, '2026-01-01T00:00:00.000Z');
    const indicatorId =
      row.indicator_id ??
      `indicator--${uuidFrom(`shieldwall-community-url:${deps.origin}:${url}`)}`;
    const confidence = Math.min(95, 40 + 10 * reports);
    const objects: unknown[] = [
      identity,
      {
        type: 'indicator',
        spec_version: '2.1',
        id: indicatorId,
        created,
        modified,
        created_by_ref: identity.id,
        name: 'Link reported as a scam by people using Shieldwall',
        indicator_types: ['malicious-activity'],
        pattern: `[url:value = '${url.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
        pattern_type: 'stix',
        valid_from: created,
        confidence,
        object_marking_refs: [TLP2_IDS.clear],
      },
      {
        type: 'sighting',
        spec_version: '2.1',
        id: `sighting--${uuidFrom(`shieldwall-community-sighting:${indicatorId}`)}`,
        created,
        modified,
        created_by_ref: identity.id,
        sighting_of_ref: indicatorId,
        first_seen: created,
        last_seen: new Date(Number(row.last_reported)).toISOString(),
        count: reports,
        object_marking_refs: [TLP2_IDS.clear],
      },
    ];
    await deps.exchange.importAs(
      ACTOR,
      DEFAULT_COLLECTION_ID,
      objects,
      `report-threshold-${indicatorId}`,
    );
    if (row.indicator_id === null)
      await db()
        .updateTable('exchange_reported')
        .set({ indicator_id: indicatorId })
        .where('value', '=', url)
        .execute();
  };

  return {
    async start(): Promise<void> {
      if (deps.threshold <= 0) return;
      subscription = await deps.bus.subscribe(
        REPORT_SUBJECT,
        async (event) => {
          const e = event.data as ReportEvent;
          if (e.judged !== true || (e.verdict !== 'scam' && e.verdict !== 'suspicious')) return;
          const urls = new Set(
            e.indicators
              .filter(
                (i) => i.type === 'url' && /^https?:\/\//i.test(i.value) && i.value.length <= 2000,
              )
              .map((i) => i.value),
          );
          for (const url of urls) {
            const reports = await count(e.id, url);
            if (reports !== undefined && reports >= deps.threshold) await share(url, reports);
          }
        },
        { durable: CONSUMER, from: 'new' },
      );
    },
    async close(): Promise<void> {
      await subscription?.unsubscribe();
    },
  };
}

/** A UUIDv5-shaped id from a name (SHA-1, version and variant bits set), so the same link always gets the same indicator. */
function uuidFrom(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
