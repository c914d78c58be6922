/**
 * A map with a hard size limit that forgets the least recently touched entry first.
 *
 * Why a capped map and not a count-min sketch: every finding must say exactly how often
 * something was seen ("0 times in 14 days on this host") and since when, and "first seen" is a
 * membership question a sketch answers only with false "seen" (it would hide exactly the new
 * things we look for). A capped map is exact for everything it keeps; what it forgets is what has
 * not been touched for longest, which then looks new again. For an entity that means a fresh
 * warm-up (no alerts), for a pair on a warmed-up host it means "not seen recently", which is
 * what the explanation says. Memory is bounded by the capacity, whatever the input.
 *
 * JavaScript's Map keeps insertion order, so "touch" is delete + set and the oldest entry is the
 * first key. Eviction keeps one live iterator instead of asking for a fresh `keys()` each time:
 * a fresh iterator must step over every deleted slot left at the front of the hash table, which
 * made eviction quadratic. A live iterator never revisits them, and the language guarantees it
 * sees entries added (or re-added by touch) after it, in order. O(1) amortised per operation.
 */
export class CappedMap<V> {
  readonly #map = new Map<string, V>();
  #cursor: Iterator<string> | null = null;

  constructor(
    readonly capacity: number,
    /** Called with each entry pushed out by the limit, so owners can keep their tallies exact. */
    private readonly onEvict?: (key: string, value: V) => void,
  ) {}

  get size(): number {
    return this.#map.size;
  }

  /** The value without marking it as recently used. */
  peek(key: string): V | undefined {
    return this.#map.get(key);
  }

  /** The value, marked as most recently used. */
  touch(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }

  /** Stores `value` as the most recently used entry, evicting the oldest beyond capacity. */
  set(key: string, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    while (this.#map.size > this.capacity) {
      this.#cursor ??= this.#map.keys();
      let oldest = this.#cursor.next();
      if (oldest.done === true) {
        this.#cursor = this.#map.keys();
        oldest = this.#cursor.next();
      }
      if (oldest.done === true) break;
      const evicted = this.#map.get(oldest.value) as V;
      this.#map.delete(oldest.value);
      this.onEvict?.(oldest.value, evicted);
    }
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  /** Entries oldest first: the order `fromEntries` needs to rebuild the same recency. */
  entries(): IterableIterator<[string, V]> {
    return this.#map.entries();
  }
}
