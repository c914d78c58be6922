/**
 * What an organization exercise measures, most important first: how many people reported the
 * message and how fast (median and 90th percentile from delivery to report), and only then how
 * many clicked. Pure: deliveries in, numbers out; the caller passes "now".
 */

export interface DeliveryFacts {
  /** When the message reached the inbox (epoch ms). */
  readonly deliverAt: number;
  readonly openedAt: number | null;
  readonly reportedAt: number | null;
  readonly clickedAt: number | null;
}

export interface ExerciseMetrics {
  /** Messages already delivered (those scheduled later do not count yet). */
  readonly delivered: number;
  readonly reported: number;
  /** reported / delivered, 0..1; null with nothing delivered. */
  readonly reportRate: number | null;
  /** Milliseconds from delivery to report; null with no report. */
  readonly medianReportMs: number | null;
  readonly p90ReportMs: number | null;
  readonly clicked: number;
  readonly clickRate: number | null;
  readonly opened: number;
}

/** The q-quantile (0..1) of sorted values by the nearest-rank method; null when empty. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export function exerciseMetrics(
  deliveries: readonly DeliveryFacts[],
  now: number,
): ExerciseMetrics {
  const delivered = deliveries.filter((d) => d.deliverAt <= now);
  const times = delivered
    .flatMap((d) => (d.reportedAt === null ? [] : [Math.max(0, d.reportedAt - d.deliverAt)]))
    .sort((a, b) => a - b);
  const clicked = delivered.filter((d) => d.clickedAt !== null).length;
  const rate = (n: number) => (delivered.length === 0 ? null : n / delivered.length);
  return {
    delivered: delivered.length,
    reported: times.length,
    reportRate: rate(times.length),
    medianReportMs: quantile(times, 0.5),
    p90ReportMs: quantile(times, 0.9),
    clicked,
    clickRate: rate(clicked),
    opened: delivered.filter((d) => d.openedAt !== null).length,
  };
}

/**
 * When each member gets each message: messages spread evenly over the period, each member
 * shifted by a different fraction of a slot (golden-ratio steps), so a whole team does not get the
 * same message in the same minute and warn each other before they have decided alone.
 */
export function planDeliveries(
  memberIds: readonly string[],
  sampleIds: readonly string[],
  startsAt: number,
  endsAt: number,
): { userId: string; sampleId: string; deliverAt: number }[] {
  const slot = (endsAt - startsAt) / Math.max(1, sampleIds.length);
  return memberIds.flatMap((userId, m) => {
    const shift = (m * 0.618_033_988_75) % 1;
    return sampleIds.map((sampleId, i) => ({
      userId,
      sampleId,
      deliverAt: Math.floor(startsAt + slot * (i + shift * 0.9)),
    }));
  });
}
