import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DEFAULT_TIERS_YAML } from './default-tiers.js';
import { parsePolicy, securityMeets, tierAt } from './policy.js';

const base = () =>
  YAML.parse(DEFAULT_TIERS_YAML) as { tiers: Record<string, unknown>[]; [k: string]: unknown };

describe('tier policy', () => {
  it('the built-in policy is valid and cumulative', () => {
    const r = parsePolicy(base());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { tiers } = r.policy;
    expect(tiers.map((t) => t.level)).toEqual([0, 1, 2, 3, 4]);
    expect(tiers[0]?.capabilities.has('scam.check')).toBe(true);
    expect(tiers[0]?.capabilities.has('intel.read:green')).toBe(false);
    // Higher tiers keep what lower ones have.
    expect(tiers[4]?.capabilities.has('scam.check')).toBe(true);
    expect(tiers[3]?.capabilities.has('ai.cyber.exploit-dev')).toBe(true);
    expect(tiers[2]?.capabilities.has('ai.cyber.exploit-dev')).toBe(false);
    expect(r.policy.staff.get('verifier')?.has('access.review')).toBe(true);
  });

  it('reports every problem with its path', () => {
    const doc = base();
    doc.tiers[1] = { ...doc.tiers[1], security: 'sms', capabilities: ['Bad Name'], colour: 'red' };
    doc.extra = 1;
    const r = parsePolicy(doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/extra',
        '/tiers/1/security',
        '/tiers/1/capabilities/0',
        '/tiers/1/colour',
      ]),
    );
  });

  it('refuses gaps in levels, repeated ids and weaker security above', () => {
    const gap = base();
    gap.tiers.splice(2, 1);
    expect(parsePolicy(gap).ok).toBe(false);
    const dup = base();
    (dup.tiers[2] as { id: string }).id = 'public';
    expect(parsePolicy(dup).ok).toBe(false);
    const weak = base();
    (weak.tiers[3] as { security: string }).security = 'password';
    const r = parsePolicy(weak);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.message).toContain('weaker account security');
  });

  it('inherit: false starts a tier from nothing', () => {
    const doc = base();
    (doc.tiers[1] as { inherit: boolean }).inherit = false;
    const r = parsePolicy(doc);
    if (!r.ok) throw new Error('invalid');
    expect(r.policy.tiers[1]?.capabilities.has('scam.check')).toBe(false);
    // …and higher tiers inherit from tier 1's effective set.
    expect(r.policy.tiers[2]?.capabilities.has('scam.check')).toBe(false);
  });

  it('refuses non-mappings and out-of-range numbers', () => {
    expect(parsePolicy(null).ok).toBe(false);
    expect(parsePolicy([]).ok).toBe(false);
    const doc = base();
    (doc.tiers[0] as { rate_limits: unknown }).rate_limits = {
      requests_per_minute: -1,
      tokens_per_day: 0,
    };
    expect(parsePolicy(doc).ok).toBe(false);
  });

  it('tierAt clamps and securityMeets orders levels', () => {
    const r = parsePolicy(base());
    if (!r.ok) throw new Error('invalid');
    expect(tierAt(r.policy, 99).level).toBe(4);
    expect(tierAt(r.policy, -1).level).toBe(0);
    expect(securityMeets('phishing_resistant', 'mfa')).toBe(true);
    expect(securityMeets('password', 'mfa')).toBe(false);
  });
});

describe('anonymous capabilities', () => {
  it('default to the listed ones, never more than tier 0', () => {
    const r = parsePolicy(base());
    if (!r.ok) throw new Error('invalid');
    expect([...r.policy.anonymous].sort()).toEqual([
      'intel.read:clear',
      'scam.check',
      'scam.report',
    ]);
    expect(r.policy.anonymous.has('account.manage')).toBe(false);
    const more = base();
    more.anonymous = ['scam.check', 'intel.write'];
    const refused = parsePolicy(more);
    expect(refused.ok).toBe(false);
    const none = base();
    delete none.anonymous;
    const dflt = parsePolicy(none);
    if (!dflt.ok) throw new Error('invalid');
    expect(dflt.policy.anonymous).toEqual(dflt.policy.tiers[0]?.capabilities);
  });
});

describe('gateway tokens per minute', () => {
  it('come from tokens_per_minute, or a day spread over eight hours when absent', () => {
    const r = parsePolicy(base());
    if (!r.ok) throw new Error('invalid');
    expect(r.policy.tiers.map((t) => t.rateLimits.tokensPerMinute)).toEqual([
      0, 20_000, 100_000, 400_000, 1_000_000,
    ]);
    const doc = base();
    doc.tiers[1] = {
      ...doc.tiers[1],
      rate_limits: { requests_per_minute: 10, tokens_per_day: 48_000 },
    };
    doc.tiers[2] = {
      ...doc.tiers[2],
      rate_limits: { requests_per_minute: 10, tokens_per_day: 1, tokens_per_minute: -1 },
    };
    const bad = parsePolicy(doc);
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual([
      '/tiers/2/rate_limits/tokens_per_minute',
    ]);
    doc.tiers[2] = {
      ...doc.tiers[2],
      rate_limits: { requests_per_minute: 10, tokens_per_day: 1 },
    };
    const ok = parsePolicy(doc);
    if (!ok.ok) throw new Error(JSON.stringify(ok.problems));
    expect(ok.policy.tiers[1]?.rateLimits.tokensPerMinute).toBe(100);
    expect(ok.policy.tiers[2]?.rateLimits.tokensPerMinute).toBe(1);
  });
});
