/**
 * The fast path a scan takes (load from the store only the advisories that name the
 * lockfile's packages, one query per chunk of names) must give exactly the findings and
 * coverage of the full path (validate and index every advisory in memory, then match).
 * Checked on random advisory sets (package-name spellings that normalize together,
 * withdrawn records, every event kind, several ecosystems, unparseable versions) and on
 * the bench's generated data, whose planted findings are known.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../platform/adapters/postgres-store.js';
import { createSqliteStore } from '../platform/adapters/sqlite-store.js';
import type { Store } from '../platform/ports/store.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { AdvisoryStore } from './advisory-store.js';
import {
  AdvisoryIndex,
  matchDependencies,
  type SourcedDependency,
} from './engine/advisory-matcher.js';
import { type OsvRecord, parseOsvRecord } from './engine/osv-record.js';
import { generateVulnBench } from './test-support/generated-advisories.js';
import { createVulnService } from './vuln-service.js';
import { vulnMigrations } from './vuln-tables.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sw-vuln-paths-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The full path: every record validated and indexed in memory. */
function fullPath(raw: readonly unknown[], deps: readonly SourcedDependency[]) {
  const index = new AdvisoryIndex();
  for (const r of raw) {
    const parsed = parseOsvRecord(r);
    if (parsed.ok) index.add(parsed.record);
  }
  return matchDependencies(deps, index);
}

/** The fast path: what `vuln.scan` does after reading the lockfiles. */
async function storePath(store: Store, raw: readonly unknown[], deps: SourcedDependency[]) {
  const advisories = new AdvisoryStore(store, () => 0);
  const records: OsvRecord[] = [];
  for (const r of raw) {
    const parsed = parseOsvRecord(r);
    if (parsed.ok) records.push(parsed.record);
  }
  await advisories.write(records);
  await advisories.recount();
  return matchDependencies(deps, await advisories.indexFor(deps));
}

// Spellings that PEP 503, npm, crates.io or Go normalize to the same key, and some that do not.
const names = fc.constantFrom(
  'foo',
  'Foo',
  'FOO',
  'foo_bar',
  'Foo.Bar',
  'foo-bar',
  'baz',
  'golang.org/x/net',
  'golang.org/x/net/',
);
const ecosystems = fc.constantFrom(
  'npm',
  'PyPI',
  'crates.io',
  'Go',
  'RubyGems',
  'Packagist',
  'Debian:12',
);
const versions = fc.constantFrom(
  '0.9',
  '1.0.0',
  '1.2.0',
  '1.2.3',
  'v1.4.0',
  '2.0.0',
  '2.0.0-rc.1',
  '1.0.0rc1',
  '3',
  'not a version',
);
const event = fc.oneof(
  { arbitrary: fc.record({ introduced: fc.oneof(fc.constant('0'), versions) }), weight: 3 },
  { arbitrary: fc.record({ fixed: versions }), weight: 2 },
  { arbitrary: fc.record({ last_affected: versions }), weight: 1 },
  { arbitrary: fc.record({ limit: fc.oneof(fc.constant('*'), versions) }), weight: 1 },
);
const range = fc.record({
  type: fc.constantFrom('ECOSYSTEM', 'SEMVER', 'GIT'),
  events: fc.array(event, { maxLength: 4 }),
});
const affected = fc.record(
  {
    package: fc.record({ ecosystem: ecosystems, name: names }),
    ranges: fc.array(range, { maxLength: 3 }),
    versions: fc.array(versions, { maxLength: 2 }),
  },
  { requiredKeys: ['ranges'] },
);
const advisories = fc
  .array(
    fc.record({
      affected: fc.array(affected, { minLength: 1, maxLength: 3 }),
      // About one record in eight is withdrawn.
      withdrawn: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 7 },
        { arbitrary: fc.constant('2024-02-01T00:00:00Z'), weight: 1 },
      ),
      severity: fc.constantFrom('HIGH', 'LOW', undefined),
    }),
    { maxLength: 25 },
  )
  .map((list) =>
    list.map((a, i) => ({
      id: `TEST-${i}`,
      modified: '2024-01-01T00:00:00Z',
      aliases: [`CVE-2024-${i}`],
      ...(a.withdrawn === undefined ? {} : { withdrawn: a.withdrawn }),
      affected: a.affected,
      ...(a.severity === undefined ? {} : { database_specific: { severity: a.severity } }),
    })),
  );
