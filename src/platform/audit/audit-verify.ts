/**
 * `verify`: stream through every stored entry in index order, in batches
 * (constant memory), and check each link of the chain separately so every
 * problem is named at the entry where it is:
 *
 *   content ──hash──▶ leaf hash ──tree──▶ root ──signature──▶ log key
 *
 * The tree is rebuilt from the stored leaf hashes with a compact range. When it
 * stops matching the signed heads (an entry changed, moved or removed), it is
 * re-anchored on the stored perfect subtrees — but only where they fold to a
 * validly signed head, so nothing unauthenticated is ever trusted. A witness
 * checkpoint then pins the log's history at its size, which catches truncation
 * and rewrites even by someone holding the signing key.
 */

import { headSignatureValid, type LogContext } from './audit-context.js';
import { parseRecord } from './audit-entry.js';
import {
  type AuditDb,
  countEntries,
  entriesInRange,
  firstIndexFrom,
  nodeKey,
  nodesCompletedBy,
  readNodes,
} from './audit-queries.js';
import type { AuditEntryRow } from './audit-tables.js';
import {
  appendLeaf,
  bytesEqual,
  EMPTY_FRONTIER,
  type Frontier,
  fromHex,
  frontierFromNodes,
  frontierRoot,
  HASH_SIZE,
  leafHash,
  type NodeHash,
  openCheckpoint,
  perfectCover,
  toHex,
  utf8,
} from './engine/index.js';
import { ProblemList, type VerifyReport } from './verify-report.js';

export interface VerifyOptions {
  /** A witness's saved copy of a checkpoint (signed note) from this log. */
  readonly checkpoint?: string;
  /** Called after each batch. */
  onProgress?(done: number, total: number): void;
}

/** Rows per batch: big enough to amortise queries, small enough to keep memory flat. */
const BATCH = 500;

interface Witness {
  readonly size: number;
  readonly root: Uint8Array;
  seen: boolean;
  consistent: boolean;
}

export async function verifyLog(
  ctx: LogContext,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const db = ctx.db();
  const checker = new LogChecker(ctx, db, readWitness(ctx, options.checkpoint));
  const total = await countEntries(db);
  let done = 0;
  let from = await firstIndexFrom(db);
  while (from !== undefined) {
    const to = from + BATCH;
    const rows = await entriesInRange(db, from, to);
    if (rows.length === 0) {
      from = await firstIndexFrom(db, to);
      continue;
    }
    const nodes = await nodesCompletedBy(db, Math.max(0, from), Math.max(0, to));
    for (const row of rows) await checker.check(row, nodes);
    done += rows.length;
    options.onProgress?.(done, Math.max(total, done)); // entries may arrive while we read
    from = to;
  }
  return checker.finish(done);
}

function readWitness(ctx: LogContext, note: string | undefined): Witness | string | undefined {
  if (note === undefined) return undefined;
  const opened = openCheckpoint(note, ctx.verifier);
  if (!opened.ok) return opened.reason;
  return { size: opened.value.size, root: opened.value.root, seen: false, consistent: true };
}

class LogChecker {
  readonly #problems = new ProblemList();
  readonly #witness: Witness | undefined;
  #expected = 0;
  #lastIndex: number | undefined;
  #lastRoot: string | null = null;
  /** The rebuilt tree; undefined while it is not anchored to a signed head. */
  #frontier: Frontier | undefined = EMPTY_FRONTIER;

  constructor(
    private readonly ctx: LogContext,
    private readonly db: AuditDb,
    witness: Witness | string | undefined,
  ) {
    if (typeof witness === 'string')
      this.#problems.add('witness_invalid', null, undefined, witness);
    this.#witness = typeof witness === 'string' ? undefined : witness;
  }

  async check(row: AuditEntryRow, nodes: ReadonlyMap<string, string>): Promise<void> {
    const index = Number(row.idx);
    if (!this.#position(index)) return;
    const leaf = this.#content(index, row);
    const signed = headSignatureValid(this.ctx, row);
    if (!signed) this.#problems.add('signature_invalid', index);
    const root = fromHex(row.root_hash);
    this.#lastRoot = row.root_hash;
    const anchor =
      signed && root !== undefined && Number(row.tree_size) === index + 1 ? root : undefined;
    await this.#link(index, leaf, root, anchor, nodes);
    this.#checkWitness(index, row);
  }

  /** Content → leaf hash, and the record's own idea of where it belongs. Returns the leaf to fold. */
  #content(index: number, row: AuditEntryRow): Uint8Array {
    const computed = leafHash(this.ctx.h, utf8(row.content));
    const stored = fromHex(row.leaf_hash);
    const record = parseRecord(row.content);
    if (stored?.length !== HASH_SIZE) {
      this.#problems.add('content_modified', index, undefined, 'its leaf hash is damaged');
    } else if (!bytesEqual(computed, stored)) {
      this.#problems.add('content_modified', index);
    } else if (record === undefined) {
      this.#problems.add('content_modified', index, undefined, 'not a readable record');
    }
    if (record !== undefined && record.index !== index) {
      this.#problems.add('entry_moved', index, undefined, `its record says entry ${record.index}`);
    } else if (Number(row.tree_size) !== index + 1) {
      const detail = `it carries the tree head for ${row.tree_size} entries`;
      this.#problems.add('entry_moved', index, undefined, detail);
    }
    return stored?.length === HASH_SIZE ? stored : computed;
  }

