import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runBusContract } from '../ports/bus.contract.js';
import {
  assertPattern,
  assertSubject,
  type Bus,
  type BusEvent,
  subjectMatches,
} from '../ports/bus.js';
import { createLocalBus } from './local-bus.js';

const CHILD = fileURLToPath(new URL('../test-support/bus-child.ts', import.meta.url));
const dirs: string[] = [];
function tempJournal(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sw-bus-'));
  dirs.push(dir);
  return join(dir, 'events.sqlite');
}

runBusContract('local bus, journal file', {
  async create() {
    const journalFile = tempJournal();
    const opened: Bus[] = [];
    const open = () => {
      const bus = createLocalBus({ journalFile });
      opened.push(bus);
      return bus;
    };
    return {
      bus: open(),
      reopen: async () => open(),
      cleanup: async () => {
        await Promise.all(opened.map((b) => b.close()));
        rmSync(dirname(journalFile), { recursive: true, force: true });
      },
    };
  },
});

runBusContract('local bus, in memory', {
  async create() {
    const bus = createLocalBus({ journalFile: ':memory:' });
    return { bus, cleanup: () => bus.close() };
  },
});

describe('subject grammar and matching', () => {
  const token = fc.constantFrom('a', 'b', 'a-1', 'B_2');
  const subject = fc.array(token, { minLength: 1, maxLength: 5 }).map((t) => t.join('.'));
  const pattern = fc
    .tuple(fc.array(fc.oneof(token, fc.constant('*')), { maxLength: 4 }), fc.boolean())
    .filter(([t, tail]) => t.length > 0 || tail)
    .map(([t, tail]) => [...t, ...(tail ? ['>'] : [])].join('.'));
  const regexOf = (p: string) =>
    new RegExp(
      `^${p
        .split('.')
        .map((t) => (t === '*' ? '[^.]+' : t === '>' ? '.+' : t))
        .join('\\.')}$`,
    );

  it('matches exactly like a regular-expression reference', () => {
    fc.assert(
      fc.property(pattern, subject, (p, s) => subjectMatches(p, s) === regexOf(p).test(s)),
      { numRuns: 2_000 },
    );
  });

  it('accepts every generated subject and pattern, and no subject with a wildcard', () => {
    fc.assert(
      fc.property(subject, pattern, (s, p) => {
        assertSubject(s);
        assertPattern(p);
        if (/[*>]/.test(p)) expect(() => assertSubject(p)).toThrow(/subject/);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses any string outside the grammar', () => {
    const valid = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        let ok = true;
        try {
          assertSubject(s);
        } catch {
          ok = false;
        }
        return ok === valid.test(s);
      }),
      { numRuns: 2_000 },
    );
  });
});

/** A child Node process on the same journal, with its stdout as parsed JSON lines. */
function child(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Array<Record<string, unknown>> = [];
  createInterface({ input: proc.stdout }).on('line', (l) => lines.push(JSON.parse(l)));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  return { proc, lines, exited };
}

