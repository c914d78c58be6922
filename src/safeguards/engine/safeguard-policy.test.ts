import { describe, expect, it } from 'vitest';
import { DEFAULT_SAFEGUARD_POLICY, decide, validateSafeguardPolicy } from './safeguard-policy.js';

const base = {
  risk: 0.7,
  topCategory: 'exploitation' as const,
  role: 'prompt' as const,
  codeShaped: false,
};

describe('per-tier policy', () => {
  it('the default policy is valid', () => {
    expect(validateSafeguardPolicy(DEFAULT_SAFEGUARD_POLICY)).toBeNull();
  });

  it('rejects unordered thresholds, unknown categories and missing tiers', () => {
    const tiers = DEFAULT_SAFEGUARD_POLICY.tiers;
    expect(validateSafeguardPolicy({ tiers: tiers.slice(0, 4) })).toMatch(/five tiers/);
    const bad = { ...tiers[0], default: { monitor: 0.9, friction: 0.5, block: 0.95 } };
    expect(validateSafeguardPolicy({ tiers: [bad, ...tiers.slice(1)] })).toMatch(
      /monitor <= friction/,
    );
    const unknown = { ...tiers[0], categories: { cooking: { monitor: 0, friction: 0, block: 0 } } };
    expect(validateSafeguardPolicy({ tiers: [unknown, ...tiers.slice(1)] })).toMatch(
      /unknown category/,
    );
  });

  it('exploit development gets friction at tier 0 and is only monitored at tier 3', () => {
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: 0 })).toBe('friction');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: 3 })).toBe('monitor');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: 0, risk: 0.95 })).toBe('block');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: 0, risk: 0.1 })).toBe('allow');
  });

  it('blocks malicious code in a response to a low tier, not to a tier allowed the category', () => {
    const response = {
      ...base,
      topCategory: 'malware_ransomware' as const,
      role: 'response' as const,
      codeShaped: true,
      risk: 0.6,
    };
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...response, tier: 0 })).toBe('block');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...response, tier: 4 })).not.toBe('block');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...response, codeShaped: false, tier: 0 })).toBe(
      'friction',
    );
  });

  it('clamps tiers outside 0..4', () => {
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: -3 })).toBe('friction');
    expect(decide(DEFAULT_SAFEGUARD_POLICY, { ...base, tier: 99 })).toBe('monitor');
  });
});
