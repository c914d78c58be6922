import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, hasCapability, type Principal, scopeCapabilities } from './can.js';

const user = (
  caps: string[],
  orgs: [string, 'owner' | 'admin' | 'analyst' | 'member'][] = [],
): Principal => ({
  kind: 'user',
  userId: 'u1',
  tier: 1,
  capabilities: new Set(caps),
  orgs: new Map(orgs),
  via: 'session',
});

describe('can', () => {
  it('needs the capability', () => {
    expect(can(user(['scam.check']), 'scam.check')).toEqual({ allowed: true });
    expect(can(user(['scam.check']), 'intel.write')).toEqual({
      allowed: false,
      reason: 'capability',
    });
  });

  it('wildcards cover an area and its qualifiers, not a neighbour', () => {
    const caps = new Set(['intel.*', 'ai.cyber.*']);
    expect(hasCapability(caps, 'intel.read:red')).toBe(true);
    expect(hasCapability(caps, 'intel.write')).toBe(true);
    expect(hasCapability(caps, 'ai.cyber.exploit-dev')).toBe(true);
    expect(hasCapability(caps, 'ai.chat')).toBe(false);
    expect(hasCapability(caps, 'intelligence.read')).toBe(false);
  });

  it('org resources: someone else’s is not_owner (404), a low role is role (403)', () => {
    const p = user(['intel.write'], [['org-a', 'analyst']]);
    expect(can(p, 'intel.write', { orgId: 'org-a' }).allowed).toBe(true);
    expect(can(p, 'intel.write', { orgId: 'org-b' })).toEqual({
      allowed: false,
      reason: 'not_owner',
    });
    expect(can(p, 'intel.write', { orgId: 'org-a', minRole: 'admin' })).toEqual({
      allowed: false,
      reason: 'role',
    });
    const org: Principal = {
      kind: 'org',
      orgId: 'org-a',
      tier: 2,
      capabilities: new Set(['intel.write']),
      via: 'key',
      keyId: 'k',
    };
    expect(can(org, 'intel.write', { orgId: 'org-a' }).allowed).toBe(true);
    expect(can(org, 'intel.write', { orgId: 'org-b' }).allowed).toBe(false);
    expect(can(org, 'intel.write', { userId: 'u1' }).allowed).toBe(false);
  });

  it('a key scope never adds to the tier', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a.x', 'a.y', 'b.x', 'b.y:z', 'c.q'), { maxLength: 5 }),
        fc.uniqueArray(fc.constantFrom('a.x', 'a.*', 'b.*', 'b.y:z', 'c.q', 'd.*'), {
          maxLength: 6,
        }),
        fc.constantFrom('a.x', 'a.y', 'b.x', 'b.y:z', 'c.q', 'd.e'),
        (tier, scope, wanted) => {
          const scoped = scopeCapabilities(new Set(tier), scope);
          if (hasCapability(scoped, wanted))
            expect(hasCapability(new Set(tier), wanted)).toBe(true);
        },
      ),
    );
  });
});
