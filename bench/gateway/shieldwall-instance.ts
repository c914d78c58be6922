/**
 * Shieldwall for the benchmark, in its own process: the real server (every
 * module, SQLite, memory limiter) with the gateway forwarding to the stub given
 * as argv[2], a tier policy whose top tier allows more requests than the bench
 * sends, and one tier-3 organization key. The screen hook is on (allow-all).
 * Prints `{"url", "key"}` on its first line and runs until stdin closes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accessServices, DEFAULT_TIERS_YAML } from '../../src/access/index.js';
import { startTestServer } from '../../src/platform/test-support/test-server.js';

const upstream = process.argv[2];
if (upstream === undefined) throw new Error('usage: shieldwall-instance.ts UPSTREAM_URL');
// Limits far above what the bench sends, so it measures the work, not the refusals.
const tiers = join(mkdtempSync(join(tmpdir(), 'sw-bench-gw-')), 'bench-tiers.yaml');
writeFileSync(
  tiers,
  DEFAULT_TIERS_YAML.replace(
    'requests_per_minute: 3000, tokens_per_day: 10000000, tokens_per_minute: 400000',
    'requests_per_minute: 1000000, tokens_per_day: 1000000000000, tokens_per_minute: 1000000000',
  ),
);
const running = await startTestServer({
  env: {
    SHIELDWALL_LOG_LEVEL: 'silent',
    SHIELDWALL_UPSTREAM_URL: upstream,
    SHIELDWALL_TIERS_FILE: tiers,
  },
});
const access = await accessServices(running.platform);
const org = await access.directory.createOrg({ name: 'Bench Org', tier: 3 }, { id: 'bench' });
const { key } = await access.keys.create({ owner: { type: 'org', id: org.id } }, { id: 'bench' });
await access.close();
process.stdout.write(`${JSON.stringify({ url: running.url, key })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void running.close().then(() => process.exit(0)));
