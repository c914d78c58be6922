/**
 * One vuln scan in a fresh process, for bench/suites/vuln.bench.ts: a CLI run starts cold
 * (no JIT, no SQLite page cache), and an in-process repeat would flatter it. Prints one
 * JSON line of wall and CPU milliseconds (CPU: user + system of this process).
 *
 *   node --import tsx bench/vuln-scan-child.ts '{"mode":"phases","store":"sqlite:FILE","project":"DIR"}'
 *
 * Modes:
 * - `phases`: what `vuln.scan` runs, timed step by step: read the lockfiles, load the
 *   advisories naming their packages from the store, match.
 * - `command`: the `shieldwall vuln scan` command in-process (config, platform, migration
 *   check, scan, audit entry, output), with module import done before the clock starts.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable, Writable } from 'node:stream';

interface Args {
  readonly mode: 'phases' | 'command';
  /** `sqlite:FILE` or a postgres:// URL. */
  readonly store: string;
  readonly project: string;
  /** The CLI's data directory (command mode). */
  readonly data?: string;
}

interface Span {
  wall: number;
  cpu: number;
}

function clock() {
  const t = performance.now();
  const c = process.cpuUsage();
  return (): Span => {
    const used = process.cpuUsage(c);
    return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
  };
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const repo = join(import.meta.dirname, '..');

async function phases(): Promise<Record<string, unknown>> {
  const [{ createSqliteStore }, { createPostgresStore }, { AdvisoryStore }, matcher, finder] =
    await Promise.all([
      import('../src/platform/adapters/sqlite-store.js'),
      import('../src/platform/adapters/postgres-store.js'),
      import('../src/vuln/advisory-store.js'),
      import('../src/vuln/engine/advisory-matcher.js'),
      import('../src/vuln/lockfile-finder.js'),
    ]);
  const store = args.store.startsWith('sqlite:')
    ? createSqliteStore({ file: args.store.slice('sqlite:'.length), migrations: [] })
    : createPostgresStore({ url: args.store, migrations: [] });
  const advisories = new AdvisoryStore(store, Date.now);
  const total = clock();
  const readClock = clock();
  const found = await finder.findDependencies(args.project);
  const read = readClock();
  const loadClock = clock();
  const index = await advisories.indexFor(found.dependencies);
  const load = loadClock();
  const matchClock = clock();
  const { findings } = matcher.matchDependencies(found.dependencies, index);
  const match = matchClock();
  const all = total();
  await store.close();
  return {
    findings: findings.length,
    load,
    scan: { wall: read.wall + match.wall, cpu: read.cpu + match.cpu },
    total: all,
  };
}

async function command(): Promise<Record<string, unknown>> {
  // program.ts imports these lazily when a command needs the platform: load them here,
  // before the clock, so the figure is the command's work, not transpiling.
  await Promise.all([
    import('../src/platform/compose.js'),
    import('../src/platform/config/load-config.js'),
    import('../src/platform/logger.js'),
  ]);
  const load = () =>
    Promise.all([import('../src/modules.js'), import('../src/platform/cli/program.js')]);
  await load();
  const total = clock();
  const [{ modules }, { runCli }] = await load();
  const importSpan = total();
  const commandClock = clock();
  let lines = 0;
  const stdout = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const b of chunk) if (b === 10) lines++;
      done();
    },
  });
  const stderr = new Writable({ write: (_c, _e, done) => done() });
  const env: Record<string, string> = { SHIELDWALL_LOG_LEVEL: 'warn' };
  if (!args.store.startsWith('sqlite:')) env.SHIELDWALL_STORE = args.store;
  const code = await runCli({
    argv: ['--data', args.data ?? '', '--json', 'vuln', 'scan', args.project],
    env,
    stdin: Readable.from([]),
    stdout,
    stderr,
    cwd: args.data ?? repo,
    version: '0.0.0-bench',
    webRoot: null,
    modules,
  });
  const cmd = commandClock();
  const all = total();
  // --json writes one finding per line, then the coverage line.
  return { code, findings: lines - 1, import: importSpan, command: cmd, total: all };
}

const started = clock();
const result = args.mode === 'phases' ? await phases() : await command();
process.stdout.write(`${JSON.stringify({ ...result, process: started() })}\n`);
