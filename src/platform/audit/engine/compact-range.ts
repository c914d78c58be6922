/**
 * The compact range [0, size): the perfect subtrees that cover a tree's leaves,
 * largest first (one per set bit of `size`). It is all an appender needs to keep:
 * appending a leaf merges equal-sized subtrees, so an append costs O(log n)
 * hashes, and every merge *completes* a perfect subtree whose hash never changes
 * again — the service stores those so proofs are lookups.
 */
import {
  emptyRoot,
  foldRange,
  type NodeHash,
  nodeHash,
  perfectCover,
  type Sha256,
} from './merkle.js';

export interface Frontier {
  readonly size: number;
  /** Perfect cover of [0, size), largest first. */
  readonly nodes: readonly NodeHash[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, nodes: [] };

export interface AppendResult {
  readonly frontier: Frontier;
  /** Perfect subtrees completed by this leaf: the leaf itself (level 0) and every merge. */
  readonly completed: readonly NodeHash[];
}

/** Append one leaf hash. */
export function appendLeaf(h: Sha256, frontier: Frontier, leaf: Uint8Array): AppendResult {
  const nodes = [...frontier.nodes];
  let current: NodeHash = { level: 0, index: frontier.size, hash: leaf };
  const completed: NodeHash[] = [current];
  let last = nodes[nodes.length - 1];
  while (last !== undefined && last.level === current.level) {
    nodes.pop();
    current = {
      level: current.level + 1,
      index: last.index / 2,
      hash: nodeHash(h, last.hash, current.hash),
    };
    completed.push(current);
    last = nodes[nodes.length - 1];
  }
  nodes.push(current);
  return { frontier: { size: frontier.size + 1, nodes }, completed };
}

/** MTH of the whole tree the frontier describes. */
export function frontierRoot(h: Sha256, frontier: Frontier): Uint8Array {
  if (frontier.size === 0) return emptyRoot(h);
  return foldRange(
    h,
    frontier.nodes.map((n) => n.hash),
  );
}

/** Rebuild a frontier from stored perfect subtrees; undefined when one is missing. */
export function frontierFromNodes(
  size: number,
  lookup: (level: number, index: number) => Uint8Array | undefined,
): Frontier | undefined {
  const nodes: NodeHash[] = [];
  for (const id of perfectCover({ start: 0, end: size })) {
    const hash = lookup(id.level, id.index);
    if (hash === undefined) return undefined;
    nodes.push({ ...id, hash });
  }
  return { size, nodes };
}

/** Build a frontier over a list of leaf hashes (tests, the browser, small logs). */
export function frontierOf(h: Sha256, leaves: readonly Uint8Array[]): Frontier {
  let frontier = EMPTY_FRONTIER;
  for (const leaf of leaves) frontier = appendLeaf(h, frontier, leaf).frontier;
  return frontier;
}
