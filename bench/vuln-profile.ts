/**
 * Where the vuln scan's time goes, phase by phase (wall and CPU of this process).
 * A one-off diagnostic, not part of `npm run bench`:
 *   node --import tsx bench/vuln-profile.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSqliteStore } from '../src/platform/adapters/sqlite-store.js';
import { AdvisoryStore } from '../src/vuln/advisory-store.js';
import { AdvisoryIndex, matchDependencies } from '../src/vuln/engine/advisory-matcher.js';
import { parseLockfile } from '../src/vuln/engine/lockfile-registry.js';
import { parseOsvRecord } from '../src/vuln/engine/osv-record.js';
import { findDependencies } from '../src/vuln/lockfile-finder.js';
import { generateVulnBench } from '../src/vuln/test-support/generated-advisories.js';
import { createVulnService } from '../src/vuln/vuln-service.js';
import { vulnMigrations } from '../src/vuln/vuln-tables.js';

async function phase<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  console.log(
    `${name.padEnd(40)} wall ${wall.toFixed(0).padStart(6)} ms  cpu ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms`,
  );
  return out;
}

const { jsonl, lock, expected } = generateVulnBench(100_000, 2000);
const lines = jsonl.split('\n').filter((l) => l !== '');
const parsed = await phase('JSON.parse 100k lines', () => lines.map((l) => JSON.parse(l)));
const records = await phase('parseOsvRecord 100k', () =>
  parsed.flatMap((p) => {
    const r = parseOsvRecord(p);
    return r.ok ? [r.record] : [];
  }),
);
const index = await phase('index.add 100k', () => {
  const i = new AdvisoryIndex();
  for (const r of records) i.add(r);
  return i;
});
const deps = await phase('parse lockfile', () => {
  const d = parseLockfile('package-lock.json', Buffer.from(lock));
  if (!d.ok) throw new Error(d.reason);
  return d.packages.map((p) => ({ ...p, source: 'package-lock.json' }));
});
const found = await phase('match', () => matchDependencies(deps, index).findings.length);
console.log(`findings ${found} expected ${expected}`);

const work = mkdtempSync(join(tmpdir(), 'sw-vuln-profile-'));
try {
  writeFileSync(join(work, 'a.jsonl'), jsonl);
  const proj = mkdtempSync(join(work, 'proj-'));
  writeFileSync(join(proj, 'package-lock.json'), lock);
  const store = createSqliteStore({ file: join(work, 'db.sqlite'), migrations: vulnMigrations });
  await store.migrate();
  const vuln = createVulnService({
    store,
    audit: { append: async () => ({}) as never },
    now: () => Date.now(),
    actor: 'system',
  });
  await phase('SQLite import 100k', () => vuln.importAdvisories(join(work, 'a.jsonl')));
  const adv = new AdvisoryStore(store, Date.now);
  for (let round = 0; round < 2; round++) {
    const f = await phase(`[${round}] findDependencies`, () => findDependencies(proj));
    const idx = await phase(`[${round}] indexFor (SQLite)`, () => adv.indexFor(f.dependencies));
    await phase(`[${round}] match`, () => matchDependencies(f.dependencies, idx));
    await phase(`[${round}] service.scan total`, () => vuln.scan(proj));
  }
  await store.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
