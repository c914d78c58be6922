import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Lever,
  NO_LEVERS,
  parseLeverDuration,
  parseTarget,
  targetsOf,
  verdictFor,
} from './lever-rules.js';

const T0 = Date.UTC(2026, 11, 6, 2, 0, 0);

function lever(patch: Partial<Lever> & Pick<Lever, 'kind' | 'target'>): Lever {
  return {
    id: `l-${Math.random()}`,
    tier: null,
    mode: null,
    reason: 'test',
    actor: 'cli:test',
    createdAt: T0,
    expiresAt: null,
    liftedAt: null,
    liftedBy: null,
    liftReason: null,
    automatic: false,
    evidence: [],
    ...patch,
  };
}

function index(levers: Lever[]): Map<string, Lever[]> {
  const m = new Map<string, Lever[]>();
  for (const l of levers) m.set(l.target, [...(m.get(l.target) ?? []), l]);
  return m;
}

const orgCall = { orgId: 'o1', keyId: 'k1', userId: null, endUser: 'u-42' };

describe('parseTarget', () => {
  it('reads the four target kinds', () => {
    expect(parseTarget('org:Acme Water')).toEqual({ type: 'org', id: 'Acme Water' });
    expect(parseTarget('key:sw_abc123')).toEqual({ type: 'key', id: 'sw_abc123' });
    expect(parseTarget('user:7f1c')).toEqual({ type: 'user', id: '7f1c' });
    expect(parseTarget('enduser:acme/u-42')).toEqual({ type: 'enduser', org: 'acme', id: 'u-42' });
  });

  it('refuses what is not a target', () => {
    for (const t of [
      'acme',
      'team:x',
      'key:',
      'key:a b',
      'enduser:acme',
      'enduser:/u',
      'org:',
      'org:a\nb',
    ])
      expect(parseTarget(t), t).toBeUndefined();
  });

  it('never throws and bounds what it accepts, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (s) => {
        const t = parseTarget(s);
        if (t !== undefined) expect(s.length).toBeLessThanOrEqual(400);
      }),
    );
  });
});

describe('verdictFor', () => {
  it('has no effect without levers on the call’s targets', () => {
    expect(verdictFor(new Map(), orgCall, T0)).toBe(NO_LEVERS);
    expect(verdictFor(index([lever({ kind: 'revoke', target: 'org:o2' })]), orgCall, T0)).toBe(
      NO_LEVERS,
    );
  });

  it('lists the org, key and end-user targets of a call', () => {
    expect(targetsOf(orgCall)).toEqual(['org:o1', 'key:k1', 'enduser:o1/u-42']);
    expect(targetsOf({ orgId: null, keyId: null, userId: 'u1', endUser: 'x' })).toEqual([
      'user:u1',
      'enduser:u1/x',
    ]);
  });

  it('combines levers: revoke wins, the lowest restrict tier, friction divides limits', () => {
    const v = verdictFor(
      index([
        lever({ kind: 'restrict', target: 'org:o1', tier: 2 }),
        lever({ kind: 'restrict', target: 'key:k1', tier: 1 }),
        lever({ kind: 'friction', target: 'org:o1', mode: 'limits' }),
      ]),
      orgCall,
      T0,
    );
    expect(v.revoked).toBeNull();
    expect(v.maxTier).toBe(1);
    expect(v.limitDivisor).toBe(10);
    expect(v.levers).toHaveLength(3);
    const r = verdictFor(
      index([lever({ kind: 'revoke', target: 'enduser:o1/u-42' })]),
      orgCall,
      T0,
    );
    expect(r.revoked?.target).toBe('enduser:o1/u-42');
    // The same key's other end users are not touched.
    expect(
      verdictFor(
        index([lever({ kind: 'revoke', target: 'enduser:o1/u-42' })]),
        { ...orgCall, endUser: 'u-7' },
        T0,
      ),
    ).toBe(NO_LEVERS);
  });

  it('ignores lifted and expired levers', () => {
    const levers = index([
      lever({ kind: 'revoke', target: 'org:o1', expiresAt: T0 + 1000 }),
      lever({
        kind: 'friction',
        target: 'org:o1',
        mode: 'step-up',
        liftedAt: T0 - 1,
        liftedBy: 'x',
        liftReason: 'x',
      }),
    ]);
    expect(verdictFor(levers, orgCall, T0).revoked).not.toBeNull();
    expect(verdictFor(levers, orgCall, T0).stepUp).toBeNull();
    expect(verdictFor(levers, orgCall, T0 + 1000)).toBe(NO_LEVERS);
  });
});

describe('parseLeverDuration', () => {
  it('reads durations up to a year', () => {
    expect(parseLeverDuration('90s')).toBe(90_000);
    expect(parseLeverDuration('24h')).toBe(86_400_000);
    expect(parseLeverDuration('7d')).toBe(7 * 86_400_000);
    for (const bad of ['0h', '400d', '1y', '', 'h', '-1d'])
      expect(parseLeverDuration(bad), bad).toBeUndefined();
  });
});
