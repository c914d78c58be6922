/**
 * The JSON shape of a shipped model file, and its validation. A model file is
 * data from disk (or from the network, in the browser), so the loader checks
 * every field before trusting it; a malformed file is an error, never a crash
 * or a silently wrong score.
 */
import type { TextFeatureConfig } from './featurize.js';

export const MODEL_FORMAT = 'shieldwall-scam-model';
export const MODEL_FORMAT_VERSION = 1;
export const WEIGHT_ENCODING = 'sparse-f16-leb128-base64';

export type FeatureSpec =
  | ({ readonly kind: 'text' } & TextFeatureConfig)
  | {
      readonly kind: 'url';
      readonly hashBits: number;
      readonly maxChars: number;
      readonly charMin: number;
      readonly charMax: number;
      /** Dense lexical features (from the URL engine), stored after the hashed buckets. */
      readonly dense: readonly string[];
      /** Per dense feature: value' = (value - shift) / scale, clamped to ±clip. */
      readonly denseShift: readonly number[];
      readonly denseScale: readonly number[];
      readonly denseClip: number;
      /**
       * On a page someone published on a service's host (a Google Form, a Dropbox
       * file), read only the part of the host that its owner chose (the tenant
       * in `contoso.sharepoint.com`), not the service's name: the service's
       * reputation says nothing about who made the page. Absent in older models.
       */
      readonly maskServiceHost?: boolean;
    };

export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly formatVersion: typeof MODEL_FORMAT_VERSION;
  readonly name: string;
  readonly version: string;
  /** Set by the training script's --created argument; never the wall clock, so retraining is byte-identical. */
  readonly created: string | null;
  readonly description: string;
  readonly features: FeatureSpec;
  readonly bias: number;
  readonly weights: {
    readonly encoding: typeof WEIGHT_ENCODING;
    readonly dim: number;
    readonly count: number;
    readonly data: string;
  };
  readonly calibration: { readonly method: 'platt'; readonly a: number; readonly b: number };
  /** Calibrated probability at or above which the model alone says suspicious / scam. */
  readonly thresholds: { readonly suspicious: number; readonly scam: number };
  readonly training: Readonly<Record<string, string | number | boolean | readonly string[]>>;
  readonly metrics: Readonly<Record<string, number>>;
}

type Check = (v: unknown) => string | null;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'a finite number');
const int =
  (lo: number, hi: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi
      ? null
      : `an integer in [${lo}, ${hi}]`;
const str: Check = (v) => (typeof v === 'string' ? null : 'a string');
const prob: Check = (v) =>
  typeof v === 'number' && v >= 0 && v <= 1 ? null : 'a number in [0, 1]';
const numArray: Check = (v) =>
  Array.isArray(v) && v.every((x) => num(x) === null) ? null : 'an array of numbers';

function checkFields(obj: unknown, path: string, fields: Record<string, Check>): string | null {
  if (!isObj(obj)) return `${path} must be an object`;
  for (const [key, check] of Object.entries(fields)) {
    const problem = check(obj[key]);
    if (problem !== null) return `${path}.${key} must be ${problem}`;
  }
  return null;
}

function checkFeatures(f: unknown): string | null {
  const common = {
    hashBits: int(8, 24),
    maxChars: int(1, 10_000_000),
    charMin: int(1, 16),
    charMax: int(1, 16),
  };
  if (!isObj(f)) return 'features must be an object';
  if (f.kind === 'text') {
    return checkFields(f, 'features', {
      ...common,
      maxTokens: int(1, 10_000_000),
      dropReplyPrefix: (v) => (v === undefined || typeof v === 'boolean' ? null : 'a boolean'),
    });
  }
  if (f.kind !== 'url') return 'features.kind must be "text" or "url"';
  const problem = checkFields(f, 'features', {
    ...common,
    denseShift: numArray,
    denseScale: numArray,
    denseClip: num,
    maskServiceHost: (v) => (v === undefined || typeof v === 'boolean' ? null : 'a boolean'),
    dense: (v) =>
      Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'an array of strings',
  });
  if (problem !== null) return problem;
  const n = (f.dense as unknown[]).length;
  if ((f.denseShift as unknown[]).length !== n || (f.denseScale as unknown[]).length !== n) {
    return 'features.denseShift and denseScale must have one entry per dense feature';
  }
  return null;
}

/** Null when `json` is a well-formed model file, else what is wrong with it. */
export function validateModelFile(json: unknown): string | null {
  if (!isObj(json)) return 'a model file must be a JSON object';
  if (json.format !== MODEL_FORMAT) return `format must be "${MODEL_FORMAT}"`;
  if (json.formatVersion !== MODEL_FORMAT_VERSION) {
    return `formatVersion ${String(json.formatVersion)} is not supported (expected ${MODEL_FORMAT_VERSION})`;
  }
  const top = checkFields(json, 'model', {
    name: str,
    version: str,
    description: str,
    bias: num,
    created: (v) => (v === null || typeof v === 'string' ? null : 'a string or null'),
    training: (v) => (isObj(v) ? null : 'an object'),
    metrics: (v) =>
      isObj(v) && Object.values(v).every((x) => num(x) === null) ? null : 'an object of numbers',
  });
  if (top !== null) return top;
  const problem =
    checkFeatures(json.features) ??
    checkFields(json.weights, 'weights', {
      encoding: (v) => (v === WEIGHT_ENCODING ? null : `"${WEIGHT_ENCODING}"`),
      dim: int(1, 1 << 25),
      count: int(0, 1 << 25),
      data: str,
    }) ??
    checkFields(json.calibration, 'calibration', {
      method: (v) => (v === 'platt' ? null : '"platt"'),
      a: num,
      b: num,
    }) ??
    checkFields(json.thresholds, 'thresholds', { suspicious: prob, scam: prob });
  if (problem !== null) return problem;
  const features = json.features as FeatureSpec;
  const dim = (json.weights as { dim: number }).dim;
  const expected = (1 << features.hashBits) + (features.kind === 'url' ? features.dense.length : 0);
  if (dim !== expected) return `weights.dim must be ${expected} for these features`;
  if (features.charMin > features.charMax) return 'features.charMin must not exceed charMax';
  return null;
}

/** The text feature config a model file asks for. */
export function textConfigOf(f: FeatureSpec & { kind: 'text' }): TextFeatureConfig {
  return {
    hashBits: f.hashBits,
    maxChars: f.maxChars,
    maxTokens: f.maxTokens,
    charMin: f.charMin,
    charMax: f.charMax,
    dropReplyPrefix: f.dropReplyPrefix === true,
  };
}
