import { describe, expect, it } from 'vitest';
import {
  confusionAt,
  f1,
  falsePositiveRate,
  recall,
  thresholdForBestF1,
  thresholdForCalibratedF1,
  thresholdForMaxFpr,
} from './metrics.js';

const scores = [0.95, 0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05];
const labels = [1, 1, 0, 1, 1, 0, 0, 1, 0, 0];

describe('metrics', () => {
  it('counts a confusion matrix at a threshold (score >= threshold is flagged)', () => {
    expect(confusionAt(scores, labels, 0.6)).toEqual({ tp: 4, fp: 1, tn: 4, fn: 1 });
    const c = confusionAt(scores, labels, 0.6);
    expect(recall(c)).toBe(0.8);
    expect(falsePositiveRate(c)).toBe(0.2);
    expect(f1(c)).toBeCloseTo(0.8);
  });

  it('finds the threshold with the best F1', () => {
    expect(thresholdForBestF1(scores, labels)).toBe(0.6);
  });

  it('puts the calibrated-F1 threshold at half the best F1', () => {
    // Best F1 here is 0.8 (at 0.6): calibrated scores are best cut at 0.4.
    expect(thresholdForCalibratedF1(scores, labels)).toBeCloseTo(0.4, 10);
    expect(thresholdForCalibratedF1([0.9, 0.1], [0, 0])).toBe(1);
  });

  it('finds the lowest threshold within a false-positive cap', () => {
    expect(thresholdForMaxFpr(scores, labels, 0)).toBe(0.9);
    expect(thresholdForMaxFpr(scores, labels, 0.2)).toBe(0.6);
  });

  it('never cuts between equal scores', () => {
    expect(thresholdForMaxFpr([0.5, 0.5, 0.1], [1, 0, 0], 0)).toBe(1);
  });
});
