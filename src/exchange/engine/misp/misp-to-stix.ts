/**
 * MISP events (the JSON MISP exports, one event per file or feed entry) as
 * STIX 2.1 objects, so partners who run MISP can share with us without a
 * converter of their own. The mapping follows MISP's own misp-stix project in
 * spirit: an attribute marked for detection (`to_ids`) becomes an indicator
 * with a STIX pattern; other observables become observed-data with their SCOs;
 * the event becomes a report that refers to all of them; `tlp:*` tags become
 * TLP 2.0 markings (`tlp:white` is CLEAR). Attribute types STIX 2.1 has no
 * object for (phone numbers, wallet addresses, free text) are listed as
 * skipped rather than guessed.
 *
 * Pure: the caller parses the JSON and validates the STIX that comes out.
 */
import { TLP2_IDS, type TlpLevel } from '../stix/tlp.js';

/** What one MISP event became. */
export interface MispConversion {
  /** STIX 2.1 objects (not yet validated: they go through `validateBundle` like any other input). */
  readonly objects: Record<string, unknown>[];
  /** Attributes that were not converted, with why. */
  readonly skipped: readonly {
    readonly uuid: string;
    readonly type: string;
    readonly why: string;
  }[];
}

/** A problem with the event as a whole (no event, no uuid …): nothing was converted. */
export interface MispRejection {
  readonly error: string;
}

/** Attributes one event may carry before it is refused (MISP events of 100k+ attributes exist, but not in a paste). */
export const MAX_MISP_ATTRIBUTES = 200_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

interface MispAttribute {
  readonly uuid: string;
  readonly type: string;
  readonly value: string;
  readonly toIds: boolean;
  readonly timestamp: string;
  readonly comment: string;
  readonly tlp: TlpLevel | undefined;
}

/**
 * Convert one MISP event (`{"Event": {…}}` or the bare event object).
 *
 * @example
 * const result = mispEventToStix(JSON.parse(text));
 * if ('error' in result) console.error(result.error);
 * else exchange.importAs(who, collection, result.objects, requestId);
 */
