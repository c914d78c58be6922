/**
 * "How rare is this value for this entity?" — the baseline behind rare parent→child processes
 * (entity = host, value = parent>child) and first-seen sign-in networks (entity = user).
 *
 * The estimate is Good–Turing's: the chance that the next observation is something never seen
 * before is about (values seen exactly once) / (observations). Generalised to "something at most
 * as rare as this", the tail probability is Σ_{k ≤ c} k·N_k / n, where N_k is the number of
 * values seen exactly k times and c is this value's count. A host that often starts one-off
 * programs (a developer's laptop) therefore raises less for a new one than a kiosk that never
 * does. Only small counts are tracked (k ≤ MAX_RARE); values seen more often are simply common.
 *
 * The org-wide view (how many other entities have this value) damps alerts for values that are
 * new here but normal elsewhere (a new tool rolled out to everyone).
 *
 * Memory: two capped maps (entities; entity×value pairs) and one for the org-wide tallies.
 */
import { CappedMap } from './capped-map.js';

export const MAX_RARE = 8;

export interface EntityStats {
  /** Generation: pairs recorded under an older generation of this entity do not count. */
  gen: number;
  n: number;
  firstSeen: number;
  lastSeen: number;
  /** countsOfCounts[k-1] = values seen exactly k times (k = 1..MAX_RARE). */
  cc: number[];
}

interface PairStats {
  gen: number;
  count: number;
}

export interface Rarity {
  /** Times this value was seen for this entity before now. */
  readonly count: number;
  /** Observations of this entity before now. */
  readonly n: number;
  readonly firstSeen: number;
  /** Probability of something at least this rare, org-damped; 1 when the value is common. */
  readonly p: number;
  /** Other entities that have this value, and entities known in all. */
  readonly elsewhere: number;
  readonly entities: number;
}

export interface RarityTableState {
  readonly nextGen: number;
  readonly entities: readonly [string, EntityStats][];
  readonly pairs: readonly [string, PairStats][];
  readonly org: readonly [string, number][];
}

const SEP = '\u0000';

export class RarityTable {
  #nextGen = 1;
  readonly #entities: CappedMap<EntityStats>;
  readonly #pairs: CappedMap<PairStats>;
  /** value → number of entities that have it (approximate once entities are evicted). */
  readonly #org: CappedMap<number>;

  constructor(entityCapacity: number, pairCapacity: number) {
    this.#entities = new CappedMap(entityCapacity);
    this.#pairs = new CappedMap(pairCapacity, (key, pair) => this.#forgetPair(key, pair));
    this.#org = new CappedMap(pairCapacity);
  }

  get sizes(): { entities: number; pairs: number; org: number } {
    return { entities: this.#entities.size, pairs: this.#pairs.size, org: this.#org.size };
  }

  entity(id: string): EntityStats | undefined {
    return this.#entities.peek(id);
  }

  #pairCount(stats: EntityStats | undefined, entity: string, value: string): number {
    if (stats === undefined) return 0;
    const pair = this.#pairs.peek(entity + SEP + value);
    return pair !== undefined && pair.gen === stats.gen ? pair.count : 0;
  }

  /** The rarity of `value` for `entity` against what was learned so far (does not learn). */
  assess(entity: string, value: string): Rarity | null {
    const s = this.#entities.peek(entity);
    if (s === undefined) return null;
    const count = this.#pairCount(s, entity, value);
    const elsewhere = Math.max(0, (this.#org.peek(value) ?? 0) - (count > 0 ? 1 : 0));
    const entities = this.#entities.size;
    let p = 1;
    if (count < MAX_RARE) {
      let tail = (s.cc[0] ?? 0) + 1; // Good–Turing mass of the unseen, smoothed
      for (let k = 1; k <= count; k++) tail += k * (s.cc[k - 1] ?? 0);
      p = Math.min(1, tail / (s.n + 2));
      // Org damping: a value most other entities have is far less surprising here.
      const share = entities > 1 ? elsewhere / (entities - 1) : 0;
      p = Math.min(1, p * (1 + 50 * share));
    }
    return { count, n: s.n, firstSeen: s.firstSeen, p, elsewhere, entities };
  }

  /** Records one observation of `value` for `entity` at `time`. */
  learn(entity: string, value: string, time: number): void {
    let s = this.#entities.touch(entity);
    if (s === undefined) {
      s = { gen: this.#nextGen++, n: 0, firstSeen: time, lastSeen: time, cc: zeros() };
      this.#entities.set(entity, s);
    }
    s.n += 1;
    s.lastSeen = Math.max(s.lastSeen, time);
    const key = entity + SEP + value;
    let pair = this.#pairs.touch(key);
    if (pair !== undefined && pair.gen !== s.gen) {
      this.#pairs.delete(key);
      pair = undefined;
    }
    if (pair === undefined) {
      pair = { gen: s.gen, count: 0 };
      this.#pairs.set(key, pair);
      this.#org.set(value, (this.#org.peek(value) ?? 0) + 1);
    }
    moveCount(s.cc, pair.count, pair.count + 1);
    pair.count += 1;
  }

  #forgetPair(key: string, pair: PairStats): void {
    const cut = key.indexOf(SEP);
    const s = this.#entities.peek(key.slice(0, cut));
    if (s !== undefined && s.gen === pair.gen) moveCount(s.cc, pair.count, 0);
    const value = key.slice(cut + 1);
    const held = this.#org.peek(value);
    if (held !== undefined) {
      if (held <= 1) this.#org.delete(value);
      else this.#org.set(value, held - 1);
    }
  }

  toJSON(): RarityTableState {
    return {
      nextGen: this.#nextGen,
      entities: [...this.#entities.entries()].map(([k, v]) => [k, { ...v, cc: [...v.cc] }]),
      pairs: [...this.#pairs.entries()].map(([k, v]) => [k, { ...v }]),
      org: [...this.#org.entries()],
    };
  }

  /** Rebuilds from `toJSON` output already checked by the caller's validator. */
  static fromJSON(state: RarityTableState, entityCapacity: number, pairCapacity: number) {
    const t = new RarityTable(entityCapacity, pairCapacity);
    t.#nextGen = state.nextGen;
    for (const [k, v] of state.entities) t.#entities.set(k, { ...v, cc: [...v.cc] });
    for (const [k, v] of state.pairs) t.#pairs.set(k, { ...v });
    for (const [k, v] of state.org) t.#org.set(k, v);
    return t;
  }
}

function zeros(): number[] {
  return new Array<number>(MAX_RARE).fill(0);
}

/** Moves one value from "seen `from` times" to "seen `to` times" in the counts-of-counts. */
function moveCount(cc: number[], from: number, to: number): void {
  if (from >= 1 && from <= MAX_RARE) cc[from - 1] = Math.max(0, (cc[from - 1] ?? 0) - 1);
  if (to >= 1 && to <= MAX_RARE) cc[to - 1] = (cc[to - 1] ?? 0) + 1;
}
