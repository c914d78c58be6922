import { describe, expect, it } from 'vitest';
import {
  CVE_WEIGHT,
  enrichWithIntel,
  extractIntelIndicators,
  INTEL_WEIGHT,
  type IntelHit,
} from './intel-indicators.js';
import { DEFAULT_SAFEGUARD_POLICY } from './safeguard-policy.js';
import type { Classification } from './types.js';

describe('extractIntelIndicators', () => {
  it('reads addresses, domains, IPs, e-mail, hashes and CVE identifiers, defanged or not', () => {
    const found = extractIntelIndicators(
      'The loader beacons to hxxps://C2[.]Evil-Example.net:8443/gate?id=Ab1 every minute, ' +
        'falls back to 203.0.113.9:53 and mails loot[@]drop.example.org. Sample ' +
        '44D88612FEA8A8F36DE82E1278ABB02F, exploit for cve-2024-3400; see (update.bad-cdn.example).',
    );
    expect(found).toEqual([
      // The port is dropped: the matcher knows addresses by host and path.
      { type: 'url', value: 'https://c2.evil-example.net/gate?id=Ab1' },
      { type: 'domain', value: 'c2.evil-example.net' },
      { type: 'ip', value: '203.0.113.9' },
      { type: 'email', value: 'loot@drop.example.org' },
      { type: 'domain', value: 'drop.example.org' },
      { type: 'hash', value: '44d88612fea8a8f36de82e1278abb02f' },
      { type: 'cve', value: 'CVE-2024-3400' },
      { type: 'domain', value: 'update.bad-cdn.example' },
    ]);
  });

  it('reads CVE identifiers in any case and at the end of a sentence, and nothing CVE-like', () => {
    expect(
      extractIntelIndicators(
        'Patch CVE-2021-44228. Then cve-2023-4966, (CVE-2024-21762) and CVE-2024-123456: done. ' +
          'Not CVE-24-1234, CVE-2024-123, CVE-2024-12345678, xCVE-2024-3400 or CVE-2024-3400x.',
      ),
    ).toEqual([
      { type: 'cve', value: 'CVE-2021-44228' },
      { type: 'cve', value: 'CVE-2023-4966' },
      { type: 'cve', value: 'CVE-2024-21762' },
      { type: 'cve', value: 'CVE-2024-123456' },
    ]);
  });

  it('leaves out words, version numbers, abbreviations and bad addresses', () => {
    expect(
      extractIntelIndicators(
        'Write, e.g., a v1.2.3 parser for 999.1.1.1 and 10.0.0 — the docs at https:// say so. ' +
          'deadbeef is not a hash; neither is 44d88612fea8a8f36de82e1278abb02 (31 digits).',
      ),
    ).toEqual([]);
  });

  it('keeps each indicator once and at most 64, and reads only the first 64 KB', () => {
    const many = Array.from({ length: 200 }, (_, i) => `host${i}.example.com host${i}.example.com`);
    const found = extractIntelIndicators(many.join(' '));
    expect(found).toHaveLength(64);
    expect(new Set(found.map((f) => f.value)).size).toBe(64);
    const late = `${'word '.repeat(20_000)} late.example.com`;
    expect(extractIntelIndicators(late)).toEqual([]);
  });

  it('scans a megabyte of hostile text quickly (one pass, no backtracking)', () => {
    const hostile = `${'a.'.repeat(300_000)}1 ${'[.]'.repeat(100_000)} ${'x@'.repeat(100_000)}`;
    extractIntelIndicators('warm up a.example.com');
    const cpu = process.cpuUsage();
    extractIntelIndicators(hostile);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(200);
  });
});