  /** Index bookkeeping: gaps, duplicates, impossible indexes. False when the row is skipped. */
  #position(index: number): boolean {
    if (!Number.isSafeInteger(index) || index < 0) {
      this.#problems.add('index_invalid', Number.isSafeInteger(index) ? index : null);
      return false;
    }
    if (index === this.#lastIndex) {
      this.#problems.add('index_duplicate', index);
      return false;
    }
    if (index > this.#expected) this.#problems.add('index_gap', this.#expected, index - 1);
    this.#expected = index + 1;
    this.#lastIndex = index;
    return true;
  }

  async #link(
    index: number,
    leaf: Uint8Array,
    root: Uint8Array | undefined,
    anchor: Uint8Array | undefined,
    nodes: ReadonlyMap<string, string>,
  ): Promise<void> {
    const h = this.ctx.h;
    const candidate =
      this.#frontier?.size === index ? appendLeaf(h, this.#frontier, leaf) : undefined;
    if (
      candidate !== undefined &&
      root !== undefined &&
      bytesEqual(frontierRoot(h, candidate.frontier), root)
    ) {
      this.#frontier = candidate.frontier;
      this.#checkNodes(index, candidate.completed, nodes);
      return;
    }
    if (candidate !== undefined) this.#problems.add('root_mismatch', index);
    this.#frontier = anchor === undefined ? undefined : await this.#reanchor(index, leaf, anchor);
    if (this.#frontier === undefined && candidate === undefined)
      this.#problems.add('tree_unverified', index);
  }

  /** Rebuild the tree at `index` from stored subtrees, accepted only if it folds to the signed root. */
  async #reanchor(
    index: number,
    leaf: Uint8Array,
    signedRoot: Uint8Array,
  ): Promise<Frontier | undefined> {
    const stored = await readNodes(this.db, perfectCover({ start: 0, end: index }));
    const base = frontierFromNodes(index, (level, i) => stored.get(nodeKey(level, i)));
    if (base === undefined) return undefined;
    const next = appendLeaf(this.ctx.h, base, leaf).frontier;
    return bytesEqual(frontierRoot(this.ctx.h, next), signedRoot) ? next : undefined;
  }

  #checkNodes(
    index: number,
    completed: readonly NodeHash[],
    nodes: ReadonlyMap<string, string>,
  ): void {
    if (completed.some((n) => nodes.get(nodeKey(n.level, n.index)) !== toHex(n.hash))) {
      this.#problems.add('node_mismatch', index);
    }
  }

  #checkWitness(index: number, row: AuditEntryRow): void {
    const w = this.#witness;
    if (w === undefined || index !== w.size - 1) return;
    w.seen = true;
    const matches = row.root_hash === toHex(w.root) && Number(row.tree_size) === w.size;
    // The stored head must match, and so must the tree rebuilt from the entries.
    const rebuilt =
      this.#frontier?.size === w.size
        ? bytesEqual(frontierRoot(this.ctx.h, this.#frontier), w.root)
        : true;
    if (!matches || !rebuilt) {
      w.consistent = false;
      this.#problems.add('witness_mismatch', index, undefined, `checkpoint of ${w.size} entries`);
    }
  }

  finish(checked: number): VerifyReport {
    const size = this.#lastIndex === undefined ? 0 : this.#lastIndex + 1;
    const w = this.#witness;
    if (w !== undefined && size < w.size) {
      w.consistent = false;
      this.#problems.add('truncated', size, w.size - 1);
    } else if (w !== undefined && w.size > 0 && !w.seen) {
      w.consistent = false;
      this.#problems.add('witness_mismatch', w.size - 1, undefined, 'that entry is missing');
    }
    const problems = this.#problems.list();
    return {
      ok: this.#problems.count === 0,
      origin: this.ctx.origin,
      treeSize: size,
      root: this.#lastRoot,
      entriesChecked: checked,
      problems,
      problemsOmitted: this.#problems.omitted,
      ...(w === undefined
        ? {}
        : { witness: { size: w.size, root: toHex(w.root), consistent: w.consistent } }),
    };
  }
}
