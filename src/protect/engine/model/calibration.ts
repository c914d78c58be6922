/**
 * Calibration: turn a model's raw margin into a probability people can take
 * at its word ("of messages scored 0.9, about 90% are scams"). Platt scaling —
 * p = σ(a·margin + b) — is monotonic by construction, so it never reorders
 * messages, and two numbers are all it adds to a model file. It is fitted on
 * held-out (out-of-fold) margins of the training split, never on dev.
 */
import { sigmoid } from '../../../platform/engine-kit/model/linear-model.js';

export interface PlattParams {
  readonly a: number;
  readonly b: number;
}

export function applyPlatt(p: PlattParams, margin: number): number {
  return sigmoid(p.a * margin + p.b);
}

/**
 * Fit Platt's sigmoid by Newton's method with a backtracking line search
 * (Lin, Lin & Weng, "A note on Platt's probabilistic outputs", 2007), using
 * Platt's smoothed targets so a perfectly separated fold does not push the
 * slope to infinity. Deterministic: a fixed iteration cap and no randomness.
 */
export function fitPlatt(margins: ArrayLike<number>, labels: ArrayLike<number>): PlattParams {
  const len = margins.length;
  let pos = 0;
  for (let i = 0; i < len; i++) pos += labels[i] === 1 ? 1 : 0;
  const neg = len - pos;
  const hiT = (pos + 1) / (pos + 2);
  const loT = 1 / (neg + 2);
  const t = (i: number) => (labels[i] === 1 ? hiT : loT);
  const loss = (a: number, b: number) => {
    let f = 0;
    for (let i = 0; i < len; i++) {
      const fApB = (margins[i] as number) * a + b;
      f +=
        fApB >= 0
          ? t(i) * fApB + Math.log1p(Math.exp(-fApB))
          : (t(i) - 1) * fApB + Math.log1p(Math.exp(fApB));
    }
    return f;
  };
  let a = 0;
  let b = Math.log((neg + 1) / (pos + 1));
  let f = loss(a, b);
  const sigma = 1e-12;
  for (let iter = 0; iter < 100; iter++) {
    let h11 = sigma;
    let h22 = sigma;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < len; i++) {
      const m = margins[i] as number;
      const fApB = m * a + b;
      // p here is P(y = 0) in Platt's parameterisation p = 1 / (1 + exp(A m + B)).
      const p = fApB >= 0 ? Math.exp(-fApB) / (1 + Math.exp(-fApB)) : 1 / (1 + Math.exp(fApB));
      const q = 1 - p;
      const d2 = p * q;
      h11 += m * m * d2;
      h22 += d2;
      h21 += m * d2;
      const d1 = t(i) - p;
      g1 += m * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-6 && Math.abs(g2) < 1e-6) break;
    const det = h11 * h22 - h21 * h21;
    const dA = -(h22 * g1 - h21 * g2) / det;
    const dB = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * dA + g2 * dB;
    let step = 1;
    while (step >= 1e-10) {
      const na = a + step * dA;
      const nb = b + step * dB;
      const nf = loss(na, nb);
      if (nf < f + 1e-4 * step * gd) {
        a = na;
        b = nb;
        f = nf;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  // Platt's A is negative for a useful model; we store the slope on the scam side.
  return { a: -a, b: -b };
}

export interface ReliabilityBin {
  /** Scores in [lo, hi) (the last bin includes 1). */
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly meanScore: number;
  readonly fractionPositive: number;
}

/** Equal-width reliability bins of calibrated scores against the true labels. */
export function reliabilityBins(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): ReliabilityBin[] {
  const count = new Array<number>(bins).fill(0);
  const sumScore = new Array<number>(bins).fill(0);
  const sumPos = new Array<number>(bins).fill(0);
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    const k = Math.min(bins - 1, Math.max(0, Math.floor(s * bins)));
    count[k] = (count[k] as number) + 1;
    sumScore[k] = (sumScore[k] as number) + s;
    sumPos[k] = (sumPos[k] as number) + (labels[i] === 1 ? 1 : 0);
  }
  return count.map((c, k) => ({
    lo: k / bins,
    hi: (k + 1) / bins,
    count: c,
    meanScore: c === 0 ? 0 : (sumScore[k] as number) / c,
    fractionPositive: c === 0 ? 0 : (sumPos[k] as number) / c,
  }));
}

/** Expected calibration error: the count-weighted mean gap between score and outcome per bin. */
export function expectedCalibrationError(bins: readonly ReliabilityBin[]): number {
  let total = 0;
  let gap = 0;
  for (const bin of bins) {
    total += bin.count;
    gap += bin.count * Math.abs(bin.meanScore - bin.fractionPositive);
  }
  return total === 0 ? 0 : gap / total;
}
