/**
 * Log input speed (issue 9). Figures, one per line:
 * - detect.evtx_records_per_s: a generated EVTX file (a real Sysmon chunk from the SigmaHQ
 *   regression data repeated 400 times) read with readLogEvents, Windows mapping included;
 * - detect.syslog_lines_per_s: a generated auth.log (sshd lines), parsed to events;
 * - detect.jsonl_events_per_s: generated Winlogbeat-style ECS JSON Lines through the field map;
 * - detect.stream_heap_growth_mb: heap growth while streaming a DETECT_BENCH_MB (default 200) MB
 *   syslog file, to show memory stays bounded.
 * Call `detectInputFigures()` from a bench suite, or run this file: `node --import tsx bench/detect-inputs.ts`.
 */
import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LogFormat, readLogEvents } from '../src/detect/inputs/index.js';
import { type Figure, formatFigure } from './harness.js';

const REGRESSION = join(
  import.meta.dirname,
  '../../shared/data/detect/sigma-regression/regression_data',
);

function findEvtx(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? findEvtx(p) : n.endsWith('.evtx') ? [p] : [];
  });
}

async function rate(
  path: string,
  format: LogFormat,
): Promise<{ perSecond: number; count: number }> {
  const start = performance.now();
  let count = 0;
  for await (const _ of readLogEvents(path, { format })) count += 1;
  return { perSecond: count / ((performance.now() - start) / 1000), count };
}

async function writeRepeated(path: string, block: string, totalBytes: number): Promise<void> {
  const out = createWriteStream(path);
  for (let written = 0; written < totalBytes; written += block.length) {
    if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

export async function detectInputFigures(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'detect-bench-'));
  try {
    const figures: Figure[] = [];
    const source = findEvtx(REGRESSION).find((f) => f.includes('0b9ad457'));
    if (source !== undefined) {
      const bytes = readFileSync(source);
      const header = bytes.subarray(0, 4096);
      const chunk = bytes.subarray(4096, 4096 + 65536);
      const evtx = join(dir, 'bench.evtx');
      writeFileSync(evtx, Buffer.concat([header, ...Array.from({ length: 400 }, () => chunk)]));
      figures.push({
        name: 'detect.evtx_records_per_s',
        value: (await rate(evtx, 'evtx')).perSecond,
        unit: 'records/s',
      });
    } else process.stderr.write('# regression EVTX data not found; evtx figure skipped\n');

    const auth = join(dir, 'auth.log');
    const line =
      'Mar  3 04:05:06 bastion sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52311 ssh2\n';
    await writeRepeated(auth, line.repeat(1000), 50 * 1024 * 1024);
    figures.push({
      name: 'detect.syslog_lines_per_s',
      value: (await rate(auth, 'auth')).perSecond,
      unit: 'lines/s',
    });

    const jsonl = join(dir, 'events.jsonl');
    const ecs = JSON.stringify({
      '@timestamp': '2024-01-01T00:00:00Z',
      host: { name: 'ws1', os: { type: 'windows' } },
      event: { category: ['process'], type: ['start'] },
      process: {
        executable: 'C:\\Windows\\System32\\cmd.exe',
        command_line: 'cmd.exe /c whoami',
        pid: 42,
        parent: { executable: 'C:\\Windows\\explorer.exe' },
      },
      user: { name: 'alice' },
    });
    await writeRepeated(jsonl, `${ecs}\n`.repeat(1000), 50 * 1024 * 1024);
    figures.push({
      name: 'detect.jsonl_events_per_s',
      value: (await rate(jsonl, 'jsonl')).perSecond,
      unit: 'events/s',
    });

    const mb = Number(process.env.DETECT_BENCH_MB ?? 200);
    const big = join(dir, 'big.log');
    await writeRepeated(big, line.repeat(1000), mb * 1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let n = 0;
    for await (const _ of readLogEvents(big, { format: 'auth' })) {
      if (++n % 50_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    figures.push({
      name: 'detect.stream_heap_growth_mb',
      value: (peak - before) / 1024 / 1024,
      unit: `MB (${mb} MB file)`,
    });
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  for (const figure of await detectInputFigures())
    process.stdout.write(`${formatFigure(figure)}\n`);
}
