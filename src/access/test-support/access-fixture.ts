/**
 * A real access module for tests: SQLite (or PostgreSQL) store with every
 * migration of the platform and the access module, the local bus, the memory
 * limiter, a real audit log, and a clock the test controls. Tests are their own
 * composition roots, so they may import adapters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createLocalBus } from '../../platform/adapters/local-bus.js';
import { createMemoryLimiter } from '../../platform/adapters/memory-limiter.js';
import { createPostgresStore } from '../../platform/adapters/postgres-store.js';
import { createSqliteStore } from '../../platform/adapters/sqlite-store.js';
import {
  type AuditLog,
  auditMigrations,
  createAuditLog,
  loadOrCreateAuditKey,
} from '../../platform/audit/index.js';
import type { Logger } from '../../platform/logger.js';
import type { Bus } from '../../platform/ports/bus.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import type { Migration, Store } from '../../platform/ports/store.js';
import { type Access, createAccess } from '../access-service.js';
import { accessMigrations } from '../migrations.js';

export const silentLogger = pino({ level: 'silent' }) as unknown as Logger;

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 11, 5, 10, 0, 0)) {
  let t = start;
  const now = () => t;
  return Object.assign(now, {
    advance(ms: number) {
      t += ms;
    },
    set(ms: number) {
      t = ms;
    },
  });
}

export interface AccessFixture {
  readonly dir: string;
  readonly store: Store;
  readonly bus: Bus;
  readonly limiter: Limiter;
  readonly audit: AuditLog;
  readonly access: Access;
  readonly clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

/**
 * @example
 * const fx = await accessFixture();
 * afterAll(() => fx.close());
 * const org = await fx.access.directory.createOrg({ name: 'Acme Water', tier: 3 }, { id: 'operator:test' });
 */
export async function accessFixture(
  options: {
    /** A PostgreSQL URL (e.g. from createTempDatabase) instead of SQLite. */
    postgresUrl?: string;
    tiersFile?: string;
    /** Extra migrations (a part of the module under test that is not wired yet). */
    migrations?: readonly Migration[];
    bus?: Bus;
  } = {},
): Promise<AccessFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-access-'));
  const migrations = [...auditMigrations, ...accessMigrations, ...(options.migrations ?? [])].sort(
    (a, b) => (a.name < b.name ? -1 : 1),
  );
  const store =
    options.postgresUrl === undefined
      ? createSqliteStore({ file: join(dir, 'shieldwall.sqlite'), migrations })
      : createPostgresStore({ url: options.postgresUrl, migrations });
  await store.migrate();
  const bus = options.bus ?? createLocalBus({ journalFile: ':memory:' });
  const clock = manualClock();
  // Limits follow the test's clock too, so moving time on also refills them.
  const limiter = createMemoryLimiter({ now: clock });
  const audit = createAuditLog({
    store,
    bus,
    signer: await loadOrCreateAuditKey(join(dir, 'audit-signing-key.pem')),
    origin: 'access.test.example',
    now: clock,
    logger: silentLogger,
  });
  const access = createAccess({
    store,
    bus,
    audit,
    limiter,
    logger: silentLogger,
    now: clock,
    ...(options.tiersFile === undefined ? {} : { tiersFile: options.tiersFile }),
  });
  // Follow access.changed like a server does, so cache invalidation is real.
  await access.start();
  return {
    dir,
    store,
    bus,
    limiter,
    audit,
    access,
    clock,
    async close() {
      await access.close();
      if (options.bus === undefined) await bus.close();
      await limiter.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
