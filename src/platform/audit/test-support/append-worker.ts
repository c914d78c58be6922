/**
 * A separate process appending to a shared SQLite audit log, for the
 * cross-process serialisation test: `node --import tsx append-worker.ts <db file>
 * <key file> <count> <name>`. Prints nothing; exits non-zero on any failure.
 */
import { createLocalBus } from '../../adapters/local-bus.js';
import { createSqliteStore } from '../../adapters/sqlite-store.js';
import { loadOrCreateAuditKey } from '../audit-key.js';
import { createAuditLog } from '../audit-log.js';
import { auditMigrations } from '../audit-tables.js';
import { silentLogger, TEST_ORIGIN } from './audit-fixture.js';

const [file, keyFile, countText, name] = process.argv.slice(2);
if (file === undefined || keyFile === undefined || countText === undefined || name === undefined) {
  throw new Error('usage: append-worker <db file> <key file> <count> <name>');
}
const store = createSqliteStore({ file, migrations: auditMigrations });
const bus = createLocalBus({ journalFile: ':memory:' });
const audit = createAuditLog({
  store,
  bus,
  signer: await loadOrCreateAuditKey(keyFile),
  origin: TEST_ORIGIN,
  now: () => Date.now(),
  logger: silentLogger,
});
try {
  for (let i = 0; i < Number(countText); i++) {
    await audit.append({ actor: `process:${name}`, action: 'test.concurrent.append', data: { i } });
  }
} finally {
  await bus.close();
  await store.close();
}