describe('enrichWithIntel', () => {
  const base = (risk: number, defensive: number): Classification => ({
    decision: risk >= 0.5 ? 'friction' : risk >= 0.3 ? 'monitor' : 'allow',
    risk,
    categories: [{ id: 'malware_ransomware', score: risk }],
    reasons: [{ code: 'cue.build', message: 'Asks for code.', evidence: 'write' }],
    defensive,
  });
  const hit = (confidence: number): IntelHit => ({
    indicator: { type: 'domain', value: 'c2.evil-example.net' },
    source: 'JPCERT/CC',
    confidence,
  });
  const opts = { tier: 0, role: 'prompt' as const, policy: DEFAULT_SAFEGUARD_POLICY };

  it('changes nothing without a hit', () => {
    const c = base(0.2, 0.1);
    expect(enrichWithIntel(c, [], opts)).toBe(c);
  });

  it('raises a neutral request naming known attacker infrastructure to friction, citing it first', () => {
    const r = enrichWithIntel(base(0.2, 0.1), [hit(0.9)], opts);
    expect(r.risk).toBeCloseTo(0.2 + 0.8 * INTEL_WEIGHT * 0.9 * 0.9, 6);
    expect(r.decision).toBe('friction');
    expect(r.reasons[0]).toMatchObject({ code: 'intel.domain', evidence: 'c2.evil-example.net' });
    expect(r.reasons[0]?.message).toContain('JPCERT/CC');
    expect(r.reasons[1]?.code).toBe('cue.build');
  });

  it('only monitors defenders pasting the same indicator into defensive work', () => {
    const r = enrichWithIntel(base(0.05, 0.95), [hit(0.9)], opts);
    expect(r.risk).toBeLessThan(0.1);
    expect(r.decision).toBe('monitor');
  });

  describe('a CVE that shared intelligence lists', () => {
    const cve = (confidence: number): IntelHit => ({
      indicator: { type: 'cve', value: 'CVE-2024-3400' },
      source: 'shared threat intelligence: CISA KEV',
      confidence,
    });
    const exploitish = (risk: number, defensive: number, exploitation: number): Classification => ({
      ...base(risk, defensive),
      categories: [{ id: 'exploitation', score: exploitation }],
    });

    it('moves risk only as far as the request reads as exploitation', () => {
      const r = enrichWithIntel(exploitish(0.3, 0, 0.9), [cve(0.6)], opts);
      expect(r.risk).toBeCloseTo(0.3 + 0.7 * CVE_WEIGHT * 0.6 * 0.9, 6);
      expect(r.decision).not.toBe('allow');
      expect(r.reasons[0]).toMatchObject({ code: 'intel.cve', evidence: 'CVE-2024-3400' });
      expect(r.reasons[0]?.message).toContain('CISA KEV');
    });

    it('leaves a patching question where it was, cited but not even monitored', () => {
      const patching = exploitish(0.05, 0.9, 0.4);
      const r = enrichWithIntel(patching, [cve(0.9)], opts);
      expect(r.decision).toBe('allow');
      expect(r.risk).toBeLessThan(0.07);
      expect(r.reasons.map((x) => x.code)).toEqual(['intel.cve', 'cue.build']);
    });

    it('adds no exploitation reading of its own to a request about something else', () => {
      const r = enrichWithIntel(base(0.2, 0), [cve(1)], opts);
      expect(r.risk).toBe(0.2);
      expect(r.decision).toBe('allow');
    });

    it('does not water down a known-bad indicator beside it', () => {
      const both = enrichWithIntel(base(0.2, 0.1), [cve(0.9), hit(0.9)], opts);
      expect(both.risk).toBeCloseTo(enrichWithIntel(base(0.2, 0.1), [hit(0.9)], opts).risk, 9);
      expect(both.decision).toBe('friction');
      expect(both.reasons.map((x) => x.code).slice(0, 2)).toEqual(['intel.domain', 'intel.cve']);
    });
  });

  it('never lowers a decision, and a tier that allows more needs more', () => {
    const blocked = { ...base(0.9, 0), decision: 'block' as const };
    expect(enrichWithIntel(blocked, [hit(0.1)], opts).decision).toBe('block');
    const t3 = enrichWithIntel(base(0.2, 0.1), [hit(0.9)], { ...opts, tier: 3 });
    expect(t3.decision).toBe('monitor');
  });
});
