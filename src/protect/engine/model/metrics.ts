/**
 * Figures for model selection and the quality bench: confusion counts at a
 * threshold, F1, recall and false-positive rate, and the two threshold rules
 * the training script uses (best F1; best recall under a false-positive cap).
 * Positive = scam, phishing or spam.
 */
export interface Confusion {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export function confusionAt(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): Confusion {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = (scores[i] as number) >= threshold;
    if (labels[i] === 1) {
      if (flagged) tp += 1;
      else fn += 1;
    } else if (flagged) fp += 1;
    else tn += 1;
  }
  return { tp, fp, tn, fn };
}

export function recall(c: Confusion): number {
  return c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
}

export function precision(c: Confusion): number {
  return c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
}

export function falsePositiveRate(c: Confusion): number {
  return c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn);
}

export function f1(c: Confusion): number {
  return 2 * c.tp + c.fp + c.fn === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

/** Distinct score values, descending, each paired with the counts flagged at or above it. */
function sweep(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): { threshold: number; c: Confusion }[] {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort(
    (x, y) => (scores[y] as number) - (scores[x] as number) || x - y,
  );
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i] === 1 ? 1 : 0;
  const neg = labels.length - pos;
  const out: { threshold: number; c: Confusion }[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (labels[i] === 1) tp += 1;
    else fp += 1;
    const next = order[k + 1];
    // Only cut between different scores: a threshold flags every message with its score.
    if (next !== undefined && scores[next] === scores[i]) continue;
    out.push({ threshold: scores[i] as number, c: { tp, fp, fn: pos - tp, tn: neg - fp } });
  }
  return out;
}

/** The threshold with the best F1 (ties: the higher threshold). */
export function thresholdForBestF1(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let best = { threshold: 1, f: -1 };
  for (const { threshold, c } of sweep(scores, labels)) {
    const f = f1(c);
    if (f > best.f) best = { threshold, f };
  }
  return best.threshold;
}

/**
 * Half the best F1: for calibrated scores the threshold that maximises the
 * expected F1 is F1* / 2 (Lipton, Elkan & Naryanaswamy 2014, "Thresholding
 * classifiers to maximize F1 score"). The arg-max threshold of an empirical
 * F1 curve is that same point plus noise: the curve is flat near its top, so
 * the arg-max wanders far (to 0.36 on the texts, a "scam" verdict for a
 * message judged 36% likely a scam) for a gain in the third decimal.
 */
export function thresholdForCalibratedF1(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): number {
  let best = 0;
  for (const { c } of sweep(scores, labels)) best = Math.max(best, f1(c));
  // No F1 to be had (no positives): flag nothing rather than everything.
  return best === 0 ? 1 : best / 2;
}

/** The lowest threshold whose false-positive rate stays within `maxFpr` (so the best recall under the cap). */
export function thresholdForMaxFpr(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  maxFpr: number,
): number {
  let chosen = 1;
  for (const { threshold, c } of sweep(scores, labels)) {
    if (falsePositiveRate(c) > maxFpr) break;
    chosen = threshold;
  }
  return chosen;
}
