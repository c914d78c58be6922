/**
 * Who may read what in the exchange: the one decision every read path (TAXII
 * objects, one object, versions, manifest, REST, the live stream, exports and
 * federation) asks before an object leaves the server. Pure: the caller turns
 * its principal into a `Viewer` and the store's rows into `Marked` objects.
 * The rules are written out for people in docs/intel-sharing.md.
 */
import { TLP_LEVELS, type TlpLevel } from '../stix/tlp.js';

/** The capability a tier needs to read each TLP level (as the tier policy names them). */
export const TLP_CAPABILITY: Readonly<Record<TlpLevel, string>> = {
  clear: 'intel.read:clear',
  green: 'intel.read:green',
  amber: 'intel.read:amber',
  'amber+strict': 'intel.read:amber-strict',
  red: 'intel.read:red',
};

/** The reader, as far as sharing is concerned. */
export interface Viewer {
  /** Trust tier level (0 for anonymous callers). */
  readonly tier: number;
  /** The tier's (or key scope's) capabilities, as the access module decides them. */
  readonly has: (capability: string) => boolean;
  /** Organizations the reader speaks for: its memberships, or the organization of its API key. */
  readonly orgs: ReadonlySet<string>;
  /** Of those, the ones in which it may add intelligence (role analyst or higher, or the org's own key). */
  readonly writerOrgs: ReadonlySet<string>;
}

/** A collection's access rules, with its sharing groups resolved to organizations. */
export interface CollectionPolicy {
  /** The organization that owns it, or null for a collection of the whole server. */
  readonly ownerOrg: string | null;
  /** What a reader needs: a capability (`intel.read:green`) or a minimum tier (`tier:2`). */
  readonly readCapability: string;
  /** What a writer needs, likewise (`intel.write`). */
  readonly writeCapability: string;
  /** True when sharing groups are attached (even empty ones): then only their members and the owner get in. */
  readonly hasGroups: boolean;
  /** Organizations in the attached groups that may read. */
  readonly readOrgs: ReadonlySet<string>;
  /** Organizations in the attached groups that may also write. */
  readonly writeOrgs: ReadonlySet<string>;
}

/** What the rules need to know about one stored object version. */
export interface Marked {
  /** Strictest TLP of its markings, or null when it has none. */
  readonly tlp: string | null;
  /** The organization that shared it, when known. */
  readonly sourceOrg: string | null;
  /** For TLP:RED: the organizations it names as recipients. */
  readonly recipients: readonly string[];
}

/** A viewer that is nobody in particular: an anonymous caller's rights. */
export function anonymousViewer(capabilities: ReadonlySet<string>): Viewer {
  return { tier: 0, has: (c) => capabilities.has(c), orgs: new Set(), writerOrgs: new Set() };
}

/** A collection with no owner and no sharing groups is open to every tier that meets its capability. */
export function isRestricted(c: CollectionPolicy): boolean {
  return c.ownerOrg !== null || c.hasGroups;
}

/** `tier:N` is a minimum tier; anything else is a capability name. */
export function meets(v: Viewer, requirement: string): boolean {
  const m = /^tier:([0-9]{1,2})$/.exec(requirement);
  return m === null ? v.has(requirement) : v.tier >= Number(m[1]);
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** May the viewer list and read this collection at all (before TLP)? */
export function mayReadCollection(v: Viewer, c: CollectionPolicy): boolean {
  if (!meets(v, c.readCapability)) return false;
  if (!isRestricted(c)) return true;
  if (c.ownerOrg !== null && v.orgs.has(c.ownerOrg)) return true;
  return overlaps(v.orgs, c.readOrgs) || overlaps(v.orgs, c.writeOrgs);
}

/** May the viewer add objects to this collection? */
export function mayWriteCollection(v: Viewer, c: CollectionPolicy): boolean {
  if (!meets(v, c.writeCapability)) return false;
  if (!isRestricted(c)) return true;
  if (c.ownerOrg !== null && v.writerOrgs.has(c.ownerOrg)) return true;
  return overlaps(v.writerOrgs, c.writeOrgs);
}

/** The organizations an AMBER object in this collection is shared with. */
function amberAudience(c: CollectionPolicy, o: Marked, org: string): boolean {
  return org === o.sourceOrg || org === c.ownerOrg || c.readOrgs.has(org) || c.writeOrgs.has(org);
}

/**
 * The one decision: may this viewer see this object version of this collection?
 *
 * - the collection's ACL first (`mayReadCollection`);
 * - the organization that shared an object may always read it back;
 * - unmarked and TLP:CLEAR: every reader of the collection;
 * - GREEN: readers whose tier has `intel.read:green` (the community);
 * - AMBER: `intel.read:amber` and an organization in the audience: the owner of
 *   the collection and the members of its sharing groups;
 * - AMBER+STRICT: only the sharing organization (or, when none is recorded, the
 *   collection's owner, with `intel.read:amber-strict`);
 * - RED: only organizations the object names as recipients, with `intel.read:red`;
 * - an unknown level is treated as RED.
 */
export function mayRead(v: Viewer, c: CollectionPolicy, o: Marked): boolean {
  if (!mayReadCollection(v, c)) return false;
  if (o.sourceOrg !== null && v.orgs.has(o.sourceOrg)) return true;
  const level = o.tlp === null ? 'clear' : tlpLevel(o.tlp);
  switch (level) {
    case 'clear':
      return true;
    case 'green':
      return v.has(TLP_CAPABILITY.green);
    case 'amber':
      if (!v.has(TLP_CAPABILITY.amber)) return false;
      for (const org of v.orgs) if (amberAudience(c, o, org)) return true;
      return false;
    case 'amber+strict':
      return (
        o.sourceOrg === null &&
        c.ownerOrg !== null &&
        v.orgs.has(c.ownerOrg) &&
        v.has(TLP_CAPABILITY['amber+strict'])
      );
    default:
      if (!v.has(TLP_CAPABILITY.red)) return false;
      return o.recipients.some((r) => v.orgs.has(r));
  }
}

function tlpLevel(s: string): TlpLevel | 'unknown' {
  return (TLP_LEVELS as readonly string[]).includes(s) ? (s as TlpLevel) : 'unknown';
}

/** Largest number of recipient organizations a TLP:RED object may name. */
export const MAX_RECIPIENTS = 100;
/** The custom property naming a TLP:RED object's recipient organizations (Shieldwall organization ids). */
export const RECIPIENTS_PROPERTY = 'x_shieldwall_recipient_orgs';

/** The recipient organizations an object names, bounded; anything malformed names no one. */
export function recipientsOf(object: { readonly [k: string]: unknown }): string[] {
  const r = object[RECIPIENTS_PROPERTY];
  if (!Array.isArray(r) || r.length > MAX_RECIPIENTS) return [];
  return r.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length <= 100);
}
