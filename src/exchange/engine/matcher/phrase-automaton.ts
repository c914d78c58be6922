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
 */
export class PhraseAutomaton {
  private readonly goto = new Map<number, number>();
  private readonly fail: number[] = [0];
  /** The phrase ending at each state, or -1; and the nearest suffix state that ends one. */
  private readonly ends: number[] = [-1];
  private readonly outLink: number[] = [-1];
  private readonly stamp: Uint32Array;
  private scans = 0;

  constructor(phrases: readonly { readonly text: string; readonly id: number }[]) {
    for (const { text, id } of phrases) {
      let s = 0;
      for (let i = 0; i < text.length; i++) {
        const key = s * 65536 + text.charCodeAt(i);
        let t = this.goto.get(key);
        if (t === undefined) {
          t = this.ends.length;
          this.ends.push(-1);
          this.fail.push(0);
          this.outLink.push(-1);
          this.goto.set(key, t);
        }
        s = t;
      }
      const others = this.same.get(s);
      if (this.ends[s] === -1) this.ends[s] = id;
      else if (others === undefined) this.same.set(s, [id]);
      else others.push(id);
    }
    this.link();
    this.stamp = new Uint32Array(this.ends.length);
  }

  /** Phrases that normalise to the same text as another end in its state: the others. */
  private readonly same = new Map<number, number[]>();

  private link(): void {
    // Breadth-first over the trie: children of each state, in insertion order, via the goto keys.
    const children = new Map<number, [number, number][]>();
    for (const [key, t] of this.goto) {
      const s = Math.floor(key / 65536);
      const list = children.get(s) ?? [];
      if (list.length === 0) children.set(s, list);
      list.push([key % 65536, t]);
    }
    const queue: number[] = [0];
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      for (const [c, t] of children.get(s) ?? []) {
        queue.push(t);
        let f = s === 0 ? -1 : (this.fail[s] as number);
        let target = 0;
        while (f !== -1) {
          const g = this.goto.get(f * 65536 + c);
          if (g !== undefined) {
            target = g;
            break;
          }
          f = f === 0 ? -1 : (this.fail[f] as number);
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
      const c = text.charCodeAt(i);
      for (;;) {
        const g = this.goto.get(s * 65536 + c);
        if (g !== undefined) {
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
