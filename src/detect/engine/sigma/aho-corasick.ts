/**
 * A multi-literal matcher (Aho–Corasick, compiled to a DFA) over printable ASCII: one pass over
 * an event's field value finds every rule literal in it, however many thousand literals there
 * are. Characters no literal uses (and all non-ASCII) send the automaton back to its root, which
 * is exact because no literal contains them. Literals are cut to their last `MAX_KEY` characters:
 * any substring of a required literal is itself required, and short keys keep the DFA small.
 */

export const MAX_KEY = 12;

export class LiteralMatcher {
  private readonly alphabet = new Int32Array(128);
  private readonly width: number;
  private readonly next: Int32Array;
  /** For each state: the key id ending here, or -1. */
  private readonly output: Int32Array;
  /** For each state: the nearest proper suffix state with an output, or -1. */
  private readonly outLink: Int32Array;
  readonly keys: readonly string[];

  /** `keys` must be distinct, non-empty, printable ASCII; ids are their positions. */
  constructor(keys: readonly string[]) {
    this.keys = keys;
    let symbols = 0;
    for (const key of keys)
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        if (this.alphabet[c] === 0) this.alphabet[c] = ++symbols;
      }
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
        const cell = s * width + (this.alphabet[key.charCodeAt(i)] as number);
        let t = next[cell] as number;
        if (t === 0) {
          t = n++;
          next[cell] = t;
        }
        s = t;
      }
      ends[s] = id;
    });
    const table = next.slice(0, n * width);
    const output = ends.slice(0, n);
    const outLink = new Int32Array(n).fill(-1);
    this.next = table;
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
  }

  get states(): number {
    return this.output.length;
  }

  /** Calls `hit(id)` for every key occurring in `text` (possibly more than once per key). */
  scan(text: string, hit: (id: number) => void): void {
    const { alphabet, next, output, outLink, width } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const sym = c < 128 ? (alphabet[c] as number) : 0;
      s = sym === 0 ? 0 : (next[s * width + sym] as number);
      if (s === 0) continue;
      let o = (output[s] as number) >= 0 ? s : (outLink[s] as number);
      while (o > 0) {
        hit(output[o] as number);
        o = outLink[o] as number;
      }
    }
  }
}
