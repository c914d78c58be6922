/**
 * The one authorization decision every module uses: may this principal use this
 * capability, on this resource? Pure and allocation-free on the hot path.
 */

/** Who is asking: resolved by the access service from a session or an API key. */
export type Principal =
  | {
      readonly kind: 'anonymous';
      readonly tier: number;
      readonly capabilities: ReadonlySet<string>;
    }
  | {
      readonly kind: 'user';
      readonly userId: string;
      readonly tier: number;
      readonly capabilities: ReadonlySet<string>;
      /** Organizations the user belongs to, with the role in each. */
      readonly orgs: ReadonlyMap<string, OrgRole>;
      /** How the request was authenticated. */
      readonly via: 'session' | 'key';
      readonly keyId?: string;
    }
  | {
      readonly kind: 'org';
      readonly orgId: string;
      readonly tier: number;
      readonly capabilities: ReadonlySet<string>;
      readonly via: 'key';
      readonly keyId: string;
    };

export const ORG_ROLES = ['owner', 'admin', 'analyst', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** What a capability is used on, when it belongs to someone. */
export interface Resource {
  /** The organization that owns it. */
  readonly orgId?: string;
  /** The user that owns it. */
  readonly userId?: string;
  /** For org resources: the lowest role that may act on it (default `member`). */
  readonly minRole?: OrgRole;
}

export type Decision =
  | { readonly allowed: true }
  | {
      readonly allowed: false;
      /**
       * `capability`: the tier (or key scope) does not include it → 403.
       * `not_owner`: the resource belongs to someone else → answer 404, so nothing is revealed.
       * `role`: a member, but the role is too low → 403.
       */
      readonly reason: 'capability' | 'not_owner' | 'role';
    };

const ALLOWED: Decision = { allowed: true };
const NO_CAPABILITY: Decision = { allowed: false, reason: 'capability' };
const NOT_OWNER: Decision = { allowed: false, reason: 'not_owner' };
const LOW_ROLE: Decision = { allowed: false, reason: 'role' };

/**
 * Decide. A capability set may hold exact names and `area.*` wildcards.
 *
 * @example
 * const d = can(principal, 'intel.write', { orgId: collection.orgId, minRole: 'analyst' });
 * if (!d.allowed) throw d.reason === 'not_owner' ? notFound() : forbidden();
 */
export function can(principal: Principal, capability: string, resource?: Resource): Decision {
  if (!hasCapability(principal.capabilities, capability)) return NO_CAPABILITY;
  if (resource === undefined) return ALLOWED;
  if (resource.userId !== undefined && resource.orgId === undefined)
    return principal.kind === 'user' && principal.userId === resource.userId ? ALLOWED : NOT_OWNER;
  if (resource.orgId !== undefined) {
    if (principal.kind === 'org') return principal.orgId === resource.orgId ? ALLOWED : NOT_OWNER;
    if (principal.kind !== 'user') return NOT_OWNER;
    const role = principal.orgs.get(resource.orgId);
    if (role === undefined) return NOT_OWNER;
    return roleAtLeast(role, resource.minRole ?? 'member') ? ALLOWED : LOW_ROLE;
  }
  return ALLOWED;
}

/** `have` is at least as strong as `need` (owner > admin > analyst > member). */
export function roleAtLeast(have: OrgRole, need: OrgRole): boolean {
  return ORG_ROLES.indexOf(have) <= ORG_ROLES.indexOf(need);
}

/** Exact match, or an `area.*` entry covering `capability` (`intel.*` covers `intel.read:red`). */
export function hasCapability(set: ReadonlySet<string>, capability: string): boolean {
  if (set.has(capability)) return true;
  if (set.size === 0) return false;
  // Walk the dotted prefixes: `a.b.c:x` → `a.b.*`, `a.*`.
  let end = capability.length;
  const colon = capability.indexOf(':');
  if (colon >= 0) end = colon;
  for (
    let i = capability.lastIndexOf('.', end - 1);
    i > 0;
    i = capability.lastIndexOf('.', i - 1)
  ) {
    if (set.has(`${capability.slice(0, i)}.*`)) return true;
  }
  return false;
}

/**
 * Narrow a tier's capabilities to a key's scope: a key never has more than its
 * owner's tier, whatever it was created with.
 */
export function scopeCapabilities(
  tierCapabilities: ReadonlySet<string>,
  keyScope: readonly string[] | null,
): ReadonlySet<string> {
  if (keyScope === null) return tierCapabilities;
  const out = new Set<string>();
  for (const c of keyScope) {
    if (c.endsWith('.*')) {
      const area = c.slice(0, -1); // keep the dot: `intel.`
      for (const t of tierCapabilities) if (t.startsWith(area)) out.add(t);
      if (tierCapabilities.has(c)) out.add(c);
    } else if (hasCapability(tierCapabilities, c)) out.add(c);
  }
  return out;
}
