/**
 * Compare two ingest settings side by side: `node --import tsx bench/exchange-ingest-ab.ts
 * [--a slice=500,autocheckpoint=1000] [--b slice=1000,autocheckpoint=10000] [--pairs 30]`.
 * Two embedded stores in one process take turns importing the ATT&CK for ICS bundle (from
 * ../shared) into fresh collections, A then B, then B then A, so the machine's drifts (other
 * work, frequency) fall on both alike; the first four pairs are warm-up. Prints each side's
 * median objects/s and the median of B/A over the pairs — the figure the store's settings
 * (`IMPORT_SLICE`, SQLite's `wal_autocheckpoint`) were chosen by. Defaults: A is the setting
 * before the fourth ingest round of 2026-12-06 (500-object slices, SQLite's default 1,000 pages), B is the current one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createExchange, type Exchange } from '../src/exchange/exchange-service.js';
import { modules } from '../src/modules.js';
import { composePlatform, type Platform } from '../src/platform/compose.js';
import { loadConfig } from '../src/platform/config/load-config.js';
import { createLogger } from '../src/platform/logger.js';

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
  },
});

interface Setting {
  readonly slice: number;
  readonly autocheckpoint: number;
}
function setting(text: string): Setting {
  const fields = new Map(text.split(',').map((kv) => kv.split('=') as [string, string]));
  const slice = Number(fields.get('slice') ?? 1000);
  const autocheckpoint = Number(fields.get('autocheckpoint') ?? 10_000);
  if (
    !Number.isInteger(slice) ||
    slice < 1 ||
    !Number.isInteger(autocheckpoint) ||
    autocheckpoint < 0
  )
    throw new Error(`"${text}": expected slice=N,autocheckpoint=PAGES`);
  return { slice, autocheckpoint };
}

const bundle = (JSON.parse(readFileSync(ics, 'utf8')) as { objects: unknown[] }).objects;
const dirs: string[] = [];
const platforms: Platform[] = [];

async function side(s: Setting): Promise<() => Promise<number>> {
  const data = mkdtempSync(join(tmpdir(), 'sw-ingest-ab-'));
  dirs.push(data);
  const config = loadConfig({ env: { SHIELDWALL_LOG_LEVEL: 'silent' }, overrides: { data } });
  const platform = await composePlatform(config, { logger: createLogger(config), modules });
  platforms.push(platform);
  await platform.migrate();
  // The store has one connection, so the pragma holds for every import below.
  await sql.raw(`pragma wal_autocheckpoint = ${s.autocheckpoint}`).execute(platform.store.db());
  const exchange: Exchange = createExchange({
    store: platform.store,
    audit: platform.audit,
    bus: platform.bus,
    now: Date.now,
  });
  await exchange.ensureDefault();
  return async () => {
    const c = await exchange.objects.createCollection({ title: 'a/b' });
    const started = performance.now();
    for (let i = 0; i < bundle.length; i += s.slice)
      await exchange.importAs('bench', c.id, bundle.slice(i, i + s.slice), 'bench');
    return bundle.length / ((performance.now() - started) / 1000);
  };
}

const median = (xs: readonly number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1] as number;
try {
  const runA = await side(setting(values.a));
  const runB = await side(setting(values.b));
  const a: number[] = [];
  const b: number[] = [];
  const ratios: number[] = [];
  const pairs = Number(values.pairs);
  for (let i = 0; i < pairs; i++) {
    let x: number;
    let y: number;
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
    ratios.push(y / x);
  }
  process.stdout.write(`A (${values.a}): ${Math.round(median(a))} objects/s\n`);
  process.stdout.write(`B (${values.b}): ${Math.round(median(b))} objects/s\n`);
  process.stdout.write(`B/A: ${median(ratios).toFixed(3)} (median of ${ratios.length} pairs)\n`);
} finally {
  for (const p of platforms) await p.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