type RawAdvisory = { affected: Array<{ package?: { ecosystem: string; name: string } }> };

/** Dependencies: most name a package of the advisories (possibly spelled differently), some any package. */
const scenario = advisories.chain((raw) => {
  const named = (raw as RawAdvisory[]).flatMap((a) =>
    a.affected.flatMap((x) => (x.package === undefined ? [] : [x.package])),
  );
  const fromAdvisory =
    named.length === 0
      ? fc.record({ ecosystem: ecosystems, name: names })
      : fc.oneof(
          fc.constantFrom(...named),
          fc
            .constantFrom(...named)
            .chain((p) => fc.record({ ecosystem: fc.constant(p.ecosystem), name: names })),
        );
  const dep = fc.record({
    pkg: fc.oneof(
      { arbitrary: fromAdvisory, weight: 3 },
      fc.record({ ecosystem: ecosystems, name: names }),
    ),
    version: versions,
    source: fc.constantFrom('package-lock.json', 'sub/requirements.txt'),
  });
  const deps = fc
    .array(dep, { maxLength: 30 })
    .map((list) => list.map((d) => ({ ...d.pkg, version: d.version, source: d.source })));
  return fc.tuple(fc.constant(raw), deps);
});

const pgUrl = await requireService('postgres');

describe('fast path (store, by package name) and full path (everything in memory) agree', () => {
  it('on random advisories and dependencies (SQLite)', async () => {
    let compared = 0;
    let withFindings = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ([raw, deps]) => {
        const store = createSqliteStore({ file: ':memory:', migrations: vulnMigrations });
        try {
          await store.migrate();
          const fast = await storePath(store, raw, deps);
          const full = fullPath(raw, deps);
          expect(fast).toEqual(full);
          compared++;
          if (full.findings.length > 0) withFindings++;
        } finally {
          await store.close();
        }
      }),
      { numRuns: 60 },
    );
    // The generators must exercise findings, not only clean scans.
    expect(compared).toBe(60);
    expect(withFindings).toBeGreaterThan(5);
  });

  async function generatedData(store: Store) {
    const { jsonl, lock, expected } = generateVulnBench(2000, 300);
    const dir = tmp();
    writeFileSync(join(dir, 'advisories.jsonl'), jsonl);
    const projectDir = mkdtempSync(join(dir, 'project-'));
    writeFileSync(join(projectDir, 'package-lock.json'), lock);
    const vuln = createVulnService({
      store,
      audit: { append: async () => ({}) as never },
      now: () => 0,
      actor: 'cli:test',
    });
    await vuln.importAdvisories(join(dir, 'advisories.jsonl'));
    const fast = await vuln.scan(projectDir);
    expect(fast.files.map((f) => [f.kind, f.packages])).toEqual([['package-lock.json', 300]]);
    const lockDeps = Object.entries(
      (JSON.parse(lock) as { packages: Record<string, { version?: string }> }).packages,
    ).flatMap(([path, entry]) =>
      path === '' || entry.version === undefined
        ? []
        : [
            {
              ecosystem: 'npm',
              name: path.slice('node_modules/'.length),
              version: entry.version,
              source: 'package-lock.json',
            },
          ],
    );
    const raw = jsonl
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as unknown);
    const full = fullPath(raw, lockDeps);
    expect(expected).toBeGreaterThan(0);
    expect(fast.findings).toHaveLength(expected);
    expect(fast.findings).toEqual(full.findings);
    expect(fast.coverage).toEqual(full.coverage);
  }

  it('on the bench generator (2,000 advisories, 300 packages, planted findings): SQLite', async () => {
    const store = createSqliteStore({ file: join(tmp(), 'db.sqlite'), migrations: vulnMigrations });
    await store.migrate();
    try {
      await generatedData(store);
    } finally {
      await store.close();
    }
  });

  it.skipIf(pgUrl === undefined)('on the bench generator: PostgreSQL', async () => {
    const db = await createTempDatabase(pgUrl as string, 'sw_vuln_paths');
    const store = createPostgresStore({ url: db.url, migrations: vulnMigrations });
    try {
      await store.migrate();
      await generatedData(store);
    } finally {
      await store.close();
      await db.drop();
    }
  });
});