export function mispEventToStix(input: unknown): MispConversion | MispRejection {
  const event = record(record(input)?.Event ?? input);
  if (event === undefined) return { error: 'not a MISP event: expected {"Event": {…}}' };
  const uuid = text(event.uuid);
  if (uuid === undefined || !UUID.test(uuid)) return { error: 'the MISP event has no valid uuid' };
  const created = isoFromMisp(event.timestamp) ?? isoFromDate(event.date);
  if (created === undefined) return { error: `MISP event ${uuid} has no valid timestamp or date` };

  const eventTlp = tlpOfTags(event.Tag);
  const attributes: MispAttribute[] = [];
  const raw = [
    ...list(event.Attribute),
    ...list(event.Object).flatMap((o) => list(record(o)?.Attribute)),
  ];
  if (raw.length > MAX_MISP_ATTRIBUTES)
    return { error: `MISP event ${uuid} has more than ${MAX_MISP_ATTRIBUTES} attributes` };
  const skipped: { uuid: string; type: string; why: string }[] = [];
  for (const a of raw) {
    const attr = record(a);
    const type = text(attr?.type) ?? '';
    const aUuid = text(attr?.uuid) ?? '';
    const value = text(attr?.value);
    if (attr === undefined || !UUID.test(aUuid) || value === undefined || value.trim() === '') {
      skipped.push({ uuid: aUuid, type, why: 'no valid uuid or value' });
      continue;
    }
    attributes.push({
      uuid: aUuid.toLowerCase(),
      type,
      value: value.trim(),
      toIds: attr.to_ids === true || attr.to_ids === '1' || attr.to_ids === 1,
      timestamp: isoFromMisp(attr.timestamp) ?? created,
      comment: text(attr.comment) ?? '',
      tlp: tlpOfTags(attr.Tag),
    });
  }

  const identityId = orgIdentity(event.Orgc);
  const objects: Record<string, unknown>[] = [];
  if (identityId !== undefined) {
    const orgc = record(event.Orgc);
    objects.push({
      type: 'identity',
      spec_version: '2.1',
      id: identityId,
      created,
      modified: created,
      name: (text(orgc?.name) ?? 'MISP organisation').slice(0, 256),
      identity_class: 'organization',
    });
  }
  const common = (modified: string, tlp: TlpLevel | undefined) => ({
    spec_version: '2.1',
    created: modified < created ? modified : created,
    modified,
    ...(identityId === undefined ? {} : { created_by_ref: identityId }),
    ...(tlp === undefined ? {} : { object_marking_refs: [TLP2_IDS[tlp]] }),
  });
  const refs: string[] = [];
  for (const a of attributes) {
    const mapped = mapAttribute(a);
    if (typeof mapped === 'string') {
      skipped.push({ uuid: a.uuid, type: a.type, why: mapped });
      continue;
    }
    const tlp = a.tlp ?? eventTlp;
    if (mapped.kind === 'vulnerability') {
      const id = `vulnerability--${a.uuid}`;
      objects.push({
        type: 'vulnerability',
        id,
        ...common(a.timestamp, tlp),
        name: mapped.name,
        external_references: [{ source_name: 'cve', external_id: mapped.name }],
      });
      refs.push(id);
    } else if (a.toIds) {
      const id = `indicator--${a.uuid}`;
      objects.push({
        type: 'indicator',
        id,
        ...common(a.timestamp, tlp),
        name: `${a.type}: ${a.value}`.slice(0, 256),
        ...(a.comment === '' ? {} : { description: a.comment.slice(0, 4096) }),
        indicator_types: ['malicious-activity'],
        pattern: `[${mapped.tests.map(patternTest).join(' AND ')}]`,
        pattern_type: 'stix',
        valid_from: a.timestamp,
        labels: [`misp:type="${a.type}"`],
      });
      refs.push(id);
    } else {
      const scoId = `${mapped.sco.type}--${a.uuid}`;
      objects.push({ ...mapped.sco, id: scoId, spec_version: '2.1' });
      const id = `observed-data--${a.uuid}`;
      objects.push({
        type: 'observed-data',
        id,
        ...common(a.timestamp, tlp),
        first_observed: a.timestamp,
        last_observed: a.timestamp,
        number_observed: 1,
        object_refs: [scoId],
      });
      refs.push(id);
    }
  }
  const modified = isoFromMisp(event.publish_timestamp) ?? created;
  objects.push({
    type: 'report',
    id: `report--${uuid.toLowerCase()}`,
    ...common(modified < created ? created : modified, eventTlp),
    name: (text(event.info) ?? `MISP event ${uuid}`).slice(0, 256),
    published: created,
    report_types: ['threat-report'],
    // A report must refer to something; an event of only skipped attributes refers to its author.
    object_refs: refs.length > 0 ? refs : identityId === undefined ? [] : [identityId],
    labels: [
      ...tagNames(event.Tag).filter((t) => !t.startsWith('tlp:')),
      `misp:event-uuid="${uuid}"`,
    ].slice(0, 50),
  });
  return { objects, skipped };
}

type Mapped =
  | { readonly kind: 'observable'; readonly tests: readonly Test[]; readonly sco: Sco }
  | { readonly kind: 'vulnerability'; readonly name: string };
interface Test {
  readonly path: string;
  readonly value: string;
}
type Sco = Record<string, unknown> & { readonly type: string };

const HASHES: Readonly<Record<string, string>> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  'sha3-256': 'SHA3-256',
  ssdeep: 'SSDEEP',
  tlsh: 'TLSH',
};
const CVE = /^CVE-\d{4}-\d{4,7}$/i;

