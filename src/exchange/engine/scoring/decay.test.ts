import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseScore, DECAY_MODELS, decayedScore, expiresAt } from './decay.js';

const DAY = 86_400_000;

describe('indicator decay', () => {
  it('starts at the base, falls to 0 at the lifetime, and independent sources raise the base', () => {
    const m = DECAY_MODELS.url;
    expect(decayedScore(80, 0, m)).toBe(80);
    expect(decayedScore(80, 30 * DAY, m)).toBe(0);
    // δ = 0.5: (1/2)^(1/0.5) = 1/4 of the way down at half the lifetime.
    expect(decayedScore(80, 15 * DAY, m)).toBeCloseTo(60, 6);
    expect(baseScore(undefined, 1)).toBe(50);
    expect(baseScore(60, 3)).toBe(80);
    expect(baseScore(95, 10)).toBe(100);
  });

  it('expires exactly when the score reaches the threshold', () => {
    const m = DECAY_MODELS.domain;
    const seen = Date.UTC(2026, 11, 1);
    const at = expiresAt(70, seen, m);
    expect(decayedScore(70, at - seen, m)).toBeCloseTo(m.threshold, 3);
    expect(decayedScore(70, at - seen - DAY, m)).toBeGreaterThan(m.threshold);
    expect(expiresAt(10, seen, m)).toBe(seen);
  });

  it('never rises with age and stays within 0–100, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: false }),
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.double({ min: 0, max: 1e12, noNaN: true }),
        fc.constantFrom(...Object.values(DECAY_MODELS)),
        (base, a, b, model) => {
          const [young, old] = a < b ? [a, b] : [b, a];
          const s1 = decayedScore(base, young, model);
          const s2 = decayedScore(base, old, model);
          expect(s1).toBeGreaterThanOrEqual(s2);
          expect(s1).toBeGreaterThanOrEqual(0);
          expect(s1).toBeLessThanOrEqual(100);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
