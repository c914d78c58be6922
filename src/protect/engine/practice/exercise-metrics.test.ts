import { describe, expect, it } from 'vitest';
import { exerciseMetrics, planDeliveries, quantile } from './exercise-metrics.js';

const MIN = 60_000;

describe('exercise metrics', () => {
  it('measures report rate and time to report (median, p90) before clicks', () => {
    const d = (reportMin: number | null, clicked = false, deliverAt = 0) => ({
      deliverAt,
      openedAt: deliverAt,
      reportedAt: reportMin === null ? null : deliverAt + reportMin * MIN,
      clickedAt: clicked ? deliverAt + MIN : null,
    });
    const m = exerciseMetrics(
      [
        d(1),
        d(2),
        d(3),
        d(4),
        d(5),
        d(6),
        d(7),
        d(8),
        d(9),
        d(100),
        d(null, true),
        d(null, false, 10 ** 9),
      ],
      1000 * MIN,
    );
    expect(m.delivered).toBe(11); // the one scheduled later is not counted yet
    expect(m.reported).toBe(10);
    expect(m.reportRate).toBeCloseTo(10 / 11);
    expect(m.medianReportMs).toBe(5 * MIN);
    expect(m.p90ReportMs).toBe(9 * MIN);
    expect(m.clicked).toBe(1);
  });

  it('reports nothing rather than zero when nothing was delivered', () => {
    expect(exerciseMetrics([], 0)).toMatchObject({
      reportRate: null,
      medianReportMs: null,
      clickRate: null,
    });
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([7], 0.9)).toBe(7);
  });

  it('spreads messages over the period and staggers members', () => {
    const start = 0;
    const end = 14 * 24 * 60 * MIN;
    const plan = planDeliveries(['a', 'b', 'c'], ['m1', 'm2'], start, end);
    expect(plan).toHaveLength(6);
    for (const p of plan) {
      expect(p.deliverAt).toBeGreaterThanOrEqual(start);
      expect(p.deliverAt).toBeLessThan(end);
    }
    const firsts = plan.filter((p) => p.sampleId === 'm1').map((p) => p.deliverAt);
    expect(new Set(firsts).size).toBe(3);
    const a = plan.filter((p) => p.userId === 'a');
    expect((a[1]?.deliverAt ?? 0) > (a[0]?.deliverAt ?? 0)).toBe(true);
  });
});
