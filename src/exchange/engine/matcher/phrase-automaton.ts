/**
 * The text matching of shared AI-abuse signatures (see src/exchange/abuse-signatures.ts): the
 * normalisation phrases and digests are read on, and one-pass phrase search. Pure: runs anywhere.
 */

/** JavaScript's `\s`, by code unit. */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The text phrases and digests are matched on: Unicode NFKC, then lower case (locale-independent),
 * then every run of white space (JavaScript `\s`) as one space, without leading or trailing space.
 */
export function normalizeAbuseText(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase();
  let out = '';
  let start = 0;
  let pendingSpace = false;
  for (let i = 0; i <= folded.length; i++) {
    const end = i === folded.length;
    if (!end && !isSpace(folded.charCodeAt(i))) continue;
    if (i > start) {
      out += pendingSpace && out.length > 0 ? ` ${folded.slice(start, i)}` : folded.slice(start, i);
      pendingSpace = false;
    }
    if (!end) pendingSpace = true;
    start = i + 1;
  }
  return out;
}

/** The first `max` code units of `text`, without cutting a surrogate pair. */
export function head(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/**
 * Phrases found in one pass (Aho–Corasick over UTF-16 code units). A state's output chain is
 * walked once per text (stamped), so even phrases that are suffixes of each other cost O(text +
 * states), never O(text × phrases).
 *
 * Stored in typed arrays with small-integer indices only: characters are renumbered to the
 * symbols the phrases use (a character no phrase has sends the scan straight back to the root),
 * the root's moves are one table, and every other state keeps its few children as a sibling list.
 * (A map keyed by state × 65,536 + character took 1.5 s to build for 6,000 phrases — its keys
 * outgrow V8's small integers — and held the event loop for all of it on every reload.)
 */
export class PhraseAutomaton {
  /** Character → symbol (0: in no phrase). */
  private readonly symbolOf = new Uint16Array(65_536);
  /** The root's move for each symbol (0: stay at the root). */
  private readonly rootNext: Int32Array;
  /** Per state: its first child, its next sibling, and the symbol on the edge into it. */
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly edgeSymbol: Uint16Array;
  private readonly fail: Int32Array;
  /** The phrase ending at each state, or -1; and the nearest suffix state that ends one. */
  private readonly ends: Int32Array;
  private readonly outLink: Int32Array;
  /** Phrases that normalise to the same text as another end in its state: the others. */
  private readonly same = new Map<number, number[]>();
  private readonly stamp: Uint32Array;
  private scans = 0;

  constructor(phrases: readonly { readonly text: string; readonly id: number }[]) {
    let symbols = 0;
    let chars = 1;
    for (const { text } of phrases) {
      chars += text.length;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = ++symbols;
      }
    }
    this.rootNext = new Int32Array(symbols + 1);
    const firstChild = new Int32Array(chars).fill(-1);
    const nextSibling = new Int32Array(chars).fill(-1);
    const edgeSymbol = new Uint16Array(chars);
    const ends = new Int32Array(chars).fill(-1);
    let states = 1;
    for (const { text, id } of phrases) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const sym = this.symbolOf[text.charCodeAt(i)] as number;
        let t = this.child(s, sym, firstChild, nextSibling, edgeSymbol);
        if (t === 0) {
          t = states++;
          edgeSymbol[t] = sym;
          if (s === 0) this.rootNext[sym] = t;
          else {
            nextSibling[t] = firstChild[s] as number;
            firstChild[s] = t;
          }
        }
        s = t;
      }
      const others = this.same.get(s);
      if (ends[s] === -1) ends[s] = id;
      else if (others === undefined) this.same.set(s, [id]);
      else others.push(id);
    }
    this.firstChild = firstChild.slice(0, states);
    this.nextSibling = nextSibling.slice(0, states);
    this.edgeSymbol = edgeSymbol.slice(0, states);
    this.ends = ends.slice(0, states);
    this.fail = new Int32Array(states);
    this.outLink = new Int32Array(states).fill(-1);
    this.stamp = new Uint32Array(states);
    this.link();
  }

  /** The child of `s` along `sym`, or 0 when there is none (0 is the root: never a child). */
  private child(
    s: number,
    sym: number,
    firstChild = this.firstChild,
    nextSibling = this.nextSibling,
    edgeSymbol = this.edgeSymbol,
  ): number {
    if (s === 0) return this.rootNext[sym] as number;
    for (let t = firstChild[s] as number; t !== -1; t = nextSibling[t] as number)
      if (edgeSymbol[t] === sym) return t;
    return 0;
  }

  /** Failure and output links, breadth first over the trie. */
  private link(): void {
    const queue = new Int32Array(this.ends.length);
    let tail = 0;
    for (let sym = 1; sym < this.rootNext.length; sym++) {
      const t = this.rootNext[sym] as number;
      if (t === 0) continue;
      queue[tail++] = t;
      this.fail[t] = 0;
      this.outLink[t] = -1;
    }
    for (let head = 0; head < tail; head++) {
      const s = queue[head] as number;
      for (let t = this.firstChild[s] as number; t !== -1; t = this.nextSibling[t] as number) {
        queue[tail++] = t;
        const sym = this.edgeSymbol[t] as number;
        let f = this.fail[s] as number;
        let target = this.child(f, sym);
        while (target === 0 && f !== 0) {
          f = this.fail[f] as number;
          target = this.child(f, sym);
        }
        this.fail[t] = target;
        this.outLink[t] =
          (this.ends[target] as number) !== -1 ? target : (this.outLink[target] as number);
      }
    }
  }

  /** Calls `found` with the id of every phrase in `text` (an id may come more than once). */
  scan(text: string, found: (id: number) => void): void {
    if (this.ends.length === 1) return;
    this.scans = (this.scans + 1) >>> 0 || 1;
    const scanId = this.scans;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const sym = this.symbolOf[text.charCodeAt(i)] as number;
      if (sym === 0) {
        s = 0; // no phrase has this character: nothing can continue past it
        continue;
      }
      for (;;) {
        const g = this.child(s, sym);
        if (g !== 0) {
          s = g;
          break;
        }
        if (s === 0) break;
        s = this.fail[s] as number;
      }
      for (let o = (this.ends[s] as number) !== -1 ? s : (this.outLink[s] as number); o !== -1; ) {
        if (this.stamp[o] === scanId) break;
        this.stamp[o] = scanId;
        found(this.ends[o] as number);
        for (const id of this.same.get(o) ?? []) found(id);
        o = this.outLink[o] as number;
      }
    }
  }
}
