/**
 * The audit log service against real stores: SQLite always, PostgreSQL when it
 * answers (a fresh database per run). Same suite, both dialects.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalBus } from '../adapters/local-bus.js';
import { createPostgresStore } from '../adapters/postgres-store.js';
import type { Store } from '../ports/store.js';
import { createTempDatabase, requireService } from '../test-support/services.js';
import { nodeSha256 } from './audit-key.js';
import type { AuditLog } from './audit-log.js';
import { type AuditTables, auditMigrations } from './audit-tables.js';
import {
  fromHex,
  MemoryTree,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from './engine/index.js';
import {
  appendMany,
  type LogFixture,
  openSqliteLog,
  removeDir,
  TEST_ORIGIN,
  tempDir,
} from './test-support/audit-fixture.js';

const h = nodeSha256;
const hex = (s: string) => fromHex(s) as Uint8Array;

function witnessVerifier(publicKey: string) {
  const parsed = parseVerifierKey(h, publicKey);
  if (!parsed.ok) throw new Error(parsed.reason);
  return {
    name: parsed.value.name,
    keyHash: parsed.value.keyHash,
    publicKey: parsed.value.publicKey,
  };
}

function auditLogSuite(open: () => Promise<LogFixture>): void {
  let fx: LogFixture;
  let audit: AuditLog;
  beforeAll(async () => {
    fx = await open();
    audit = fx.audit;
  });
  afterAll(async () => fx.close());

  it('starts empty with a signed checkpoint of the empty tree', async () => {
    expect(await audit.size()).toBe(0);
    const cp = await audit.checkpoint();
    expect(cp).toMatchObject({
      size: 0,
      origin: TEST_ORIGIN,
      root: createHash('sha256').digest('hex'),
    });
    expect(cp.text.split('\n').slice(0, 3)).toEqual([
      TEST_ORIGIN,
      '0',
      '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
    ]);
    const v = witnessVerifier(cp.publicKey);
    expect(openCheckpoint(cp.text, { ...v, verify: (m, s) => fx.key.verify(m, s) }).ok).toBe(true);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('appends entries with canonical content, leaf hash, tree head and signature', async () => {
    const events: unknown[] = [];
    const sub = await fx.bus.subscribe('audit.appended', (e) => {
      events.push(e.data);
    });
    const first = await audit.append({
      actor: 'user:42',
      action: 'access.key.revoked',
      subject: 'key:k_9f',
      data: { reason: 'leaked', zeta: 1, alpha: [true, null, 'ü'], skipped: undefined },
      requestId: 'req-1',
    });
    expect(first).toMatchObject({
      index: 0,
      treeSize: 1,
      outcome: 'success',
      time: '2026-11-22T10:00:00.000Z',
    });
    expect(first.canonical).toBe(
      '{"action":"access.key.revoked","actor":"user:42","data":{"alpha":[true,null,"ü"],"reason":"leaked","zeta":1},' +
        '"index":0,"outcome":"success","requestId":"req-1","subject":"key:k_9f","time":"2026-11-22T10:00:00.000Z","v":1}',
    );
    const leaf = createHash('sha256')
      .update(Buffer.concat([Buffer.of(0), Buffer.from(first.canonical)]))
      .digest('hex');
    expect(first.leafHash).toBe(leaf);
    expect(first.root).toBe(leaf);
    await appendMany(audit, 12, 1);
    expect(await audit.size()).toBe(13);
    await expect.poll(() => events.length).toBe(13);
    expect(events[12]).toEqual({ index: 12, treeSize: 13, root: (await audit.get(12)).root });
    await sub.unsubscribe();
  });

  it('agrees with an in-memory RFC 6962 tree at every size', async () => {
    const tree = new MemoryTree(h);
    const page = await audit.entries({ from: 0, limit: 1000 });
    for (const e of page.entries) {
      tree.appendHash(hex(e.leafHash));
      expect(e.root).toBe(Buffer.from(tree.root()).toString('hex'));
    }
    expect(page).toMatchObject({ treeSize: 13, next: null });
  });

  it('serves inclusion proofs for every entry in every tree size, each one verifying', async () => {
    for (let n = 1; n <= 13; n++) {
      for (let i = 0; i < n; i++) {
        const p = await audit.inclusionProof(i, n);
        const input = {
          index: i,
          size: n,
          leafHash: hex(p.leafHash),
          proof: p.proof.map(hex),
          root: hex(p.root),
        };
        expect(verifyInclusion(h, input).ok).toBe(true);
        expect(p.checkpoint.split('\n')[1]).toBe(String(n));
      }
    }
    expect((await audit.inclusionProof(3)).treeSize).toBe(13);
  });

  it('serves consistency proofs between every pair of sizes', async () => {
    for (let n = 1; n <= 13; n++) {
      for (let m = 0; m <= n; m++) {
        const p = await audit.consistencyProof(m, n);
        const input = {
          fromSize: m,
          toSize: n,
          fromRoot: hex(p.fromRoot),
          toRoot: hex(p.toRoot),
          proof: p.proof.map(hex),
        };
        expect(verifyConsistency(h, input).ok).toBe(true);
      }
    }
  });

  it('answers out-of-range requests with stable codes', async () => {
    await expect(audit.get(13)).rejects.toMatchObject({
      code: 'audit_entry_not_found',
      status: 404,
    });
    await expect(audit.get(-1)).rejects.toMatchObject({ code: 'audit_range_invalid' });
    await expect(audit.get(Number.POSITIVE_INFINITY)).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
    await expect(audit.inclusionProof(13)).rejects.toMatchObject({ code: 'audit_entry_not_found' });
    await expect(audit.inclusionProof(5, 14)).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
    await expect(audit.inclusionProof(5, 5)).rejects.toMatchObject({ code: 'audit_range_invalid' });
    await expect(audit.consistencyProof(5, 4)).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
    await expect(audit.consistencyProof(0, 14)).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
    await expect(audit.entries({ limit: 1001 })).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
    await expect(audit.entries({ from: -1 })).rejects.toMatchObject({
      code: 'audit_range_invalid',
    });
  });

  it('pages through entries', async () => {
    const a = await audit.entries({ from: 0, limit: 5 });
    expect(a.entries.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    expect(a.next).toBe(5);
    const b = await audit.entries({ from: 10, limit: 5 });
    expect(b.entries.map((e) => e.index)).toEqual([10, 11, 12]);
    expect(b.next).toBeNull();
    expect((await audit.entries({ from: 50 })).entries).toEqual([]);
  });

  it.each([
    ['an empty actor', { actor: '', action: 'a.b' }],
    ['a one-word action', { actor: 'x', action: 'revoked' }],
    ['an uppercase action', { actor: 'x', action: 'Access.Key' }],
    ['a control character', { actor: 'x\u0000', action: 'a.b' }],
    ['an unknown outcome', { actor: 'x', action: 'a.b', outcome: 'maybe' }],
    ['data that is an array', { actor: 'x', action: 'a.b', data: [1] }],
    ['data over 64 KiB', { actor: 'x', action: 'a.b', data: { s: 'x'.repeat(65_536) } }],
    ['a non-finite number', { actor: 'x', action: 'a.b', data: { n: Number.NaN } }],
    ['a Date', { actor: 'x', action: 'a.b', data: { d: new Date(0) } }],
    ['a lone surrogate', { actor: 'x', action: 'a.b', data: { s: '\ud800' } }],
    [
      'nesting too deep',
      { actor: 'x', action: 'a.b', data: JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`) },
    ],
    ['a 201-character actor', { actor: 'x'.repeat(201), action: 'a.b' }],
  ])('refuses %s and appends nothing', async (_what, input) => {
    await expect(audit.append(input as never)).rejects.toMatchObject({
      code: 'audit_entry_invalid',
      status: 400,
    });
    expect(await audit.size()).toBe(13);
  });

  it('verifies clean, reporting progress', async () => {
    const progress: number[] = [];
    const report = await audit.verify({ onProgress: (done) => progress.push(done) });
    expect(report).toMatchObject({ ok: true, treeSize: 13, entriesChecked: 13, problems: [] });
    expect(progress.at(-1)).toBe(13);
  });

  it('refuses to append onto, or prove from, a damaged node table', async () => {
    const db = fx.store.db<AuditTables>();
    const original = await db
      .selectFrom('audit_node')
      .select('hash')
      .where('level', '=', 3)
      .where('idx', '=', 0)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_node')
      .set({ hash: '00'.repeat(32) })
      .where('level', '=', 3)
      .where('idx', '=', 0)
      .execute();
    await expect(audit.append({ actor: 'x', action: 'a.b' })).rejects.toMatchObject({
      code: 'audit_state_invalid',
    });
    await expect(audit.inclusionProof(9)).rejects.toMatchObject({ code: 'audit_state_invalid' });
    const report = await audit.verify();
    expect(report.problems.map((p) => [p.kind, p.index])).toEqual([['node_mismatch', 7]]);
    await db
      .updateTable('audit_node')
      .set({ hash: original.hash })
      .where('level', '=', 3)
      .where('idx', '=', 0)
      .execute();
    expect((await audit.append({ actor: 'x', action: 'a.b' })).index).toBe(13);
  });

  it('appendWithin commits the entry with the caller’s own write, or neither', async () => {
    const before = await audit.size();
    // Rolled back: the caller fails after appending, so the entry goes with its change.
    const failed = fx.store.transaction(async (trx) => {
      await audit.appendWithin(trx, { actor: 'x', action: 'test.within.rolled-back' });
      throw new Error('the change it records failed');
    });
    await expect(failed).rejects.toThrow('the change it records failed');
    expect(await audit.size()).toBe(before);

    const events: unknown[] = [];
    const sub = await fx.bus.subscribe('audit.appended', (e) => {
      events.push(e.data);
    });
    const pending = await fx.store.transaction((trx) =>
      audit.appendWithin(trx, { actor: 'x', action: 'test.within.kept', data: { n: 1 } }),
    );
    expect(pending.entry).toMatchObject({ index: before, treeSize: before + 1 });
    // Nothing is announced before the caller says it committed (a publish would arrive within this).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual([]);
    await pending.announce();
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toEqual({ index: before, treeSize: before + 1, root: pending.entry.root });
    await sub.unsubscribe();
    // The next plain append continues the same tree, and the whole log verifies.
    expect((await audit.append({ actor: 'x', action: 'test.after.within' })).index).toBe(
      before + 1,
    );
    expect(await audit.get(before)).toMatchObject({ action: 'test.within.kept' });
    expect(await audit.verify()).toMatchObject({ ok: true, treeSize: before + 2 });
    await expect(
      fx.store.transaction((trx) => audit.appendWithin(trx, { actor: '', action: 'a.b' })),
    ).rejects.toThrow();
    expect(await audit.size()).toBe(before + 2);
  });

  it('keeps the entry when the bus cannot take the event', async () => {
    await fx.bus.close();
    const entry = await audit.append({ actor: 'system', action: 'platform.test.bus-down' });
    expect(await audit.get(entry.index)).toMatchObject({ action: 'platform.test.bus-down' });
  });
}

describe('audit log on SQLite', () => {
  auditLogSuite(async () => {
    const fixture = await openSqliteLog();
    const close = async () => {
      await fixture.close();
      removeDir(fixture.dir);
    };
    return { ...fixture, close };
  });
});

const pgUrl = await requireService('postgres');

describe.skipIf(pgUrl === undefined)('audit log on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>> | undefined;
  const url = () => db?.url ?? '';
  const stores: Store[] = [];
  const dirs: string[] = [];
  beforeAll(async () => {
    db = await createTempDatabase(pgUrl as string);
  });
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    for (const d of dirs) removeDir(d);
    await db?.drop();
  });
  const openPg = async () => {
    const store = createPostgresStore({ url: url(), migrations: auditMigrations });
    stores.push(store);
    return store;
  };

  auditLogSuite(async () => {
    const dir = tempDir();
    dirs.push(dir);
    return openSqliteLog({
      dir,
      store: await openPg(),
      bus: createLocalBus({ journalFile: ':memory:' }),
    });
  });

  it('keeps appends serial across two store instances (200 concurrent appends, some within callers’ transactions)', async () => {
    const dir = dirs[0] as string; // the suite's key: the whole log must verify clean
    const [a, b] = [
      await openSqliteLog({ dir, store: await openPg() }),
      await openSqliteLog({ dir, store: await openPg() }),
    ];
    const before = await a.audit.size();
    await Promise.all(
      [a, b].flatMap((fx, who) =>
        Array.from({ length: 100 }, (_, i) => {
          const input = { actor: `instance:${who}`, action: 'test.concurrent.append', data: { i } };
          // Every third joins a caller's transaction instead: the same lock, the same order.
          return i % 3 === 0
            ? fx.store.transaction((trx) => fx.audit.appendWithin(trx, input))
            : fx.audit.append(input);
        }),
      ),
    );
    const page = await a.audit.entries({ from: before, limit: 1000 });
    expect(page.entries.map((e) => e.index)).toEqual(
      Array.from({ length: 200 }, (_, i) => before + i),
    );
    expect(await b.audit.verify()).toMatchObject({ ok: true, treeSize: before + 200 });
    await Promise.all([a.bus.close(), b.bus.close()]);
  });
});
