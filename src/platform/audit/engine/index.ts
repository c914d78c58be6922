/**
 * The audit engine: pure RFC 6962/9162 Merkle tree and C2SP note code with no
 * I/O and no runtime dependencies, so a browser or a witness can check Shieldwall's
 * audit log with exactly the code that writes it. Hashing and signatures are injected.
 */
export { bytesEqual, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.js';
export {
  type Checkpoint,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
} from './checkpoint.js';
export {
  type AppendResult,
  appendLeaf,
  EMPTY_FRONTIER,
  type Frontier,
  frontierFromNodes,
  frontierOf,
  frontierRoot,
} from './compact-range.js';
export { MemoryTree } from './memory-tree.js';
export {
  buildProof,
  consistencyPlan,
  emptyRoot,
  foldRange,
  HASH_SIZE,
  inclusionPlan,
  isTreeIndex,
  leafHash,
  type NodeHash,
  type NodeId,
  nodeHash,
  perfectCover,
  planNodes,
  type Range,
  type Sha256,
} from './merkle.js';
export { type ProofCheck, verifyConsistency, verifyInclusion } from './merkle-verify.js';
export {
  ed25519KeyHash,
  isValidKeyName,
  MAX_NOTE_LENGTH,
  type NoteSignature,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  type Parsed,
  parseNote,
  parseVerifierKey,
  signNote,
  verifierKeyString,
} from './signed-note.js';
