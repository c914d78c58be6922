/**
 * A store (SQLite in a temp folder) with the detect tables and an in-memory local bus, for the
 * watch tests; tests are their own composition roots, so they may build adapters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalBus } from '../../../platform/adapters/local-bus.js';
import { createSqliteStore } from '../../../platform/adapters/sqlite-store.js';
import type { Bus } from '../../../platform/ports/bus.js';
import type { Store } from '../../../platform/ports/store.js';
import { compileRuleSet, type SigmaRuleSet } from '../../engine/sigma/index.js';
import { loadRules } from '../../rules-loader.js';
import { detectMigrations } from '../watch-tables.js';

/** The small rule folder the watch tests use. */
export const FIXTURE_RULES = join(import.meta.dirname, '../fixtures/rules');

export async function fixtureRules(): Promise<SigmaRuleSet> {
  const { documents } = await loadRules([FIXTURE_RULES]);
  return compileRuleSet(documents);
}

export interface WatchFixture {
  readonly dir: string;
  readonly store: Store;
  readonly bus: Bus;
  close(): Promise<void>;
}

export async function watchFixture(): Promise<WatchFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'sw-watch-'));
  const store = createSqliteStore({
    file: join(dir, 'store.sqlite'),
    migrations: detectMigrations,
  });
  await store.migrate();
  const bus = createLocalBus({ journalFile: ':memory:' });
  return {
    dir,
    store,
    bus,
    async close() {
      await bus.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value (not undefined) or `ms` pass. */
export async function waitFor<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
