/**
 * Alerts from log detection (`shieldwall detect watch`) become STIX sightings.
 * Each alert (events `detect.alert.created` and `detect.alert.updated`,
 * followed by one durable consumer shared by all instances) is recorded in the
 * collection of the organization it belongs to:
 *
 * - one `indicator` per rule per organization, `pattern_type: "sigma"`, created
 *   once (its id is derived from the organization and the rule id);
 * - one `sighting` of it per alert (its id is derived from the alert id): a
 *   later event for the same alert adds a new version with the new count and
 *   last_seen, never a second sighting — and nothing at all when they did not change;
 * - a `sighting` of every indicator the exchange already knows (the public
 *   matcher's TLP:CLEAR indicators) that one of the alert's observables matches:
 *   the sightings aggregator counts it towards that indicator's score, which is
 *   what helps other defenders, without saying who saw it.
 *
 * Where: an organization's alerts go to a collection owned by it alone, with no
 * sharing groups, marked TLP:AMBER — only its own members read them until its
 * admins choose to share that collection with a group. Server-wide alerts (no
 * organization) go to a collection whose read requirement is a capability only
 * operator staff hold. The exchange does not import the detect module: the
 * subjects and the alert's shape below are the contract.
 */
import { createHash } from 'node:crypto';
import Type, { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { TLP2_IDS } from './engine/stix/index.js';
import type { Exchange } from './exchange-service.js';

/** The detect module's alert events (its contract; the exchange does not import it). */
export const ALERT_CREATED = 'detect.alert.created';
export const ALERT_UPDATED = 'detect.alert.updated';
const SUBJECTS = 'detect.alert.*';
const CONSUMER = 'exchange-detect-sightings';
const ACTOR = 'system:detect-sightings';
/** Observables looked up per alert, and known indicators sighted per alert. */
const MAX_LOOKUPS = 200;
const MAX_KNOWN = 20;
const COUNT_MAX = 999_999_999;

const Str = (max: number) => Type.String({ maxLength: max });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** The part of the detect module's alert this consumer reads; other fields pass unchecked. */
const AlertEvent = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 200 }),
  org: Nullable(Type.String({ minLength: 1, maxLength: 200 })),
  source: Type.Union([Type.Literal('sigma'), Type.Literal('correlation'), Type.Literal('anomaly')]),
  title: Str(2000),
  level: Type.Union(
    ['informational', 'low', 'medium', 'high', 'critical'].map((l) => Type.Literal(l)),
  ),
  rule: Nullable(
    Type.Object({
      id: Type.String({ minLength: 1, maxLength: 200 }),
      title: Str(2000),
      author: Nullable(Str(2000)),
      license: Nullable(Str(500)),
      references: Type.Array(Str(4000), { maxItems: 200 }),
      ruleSource: Str(2000),
      description: Nullable(Str(20_000)),
    }),
  ),
  attack: Type.Array(Type.Object({ id: Str(50), tactic: Nullable(Str(100)) }), { maxItems: 200 }),
  count: Type.Integer({ minimum: 0 }),
  firstSeen: Str(64),
  lastSeen: Str(64),
  observables: Type.Array(Type.Object({ type: Str(40), value: Str(4000) }), { maxItems: 10_000 }),
});
export type AlertEvent = Static<typeof AlertEvent>;
const checkAlert = Compile(AlertEvent);

/** What the exchange knows about a value (the indicator index's `lookup`). */
export type KnownLookup = (type: string, value: string) => { readonly stixId: string } | undefined;

/** Alert observable types as the indicator index names its lookup kinds. */
const LOOKUP_KIND: Readonly<Record<string, string>> = {
  'ipv4-addr': 'ip',
  'ipv6-addr': 'ip',
  'domain-name': 'domain',
  url: 'url',
  'file-hash': 'hash',
};

export type DetectSightings = ReturnType<typeof createDetectSightings>;

