/**
 * The one contract every Bus adapter must pass (STYLE habit 1). An adapter's test
 * file calls `runBusContract` with a factory that opens a fresh, empty bus (its own
 * journal file, NATS stream or subject prefix) for every test.
 *
 * `reopen`, when given, closes nothing by itself: the suite closes `bus` first, then
 * asks for a new instance over the same storage (as a restarted server would get).
 * `cleanup` closes every instance the harness opened and deletes the storage.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShieldwallError } from '../errors.js';
import type { Bus, BusEvent, BusHandler } from './bus.js';

export interface BusHarness {
  readonly bus: Bus;
  reopen?(): Promise<Bus>;
  cleanup(): Promise<void>;
}

export interface BusContractFactory {
  create(): Promise<BusHarness>;
}

const WAIT = { timeout: 5_000, interval: 10 };
/** How long "nothing more arrives" is watched for. */
const QUIET_MS = 300;

/** Records what a handler receives; `before` runs first and may throw to refuse the event. */
function collector(before?: (event: BusEvent) => Promise<void> | void) {
  const events: BusEvent[] = [];
  const handler: BusHandler = async (event) => {
    await before?.(event);
    events.push(event);
  };
  return {
    events,
    handler,
    seqs: () => events.map((e) => e.seq),
    waitFor: (n: number) => vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(n), WAIT),
  };
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ShieldwallError) return err.code;
    throw err;
  }
  return 'resolved';
}

/** An independent matcher to check adapters against: the pattern turned into a regex. */
function referenceMatch(pattern: string, subject: string): boolean {
  const source = pattern
    .split('.')
    .map((t) => (t === '*' ? '[^.]+' : t === '>' ? '.+' : t.replace(/[-]/g, '\\-')))
    .join('\\.');
  return new RegExp(`^${source}$`).test(subject);
}

async function publishAll(bus: Bus, subjects: readonly string[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const subject of subjects) seqs.push((await bus.publish(subject, { subject })).seq);
  return seqs;
}

