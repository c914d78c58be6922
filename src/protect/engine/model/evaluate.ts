/**
 * The quality figures the training script prints and the bench reports, one
 * `name: value unit` per line: recall and false-positive rate per label at the
 * shipped thresholds, F1, and calibration error. Pure: scores in, figures out.
 */
import { expectedCalibrationError, reliabilityBins } from './calibration.js';
import { confusionAt, f1, falsePositiveRate, precision, recall } from './metrics.js';

export interface MetricFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface ScoredSet {
  /** e.g. `text.dev` or `email.modern`. */
  readonly name: string;
  readonly scores: ArrayLike<number>;
  /** The dataset label of each item (`ham`, `spam`, `phishing`, `scam`, `benign`). */
  readonly labels: readonly string[];
}

export function isPositiveLabel(label: string): boolean {
  return label === 'scam' || label === 'phishing' || label === 'spam';
}

/**
 * Figures for one scored set at the `scam` threshold (and the `suspicious`
 * one, suffixed `@suspicious`): overall recall, precision, F1 and negative
 * false-positive rate, recall of each positive label and FPR of each negative
 * label, and the expected calibration error over 10 bins.
 */
export function evaluateSet(
  set: ScoredSet,
  thresholds: { readonly suspicious: number; readonly scam: number },
): MetricFigure[] {
  const y = set.labels.map((l) => (isPositiveLabel(l) ? 1 : 0));
  const figures: MetricFigure[] = [{ name: `${set.name}.count`, value: y.length, unit: 'items' }];
  const distinct = [...new Set(set.labels)].sort();
  for (const [suffix, threshold] of [
    ['', thresholds.scam],
    ['@suspicious', thresholds.suspicious],
  ] as const) {
    const c = confusionAt(set.scores, y, threshold);
    const at = (metric: string, value: number) =>
      figures.push({ name: `${set.name}.${metric}${suffix}`, value, unit: 'ratio' });
    if (c.tp + c.fn > 0) at('recall', recall(c));
    if (c.fp + c.tn > 0) at('fpr', falsePositiveRate(c));
    if (c.tp + c.fn > 0 && c.fp + c.tn > 0) {
      at('precision', precision(c));
      at('f1', f1(c));
    }
    // Per-label figures where a side has several labels (phishing and spam; ham and benign never mix).
    const positives = distinct.filter(isPositiveLabel);
    const negatives = distinct.filter((l) => !isPositiveLabel(l));
    for (const label of [
      ...(positives.length > 1 ? positives : []),
      ...(negatives.length > 1 ? negatives : []),
    ]) {
      const idx = set.labels.flatMap((l, i) => (l === label ? [i] : []));
      const sub = confusionAt(
        idx.map((i) => set.scores[i] as number),
        idx.map((i) => y[i] as number),
        threshold,
      );
      if (isPositiveLabel(label)) at(`recall_${label}`, recall(sub));
      else at(`fpr_${label}`, falsePositiveRate(sub));
    }
  }
  figures.push({
    name: `${set.name}.ece`,
    value: expectedCalibrationError(reliabilityBins(set.scores, y, 10)),
    unit: 'ratio',
  });
  return figures;
}

/** `name: value unit`, four significant digits; the same shape the bench prints. */
export function formatMetric(f: MetricFigure): string {
  const v = Number.isInteger(f.value) ? f.value.toString() : f.value.toPrecision(4);
  return `${f.name}: ${v} ${f.unit}`;
}