export function createDetectSightings(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly exchange: Exchange;
  readonly logger: Pick<Logger, 'warn'>;
  /** Indicators the exchange already knows, by value. */
  readonly lookup: KnownLookup;
  /** This server's public address: it makes identity ids unique across servers. */
  readonly origin: string;
  /** The capability that reads server-wide detections (operator staff). */
  readonly operatorCapability: string;
  readonly now: () => number;
}) {
  let subscription: Subscription | undefined;

  /** The collection an alert's sightings go to, created (and audited) on first use. */
  const collectionFor = async (org: string | null): Promise<string> => {
    const id = uuidFrom(org === null ? 'shieldwall-detect:server' : `shieldwall-detect:org:${org}`);
    if ((await deps.exchange.objects.collection(id)) !== undefined) return id;
    const spec =
      org === null
        ? {
            title: 'Sightings from detection alerts (operators)',
            description:
              'What log detection saw on this server outside any organization, as STIX sightings. Only operator staff read it.',
            readCapability: deps.operatorCapability,
            writeCapability: deps.operatorCapability,
          }
        : {
            title: 'Sightings from detection alerts',
            description:
              'What log detection saw in this organization, as STIX sightings marked TLP:AMBER. Only this organization reads it, until its admins share this collection with a sharing group.',
            ownerOrg: org,
          };
    try {
      await deps.exchange.objects.createCollection({ id, ...spec });
    } catch (err) {
      if (deps.store.isUniqueViolation(err)) return id; // another instance made it first
      throw err;
    }
    await deps.audit.append({
      actor: ACTOR,
      action: 'exchange.collection.created',
      subject: `collection:${id}`,
      data: {
        title: spec.title,
        ownerOrg: org,
        read: 'readCapability' in spec ? spec.readCapability : 'intel.read:clear',
        purpose: 'detect-sightings',
      },
    });
    return id;
  };

  /** The latest stored version of an object in a collection, or undefined. */
  const latest = async (collection: string, id: string) => {
    const row = (await deps.exchange.objects.query(collection, { limit: 1, match: { id: [id] } }))
      .rows[0];
    return row === undefined ? undefined : (JSON.parse(row.json) as Record<string, unknown>);
  };

  const handle = async (data: unknown) => {
    if (!checkAlert.Check(data)) {
      const first = [...checkAlert.Errors(data)][0];
      const alertId = (data as { id?: unknown } | null)?.id;
      deps.logger.warn(
        { problem: first?.message, path: first?.instancePath },
        'detection alert not turned into a sighting: it does not have the expected shape',
      );
      await deps.audit.append({
        actor: ACTOR,
        action: 'exchange.detect-sighting.refused',
        subject: `alert:${typeof alertId === 'string' ? alertId.slice(0, 200) : 'unknown'}`,
        data: { reason: `${first?.instancePath ?? ''} ${first?.message ?? 'malformed'}`.trim() },
      });
      return;
    }
    const alert = data;
    const nowMs = deps.now();
    const collection = await collectionFor(alert.org);
    const marking = alert.org === null ? [] : [TLP2_IDS.amber];
    const scope = alert.org === null ? 'server' : `org:${alert.org}`;
    const identity = whoSaw(deps.origin, alert.org);
    const objects: Record<string, unknown>[] = [];

    const sighted: string[] = [];
    if (alert.rule !== null) {
      const indicator = ruleIndicator(alert, scope, identity.id, marking, nowMs);
      if ((await latest(collection, indicator.id)) === undefined) objects.push(indicator);
      sighted.push(indicator.id);
    }
    for (const stixId of known(alert, deps.lookup))
      if (!sighted.includes(stixId)) sighted.push(stixId);

    for (const indicatorId of sighted) {
      const id = `sighting--${uuidFrom(`shieldwall-detect-sighting:${scope}:${alert.id}:${indicatorId}`)}`;
      const before = await latest(collection, id);
      const s = sightingOf(alert, id, indicatorId, identity.id, marking, before, nowMs);
      if (s !== undefined) objects.push(s);
    }
    if (objects.length === 0) return; // nothing new: a redelivery, or a status change only
    if ((await latest(collection, identity.id)) === undefined) objects.unshift(identity);
    const status = await deps.exchange.importAs(
      ACTOR,
      collection,
      objects,
      `detect-alert-${alert.id}-${nowMs}`,
      alert.org ?? undefined,
    );
    if (status.outcome.failures.length > 0)
      deps.logger.warn(
        { alert: alert.id, failures: status.outcome.failures },
        'some sighting objects were refused by the STIX validator',
      );
    await deps.audit.append({
      actor: ACTOR,
      action: 'exchange.detect-sighting.recorded',
      subject: `alert:${alert.id}`,
      data: {
        org: alert.org,
        collection,
        tlp: alert.org === null ? null : 'amber',
        indicators: sighted,
        known: sighted.length - (alert.rule === null ? 0 : 1),
        count: alert.count,
        refused: status.outcome.failures.length,
      },
    });
  };

  return {
    async start(): Promise<void> {
      subscription = await deps.bus.subscribe(
        SUBJECTS,
        async (event) => {
          if (event.subject !== ALERT_CREATED && event.subject !== ALERT_UPDATED) return;
          await handle(event.data);
        },
        { durable: CONSUMER, from: 'new' },
      );
    },
    async close(): Promise<void> {
      await subscription?.unsubscribe();
    },
  };
}

