/**
 * A multi-literal matcher (Aho–Corasick, compiled to a DFA) over UTF-16 code units: one pass over
 * an event's field value finds every rule literal in it, however many thousand literals there
 * are. Each code unit some key uses gets a symbol (ASCII through a table, others through a map);
 * code units no key uses send the automaton back to its root, which is exact because no key
 * contains them. Literals are cut to their last `MAX_KEY` code units: any substring of a required
 * literal is itself required, and short keys keep the DFA small.
 *
 * The table has one column per symbol, so keys with hundreds of distinct non-ASCII characters
 * (look-alike letters, emoji) would make it tens of MB. Past `MAX_WIDE_SYMBOLS` such characters
 * share symbols (code unit modulo the limit): the matcher may then report a key that is not
 * there, never miss one that is, which is all a router needs (the rule itself decides).
 */

export const MAX_KEY = 12;
export const MAX_WIDE_SYMBOLS = 64;

export class LiteralMatcher {
  private readonly ascii = new Int32Array(128);
  /** Symbols of the non-ASCII code units keys use (emoji, look-alike letters); often empty. */
  private readonly wide = new Map<number, number>();
  /** When non-zero, non-ASCII code units map to `foldBase + c % MAX_WIDE_SYMBOLS` instead. */
  private readonly foldBase: number = 0;
  private readonly width: number;
  /** Transitions, 16-bit when the automaton has fewer than 65,536 states (half the cache). */
  private readonly next: Int32Array | Uint16Array;
  /** For each state: itself if a key ends there, else its nearest suffix that ends one, or -1. */
  private readonly emit: Int32Array;
  /** For each state: the key id ending here, or -1. */
  private readonly output: Int32Array;
  /** For each state: the nearest proper suffix state with an output, or -1. */
  private readonly outLink: Int32Array;
  /** Keys that fold to the same symbols as another key end in the same state: the others. */
  private readonly sameEnd = new Map<number, number[]>();
  readonly keys: readonly string[];

  /** `keys` must be distinct and non-empty; ids are their positions. */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    let symbols = 0;
    for (const key of keys)
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (c < 128) {
          if (this.ascii[c] === 0) this.ascii[c] = ++symbols;
        } else if (!this.wide.has(c)) this.wide.set(c, 0);
      }
    if (this.wide.size > MAX_WIDE_SYMBOLS) {
      this.foldBase = symbols + 1;
      symbols += MAX_WIDE_SYMBOLS;
      this.wide.clear();
    } else for (const c of this.wide.keys()) this.wide.set(c, ++symbols);
    this.width = symbols + 1;
    const width = this.width;
    // The trie goes straight into the transition table (0 = no child: the root is nobody's child);
    // its size is bounded by the total key length.
    let capacity = 1;
    for (const key of keys) capacity += key.length;
    const next = new Int32Array(capacity * width);
    const ends = new Int32Array(capacity).fill(-1);
    let n = 1;
    keys.forEach((key, id) => {
      let s = 0;
      for (let i = 0; i < key.length; i++) {
        const cell = s * width + this.symbol(key.charCodeAt(i));
        let t = next[cell] as number;
        if (t === 0) {
          t = n++;
          next[cell] = t;
        }
        s = t;
      }
      if (ends[s] === -1) ends[s] = id;
      else {
        const more = this.sameEnd.get(s) ?? [];
        more.push(id);
        this.sameEnd.set(s, more);
      }
    });
    const table = next.slice(0, n * width);
    const output = ends.slice(0, n);
    const outLink = new Int32Array(n).fill(-1);
    this.output = output;
    this.outLink = outLink;
    const fail = new Int32Array(n);
    // Breadth-first: a state's missing transitions are its fail state's (already complete).
    const queue = new Int32Array(n);
    let tail = 0;
    for (let sym = 1; sym < width; sym++) {
      const t = table[sym] as number;
      if (t !== 0) queue[tail++] = t;
    }
    for (let q = 0; q < tail; q++) {
      const s = queue[q] as number;
      const f = fail[s] as number;
      outLink[s] = (output[f] as number) >= 0 ? f : (outLink[f] as number);
      const row = s * width;
      const fRow = f * width;
      for (let sym = 1; sym < width; sym++) {
        const t = table[row + sym] as number;
        if (t === 0) table[row + sym] = table[fRow + sym] as number;
        else {
          fail[t] = table[fRow + sym] as number;
          queue[tail++] = t;
        }
      }
    }
    this.next = n < 0x10000 ? Uint16Array.from(table) : table;
    this.emit = new Int32Array(n);
    for (let q = 0; q < n; q++)
      this.emit[q] = (output[q] as number) >= 0 ? q : (outLink[q] as number);
  }

  private symbol(c: number): number {
    if (c < 128) return this.ascii[c] as number;
    return this.foldBase > 0 ? this.foldBase + (c % MAX_WIDE_SYMBOLS) : (this.wide.get(c) ?? 0);
  }

  get states(): number {
    return this.output.length;
  }

  /**
   * Appends to `found` the id of every key occurring in `text` (possibly more than once per
   * key). A plain array the caller reuses, not a callback: no closure per field per event.
   */
  scan(text: string, found: number[]): void {
    const { ascii, next, output, outLink, emit, width, foldBase } = this;
    const sameEnd = this.sameEnd.size > 0 ? this.sameEnd : null;
    const wide = this.wide.size > 0 ? this.wide : null;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const sym =
        c < 128
          ? (ascii[c] as number)
          : foldBase > 0
            ? foldBase + (c % MAX_WIDE_SYMBOLS)
            : wide === null
              ? 0
              : (wide.get(c) ?? 0);
      s = sym === 0 ? 0 : (next[s * width + sym] as number);
      if (s === 0) continue;
      let o = emit[s] as number;
      while (o > 0) {
        found.push(output[o] as number);
        const more = sameEnd?.get(o);
        if (more !== undefined) for (const id of more) found.push(id);
        o = outLink[o] as number;
      }
    }
  }
}
