/**
 * What the audit log's parts share: the store, the hash, and the key, plus the
 * one way a tree head is written, signed and checked (a C2SP checkpoint whose
 * key name is the origin).
 */
import type { Store } from '../ports/store.js';
import type { AuditSigner } from './audit-key.js';
import type { AuditDb } from './audit-queries.js';
import type { AuditEntryRow, AuditTables } from './audit-tables.js';
import {
  ed25519KeyHash,
  formatCheckpoint,
  fromBase64,
  fromHex,
  HASH_SIZE,
  isValidKeyName,
  type NoteVerifier,
  type Sha256,
  signNote,
  utf8,
  verifierKeyString,
} from './engine/index.js';
import { auditErrors } from './errors.js';

export interface LogContext {
  readonly store: Store;
  readonly h: Sha256;
  readonly origin: string;
  readonly signer: AuditSigner;
  /** The note verifier for this log's own checkpoints. */
  readonly verifier: NoteVerifier;
  /** `<origin>+<key hash>+<base64(0x01||public key)>`. */
  readonly verifierKey: string;
  db(): AuditDb;
}

export function createLogContext(
  store: Store,
  signer: AuditSigner,
  origin: string,
  h: Sha256,
): LogContext {
  if (!isValidKeyName(origin)) throw auditErrors.create('audit_origin_invalid');
  const keyHash = ed25519KeyHash(h, origin, signer.publicKey);
  return {
    store,
    h,
    origin,
    signer,
    verifier: { name: origin, keyHash, verify: (m, s) => signer.verify(m, s) },
    verifierKey: verifierKeyString(h, origin, signer.publicKey),
    db: () => store.db<AuditTables>(),
  };
}

/** Sign the checkpoint for a tree head; returns the raw signature (stored per entry). */
export function signTreeHead(ctx: LogContext, size: number, root: Uint8Array): Uint8Array {
  return ctx.signer.sign(utf8(formatCheckpoint({ origin: ctx.origin, size, root })));
}

/** The signed note for a tree head, given the stored raw signature. */
export function treeHeadNote(
  ctx: LogContext,
  size: number,
  root: Uint8Array,
  signature: Uint8Array,
): string {
  const body = formatCheckpoint({ origin: ctx.origin, size, root });
  return signNote(body, { name: ctx.origin, keyHash: ctx.verifier.keyHash, sign: () => signature });
}

/** Parse a stored tree head; undefined when any part of it is malformed. */
export function storedHead(
  row: AuditEntryRow,
): { size: number; root: Uint8Array; signature: Uint8Array } | undefined {
  const size = Number(row.tree_size);
  const root = fromHex(row.root_hash);
  const signature = fromBase64(row.signature);
  if (
    !Number.isSafeInteger(size) ||
    size < 1 ||
    root?.length !== HASH_SIZE ||
    signature === undefined
  ) {
    return undefined;
  }
  return { size, root, signature };
}

/** True when the stored signature is this log's key signing exactly that tree head. */
export function headSignatureValid(ctx: LogContext, row: AuditEntryRow): boolean {
  const head = storedHead(row);
  if (head === undefined) return false;
  const body = formatCheckpoint({ origin: ctx.origin, size: head.size, root: head.root });
  return ctx.signer.verify(utf8(body), head.signature);
}

/** The signed note stored with a row, or `audit_state_invalid` when the row is damaged. */
export function rowNote(ctx: LogContext, row: AuditEntryRow): string {
  const head = storedHead(row);
  if (head === undefined) {
    throw auditErrors.create('audit_state_invalid', {
      message: `The tree head stored with audit entry ${row.idx} is damaged. Run \`shieldwall audit verify\`.`,
    });
  }
  return treeHeadNote(ctx, head.size, head.root, head.signature);
}