/** The STIX tests and SCOs for one attribute, or why it has none. */
function mapAttribute(a: MispAttribute): Mapped | string {
  const [t0, t1] = a.type.split('|');
  const [v0, v1] = a.value.split('|');
  if (t1 !== undefined) {
    if (v1 === undefined) return `a ${a.type} value needs two parts separated by |`;
    if (t0 === 'filename' && t1 in HASHES) {
      const algo = HASHES[t1] as string;
      return observable([
        { path: 'file:name', value: v0 as string },
        { path: `file:hashes.'${algo}'`, value: v1 },
      ]);
    }
    // domain|ip, ip-dst|port …: the first part is the indicator a lookup can use.
    if (t0 === 'domain' || t0 === 'hostname' || t0 === 'ip-dst' || t0 === 'ip-src')
      return mapAttribute({ ...a, type: t0, value: v0 as string });
    return `MISP type ${a.type} has no STIX 2.1 mapping here`;
  }
  switch (a.type) {
    case 'ip-src':
    case 'ip-dst': {
      const type = a.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
      return observable([{ path: `${type}:value`, value: a.value }]);
    }
    case 'domain':
    case 'hostname':
      return observable([{ path: 'domain-name:value', value: a.value.toLowerCase() }]);
    case 'url':
    case 'link':
    case 'uri':
      return observable([{ path: 'url:value', value: a.value }]);
    case 'email':
    case 'email-src':
    case 'email-dst':
    case 'email-reply-to':
      return observable([{ path: 'email-addr:value', value: a.value.toLowerCase() }]);
    case 'filename':
      return observable([{ path: 'file:name', value: a.value }]);
    case 'mutex':
      return observable([{ path: 'mutex:name', value: a.value }]);
    case 'AS':
      return /^(AS)?\d{1,10}$/i.test(a.value)
        ? observable([{ path: 'autonomous-system:number', value: a.value.replace(/^AS/i, '') }])
        : 'not an AS number';
    case 'vulnerability':
      return CVE.test(a.value)
        ? { kind: 'vulnerability', name: a.value.toUpperCase() }
        : 'not a CVE id';
    default:
      if (a.type in HASHES)
        return observable([{ path: `file:hashes.'${HASHES[a.type]}'`, value: a.value }]);
      return `MISP type ${a.type} has no STIX 2.1 mapping here`;
  }
}

function observable(tests: Test[]): Mapped {
  // One SCO carrying every tested property (file name and hash go on one file object).
  const type = (tests[0] as Test).path.split(':')[0] as string;
  const sco: Record<string, unknown> = { type };
  for (const t of tests) {
    const prop = t.path.slice(type.length + 1);
    const hash = /^hashes\.'(.+)'$/.exec(prop);
    if (hash !== null) sco.hashes = { ...(sco.hashes as object), [hash[1] as string]: t.value };
    else if (prop === 'number') sco.number = Number(t.value);
    else sco[prop] = t.value;
  }
  return { kind: 'observable', tests, sco: sco as Sco };
}

/** One comparison: a number for `autonomous-system:number`, else a string literal (backslash and quote escaped). */
function patternTest(t: Test): string {
  if (t.path === 'autonomous-system:number') return `${t.path} = ${Number(t.value)}`;
  return `${t.path} = '${t.value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function orgIdentity(orgc: unknown): string | undefined {
  const uuid = text(record(orgc)?.uuid);
  return uuid !== undefined && UUID.test(uuid) ? `identity--${uuid.toLowerCase()}` : undefined;
}

const TLP_TAGS: Readonly<Record<string, TlpLevel>> = {
  'tlp:white': 'clear',
  'tlp:clear': 'clear',
  'tlp:green': 'green',
  'tlp:amber': 'amber',
  'tlp:amber+strict': 'amber+strict',
  'tlp:red': 'red',
};
const ORDER: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

/** The strictest TLP among MISP tags. */
function tlpOfTags(tags: unknown): TlpLevel | undefined {
  let strictest: TlpLevel | undefined;
  for (const name of tagNames(tags)) {
    const level = TLP_TAGS[name];
    if (
      level !== undefined &&
      (strictest === undefined || ORDER.indexOf(level) > ORDER.indexOf(strictest))
    )
      strictest = level;
  }
  return strictest;
}

function tagNames(tags: unknown): string[] {
  return list(tags)
    .map((t) => text(record(t)?.name)?.trim().toLowerCase())
    .filter((n): n is string => n !== undefined && n !== '' && n.length <= 256);
}

/** MISP timestamps are epoch seconds, as a string or number. */
function isoFromMisp(value: unknown): string | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isInteger(n) || n <= 0 || n > 32_503_680_000) return undefined;
  return new Date(n * 1000).toISOString();
}

function isoFromDate(value: unknown): string | undefined {
  const s = text(value);
  if (s === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
