/**
 * `models/scam-combiner.json`: a trained Combiner. Validated on load like the
 * model files; a bad file is a clear error, never a silent fallback.
 */
import { type Combiner, DEFAULT_COMBINER, type KindWeights } from './combiner.js';

export const COMBINER_FORMAT = 'shieldwall-scam-combiner';

export interface CombinerFile extends Combiner {
  readonly format: typeof COMBINER_FORMAT;
  readonly formatVersion: 1;
  readonly created: string | null;
  /** How it was fitted and what it scored, for the model card. */
  readonly training: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, number>>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function kindProblem(name: string, k: unknown): string | null {
  if (typeof k !== 'object' || k === null) return `kinds.${name} is missing`;
  const w = k as Record<string, unknown>;
  for (const key of ['bias', 'modelScale', 'linkModelScale', 'ruleScale'] as const) {
    if (!finite(w[key])) return `kinds.${name}.${key} must be a finite number`;
  }
  if (w.thresholds !== undefined) {
    const t = w.thresholds as Record<string, unknown>;
    if (!finite(t.suspicious) || !finite(t.scam) || !(t.suspicious <= t.scam)) {
      return `kinds.${name}.thresholds must be numbers with suspicious <= scam`;
    }
  }
  if (w.weights !== undefined) {
    if (typeof w.weights !== 'object' || w.weights === null)
      return `kinds.${name}.weights must be an object`;
    for (const [code, x] of Object.entries(w.weights)) {
      if (!finite(x)) return `kinds.${name}.weights.${code} must be a finite number`;
    }
  }
  return null;
}

/** The Combiner in a parsed combiner file, or a message saying what is wrong with it. */
export function parseCombiner(json: unknown): Combiner | string {
  if (typeof json !== 'object' || json === null) return 'not an object';
  const f = json as Record<string, unknown>;
  if (f.format !== COMBINER_FORMAT) return `format must be "${COMBINER_FORMAT}"`;
  if (f.formatVersion !== 1) return 'formatVersion must be 1';
  if (typeof f.version !== 'string' || f.version === '') return 'version must be a string';
  const kinds = f.kinds as Record<string, unknown> | undefined;
  for (const name of Object.keys(DEFAULT_COMBINER.kinds)) {
    const problem = kindProblem(name, kinds?.[name]);
    if (problem !== null) return problem;
  }
  return {
    version: f.version,
    kinds: kinds as unknown as Record<keyof Combiner['kinds'], KindWeights>,
  };
}
