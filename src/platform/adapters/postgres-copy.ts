import { once } from 'node:events';
import { CompiledQuery, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { checkRows, type RowInserter } from './insert-rows.js';

/**
 * Bulk inserts on PostgreSQL with `COPY … FROM STDIN` (through `pg-copy-streams`, the driver's
 * companion for the COPY sub-protocol) instead of multi-row INSERTs: the server neither parses a
 * statement nor binds thousands of parameters, which measured about 40% less server CPU per
 * 13-column STIX row (26 against 46 µs). COPY is all-or-nothing like the INSERT it replaces, and
 * runs in the caller's transaction.
 *
 * Kysely does not hand out the driver's client behind a transaction, so the rows travel as the one
 * parameter of a compiled query, wrapped in `CopyRows`, and the pool's clients (`withCopy`) run
 * any query carrying one as a COPY on the same connection. Only this module makes `CopyRows`, so
 * no other query can take that path.
 */

class CopyRows {
  constructor(
    readonly statement: string,
    readonly data: Buffer,
  ) {}
}

/** A value in COPY's text format: `\N` for null, backslash and control characters escaped. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'bigint') s = String(value);
  else if (typeof value === 'boolean') s = value ? 't' : 'f';
  else
    throw new Error(`insertRows: a ${typeof value} value cannot be stored (text, numbers, null)`);
  // JSON text holds no raw control characters (JSON escapes them), only backslashes: the common
  // case is one native scan and at most one native replace.
  if (CONTROL.test(s)) return escapeField(s);
  return s.includes('\\') ? s.replaceAll('\\', '\\\\') : s;
}

/** Characters COPY's text format reads specially besides the backslash; one class, linear time. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001f]/;

const TAB = Buffer.from('\t');
const NEWLINE = Buffer.from('\n');

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function escapeField(s: string): string {
  if (s.includes('\u0000'))
    throw new Error('insertRows: text with a NUL character cannot be stored');
  // One character class, no nesting: linear time.
  return s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}

export function createCopyInserter(): RowInserter {
  return async (trx: Kysely<unknown>, table, columns, rows) => {
    checkRows(table, columns, rows);
    const width = columns.length;
    if (rows.length === 0) return;
    // Each field encoded on its own and the pieces copied once: joining the JSON texts into one
    // string first cost three times as much (measured: 7.6 against 24 µs per 2.5 KB row).
    const pieces: Buffer[] = new Array(rows.length * width * 2);
    let p = 0;
    for (const row of rows) {
      for (let c = 0; c < width; c++) {
        pieces[p++] = Buffer.from(field(row[c]));
        pieces[p++] = c === width - 1 ? NEWLINE : TAB;
      }
    }
    const statement = `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`;
    const payload = new CopyRows(statement, Buffer.concat(pieces));
    await trx.executeQuery(CompiledQuery.raw(statement, [payload]));
  };
}

/** Make the pool's clients run `CopyRows` queries as COPY; every other query goes through untouched. */
export function withCopy(pool: pg.Pool): pg.Pool {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    // biome-ignore lint/suspicious/noExplicitAny: pg's query() is heavily overloaded
    (client as any).query = (...args: unknown[]) => {
      const parameters = args[1];
      if (Array.isArray(parameters) && parameters[0] instanceof CopyRows)
        return runCopy(client, parameters[0]);
      return query(...args);
    };
  });
  return pool;
}

async function runCopy(
  client: pg.PoolClient | pg.Client,
  rows: CopyRows,
): Promise<{ rows: never[]; rowCount: number; command: string }> {
  const stream = client.query(copyFrom(rows.statement));
  const done = once(stream, 'finish');
  stream.end(rows.data);
  await done; // rejects with the server's error (a unique violation, a bad value)
  return { rows: [], rowCount: stream.rowCount, command: 'COPY' };
}
