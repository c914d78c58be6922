import { describe, expect, it } from 'vitest';
import { thresholdForMaxFpr } from './metrics.js';
import {
  harrellDavisQuantile,
  incompleteBeta,
  logGamma,
  thresholdForSmoothedMaxFpr,
} from './smoothed-quantile.js';

describe('smoothed quantiles', () => {
  it('computes log Γ and the regularised incomplete beta function', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(incompleteBeta(0.6, 3, 1)).toBeCloseTo(0.216, 12);
    expect(incompleteBeta(0.5, 2.5, 2.5)).toBeCloseTo(0.5, 12);
    // Far in the tail, as the 0.25% cap on 2,500 negatives asks for.
    expect(incompleteBeta(0.999, 2495.5, 6.25)).toBeGreaterThan(0);
    expect(incompleteBeta(0.999, 2495.5, 6.25)).toBeLessThan(1);
  });

  it('gives the middle of a symmetric sample as its median, in any order', () => {
    expect(harrellDavisQuantile([5, 1, 4, 2, 3], 0.5)).toBeCloseTo(3, 10);
    expect(harrellDavisQuantile([7], 0.9)).toBe(7);
    expect(Number.isNaN(harrellDavisQuantile([], 0.5))).toBe(true);
  });

  it('keeps the false-positive rate near the cap', () => {
    const negatives = Array.from({ length: 2000 }, (_, i) => (i + 0.5) / 2000);
    const t = thresholdForSmoothedMaxFpr(
      negatives.concat([0.999, 0.9999]),
      negatives.map(() => 0).concat([1, 1]),
      0.01,
    );
    const flagged = negatives.filter((s) => s >= t).length / negatives.length;
    expect(flagged).toBeGreaterThan(0.005);
    expect(flagged).toBeLessThan(0.015);
    expect(thresholdForSmoothedMaxFpr([0.9], [1], 0.01)).toBe(1);
  });

  it('moves less than the plain rule when one negative near the cut moves', () => {
    // Negatives spread evenly in log-odds; the 5th highest (where a 0.25% cap on 2,000 cuts) drops to just below the 6th.
    const base = Array.from(
      { length: 2000 },
      (_, i) => 1 / (1 + Math.exp(-(-6 + (i * 12) / 1999))),
    );
    const labels = base.map(() => 0);
    const moved = base.slice();
    moved[1995] = (base[1994] as number) - 1e-9;
    const plain = [
      thresholdForMaxFpr(base, labels, 0.0025),
      thresholdForMaxFpr(moved, labels, 0.0025),
    ];
    const smooth = [
      thresholdForSmoothedMaxFpr(base, labels, 0.0025),
      thresholdForSmoothedMaxFpr(moved, labels, 0.0025),
    ];
    const logit = (p: number) => Math.log(p / (1 - p));
    const plainJump = Math.abs(logit(plain[0] as number) - logit(plain[1] as number));
    const smoothJump = Math.abs(logit(smooth[0] as number) - logit(smooth[1] as number));
    expect(plainJump).toBeGreaterThan(0);
    expect(smoothJump).toBeLessThan(plainJump / 2);
  });
});
