/**
 * Dependency scanning speed (issue 9): 100,000 generated OSV advisories and a generated
 * 2,000-package package-lock.json. Figures:
 * - in memory, load included: parse the advisories (JSON Lines), index them, parse the
 *   lockfile, match (goal <= 1 s);
 * - from the store (SQLite): `vuln db import` time, then a scan that reads only the
 *   advisories naming the lockfile's packages.
 * The generator plants a known number of vulnerable packages; the scan must find exactly them.
 * VULN_BENCH_ADVISORIES overrides the advisory count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/platform/adapters/sqlite-store.js';
import { parseOsvRecord } from '../../src/vuln/engine/osv-record.js';
import {
  AdvisoryIndex,
  createVulnService,
  matchDependencies,
  parseLockfile,
} from '../../src/vuln/index.js';
import { vulnMigrations } from '../../src/vuln/vuln-tables.js';
import { type BenchSuite, type Figure, timeMs } from '../harness.js';

/** Advisory i names package `pkg-(i mod P)`: every package gets about two advisories. */
function generate(advisories: number, lockPackages: number) {
  const packages = Math.ceil(advisories / 2);
  const lines: string[] = [];
  for (let i = 0; i < advisories; i++) {
    const p = i % packages;
    const fixedMinor = (i * 7) % 10;
    lines.push(
      JSON.stringify({
        id: `GHSA-bench-${i}`,
        modified: '2024-01-01T00:00:00Z',
        aliases: [`CVE-2024-${100000 + i}`],
        summary: `generated advisory ${i}`,
        affected: [
          {
            package: { ecosystem: 'npm', name: `pkg-${p}` },
            ranges: [
              {
                type: 'ECOSYSTEM',
                events: [{ introduced: '1.0.0' }, { fixed: `1.${fixedMinor}.0` }],
              },
            ],
          },
        ],
        database_specific: { severity: 'HIGH' },
      }),
    );
  }
  // The lockfile: packages spread over the advisory space, each at version 1.m.0.
  const entries: Record<string, { version: string }> = {};
  let expected = 0;
  for (let j = 0; j < lockPackages; j++) {
    const p = (j * 37) % packages;
    const minor = j % 10;
    entries[`node_modules/pkg-${p}`] = { version: `1.${minor}.0` };
    for (const i of [p, p + packages]) {
      if (i >= advisories) continue;
      if (minor < (i * 7) % 10) expected++;
    }
  }
  const lock = JSON.stringify({
    lockfileVersion: 3,
    packages: { '': { name: 'bench' }, ...entries },
  });
  return { jsonl: `${lines.join('\n')}\n`, lock, expected };
}

export const suite: BenchSuite = {
  name: 'vuln',
  async run() {
    const advisories = Number(process.env.VULN_BENCH_ADVISORIES ?? 100_000);
    const lockPackages = 2000;
    const { jsonl, lock, expected } = generate(advisories, lockPackages);
    const work = mkdtempSync(join(tmpdir(), 'sw-bench-vuln-'));
    const figures: Figure[] = [];
    try {
      let found = 0;
      const memoryMs = await timeMs(() => {
        const index = new AdvisoryIndex();
        for (const line of jsonl.split('\n')) {
          if (line === '') continue;
          const parsed = parseOsvRecord(JSON.parse(line));
          if (parsed.ok) index.add(parsed.record);
        }
        const deps = parseLockfile('package-lock.json', Buffer.from(lock));
        if (!deps.ok) throw new Error(deps.reason);
        const sourced = deps.packages.map((d) => ({ ...d, source: 'package-lock.json' }));
        found = matchDependencies(sourced, index).findings.length;
      });
      if (found !== expected)
        throw new Error(`in-memory scan found ${found}, expected ${expected}`);
      figures.push(
        {
          name: `in-memory load + scan, ${advisories} advisories x ${lockPackages} packages`,
          value: memoryMs,
          unit: 'ms',
        },
        { name: 'findings (planted)', value: expected, unit: 'findings' },
      );

      writeFileSync(join(work, 'advisories.jsonl'), jsonl);
      const project = mkdtempSync(join(work, 'project-'));
      writeFileSync(join(project, 'package-lock.json'), lock);
      const store = createSqliteStore({
        file: join(work, 'db.sqlite'),
        migrations: vulnMigrations,
      });
      await store.migrate();
      const vuln = createVulnService({
        store,
        audit: { append: async () => ({}) as never },
        now: () => Date.now(),
        actor: 'system',
      });
      const importMs = await timeMs(() => vuln.importAdvisories(join(work, 'advisories.jsonl')));
      let storeFound = 0;
      const scanMs = await timeMs(async () => {
        storeFound = (await vuln.scan(project)).findings.length;
      });
      await store.close();
      if (storeFound !== expected)
        throw new Error(`store scan found ${storeFound}, expected ${expected}`);
      figures.push(
        { name: `SQLite import of ${advisories} advisories`, value: importMs, unit: 'ms' },
        {
          name: `SQLite scan of ${lockPackages} packages (load of matching advisories included)`,
          value: scanMs,
          unit: 'ms',
        },
      );
      return figures;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
