/**
 * A Merkle tree held in memory: every completed perfect subtree in a map, exactly
 * as the service keeps them in its `audit_node` table. Used by tests and by
 * anything that wants to check a small log in the browser.
 */
import { appendLeaf, EMPTY_FRONTIER, type Frontier, frontierRoot } from './compact-range.js';
import {
  buildProof,
  consistencyPlan,
  emptyRoot,
  foldRange,
  inclusionPlan,
  leafHash,
  type NodeId,
  perfectCover,
  type Range,
  type Sha256,
} from './merkle.js';

export class MemoryTree {
  readonly #h: Sha256;
  readonly #nodes = new Map<string, Uint8Array>();
  #frontier: Frontier = EMPTY_FRONTIER;

  constructor(h: Sha256) {
    this.#h = h;
  }

  get size(): number {
    return this.#frontier.size;
  }

  /** Append raw leaf data (hashed as a leaf). */
  append(data: Uint8Array): void {
    this.appendHash(leafHash(this.#h, data));
  }

  appendHash(leaf: Uint8Array): void {
    const result = appendLeaf(this.#h, this.#frontier, leaf);
    for (const n of result.completed) this.#nodes.set(`${n.level}:${n.index}`, n.hash);
    this.#frontier = result.frontier;
  }

  /** The stored hash of a perfect subtree, if it is complete. */
  node(id: NodeId): Uint8Array | undefined {
    return this.#nodes.get(`${id.level}:${id.index}`);
  }

  /** MTH of any aligned range, e.g. the root of the tree at an earlier size. */
  rangeRoot(range: Range): Uint8Array {
    if (range.end > this.size) throw new Error(`range ends past size ${this.size}`);
    if (range.start === range.end) return emptyRoot(this.#h);
    return foldRange(
      this.#h,
      perfectCover(range).map((id) => this.node(id) as Uint8Array),
    );
  }

  root(size = this.size): Uint8Array {
    return size === this.size
      ? frontierRoot(this.#h, this.#frontier)
      : this.rangeRoot({ start: 0, end: size });
  }

  inclusionProof(index: number, size = this.size): Uint8Array[] {
    return this.#prove(inclusionPlan(index, size), size);
  }

  consistencyProof(from: number, to = this.size): Uint8Array[] {
    return this.#prove(consistencyPlan(from, to), to);
  }

  #prove(plan: readonly Range[], size: number): Uint8Array[] {
    if (size > this.size) throw new Error(`size ${size} is past the tree size ${this.size}`);
    const proof = buildProof(this.#h, plan, (id) => this.node(id));
    if (proof === undefined) throw new Error('a completed subtree is missing');
    return proof;
  }
}
