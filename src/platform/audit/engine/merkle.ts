/**
 * RFC 6962 / RFC 9162 Merkle tree hashing and proof *generation*.
 *
 * Proofs are produced in two steps so that the same code serves an in-memory tree
 * (tests, the browser) and the database (the service): `inclusionPlan` /
 * `consistencyPlan` say which subtree ranges a proof needs (pure arithmetic), and
 * `buildProof` folds the hashes of the perfect subtrees covering each range,
 * fetched from wherever they live. Every subtree a proof needs is "aligned"
 * (it starts at a multiple of its own capacity), so its hash is the right fold of
 * at most log2(n) stored perfect-subtree hashes: O(log n) lookups, never a rehash
 * of the leaves.
 */
import { concatBytes } from './bytes.js';

/** Hashing is injected so the engine needs neither node:crypto nor WebCrypto's async API. */
export interface Sha256 {
  sha256(bytes: Uint8Array): Uint8Array;
}

export const HASH_SIZE = 32;

const LEAF_PREFIX = Uint8Array.of(0);
const NODE_PREFIX = Uint8Array.of(1);

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(h: Sha256, data: Uint8Array): Uint8Array {
  return h.sha256(concatBytes(LEAF_PREFIX, data));
}

/** Interior node: SHA-256(0x01 || left || right). */
export function nodeHash(h: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  return h.sha256(concatBytes(NODE_PREFIX, left, right));
}

/** MTH({}) = SHA-256() — the root of the empty tree. */
export function emptyRoot(h: Sha256): Uint8Array {
  return h.sha256(new Uint8Array(0));
}

/** A perfect subtree: `level` l and `index` i cover leaves [i·2^l, (i+1)·2^l). */
export interface NodeId {
  readonly level: number;
  readonly index: number;
}

export interface NodeHash extends NodeId {
  readonly hash: Uint8Array;
}

/** Half-open leaf range [start, end). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** Tree sizes and indexes are safe non-negative integers (the store keeps them as bigint). */
export function isTreeIndex(n: number): boolean {
  return Number.isSafeInteger(n) && n >= 0;
}

/** The largest power of two strictly smaller than n (n ≥ 2): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The perfect subtrees that make up an aligned range, largest first. Their right
 * fold (see `foldRange`) is MTH of the range, per RFC 6962's recursive definition.
 */
export function perfectCover(range: Range): NodeId[] {
  const out: NodeId[] = [];
  let start = range.start;
  let remaining = range.end - range.start;
  let size = 1;
  let level = 0;
  while (size * 2 <= remaining) {
    size *= 2;
    level++;
  }
  for (; remaining > 0; size /= 2, level--) {
    if (remaining < size) continue;
    if (start % size !== 0) throw new Error(`range [${range.start}, ${range.end}) is not aligned`);
    out.push({ level, index: start / size });
    start += size;
    remaining -= size;
  }
  return out;
}

/** MTH of a range from the hashes of its perfect cover, largest first. */
export function foldRange(h: Sha256, coverHashes: readonly Uint8Array[]): Uint8Array {
  let acc = coverHashes[coverHashes.length - 1];
  if (acc === undefined) throw new Error('an empty range has no subtree hash');
  for (let i = coverHashes.length - 2; i >= 0; i--) {
    acc = nodeHash(h, coverHashes[i] as Uint8Array, acc);
  }
  return acc;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[lo:hi]) as ranges, deepest first. */
export function inclusionPlan(index: number, size: number): Range[] {
  if (!isTreeIndex(index) || !isTreeIndex(size) || index >= size) {
    throw new Error(`no inclusion proof for index ${index} in a tree of size ${size}`);
  }
  const stack: Range[] = [];
  let lo = 0;
  let hi = size;
  while (hi - lo > 1) {
    const k = splitPoint(hi - lo);
    if (index < lo + k) {
      stack.push({ start: lo + k, end: hi });
      hi = lo + k;
    } else {
      stack.push({ start: lo, end: lo + k });
      lo += k;
    }
  }
  // The recursion appends on the way back up, so the innermost sibling comes first.
  return stack.reverse();
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges. Empty when m is 0 or n. */
export function consistencyPlan(from: number, to: number): Range[] {
  if (!isTreeIndex(from) || !isTreeIndex(to) || from > to) {
    throw new Error(`no consistency proof from size ${from} to ${to}`);
  }
  if (from === 0 || from === to) return [];
  const stack: Range[] = [];
  let lo = 0;
  let hi = to;
  let m = from;
  let complete = true;
  while (m !== hi - lo) {
    const k = splitPoint(hi - lo);
    if (m <= k) {
      stack.push({ start: lo + k, end: hi });
      hi = lo + k;
    } else {
      stack.push({ start: lo, end: lo + k });
      lo += k;
      m -= k;
      complete = false;
    }
  }
  // SUBPROOF(m, D[m], b): the old tree's own subtree is needed unless it is the whole old tree.
  if (!complete) stack.push({ start: lo, end: hi });
  return stack.reverse();
}

/** Every perfect node a plan needs, without repeats (what the service fetches in one query). */
export function planNodes(plan: readonly Range[]): NodeId[] {
  const seen = new Map<string, NodeId>();
  for (const range of plan) {
    for (const node of perfectCover(range)) seen.set(`${node.level}:${node.index}`, node);
  }
  return [...seen.values()];
}

/** Fold a plan into proof hashes; undefined when the lookup is missing a node. */
export function buildProof(
  h: Sha256,
  plan: readonly Range[],
  lookup: (node: NodeId) => Uint8Array | undefined,
): Uint8Array[] | undefined {
  const proof: Uint8Array[] = [];
  for (const range of plan) {
    const hashes: Uint8Array[] = [];
    for (const node of perfectCover(range)) {
      const hash = lookup(node);
      if (hash === undefined) return undefined;
      hashes.push(hash);
    }
    proof.push(foldRange(h, hashes));
  }
  return proof;
}