describe('local bus across processes', () => {
  const procs: ChildProcess[] = [];
  const buses: Bus[] = [];
  const track = (bus: Bus) => {
    buses.push(bus);
    return bus;
  };
  afterEach(async () => {
    for (const p of procs.splice(0)) p.kill('SIGKILL');
    await Promise.all(buses.splice(0).map((b) => b.close()));
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('receives within a second an event that another process publishes', async () => {
    const journalFile = tempJournal();
    const bus = track(createLocalBus({ journalFile }));
    const got: Array<{ event: BusEvent; at: number }> = [];
    await bus.subscribe('admin.>', (event) => void got.push({ event, at: Date.now() }));
    const c = child(['publish', journalFile, 'admin.key.revoked', JSON.stringify({ key: 'k-1' })]);
    procs.push(c.proc);
    expect(await c.exited).toBe(0);
    await vi.waitFor(() => expect(got).toHaveLength(1), { timeout: 2_000, interval: 10 });
    const first = got[0] as { event: BusEvent; at: number };
    expect(first.event).toMatchObject({
      subject: 'admin.key.revoked',
      data: { key: 'k-1' },
      seq: 1,
    });
    expect(first.at - Date.parse(first.event.time)).toBeLessThan(1_000);
  });

  it('never keeps a process alive just because it subscribes', async () => {
    const c = child(['idle', tempJournal(), 'x.>']);
    procs.push(c.proc);
    const code = await Promise.race([c.exited, sleep(8_000).then(() => 'still running')]);
    expect(code).toBe(0);
    expect(c.lines).toEqual([{ ready: true }]);
  });

  it('hands a durable consumer over when its holder closes, without redelivery', async () => {
    const journalFile = tempJournal();
    const a = track(createLocalBus({ journalFile, pollIntervalMs: 25 }));
    const b = track(createLocalBus({ journalFile, pollIntervalMs: 25 }));
    const gotA: number[] = [];
    const gotB: number[] = [];
    await a.subscribe('h.>', (e) => void gotA.push(e.seq), { durable: 'handover' });
    await b.subscribe('h.>', (e) => void gotB.push(e.seq), { durable: 'handover' });
    for (let i = 0; i < 5; i++) await a.publish('h.x', i);
    await vi.waitFor(() => expect(gotA).toEqual([1, 2, 3, 4, 5]), { timeout: 2_000 });
    await sleep(100);
    expect(gotB).toEqual([]); // standing by: the lease is a's
    await a.close();
    await b.publish('h.x', 5);
    await vi.waitFor(() => expect(gotB).toEqual([6]), { timeout: 2_000 });
    await sleep(100);
    expect(gotB).toEqual([6]);
  });

  it('keeps renewing the lease of an idle holder, so a standby never steals it', async () => {
    const journalFile = tempJournal();
    const options = { journalFile, pollIntervalMs: 25, leaseMs: 300 };
    const a = track(createLocalBus(options));
    const b = track(createLocalBus(options));
    const gotA: number[] = [];
    const gotB: number[] = [];
    await a.subscribe('i.>', (e) => void gotA.push(e.seq), { durable: 'idle' });
    await b.subscribe('i.>', (e) => void gotB.push(e.seq), { durable: 'idle' });
    await sleep(1_000); // over three lease lengths with no event and so no ack to save
    for (let i = 0; i < 3; i++) await b.publish('i.x', i);
    await vi.waitFor(() => expect(gotA).toEqual([1, 2, 3]), { timeout: 2_000 });
    expect(gotB).toEqual([]);
  });

  it('takes a durable consumer over from a killed process once its lease expires', async () => {
    const journalFile = tempJournal();
    const bus = track(createLocalBus({ journalFile, pollIntervalMs: 25 }));
    for (let i = 0; i < 6; i++) await bus.publish('f.x', i);
    const c = child(['follow', journalFile, 'f.>', 'failover', '600']);
    procs.push(c.proc);
    await vi.waitFor(() => expect(c.lines).toContainEqual({ ready: true }), { timeout: 10_000 });
    const mine: number[] = [];
    await bus.subscribe('f.>', (e) => void mine.push(e.seq), { durable: 'failover' });
    for (let i = 6; i < 9; i++) await bus.publish('f.x', i);
    await vi.waitFor(() => expect(c.lines).toContainEqual({ got: 9 }), { timeout: 3_000 });
    await sleep(200); // the child saves its acks within ~50 ms
    expect(mine).toEqual([]);
    c.proc.kill('SIGKILL');
    await c.exited;
    const killedAt = Date.now();
    await bus.publish('f.x', 9);
    await vi.waitFor(() => expect(mine).toEqual([10]), { timeout: 3_000, interval: 10 });
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(200); // it waited for the lease
    const childGot = c.lines.flatMap((l) => (typeof l.got === 'number' ? [l.got] : []));
    expect(childGot).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
