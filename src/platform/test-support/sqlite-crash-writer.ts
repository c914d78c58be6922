/**
 * The child process of `sqlite-crash.test.ts`: opens a SQLite store, migrates it,
 * then commits transactions of 1–5 rows in a loop, printing each transaction id
 * on stdout only after its commit returned. The parent kills it with SIGKILL
 * mid-stream and checks that every printed id survived whole.
 *
 * Usage: node --import tsx src/platform/test-support/sqlite-crash-writer.ts <file>
 */
import { createHash, randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createSqliteStore } from '../adapters/sqlite-store.js';
import type { Migration } from '../ports/store.js';

export interface CrashRow {
  tx_id: number;
  /** 0 … row_count - 1 within its transaction. */
  seq: number;
  /** How many rows its transaction wrote, so a partial one is visible from any row. */
  row_count: number;
  payload: string;
  checksum: string;
}

export interface CrashTables {
  crash_row: CrashRow;
}

export function rowChecksum(row: Omit<CrashRow, 'checksum'>): string {
  const text = `${row.tx_id}:${row.seq}:${row.row_count}:${row.payload}`;
  return createHash('sha256').update(text).digest('hex');
}

const migrations: Migration[] = [
  {
    name: '20260101-01-test-crash-rows',
    async up(db) {
      await db.schema
        .createTable('crash_row')
        .addColumn('tx_id', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('checksum', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('crash_row_pk', ['tx_id', 'seq'])
        .execute();
    },
  },
];

function rowsOf(txId: number): CrashRow[] {
  const rowCount = 1 + (txId % 5);
  return Array.from({ length: rowCount }, (_, seq) => {
    // Sizes vary up to ~8 KB so commits span several pages and WAL frames.
    const payload = randomBytes(8 + ((txId * 131 + seq * 977) % 4096)).toString('hex');
    const row = { tx_id: txId, seq, row_count: rowCount, payload };
    return { ...row, checksum: rowChecksum(row) };
  });
}

async function main(file: string): Promise<void> {
  const store = createSqliteStore({ file, migrations });
  await store.migrate();
  const db = store.db<CrashTables>();
  // Carry on after whatever an earlier, killed writer committed.
  const last = await db
    .selectFrom('crash_row')
    .select((eb) => eb.fn.max('tx_id').as('max'))
    .executeTakeFirst();
  // A safety stop, so an orphaned writer cannot fill the disk if the parent dies.
  const stopAt = Date.now() + 60_000;
  for (let txId = (last?.max ?? 0) + 1; Date.now() < stopAt; txId++) {
    const rows = rowsOf(txId);
    await store.transaction<CrashTables, void>(async (trx) => {
      // One statement per row, so a kill can land between two rows of a transaction.
      for (const row of rows) await trx.insertInto('crash_row').values(row).execute();
    });
    process.stdout.write(`${txId}\n`);
  }
  await store.close();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2];
  if (file === undefined) throw new Error('usage: sqlite-crash-writer.ts <database file>');
  await main(file);
}
