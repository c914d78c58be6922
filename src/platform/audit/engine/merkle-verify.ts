/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2: verifying inclusion and consistency proofs.
 * Followed step by step (including the final "sn is 0" checks, which are what
 * reject truncated and padded proofs). Expected outcomes are results, not throws.
 */
import { bytesEqual } from './bytes.js';
import { HASH_SIZE, isTreeIndex, nodeHash, type Sha256 } from './merkle.js';

export type ProofCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const OK: ProofCheck = { ok: true };
const fail = (reason: string): ProofCheck => ({ ok: false, reason });

const isOdd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function badHashes(hashes: readonly Uint8Array[]): boolean {
  return hashes.some((x) => x.length !== HASH_SIZE);
}

/** Check that `leaf` (a leaf *hash*) sits at `index` in the tree of `size` with root `root`. */
export function verifyInclusion(
  h: Sha256,
  input: {
    readonly index: number;
    readonly size: number;
    readonly leafHash: Uint8Array;
    readonly proof: readonly Uint8Array[];
    readonly root: Uint8Array;
  },
): ProofCheck {
  const { index, size, proof } = input;
  if (!isTreeIndex(index) || !isTreeIndex(size)) return fail('index and size must be integers ≥ 0');
  if (index >= size) return fail(`index ${index} is not below tree size ${size}`);
  if (badHashes([input.leafHash, input.root, ...proof])) return fail('a hash is not 32 bytes');
  let fn = index;
  let sn = size - 1;
  let r = input.leafHash;
  for (const p of proof) {
    if (sn === 0) return fail('the proof is longer than the tree is deep');
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(h, p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(h, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('the proof is shorter than the tree is deep');
  return bytesEqual(r, input.root) ? OK : fail('the proof does not lead to the root');
}

/** Check that the tree (`fromSize`, `fromRoot`) is a prefix of (`toSize`, `toRoot`). */
export function verifyConsistency(
  h: Sha256,
  input: {
    readonly fromSize: number;
    readonly toSize: number;
    readonly fromRoot: Uint8Array;
    readonly toRoot: Uint8Array;
    readonly proof: readonly Uint8Array[];
  },
): ProofCheck {
  const { fromSize, toSize, proof } = input;
  if (!isTreeIndex(fromSize) || !isTreeIndex(toSize)) return fail('sizes must be integers ≥ 0');
  if (fromSize > toSize) return fail(`size ${fromSize} is larger than size ${toSize}`);
  if (badHashes([input.fromRoot, input.toRoot, ...proof])) return fail('a hash is not 32 bytes');
  if (fromSize === toSize) {
    if (proof.length !== 0) return fail('equal sizes need an empty proof');
    return bytesEqual(input.fromRoot, input.toRoot) ? OK : fail('equal sizes with different roots');
  }
  // Every tree extends the empty tree; RFC 9162 defines no proof for it.
  if (fromSize === 0) return proof.length === 0 ? OK : fail('size 0 needs an empty proof');
  if (proof.length === 0) return fail('the proof is empty');
  return walkConsistency(h, input);
}

function walkConsistency(h: Sha256, input: Parameters<typeof verifyConsistency>[1]): ProofCheck {
  // Step 2: when the old tree is a perfect subtree of the new one, its root is the first node.
  const path = isPowerOfTwo(input.fromSize) ? [input.fromRoot, ...input.proof] : [...input.proof];
  let fn = input.fromSize - 1;
  let sn = input.toSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return fail('the proof is longer than needed');
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(h, c, fr);
      sr = nodeHash(h, c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(h, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return fail('the proof is shorter than needed');
  if (!bytesEqual(fr, input.fromRoot)) return fail('the proof does not lead to the old root');
  return bytesEqual(sr, input.toRoot) ? OK : fail('the proof does not lead to the new root');
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) x /= 2;
  return x === 1;
}
