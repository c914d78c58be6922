/**
 * Who may do what in the registry, as pure decisions over the caller and the rows
 * (the tier capability itself is checked first by the access gate):
 *
 * - an API key reaches only the environment it is bound to; an unbound key none;
 * - an artifact is visible to members of its organization and to active grantees
 *   (another organization, a user, or one API key); to everyone else it does not exist;
 * - a visible artifact is still refused below its minimum tier.
 *
 * Refusals for artifacts the caller cannot see are `not_found`, so nothing about them leaks.
 */
import type { Principal } from '../../access/index.js';
import type { Environment, RegistryArtifactRow, RegistryGrantRow } from './registry-tables.js';

/** Who is calling, as the registry sees it. */
export interface Caller {
  readonly principal: Principal;
  /** Audit actor: `user:<id>` or `key:<id>` (an organization's key). */
  readonly actor: string;
  /** Insider-signal account: the person, or the organization key. */
  readonly account: string;
  /** The API key used, or null for a signed-in session. */
  readonly keyId: string | null;
  /** The environment the key is bound to; null for sessions or unbound keys. */
  readonly keyEnvironment: Environment | null;
  /** IPv4 /24 or IPv6 /48 the request came from, when known. */
  readonly network: string | null;
  readonly requestId?: string;
}

export type Refusal =
  | 'environment_unbound'
  | 'environment_mismatch'
  | 'not_visible'
  | 'tier_too_low';

/** Callers that are people or keys (anonymous callers never reach the registry). */
export function accountOf(p: Principal): { actor: string; account: string; keyId: string | null } {
  if (p.kind === 'org')
    return { actor: `key:${p.keyId}`, account: `key:${p.keyId}`, keyId: p.keyId };
  if (p.kind === 'user')
    return {
      actor: p.via === 'key' && p.keyId !== undefined ? `key:${p.keyId}` : `user:${p.userId}`,
      account: `user:${p.userId}`,
      keyId: p.via === 'key' ? (p.keyId ?? null) : null,
    };
  return { actor: 'anonymous', account: 'anonymous', keyId: null };
}

/** May this caller work in `environment` at all? */
export function environmentRefusal(caller: Caller, environment: string): Refusal | null {
  if (caller.keyId === null) return null;
  if (caller.keyEnvironment === null) return 'environment_unbound';
  return caller.keyEnvironment === environment ? null : 'environment_mismatch';
}

/** The organizations whose artifacts the caller sees as a member. */
export function memberOrgs(p: Principal): string[] {
  if (p.kind === 'org') return [p.orgId];
  if (p.kind === 'user') return [...p.orgs.keys()];
  return [];
}

/** True when one of the grants (active ones only) names the caller. */
export function granted(caller: Caller, grants: readonly RegistryGrantRow[]): boolean {
  const p = caller.principal;
  const orgs = new Set(memberOrgs(p));
  return grants.some(
    (g) =>
      g.revoked_at === null &&
      ((g.grantee_type === 'org' && orgs.has(g.grantee_id)) ||
        (g.grantee_type === 'user' && p.kind === 'user' && p.userId === g.grantee_id) ||
        (g.grantee_type === 'key' && caller.keyId === g.grantee_id)),
  );
}

/** Why the caller may not read the artifact, or null when it may. */
export function readRefusal(
  caller: Caller,
  artifact: RegistryArtifactRow,
  grants: readonly RegistryGrantRow[],
): Refusal | null {
  const visible = memberOrgs(caller.principal).includes(artifact.org_id) || granted(caller, grants);
  if (!visible) return 'not_visible';
  const env = environmentRefusal(caller, artifact.environment);
  // A key for another environment is told nothing about this one.
  if (env === 'environment_mismatch') return 'not_visible';
  if (env !== null) return env;
  return caller.principal.tier >= Number(artifact.min_tier) ? null : 'tier_too_low';
}

/** `org:<id>`, `user:<id>` or `key:<id>`; undefined for anything else. */
export function parseGrantee(
  text: string,
): { type: 'org' | 'user' | 'key'; id: string } | undefined {
  const m = /^(org|user|key):([A-Za-z0-9_.@-]{1,128})$/.exec(text);
  if (m === null) return undefined;
  return { type: m[1] as 'org' | 'user' | 'key', id: m[2] as string };
}
