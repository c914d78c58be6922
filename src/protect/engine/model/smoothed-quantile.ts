/**
 * A steadier false-positive cap. The plain rule (`thresholdForMaxFpr`) puts the
 * threshold at one order statistic of the negatives' scores — at 0.25% of
 * 2,500 genuine emails, the score of about the 7th most spam-like one — so
 * the threshold jumps whenever that one message's score moves. The
 * Harrell–Davis estimator (Harrell & Davis 1982, "A new distribution-free
 * quantile estimator") takes the same quantile as a Beta-weighted mean of all
 * order statistics; it is the bootstrap's expected sample quantile, without
 * resampling. It is computed on log-odds, where the tail of calibrated scores
 * is not squashed against 1. Pure and deterministic.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0] as number;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Harrell–Davis estimate of the q-quantile of `values` (any order; NaN when empty). */
export function harrellDavisQuantile(values: ArrayLike<number>, q: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  if (n === 1) return sorted[0] as number;
  const a = (n + 1) * q;
  const b = (n + 1) * (1 - q);
  let sum = 0;
  let previous = 0;
  for (let i = 1; i <= n; i++) {
    const cdf = i === n ? 1 : incompleteBeta(i / n, a, b);
    sum += (cdf - previous) * (sorted[i - 1] as number);
    previous = cdf;
  }
  return sum;
}

const logit = (p: number) => {
  const c = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(c / (1 - c));
};

/**
 * The threshold at which about `maxFpr` of the negatives score at or above
 * it: the Harrell–Davis (1 − maxFpr)-quantile of their log-odds, mapped back
 * to a probability. Unlike `thresholdForMaxFpr` it need not sit on a score of
 * the sample, and it moves little when one negative's score moves.
 */
export function thresholdForSmoothedMaxFpr(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  maxFpr: number,
): number {
  const negatives: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) negatives.push(logit(scores[i] as number));
  }
  if (negatives.length === 0) return 1;
  const z = harrellDavisQuantile(negatives, 1 - maxFpr);
  return 1 / (1 + Math.exp(-z));
}
