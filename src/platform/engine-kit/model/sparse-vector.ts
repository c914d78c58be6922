/**
 * Sparse feature vectors and the accumulator that builds them. Features are
 * grouped in families (words, character n-grams, …); each family is
 * L2-normalised on its own so that the many character n-grams of a text do not
 * drown out its few words, and a long email weighs no more than a short one.
 *
 * The accumulator is an open-addressing hash table on typed arrays: it runs
 * once per feature occurrence (tens of thousands per email), where a Map's
 * boxing and rehashing cost more than the hashing itself.
 */
export interface SparseVector {
  /** Distinct indices, in an order fixed by the input (so training is reproducible). */
  readonly index: Int32Array;
  readonly value: Float32Array;
}

const EMPTY = -1;
const FAMILY_SHIFT = 24;

/** A growable int → float table with linear probing; keys are non-negative. */
class CountTable {
  keys: Int32Array;
  values: Float64Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Int32Array(capacity).fill(EMPTY);
    this.values = new Float64Array(capacity);
  }

  add(key: number, amount: number): void {
    if (this.size * 2 >= this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    // Keys are hash outputs already: their low bits are uniform.
    let slot = (key ^ (key >>> FAMILY_SHIFT)) & mask;
    for (;;) {
      const k = this.keys[slot] as number;
      if (k === key) {
        this.values[slot] = (this.values[slot] as number) + amount;
        return;
      }
      if (k === EMPTY) {
        this.keys[slot] = key;
        this.values[slot] = amount;
        this.size += 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2).fill(EMPTY);
    this.values = new Float64Array(oldKeys.length * 2);
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i] as number;
      if (k !== EMPTY) this.add(k, oldValues[i] as number);
    }
  }
}

/** Counts signed hashed features per family, then emits one normalised vector. */
export class FeatureAccumulator {
  private readonly counts: CountTable;
  private readonly dense: number[] = [];

  /**
   * `expected`: about how many features will be added (sizes the table once instead of growing it).
   * Without it the table starts at 1,024 slots, as the scam models were trained with: the slot order
   * decides the order norms are summed in, so a different start would move their last bits.
   */
  constructor(
    private readonly familyCount: number,
    expected?: number,
  ) {
    this.counts = new CountTable(
      expected === undefined ? 1024 : Math.max(1024, 1 << Math.ceil(Math.log2(expected * 2 + 2))),
    );
  }

  /** One occurrence of hashed feature `index` (< 2^24) in `family`, with its hashing sign. */
  add(family: number, index: number, sign: number): void {
    this.counts.add((family << FAMILY_SHIFT) | index, sign);
  }

  /** A dense feature with a fixed value (not normalised with the hashed families). */
  set(index: number, value: number): void {
    if (value !== 0) this.dense.push(index, value);
  }

  /**
   * Sublinear term frequency (1 + ln count, keeping the sign), each family
   * scaled to unit length; a bucket hit by two families gets both parts.
   */
  toVector(): SparseVector {
    const { keys, values } = this.counts;
    const norms = new Float64Array(this.familyCount);
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      if (k === EMPTY) continue;
      const c = values[i] as number;
      const a = Math.abs(c);
      const v = a === 0 ? 0 : a === 1 ? c : Math.sign(c) * (1 + Math.log(a));
      values[i] = v;
      const f = k >>> FAMILY_SHIFT;
      norms[f] = (norms[f] as number) + v * v;
    }
    for (let f = 0; f < norms.length; f++) {
      const n = norms[f] as number;
      norms[f] = n === 0 ? 0 : 1 / Math.sqrt(n);
    }
    const merged = new CountTable(
      Math.max(16, 1 << Math.ceil(Math.log2(this.counts.size * 2 + 2))),
    );
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as number;
      const v = values[i] as number;
      if (k === EMPTY || v === 0) continue;
      merged.add(k & ((1 << FAMILY_SHIFT) - 1), v * (norms[k >>> FAMILY_SHIFT] as number));
    }
    for (let i = 0; i < this.dense.length; i += 2) {
      merged.add(this.dense[i] as number, this.dense[i + 1] as number);
    }
    const index = new Int32Array(merged.size);
    const value = new Float32Array(merged.size);
    let n = 0;
    for (let i = 0; i < merged.keys.length; i++) {
      const k = merged.keys[i] as number;
      if (k === EMPTY) continue;
      index[n] = k;
      value[n] = merged.values[i] as number;
      n += 1;
    }
    return { index, value };
  }
}

/** w · x. Indices outside `weights` count as zero. */
export function dot(weights: Float32Array | Float64Array, x: SparseVector): number {
  let s = 0;
  for (let i = 0; i < x.index.length; i++) {
    s += (weights[x.index[i] as number] ?? 0) * (x.value[i] as number);
  }
  return s;
}
