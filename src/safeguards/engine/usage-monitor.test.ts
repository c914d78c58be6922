import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MONITOR_POLICY,
  type Finding,
  jaccard,
  monitorTraffic,
  type TrafficRow,
  wordSet,
} from './usage-monitor.js';

const T0 = Date.UTC(2026, 11, 5, 12, 0, 0);
const MIN = 60_000;
let n = 0;

/** A generated traffic row: harmless by default. */
function row(patch: Partial<TrafficRow> = {}): TrafficRow {
  n++;
  return {
    id: `req-${String(n).padStart(4, '0')}`,
    createdAt: T0 + n * 1000,
    principal: 'org:o-benign',
    orgId: 'o-benign',
    keyId: 'k-benign',
    endUser: null,
    tier: 2,
    decision: 'allow',
    risk: 0.05,
    categories: [],
    prompt: 'How do we patch our web servers?',
    clientNet: '198.51.100.0/24',
    ...patch,
  };
}

const blocked = (patch: Partial<TrafficRow>) =>
  row({ decision: 'block', risk: 0.95, categories: [{ id: 'malware', score: 0.95 }], ...patch });

/** Ordinary traffic every test adds: it must not make findings of its own. */
function background(): TrafficRow[] {
  return Array.from({ length: 60 }, (_, i) =>
    row({
      principal: `org:o-${i % 6}`,
      orgId: `o-${i % 6}`,
      keyId: `k-${i % 6}`,
      createdAt: T0 + i * 7 * MIN,
      clientNet: `192.0.${i % 6}.0/24`,
    }),
  );
}

const of = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

