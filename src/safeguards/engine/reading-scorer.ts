/**
 * The classifier's hot path: every head's margin for one reading of a prompt,
 * straight from the words' hashes. It computes what `featurizePrompt` followed
 * by a dot product per head computes — the same hashed features, the same
 * sublinear counts and per-family L2 norms, the same half-precision weights —
 * without building the sparse vector: counts go into one reused open-addressing
 * table keyed by bucket (the four families side by side), character n-grams
 * are hashed from char codes without cutting substrings, and only buckets some
 * head weighs are read from a compact weight matrix built once per model.
 * Training keeps `featurizePrompt` (its vector order makes training
 * reproducible); reading-scorer.test.ts checks the two agree on every head.
 */

import { FNV_OFFSET, fmix32, fnvStep } from '../../platform/engine-kit/model/hash.js';
import type { CueHit } from './cues.js';
import {
  BIGRAM_SEED,
  BUILD_SEED,
  CHAR_SEED,
  DEFEND_SEED,
  isStopword,
  type PromptFeatureConfig,
} from './featurize-prompt.js';
import { type IntentReading, SCOPE_BUILD, SCOPE_NONE } from './intent-clauses.js';
import type { DecodedHead } from './model/model-file.js';

/** What the scorer reads of a model, laid out once per model. */
export interface ScoringTables {
  readonly features: PromptFeatureConfig;
  readonly headCount: number;
  /** Position of each head (by id) in the margins. */
  readonly headIndex: ReadonlyMap<string, number>;
  readonly bias: Float64Array;
  /** Bit b set when some head has a non-zero weight for hashed bucket b (32 KB: stays in cache). */
  readonly weighed: Int32Array;
  /** Weighed buckets before each group of 32 (the rank of a bucket's row starts there). */
  readonly rowBase: Int32Array;
  /** Weights of the weighed buckets, all heads of one bucket side by side. */
  readonly rows: Float32Array;
  /** Weights of the dense features, all heads of one feature side by side. */
  readonly denseRows: Float32Array;
  /** Index of each dense feature by name (the config's list). */
  readonly denseIndex: ReadonlyMap<string, number>;
  /** FNV state after the n-gram size, for each size charMin..charMax (constant per model). */
  readonly gramSeeds: Int32Array;
}

interface ModelLike {
  readonly features: PromptFeatureConfig;
  readonly heads: readonly DecodedHead[];
}

const TABLES = new WeakMap<ModelLike, ScoringTables>();

/** The scoring tables of a model, built on first use (load-model builds them at load time). */
export function scoringTables(model: ModelLike): ScoringTables {
  const cached = TABLES.get(model);
  if (cached !== undefined) return cached;
  const { features, heads } = model;
  const count = heads.length;
  const hashed = 1 << features.hashBits;
  const weighed = new Int32Array(Math.ceil(hashed / 32));
  const rowBase = new Int32Array(weighed.length);
  const rowOf = new Int32Array(hashed).fill(-1);
  let n = 0;
  for (let b = 0; b < hashed; b++) {
    if ((b & 31) === 0) rowBase[b >>> 5] = n;
    if (!heads.some((h) => h.weights[b] !== 0)) continue;
    weighed[b >>> 5] = (weighed[b >>> 5] as number) | (1 << (b & 31));
    rowOf[b] = n++;
  }
  const rows = new Float32Array(n * count);
  const denseRows = new Float32Array(features.dense.length * count);
  heads.forEach((head, h) => {
    for (let b = 0; b < hashed; b++) {
      const r = rowOf[b] as number;
      if (r >= 0) rows[r * count + h] = head.weights[b] as number;
    }
    for (let k = 0; k < features.dense.length; k++) {
      denseRows[k * count + h] = head.weights[hashed + k] ?? 0;
    }
  });
  const gramSeeds = new Int32Array(Math.max(0, features.charMax - features.charMin + 1));
  for (let size = features.charMin; size <= features.charMax; size++) {
    gramSeeds[size - features.charMin] = fnvStep(CHAR_SEED, size);
  }
  const tables: ScoringTables = {
    features,
    headCount: count,
    headIndex: new Map(heads.map((h, i) => [h.id, i])),
    bias: Float64Array.from(heads.map((h) => h.bias)),
    weighed,
    rowBase,
    rows,
    denseRows,
    denseIndex: new Map(features.dense.map((d, k) => [d, k])),
    gramSeeds,
  };
  TABLES.set(model, tables);
  return tables;
}

