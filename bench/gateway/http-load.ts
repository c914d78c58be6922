/**
 * A small closed-loop HTTP load generator: `connections` loops, each sending
 * the next request as soon as the last answer is read, over node:http
 * keep-alive agents. Latency is measured per request after a warm-up.
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Target {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface LoadResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** Time to the first body byte, p50 (ms). */
  readonly ttfb50: number;
  readonly errors: number;
  /** Requests measured (after the warm-up). */
  readonly requests: number;
  /** Every request sent, warm-up included (for CPU per request). */
  readonly sent: number;
}

function once(
  agent: Agent,
  t: Target,
  body: Buffer,
): Promise<{ ok: boolean; ms: number; ttfb: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let ttfb = 0;
    const req = request(
      t.url,
      {
        method: 'POST',
        agent,
        headers: {
          ...t.headers,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (res) => {
        res.on('data', () => {
          if (ttfb === 0) ttfb = performance.now() - started;
        });
        res.on('end', () =>
          resolve({ ok: res.statusCode === 200, ms: performance.now() - started, ttfb }),
        );
        res.on('error', () => resolve({ ok: false, ms: performance.now() - started, ttfb }));
      },
    );
    req.on('error', () => resolve({ ok: false, ms: performance.now() - started, ttfb }));
    req.end(body);
  });
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

export async function runLoad(
  t: Target,
  connections: number,
  durationMs: number,
  warmupMs = 500,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const body = Buffer.from(t.body);
  const latencies: number[] = [];
  const ttfbs: number[] = [];
  let errors = 0;
  let sent = 0;
  const warmEnd = performance.now() + warmupMs;
  const end = warmEnd + durationMs;
  const loop = async () => {
    while (performance.now() < end) {
      const r = await once(agent, t, body);
      sent++;
      if (performance.now() < warmEnd) continue;
      if (!r.ok) errors++;
      latencies.push(r.ms);
      ttfbs.push(r.ttfb);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  ttfbs.sort((a, b) => a - b);
  return {
    rps: latencies.length / (durationMs / 1000),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    ttfb50: quantile(ttfbs, 0.5),
    errors,
    requests: latencies.length,
    sent,
  };
}
