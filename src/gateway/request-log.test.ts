/**
 * The request log on both stores: records are written in batches off the hot
 * path, content is redacted before storage, and the purge clears content past
 * retention while keeping the metadata.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../platform/adapters/postgres-store.js';
import { createSqliteStore } from '../platform/adapters/sqlite-store.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { type GatewayTables, gatewayMigrations } from './gateway-tables.js';
import { createRequestLog, type RequestRecord } from './request-log.js';

const logger = pino({ level: 'silent' }) as unknown as Logger;
const DAY = 86_400_000;

function record(id: string, at: number, prompt: string): RequestRecord {
  return {
    id,
    created_at: at,
    principal: 'org:o1',
    org_id: 'o1',
    key_id: 'sw_live_AbCdEfGhIjKl',
    end_user: 'eu-1',
    tier: 1,
    endpoint: 'chat',
    model: 'defender-small',
    upstream: 'a',
    status: 200,
    error_code: null,
    stream: 0,
    latency_ms: 3,
    prompt_tokens: 10,
    completion_tokens: 5,
    total_tokens: 15,
    decision: 'allow',
    risk: 0.25,
    categories: '[]',
    prompt,
    response: 'ok',
  };
}

type MadeStore = { store: Store; done(): Promise<void>; sqliteFile?: string };

function suite(name: string, makeStore: () => Promise<MadeStore>) {
  describe(`request log on ${name}`, () => {
    it('writes batches, redacts content, and purges content past retention only', async () => {
      const { store, done, sqliteFile } = await makeStore();
      let now = Date.UTC(2026, 11, 1);
      const log = createRequestLog({
        store,
        logger,
        now: () => now,
        retentionDays: 30,
        ...(sqliteFile === undefined ? {} : { sqliteFile }),
      });
      try {
        log.record(record('old', now - 31 * DAY, 'my password=hunter2hunter2 is old'));
        for (let i = 0; i < 450; i++) log.record(record(`r${i}`, now, `prompt ${i}`));
        await log.flush();
        const db = store.db<GatewayTables>();
        const count = await db
          .selectFrom('gateway_requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(451);
        const old = await db
          .selectFrom('gateway_requests')
          .selectAll()
          .where('id', '=', 'old')
          .executeTakeFirstOrThrow();
        expect(old.prompt).toBe('my password=[REDACTED:password] is old');
        expect(old.risk).toBeCloseTo(0.25);
        now += 1;
        expect(await log.purge()).toBe(1);
        const purged = await db
          .selectFrom('gateway_requests')
          .selectAll()
          .where('id', '=', 'old')
          .executeTakeFirstOrThrow();
        expect([purged.prompt, purged.response, purged.end_user, purged.total_tokens]).toEqual([
          null,
          null,
          'eu-1',
          15,
        ]);
        const kept = await db
          .selectFrom('gateway_requests')
          .select('prompt')
          .where('id', '=', 'r7')
          .executeTakeFirstOrThrow();
        expect(kept.prompt).toBe('prompt 7');
      } finally {
        await log.close();
        await done();
      }
    });

    it('stores no content at all with retention 0', async () => {
      const { store, done, sqliteFile } = await makeStore();
      const log = createRequestLog({
        store,
        logger,
        now: Date.now,
        retentionDays: 0,
        ...(sqliteFile === undefined ? {} : { sqliteFile }),
      });
      try {
        log.record(record('x', Date.now(), 'secret prompt'));
        await log.flush();
        const row = await store
          .db<GatewayTables>()
          .selectFrom('gateway_requests')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect([row.prompt, row.response, row.content_expires_at]).toEqual([null, null, null]);
      } finally {
        await log.close();
        await done();
      }
    });
  });
}

async function sqliteStore(worker: boolean): Promise<MadeStore> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-gw-log-'));
  const file = join(dir, 'db.sqlite');
  const store = createSqliteStore({ file, migrations: gatewayMigrations });
  await store.migrate();
  return {
    store,
    ...(worker ? { sqliteFile: file } : {}),
    async done() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

suite('SQLite', () => sqliteStore(false));
// As `serve` runs it: the rows are written by a worker thread's own connection to the file.
suite('SQLite, written from a worker thread', () => sqliteStore(true));

describe('request log on SQLite from a worker thread', () => {
  it('writes through the worker, not the store on the event loop, and reports a failed write', async () => {
    const made = await sqliteStore(true);
    const warnings: string[] = [];
    // The store the log is given counts its uses: the rows must arrive without it.
    let storeUses = 0;
    const counted: Store = {
      ...made.store,
      db<T>() {
        storeUses++;
        return made.store.db<T>();
      },
    };
    const log = createRequestLog({
      store: counted,
      logger: { warn: (_o: unknown, msg: string) => warnings.push(msg) } as unknown as Logger,
      now: Date.now,
      retentionDays: 30,
      sqliteFile: made.sqliteFile as string,
    });
    try {
      const at = Date.now();
      for (let i = 0; i < 2000; i++) log.record(record(`w${i}`, at, `prompt ${i} `.repeat(20)));
      await log.flush();
      expect(storeUses).toBe(0);
      const db = made.store.db<GatewayTables>();
      const n = await db
        .selectFrom('gateway_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2000);
      // A row the table refuses (a duplicate id) fails its batch with a warning, never a throw.
      log.record(record('w1', at, 'again'));
      await log.flush();
      expect(warnings).toContain('could not write gateway request records');
    } finally {
      await log.close();
      await made.done();
    }
  });
});

describe('request log when the database is busy', () => {
  it('keeps a batch the write lock refused and writes it on the next flush, losing nothing', async () => {
    const made = await sqliteStore(false);
    const warnings: string[] = [];
    const written: unknown[][][] = [];
    let calls = 0;
    const log = createRequestLog({
      store: made.store,
      logger: { warn: (_o: unknown, msg: string) => warnings.push(msg) } as unknown as Logger,
      now: Date.now,
      retentionDays: 30,
      writer: {
        async write(rows) {
          calls++;
          if (calls === 1)
            throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
          written.push(rows.map((r) => [r.id]));
        },
        stopped: () => false,
        close: async () => {},
      },
      flushEveryMs: 60_000,
    });
    try {
      const at = Date.now();
      for (let i = 0; i < 3; i++) log.record(record(`busy${i}`, at, 'p'));
      await log.flush();
      expect(written).toEqual([]);
      expect(warnings).toEqual(['gateway request records wait: database busy']);
      await log.flush();
      expect(written.flat().map((r) => r[0])).toEqual(['busy0', 'busy1', 'busy2']);
      expect(warnings).not.toContain('could not write gateway request records');
    } finally {
      await log.close();
      await made.done();
    }
  });
});

const pgUrl = await requireService('postgres');
const dbs: { drop(): Promise<void> }[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
});
if (pgUrl !== undefined)
  suite('PostgreSQL', async () => {
    const db = await createTempDatabase(pgUrl, 'sw_gw');
    dbs.push(db);
    const store = createPostgresStore({ url: db.url, migrations: gatewayMigrations });
    await store.migrate();
    return { store, done: () => store.close() };
  });
