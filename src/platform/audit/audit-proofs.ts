/**
 * Inclusion and consistency proofs served from the stored perfect subtrees:
 * the engine plans which subtrees a proof needs, one query fetches them, and
 * every proof is checked before it is served — a damaged node table answers
 * `audit_state_invalid`, never a proof that fails on the client.
 */

import { type LogContext, rowNote, storedHead } from './audit-context.js';
import { type AuditDb, currentSize, entryAt, nodeKey, readNodes } from './audit-queries.js';
import {
  buildProof,
  consistencyPlan,
  emptyRoot,
  fromHex,
  inclusionPlan,
  isTreeIndex,
  planNodes,
  type Range,
  toHex,
  verifyConsistency,
  verifyInclusion,
} from './engine/index.js';
import { auditErrors } from './errors.js';

export interface InclusionProof {
  readonly index: number;
  readonly treeSize: number;
  /** Leaf hash of the entry, hex. */
  readonly leafHash: string;
  /** Root of the tree of `treeSize` entries, hex. */
  readonly root: string;
  /** RFC 9162 audit path, deepest sibling first, hex. */
  readonly proof: string[];
  /** The signed checkpoint for `treeSize`, so the root can be trusted. */
  readonly checkpoint: string;
}

export interface ConsistencyProof {
  readonly from: number;
  readonly to: number;
  readonly fromRoot: string;
  readonly toRoot: string;
  /** RFC 9162 consistency proof, hex. */
  readonly proof: string[];
  /** The signed checkpoint for `to`. */
  readonly checkpoint: string;
}

const rangeError = (message: string) => auditErrors.create('audit_range_invalid', { message });
const stateError = (message: string) =>
  auditErrors.create('audit_state_invalid', {
    message: `${message} Run \`shieldwall audit verify\`.`,
  });

export async function proveInclusion(
  ctx: LogContext,
  index: number,
  treeSize?: number,
): Promise<InclusionProof> {
  const db = ctx.db();
  const size = await currentSize(db);
  if (!isTreeIndex(index)) throw rangeError('The index must be a whole number ≥ 0.');
  if (treeSize !== undefined && (!isTreeIndex(treeSize) || treeSize > size)) {
    throw rangeError(`The log has ${size} entries, so there is no tree of size ${treeSize}.`);
  }
  const n = treeSize ?? size;
  if (index >= n) {
    if (treeSize !== undefined && index < size)
      throw rangeError(`Entry ${index} is not in the first ${n} entries.`);
    throw auditErrors.create('audit_entry_not_found', {
      message: `There is no audit entry ${index}.`,
    });
  }
  const [leafRow, headRow] = [await entryAt(db, index), await entryAt(db, n - 1)];
  const leaf = leafRow === undefined ? undefined : fromHex(leafRow.leaf_hash);
  const head = headRow === undefined ? undefined : storedHead(headRow);
  if (leaf === undefined || head === undefined || headRow === undefined) {
    throw stateError(`Audit entry ${leafRow === undefined ? index : n - 1} is missing or damaged.`);
  }
  const proof = await fetchProof(ctx, db, inclusionPlan(index, n));
  const check =
    proof && verifyInclusion(ctx.h, { index, size: n, leafHash: leaf, proof, root: head.root });
  if (proof === undefined || check?.ok !== true) {
    throw stateError(`The stored tree cannot prove entry ${index} in the tree of ${n} entries.`);
  }
  return {
    index,
    treeSize: n,
    leafHash: toHex(leaf),
    root: toHex(head.root),
    proof: proof.map(toHex),
    checkpoint: rowNote(ctx, headRow),
  };
}

export async function proveConsistency(
  ctx: LogContext,
  from: number,
  to: number,
): Promise<ConsistencyProof> {
  const db = ctx.db();
  const size = await currentSize(db);
  if (!isTreeIndex(from) || !isTreeIndex(to) || from > to || to < 1) {
    throw rangeError('Give two tree sizes with 0 ≤ from ≤ to and to ≥ 1.');
  }
  if (to > size)
    throw rangeError(`The log has ${size} entries, so there is no tree of size ${to}.`);
  const toRow = await entryAt(db, to - 1);
  const fromRow = from === 0 ? undefined : await entryAt(db, from - 1);
  const toHead = toRow === undefined ? undefined : storedHead(toRow);
  const fromRoot = from === 0 ? emptyRoot(ctx.h) : fromRow && storedHead(fromRow)?.root;
  if (toRow === undefined || toHead === undefined || fromRoot === undefined) {
    throw stateError(`The tree heads for sizes ${from} and ${to} are missing or damaged.`);
  }
  const proof = await fetchProof(ctx, db, consistencyPlan(from, to));
  const input = { fromSize: from, toSize: to, fromRoot, toRoot: toHead.root, proof: proof ?? [] };
  if (proof === undefined || !verifyConsistency(ctx.h, input).ok) {
    throw stateError(`The stored tree cannot prove that ${from} entries grew into ${to}.`);
  }
  return {
    from,
    to,
    fromRoot: toHex(fromRoot),
    toRoot: toHex(toHead.root),
    proof: proof.map(toHex),
    checkpoint: rowNote(ctx, toRow),
  };
}

async function fetchProof(
  ctx: LogContext,
  db: AuditDb,
  plan: readonly Range[],
): Promise<Uint8Array[] | undefined> {
  const nodes = await readNodes(db, planNodes(plan));
  return buildProof(ctx.h, plan, (id) => nodes.get(nodeKey(id.level, id.index)));
}