export function runBusContract(name: string, factory: BusContractFactory): void {
  describe(name, () => {
    let h: BusHarness;
    let bus: Bus;
    beforeEach(async () => {
      h = await factory.create();
      bus = h.bus;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('numbers events from 1 upwards, and lastSeq follows', async () => {
      expect(await bus.lastSeq()).toBe(0);
      const one = await publishAll(bus, ['a.b', 'a.c', 'x']);
      expect(one).toEqual([1, 2, 3]);
      const many = await Promise.all(Array.from({ length: 20 }, (_, i) => bus.publish('a.b', i)));
      const seqs = many.map((r) => r.seq);
      expect(new Set(seqs).size).toBe(20);
      expect(Math.min(...seqs)).toBe(4);
      expect(await bus.lastSeq()).toBe(Math.max(...seqs));
      await bus.ping();
    });

    it('matches * to exactly one token and > to one or more at the end', async () => {
      const table: Record<string, string[]> = {
        'audit.appended': ['audit.appended'],
        'audit.*': ['audit.appended', 'audit.revoked'],
        'audit.>': ['audit.appended', 'audit.revoked', 'audit.key.rotated'],
        '*.appended': ['audit.appended'],
        '*': ['audit'],
        '>': ['audit', 'audit.appended', 'audit.revoked', 'audit.key.rotated', 'ex-1.i_2.p'],
        'audit.*.rotated': ['audit.key.rotated'],
        'ex-1.>': ['ex-1.i_2.p'],
        nothing: [],
      };
      const subs = Object.fromEntries(Object.keys(table).map((p) => [p, collector()]));
      for (const [pattern, c] of Object.entries(subs)) await bus.subscribe(pattern, c.handler);
      await publishAll(bus, [
        'audit',
        'audit.appended',
        'audit.revoked',
        'audit.key.rotated',
        'ex-1.i_2.p',
      ]);
      for (const [pattern, c] of Object.entries(subs)) await c.waitFor(table[pattern]?.length ?? 0);
      await sleep(QUIET_MS);
      for (const [pattern, c] of Object.entries(subs))
        expect(
          c.events.map((e) => e.subject),
          pattern,
        ).toEqual(table[pattern]);
    });

    it('delivers random subjects to random patterns exactly like a reference matcher', async () => {
      const token = fc.constantFrom('a', 'b', 'c');
      const subjectArb = fc.array(token, { minLength: 1, maxLength: 4 }).map((t) => t.join('.'));
      const patternArb = fc
        .tuple(
          fc.array(fc.constantFrom('a', 'b', '*'), { minLength: 0, maxLength: 3 }),
          fc.boolean(),
        )
        .filter(([t, tail]) => t.length > 0 || tail)
        .map(([t, tail]) => [...t, ...(tail ? ['>'] : [])].join('.'));
      const patterns = [...new Set(fc.sample(patternArb, { numRuns: 12, seed: 4242 }))];
      const subjects = fc.sample(subjectArb, { numRuns: 60, seed: 2424 });
      const subs = patterns.map((p) => ({ p, c: collector() }));
      for (const { p, c } of subs) await bus.subscribe(p, c.handler);
      const seqs = await publishAll(bus, subjects);
      for (const { p, c } of subs) {
        const expected = seqs.filter((_, i) => referenceMatch(p, subjects[i] as string));
        await vi.waitFor(() => expect(c.seqs()).toEqual(expected), WAIT);
      }
      await sleep(QUIET_MS);
      for (const { p, c } of subs)
        expect(c.seqs(), p).toEqual(
          seqs.filter((_, i) => referenceMatch(p, subjects[i] as string)),
        );
    });

    it('fans every event out to every non-durable subscriber', async () => {
      const one = collector();
      const two = collector();
      await bus.subscribe('fan.>', one.handler);
      await bus.subscribe('fan.>', two.handler);
      const seqs = await publishAll(
        bus,
        Array.from({ length: 10 }, (_, i) => `fan.e${i}`),
      );
      await one.waitFor(10);
      await two.waitFor(10);
      expect(one.seqs()).toEqual(seqs);
      expect(two.seqs()).toEqual(seqs);
    });

    it("replays from 'all' and from { seq } (inclusive), and starts at 'new' by default", async () => {
      const old = await publishAll(bus, ['r.a', 'r.b', 'r.c', 'r.d', 'r.e']);
      const all = collector();
      const fromThird = collector();
      const byDefault = collector();
      const beyond = collector();
      await bus.subscribe('r.*', all.handler, { from: 'all' });
      await bus.subscribe('r.*', fromThird.handler, { from: { seq: old[2] as number } });
      await bus.subscribe('r.*', byDefault.handler);
      await bus.subscribe('r.*', beyond.handler, { from: { seq: 1_000 } });
      const fresh = await publishAll(bus, ['r.f', 'r.g']);
      await all.waitFor(7);
      await fromThird.waitFor(5);
      await byDefault.waitFor(2);
      await beyond.waitFor(2);
      await sleep(QUIET_MS);
      expect(all.seqs()).toEqual([...old, ...fresh]);
      expect(fromThird.seqs()).toEqual([...old.slice(2), ...fresh]);
      expect(byDefault.seqs()).toEqual(fresh);
      expect(beyond.seqs()).toEqual(fresh);
    });

    it('delivers in sequence order, one event at a time per subscriber', async () => {
      let running = 0;
      let most = 0;
      const c = collector(async () => {
        running++;
        most = Math.max(most, running);
        await sleep(Math.random() < 0.2 ? 3 : 0);
        running--;
      });
      await bus.subscribe('o.>', c.handler);
      const seqs = (
        await Promise.all(Array.from({ length: 100 }, (_, i) => bus.publish(`o.${i % 3}`, i)))
      ).map((r) => r.seq);
      await c.waitFor(100);
      expect(c.seqs()).toEqual([...seqs].sort((a, b) => a - b));
      expect(most).toBe(1);
    });

    it('resumes a durable consumer where it stopped, without redelivering acked events', async () => {
      await publishAll(bus, ['d.before']);
      const first = collector();
      const sub = await bus.subscribe('d.>', first.handler, { durable: 'worker' });
      const early = await publishAll(bus, ['d.1', 'd.2', 'd.3']);
      await first.waitFor(3);
      await sub.unsubscribe();
      const missed = await publishAll(bus, ['d.4', 'd.5']);
      const second = collector();
      await bus.subscribe('d.>', second.handler, { durable: 'worker', from: 'all' });
      await second.waitFor(2);
      await sleep(QUIET_MS);
      expect(first.seqs()).toEqual(early); // 'new' by default: d.before is not for it
      expect(second.seqs()).toEqual(missed); // from is ignored once the consumer exists
    });

    it('resumes a durable consumer after the bus is reopened', async (ctx) => {
      if (h.reopen === undefined) return ctx.skip();
      const first = collector();
      await bus.subscribe('p.>', first.handler, { durable: 'keeper', from: 'all' });
      const early = await publishAll(bus, ['p.1', 'p.2']);
      await first.waitFor(2);
      await bus.close();
      const again = await h.reopen();
      const missed = await publishAll(again, ['p.3']);
      const second = collector();
      await again.subscribe('p.>', second.handler, { durable: 'keeper' });
      await second.waitFor(1);
      await sleep(QUIET_MS);
      expect(first.seqs()).toEqual(early);
      expect(second.seqs()).toEqual(missed);
      expect(await again.lastSeq()).toBe(missed[0]);
    });

    it('splits events between subscribers sharing a durable name', async () => {
      const slow = () => sleep(3);
      const a = collector(slow);
      const b = collector(slow);
      await bus.subscribe('w.>', a.handler, { durable: 'pool', from: 'all' });
      await bus.subscribe('w.>', b.handler, { durable: 'pool', from: 'all' });
      const seqs = (
        await Promise.all(Array.from({ length: 40 }, (_, i) => bus.publish('w.job', i)))
      ).map((r) => r.seq);
      await vi.waitFor(() => expect(a.events.length + b.events.length).toBe(40), WAIT);
      await sleep(QUIET_MS);
      const both = [...a.seqs(), ...b.seqs()].sort((x, y) => x - y);
      expect(both).toEqual([...seqs].sort((x, y) => x - y)); // each exactly once
      expect(a.events.length).toBeGreaterThan(0);
      expect(b.events.length).toBeGreaterThan(0);
      for (const c of [a, b]) expect(c.seqs()).toEqual([...c.seqs()].sort((x, y) => x - y));
    });

    for (const durable of [undefined, 'retrier']) {
      it(`redelivers an event whose handler throws (${durable ?? 'non-durable'})`, async () => {
        const attempts = new Map<number, number>();
        const c = collector((e) => {
          attempts.set(e.seq, (attempts.get(e.seq) ?? 0) + 1);
          if (e.subject === 't.2' && attempts.get(e.seq) === 1) throw new Error('failed once');
        });
        await bus.subscribe('t.>', c.handler, durable === undefined ? {} : { durable });
        const seqs = (await publishAll(bus, ['t.1', 't.2', 't.3'])) as [number, number, number];
        await c.waitFor(3);
        await sleep(QUIET_MS);
        expect(c.seqs().sort((x, y) => x - y)).toEqual(seqs);
        expect(attempts.get(seqs[1])).toBe(2);
        expect(attempts.get(seqs[0])).toBe(1);
      });
    }

    it('stores an event once per msgId', async () => {
      const first = await bus.publish('m.x', { n: 1 }, { msgId: 'order-17' });
      const again = await bus.publish('m.x', { n: 2 }, { msgId: 'order-17' });
      const other = await bus.publish('m.x', { n: 3 });
      expect(again.seq).toBe(first.seq);
      expect(await bus.lastSeq()).toBe(other.seq);
      const c = collector();
      await bus.subscribe('m.>', c.handler, { from: 'all' });
      await c.waitFor(2);
      await sleep(QUIET_MS);
      expect(c.events.map((e) => [e.seq, e.data, e.msgId])).toEqual([
        [first.seq, { n: 1 }, 'order-17'],
        [other.seq, { n: 3 }, undefined],
      ]);
    });

    for (const durable of [undefined, 'waiter']) {
      it(`unsubscribe waits for a running handler, then delivers nothing more (${durable ?? 'non-durable'})`, async () => {
        let started = 0;
        let finished = 0;
        const c = collector(async () => {
          started++;
          await sleep(250);
          finished++;
        });
        const sub = await bus.subscribe('u.>', c.handler, durable === undefined ? {} : { durable });
        await bus.publish('u.1', 1);
        await vi.waitFor(() => expect(started).toBe(1), WAIT);
        await sub.unsubscribe();
        expect(finished).toBe(1);
        await sub.unsubscribe(); // a second call is harmless
        await bus.publish('u.2', 2);
        await sleep(QUIET_MS);
        expect(started).toBe(1);
      });
    }

    it('close waits for running handlers, stops delivery and refuses further use', async () => {
      let started = 0;
      let finished = 0;
      const c = collector(async () => {
        started++;
        await sleep(150);
        finished++;
      });
      await bus.subscribe('c.>', c.handler);
      await bus.publish('c.1', 1);
      await vi.waitFor(() => expect(started).toBe(1), WAIT);
      await bus.close();
      expect(finished).toBe(1);
      await bus.close(); // idempotent
      expect(await codeOf(() => bus.publish('c.2', 2))).toBe('bus_unavailable');
      expect(await codeOf(() => bus.subscribe('c.>', () => {}))).toBe('bus_unavailable');
      expect(await codeOf(() => bus.ping())).toBe('bus_unavailable');
      if (h.reopen === undefined) return;
      const again = await h.reopen();
      await again.publish('c.3', 3);
      await sleep(QUIET_MS);
      expect(c.events.length).toBe(1);
    });

    it('refuses invalid subjects, patterns, names, msgIds, starts and data with bad_request', async () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      const bad = async (work: () => Promise<unknown>, what: string) =>
        expect(await codeOf(work), what).toBe('bad_request');
      for (const subject of [
        '',
        'a..b',
        '.a',
        'a.',
        'a.*',
        'a.>',
        'a b',
        'ä',
        'a\n',
        'x'.repeat(257),
      ])
        await bad(() => bus.publish(subject, 1), `subject ${JSON.stringify(subject)}`);
      await bad(() => bus.publish(42 as unknown as string, 1), 'subject 42');
      for (const pattern of [
        '',
        'a.>.b',
        'a*',
        '>a',
        'a..b',
        '**',
        'a.b c',
        `${'x.'.repeat(128)}>`,
      ])
        await bad(() => bus.subscribe(pattern, () => {}), `pattern ${JSON.stringify(pattern)}`);
      for (const durable of ['', 'a.b', 'bad name', 'x'.repeat(65), '*'])
        await bad(
          () => bus.subscribe('a', () => {}, { durable }),
          `durable ${JSON.stringify(durable)}`,
        );
      for (const from of [{ seq: 0 }, { seq: 1.5 }, { seq: -1 }, 'sometimes'])
        await bad(
          () => bus.subscribe('a', () => {}, { from: from as { seq: number } }),
          `from ${JSON.stringify(from)}`,
        );
      await bad(() => bus.subscribe('a', 'nope' as unknown as BusHandler), 'handler');
      for (const msgId of ['', 'has space', 'x'.repeat(129), 'new\nline'])
        await bad(() => bus.publish('a', 1, { msgId }), `msgId ${JSON.stringify(msgId)}`);
      for (const [what, data] of [
        ['undefined', undefined],
        ['function', () => 1],
        ['bigint', 10n],
        ['cyclic', cyclic],
        ['too large', 'x'.repeat(1_000_000)],
      ] as const)
        await bad(() => bus.publish('a', data), what);
      expect(await bus.lastSeq()).toBe(0);
      const largest = 'x'.repeat(1_000_000 - 2); // exactly the limit once quoted
      expect((await bus.publish('a', largest)).seq).toBe(1);
    });

    it('refuses to reuse a durable name for another pattern with conflict', async () => {
      const sub = await bus.subscribe('k.a', () => {}, { durable: 'bound' });
      await sub.unsubscribe();
      expect(await codeOf(() => bus.subscribe('k.b', () => {}, { durable: 'bound' }))).toBe(
        'conflict',
      );
    });

    it('round-trips JSON data, subject, time and sequence', async () => {
      const payloads: unknown[] = [
        {
          nested: { deep: [1, 2.5, -3, { x: null, y: [[]] }] },
          text: 'héllo wörld — 你好 — مرحبا — 🛡️⚔️ — \u0000 nul',
          quoted: 'a "quote", a \\ backslash\nand a newline',
          empty: {},
          flag: false,
          zero: 0,
        },
        'plain string',
        42,
        null,
        [1, 'two', { three: 3 }],
      ];
      const c = collector();
      await bus.subscribe('j.>', c.handler);
      const before = Date.now();
      const seqs = [];
      for (const data of payloads) seqs.push((await bus.publish('j.data', data)).seq);
      await c.waitFor(payloads.length);
      expect(c.events.map((e) => e.data)).toEqual(payloads);
      expect(c.seqs()).toEqual(seqs);
      for (const e of c.events) {
        expect(e.subject).toBe('j.data');
        expect(new Date(e.time).toISOString()).toBe(e.time);
        expect(Math.abs(Date.parse(e.time) - before)).toBeLessThan(60_000);
      }
    });

    it('delivers a burst of 2,000 events complete and in order', async () => {
      const c = collector();
      await bus.subscribe('burst.>', c.handler);
      const results = await Promise.all(
        Array.from({ length: 2_000 }, (_, i) => bus.publish(`burst.${i % 7}`, { i })),
      );
      await vi.waitFor(() => expect(c.events.length).toBe(2_000), {
        timeout: 20_000,
        interval: 20,
      });
      const indexOf = new Map(results.map((r, i) => [r.seq, i]));
      expect(c.seqs()).toEqual(results.map((r) => r.seq).sort((a, b) => a - b));
      for (const e of c.events) expect((e.data as { i: number }).i).toBe(indexOf.get(e.seq));
    });
  });
}
