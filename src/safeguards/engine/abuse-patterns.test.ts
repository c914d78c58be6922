import { describe, expect, it } from 'vitest';
import { type AbusePatternHit, abuseFloor, enrichWithAbusePatterns } from './abuse-patterns.js';
import { DEFAULT_SAFEGUARD_POLICY } from './safeguard-policy.js';
import type { Classification } from './types.js';

describe('enrichWithAbusePatterns (issue 6)', () => {
  const base = (
    risk: number,
    defensive: number,
    decision: Classification['decision'] = 'allow',
  ): Classification => ({
    decision,
    risk,
    categories: [{ id: 'exploitation', score: risk }],
    reasons: [{ code: 'cue.build', message: 'Asks for code.', evidence: 'write' }],
    defensive,
  });
  const hit = (action: AbusePatternHit['action'], confidence = 0.6): AbusePatternHit => ({
    id: 'attack-pattern--6f5d7a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    name: 'Jailbreak asking for a working exploit by role-play',
    action,
    source: 'shared threat intelligence',
    confidence,
  });
  const opts = (tier: number) => ({
    tier,
    role: 'prompt' as const,
    policy: DEFAULT_SAFEGUARD_POLICY,
  });

  it('changes nothing without a hit', () => {
    const c = base(0.1, 0);
    expect(enrichWithAbusePatterns(c, [], opts(0))).toBe(c);
  });

  it('floors the decision by the action: flag → monitor, friction and block → friction', () => {
    expect(abuseFloor('flag')).toBe('monitor');
    expect(abuseFloor('friction')).toBe('friction');
    expect(abuseFloor('block')).toBe('friction');
    // Tier 4, a fully defensive reading: the risk hardly moves, the floor still applies.
    const calm = base(0.01, 1);
    expect(enrichWithAbusePatterns(calm, [hit('flag')], opts(4)).decision).toBe('monitor');
    expect(enrichWithAbusePatterns(calm, [hit('friction')], opts(4)).decision).toBe('friction');
    expect(enrichWithAbusePatterns(calm, [hit('block')], opts(4)).decision).toBe('friction');
  });

  it('raises risk like an intel hit and cites the attack-pattern first', () => {
    const r = enrichWithAbusePatterns(base(0.2, 0.1), [hit('flag', 0.9)], opts(0));
    expect(r.risk).toBeCloseTo(0.2 + 0.8 * 0.7 * 0.9 * 0.9, 6);
    expect(r.reasons[0]).toMatchObject({
      code: 'intel.abuse_pattern',
      evidence: 'attack-pattern--6f5d7a4e-1b2c-4d3e-8f9a-0b1c2d3e4f5a',
    });
    expect(r.reasons[0]?.message).toContain('Jailbreak asking for a working exploit by role-play');
    expect(r.reasons.map((x) => x.code)).toContain('cue.build');
  });

  it('never blocks on its own, even when the risk it adds passes the block threshold', () => {
    const r = enrichWithAbusePatterns(base(0.6, 0, 'friction'), [hit('block', 1)], opts(0));
    expect(r.risk).toBeGreaterThan(DEFAULT_SAFEGUARD_POLICY.tiers[0]?.default.block ?? 1);
    expect(r.decision).toBe('friction');
  });

  it('keeps a block the local model decided', () => {
    const r = enrichWithAbusePatterns(base(0.95, 0, 'block'), [hit('flag')], opts(0));
    expect(r.decision).toBe('block');
  });
});
