import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecision,
  addFinding,
  autoLevers,
  DEFAULT_RISK_POLICY,
  EMPTY_RISK,
  FINDINGS_KEPT,
  findingLever,
  type RiskEvidence,
  type RiskFinding,
  type RiskFindingKind,
  riskAt,
} from './risk-score.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 6);
const ev = (i: number, decision: string, at = T0): RiskEvidence => ({
  requestId: `r${i}`,
  at,
  decision,
  risk: 0.9,
  categories: ['malware'],
});

describe('risk score', () => {
  it('halves every half-life (7 days)', () => {
    const s = addDecision(EMPTY_RISK, ev(1, 'block'));
    expect(s.score).toBe(DEFAULT_RISK_POLICY.points.block);
    expect(riskAt(s, T0 + 7 * DAY).score).toBeCloseTo(s.score / 2, 9);
    expect(riskAt(s, T0 + 14 * DAY).score).toBeCloseTo(s.score / 4, 9);
    expect(riskAt(s, T0 + 14 * DAY).blocks).toBeCloseTo(0.25, 9);
  });

  it('allow costs nothing; evidence keeps the newest items', () => {
    let s = addDecision(EMPTY_RISK, ev(0, 'allow'));
    expect(s.score).toBe(0);
    for (let i = 1; i <= 30; i++) s = addDecision(s, ev(i, 'monitor'));
    expect(s.evidence).toHaveLength(DEFAULT_RISK_POLICY.evidenceKept);
    expect(s.evidence.at(-1)?.requestId).toBe('r30');
  });

  it('repeated blocks restrict one tier down; a high score adds friction', () => {
    let s = EMPTY_RISK;
    // A few seconds apart: the decay in between must not keep five blocks below five.
    for (let i = 0; i < 4; i++) s = addDecision(s, ev(i, 'block', T0 + i * 5000));
    expect(autoLevers(s, 2).map((a) => a.kind)).toEqual(['friction']);
    s = addDecision(s, ev(4, 'block', T0 + 20_000));
    expect(autoLevers(s, 2)).toMatchObject([{ kind: 'restrict', tier: 1 }, { kind: 'friction' }]);
    expect(autoLevers(s, 0).map((a) => a.kind)).toEqual(['friction']);
    // A week later the same history has decayed below both thresholds.
    expect(autoLevers(riskAt(s, T0 + 7 * DAY), 2)).toEqual([]);
  });

  it('never grows without new decisions, and stays finite', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('allow', 'monitor', 'friction', 'block'), { maxLength: 50 }),
        fc.integer({ min: 0, max: 1000 * DAY }),
        (decisions, later) => {
          let s = EMPTY_RISK;
          decisions.forEach((d, i) => {
            s = addDecision(s, ev(i, d, T0 + i * 1000));
          });
          const after = riskAt(s, s.updatedAt + later);
          expect(after.score).toBeLessThanOrEqual(s.score + 1e-9);
          expect(Number.isFinite(after.score)).toBe(true);
        },
      ),
    );
  });
});

const finding = (
  id: string,
  kind: RiskFindingKind = 'insider.network',
  at = T0,
  cites: string[] = [],
): RiskFinding => ({ id, kind, at, summary: `a ${kind} finding`, cites });

describe('findings in the risk score (issues 6 and 7)', () => {
  it('adds the kind’s points once per finding id', () => {
    const first = addFinding(EMPTY_RISK, finding('insider:f1', 'insider.bulk_restricted'));
    expect(first).toMatchObject({ added: true, points: 20 });
    expect(first.state.score).toBe(20);
    expect(first.state.blocks).toBe(0);
    const again = addFinding(
      first.state,
      finding('insider:f1', 'insider.bulk_restricted', T0 + DAY),
    );
    expect(again).toEqual({ state: first.state, added: false, points: 0 });
    // Reaches the friction threshold on its own; findings never restrict through the block count.
    expect(autoLevers(first.state, 3)).toMatchObject([{ kind: 'friction' }]);
  });

  it('counts a finding read late as if scored when it happened', () => {
    const s = addDecision(EMPTY_RISK, ev(1, 'block', T0 + 7 * DAY));
    const late = addFinding(s, finding('monitor:x', 'monitor.key_many_networks', T0));
    expect(late.points).toBeCloseTo(10, 9); // 20 points, one half-life old
    expect(late.state.score).toBeCloseTo(5 + 10, 9);
    expect(late.state.updatedAt).toBe(T0 + 7 * DAY);
  });

  it('keeps findings apart from decisions: many decisions do not push a finding out', () => {
    let s = addFinding(EMPTY_RISK, finding('insider:old', 'insider.hour', T0, ['audit:1'])).state;
    for (let i = 0; i < 50; i++) s = addDecision(s, ev(i, 'monitor', T0 + i));
    expect(s.evidence.filter((e) => e.finding === undefined)).toHaveLength(20);
    expect(s.evidence[0]).toMatchObject({
      requestId: 'insider:old',
      decision: 'finding',
      categories: ['insider.hour'],
      finding: { kind: 'insider.hour', cites: ['audit:1'] },
    });
    // Still remembered: a redelivery of it now changes nothing.
    expect(addFinding(s, finding('insider:old', 'insider.hour')).added).toBe(false);
    for (let i = 0; i < FINDINGS_KEPT; i++) s = addFinding(s, finding(`f${i}`)).state;
    expect(s.evidence.filter((e) => e.finding !== undefined)).toHaveLength(FINDINGS_KEPT);
    expect(s.evidence.some((e) => e.requestId === 'insider:old')).toBe(false);
  });

  it('keeps at most ten cited requests in the evidence', () => {
    const cites = Array.from({ length: 50 }, (_, i) => `r${i}`);
    const { state } = addFinding(EMPTY_RISK, finding('m', 'monitor.repeated_blocks', T0, cites));
    expect(state.evidence[0]?.finding?.cites).toEqual(cites.slice(0, 10));
  });

  it('pulls the lever the policy names for a kind, and none by default', () => {
    expect(findingLever('insider.bulk_restricted', null)).toBeUndefined();
    const policy = {
      ...DEFAULT_RISK_POLICY,
      findingLevers: {
        'insider.bulk_restricted': 'step-up',
        'monitor.repeated_blocks': 'restrict',
        'monitor.key_many_networks': 'friction',
      } as const,
    };
    expect(findingLever('insider.bulk_restricted', null, policy)).toMatchObject({
      kind: 'friction',
      mode: 'step-up',
    });
    expect(findingLever('monitor.repeated_blocks', 3, policy)).toMatchObject({
      kind: 'restrict',
      tier: 2,
    });
    expect(findingLever('monitor.repeated_blocks', null, policy)).toMatchObject({ tier: 0 });
    expect(findingLever('monitor.key_many_networks', 2, policy)).toEqual({
      kind: 'friction',
      why: 'automatic: monitor.key_many_networks finding (policy: friction)',
    });
  });

  it('never counts one finding twice, whatever the order of arrival', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 30 * DAY })), {
          maxLength: 40,
        }),
        (arrivals) => {
          let s = EMPTY_RISK;
          let added = 0;
          for (const [id, at] of arrivals) {
            const r = addFinding(s, finding(`f${id}`, 'insider.volume', T0 + at));
            s = r.state;
            if (r.added) added++;
          }
          expect(added).toBe(new Set(arrivals.map(([id]) => id)).size);
          expect(s.score).toBeLessThanOrEqual(added * 8 + 1e-9);
          expect(Number.isFinite(s.score)).toBe(true);
        },
      ),
    );
  });
});
