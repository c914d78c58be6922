/**
 * What an audit entry is: the input modules give, its validation (every field
 * bounded), and its canonical record — the JSON whose UTF-8 bytes are the Merkle
 * leaf. The record carries its own `index` and `time`, so an entry moved to
 * another position, or re-dated, no longer matches the tree.
 *
 * Canonical record (keys sorted, no whitespace; see canonical-json.ts), e.g.
 * {"action":"access.key.revoked","actor":"user:42","data":{"reason":"leaked"},
 *  "index":17,"outcome":"success","subject":"key:k_9f","time":"2026-11-22T10:00:00.000Z","v":1}
 */
import type { AuditEntryRow } from './audit-tables.js';
import { canonicalJson } from './canonical-json.js';
import { auditErrors } from './errors.js';

export type AuditOutcome = 'success' | 'denied' | 'failure';

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

export interface AppendInput {
  /** Who did it: `system`, `user:<id>`, `key:<id>`, `cli:<os user>` … (1–200 characters). */
  readonly actor: string;
  /** What happened, dotted lowercase words: `access.key.revoked` (2–8 words, ≤ 128 characters). */
  readonly action: string;
  /** What it happened to: `org:acme`, `key:k_9f` … (≤ 500 characters). */
  readonly subject?: string;
  /** Default `success`. */
  readonly outcome?: AuditOutcome;
  /** Details as JSON; at most 64 KiB once serialised. Never put secrets here: the log is public. */
  readonly data?: Record<string, unknown>;
  /** The HTTP request id or CLI run id that caused it (≤ 128 characters). */
  readonly requestId?: string;
}

export interface AuditEntry {
  readonly index: number;
  /** When it was appended, ISO 8601 UTC. */
  readonly time: string;
  readonly actor: string;
  readonly action: string;
  readonly subject?: string;
  readonly outcome: AuditOutcome;
  readonly data?: Record<string, unknown>;
  readonly requestId?: string;
  /** The canonical record: its UTF-8 bytes are the Merkle leaf data. */
  readonly canonical: string;
  /** SHA-256(0x00 || canonical), lowercase hex. */
  readonly leafHash: string;
  /** The signed tree head this entry carries: the tree of entries 0..index. */
  readonly treeSize: number;
  /** Root of that tree, lowercase hex. */
  readonly root: string;
  /** Ed25519 signature (base64) over the C2SP checkpoint `origin\ntreeSize\nbase64(root)\n`. */
  readonly signature: string;
}

export const MAX_DATA_BYTES = 64 * 1024;
const ACTION = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*){1,7}$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

const invalid = (message: string) => auditErrors.create('audit_entry_invalid', { message });

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw invalid(`The audit entry's ${field} must be text of 1 to ${max} characters.`);
  }
  if (CONTROL.test(value) || /\p{Surrogate}/u.test(value)) {
    throw invalid(`The audit entry's ${field} contains control characters or broken Unicode.`);
  }
  return value;
}

/** The fields of the canonical record other than index and time. */
export interface EntryFields {
  readonly actor: string;
  readonly action: string;
  readonly subject?: string;
  readonly outcome: AuditOutcome;
  readonly data?: Record<string, unknown>;
  readonly requestId?: string;
}

/** Validate what a module asked to append; throws `audit_entry_invalid` with a plain reason. */
export function validateAppend(input: AppendInput): EntryFields {
  const action = text(input.action, 'action', 128);
  if (!ACTION.test(action)) {
    throw invalid('The audit action must be dotted lowercase words, like access.key.revoked.');
  }
  const outcome = input.outcome ?? 'success';
  if (!AUDIT_OUTCOMES.includes(outcome)) {
    throw invalid('The audit outcome must be success, denied or failure.');
  }
  const data = input.data;
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    throw invalid("The audit entry's data must be a JSON object.");
  }
  return {
    actor: text(input.actor, 'actor', 200),
    action,
    outcome,
    ...(input.subject === undefined ? {} : { subject: text(input.subject, 'subject', 500) }),
    ...(data === undefined ? {} : { data }),
    ...(input.requestId === undefined
      ? {}
      : { requestId: text(input.requestId, 'requestId', 128) }),
  };
}

/** The canonical record for an entry at `index`, appended at `time` (ISO 8601). */
export function canonicalRecord(fields: EntryFields, index: number, time: string): string {
  const record = { v: 1, index, time, ...fields };
  const result = canonicalJson(record, MAX_DATA_BYTES + 4096);
  if (!result.ok) throw invalid(`The audit entry's data ${result.reason}.`);
  const dataBytes =
    fields.data === undefined ? 0 : byteLength(canonicalJson(fields.data, MAX_DATA_BYTES));
  if (dataBytes > MAX_DATA_BYTES) throw invalid("The audit entry's data is larger than 64 KiB.");
  return result.text;
}

function byteLength(result: ReturnType<typeof canonicalJson>): number {
  return result.ok ? new TextEncoder().encode(result.text).length : Number.POSITIVE_INFINITY;
}

/** Read a stored canonical record back; undefined when it is not one (damaged or forged). */
export function parseRecord(
  canonical: string,
): (EntryFields & { index: number; time: string }) | undefined {
  let value: unknown;
  try {
    value = JSON.parse(canonical);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const r = value as Record<string, unknown>;
  const ok =
    r.v === 1 &&
    Number.isSafeInteger(r.index) &&
    typeof r.time === 'string' &&
    typeof r.actor === 'string' &&
    typeof r.action === 'string' &&
    AUDIT_OUTCOMES.includes(r.outcome as AuditOutcome) &&
    (r.subject === undefined || typeof r.subject === 'string') &&
    (r.requestId === undefined || typeof r.requestId === 'string') &&
    (r.data === undefined ||
      (typeof r.data === 'object' && r.data !== null && !Array.isArray(r.data)));
  return ok ? (r as unknown as EntryFields & { index: number; time: string }) : undefined;
}

/** A stored row as the API shows it; `audit_state_invalid` when its content is damaged. */
export function rowToEntry(row: AuditEntryRow): AuditEntry {
  const record = parseRecord(row.content);
  if (record === undefined) {
    throw auditErrors.create('audit_state_invalid', {
      message: `Audit entry ${row.idx} cannot be read: its stored content is damaged. Run \`shieldwall audit verify\`.`,
    });
  }
  return {
    index: Number(row.idx),
    time: record.time,
    actor: record.actor,
    action: record.action,
    ...(record.subject === undefined ? {} : { subject: record.subject }),
    outcome: record.outcome,
    ...(record.data === undefined ? {} : { data: record.data }),
    ...(record.requestId === undefined ? {} : { requestId: record.requestId }),
    canonical: row.content,
    leafHash: row.leaf_hash,
    treeSize: Number(row.tree_size),
    root: row.root_hash,
    signature: row.signature,
  };
}
