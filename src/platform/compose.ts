/**
 * The composition root: the one place that reads the configuration and chooses
 * adapters (STYLE habit 2). Everything else receives its ports from here.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createFsBlobStore } from './adapters/fs-blob.js';
import { createLocalBus } from './adapters/local-bus.js';
import { createMemoryLimiter } from './adapters/memory-limiter.js';
import { createSqliteStore } from './adapters/sqlite-store.js';
import {
  type AuditLog,
  auditMigrations,
  createAuditLog,
  loadOrCreateAuditKey,
} from './audit/index.js';
import type { Config } from './config/config-keys.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import type { Logger } from './logger.js';
import type { ShieldwallModule } from './module.js';
import type { BlobStore } from './ports/blob.js';
import type { Bus } from './ports/bus.js';
import type { Limiter } from './ports/limiter.js';
import type { Migration, MigrationReport, Store } from './ports/store.js';
import { createSealer, loadOrCreateSecretKey, type Sealer } from './secrets/index.js';

export interface Platform {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly bus: Bus;
  readonly limiter: Limiter;
  /** Large objects (model artifacts): a local directory; see ports/blob.ts. */
  readonly blob: BlobStore;
  readonly audit: AuditLog;
  readonly metrics: Metrics;
  /** Seals secrets before they are stored (TOTP seeds, webhook secrets) and opens them again. */
  readonly sealer: Sealer;
  /** Mutable run state, read by /readyz. */
  readonly state: { migrated: boolean; closing: boolean; lastStartError: string | undefined };
  /** Apply every module's pending migrations. */
  migrate(): Promise<MigrationReport>;
  /** Close adapters (after the HTTP server has drained). Idempotent. */
  close(): Promise<void>;
}

/** File names inside the data directory. */
export const DATA_FILES = {
  store: 'shieldwall.sqlite',
  busJournal: 'events.sqlite',
  auditKey: 'audit-signing-key.pem',
  secretKey: 'secret.key',
  blobs: 'blobs',
} as const;

/** Every migration of the platform and the given modules, in name order. */
export function allMigrations(modules: readonly ShieldwallModule[]): Migration[] {
  return [...auditMigrations, ...modules.flatMap((m) => m.migrations ?? [])].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}

/**
 * Build the platform from a validated config. Connects lazily where the driver
 * allows it, so an unreachable database shows up in /readyz and in clear errors
 * rather than as a crash.
 *
 * @example
 * const platform = await composePlatform(loadConfig({ env: process.env }), { logger, modules });
 */
export async function composePlatform(
  config: Config,
  deps: { logger: Logger; modules: readonly ShieldwallModule[] },
): Promise<Platform> {
  const { logger } = deps;
  prepareDataDir(config.data, logger);
  const migrations = allMigrations(deps.modules);
  const store =
    config.store === 'sqlite'
      ? createSqliteStore({ file: join(config.data, DATA_FILES.store), migrations })
      : // The scale-out adapters (pg, NATS, ioredis: ~0.4 s to load) load only when configured, so a
        // CLI command on the embedded defaults starts without them.
        (await import('./adapters/postgres-store.js')).createPostgresStore({
          url: config.store,
          migrations,
        });
  const busLog = logger.child({ component: 'bus' });
  // A handler that throws is retried (at-least-once); say so in the log each time.
  const onError = (err: unknown, event?: { subject: string; seq: number }) =>
    busLog.warn(
      { err, subject: event?.subject, seq: event?.seq },
      'event handler failed; will retry',
    );
  const bus =
    config.bus === 'local'
      ? createLocalBus({ journalFile: join(config.data, DATA_FILES.busJournal), onError })
      : await (await import('./adapters/nats-bus.js')).createNatsBus({
          url: config.bus,
          stream: config.natsStream,
          // Subjects follow the stream name, so two deployments on one NATS never overlap.
          subjectPrefix: config.natsStream.toLowerCase(),
          onError,
        });
  const limiter =
    config.limiter === 'memory'
      ? createMemoryLimiter({})
      : (await import('./adapters/redis-limiter.js')).createRedisLimiter({ url: config.limiter });
  const blob = createFsBlobStore({ root: config.blobDir ?? join(config.data, DATA_FILES.blobs) });
  const signer = await loadOrCreateAuditKey(
    config.auditKeyFile ?? join(config.data, DATA_FILES.auditKey),
  );
  const audit = createAuditLog({
    store,
    bus,
    signer,
    origin: config.auditOrigin,
    now: () => Date.now(),
    logger: logger.child({ component: 'audit' }),
  });

  const sealer = createSealer(
    loadOrCreateSecretKey({
      path: config.secretKeyFile ?? join(config.data, DATA_FILES.secretKey),
    }),
  );

  const state: Platform['state'] = { migrated: false, closing: false, lastStartError: undefined };
  let closed: Promise<void> | undefined;
  return {
    config,
    logger,
    store,
    bus,
    limiter,
    blob,
    audit,
    metrics: createMetrics(),
    sealer,
    state,
    async migrate() {
      const report = await store.migrate();
      state.migrated = true;
      state.lastStartError = undefined;
      return report;
    },
    close() {
      state.closing = true;
      closed ??= (async () => {
        const results = await Promise.allSettled([bus.close(), limiter.close(), blob.close()]);
        await store.close();
        for (const r of results)
          if (r.status === 'rejected')
            logger.warn({ err: r.reason }, 'adapter did not close cleanly');
      })();
      return closed;
    },
  };
}

/**
 * The data directory holds the database, the event journal and the audit
 * signing key: create it readable by this user only, and say so when an
 * existing one is open to others.
 */
function prepareDataDir(dir: string, logger: Logger): void {
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) {
    logger.warn({ dir }, `the data directory can be read by other users; run: chmod 700 ${dir}`);
  }
}