const FAMILIES = 4;
const EMPTY = -1;

/**
 * Counts of one reading: bucket → its four family counts. Open addressing with linear
 * probing over (bucket, entry) pairs; the counts themselves sit in insertion order, so
 * the passes over them read memory in sequence. Reused across calls (grown, never shrunk):
 * counting allocates nothing per n-gram, and clearing costs what filling did.
 */
class BucketCounts {
  /** Pairs (bucket, entry), bucket EMPTY when the slot is free. */
  table: Int32Array;
  /** Per entry, in insertion order: the four family counts, its bucket, its table slot. */
  counts: Float64Array;
  buckets: Int32Array;
  slots: Int32Array;
  size = 0;

  constructor(private capacity: number) {
    this.table = new Int32Array(2 * capacity).fill(EMPTY);
    this.counts = new Float64Array((capacity / 2) * FAMILIES);
    this.buckets = new Int32Array(capacity / 2);
    this.slots = new Int32Array(capacity / 2);
  }

  /** `amount` added to `bucket`'s count in `family`. */
  add(family: number, bucket: number, amount: number): void {
    const table = this.table;
    const mask = this.capacity - 1;
    // Buckets are low bits of a finished hash already: uniform, so they index the table directly.
    let slot = bucket & mask;
    let entry: number;
    for (;;) {
      const k = table[2 * slot] as number;
      if (k === bucket) {
        entry = table[2 * slot + 1] as number;
        break;
      }
      if (k === EMPTY) {
        if (this.size >= this.buckets.length) {
          this.grow();
          this.add(family, bucket, amount);
          return;
        }
        entry = this.size++;
        table[2 * slot] = bucket;
        table[2 * slot + 1] = entry;
        this.buckets[entry] = bucket;
        this.slots[entry] = slot;
        break;
      }
      slot = (slot + 1) & mask;
    }
    const at = entry * FAMILIES + family;
    this.counts[at] = (this.counts[at] as number) + amount;
  }

  clear(): void {
    for (let e = 0; e < this.size; e++) this.table[2 * (this.slots[e] as number)] = EMPTY;
    this.counts.fill(0, 0, this.size * FAMILIES);
    this.size = 0;
  }

  private grow(): void {
    const old = { counts: this.counts, buckets: this.buckets, size: this.size };
    this.capacity *= 2;
    this.table = new Int32Array(2 * this.capacity).fill(EMPTY);
    this.counts = new Float64Array((this.capacity / 2) * FAMILIES);
    this.buckets = new Int32Array(this.capacity / 2);
    this.slots = new Int32Array(this.capacity / 2);
    this.size = 0;
    for (let e = 0; e < old.size; e++) {
      for (let f = 0; f < FAMILIES; f++) {
        const c = old.counts[e * FAMILIES + f] as number;
        // Every entry was created by an add, so it is recreated (in the same order) even at zero.
        if (c !== 0 || f === 0) this.add(f, old.buckets[e] as number, c);
      }
    }
  }
}

const COUNTS = new BucketCounts(1 << 14);

/** `times` occurrences of a finished hash in `family`: bucket from the low bits, sign from the top bit. */
function add(family: number, hash: number, bucketMask: number, times: number): void {
  COUNTS.add(family, hash & bucketMask, hash >>> 31 === 1 ? -times : times);
}

