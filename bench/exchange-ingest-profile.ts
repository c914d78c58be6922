/**
 * Profile STIX ingest into the embedded store: `node --cpu-prof --import tsx
 * bench/exchange-ingest-profile.ts [passes] [objects per request]` (the ATT&CK for ICS bundle from ../shared, in
 * 500-object requests as `shieldwall intel import` sends them). Prints objects/s and CPU µs per object
 * per pass; the profile shows where ingest spends its time.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createExchange } from '../src/exchange/exchange-service.js';
import { modules } from '../src/modules.js';
import { composePlatform } from '../src/platform/compose.js';
import { loadConfig } from '../src/platform/config/load-config.js';
import { createLogger } from '../src/platform/logger.js';

const ics = join(import.meta.dirname, '../../shared/data/intel/attack/ics-attack-18.1.json');
const passes = Number(process.argv[2] ?? 10);
/** Objects per request (the CLI sends 500). */
const chunk = Number(process.argv[3] ?? 500);
const data = mkdtempSync(join(tmpdir(), 'sw-ingest-'));
try {
  const config = loadConfig({ env: { SHIELDWALL_LOG_LEVEL: 'silent' }, overrides: { data } });
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
  for (let pass = 0; pass < passes; pass++) {
    const c = await exchange.objects.createCollection({ title: `profile ${pass}` });
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < bundle.length; i += chunk)
      await exchange.importAs('bench', c.id, bundle.slice(i, i + chunk), 'bench');
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    process.stdout.write(
      `pass ${pass + 1}: ${Math.round(bundle.length / seconds)} objects/s, ${((used.user + used.system) / bundle.length).toFixed(1)} µs CPU/object\n`,
    );
  }
  await platform.close();
} finally {
  rmSync(data, { recursive: true, force: true });
}