/** The identity that saw it: the organization, or this server for server-wide alerts. */
function whoSaw(origin: string, org: string | null) {
  const created = '2026-01-01T00:00:00.000Z';
  return {
    type: 'identity',
    spec_version: '2.1',
    id: `identity--${uuidFrom(org === null ? `shieldwall-server:${origin}` : `shieldwall-org:${origin}:${org}`)}`,
    created,
    modified: created,
    name: org === null ? `Shieldwall server at ${origin}` : `Organization ${org} on ${origin}`,
    identity_class: org === null ? 'system' : 'organization',
  };
}

/**
 * The rule as an indicator. Its pattern names the rule (Sigma's own YAML keys `title` and `id`)
 * rather than copying its detection logic: the alert does not carry the rule text; an
 * organization's own rule may name its internal hosts and accounts, and its logic is the
 * organization's to share; and anyone with the rule set finds the rule by its id. The
 * attribution the Detection Rule License asks for travels in the description and references.
 */
function ruleIndicator(
  alert: AlertEvent,
  scope: string,
  identityId: string,
  marking: readonly string[],
  nowMs: number,
) {
  const rule = alert.rule as NonNullable<AlertEvent['rule']>;
  const created = new Date(nowMs).toISOString();
  const attribution = `Rule by ${rule.author ?? 'an unnamed author'}, ${rule.license ?? 'licence not stated'}, from ${rule.ruleSource}.`;
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${uuidFrom(`shieldwall-detect-rule:${scope}:${rule.id}`)}`,
    created,
    modified: created,
    created_by_ref: identityId,
    name: clip(rule.title || alert.title, 300),
    description: clip(
      rule.description === null ? attribution : `${rule.description}\n\n${attribution}`,
      4000,
    ),
    indicator_types: ['malicious-activity'],
    pattern: `title: ${JSON.stringify(clip(rule.title, 300))}\nid: ${JSON.stringify(rule.id)}\n`,
    pattern_type: 'sigma',
    valid_from: created,
    ...phases(alert.attack),
    external_references: [
      { source_name: 'sigma', external_id: rule.id, description: clip(attribution, 1000) },
      ...techniques(alert.attack),
      ...rule.references
        .filter((u) => /^https?:\/\/\S+$/i.test(u) && u.length <= 2000)
        .slice(0, 10)
        .map((url) => ({ source_name: 'reference', url })),
    ],
    ...markings(marking),
  };
}

/** A sighting version for this alert, or undefined when the stored one already says the same. */
function sightingOf(
  alert: AlertEvent,
  id: string,
  indicatorId: string,
  identityId: string,
  marking: readonly string[],
  before: Record<string, unknown> | undefined,
  nowMs: number,
) {
  let first = stixTime(alert.firstSeen);
  let last = stixTime(alert.lastSeen);
  if (first !== undefined && last !== undefined && last < first) [first, last] = [last, first];
  const count = Math.min(alert.count, COUNT_MAX);
  if (before !== undefined && before.count === count && before.last_seen === last) return undefined;
  const previous = typeof before?.modified === 'string' ? Date.parse(before.modified) : Number.NaN;
  // A new version must be later than the last one, even if this server's clock is behind.
  const modified = new Date(Number.isNaN(previous) ? nowMs : Math.max(nowMs, previous + 1));
  return {
    type: 'sighting',
    spec_version: '2.1',
    id,
    created: typeof before?.created === 'string' ? before.created : modified.toISOString(),
    modified: modified.toISOString(),
    created_by_ref: identityId,
    description: clip(`Seen by log detection: ${alert.title}`, 1000),
    sighting_of_ref: indicatorId,
    where_sighted_refs: [identityId],
    count,
    ...(first === undefined ? {} : { first_seen: first }),
    ...(last === undefined ? {} : { last_seen: last }),
    x_shieldwall_alert_id: alert.id,
    ...markings(marking),
  };
}

/** Indicators the exchange already knows that the alert's observables match (deduplicated, bounded). */
function known(alert: AlertEvent, lookup: KnownLookup): string[] {
  const ids = new Set<string>();
  for (const o of alert.observables.slice(0, MAX_LOOKUPS)) {
    const kind = LOOKUP_KIND[o.type];
    if (kind === undefined || o.value.length === 0 || o.value.length > 2000) continue;
    const hit = lookup(kind, o.value);
    if (hit?.stixId.startsWith('indicator--')) ids.add(hit.stixId);
    if (ids.size >= MAX_KNOWN) break;
  }
  return [...ids];
}

const TECHNIQUE = /^T[0-9]{4}(?:\.[0-9]{3})?$/;
const TACTIC = /^[a-z][a-z-]{0,60}$/;

/** ATT&CK techniques as external references, linking to their pages. */
function techniques(attack: AlertEvent['attack']) {
  return [...new Set(attack.map((a) => a.id.toUpperCase()).filter((t) => TECHNIQUE.test(t)))]
    .slice(0, 50)
    .map((t) => ({
      source_name: 'mitre-attack',
      external_id: t,
      url: `https://attack.mitre.org/techniques/${t.replace('.', '/')}/`,
    }));
}

/** ATT&CK tactics as kill chain phases (STIX 2.1 §3.5.7 with the `mitre-attack` kill chain). */
function phases(attack: AlertEvent['attack']) {
  const tactics = [
    ...new Set(
      attack
        .map((a) => a.tactic?.toLowerCase().replace(/[ _]/g, '-'))
        .filter((t): t is string => t !== undefined && TACTIC.test(t)),
    ),
  ].slice(0, 20);
  return tactics.length === 0
    ? {}
    : {
        kill_chain_phases: tactics.map((phase_name) => ({
          kill_chain_name: 'mitre-attack',
          phase_name,
        })),
      };
}

function markings(refs: readonly string[]) {
  return refs.length === 0 ? {} : { object_marking_refs: [...refs] };
}

/** An RFC 3339 UTC timestamp to the millisecond, or undefined for one that does not parse. */
function stixTime(s: string): string | undefined {
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** A UUIDv5-shaped id from a name (SHA-1, version and variant bits set): the same name, the same id. */
function uuidFrom(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
