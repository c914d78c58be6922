/**
 * The JSON shape of the shipped safeguards model and its validation: a model
 * file is data from disk (or the network, in the browser), so every field is
 * checked before it is trusted. A malformed file is an error, never a crash.
 */

import { decodeSparseWeights } from '../../../platform/engine-kit/model/weight-codec.js';
import { RISK_CATEGORIES } from '../types.js';

export const SAFEGUARDS_MODEL_FORMAT = 'shieldwall-safeguards-model';
export const SAFEGUARDS_MODEL_VERSION = 1;
export const WEIGHT_ENCODING = 'sparse-f16-leb128-base64';

/** The heads every model has: any misuse, each category, and defensive work. */
export const HEAD_IDS = ['malicious', ...RISK_CATEGORIES, 'defensive'] as const;
export type HeadId = (typeof HEAD_IDS)[number];

export interface ModelHeadFile {
  readonly id: HeadId;
  readonly bias: number;
  readonly weights: {
    readonly encoding: typeof WEIGHT_ENCODING;
    readonly dim: number;
    readonly count: number;
    readonly data: string;
  };
}

export interface SafeguardsModelFile {
  readonly format: typeof SAFEGUARDS_MODEL_FORMAT;
  readonly formatVersion: typeof SAFEGUARDS_MODEL_VERSION;
  readonly name: string;
  readonly version: string;
  readonly created: string | null;
  readonly description: string;
  readonly features: {
    readonly hashBits: number;
    readonly charMin: number;
    readonly charMax: number;
    readonly maxTokens: number;
    readonly dense: readonly string[];
  };
  readonly heads: readonly ModelHeadFile[];
  readonly training: Readonly<Record<string, string | number | boolean>>;
  readonly metrics: Readonly<Record<string, number>>;
}

export interface DecodedHead {
  readonly id: HeadId;
  readonly bias: number;
  readonly weights: Float32Array;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, lo: number, hi: number): boolean =>
  Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;

/** The decoded heads of a well-formed file, or what is wrong with it. */
export function parseModelFile(
  json: unknown,
):
  | { readonly ok: true; readonly file: SafeguardsModelFile; readonly heads: DecodedHead[] }
  | { readonly ok: false; readonly error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (!isObj(json)) return fail('a model file must be a JSON object');
  if (json.format !== SAFEGUARDS_MODEL_FORMAT)
    return fail(`format must be "${SAFEGUARDS_MODEL_FORMAT}"`);
  if (json.formatVersion !== SAFEGUARDS_MODEL_VERSION)
    return fail('formatVersion is not supported');
  for (const k of ['name', 'version', 'description'] as const) {
    if (typeof json[k] !== 'string') return fail(`${k} must be a string`);
  }
  const f = json.features;
  if (!isObj(f)) return fail('features must be an object');
  if (!isInt(f.hashBits, 8, 22)) return fail('features.hashBits must be an integer in [8, 22]');
  if (!isInt(f.charMin, 1, 8) || !isInt(f.charMax, f.charMin as number, 8)) {
    return fail('features.charMin/charMax must be integers with 1 <= charMin <= charMax <= 8');
  }
  if (!isInt(f.maxTokens, 1, 1_000_000))
    return fail('features.maxTokens must be a positive integer');
  if (!Array.isArray(f.dense) || !f.dense.every((d) => typeof d === 'string')) {
    return fail('features.dense must be an array of strings');
  }
  const dim = (1 << (f.hashBits as number)) + f.dense.length;
  if (!Array.isArray(json.heads)) return fail('heads must be an array');
  const heads: DecodedHead[] = [];
  for (const id of HEAD_IDS) {
    const h = json.heads.find((x: unknown) => isObj(x) && x.id === id) as unknown;
    if (!isObj(h)) return fail(`head "${id}" is missing`);
    const w = h.weights;
    if (typeof h.bias !== 'number' || !Number.isFinite(h.bias))
      return fail(`head ${id}: bias must be a finite number`);
    if (
      !isObj(w) ||
      w.encoding !== WEIGHT_ENCODING ||
      w.dim !== dim ||
      typeof w.data !== 'string' ||
      !isInt(w.count, 0, dim)
    ) {
      return fail(`head ${id}: weights must be ${WEIGHT_ENCODING} with dim ${dim}`);
    }
    const weights = decodeSparseWeights(w.data, w.count as number, dim);
    if (weights === null) return fail(`head ${id}: weights data is corrupt`);
    heads.push({ id, bias: h.bias, weights });
  }
  if (!isObj(json.metrics) || !isObj(json.training))
    return fail('metrics and training must be objects');
  return { ok: true, file: json as unknown as SafeguardsModelFile, heads };
}