/** What scoring needs of a word, worked out once and kept (see `wordInfo`). */
interface WordInfo {
  /** The word's finished hash (as wordHash in featurize-prompt.ts). */
  readonly hash: number;
  readonly stop: boolean;
  /** Finished hashes of the character n-grams of ` word ` (empty for a function word). */
  readonly grams: Int32Array;
  /** The reading that last counted this word, and how often it occurs there. */
  reading: number;
  times: number;
}

// What scoring needs of each word, memoised in a bounded table: prompts (and the readings of
// one prompt) repeat words, and the entry depends only on the word and the n-gram sizes, so
// the table changes speed, never output.
const WORDS = new WeakMap<ScoringTables, Map<string, WordInfo>>();
const WORDS_MAX = 50_000;
let reading = 0;
// The padded word's char codes (' ' + word + ' '), so n-grams are hashed without substrings.
let codes = new Int32Array(64);

function wordInfo(t: ScoringTables, word: string): WordInfo {
  let words = WORDS.get(t);
  if (words === undefined) {
    words = new Map();
    WORDS.set(t, words);
  }
  const known = words.get(word);
  if (known !== undefined) return known;
  const len = word.length;
  if (len + 2 > codes.length) codes = new Int32Array(2 * (len + 2));
  codes[0] = 32;
  let h = FNV_OFFSET;
  for (let c = 0; c < len; c++) {
    const code = word.charCodeAt(c);
    codes[c + 1] = code;
    h = Math.imul(h ^ code, 0x01000193);
  }
  codes[len + 1] = 32;
  const stop = isStopword(word);
  const info: WordInfo = {
    hash: fmix32(h),
    stop,
    grams: stop ? new Int32Array(0) : gramHashes(t, len + 2),
    reading: -1,
    times: 0,
  };
  if (words.size >= WORDS_MAX) words.clear();
  words.set(word, info);
  return info;
}

/** Finished hashes of the character n-grams of the padded word in `codes[0, padded)`. */
function gramHashes(t: ScoringTables, padded: number): Int32Array {
  const { charMin, charMax } = t.features;
  let n = 0;
  for (let size = charMin; size <= charMax; size++) n += Math.max(0, padded - size + 1);
  const out = new Int32Array(n);
  let k = 0;
  for (let size = charMin; size <= charMax; size++) {
    const seed = t.gramSeeds[size - charMin] as number;
    for (let s = 0; s + size <= padded; s++) {
      let g = seed;
      for (let c = s; c < s + size; c++) g = Math.imul(g ^ (codes[c] as number), 0x01000193);
      out[k++] = fmix32(g);
    }
  }
  return out;
}

// The distinct content words of the reading being counted: a word's unigram and character
// n-grams are counted once with its multiplicity instead of once per occurrence (counts are
// whole numbers, so the sums are exactly the same).
let counted: WordInfo[] = [];

/** Count every hashed feature of the words: unigram, bigram, character n-gram, scoped word. */
function countWords(t: ScoringTables, intent: IntentReading): void {
  const { words, scopes } = intent;
  const bucketMask = (1 << t.features.hashBits) - 1;
  reading += 1;
  let prev = 0;
  let prevStop = true;
  for (let i = 0; i < words.length; i++) {
    const info = wordInfo(t, words[i] as string);
    const h = info.hash;
    const stop = info.stop;
    if (i > 0 && !(stop && prevStop)) {
      add(1, fmix32(Math.imul(prev ^ BIGRAM_SEED, 0x01000193) ^ h), bucketMask, 1);
    }
    prev = h;
    prevStop = stop;
    if (stop) continue;
    if (info.reading !== reading) {
      info.reading = reading;
      info.times = 0;
      counted.push(info);
    }
    info.times += 1;
    // The same word once more, marked with who acts on it (see featurizePrompt).
    const scope = scopes[i] as number;
    if (scope !== SCOPE_NONE) {
      add(3, fmix32(h ^ (scope === SCOPE_BUILD ? BUILD_SEED : DEFEND_SEED)), bucketMask, 1);
    }
  }
  for (const info of counted) {
    add(0, info.hash, bucketMask, info.times);
    const grams = info.grams;
    for (let k = 0; k < grams.length; k++) add(2, grams[k] as number, bucketMask, info.times);
  }
  counted = [];
}

