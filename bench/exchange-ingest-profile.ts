/**
 * Profile STIX ingest: `node --cpu-prof --import tsx bench/exchange-ingest-profile.ts [passes]
 * [objects per request] [--postgres]` (the ATT&CK for ICS bundle from ../shared, in requests of
 * IMPORT_SLICE objects as `shieldwall intel import` sends them), into the embedded store or, with `--postgres`, a
 * fresh database on the local PostgreSQL. Prints objects/s and CPU µs per object per pass (this
 * process), and with `--postgres` the server's CPU µs per object too (the backends serving this
 * database, read from /proc, so only for a PostgreSQL on this machine; Linux's 100 ticks per second
 * assumed); the profile shows where ingest spends its time. Ends with the medians of the passes
 * from the sixth on (the earlier ones are mostly warm-up), as the ingest rounds compare them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createExchange } from '../src/exchange/exchange-service.js';
import { IMPORT_SLICE } from '../src/exchange/import-slice.js';
import { modules } from '../src/modules.js';
import { composePlatform, type Platform } from '../src/platform/compose.js';
import { loadConfig } from '../src/platform/config/load-config.js';
import { createLogger } from '../src/platform/logger.js';
import { createTempDatabase, serviceUrl } from '../src/platform/test-support/services.js';

const ics = join(import.meta.dirname, '../../shared/data/intel/attack/ics-attack-18.1.json');
const args = process.argv.slice(2).filter((a) => a !== '--postgres');
const passes = Number(args[0] ?? 10);
/** Objects per request (default: as the CLI sends them). */
const chunk = Number(args[1] ?? IMPORT_SLICE);
const pg = process.argv.includes('--postgres')
  ? await createTempDatabase(serviceUrl('postgres'), 'sw_profile')
  : undefined;
const data = mkdtempSync(join(tmpdir(), 'sw-ingest-'));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** CPU µs the PostgreSQL backends serving this database have used, or undefined when not readable here. */
async function serverCpuMicros(platform: Platform): Promise<number | undefined> {
  const { rows } = await sql<{ pid: number }>`
    select pid from pg_stat_activity where datname = current_database()`.execute(
    platform.store.db(),
  );
  let ticks = 0;
  for (const { pid } of rows) {
    const file = `/proc/${pid}/stat`;
    if (!existsSync(file)) return undefined;
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = (readFileSync(file, 'utf8').split(') ')[1] ?? '').split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10_000;
}
try {
  const env: Record<string, string> = { SHIELDWALL_LOG_LEVEL: 'silent' };
  if (pg !== undefined) env.SHIELDWALL_STORE = pg.url;
  const config = loadConfig({ env, overrides: { data } });
  const platform = await composePlatform(config, { logger: createLogger(config), modules });
  await platform.migrate();
  const exchange = createExchange({
    store: platform.store,
    audit: platform.audit,
    bus: platform.bus,
    now: Date.now,
  });
  await exchange.ensureDefault();
  const bundle = (JSON.parse(readFileSync(ics, 'utf8')) as { objects: unknown[] }).objects;
  const steady: { rate: number; cpu: number }[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const c = await exchange.objects.createCollection({ title: `profile ${pass}` });
    const serverBefore = pg === undefined ? undefined : await serverCpuMicros(platform);
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < bundle.length; i += chunk)
      await exchange.importAs('bench', c.id, bundle.slice(i, i + chunk), 'bench');
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const serverAfter = serverBefore === undefined ? undefined : await serverCpuMicros(platform);
    const server =
      serverBefore === undefined || serverAfter === undefined
        ? ''
        : `, server ${((serverAfter - serverBefore) / bundle.length).toFixed(1)} µs CPU/object`;
    const rate = bundle.length / seconds;
    const perObject = (used.user + used.system) / bundle.length;
    if (pass >= 5) steady.push({ rate, cpu: perObject });
    process.stdout.write(
      `pass ${pass + 1}: ${Math.round(rate)} objects/s, ${perObject.toFixed(1)} µs CPU/object${server}\n`,
    );
  }
  if (steady.length > 0)
    process.stdout.write(
      `median of passes 6-${passes}: ${Math.round(median(steady.map((s) => s.rate)))} objects/s, ${median(steady.map((s) => s.cpu)).toFixed(1)} µs CPU/object\n`,
    );
  await platform.close();
} finally {
  rmSync(data, { recursive: true, force: true });
  await pg?.drop();
}
