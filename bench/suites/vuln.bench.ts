/**
 * Dependency scanning speed (issue 9): 100,000 generated OSV advisories and a generated
 * 2,000-package package-lock.json, with a known number of planted vulnerable packages (every
 * scan must find exactly them). Goal: the scan, load of the advisories included, <= 1 s.
 *
 * For each store the CLI can use (SQLite, its default; PostgreSQL when one answers), after
 * `vuln db import`, the median of RUNS fresh processes (bench/vuln-scan-child.ts):
 * - load: the advisories naming the lockfile's packages, from the store, into an index;
 * - scan: read the lockfile and match (the rest of `vuln.scan`);
 * - total: both, end to end;
 * - the `vuln scan` command in-process (config, platform, migration check, audit, output;
 *   module import before the clock), and the installed CLI (dist/, import included) when built.
 * Each as wall and CPU (user + system of that process: other work on the machine inflates
 * wall time, much less CPU time). Also the full path for reference: every advisory parsed,
 * validated and indexed in memory, as a scan without the store's index would have to.
 * VULN_BENCH_ADVISORIES and VULN_BENCH_RUNS override the sizes; VULN_BENCH_DIST names a built
 * program other than dist/.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { modules } from '../../src/modules.js';
import { createPostgresStore } from '../../src/platform/adapters/postgres-store.js';
import { createSqliteStore } from '../../src/platform/adapters/sqlite-store.js';
import { allMigrations, DATA_FILES } from '../../src/platform/compose.js';
import type { Store } from '../../src/platform/ports/store.js';
import {
  createTempDatabase,
  isListening,
  serviceUrl,
} from '../../src/platform/test-support/services.js';
import { parseOsvRecord } from '../../src/vuln/engine/osv-record.js';
import { AdvisoryIndex, matchDependencies, parseLockfile } from '../../src/vuln/index.js';
import { generateVulnBench } from '../../src/vuln/test-support/generated-advisories.js';
import { createVulnService } from '../../src/vuln/vuln-service.js';
import type { BenchSuite, Figure } from '../harness.js';

const run = promisify(execFile);
const repo = join(import.meta.dirname, '../..');

interface Span {
  readonly wall: number;
  readonly cpu: number;
}

async function measure(fn: () => Promise<unknown> | unknown): Promise<Span> {
  const t = performance.now();
  const c = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

async function child(args: object): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(repo, 'bench/vuln-scan-child.ts'), JSON.stringify(args)],
    { cwd: repo, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
  );
  const last = stdout.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as Record<string, unknown>;
}

/**
 * The installed program (dist/) run as plain Node runs it, without tsx's loader: import it
 * and run `vuln scan`, both inside the clock. Arguments: dist directory, data directory,
 * project, store (`sqlite:FILE` or a postgres:// URL).
 */
const INSTALLED_SCRIPT = `
const t = performance.now();
const c = process.cpuUsage();
const [dist, data, project, store] = process.argv.slice(1);
const { pathToFileURL } = await import('node:url');
const { Readable, Writable } = await import('node:stream');
const [{ modules }, { runCli }] = await Promise.all([
  import(pathToFileURL(dist + '/modules.js').href),
  import(pathToFileURL(dist + '/platform/cli/program.js').href),
]);
let lines = 0;
const stdout = new Writable({ write(chunk, _e, done) { for (const b of chunk) if (b === 10) lines++; done(); } });
const stderr = new Writable({ write: (_c, _e, done) => done() });
const env = { SHIELDWALL_LOG_LEVEL: 'warn' };
if (!store.startsWith('sqlite:')) env.SHIELDWALL_STORE = store;
const code = await runCli({ argv: ['--data', data, '--json', 'vuln', 'scan', project], env,
  stdin: Readable.from([]), stdout, stderr, cwd: data, version: '0.0.0-bench', webRoot: null, modules });
const u = process.cpuUsage(c);
process.stdout.write(JSON.stringify({ code, findings: lines - 1,
  total: { wall: performance.now() - t, cpu: (u.user + u.system) / 1000 } }) + '\\n');
`;

