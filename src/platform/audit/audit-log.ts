/**
 * The tamper-evident audit log service. Appends are serial across processes and
 * instances (the store's `audit` lock, taken by `append` or inside a caller's transaction by
 * `appendWithin`); each entry stores its
 * canonical record, leaf hash and the signed tree head right after it, plus the
 * perfect subtrees it completes, so proofs and the next append are O(log n).
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../logger.js';
import type { Bus } from '../ports/bus.js';
import type { Store } from '../ports/store.js';
import { createLogContext, type LogContext, signTreeHead } from './audit-context.js';
import {
  type AppendInput,
  type AuditEntry,
  canonicalRecord,
  type EntryFields,
  rowToEntry,
  validateAppend,
} from './audit-entry.js';
import { type AuditSigner, nodeSha256 } from './audit-key.js';
import {
  type ConsistencyProof,
  type InclusionProof,
  proveConsistency,
  proveInclusion,
} from './audit-proofs.js';
import {
  type AuditDb,
  currentSize,
  insertNodes,
  lastEntry,
  nodeKey,
  readNodes,
} from './audit-queries.js';
import {
  type AuditCheckpoint,
  type AuditEntryPage,
  latestCheckpoint,
  readEntry,
  readPage,
} from './audit-reads.js';
import type { AuditEntryRow, AuditTables } from './audit-tables.js';
import { type VerifyOptions, verifyLog } from './audit-verify.js';
import {
  appendLeaf,
  bytesEqual,
  emptyRoot,
  type Frontier,
  fromHex,
  frontierFromNodes,
  frontierRoot,
  leafHash,
  perfectCover,
  type Sha256,
  toBase64,
  toHex,
  utf8,
} from './engine/index.js';
import { auditErrors } from './errors.js';
import type { VerifyReport } from './verify-report.js';

/** The subject `append` publishes on after each commit. */
export const AUDIT_APPENDED = 'audit.appended';

export interface AuditAppendedEvent {
  readonly index: number;
  readonly treeSize: number;
  /** Root after the entry, hex. */
  readonly root: string;
}

export interface AuditPublicKey {
  readonly origin: string;
  /** SPKI PEM. */
  readonly pem: string;
  /** The note verifier key string witnesses configure. */
  readonly verifierKey: string;
}

export interface AuditLog {
  readonly origin: string;
  /** Append one entry; resolves once it is committed (and announced on the bus, best effort). */
  append(input: AppendInput): Promise<AuditEntry>;
  /**
   * Append one entry inside the caller's open transaction (a `store.transaction`): the entry
   * commits or rolls back with the change it records, so neither is ever kept without the
   * other, and one commit serves both. Takes the audit lock in `trx`, so do this last in the
   * transaction (the lock is held until it ends). After the commit, call `announce()`.
   */
  appendWithin(trx: Kysely<unknown>, input: AppendInput): Promise<PendingAuditEntry>;
  /** Number of entries. */
  size(): Promise<number>;
  /** The latest signed tree head. */
  checkpoint(): Promise<AuditCheckpoint>;
  /** Entries with index ≥ from (default 0), at most `limit` (1–1000, default 100). */
  entries(page?: { from?: number; limit?: number }): Promise<AuditEntryPage>;
  get(index: number): Promise<AuditEntry>;
  inclusionProof(index: number, treeSize?: number): Promise<InclusionProof>;
  consistencyProof(from: number, to: number): Promise<ConsistencyProof>;
  verify(options?: VerifyOptions): Promise<VerifyReport>;
  publicKey(): AuditPublicKey;
}

/** An entry appended inside a caller's transaction, to be announced once that commits. */
export interface PendingAuditEntry {
  readonly entry: AuditEntry;
  /** Publish `audit.appended` (best effort, like `append`). Call only after the commit. */
  announce(): Promise<void>;
}

export interface AuditLogOptions {
  readonly store: Store;
  readonly bus: Bus;
  readonly signer: AuditSigner;
  /** Checkpoint origin line and signing key name, e.g. `audit.example.org`. */
  readonly origin: string;
  /** Clock, epoch milliseconds. */
  readonly now: () => number;
  readonly logger: Pick<Logger, 'warn' | 'error'>;
  /** SHA-256; node:crypto by default. */
  readonly hasher?: Sha256;
}

