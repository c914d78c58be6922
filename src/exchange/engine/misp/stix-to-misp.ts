/**
 * STIX 2.1 indicators as a MISP event, for partners whose tooling reads MISP
 * feeds. Only what a MISP attribute can say exactly is exported: indicators
 * whose pattern is plain equality tests (`[domain-name:value = 'x'] OR …`,
 * the same subset the matcher indexes) become one attribute per value, marked
 * `to_ids`, tagged with the indicator's TLP; vulnerabilities become
 * `vulnerability` attributes. Anything else is counted as not exported.
 *
 * Pure: the caller supplies the event's uuid and time, and (for a feed) the
 * MD5s that `hashes.csv` lists.
 */
import { parsePattern, simpleIndicators } from '../pattern/index.js';
import { type TlpLevel, tlpOf } from '../stix/tlp.js';

export interface MispEventMeta {
  /** The event's uuid (RFC 4122). */
  readonly uuid: string;
  /** What the event is, in a line (MISP's `info`). */
  readonly info: string;
  /** Epoch seconds. */
  readonly timestamp: number;
  /** The publishing organisation. */
  readonly org: { readonly name: string; readonly uuid: string };
}

export interface MispExport {
  /** `{"Event": {…}}`, as MISP writes it. */
  readonly event: { readonly Event: Record<string, unknown> };
  readonly exported: number;
  readonly notExported: number;
}

/** STIX object path → MISP attribute type (and category). */
const TYPES: Readonly<Record<string, readonly [string, string]>> = {
  'domain-name:value': ['domain', 'Network activity'],
  'url:value': ['url', 'Network activity'],
  'ipv4-addr:value': ['ip-dst', 'Network activity'],
  'ipv6-addr:value': ['ip-dst', 'Network activity'],
  'email-addr:value': ['email-src', 'Payload delivery'],
  "file:hashes.'MD5'": ['md5', 'Payload delivery'],
  "file:hashes.'SHA-1'": ['sha1', 'Payload delivery'],
  "file:hashes.'SHA-256'": ['sha256', 'Payload delivery'],
  "file:hashes.'SHA-512'": ['sha512', 'Payload delivery'],
  'file:name': ['filename', 'Payload delivery'],
};

const TLP_TAG: Readonly<Record<TlpLevel, string>> = {
  clear: 'tlp:clear',
  green: 'tlp:green',
  amber: 'tlp:amber',
  'amber+strict': 'tlp:amber+strict',
  red: 'tlp:red',
};

/**
 * One MISP event holding the exportable indicators among `objects` (the
 * latest version of each, as a collection export gives them).
 *
 * @example
 * const { event } = stixToMispEvent(objects, { uuid, info: 'Shieldwall shared indicators', timestamp, org });
 */
export function stixToMispEvent(
  objects: readonly Record<string, unknown>[],
  meta: MispEventMeta,
): MispExport {
  const attributes: Record<string, unknown>[] = [];
  let notExported = 0;
  const levels = new Set<TlpLevel>();
  for (const o of objects) {
    const modified = Date.parse(String(o.modified ?? o.created ?? ''));
    const timestamp = String(
      Math.floor((Number.isNaN(modified) ? meta.timestamp * 1000 : modified) / 1000),
    );
    const tlp = tlpOf(o);
    if (tlp !== undefined) levels.add(tlp);
    const tags = tlp === undefined ? [] : [{ name: TLP_TAG[tlp] }];
    const id = String(o.id ?? '');
    const uuidOf = id.slice(id.indexOf('--') + 2);
    if (o.type === 'vulnerability' && typeof o.name === 'string') {
      attributes.push({
        uuid: uuidOf,
        type: 'vulnerability',
        category: 'External analysis',
        value: o.name,
        to_ids: false,
        timestamp,
        comment: '',
        Tag: tags,
      });
      continue;
    }
    if (o.type !== 'indicator') continue;
    const triples = indicatorTriples(o);
    if (triples === null) {
      notExported += 1;
      continue;
    }
    triples.forEach((t, i) => {
      const mapped = TYPES[`${t.type}:${t.property}`] as readonly [string, string];
      attributes.push({
        // The first value keeps the indicator's uuid, so a re-export updates rather than duplicates.
        uuid: i === 0 ? uuidOf : derivedUuid(uuidOf, i),
        type: mapped[0],
        category: mapped[1],
        value: t.value,
        to_ids: true,
        timestamp,
        comment: typeof o.name === 'string' ? o.name.slice(0, 1024) : '',
        Tag: tags,
      });
    });
  }
  const strictest = (['red', 'amber+strict', 'amber', 'green', 'clear'] as const).find((l) =>
    levels.has(l),
  );
  const event = {
    uuid: meta.uuid,
    info: meta.info,
    date: new Date(meta.timestamp * 1000).toISOString().slice(0, 10),
    timestamp: String(meta.timestamp),
    publish_timestamp: String(meta.timestamp),
    published: true,
    analysis: '2',
    threat_level_id: '2',
    distribution: '3',
    Orgc: { name: meta.org.name, uuid: meta.org.uuid },
    Tag: strictest === undefined ? [] : [{ name: TLP_TAG[strictest] }],
    Attribute: attributes,
  };
  return { event: { Event: event }, exported: attributes.length, notExported };
}

/** The (type, property, value) triples of an indicator every one of which MISP can carry, else null. */
function indicatorTriples(o: Record<string, unknown>) {
  if (o.pattern_type !== 'stix' || typeof o.pattern !== 'string') return null;
  let triples: ReturnType<typeof simpleIndicators>;
  try {
    triples = simpleIndicators(parsePattern(o.pattern));
  } catch {
    return null;
  }
  if (triples === null || triples.length === 0) return null;
  return triples.every((t) => `${t.type}:${t.property}` in TYPES) ? triples : null;
}

/** A stable uuid for an indicator's n-th value: the last 8 hex digits of the uuid plus n. */
function derivedUuid(uuid: string, n: number): string {
  const tail = Number.parseInt(uuid.slice(-8), 16);
  if (Number.isNaN(tail)) return uuid;
  return `${uuid.slice(0, -8)}${((tail + n) >>> 0).toString(16).padStart(8, '0')}`;
}
