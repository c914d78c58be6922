/**
 * A small seeded PRNG for training (mulberry32): the engine never takes
 * randomness implicitly, so shuffles and fold assignments are reproducible
 * from the seed alone.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Fisher–Yates shuffle of `items` in place. */
export function shuffleInPlace<T>(items: T[], prng: Prng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
  return items;
}
