/**
 * Properties over random trees: our roots and proofs equal a line-by-line
 * transcription of RFC 9162's recursive definitions, every generated proof
 * verifies, and any single flipped bit is rejected.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { MemoryTree } from './memory-tree.js';
import { emptyRoot, leafHash, nodeHash, type Sha256, splitPoint } from './merkle.js';
import { verifyConsistency, verifyInclusion } from './merkle-verify.js';

const h: Sha256 = { sha256: (b) => new Uint8Array(createHash('sha256').update(b).digest()) };

/** RFC 9162 §2.1.1 MTH, literally (slow, independent of the code under test). */
function mth(leaves: readonly Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return emptyRoot(h);
  if (leaves.length === 1) return leafHash(h, leaves[0] as Uint8Array);
  const k = splitPoint(leaves.length);
  return nodeHash(h, mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** RFC 9162 §2.1.3.1 PATH(m, D[n]), literally. */
function path(m: number, leaves: readonly Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 SUBPROOF(m, D[n], b), literally. */
function subproof(m: number, leaves: readonly Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [mth(leaves)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), b), mth(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

function flip(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3] = (out[bit >> 3] as number) ^ (1 << (bit & 7));
  return out;
}

const leavesArb = fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 300 });

function treeOf(leaves: readonly Uint8Array[]): MemoryTree {
  const tree = new MemoryTree(h);
  for (const leaf of leaves) tree.append(leaf);
  return tree;
}

describe('Merkle tree properties', () => {
  it('roots and proofs equal the RFC definitions (trees up to 64 leaves)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 4 }), { maxLength: 64 }),
        fc.nat(),
        fc.nat(),
        (leaves, a, b) => {
          const tree = treeOf(leaves);
          expect(toHex(tree.root())).toBe(toHex(mth(leaves)));
          if (leaves.length === 0) return;
          const size = 1 + (a % leaves.length);
          const index = b % size;
          const prefix = leaves.slice(0, size);
          expect(tree.inclusionProof(index, size).map(toHex)).toEqual(
            path(index, prefix).map(toHex),
          );
          const from = b % (size + 1);
          const expected = from === 0 || from === size ? [] : subproof(from, prefix, true);
          expect(tree.consistencyProof(from, size).map(toHex)).toEqual(expected.map(toHex));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('every inclusion and consistency proof of a random tree verifies', () => {
    fc.assert(
      fc.property(leavesArb, (leaves) => {
        const tree = treeOf(leaves);
        const n = tree.size;
        const root = tree.root();
        for (let i = 0; i < n; i++) {
          const input = {
            index: i,
            size: n,
            leafHash: leafHash(h, leaves[i] as Uint8Array),
            proof: tree.inclusionProof(i),
            root,
          };
          expect(verifyInclusion(h, input)).toEqual({ ok: true });
        }
        for (let m = 0; m <= n; m++) {
          const input = {
            fromSize: m,
            toSize: n,
            fromRoot: tree.root(m),
            toRoot: root,
            proof: tree.consistencyProof(m),
          };
          expect(verifyConsistency(h, input)).toEqual({ ok: true });
        }
      }),
      { numRuns: 40 },
    );
  });

  it('any single-bit change to an inclusion proof, leaf or root is rejected', () => {
    fc.assert(
      fc.property(
        leavesArb,
        fc.nat(),
        fc.nat(),
        fc.nat(255),
        fc.nat(),
        (leaves, a, b, bit, which) => {
          const tree = treeOf(leaves);
          const size = 1 + (a % tree.size);
          const index = b % size;
          const good = {
            index,
            size,
            leafHash: leafHash(h, leaves[index] as Uint8Array),
            proof: tree.inclusionProof(index, size),
            root: tree.root(size),
          };
          const slot = which % (good.proof.length + 2);
          const bad =
            slot === 0
              ? { ...good, leafHash: flip(good.leafHash, bit) }
              : slot === 1
                ? { ...good, root: flip(good.root, bit) }
                : {
                    ...good,
                    proof: good.proof.with(slot - 2, flip(good.proof[slot - 2] as Uint8Array, bit)),
                  };
          expect(verifyInclusion(h, good).ok).toBe(true);
          expect(verifyInclusion(h, bad).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('any single-bit change to a consistency proof or either root is rejected', () => {
    fc.assert(
      fc.property(
        leavesArb,
        fc.nat(),
        fc.nat(),
        fc.nat(255),
        fc.nat(),
        (leaves, a, b, bit, which) => {
          const tree = treeOf(leaves);
          const to = 1 + (a % tree.size);
          const from = 1 + (b % to);
          const good = {
            fromSize: from,
            toSize: to,
            fromRoot: tree.root(from),
            toRoot: tree.root(to),
            proof: tree.consistencyProof(from, to),
          };
          const slot = which % (good.proof.length + 2);
          const bad =
            slot === 0
              ? { ...good, fromRoot: flip(good.fromRoot, bit) }
              : slot === 1
                ? { ...good, toRoot: flip(good.toRoot, bit) }
                : {
                    ...good,
                    proof: good.proof.with(slot - 2, flip(good.proof[slot - 2] as Uint8Array, bit)),
                  };
          expect(verifyConsistency(h, good).ok).toBe(true);
          expect(verifyConsistency(h, bad).ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a proof for one size or index never verifies for another', () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), fc.nat(), (leaves, a, b, c) => {
        fc.pre(leaves.length >= 2);
        const tree = treeOf(leaves);
        const size = 1 + (a % tree.size);
        const other = 1 + (c % tree.size);
        const index = b % Math.min(size, other);
        const leaf = leafHash(h, leaves[index] as Uint8Array);
        const proof = tree.inclusionProof(index, size);
        const input = { index, size: other, leafHash: leaf, proof, root: tree.root(other) };
        const sameTree = toHex(tree.root(size)) === toHex(tree.root(other));
        expect(verifyInclusion(h, input).ok).toBe(sameTree);
        const moved = (index + 1 + (c % (size - 1 || 1))) % size;
        if (
          moved !== index &&
          toHex(leaves[moved] as Uint8Array) !== toHex(leaves[index] as Uint8Array)
        ) {
          const at = { index: moved, size, leafHash: leaf, proof, root: tree.root(size) };
          expect(verifyInclusion(h, at).ok).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
