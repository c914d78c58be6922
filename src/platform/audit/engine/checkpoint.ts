/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the signed tree head
 * witnesses fetch and keep. The note text is
 *
 *     <origin>\n<tree size, decimal>\n<base64(root hash)>\n[extension lines\n]
 *
 * signed as a C2SP signed note whose key name is the origin.
 */
import { fromBase64, toBase64 } from './bytes.js';
import { HASH_SIZE } from './merkle.js';
import {
  checkNoteText,
  isValidKeyName,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  type Parsed,
  signNote,
} from './signed-note.js';

export interface Checkpoint {
  readonly origin: string;
  readonly size: number;
  readonly root: Uint8Array;
  /** Optional extra lines after the root; we write none but keep what others wrote. */
  readonly extensions?: readonly string[];
}

const MAX_EXTENSIONS = 32;

export function formatCheckpoint(cp: Checkpoint): string {
  if (!isValidKeyName(cp.origin)) throw new Error('the origin must be a valid key name');
  if (!Number.isSafeInteger(cp.size) || cp.size < 0) throw new Error('bad checkpoint size');
  if (cp.root.length !== HASH_SIZE) throw new Error('bad checkpoint root');
  const extensions = (cp.extensions ?? []).map((line) => `${line}\n`).join('');
  return `${cp.origin}\n${cp.size}\n${toBase64(cp.root)}\n${extensions}`;
}

export function parseCheckpoint(text: string): Parsed<Checkpoint> {
  const problem = checkNoteText(text);
  if (problem !== undefined) return { ok: false, reason: problem };
  const lines = text.slice(0, -1).split('\n');
  const [origin, sizeLine, rootLine, ...extensions] = lines;
  if (origin === undefined || sizeLine === undefined || rootLine === undefined) {
    return { ok: false, reason: 'a checkpoint has at least three lines' };
  }
  if (!isValidKeyName(origin)) return { ok: false, reason: 'the origin line is not valid' };
  if (!/^(0|[1-9][0-9]{0,15})$/.test(sizeLine) || !Number.isSafeInteger(Number(sizeLine))) {
    return { ok: false, reason: 'the tree size is not a decimal integer' };
  }
  const root = fromBase64(rootLine);
  if (root?.length !== HASH_SIZE)
    return { ok: false, reason: 'the root is not a base64 SHA-256 hash' };
  if (extensions.length > MAX_EXTENSIONS || extensions.some((l) => l.length === 0)) {
    return { ok: false, reason: 'the extension lines are not valid' };
  }
  return { ok: true, value: { origin, size: Number(sizeLine), root, extensions } };
}

export function signCheckpoint(cp: Checkpoint, signer: NoteSigner): string {
  return signNote(formatCheckpoint(cp), signer);
}

/**
 * Parse and verify a signed checkpoint from `origin`: the signature must be by
 * `verifier`, and the origin line must match (so one log's checkpoint cannot be
 * passed off as another's).
 */
export function openCheckpoint(note: string, verifier: NoteVerifier): Parsed<Checkpoint> {
  const opened = openNote(note, verifier);
  if (!opened.ok) return opened;
  const cp = parseCheckpoint(opened.value);
  if (!cp.ok) return cp;
  if (cp.value.origin !== verifier.name) {
    return {
      ok: false,
      reason: `the checkpoint is for "${cp.value.origin}", not "${verifier.name}"`,
    };
  }
  return cp;
}
