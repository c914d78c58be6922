/**
 * Gateway figures, side by side in one run against the same local stub
 * upstream (its own process, answering at once): direct to the upstream,
 * through Portkey's open-source gateway, and through Shieldwall (the real server
 * with the safeguards screen on). Requests/s and p50/p99 latency at 1 and 50 connections,
 * time to first byte when streaming, the ratios, and a soak of 50 connections
 * through Shieldwall counting errors.
 *
 * Durations: GATEWAY_BENCH_SECONDS per measurement (default 3), GATEWAY_SOAK_SECONDS
 * for the soak (default 60; 0 skips it). On a busy machine prefer the CPU time per
 * request (`server_cpu_per_request`) and bench/gateway-cpu.ts, which counts it over a
 * fixed number of requests; bench/gateway-profile.ts says where it goes.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { type LoadResult, runLoad, type Target } from '../gateway/http-load.js';
import type { BenchSuite, Figure } from '../harness.js';

const root = join(import.meta.dirname, '../..');
const seconds = Number(process.env.GATEWAY_BENCH_SECONDS ?? 3);
const soakSeconds = Number(process.env.GATEWAY_SOAK_SECONDS ?? 60);

/** Start a TypeScript entry in its own Node process and read its first stdout line as JSON. */
async function child<T>(
  entry: string,
  args: string[] = [],
): Promise<{ proc: ChildProcess; info: T }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, entry), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    proc.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
  });
  return { proc, info: JSON.parse(first) as T };
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitForPort(port: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = new Socket();
      sock.once('error', () => resolve(false));
      sock.connect(port, '127.0.0.1', () => {
        sock.destroy();
        resolve(true);
      });
    });
    if (ok) return true;
    await sleep(100);
  }
  return false;
}

