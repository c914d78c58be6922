/**
 * How the checker turns signals into one calibrated score: a logistic
 * combination, in log-odds, of the trained model's score, the strongest link
 * score and one weight per signal code. Data, not code (STYLE habit 10): the
 * defaults below are hand-set priors; a trained combiner file can replace any
 * of them without touching the engine.
 */
import type { MessageKind } from '../types.js';

export interface KindWeights {
  /** Log-odds added to every input of this kind. */
  readonly bias: number;
  /** Multiplies the kind's own model log-odds (text, email or URL model). */
  readonly modelScale: number;
  /** Multiplies the positive log-odds of the worst link under the URL model. */
  readonly linkModelScale: number;
  /** Multiplies every rule signal's weight (lower when the model already reads the same features). */
  readonly ruleScale: number;
  /**
   * Score at or above which the verdict is `suspicious` / `scam`. Absent: the
   * kind's model file's own thresholds (or 0.35 / 0.7 when it has no model).
   */
  readonly thresholds?: { readonly suspicious: number; readonly scam: number };
  /** Signal code → fitted weight in log-odds, replacing `prior × ruleScale` for that code. */
  readonly weights?: Readonly<Record<string, number>>;
}

export interface Combiner {
  readonly version: string;
  readonly kinds: Readonly<Record<MessageKind, KindWeights>>;
}

export const DEFAULT_COMBINER: Combiner = {
  version: 'priors-1',
  kinds: {
    sms: {
      bias: 0,
      modelScale: 1,
      linkModelScale: 0.4,
      ruleScale: 0.6,
    },
    email: {
      bias: 0,
      modelScale: 1,
      linkModelScale: 0.4,
      ruleScale: 0.7,
    },
    // The URL model already reads the URL engine's features: rules add a little on top.
    url: {
      bias: 0,
      modelScale: 1,
      linkModelScale: 0,
      ruleScale: 0.3,
    },
    // No model for numbers: only what the number itself says (premium rate…) and threat intel.
    phone: {
      bias: -2,
      modelScale: 0,
      linkModelScale: 0,
      ruleScale: 1,
      thresholds: { suspicious: 0.35, scam: 0.7 },
    },
  },
};

/** Log-odds of a threat-intel match: strong enough to decide on its own. */
export function intelWeight(confidence: number): number {
  return 3 + 3 * Math.min(1, Math.max(0, confidence));
}

/** A signal's weight under the combiner: its trained weight when there is one, else its prior × ruleScale. */
export function signalWeight(
  combiner: Combiner,
  kind: MessageKind,
  code: string,
  prior: number,
): number {
  const weights = combiner.kinds[kind];
  return weights.weights?.[code] ?? prior * weights.ruleScale;
}

export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The log-odds of `p`, kept finite at 0 and 1. */
export function logit(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}
