/**
 * Named fixtures for the audit log's tests: a real SQLite store in a temp
 * directory, the real local bus, a real key file. Tests are their own
 * composition roots, so they may import adapters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createLocalBus } from '../../adapters/local-bus.js';
import { createSqliteStore } from '../../adapters/sqlite-store.js';
import type { Bus } from '../../ports/bus.js';
import type { Store } from '../../ports/store.js';
import { type AuditKey, loadOrCreateAuditKey } from '../audit-key.js';
import { type AuditLog, createAuditLog } from '../audit-log.js';
import { auditMigrations } from '../audit-tables.js';

export const TEST_ORIGIN = 'audit.test.example';

export const silentLogger = pino({ level: 'silent' });

/** A clock that moves one second per call from a fixed start, so times are predictable. */
export function steppingClock(start = Date.UTC(2026, 10, 22, 10, 0, 0)): () => number {
  let t = start - 1000;
  return () => {
    t += 1000;
    return t;
  };
}

export interface LogFixture {
  readonly dir: string;
  readonly file: string;
  readonly store: Store;
  readonly bus: Bus;
  readonly key: AuditKey;
  readonly audit: AuditLog;
  close(): Promise<void>;
}

export function tempDir(prefix = 'sw-audit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Open (or reopen) a log on a SQLite file with the key in `dir`. */
export async function openSqliteLog(
  options: { dir?: string; store?: Store; now?: () => number; bus?: Bus } = {},
): Promise<LogFixture> {
  const dir = options.dir ?? tempDir();
  const file = join(dir, 'shieldwall.sqlite');
  const store = options.store ?? createSqliteStore({ file, migrations: auditMigrations });
  await store.migrate();
  const bus = options.bus ?? createLocalBus({ journalFile: ':memory:' });
  const key = await loadOrCreateAuditKey(join(dir, 'keys', 'audit-signing-key.pem'));
  const audit = createAuditLog({
    store,
    bus,
    signer: key,
    origin: TEST_ORIGIN,
    now: options.now ?? steppingClock(),
    logger: silentLogger,
  });
  return {
    dir,
    file,
    store,
    bus,
    key,
    audit,
    async close() {
      await bus.close();
      await store.close();
    },
  };
}

/** Append `n` varied entries: entry i has actor `user:i`. */
export async function appendMany(audit: AuditLog, n: number, from = 0): Promise<void> {
  for (let i = from; i < from + n; i++) {
    await audit.append({
      actor: `user:${i}`,
      action: i % 3 === 0 ? 'access.key.revoked' : 'access.tier.changed',
      subject: `org:${i % 7}`,
      outcome: i % 5 === 0 ? 'denied' : 'success',
      data: { i, note: `entry ${i}`, nested: { list: [i, i * 2], ok: true } },
      requestId: `req-${i}`,
    });
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