/** CPU milliseconds a process has used (Linux /proc), or undefined elsewhere. */
function cpuMs(pid: number | undefined): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return undefined;
  const fields = (readFileSync(file, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in 10 ms ticks
}

/** A load run, plus the CPU the serving process spent per request (robust when the machine is busy). */
async function measured(target: Target, connections: number, pid: number | undefined) {
  const before = cpuMs(pid);
  const result = await runLoad(target, connections, seconds * 1000);
  const after = cpuMs(pid);
  const cpu =
    before === undefined || after === undefined || result.sent === 0
      ? undefined
      : (after - before) / result.sent;
  return { ...result, cpu };
}

const chat = (stream: boolean) =>
  JSON.stringify({
    model: 'defender-small',
    messages: [
      { role: 'system', content: 'You help defenders.' },
      { role: 'user', content: 'How do I rotate SSH host keys across a fleet safely?' },
    ],
    stream,
  });

export const suite: BenchSuite = {
  name: 'gateway: direct vs Portkey vs Shieldwall against one stub upstream',
  async run() {
    const figures: Figure[] = [];
    const procs: ChildProcess[] = [];
    try {
      const stub = await child<{ url: string }>('bench/gateway/stub-upstream.ts');
      procs.push(stub.proc);
      const sw = await child<{ url: string; key: string }>('bench/gateway/shieldwall-instance.ts', [
        stub.info.url,
      ]);
      procs.push(sw.proc);
      const portkeyPort = await freePort();
      const portkey = spawn(
        process.execPath,
        [
          join(root, 'node_modules/@portkey-ai/gateway/build/start-server.js'),
          `--port=${portkeyPort}`,
          '--headless',
        ],
        {
          cwd: root,
          stdio: ['pipe', 'ignore', 'ignore'],
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
      procs.push(portkey);
      const portkeyUp = await waitForPort(portkeyPort, 15_000);

      const targets: Record<string, (stream: boolean) => Target> = {
        direct: (stream) => ({
          url: `${stub.info.url}/chat/completions`,
          headers: {},
          body: chat(stream),
        }),
        shieldwall: (stream) => ({
          url: `${sw.info.url}/v1/chat/completions`,
          headers: { authorization: `Bearer ${sw.info.key}` },
          body: chat(stream),
        }),
      };
      if (portkeyUp)
        targets.portkey = (stream) => ({
          url: `http://127.0.0.1:${portkeyPort}/v1/chat/completions`,
          headers: {
            authorization: 'Bearer stub-key',
            'x-portkey-provider': 'openai',
            'x-portkey-custom-host': stub.info.url,
          },
          body: chat(stream),
        });
      else process.stderr.write('  Portkey gateway did not start; its figures are left out\n');

      const pids: Record<string, number | undefined> = {
        direct: stub.proc.pid,
        shieldwall: sw.proc.pid,
        portkey: portkey.pid,
      };
      const results: Record<string, Record<string, LoadResult & { cpu?: number | undefined }>> = {};
      for (const [name, target] of Object.entries(targets)) {
        // Warm each server first (JIT, pools, caches): a server just started is not what callers meet.
        await runLoad(target(false), 8, Math.min(3000, seconds * 1000), 0);
        results[name] = {
          c1: await measured(target(false), 1, pids[name]),
          c50: await measured(target(false), 50, pids[name]),
          stream: await measured(target(true), 1, pids[name]),
        };
        const r = results[name] as Record<string, LoadResult & { cpu?: number | undefined }>;
        for (const [k, v] of Object.entries(r)) {
          const label = `gateway.${name}.${k}`;
          if (k === 'stream') {
            figures.push({ name: `${label}.ttfb_p50`, value: v.ttfb50, unit: 'ms' });
            figures.push({ name: `${label}.errors`, value: v.errors, unit: 'errors' });
            continue;
          }
          figures.push({ name: `${label}.rps`, value: v.rps, unit: 'req/s' });
          figures.push({ name: `${label}.p50`, value: v.p50, unit: 'ms' });
          figures.push({ name: `${label}.p99`, value: v.p99, unit: 'ms' });
          figures.push({ name: `${label}.errors`, value: v.errors, unit: 'errors' });
          if (v.cpu !== undefined)
            figures.push({ name: `${label}.server_cpu_per_request`, value: v.cpu, unit: 'ms' });
        }
      }
      const d = results.direct as Record<string, LoadResult>;
      const s = results.shieldwall as Record<string, LoadResult>;
      const dc1 = d.c1 as LoadResult;
      const sc1 = s.c1 as LoadResult;
      figures.push(
        { name: 'gateway.shieldwall.added_p50_c1', value: sc1.p50 - dc1.p50, unit: 'ms' },
        { name: 'gateway.shieldwall.added_p99_c1', value: sc1.p99 - dc1.p99, unit: 'ms' },
        {
          name: 'gateway.shieldwall_vs_direct.rps_c50',
          value: (s.c50 as LoadResult).rps / (d.c50 as LoadResult).rps,
          unit: 'x',
        },
      );
      const p = results.portkey;
      if (p !== undefined) {
        figures.push(
          {
            name: 'gateway.shieldwall_vs_portkey.rps_c50',
            value: (s.c50 as LoadResult).rps / Math.max(1e-9, (p.c50 as LoadResult).rps),
            unit: 'x',
          },
          {
            name: 'gateway.shieldwall_vs_portkey.cpu_per_request_c50',
            value:
              ((s.c50 as { cpu?: number }).cpu ?? Number.NaN) /
              ((p.c50 as { cpu?: number }).cpu ?? Number.NaN),
            unit: 'x',
          },
          {
            name: 'gateway.portkey.added_p50_c1',
            value: (p.c1 as LoadResult).p50 - dc1.p50,
            unit: 'ms',
          },
        );
      }
      if (soakSeconds > 0) {
        const soak = await runLoad(
          targets.shieldwall?.(false) as Target,
          50,
          soakSeconds * 1000,
          0,
        );
        figures.push(
          { name: 'gateway.shieldwall.soak_c50.requests', value: soak.requests, unit: 'requests' },
          { name: 'gateway.shieldwall.soak_c50.errors', value: soak.errors, unit: 'errors' },
          { name: 'gateway.shieldwall.soak_c50.p99', value: soak.p99, unit: 'ms' },
        );
      }
    } finally {
      for (const p of procs.reverse()) {
        p.stdin?.end();
        p.kill('SIGTERM');
      }
    }
    return figures;
  },
};