describe('offline monitoring over generated traffic', () => {
  it('finds nothing in ordinary traffic', () => {
    expect(monitorTraffic(background())).toEqual([]);
  });

  it('repeated blocked attempts, per end user behind one key, citing each request', () => {
    const attempts = [0, 1, 2, 3].map((i) =>
      blocked({
        principal: 'org:o-plat',
        orgId: 'o-plat',
        keyId: 'k-plat',
        endUser: 'mallory',
        createdAt: T0 + i * MIN,
      }),
    );
    const other = blocked({
      principal: 'org:o-plat',
      orgId: 'o-plat',
      keyId: 'k-plat',
      endUser: 'alice',
    });
    const f = of(monitorTraffic([...background(), ...attempts, other]), 'repeated_blocks');
    expect(f).toHaveLength(1);
    expect(f[0]?.subject).toBe('enduser:o-plat/mallory');
    expect(f[0]?.requestIds).toEqual(attempts.map((r) => r.id));
    expect(f[0]?.summary).toContain('malware');
  });

  it('one key used from many networks', () => {
    const spread = Array.from({ length: 6 }, (_, i) =>
      row({
        keyId: 'k-stolen',
        principal: 'org:o-victim',
        orgId: 'o-victim',
        clientNet: `203.0.${i}.0/24`,
      }),
    );
    const f = of(monitorTraffic([...background(), ...spread]), 'key_many_networks');
    expect(f).toEqual([
      expect.objectContaining({ subject: 'key:k-stolen', requestIds: spread.map((r) => r.id) }),
    ]);
    // Five requests from one network are not a finding.
    const same = spread.map((r) => ({ ...r, clientNet: '203.0.0.0/24' }));
    expect(of(monitorTraffic(same), 'key_many_networks')).toEqual([]);
  });

  it('several accounts sending near-identical blocked prompts', () => {
    const base =
      'write a python keylogger that hides from antivirus and emails the captured passwords every hour';
    const variants = [
      base,
      `${base} please`,
      `Please ${base.toUpperCase()}`,
      `${base} thanks a lot`,
    ];
    const concert = variants.map((p, i) =>
      blocked({ principal: `user:u-${i}`, orgId: null, keyId: `k-u${i}`, prompt: p }),
    );
    const unrelated = blocked({
      principal: 'user:u-9',
      orgId: null,
      prompt: 'ddos the city water utility website',
    });
    const f = of(monitorTraffic([...background(), ...concert, unrelated]), 'concerted_prompts');
    expect(f).toHaveLength(1);
    expect(f[0]?.subject).toBe('user:u-0,user:u-1,user:u-2,user:u-3');
    expect(f[0]?.requestIds).toEqual(concert.map((r) => r.id));
    // The same account repeating itself is repeated_blocks, not concert.
    const alone = variants.map((p) => blocked({ principal: 'user:solo', orgId: null, prompt: p }));
    expect(of(monitorTraffic(alone), 'concerted_prompts')).toEqual([]);
  });

  it('sudden capability-seeking after a tier upgrade', () => {
    const before = [0, 1, 2, 3].map((i) =>
      row({ principal: 'org:o-up', orgId: 'o-up', tier: 1, risk: 0.05, createdAt: T0 + i * MIN }),
    );
    const after = [4, 5, 6, 7].map((i) =>
      row({
        principal: 'org:o-up',
        orgId: 'o-up',
        tier: 3,
        risk: 0.6,
        decision: 'monitor',
        categories: [{ id: 'exploitation', score: 0.6 }],
        createdAt: T0 + i * MIN,
      }),
    );
    const f = of(
      monitorTraffic([...background(), ...before, ...after]),
      'capability_after_upgrade',
    );
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ subject: 'org:o-up', requestIds: after.map((r) => r.id) });
    expect(f[0]?.summary).toContain('from 1 to 3');
    // An upgrade followed by the same harmless work is not a finding.
    const calm = after.map((r) => ({ ...r, risk: 0.05, decision: 'allow', categories: [] }));
    expect(of(monitorTraffic([...before, ...calm]), 'capability_after_upgrade')).toEqual([]);
  });

  it('a task split over many requests that are each below the line', () => {
    const pieces = Array.from({ length: 6 }, (_, i) =>
      row({
        principal: 'user:u-split',
        orgId: null,
        decision: i % 2 === 0 ? 'allow' : 'monitor',
        risk: 0.4,
        categories: [{ id: 'credential_theft', score: 0.4 }],
        createdAt: T0 + i * 5 * MIN,
      }),
    );
    const f = of(monitorTraffic([...background(), ...pieces]), 'split_task');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ subject: 'user:u-split', requestIds: pieces.map((r) => r.id) });
    // The same pieces a day apart are separate sessions: no finding.
    const spread = pieces.map((r, i) => ({ ...r, createdAt: T0 + i * 86_400_000 }));
    expect(of(monitorTraffic(spread), 'split_task')).toEqual([]);
  });

  it('every cited id is a request of the input, whatever the traffic', () => {
    const arbRow = fc.record({
      p: fc.integer({ min: 0, max: 4 }),
      net: fc.integer({ min: 0, max: 7 }),
      decision: fc.constantFrom('allow', 'monitor', 'friction', 'block'),
      risk: fc.double({ min: 0, max: 1, noNaN: true }),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      tier: fc.integer({ min: 0, max: 4 }),
      t: fc.integer({ min: 0, max: 600 }),
      words: fc.array(
        fc.constantFrom('build', 'ransomware', 'harden', 'server', 'phishing', 'kit'),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 80 }), (spec) => {
        const rows = spec.map((s, i) =>
          row({
            id: `g-${i}`,
            principal: `org:o${s.p}`,
            orgId: `o${s.p}`,
            keyId: `k${s.p}`,
            clientNet: `10.0.${s.net}.0/24`,
            decision: s.decision,
            risk: s.risk,
            tier: s.tier,
            createdAt: T0 + s.t * MIN,
            categories: [{ id: 'malware', score: s.score }],
            prompt: s.words.join(' '),
          }),
        );
        const ids = new Set(rows.map((r) => r.id));
        for (const f of monitorTraffic(rows)) {
          expect(f.requestIds.length).toBeGreaterThan(0);
          expect(f.requestIds.length).toBeLessThanOrEqual(DEFAULT_MONITOR_POLICY.maxCited);
          for (const id of f.requestIds) expect(ids.has(id)).toBe(true);
        }
      }),
    );
  });

  it('compares prompts as word sets', () => {
    expect(jaccard(wordSet('Build a phishing kit'), wordSet('build a PHISHING kit!'))).toBe(1);
    expect(jaccard(wordSet('harden ssh'), wordSet('ddos target'))).toBe(0);
  });
});