async function installedRun(
  dist: string,
  data: string,
  project: string,
  store: string,
): Promise<Record<string, unknown>> {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', INSTALLED_SCRIPT, dist, data, project, store],
    { cwd: data, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

/** Wall and CPU figures, each the median over the runs. */
function spans(label: string, runs: Span[]): Figure[] {
  return [
    { name: `${label}, wall`, value: median(runs.map((r) => r.wall)), unit: 'ms' },
    { name: `${label}, CPU`, value: median(runs.map((r) => r.cpu)), unit: 'ms' },
  ];
}

async function storeFigures(
  label: string,
  store: Store,
  storeArg: string,
  data: string,
  work: string,
  project: string,
  expected: number,
  runs: number,
): Promise<Figure[]> {
  const vuln = createVulnService({
    store,
    audit: { append: async () => ({}) as never },
    now: () => Date.now(),
    actor: 'system',
  });
  const imported = await measure(() => vuln.importAdvisories(join(work, 'advisories.jsonl')));
  await store.close();
  const figures: Figure[] = spans(`${label}: vuln db import of the advisories`, [imported]);

  const phases: Array<{ load: Span; scan: Span; total: Span }> = [];
  for (let i = 0; i < runs; i++) {
    const r = await child({ mode: 'phases', store: storeArg, project });
    if (r.findings !== expected)
      throw new Error(`${label} scan found ${String(r.findings)}, expected ${expected}`);
    phases.push(r as never);
  }
  figures.push(
    ...spans(
      `${label}: load (advisories naming the lockfile's packages)`,
      phases.map((p) => p.load),
    ),
    ...spans(
      `${label}: scan (read the lockfile, match)`,
      phases.map((p) => p.scan),
    ),
    ...spans(
      `${label}: total (goal <= 1000 ms)`,
      phases.map((p) => p.total),
    ),
  );

  // The command, first once to let the CLI apply its own migrations (not timed).
  await child({ mode: 'command', store: storeArg, project, data });
  const commands: Span[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await child({ mode: 'command', store: storeArg, project, data });
    if (r.findings !== expected || r.code !== 1)
      throw new Error(
        `${label} vuln scan printed ${String(r.findings)} findings, exit ${String(r.code)}`,
      );
    commands.push(r.command as Span);
  }
  figures.push(
    ...spans(
      `${label}: \`vuln scan\` command in-process (platform, audit, output; imports excluded)`,
      commands,
    ),
  );
  const dist = process.env.VULN_BENCH_DIST ?? join(repo, 'dist');
  if (existsSync(join(dist, 'cli.js'))) {
    const installed: Span[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await installedRun(dist, data, project, storeArg);
      if (r.findings !== expected || r.code !== 1)
        throw new Error(`${label} installed CLI: ${JSON.stringify(r)}`);
      installed.push(r.total as Span);
    }
    figures.push(...spans(`${label}: installed CLI (${dist}, module import included)`, installed));
  } else {
    process.stdout.write(
      `  (${label}: ${dist} not built, installed-CLI figure skipped: npm run build:server)\n`,
    );
  }
  return figures;
}

export const suite: BenchSuite = {
  name: 'vuln',
  async run() {
    const advisories = Number(process.env.VULN_BENCH_ADVISORIES ?? 100_000);
    const runs = Number(process.env.VULN_BENCH_RUNS ?? 3);
    const lockPackages = 2000;
    const { jsonl, lock, expected } = generateVulnBench(advisories, lockPackages);
    const size = `${advisories} advisories x ${lockPackages} packages`;
    const work = mkdtempSync(join(tmpdir(), 'sw-bench-vuln-'));
    const figures: Figure[] = [{ name: 'findings (planted)', value: expected, unit: 'findings' }];
    try {
      // Reference: the full path, every record parsed and validated on every scan.
      let found = 0;
      const full = await measure(() => {
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
      if (found !== expected) throw new Error(`full path found ${found}, expected ${expected}`);
      figures.push(...spans(`full path in memory (no store index), ${size}`, [full]));

      writeFileSync(join(work, 'advisories.jsonl'), jsonl);
      const project = mkdtempSync(join(work, 'project-'));
      writeFileSync(join(project, 'package-lock.json'), lock);
      // Every module's migrations, so the CLI accepts the same database as its own.
      const migrations = allMigrations(modules);

      const sqliteData = join(work, 'sqlite-data');
      mkdirSync(sqliteData);
      const sqliteFile = join(sqliteData, DATA_FILES.store);
      const sqlite = createSqliteStore({ file: sqliteFile, migrations });
      await sqlite.migrate();
      figures.push(
        ...(await storeFigures(
          `SQLite (CLI default), ${size}`,
          sqlite,
          `sqlite:${sqliteFile}`,
          sqliteData,
          work,
          project,
          expected,
          runs,
        )),
      );

      const pgServer = serviceUrl('postgres');
      if (await isListening(pgServer)) {
        const db = await createTempDatabase(pgServer, 'sw_bench_vuln');
        try {
          const pg = createPostgresStore({ url: db.url, migrations });
          await pg.migrate();
          const pgData = join(work, 'pg-data');
          mkdirSync(pgData);
          figures.push(
            ...(await storeFigures(
              `PostgreSQL, ${size}`,
              pg,
              db.url,
              pgData,
              work,
              project,
              expected,
              runs,
            )),
          );
        } finally {
          await db.drop();
        }
      } else {
        process.stdout.write(
          `  (PostgreSQL not answering at ${new URL(pgServer).host}: skipped)\n`,
        );
      }
      return figures;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
