/**
 * A literal pre-check for the cue (and wrapper) patterns: one pass over the text tells which
 * cues can possibly match, so only those run their regular expression. Most of
 * a prompt's cues never match, and a large alternation costs the regex engine
 * a try at every position, while this pass costs one table step per character.
 *
 * Every alternative of a cue's phrase list has a set of required literals: any
 * match contains one of them (a plain run of characters that is not optional,
 * or the alternatives of a group that is not optional). A literal at the very
 * start or end of an alternative must also sit on a word boundary (the pattern
 * is `\b(?:…)\b`), tested exactly as the regex tests `\b` (ASCII word
 * characters, no `u` flag). These are necessary conditions only: when the
 * pre-check passes, the cue's own regex decides, so the hits are exactly the
 * regex's. A phrase this reader cannot take apart makes its cue always run.
 *
 * The literals are found with an Aho–Corasick automaton built once, with every
 * transition filled in (a DFA over the characters the literals use): linear
 * time, no backtracking.
 */

/** A literal every match of some alternative contains, and where `\b` must hold around it. */
interface Literal {
  readonly text: string;
  readonly cue: number;
  /** The literal opens the alternative: `\b` holds right before it. */
  readonly wordStart: boolean;
  /** The literal closes the alternative: `\b` holds right after it. */
  readonly wordEnd: boolean;
}

/** One item of a pattern; `optional` when it may repeat zero times, `most` its most repetitions. */
type Element = (
  | { readonly kind: 'char'; readonly ch: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'boundary' }
  | { readonly kind: 'group'; readonly alts: Element[][] }
) & { readonly optional: boolean; readonly most: number };

type Item =
  | { kind: 'char'; ch: string }
  | { kind: 'any' }
  | { kind: 'boundary' }
  | { kind: 'group'; alts: Element[][] };

/**
 * Parse a pattern source of the kinds the cue and wrapper lists use (literals, `(?:…|…)`,
 * `[…]`, `.`, `\b`, `\s`-like escapes, quantifiers); null for anything else.
 */
function parseAlternatives(src: string): Element[][] | null {
  let at = 0;
  /** The quantifier after an item, as [least, most] repetitions. */
  const quantified = (): [number, number] => {
    const q = src[at];
    if (q === '?' || q === '*' || q === '+') {
      at += 1;
      return [q === '+' ? 1 : 0, q === '?' ? 1 : Number.POSITIVE_INFINITY];
    }
    if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(at));
      if (m === null) throw new Error('quantifier');
      at += m[0].length;
      const least = Number(m[1]);
      const most =
        m[2] === undefined ? least : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
      return [least, most];
    }
    return [1, 1];
  };
  const item = (e: Item): Element => {
    const [least, most] = quantified();
    if (e.kind === 'boundary' && (least !== 1 || most !== 1)) throw new Error('boundary');
    return { ...e, optional: least === 0, most } as Element;
  };
  const alternatives = (): Element[][] => {
    const alts: Element[][] = [[]];
    while (at < src.length) {
      const ch = src[at] as string;
      if (ch === ')') return alts;
      at += 1;
      if (ch === '|') {
        alts.push([]);
        continue;
      }
      const seq = alts[alts.length - 1] as Element[];
      if (ch === '(') {
        if (!src.startsWith('?:', at)) throw new Error('group');
        at += 2;
        const inner = alternatives();
        if (src[at] !== ')') throw new Error('group');
        at += 1;
        seq.push(item({ kind: 'group', alts: inner }));
      } else if (ch === '[') {
        // A class is one character of some kind; escapes inside it are skipped over.
        while (at < src.length && src[at] !== ']') at += src[at] === '\\' ? 2 : 1;
        if (at >= src.length) throw new Error('class');
        at += 1;
        seq.push(item({ kind: 'any' }));
      } else if (ch === '.') {
        seq.push(item({ kind: 'any' }));
      } else if (ch === '\\') {
        const e = src[at] ?? '';
        at += 1;
        if (e === 'b') seq.push(item({ kind: 'boundary' }));
        else if ('sSdDwW'.includes(e) && e !== '') seq.push(item({ kind: 'any' }));
        else throw new Error('escape');
      } else if ('^$*+?{}]'.includes(ch)) {
        throw new Error('meta');
      } else {
        seq.push(item({ kind: 'char', ch }));
      }
    }
    return alts;
  };
  try {
    const alts = alternatives();
    return at === src.length ? alts : null;
  } catch {
    return null;
  }
}

type Need = { readonly text: string; readonly wordStart: boolean; readonly wordEnd: boolean };

/** The shortest literal of a set: the set's strength as a filter. */
const strength = (needs: readonly Need[]): number =>
  needs.length === 0 ? 0 : Math.min(...needs.map((n) => n.text.length));

/**
 * Literals one of which every match of `seq` contains, or null when there is none to require.
 * `boundaryBefore` / `boundaryAfter`: `\b` holds right before / after the sequence.
 */
function required(
  seq: readonly Element[],
  boundaryBefore: boolean,
  boundaryAfter: boolean,
): Need[] | null {
  let best: Need[] | null = null;
  const consider = (needs: Need[] | null) => {
    if (needs === null || needs.length === 0) return;
    if (best === null || strength(needs) > strength(best)) best = needs;
  };
  const before = (i: number) => (i === 0 ? boundaryBefore : seq[i - 1]?.kind === 'boundary');
  const after = (j: number) => (j === seq.length ? boundaryAfter : seq[j]?.kind === 'boundary');
  let i = 0;
  while (i < seq.length) {
    const e = seq[i] as Element;
    if (e.kind === 'char' && e.most === 1 && !e.optional) {
      let j = i;
      let text = '';
      while (j < seq.length) {
        const c = seq[j] as Element;
        if (c.kind !== 'char' || c.optional || c.most !== 1) break;
        text += c.ch;
        j += 1;
      }
      consider([{ text, wordStart: before(i), wordEnd: after(j) }]);
      i = j;
      continue;
    }
    if (e.kind === 'group' && !e.optional) {
      const union: Need[] = [];
      let ok = true;
      const once = e.most === 1;
      for (const alt of e.alts) {
        const r = required(alt, once && before(i), once && after(i + 1));
        if (r === null) ok = false;
        else union.push(...r);
      }
      if (ok) consider(union);
    }
    i += 1;
  }
  return best;
}

