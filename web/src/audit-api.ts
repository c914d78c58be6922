import { type GetOptions, getJson, isRecord } from './api.js';

/**
 * The audit log's answers, checked loosely on purpose: the page should keep
 * working when the server adds fields, and show what it can when an optional
 * one is missing. Shapes follow src/platform/audit/audit-routes.ts (which also
 * sends each entry's canonical record, hashes and signature; this page does not
 * need them).
 */

/** The signed summary of the whole log (a transparency-log checkpoint). */
export interface Checkpoint {
  /** The checkpoint exactly as signed: what people keep a copy of. */
  readonly text: string;
  /** How many entries it covers. */
  readonly size: number;
  /** The Merkle tree root hash (lowercase hex). */
  readonly root: string;
  /** The log's name, first line of the checkpoint. */
  readonly origin: string;
  /** The note verifier key that checks the signature: `<origin>+<key hash>+<base64 key>`. */
  readonly publicKey: string;
}

export interface AuditEntry {
  readonly index: number;
  /** When it was recorded (the server sends ISO 8601; epoch milliseconds are accepted too). */
  readonly time: Date | null;
  readonly actor: string;
  readonly action: string;
  readonly subject?: string;
  readonly outcome: string;
  readonly data?: unknown;
}

export interface AuditEntries {
  readonly entries: readonly AuditEntry[];
  /** Entries in the whole log (the list is only the latest few). */
  readonly treeSize: number;
}

function parseCheckpoint(value: unknown): Checkpoint | null {
  if (!isRecord(value)) return null;
  const { text, size, root, origin, publicKey } = value;
  if (typeof text !== 'string' || typeof size !== 'number') return null;
  return {
    text,
    size,
    root: typeof root === 'string' ? root : '',
    origin: typeof origin === 'string' ? origin : (text.split('\n', 1)[0] ?? ''),
    publicKey: typeof publicKey === 'string' ? publicKey : '',
  };
}

function parseEntry(value: unknown): AuditEntry | null {
  if (!isRecord(value)) return null;
  const { index, time, actor, action, subject, outcome, data } = value;
  if (typeof index !== 'number' || typeof action !== 'string') return null;
  return {
    index,
    time: parseTime(time),
    actor: typeof actor === 'string' ? actor : '',
    action,
    ...(typeof subject === 'string' && subject !== '' ? { subject } : {}),
    outcome: typeof outcome === 'string' ? outcome : '',
    ...(data === undefined || data === null ? {} : { data }),
  };
}

function parseTime(value: unknown): Date | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parseEntries(value: unknown): AuditEntries | null {
  if (!isRecord(value) || !Array.isArray(value.entries)) return null;
  const entries: AuditEntry[] = [];
  for (const item of value.entries) {
    const entry = parseEntry(item);
    if (entry === null) return null;
    entries.push(entry);
  }
  // Newest first, whatever order the server used: people look for what just happened.
  entries.sort((a, b) => b.index - a.index);
  const treeSize = typeof value.treeSize === 'number' ? value.treeSize : entries.length;
  return { entries, treeSize };
}

export function fetchCheckpoint(options?: GetOptions): Promise<Checkpoint> {
  return getJson('/api/audit/checkpoint', parseCheckpoint, options);
}

/** How many entries the page shows. */
export const LATEST_ENTRIES = 20;

/**
 * The newest entries. The server pages in index order from `from` (default 0),
 * so the first answer tells us the log's size, and a longer log needs a second
 * request for its tail.
 */
export async function fetchLatestEntries(options?: GetOptions): Promise<AuditEntries> {
  const first = await getJson(`/api/audit/entries?limit=${LATEST_ENTRIES}`, parseEntries, options);
  if (first.treeSize <= LATEST_ENTRIES) return first;
  const from = first.treeSize - LATEST_ENTRIES;
  return getJson(`/api/audit/entries?from=${from}&limit=${LATEST_ENTRIES}`, parseEntries, options);
}
