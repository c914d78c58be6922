import {
  createWriteStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { appendFile, rename, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import type { LogEvent } from '../engine/event.js';
import { followLogEvents, type InputProblem, readLogEvents } from './index.js';

const DATA = join(
  import.meta.dirname,
  '../../../../shared/data/detect/sigma-regression/regression_data',
);
const dir = mkdtempSync(join(tmpdir(), 'detect-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function evtxFiles(d: string): string[] {
  return readdirSync(d).flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? evtxFiles(p) : n.endsWith('.evtx') ? [p] : [];
  });
}

async function collect(path: string, options: Parameters<typeof readLogEvents>[1] = {}) {
  const problems: InputProblem[] = [];
  const events: LogEvent[] = [];
  for await (const e of readLogEvents(path, { ...options, onProblem: (p) => problems.push(p) }))
    events.push(e);
  return { events, problems };
}

describe('readLogEvents', () => {
  const five = evtxFiles(DATA).find((f) => f.includes('0b9ad457')) as string;

  it('reads EVTX (sniffed) through the Windows mapping, with record numbers as origin', async () => {
    const { events, problems } = await collect(five);
    expect(problems).toEqual([]);
    expect(events).toHaveLength(5);
    expect(events[0]?.fields.EventID).toBe(11);
    expect(events[0]?.fields.TargetFilename).toEqual(expect.any(String));
    expect(events[0]?.logsources).toContainEqual(
      expect.objectContaining({ category: 'file_event' }),
    );
    expect(events[0]?.origin).toEqual({ source: five, line: expect.any(Number) });
  });

  it('an EVTX file cut in the middle of a chunk gives the good records and a clear error', async () => {
    const bytes = readFileSync(five);
    const free = bytes.readUInt32LE(4096 + 48);
    const cut = join(dir, 'cut.evtx');
    writeFileSync(cut, bytes.subarray(0, 4096 + Math.floor((512 + free) / 2)));
    const { events, problems } = await collect(cut);
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(5);
    expect(problems.map((p) => p.code)).toContain('file_truncated');
  });

  it('reads the evtx_dump JSON of the regression data as JSON Lines', async () => {
    const json = readFileSync(five.replace(/\.evtx$/, '.json'), 'utf8');
    const lines = json.split(/\n(?=\{)/).map((o) => JSON.stringify(JSON.parse(o)));
    const path = join(dir, 'events.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const fromJson = await collect(path);
    const fromEvtx = await collect(five, { sourceName: path });
    expect(fromJson.events.map((e) => e.fields)).toEqual(fromEvtx.events.map((e) => e.fields));
  });

  it('sniffs auth.log, web logs and syslog; unparsable lines are reported, not fatal', async () => {
    const auth = join(dir, 'auth.log');
    writeFileSync(
      auth,
      'Mar  3 04:05:06 h sshd[1]: Accepted password for root from 10.1.1.1 port 22 ssh2\r\n\u0000\u0001garbage\r\nMar  3 04:05:07 h sudo: bob : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh\r\n',
    );
    const a = await collect(auth);
    expect(a.events.map((e) => e.fields.program)).toEqual(['sshd', 'sudo']);
    expect(a.events[0]?.logsources).toContainEqual({ product: 'linux', service: 'auth' });
    expect(a.problems).toEqual([expect.objectContaining({ code: 'line_unparsed', line: 2 })]);
    const web = join(dir, 'access.log');
    writeFileSync(
      web,
      '1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET /a HTTP/1.1" 200 1 "-" "curl"\n',
    );
    expect((await collect(web)).events[0]?.logsources).toEqual([{ category: 'webserver' }]);
    const sys = join(dir, 'messages');
    writeFileSync(sys, '<13>1 2024-01-01T00:00:00Z h cron 5 - - started\n');
    expect((await collect(sys)).events[0]?.logsources).toContainEqual({
      product: 'linux',
      service: 'cron',
    });
  });

  it('reads UTF-16 LE auth logs with a BOM and reports an overlong line', async () => {
    const text = `Mar  3 04:05:06 h sshd[1]: Failed password for josé from 10.1.1.1 port 22 ssh2\r\n${'A'.repeat(5000)}\r\nMar  3 04:05:07 h su[2]: (to root) bob on pts/0\r\n`;
    const path = join(dir, 'secure');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const { events, problems } = await collect(path, { maxLineBytes: 1000 });
    expect(events.map((e) => e.fields.user)).toEqual(['josé', 'bob']);
    expect(problems).toEqual([expect.objectContaining({ code: 'line_too_long', line: 2 })]);
  });

  it('a missing file and an unknown format are clear errors', async () => {
    await expect(collect(join(dir, 'nope.log'))).rejects.toMatchObject({ code: 'input_not_found' });
    const bin = join(dir, 'blob.bin');
    writeFileSync(bin, Buffer.from([1, 2, 3, 4, 0, 0, 9, 10, 200, 201]));
    await expect(collect(bin)).rejects.toMatchObject({ code: 'input_format_unknown' });
  });

  it('streams a 50 MB file with bounded memory (200 MB and more: bench/detect-inputs.ts)', async () => {
    const path = join(dir, 'big.log');
    const line =
      'Mar  3 04:05:06 host sshd[4242]: Failed password for invalid user admin from 203.0.113.9 port 52311 ssh2\n';
    const out = createWriteStream(path);
    const block = line.repeat(10_000);
    const blocks = Math.ceil((50 * 1024 * 1024) / block.length);
    for (let i = 0; i < blocks; i++)
      if (!out.write(block)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));
    // Measure what the reader keeps alive, not garbage the collector has not got to yet (that
    // depends on how busy the machine is): collect before each sample.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let n = 0;
    for await (const _ of readLogEvents(path, { format: 'auth' })) {
      n += 1;
      if (n % 50_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    expect(n).toBe(blocks * 10_000);
    // A reader that buffered the file would keep > 50 MB of text (100 MB as JS strings) plus its events.
    expect(peak - before).toBeLessThan(16 * 1024 * 1024);
    rmSync(path);
  }, 120_000);
});

describe('followLogEvents', () => {
  it('sees appended lines, truncation and rotation', async () => {
    const path = join(dir, 'follow.log');
    await writeFile(path, 'Mar  3 04:05:06 h sshd[1]: one\n');
    const ac = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const e of followLogEvents(path, ac.signal, { format: 'syslog', pollMs: 20 }))
        seen.push(String(e.fields.message));
    })();
    const until = async (n: number) => {
      for (let i = 0; i < 200 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(1);
    await appendFile(path, 'Mar  3 04:05:07 h sshd[1]: two\nMar  3 04:05:07 h sshd[1]: thr');
    await until(2);
    await appendFile(path, 'ee\n');
    await until(3);
    await truncate(path, 0);
    await new Promise((r) => setTimeout(r, 60));
    await appendFile(path, 'Mar  3 04:05:08 h sshd[1]: four\n');
    await until(4);
    await rename(path, `${path}.1`);
    await writeFile(path, 'Mar  3 04:05:09 h sshd[1]: five\n');
    await until(5);
    ac.abort();
    await done;
    expect(seen).toEqual(['one', 'two', 'three', 'four', 'five']);
  });
});