/** The longest text a sequence can match (Infinity when unbounded). */
function longest(seq: readonly Element[]): number {
  let n = 0;
  for (const e of seq) {
    if (e.kind === 'boundary') continue;
    n += e.most * (e.kind === 'group' ? Math.max(...e.alts.map(longest)) : 1);
  }
  return n;
}

/** The longest match of a pattern source (Infinity when unbounded or not understood). */
export function patternMaxLength(source: string): number {
  const alts = parseAlternatives(source);
  return alts === null ? Number.POSITIVE_INFINITY : Math.max(0, ...alts.map(longest));
}

/** The literals of pattern `id` (its source), or null when some alternative requires none. */
export function patternLiterals(source: string, id: number): Literal[] | null {
  const alts = parseAlternatives(source);
  if (alts === null) return null;
  const out: Literal[] = [];
  for (const alt of alts) {
    const needs = required(alt, false, false);
    if (needs === null) return null;
    for (const n of needs) out.push({ ...n, cue: id });
  }
  return out;
}

/** ASCII word character, as `\b` without the `u` flag reads it. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95
  );
}

/** `\b` at position `p` of `text`, exactly as the regex engine decides it. */
function boundaryAt(text: string, p: number): boolean {
  const before = p > 0 && isWordCode(text.charCodeAt(p - 1));
  const after = p < text.length && isWordCode(text.charCodeAt(p));
  return before !== after;
}

/** Which cues can match a text: one automaton over the literals of every cue. */
export class CueLiteralFilter {
  /** Cues with no literals to require: always run. */
  private readonly always: number;
  private readonly symbols = new Uint16Array(65_536);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** Per state, the literals that end there (its own and its suffixes'), or null. */
  private readonly outputs: (readonly Literal[] | null)[];

  constructor(cueLiteralLists: readonly (readonly Literal[] | null)[]) {
    let always = 0;
    const literals: Literal[] = [];
    cueLiteralLists.forEach((list, k) => {
      if (list === null) always |= 1 << k;
      else literals.push(...list);
    });
    this.always = always;
    let next = 1;
    for (const lit of literals) {
      for (let i = 0; i < lit.text.length; i++) {
        const code = lit.text.charCodeAt(i);
        if (this.symbols[code] === 0) this.symbols[code] = next++;
      }
    }
    const width = next;
    this.width = width;
    // The trie, then breadth first: failure links and every missing transition filled in.
    const go: number[][] = [new Array(width).fill(-1)];
    const own: Literal[][] = [[]];
    for (const lit of literals) {
      let s = 0;
      for (let i = 0; i < lit.text.length; i++) {
        const sym = this.symbols[lit.text.charCodeAt(i)] as number;
        const row = go[s] as number[];
        if (row[sym] === -1) {
          row[sym] = go.length;
          go.push(new Array(width).fill(-1));
          own.push([]);
        }
        s = row[sym] as number;
      }
      (own[s] as Literal[]).push(lit);
    }
    const fail = new Int32Array(go.length);
    const outputs: (Literal[] | null)[] = new Array(go.length).fill(null);
    const root = go[0] as number[];
    const queue: number[] = [];
    for (let sym = 0; sym < width; sym++) {
      const t = root[sym] as number;
      if (t === -1) root[sym] = 0;
      else queue.push(t);
    }
    const outputsOf = (s: number, f: number): Literal[] | null => {
      const mine = own[s] as Literal[];
      const inherited = s === 0 ? null : outputs[f];
      if (mine.length === 0) return inherited ?? null;
      return inherited === null || inherited === undefined ? mine : [...mine, ...inherited];
    };
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q] as number;
      outputs[s] = outputsOf(s, fail[s] as number);
      const row = go[s] as number[];
      const failRow = go[fail[s] as number] as number[];
      for (let sym = 0; sym < width; sym++) {
        const t = row[sym] as number;
        if (t === -1) {
          row[sym] = failRow[sym] as number;
        } else {
          fail[t] = failRow[sym] as number;
          queue.push(t);
        }
      }
    }
    this.delta = new Int32Array(go.length * width);
    go.forEach((row, s) => {
      this.delta.set(row, s * width);
    });
    this.outputs = outputs;
  }

  /**
   * Bit k set when cue k may match `text` (its regex must still decide). `firstEnd[k]` is set
   * to the end of the first literal of cue k found: every match of the cue ends at or after it.
   */
  candidates(text: string, firstEnd: Int32Array): number {
    let mask = this.always;
    const { symbols, delta, width, outputs } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = delta[s * width + (symbols[text.charCodeAt(i)] as number)] as number;
      const out = outputs[s];
      if (out === null || out === undefined) continue;
      for (const lit of out) {
        const bit = 1 << lit.cue;
        if ((mask & bit) !== 0) continue;
        if (lit.wordStart && !boundaryAt(text, i + 1 - lit.text.length)) continue;
        if (lit.wordEnd && !boundaryAt(text, i + 1)) continue;
        mask |= bit;
        firstEnd[lit.cue] = i + 1;
      }
    }
    return mask;
  }
}