const norms = new Float64Array(FAMILIES);

/** Set bits of a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}
let dense = new Float64Array(32);

/**
 * Every head's margin (bias + w · x) for one reading, in the model's head order,
 * written into `out` (length = head count).
 */
export function scoreReading(
  t: ScoringTables,
  cues: readonly CueHit[],
  intent: IntentReading,
  flags: readonly string[],
  out: Float64Array,
): Float64Array {
  countWords(t, intent);
  const { counts, buckets, size } = COUNTS;
  // Sublinear term frequency (1 + ln |count|, keeping the sign), as FeatureAccumulator.toVector.
  norms.fill(0);
  for (let at = 0; at < size * FAMILIES; at += FAMILIES) {
    for (let f = 0; f < FAMILIES; f++) {
      const c = counts[at + f] as number;
      if (c === 0) continue;
      const a = Math.abs(c);
      const v = a === 1 ? c : Math.sign(c) * (1 + Math.log(a));
      counts[at + f] = v;
      norms[f] = (norms[f] as number) + v * v;
    }
  }
  for (let f = 0; f < FAMILIES; f++) {
    const n = norms[f] as number;
    norms[f] = n === 0 ? 0 : 1 / Math.sqrt(n);
  }
  const heads = t.headCount;
  out.fill(0);
  const { weighed, rowBase, rows } = t;
  const n0 = norms[0] as number;
  const n1 = norms[1] as number;
  const n2 = norms[2] as number;
  const n3 = norms[3] as number;
  for (let e = 0; e < size; e++) {
    const bucket = buckets[e] as number;
    const word = weighed[bucket >>> 5] as number;
    const bit = bucket & 31;
    if (((word >>> bit) & 1) === 0) continue;
    // A bucket hit by several families gets each part, summed before the float32 rounding
    // the sparse vector applies.
    const at = e * FAMILIES;
    let x = 0;
    let v = counts[at] as number;
    if (v !== 0) x += v * n0;
    v = counts[at + 1] as number;
    if (v !== 0) x += v * n1;
    v = counts[at + 2] as number;
    if (v !== 0) x += v * n2;
    v = counts[at + 3] as number;
    if (v !== 0) x += v * n3;
    const xf = Math.fround(x);
    // The row of a weighed bucket is its rank among weighed buckets: the count before its
    // 32-bucket group plus the set bits below it in the group (no 1 MB lookup table to miss in).
    const row =
      ((rowBase[bucket >>> 5] as number) + bitCount(bit === 0 ? 0 : word << (32 - bit))) * heads;
    for (let h = 0; h < heads; h++) out[h] = (out[h] as number) + (rows[row + h] as number) * xf;
  }
  COUNTS.clear();
  addDense(t, cues, intent, flags, out);
  for (let h = 0; h < heads; h++) out[h] = (t.bias[h] as number) + (out[h] as number);
  return out;
}

/** The named features (cues, intent, wrapper and layer flags), value 1 each. */
function addDense(
  t: ScoringTables,
  cues: readonly CueHit[],
  intent: IntentReading,
  flags: readonly string[],
  out: Float64Array,
): void {
  const n = t.features.dense.length;
  if (dense.length < n) dense = new Float64Array(n);
  dense.fill(0, 0, n);
  const mark = (name: string) => {
    const k = t.denseIndex.get(name);
    if (k !== undefined) dense[k] = (dense[k] as number) + 1;
  };
  for (const hit of cues) mark(hit.cue.code);
  for (const hit of intent.hits) mark(hit.feature);
  for (const flag of flags) mark(flag);
  const heads = t.headCount;
  for (let k = 0; k < n; k++) {
    const v = dense[k] as number;
    if (v === 0) continue;
    const row = k * heads;
    for (let h = 0; h < heads; h++) {
      out[h] = (out[h] as number) + (t.denseRows[row + h] as number) * v;
    }
  }
}
