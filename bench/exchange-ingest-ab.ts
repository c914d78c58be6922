/**
 * Compare two ingest settings side by side: `node --import tsx bench/exchange-ingest-ab.ts
 * [--a slice=500,autocheckpoint=1000] [--b slice=1000,autocheckpoint=10000] [--pairs 30]
 * [--postgres]`. Two stores in one process take turns importing the ATT&CK for ICS bundle (from
 * ../shared) into fresh collections, A then B, then B then A, so the machine's drifts (other
 * work, frequency) fall on both alike; the first four pairs are warm-up. Prints each side's
 * median objects/s and the median of B/A over the pairs — the figure the store's settings
 * (`IMPORT_SLICE`, SQLite's `wal_autocheckpoint`) were chosen by. Defaults: A is the setting
 * before the fourth ingest round of 2026-12-06 (500-object slices, SQLite's default 1,000 pages), B is the current one.
 *
 * With `--postgres` each side is a fresh database on the test PostgreSQL (`serviceUrl('postgres')`:
 * 127.0.0.1:5432 unless its variable says otherwise) and the settings are `slice=N` and
 * `compression=pglz|lz4` (how the server compresses long JSON values and status outcomes;
 * default: as the migrations leave them). Each side's server CPU per object (its database's
 * backends, read from /proc, so only for a server on this machine) is printed as well.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { createExchange, type Exchange } from '../src/exchange/exchange-service.js';
import { modules } from '../src/modules.js';
import { composePlatform, type Platform } from '../src/platform/compose.js';
import { loadConfig } from '../src/platform/config/load-config.js';
import { createLogger } from '../src/platform/logger.js';
import { createTempDatabase, serviceUrl } from '../src/platform/test-support/services.js';

const ics = join(import.meta.dirname, '../../shared/data/intel/attack/ics-attack-18.1.json');
if (!existsSync(ics)) {
  process.stderr.write(`skipped: ${ics} is not here (the shared data sets sit beside the repo)\n`);
  process.exit(0);
}
const { values } = parseArgs({
  options: {
    a: { type: 'string', default: 'slice=500,autocheckpoint=1000' },
    b: { type: 'string', default: 'slice=1000,autocheckpoint=10000' },
    pairs: { type: 'string', default: '30' },
    postgres: { type: 'boolean', default: false },
  },
});
const postgres = values.postgres === true;

interface Setting {
  readonly slice: number;
  readonly autocheckpoint: number;
  readonly compression?: 'pglz' | 'lz4';
}
function setting(text: string): Setting {
  const fields = new Map(text.split(',').map((kv) => kv.split('=') as [string, string]));
  const known = new Set(['slice', 'autocheckpoint', 'compression']);
  for (const k of fields.keys())
    if (!known.has(k))
      throw new Error(`"${text}": unknown setting ${k} (${[...known].join(', ')})`);
  const slice = Number(fields.get('slice') ?? 1000);
  const autocheckpoint = Number(fields.get('autocheckpoint') ?? 10_000);
  const compression = fields.get('compression');
  if (
    !Number.isInteger(slice) ||
    slice < 1 ||
    !Number.isInteger(autocheckpoint) ||
    autocheckpoint < 0 ||
    (compression !== undefined && compression !== 'pglz' && compression !== 'lz4')
  )
    throw new Error(`"${text}": expected slice=N,autocheckpoint=PAGES,compression=pglz|lz4`);
  return { slice, autocheckpoint, ...(compression === undefined ? {} : { compression }) };
}

const bundle = (JSON.parse(readFileSync(ics, 'utf8')) as { objects: unknown[] }).objects;
const dirs: string[] = [];
const platforms: Platform[] = [];
const databases: { drop(): Promise<void> }[] = [];

/** CPU µs the PostgreSQL backends serving this store's database have used (Linux, 100 ticks/s). */
async function serverCpuMicros(db: Kysely<unknown>): Promise<number> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(db);
  let ticks = 0;
  for (const { pid } of rows) {
    const file = `/proc/${pid}/stat`;
    if (!existsSync(file)) continue;
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = (readFileSync(file, 'utf8').split(') ')[1] ?? '').split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10_000;
}

interface Pass {
  readonly rate: number;
  readonly serverMicros: number;
}

async function side(s: Setting): Promise<() => Promise<Pass>> {
  const data = mkdtempSync(join(tmpdir(), 'sw-ingest-ab-'));
  dirs.push(data);
  const env: Record<string, string> = { SHIELDWALL_LOG_LEVEL: 'silent' };
  if (postgres) {
    const database = await createTempDatabase(serviceUrl('postgres'), 'sw_ab');
    databases.push(database);
    env.SHIELDWALL_STORE = database.url;
  }
  const config = loadConfig({ env, overrides: { data } });
  const platform = await composePlatform(config, { logger: createLogger(config), modules });
  platforms.push(platform);
  await platform.migrate();
  const db = platform.store.db<unknown>();
  if (!postgres)
    // The store has one connection, so the pragma holds for every import below.
    await sql.raw(`pragma wal_autocheckpoint = ${s.autocheckpoint}`).execute(db);
  else if (s.compression !== undefined) {
    await sql
      .raw(`alter table exchange_object alter column json set compression ${s.compression}`)
      .execute(db);
    await sql
      .raw(`alter table exchange_status alter column outcome set compression ${s.compression}`)
      .execute(db);
  }
  const exchange: Exchange = createExchange({
    store: platform.store,
    audit: platform.audit,
    bus: platform.bus,
    now: Date.now,
  });
  await exchange.ensureDefault();
  return async () => {
    const c = await exchange.objects.createCollection({ title: 'a/b' });
    const server = postgres ? await serverCpuMicros(db) : 0;
    const started = performance.now();
    for (let i = 0; i < bundle.length; i += s.slice)
      await exchange.importAs('bench', c.id, bundle.slice(i, i + s.slice), 'bench');
    const rate = bundle.length / ((performance.now() - started) / 1000);
    return { rate, serverMicros: postgres ? (await serverCpuMicros(db)) - server : 0 };
  };
}

const median = (xs: readonly number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1] as number;
const sum = (xs: readonly number[]) => xs.reduce((p, q) => p + q, 0);
try {
  const runA = await side(setting(values.a));
  const runB = await side(setting(values.b));
  const a: Pass[] = [];
  const b: Pass[] = [];
  const ratios: number[] = [];
  const pairs = Number(values.pairs);
  for (let i = 0; i < pairs; i++) {
    let x: Pass;
    let y: Pass;
    if (i % 2 === 0) {
      x = await runA();
      y = await runB();
    } else {
      y = await runB();
      x = await runA();
    }
    if (i < 4) continue;
    a.push(x);
    b.push(y);
    ratios.push(y.rate / x.rate);
  }
  // Server CPU is counted in 10 ms ticks, so it is summed over the passes rather than a median.
  const server = (xs: readonly Pass[]) =>
    postgres
      ? `, server ${(sum(xs.map((x) => x.serverMicros)) / (xs.length * bundle.length)).toFixed(1)} µs CPU/object`
      : '';
  process.stdout.write(
    `A (${values.a}): ${Math.round(median(a.map((x) => x.rate)))} objects/s${server(a)}\n`,
  );
  process.stdout.write(
    `B (${values.b}): ${Math.round(median(b.map((x) => x.rate)))} objects/s${server(b)}\n`,
  );
  process.stdout.write(`B/A: ${median(ratios).toFixed(3)} (median of ${ratios.length} pairs)\n`);
} finally {
  for (const p of platforms) await p.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  for (const d of databases) await d.drop();
}
