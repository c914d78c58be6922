/**
 * Reading the log: the latest checkpoint, pages of entries, one entry. Every
 * argument is re-checked here, whatever the HTTP schema already did.
 */
import { type LogContext, rowNote, signTreeHead, treeHeadNote } from './audit-context.js';
import { type AuditEntry, rowToEntry } from './audit-entry.js';
import { currentSize, entriesFrom, entryAt, lastEntry } from './audit-queries.js';
import { emptyRoot, isTreeIndex, toHex } from './engine/index.js';
import { auditErrors } from './errors.js';

export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;

export interface AuditCheckpoint {
  /** The C2SP signed note: what witnesses fetch and keep. */
  readonly text: string;
  readonly size: number;
  /** Root hash, hex. */
  readonly root: string;
  readonly origin: string;
  /** The note verifier key `<origin>+<key hash>+<base64(0x01||public key)>`. */
  readonly publicKey: string;
}

export interface AuditEntryPage {
  readonly entries: AuditEntry[];
  /** Entries in the whole log when the page was read. */
  readonly treeSize: number;
  /** `from` for the next page; null when this page reached the end. */
  readonly next: number | null;
}

export async function latestCheckpoint(ctx: LogContext): Promise<AuditCheckpoint> {
  const last = await lastEntry(ctx.db());
  if (last === undefined) {
    const root = emptyRoot(ctx.h);
    const text = treeHeadNote(ctx, 0, root, signTreeHead(ctx, 0, root));
    return { text, size: 0, root: toHex(root), origin: ctx.origin, publicKey: ctx.verifierKey };
  }
  return {
    text: rowNote(ctx, last),
    size: Number(last.tree_size),
    root: last.root_hash,
    origin: ctx.origin,
    publicKey: ctx.verifierKey,
  };
}

export async function readPage(
  ctx: LogContext,
  page: { from?: number; limit?: number } = {},
): Promise<AuditEntryPage> {
  const from = page.from ?? 0;
  const limit = page.limit ?? DEFAULT_PAGE;
  if (!isTreeIndex(from) || !Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw auditErrors.create('audit_range_invalid', {
      message: `Give from ≥ 0 and a limit from 1 to ${MAX_PAGE}.`,
    });
  }
  const rows = await entriesFrom(ctx.db(), from, limit);
  const treeSize = await currentSize(ctx.db());
  const last = rows.at(-1);
  const next = last === undefined || Number(last.idx) + 1 >= treeSize ? null : Number(last.idx) + 1;
  return { entries: rows.map(rowToEntry), treeSize, next };
}

export async function readEntry(ctx: LogContext, index: number): Promise<AuditEntry> {
  // Re-checked here: Fastify's coercion lets "1e400" through an integer schema as Infinity.
  if (!isTreeIndex(index)) {
    throw auditErrors.create('audit_range_invalid', {
      message: 'The index must be a whole number ≥ 0.',
    });
  }
  const row = await entryAt(ctx.db(), index);
  if (row === undefined) {
    throw auditErrors.create('audit_entry_not_found', {
      message: `There is no audit entry ${index}.`,
    });
  }
  return rowToEntry(row);
}
