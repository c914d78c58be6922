/**
 * CPU time per request in the Shieldwall process, for the gateway's /v1 path.
 *
 * Wall-clock figures (bench:gateway) swing by 10× when other work shares this
 * machine's two cores; the CPU a process spends on a fixed number of requests
 * barely does. This drives a fixed count of requests (after a warm-up) through
 * a Shieldwall instance (safeguards on, as `serve`) in its own process and reads
 * that process's CPU time from /proc before and after.
 *
 *   node --import tsx bench/gateway-cpu.ts [--requests 4000] [--connections 50] [--stream]
 *        [--prof DIR]   write a V8 CPU profile of the Shieldwall process into DIR
 *        [--direct]     measure the stub upstream alone (the floor)
 *        [--node-flag=F] pass a Node/V8 flag to the Shieldwall process (repeatable)
 *
 * Prints one `name: value unit` line per figure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '4000' },
    warmup: { type: 'string', default: '1500' },
    connections: { type: 'string', default: '50' },
    stream: { type: 'boolean', default: false },
    direct: { type: 'boolean', default: false },
    prof: { type: 'string' },
    // A Node or V8 flag for the Shieldwall process only, repeatable: --node-flag=--max-semi-space-size=32
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
});
const total = Number(values.requests);
const warmup = Number(values.warmup);
const connections = Number(values.connections);

async function child<T>(entry: string, args: string[], execArgv: string[] = []) {
  const proc = spawn(
    process.execPath,
    [...execArgv, '--import', 'tsx', join(root, entry), ...args],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      proc.once('exit', (code) => reject(new Error(`${entry} exited with ${code}`)));
    });
  const info = JSON.parse(await next()) as T;
  return { proc, info, next };
}

interface InstanceStats {
  readonly cpuMs: number;
  readonly loopDelayMeanMs: number;
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
  readonly loopUtilisation: number;
  readonly gcCount: number;
  readonly gcTotalMs: number;
  readonly gcMaxMs: number;
}

/** User + system CPU ms of a process (Linux /proc, 10 ms ticks). */
function cpuMs(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return Number.NaN;
  const fields = (readFileSync(file, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The main (event-loop) thread alone: its CPU ms, and ms spent runnable but waiting
 * for a CPU (/proc schedstat). The loop thread's CPU bounds throughput; worker
 * threads (the request-log writer) are not on its critical path.
 */
function loopThread(pid: number | undefined): { cpuMs: number; waitMs: number } {
  const dir = `/proc/${pid}/task/${pid}`;
  if (pid === undefined || !existsSync(dir)) return { cpuMs: Number.NaN, waitMs: Number.NaN };
  const fields = (readFileSync(`${dir}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
  const sched = readFileSync(`${dir}/schedstat`, 'utf8').split(' ');
  return {
    cpuMs: (Number(fields[11]) + Number(fields[12])) * 10,
    waitMs: Number(sched[1]) / 1e6,
  };
}

function once(agent: Agent, url: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ ok: boolean; ms: number }>((resolve) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ ok: res.statusCode === 200, ms: performance.now() - started }),
        );
        res.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ ok: false, ms: performance.now() - started }));
    req.end(body);
  });
}

/** Send exactly `n` requests over `c` keep-alive connections; latencies in ms. */
async function drive(n: number, c: number, url: string, headers: Record<string, string>) {
  const agent = new Agent({ keepAlive: true, maxSockets: c });
  const body = Buffer.from(
    JSON.stringify({
      model: 'defender-small',
      messages: [
        { role: 'system', content: 'You help defenders.' },
        { role: 'user', content: 'How do I rotate SSH host keys across a fleet safely?' },
      ],
      stream: values.stream,
    }),
  );
  let left = n;
  let errors = 0;
  const ms: number[] = [];
  const loop = async () => {
    while (left > 0) {
      left--;
      const r = await once(agent, url, headers, body);
      if (!r.ok) errors++;
      ms.push(r.ms);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: c }, loop));
  const wall = performance.now() - started;
  agent.destroy();
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))] ?? 0;
  return { errors, rps: (n / wall) * 1000, p50: q(0.5), p99: q(0.99) };
}

const procs: ChildProcess[] = [];
try {
  const stub = await child<{ url: string }>('bench/gateway/stub-upstream.ts', []);
  procs.push(stub.proc);
  let url = `${stub.info.url}/chat/completions`;
  let headers: Record<string, string> = {};
  let pid = stub.proc.pid;
  let instance: { proc: ChildProcess; next: () => Promise<string> } | undefined;
  if (values.direct !== true) {
    const execArgv = [
      ...(values['node-flag'] ?? []),
      ...(values.prof === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${values.prof}`]),
    ];
    const sw = await child<{ url: string; key: string }>(
      'bench/gateway/shieldwall-instance.ts',
      [stub.info.url],
      execArgv,
    );
    procs.push(sw.proc);
    url = `${sw.info.url}/v1/chat/completions`;
    headers = { authorization: `Bearer ${sw.info.key}` };
    pid = sw.proc.pid;
    instance = sw;
  }
  await drive(warmup, connections, url, headers);
  const before = cpuMs(pid);
  const loopBefore = loopThread(pid);
  const stubBefore = cpuMs(stub.proc.pid);
  // Monotonic µs, the clock V8 stamps profiles with: bench/gateway-profile.ts --window keeps these.
  const from = process.hrtime.bigint() / 1000n;
  instance?.proc.stdin?.write('mark\n');
  const r = await drive(total, connections, url, headers);
  instance?.proc.stdin?.write('stats\n');
  const stats =
    instance === undefined ? undefined : (JSON.parse(await instance.next()) as InstanceStats);
  process.stderr.write(
    `measured window (for gateway-profile --window): ${from}:${process.hrtime.bigint() / 1000n}\n`,
  );
  const cpu = (cpuMs(pid) - before) / total;
  const loopAfter = loopThread(pid);
  const stubCpu = (cpuMs(stub.proc.pid) - stubBefore) / total;
  const label = `gateway_cpu.${values.direct === true ? 'direct' : 'shieldwall'}.c${connections}${values.stream === true ? '.stream' : ''}`;
  const out = [
    [`${label}.server_cpu_per_request`, cpu.toFixed(3), 'ms'],
    [
      `${label}.loop_thread_cpu_per_request`,
      ((loopAfter.cpuMs - loopBefore.cpuMs) / total).toFixed(3),
      'ms',
    ],
    [
      `${label}.loop_thread_waiting_for_cpu_per_request`,
      ((loopAfter.waitMs - loopBefore.waitMs) / total).toFixed(3),
      'ms',
    ],
    [`${label}.upstream_cpu_per_request`, stubCpu.toFixed(3), 'ms'],
    [`${label}.rps`, r.rps.toFixed(0), 'req/s'],
    [`${label}.p50`, r.p50.toFixed(2), 'ms'],
    [`${label}.p99`, r.p99.toFixed(2), 'ms'],
    [`${label}.errors`, String(r.errors), 'errors'],
  ];
  if (stats !== undefined)
    out.push(
      [`${label}.server_cpu_per_request_cpuusage`, (stats.cpuMs / total).toFixed(3), 'ms'],
      [`${label}.event_loop_utilisation`, stats.loopUtilisation.toFixed(2), ''],
      [`${label}.event_loop_delay_p99`, stats.loopDelayP99Ms.toFixed(1), 'ms'],
      [`${label}.event_loop_delay_max`, stats.loopDelayMaxMs.toFixed(1), 'ms'],
      [`${label}.gc_pauses`, String(stats.gcCount), 'pauses'],
      [`${label}.gc_pause_per_request`, (stats.gcTotalMs / total).toFixed(3), 'ms'],
      [`${label}.gc_pause_max`, stats.gcMaxMs.toFixed(2), 'ms'],
    );
  for (const [name, value, unit] of out) process.stdout.write(`${name}: ${value} ${unit}\n`);
} finally {
  for (const p of procs.reverse()) {
    p.stdin?.end();
  }
  // Let the instance close (and write its CPU profile) before the process ends.
  await Promise.all(
    procs.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.exitCode !== null) return resolve();
          const t = setTimeout(() => {
            p.kill('SIGTERM');
            resolve();
          }, 10_000);
          p.once('exit', () => {
            clearTimeout(t);
            resolve();
          });
        }),
    ),
  );
}
