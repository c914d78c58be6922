/**
 * POST-to-subscriber latency of the live intelligence stream: a real server,
 * `subscribers` Server-Sent Events connections to /api/intel/stream on
 * loopback, indicators POSTed one at a time over TAXII; for each, the time
 * from sending the POST to each subscriber reading the event that carries it,
 * after `warmup` posts that are not counted.
 * The goal: p99 <= 100 ms with 100 subscribers.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { accessServices } from '../src/access/index.js';
import { DEFAULT_COLLECTION_ID } from '../src/exchange/exchange-service.js';
import { startTestServer } from '../src/platform/test-support/test-server.js';

const TAXII = 'application/taxii+json;version=2.1';

export interface StreamLatency {
  readonly subscribers: number;
  readonly posts: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Events a subscriber should have received and did not within 5 s. */
  readonly missed: number;
}

export async function measureStreamLatency(
  subscribers = 100,
  posts = 50,
  env: Record<string, string> = {},
  /** Posts sent and delivered before measuring (see below). */
  warmup = 10,
): Promise<StreamLatency> {
  const server = await startTestServer({ env: { SHIELDWALL_LOG_LEVEL: 'silent', ...env } });
  const access = await accessServices(server.platform);
  try {
    const op = { id: 'bench' };
    const org = await access.directory.createOrg({ name: 'Bench CERT', tier: 2 }, op);
    const { key } = await access.keys.create({ owner: { type: 'org', id: org.id } }, op);
    const url = new URL('/api/intel/stream', server.url);
    // Each subscriber: the ids it has seen, with when.
    const seen: Map<string, number>[] = [];
    const sockets: { destroy(): void }[] = [];
    await Promise.all(
      Array.from({ length: subscribers }, (_, i) => {
        const mine = new Map<string, number>();
        seen[i] = mine;
        return new Promise<void>((resolve, reject) => {
          const req = request(url, { headers: { accept: 'text/event-stream' } }, (res) => {
            if (res.statusCode !== 200) {
              reject(new Error(`stream answered ${res.statusCode}`));
              return;
            }
            res.setEncoding('utf8');
            let buffer = '';
            res.on('data', (chunk: string) => {
              const now = performance.now();
              buffer += chunk;
              let cut = buffer.indexOf('\n\n');
              while (cut >= 0) {
                const block = buffer.slice(0, cut);
                buffer = buffer.slice(cut + 2);
                for (const m of block.matchAll(/indicator--[0-9a-f-]{36}/g))
                  if (!mine.has(m[0])) mine.set(m[0], now);
                cut = buffer.indexOf('\n\n');
              }
            });
            resolve();
          });
          req.on('error', reject);
          sockets.push(req);
          req.end();
        });
      }),
    );
    // Let every subscription reach the bus before the first POST.
    await new Promise((r) => setTimeout(r, 500));

    const post = async (n: number, id: string) => {
      const res = await fetch(
        `${server.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/objects/`,
        {
          method: 'POST',
          headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${key}` },
          body: JSON.stringify({
            objects: [
              {
                type: 'indicator',
                spec_version: '2.1',
                id,
                created: '2026-12-06T10:00:00.000Z',
                modified: '2026-12-06T10:00:00.000Z',
                pattern: `[domain-name:value = 'latency-${n}.example']`,
                pattern_type: 'stix',
                valid_from: '2026-12-06T10:00:00Z',
              },
            ],
          }),
        },
      );
      if (res.status !== 202) throw new Error(`POST answered ${res.status}`);
      await res.arrayBuffer();
      // One post at a time, spaced, so each figure is one event's fan-out rather than a queue.
      await new Promise((r) => setTimeout(r, 20));
    };
    // Warm-up posts, not counted: a server's first requests compile its routes, validators and
    // serializers, which a running server has long done; the figure is the steady-state latency.
    const warmIds: string[] = [];
    for (let n = 0; n < warmup; n++) {
      const id = `indicator--${randomUUID()}`;
      warmIds.push(id);
      await post(-1 - n, id);
    }
    const warmDeadline = performance.now() + 5_000;
    while (!seen.every((m) => warmIds.every((id) => m.has(id))) && performance.now() < warmDeadline)
      await new Promise((r) => setTimeout(r, 50));

    const sentAt = new Map<string, number>();
    for (let n = 0; n < posts; n++) {
      const id = `indicator--${randomUUID()}`;
      sentAt.set(id, performance.now());
      await post(n, id);
    }
    const deadline = performance.now() + 5_000;
    const complete = () => seen.every((m) => m.size >= posts + warmup);
    while (!complete() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    for (const s of sockets) s.destroy();

    const latencies: number[] = [];
    let missed = 0;
    for (const mine of seen)
      for (const [id, at] of sentAt) {
        const got = mine.get(id);
        if (got === undefined) missed += 1;
        else latencies.push(got - at);
      }
    latencies.sort((a, b) => a - b);
    const pick = (q: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
    return {
      subscribers,
      posts,
      p50Ms: pick(0.5),
      p99Ms: pick(0.99),
      maxMs: latencies.at(-1) ?? Number.NaN,
      missed,
    };
  } finally {
    await access.close();
    await server.close();
  }
}
