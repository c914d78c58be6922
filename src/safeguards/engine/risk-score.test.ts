import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecision,
  autoLevers,
  DEFAULT_RISK_POLICY,
  EMPTY_RISK,
  type RiskEvidence,
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
