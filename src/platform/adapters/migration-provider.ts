import {
  type Kysely,
  type Migration as KyselyMigration,
  type MigrationProvider,
  Migrator,
} from 'kysely';
import { platformErrors } from '../errors.js';
import type { Migration, MigrationReport, Store } from '../ports/store.js';

/** Table names Kysely's migrator keeps its state in. */
export const MIGRATION_TABLE = 'shieldwall_migration';
export const MIGRATION_LOCK_TABLE = 'shieldwall_migration_lock';

/** Hand our migration list to Kysely's Migrator, checking names are unique and well-formed. */
export function migrationProvider(
  migrations: readonly Migration[],
  dialect: Store['dialect'],
): MigrationProvider {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (!/^\d{8}-\d{2}-[a-z0-9-]+$/.test(m.name)) {
      throw new Error(`Migration name "${m.name}" must look like YYYYMMDD-NN-module-what`);
    }
    if (seen.has(m.name)) throw new Error(`Migration "${m.name}" is declared twice`);
    seen.add(m.name);
  }
  return {
    async getMigrations() {
      const out: Record<string, KyselyMigration> = {};
      for (const m of migrations) {
        out[m.name] = { up: (db: Kysely<unknown>) => m.up(db, dialect) } as KyselyMigration;
      }
      return out;
    },
  };
}

/** Shared by both SQL adapters: apply pending migrations with Kysely's Migrator. */
export async function runMigrations(
  db: Kysely<unknown>,
  migrations: readonly Migration[],
  dialect: Store['dialect'],
): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(migrations, dialect),
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    // No failed name means the migrator stopped before running any migration, e.g.
    // the database lists a migration this program does not know (an older release).
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = error instanceof Error ? error.message : String(error);
    throw platformErrors.create('store_unavailable', {
      message: `${failed === undefined ? 'Migrations could not run' : `Migration ${failed} failed`}: ${reason}`,
      cause: error,
    });
  }
  return {
    applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    total: migrations.length,
  };
}
