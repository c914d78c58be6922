/**
 * Organizations through the access module's directory and tier policy: names
 * and ids resolved for sharing groups and collection owners, and the
 * principals an operator's export reads as. The access services are created on
 * first use and closed with `close()`.
 */
import { type Access, accessServices, type Principal } from '../access/index.js';
import type { Platform } from '../platform/compose.js';
import type { ResolveOrg } from './sharing-groups.js';

export function orgResolver(platform: Platform): {
  readonly resolveOrg: ResolveOrg;
  /** The principal of an organization's API key (its tier's capabilities), or undefined. */
  orgPrincipal(nameOrId: string): Promise<Principal | undefined>;
  /** A caller without an account or key. */
  anonymous(): Promise<Principal>;
  close(): Promise<void>;
} {
  let access: Promise<Access> | undefined;
  const services = () => {
    access ??= accessServices(platform);
    return access;
  };
  const org = async (nameOrId: string) => {
    try {
      return await (await services()).directory.getOrg(nameOrId);
    } catch (err) {
      if ((err as { code?: unknown }).code === 'not_found') return undefined;
      throw err;
    }
  };
  return {
    resolveOrg: async (nameOrId) => (await org(nameOrId))?.id,
    async orgPrincipal(nameOrId) {
      const o = await org(nameOrId);
      if (o === undefined) return undefined;
      const policy = (await services()).policy();
      const tier = policy.tiers[Math.max(0, Math.min(o.tier, policy.tiers.length - 1))];
      return {
        kind: 'org',
        orgId: o.id,
        tier: tier?.level ?? 0,
        capabilities: tier?.capabilities ?? new Set(),
        via: 'key',
        keyId: 'cli-export',
      };
    },
    async anonymous() {
      return { kind: 'anonymous', tier: 0, capabilities: (await services()).policy().anonymous };
    },
    async close() {
      if (access !== undefined) await (await access).close();
    },
  };
}
