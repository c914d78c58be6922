import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { applyPlatt, expectedCalibrationError, fitPlatt, reliabilityBins } from './calibration.js';

/** Labels drawn from a known sigmoid, so the fit has a right answer. */
function synthetic(a: number, b: number, n: number, seed: number) {
  const prng = mulberry32(seed);
  const margins: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const m = prng.next() * 8 - 4;
    margins.push(m);
    labels.push(prng.next() < applyPlatt({ a, b }, m) ? 1 : 0);
  }
  return { margins, labels };
}

describe('Platt scaling', () => {
  it('recovers the slope and offset that generated the labels', () => {
    const { margins, labels } = synthetic(1.5, -0.5, 20_000, 1);
    const p = fitPlatt(margins, labels);
    expect(p.a).toBeCloseTo(1.5, 1);
    expect(p.b).toBeCloseTo(-0.5, 1);
  });

  it('is monotonic in the margin and never reorders scores (property)', () => {
    const { margins, labels } = synthetic(0.7, 0.3, 500, 2);
    const p = fitPlatt(margins, labels);
    expect(p.a).toBeGreaterThan(0);
    fc.assert(
      fc.property(
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (m, d) => {
          expect(applyPlatt(p, m + d)).toBeGreaterThanOrEqual(applyPlatt(p, m));
        },
      ),
    );
  });

  it('stays finite on perfectly separated data', () => {
    const p = fitPlatt([-3, -2, -1, 1, 2, 3], [0, 0, 0, 1, 1, 1]);
    expect(Number.isFinite(p.a) && Number.isFinite(p.b)).toBe(true);
    expect(applyPlatt(p, 3)).toBeLessThan(1);
  });

  it('is deterministic', () => {
    const { margins, labels } = synthetic(1, 0, 1000, 3);
    expect(fitPlatt(margins, labels)).toEqual(fitPlatt(margins, labels));
  });
});

describe('reliability and ECE', () => {
  it('is near zero for calibrated scores and large for overconfident ones', () => {
    const { margins, labels } = synthetic(1, 0, 20_000, 4);
    const calibrated = margins.map((m) => applyPlatt({ a: 1, b: 0 }, m));
    const overconfident = margins.map((m) => applyPlatt({ a: 5, b: 0 }, m));
    expect(expectedCalibrationError(reliabilityBins(calibrated, labels))).toBeLessThan(0.02);
    expect(expectedCalibrationError(reliabilityBins(overconfident, labels))).toBeGreaterThan(0.08);
  });

  it('puts a score of exactly 1 in the last bin', () => {
    const bins = reliabilityBins([0, 0.55, 1], [0, 1, 1], 10);
    expect(bins[0]?.count).toBe(1);
    expect(bins[5]?.count).toBe(1);
    expect(bins[9]?.count).toBe(1);
  });
});
