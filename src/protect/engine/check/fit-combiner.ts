/**
 * Fit one kind's combiner weights: logistic regression over the kind's model
 * log-odds (out-of-fold, so the model's memory of its own training set is not
 * trusted), the worst link's log-odds and one weight per rule signal —
 * maximum a posteriori with a Gaussian prior centred on the hand-set weights.
 * A signal seen a handful of times keeps about its prior; a signal the data
 * contradicts moves, down to zero but never to the other side. Codes listed
 * in `keepPrior` (auth results the 2002 ham cannot measure) are not fitted.
 * Deterministic: full-batch Adam, fixed steps.
 */
import type { KindWeights } from './combiner.js';
import { sigmoid } from './combiner.js';

export interface CombinerRow {
  readonly y: 0 | 1;
  /** Example weight (modern fixtures count more than the old corpora). */
  readonly weight: number;
  readonly model: number;
  readonly link: number;
  /** Rule code → its prior weight, for each rule that fired. */
  readonly priors: Readonly<Record<string, number>>;
}

export interface FitOptions {
  readonly start: KindWeights;
  readonly keepPrior: ReadonlySet<string>;
  /** Prior standard deviation of each rule weight around its prior (log-odds). */
  readonly ruleSigma: number;
  readonly steps: number;
  /**
   * Share of its prior every fitted rule keeps at least (0 = may fall to zero). The
   * corpora are old and the kind's model already reads the same words, so a rule the
   * model explains away (a fee to release a prize) would otherwise vanish from the score
   * and from the reasons a person is shown, though it is what today's lures do.
   */
  readonly minPriorShare?: number;
}

export interface FittedKind {
  readonly kind: Omit<KindWeights, 'thresholds'>;
  readonly weights: Record<string, number>;
  /** In-sample scores of the rows (model term out-of-fold), for thresholds and figures. */
  readonly scores: Float64Array;
}

/** Parameter layout: [bias, modelScale, linkScale, ...one per code]. */
export function fitCombinerKind(rows: readonly CombinerRow[], options: FitOptions): FittedKind {
  const codes = [...new Set(rows.flatMap((r) => Object.keys(r.priors)))]
    .filter((c) => !options.keepPrior.has(c))
    .sort();
  const index = new Map(codes.map((c, i) => [c, 3 + i]));
  const priorOf = new Map<string, number>();
  for (const r of rows) for (const [c, p] of Object.entries(r.priors)) priorOf.set(c, p);
  const rs = options.start.ruleScale;
  const mean = new Float64Array(3 + codes.length);
  const sigma = new Float64Array(3 + codes.length);
  mean.set([options.start.bias, options.start.modelScale, options.start.linkModelScale]);
  sigma.set([3, 0.5, 0.3]);
  for (const [c, i] of index) {
    mean[i] = (priorOf.get(c) ?? 0) * rs;
    sigma[i] = options.ruleSigma;
  }
  const theta = Float64Array.from(mean);
  const fixedOf = (r: CombinerRow) => {
    let f = 0;
    for (const [c, p] of Object.entries(r.priors)) if (options.keepPrior.has(c)) f += p * rs;
    return f;
  };
  const fixed = rows.map(fixedOf);
  const total = rows.reduce((s, r) => s + r.weight, 0);
  const m = new Float64Array(theta.length);
  const v = new Float64Array(theta.length);
  const grad = new Float64Array(theta.length);
  const score = (r: CombinerRow, k: number) => {
    let z =
      (theta[0] as number) +
      (theta[1] as number) * r.model +
      (theta[2] as number) * Math.max(0, r.link) +
      (fixed[k] as number);
    for (const c of Object.keys(r.priors)) {
      const i = index.get(c);
      if (i !== undefined) z += theta[i] as number;
    }
    return z;
  };
  for (let step = 1; step <= options.steps; step++) {
    grad.fill(0);
    rows.forEach((r, k) => {
      const g = (r.weight * (sigmoid(score(r, k)) - r.y)) / total;
      grad[0] = (grad[0] as number) + g;
      grad[1] = (grad[1] as number) + g * r.model;
      grad[2] = (grad[2] as number) + g * Math.max(0, r.link);
      for (const c of Object.keys(r.priors)) {
        const i = index.get(c);
        if (i !== undefined) grad[i] = (grad[i] as number) + g;
      }
    });
    for (let i = 0; i < theta.length; i++) {
      const g =
        (grad[i] as number) +
        ((theta[i] as number) - (mean[i] as number)) /
          ((sigma[i] as number) * (sigma[i] as number) * total);
      m[i] = 0.9 * (m[i] as number) + 0.1 * g;
      v[i] = 0.999 * (v[i] as number) + 0.001 * g * g;
      const mh = (m[i] as number) / (1 - 0.9 ** step);
      const vh = (v[i] as number) / (1 - 0.999 ** step);
      theta[i] = (theta[i] as number) - (0.05 * mh) / (Math.sqrt(vh) + 1e-8);
    }
    // Nothing flips sign. A model score towards scam never counts against it, and a rule
    // written as evidence one way may be weakened by the data, never reversed: the old
    // corpora would otherwise teach era artefacts (2002 ham links were plain http, so
    // "no https" would become a sign of genuine mail).
    theta[1] = Math.max(0, theta[1] as number);
    theta[2] = Math.max(0, theta[2] as number);
    const keep = options.minPriorShare ?? 0;
    for (let i = 3; i < theta.length; i++) {
      const prior = mean[i] as number;
      const w = theta[i] as number;
      if (prior > 0 && w < keep * prior) theta[i] = keep * prior;
      else if (prior < 0 && w > keep * prior) theta[i] = keep * prior;
    }
  }
  const weights: Record<string, number> = {};
  for (const [c, i] of index) weights[c] = round(theta[i] as number);
  return {
    kind: {
      bias: round(theta[0] as number),
      modelScale: round(theta[1] as number),
      linkModelScale: round(theta[2] as number),
      ruleScale: rs,
    },
    weights,
    scores: Float64Array.from(rows, (r, k) => sigmoid(score(r, k))),
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
