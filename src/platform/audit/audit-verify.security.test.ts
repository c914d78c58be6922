/**
 * Tampering with the audit log's SQLite file directly, with SQL, as an attacker
 * with database access would — and `verify` naming the right entry and problem
 * each time. Also: appends from two processes on one file stay serial.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { auditSignerFromKey, nodeSha256 } from './audit-key.js';
import { formatCheckpoint, fromHex, leafHash, toBase64, toHex, utf8 } from './engine/index.js';
import {
  appendMany,
  type LogFixture,
  openSqliteLog,
  removeDir,
  TEST_ORIGIN,
  tempDir,
} from './test-support/audit-fixture.js';
import type { VerifyReport } from './verify-report.js';

const ENTRIES = 50;
const open: LogFixture[] = [];

async function buildLog(dir?: string): Promise<LogFixture> {
  const fx = await openSqliteLog(dir === undefined ? {} : { dir });
  open.push(fx);
  await appendMany(fx.audit, ENTRIES);
  return fx;
}

/** Run SQL on the file behind the log's back. */
function tamper(fx: LogFixture, fn: (db: Database.Database) => void): void {
  const db = new Database(fx.file);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

const found = (r: VerifyReport) => r.problems.map((p) => [p.kind, p.index, p.lastIndex ?? p.index]);

afterEach(async () => {
  for (const fx of open.splice(0)) {
    await fx.close();
    removeDir(fx.dir);
  }
});

describe('verify names each kind of tampering at the right entry', () => {
  it('passes an untampered log', async () => {
    const fx = await buildLog();
    const report = await fx.audit.verify();
    expect(report).toMatchObject({
      ok: true,
      treeSize: ENTRIES,
      entriesChecked: ENTRIES,
      problems: [],
    });
  });

  it('modified content', async () => {
    const fx = await buildLog();
    tamper(fx, (db) =>
      db
        .prepare(
          `update audit_entry set content = replace(content, '"user:20"', '"user:99"') where idx = 20`,
        )
        .run(),
    );
    const report = await fx.audit.verify();
    expect(found(report)).toEqual([['content_modified', 20, 20]]);
    expect(report.problems[0]?.message).toContain('Entry 20 was changed');
  });

  it('modified content with a recomputed leaf hash', async () => {
    const fx = await buildLog();
    tamper(fx, (db) => {
      const row = db.prepare('select content from audit_entry where idx = 20').get() as {
        content: string;
      };
      const content = row.content.replace('"user:20"', '"user:99"');
      const leaf = toHex(leafHash(nodeSha256, utf8(content)));
      db.prepare('update audit_entry set content = ?, leaf_hash = ? where idx = 20').run(
        content,
        leaf,
      );
    });
    expect(found(await fx.audit.verify())).toEqual([['root_mismatch', 20, 20]]);
  });

  it('two entries swapped', async () => {
    const fx = await buildLog();
    tamper(fx, (db) => {
      db.exec('update audit_entry set idx = -1 where idx = 10');
      db.exec('update audit_entry set idx = 10 where idx = 11');
      db.exec('update audit_entry set idx = 11 where idx = -1');
    });
    const report = await fx.audit.verify();
    expect(found(report)).toEqual([
      ['entry_moved', 10, 11],
      ['root_mismatch', 10, 10],
      ['tree_unverified', 11, 11],
    ]);
    expect(report.problems[0]?.message).toBe(
      'Entries 10–11 are not where they were written: entries were reordered or renumbered.',
    );
  });

  it('an entry deleted (gap)', async () => {
    const fx = await buildLog();
    tamper(fx, (db) => db.exec('delete from audit_entry where idx = 30'));
    const report = await fx.audit.verify();
    expect(found(report)).toEqual([['index_gap', 30, 30]]);
    expect(report.problems[0]?.message).toBe('Entry 30 is missing: removed from the log.');
  });

  it('the last entries deleted: invisible alone, caught by a witness checkpoint', async () => {
    const fx = await buildLog();
    const saved = (await fx.audit.checkpoint()).text;
    tamper(fx, (db) => db.exec('delete from audit_entry where idx >= 45'));
    const alone = await fx.audit.verify();
    expect(alone).toMatchObject({ ok: true, treeSize: 45 });
    const witnessed = await fx.audit.verify({ checkpoint: saved });
    expect(found(witnessed)).toEqual([['truncated', 45, 49]]);
    expect(witnessed.witness).toMatchObject({ size: 50, consistent: false });
    expect(witnessed.problems[0]?.message).toContain('Entries 45–49 are gone');
  });

  it('a forged signature', async () => {
    const fx = await buildLog();
    const { generateKeyPairSync } = await import('node:crypto');
    const forger = auditSignerFromKey(generateKeyPairSync('ed25519').privateKey);
    tamper(fx, (db) => {
      const row = db
        .prepare('select tree_size, root_hash from audit_entry where idx = 25')
        .get() as { tree_size: number; root_hash: string };
      const body = formatCheckpoint({
        origin: TEST_ORIGIN,
        size: row.tree_size,
        root: fromHex(row.root_hash) as Uint8Array,
      });
      db.prepare('update audit_entry set signature = ? where idx = 25').run(
        toBase64(forger.sign(utf8(body))),
      );
    });
    expect(found(await fx.audit.verify())).toEqual([['signature_invalid', 25, 25]]);
  });

  it('a rewritten history, even re-signed with the real key, is caught by a witness checkpoint', async () => {
    const original = await buildLog();
    const saved = (await original.audit.checkpoint()).text;
    // The key holder builds another history with the same key: identical up to 19, different from 20.
    const dir = tempDir();
    mkdirSync(join(dir, 'keys'));
    copyFileSync(
      join(original.dir, 'keys', 'audit-signing-key.pem'),
      join(dir, 'keys', 'audit-signing-key.pem'),
    );
    const forged = await openSqliteLog({ dir });
    open.push(forged);
    await appendMany(forged.audit, 20);
    await forged.audit.append({
      actor: 'user:20',
      action: 'access.tier.changed',
      data: { forged: true },
    });
    await appendMany(forged.audit, ENTRIES - 21, 21);
    expect((await forged.audit.verify()).ok).toBe(true);
    const witnessed = await forged.audit.verify({ checkpoint: saved });
    expect(found(witnessed)).toEqual([['witness_mismatch', 49, 49]]);
    expect(witnessed.problems[0]?.message).toContain('history was rewritten');
  });

  it('a witness checkpoint that is not from this log is reported, not trusted', async () => {
    const fx = await buildLog();
    const other = await openSqliteLog();
    open.push(other);
    await appendMany(other.audit, 3);
    const report = await fx.audit.verify({ checkpoint: (await other.audit.checkpoint()).text });
    expect(found(report)).toEqual([['witness_invalid', null, null]]);
    expect((await fx.audit.verify({ checkpoint: 'not a checkpoint' })).ok).toBe(false);
  });

  it('a duplicated entry (table rebuilt without its key)', async () => {
    const fx = await buildLog();
    tamper(fx, (db) => {
      db.exec('alter table audit_entry rename to audit_entry_old');
      db.exec('create table audit_entry as select * from audit_entry_old');
      db.exec('insert into audit_entry select * from audit_entry_old where idx = 33');
      db.exec('drop table audit_entry_old');
    });
    expect(found(await fx.audit.verify())).toEqual([['index_duplicate', 33, 33]]);
  });

  it('entries renumbered after a deletion read as ranges, not thousands of lines', async () => {
    const fx = await buildLog();
    tamper(fx, (db) => {
      db.exec('delete from audit_entry where idx = 5');
      for (let i = 6; i < ENTRIES; i++)
        db.exec(`update audit_entry set idx = ${i - 1} where idx = ${i}`);
    });
    const report = await fx.audit.verify();
    expect(report.ok).toBe(false);
    expect(found(report)).toEqual([
      ['entry_moved', 5, 48],
      ['root_mismatch', 5, 5],
      ['tree_unverified', 6, 48],
    ]);
  });
});

describe('appends from two processes on one SQLite file', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('stay serial: 200 concurrent appends get indexes 0–199 and verify clean', async () => {
    const fx = await openSqliteLog({ dir });
    open.push(fx);
    const worker = fileURLToPath(new URL('./test-support/append-worker.ts', import.meta.url));
    const keyFile = join(dir, 'keys', 'audit-signing-key.pem');
    const run = promisify(execFile);
    await Promise.all(
      ['a', 'b'].map((name) =>
        run(process.execPath, ['--import', 'tsx', worker, fx.file, keyFile, '100', name]),
      ),
    );
    const page = await fx.audit.entries({ from: 0, limit: 1000 });
    expect(page.entries.map((e) => e.index)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(new Set(page.entries.map((e) => e.actor))).toEqual(new Set(['process:a', 'process:b']));
    expect(await fx.audit.verify()).toMatchObject({ ok: true, treeSize: 200 });
  }, 60_000);
});
