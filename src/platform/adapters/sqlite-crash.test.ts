/**
 * Crash consistency of the SQLite store: a writer process is killed with SIGKILL
 * in the middle of a stream of transactions, several times on the same file.
 * After each kill the file must be intact, every transaction the writer reported
 * committed must be there whole, and no transaction may be there in part.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { type CrashRow, rowChecksum } from '../test-support/sqlite-crash-writer.js';

const writer = fileURLToPath(new URL('../test-support/sqlite-crash-writer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sw-sqlite-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Start the writer, SIGKILL it once it has reported `killAfter` commits; collect every id it printed. */
async function runAndKill(file: string, killAfter: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', writer, file], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const reported: number[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    reported.push(/^\d+$/.test(line) ? Number(line) : Number.NaN);
    if (reported.length === killAfter) child.kill('SIGKILL');
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { reported, code, signal, stderr };
}

/** Everything the parent can know about the file, read through a fresh connection. */
function inspect(file: string) {
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const rows = db.prepare('select * from crash_row order by tx_id, seq').all() as CrashRow[];
    return { integrity, rows };
  } finally {
    db.close();
  }
}

/** Transaction ids whose rows are not exactly rows 0..row_count-1 with correct checksums. */
function brokenTransactions(rows: readonly CrashRow[]): number[] {
  const byTx = new Map<number, CrashRow[]>();
  for (const row of rows) byTx.set(row.tx_id, [...(byTx.get(row.tx_id) ?? []), row]);
  const broken: number[] = [];
  for (const [txId, group] of byTx) {
    const whole =
      group.every((r, i) => r.seq === i && r.row_count === group.length) &&
      group.every((r) => r.checksum === rowChecksum(r));
    if (!whole) broken.push(txId);
  }
  return broken;
}

describe('SQLite store after kill -9', () => {
  it('keeps every reported transaction whole and no partial one, over 3 kills', async () => {
    const file = join(dir, 'crash.db');
    let reportedBefore = 0;
    for (const killAfter of [200, 263, 331]) {
      const { reported, code, signal, stderr } = await runAndKill(file, killAfter);
      expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
      expect(reported.length).toBeGreaterThanOrEqual(killAfter);
      const lastReported = reported.at(-1) ?? 0;
      // Ids go on from the previous round, one by one.
      expect(reported).toEqual(reported.map((_, i) => reportedBefore + 1 + i));

      const { integrity, rows } = inspect(file);
      expect(integrity).toBe('ok');
      expect(brokenTransactions(rows)).toEqual([]);
      const present = [...new Set(rows.map((r) => r.tx_id))];
      const maxPresent = present.at(-1) ?? 0;
      // Every reported id is there, with no gaps: ids 1..max all present.
      expect(present).toEqual(present.map((_, i) => i + 1));
      expect(maxPresent).toBeGreaterThanOrEqual(lastReported);
      // At most one committed transaction the writer had no time to report.
      expect(maxPresent - lastReported).toBeLessThanOrEqual(1);
      reportedBefore = maxPresent;
    }
  });
});