export function createAuditLog(options: AuditLogOptions): AuditLog {
  const ctx = createLogContext(
    options.store,
    options.signer,
    options.origin,
    options.hasher ?? nodeSha256,
  );
  const db = () => ctx.db();

  return {
    origin: ctx.origin,
    async append(input) {
      const fields = validateAppend(input);
      const time = isoTime(options.now());
      canonicalRecord(fields, 0, time); // refuse bad data before taking the lock
      const row = await options.store.transaction<AuditTables, AuditEntryRow>(
        (trx) => appendRow(ctx, trx, fields, time),
        { lock: 'audit' },
      );
      await announce(options, row);
      return rowToEntry(row);
    },
    async appendWithin(trx, input) {
      const fields = validateAppend(input);
      const time = isoTime(options.now());
      canonicalRecord(fields, 0, time);
      await options.store.lock(trx, 'audit');
      const row = await appendRow(ctx, trx as AuditDb, fields, time);
      return { entry: rowToEntry(row), announce: () => announce(options, row) };
    },
    size: () => currentSize(db()),
    checkpoint: () => latestCheckpoint(ctx),
    entries: (page) => readPage(ctx, page),
    get: (index) => readEntry(ctx, index),
    inclusionProof: (index, treeSize) => proveInclusion(ctx, index, treeSize),
    consistencyProof: (from, to) => proveConsistency(ctx, from, to),
    verify: (verifyOptions) => verifyLog(ctx, verifyOptions),
    publicKey: () => ({
      origin: ctx.origin,
      pem: ctx.signer.publicKeyPem,
      verifierKey: ctx.verifierKey,
    }),
  };
}

function isoTime(ms: number): string {
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime()))
    throw new Error(`the clock returned ${ms}`);
  return date.toISOString();
}

/** The serial section: read the tip, extend the tree by one leaf, sign, store. */
async function appendRow(
  ctx: LogContext,
  trx: AuditDb,
  fields: EntryFields,
  time: string,
): Promise<AuditEntryRow> {
  const last = await lastEntry(trx);
  const index = last === undefined ? 0 : Number(last.idx) + 1;
  const frontier = await loadFrontier(ctx, trx, index, last);
  const content = canonicalRecord(fields, index, time);
  const leaf = leafHash(ctx.h, utf8(content));
  const { frontier: next, completed } = appendLeaf(ctx.h, frontier, leaf);
  const root = frontierRoot(ctx.h, next);
  const row: AuditEntryRow = {
    idx: index,
    content,
    leaf_hash: toHex(leaf),
    tree_size: index + 1,
    root_hash: toHex(root),
    signature: toBase64(signTreeHead(ctx, index + 1, root)),
  };
  await trx.insertInto('audit_entry').values(row).execute();
  await insertNodes(trx, completed);
  return row;
}

/**
 * The compact range at the tip, from stored subtrees. It must fold to the last
 * signed root: appending onto a damaged tree would bury the damage under new
 * signatures, so the log refuses and says why.
 */
async function loadFrontier(
  ctx: LogContext,
  trx: AuditDb,
  size: number,
  last: AuditEntryRow | undefined,
): Promise<Frontier> {
  const nodes = await readNodes(trx, perfectCover({ start: 0, end: size }));
  const frontier = frontierFromNodes(size, (level, index) => nodes.get(nodeKey(level, index)));
  const lastRoot = last === undefined ? emptyRoot(ctx.h) : fromHex(last.root_hash);
  if (
    frontier === undefined ||
    lastRoot === undefined ||
    !bytesEqual(frontierRoot(ctx.h, frontier), lastRoot)
  ) {
    throw auditErrors.create('audit_state_invalid', {
      message: `The stored audit tree does not match the signed head of entry ${size - 1}; refusing to append. Run \`shieldwall audit verify\`.`,
    });
  }
  return frontier;
}

/** Publish after commit; the entry is already safe, so a bus failure is only logged. */
async function announce(options: AuditLogOptions, row: AuditEntryRow): Promise<void> {
  const event: AuditAppendedEvent = {
    index: row.idx,
    treeSize: row.tree_size,
    root: row.root_hash,
  };
  try {
    await options.bus.publish(AUDIT_APPENDED, event, {
      msgId: `audit-${row.idx}-${row.root_hash.slice(0, 16)}`,
    });
  } catch (err) {
    options.logger.warn(
      { err, index: row.idx },
      'audit entry stored, but audit.appended could not be published',
    );
  }
}
