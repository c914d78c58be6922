import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { runBusContract } from '../ports/bus.contract.js';
import type { Bus } from '../ports/bus.js';
import { requireService } from '../test-support/services.js';
import { createNatsBus, type NatsBusOptions } from './nats-bus.js';

const url = await requireService('nats');

/** A stream and prefix of our own, so parallel runs and other suites never meet. */
function isolated(): NatsBusOptions & { url: string } {
  const id = randomBytes(5).toString('hex');
  return { url: url as string, stream: `SW_TEST_${id}`, subjectPrefix: `swtest_${id}` };
}

async function withManager<T>(
  work: (jsm: Awaited<ReturnType<typeof jetstreamManager>>) => Promise<T>,
) {
  const nc = await connect({ servers: url as string });
  try {
    return await work(await jetstreamManager(nc));
  } finally {
    await nc.close();
  }
}

const deleteStreams = (names: string[]) =>
  withManager(async (jsm) => {
    for (const name of names) await jsm.streams.delete(name).catch(() => false);
  });

async function errorOf(work: () => Promise<unknown>): Promise<ShieldwallError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ShieldwallError) return err;
    throw err;
  }
  throw new Error('expected a ShieldwallError');
}

describe.skipIf(url === undefined)('NATS bus', () => {
  runBusContract('contract', {
    async create() {
      const options = isolated();
      const opened: Bus[] = [];
      const open = async () => {
        const bus = await createNatsBus(options);
        opened.push(bus);
        return bus;
      };
      return {
        bus: await open(),
        reopen: open,
        cleanup: async () => {
          await Promise.all(opened.map((b) => b.close()));
          await deleteStreams([options.stream]);
        },
      };
    },
  });

  describe('mapping onto JetStream', () => {
    const buses: Bus[] = [];
    const streams: string[] = [];
    const open = async (options: NatsBusOptions) => {
      const bus = await createNatsBus(options);
      buses.push(bus);
      streams.push(options.stream);
      return bus;
    };
    afterEach(async () => {
      await Promise.all(buses.splice(0).map((b) => b.close()));
      await deleteStreams(streams.splice(0));
    });

    it('stores events under the prefix, with msgId as Nats-Msg-Id, in one stream', async () => {
      const options = isolated();
      const bus = await open(options);
      const { seq } = await bus.publish('audit.appended', { id: 1 }, { msgId: 'a-1' });
      const stored = await withManager(async (jsm) => {
        const info = await jsm.streams.info(options.stream);
        const msg = await jsm.streams.getMessage(options.stream, { seq });
        return { subjects: info.config.subjects, msg };
      });
      expect(stored.subjects).toEqual([`${options.subjectPrefix}.>`]);
      expect(stored.msg?.subject).toBe(`${options.subjectPrefix}.audit.appended`);
      expect(stored.msg?.header.get('Nats-Msg-Id')).toBe('a-1');
      expect(stored.msg?.json()).toEqual({ id: 1 });
    });

    it('adds its prefix to an existing stream instead of replacing the subjects', async () => {
      const first = isolated();
      await open(first);
      await open({ ...first, subjectPrefix: `${first.subjectPrefix}_b` });
      const subjects = await withManager(
        async (jsm) => (await jsm.streams.info(first.stream)).config.subjects,
      );
      expect(subjects).toEqual([`${first.subjectPrefix}.>`, `${first.subjectPrefix}_b.>`]);
    });

    it('splits a durable consumer between instances on separate connections', async () => {
      const options = isolated();
      const a = await open(options);
      const b = await open(options);
      const gotA: number[] = [];
      const gotB: number[] = [];
      const slow = (into: number[]) => async (e: { seq: number }) => {
        await sleep(2);
        into.push(e.seq);
      };
      await a.subscribe('job.>', slow(gotA), { durable: 'pool' });
      await b.subscribe('job.>', slow(gotB), { durable: 'pool' });
      const seqs = await Promise.all(Array.from({ length: 30 }, (_, i) => a.publish('job.x', i)));
      await vi.waitFor(() => expect(gotA.length + gotB.length).toBe(30), { timeout: 5_000 });
      expect([...gotA, ...gotB].sort((x, y) => x - y)).toEqual(seqs.map((s) => s.seq));
      expect(gotA.length).toBeGreaterThan(0);
      expect(gotB.length).toBeGreaterThan(0);
    });

    it('acks every handled durable event on the server', async () => {
      const options = isolated();
      const bus = await open(options);
      const seen: number[] = [];
      const sub = await bus.subscribe('ack.>', (e) => void seen.push(e.seq), { durable: 'acker' });
      for (let i = 0; i < 5; i++) await bus.publish('ack.x', i);
      await vi.waitFor(() => expect(seen).toHaveLength(5), { timeout: 2_000 });
      await sub.unsubscribe(); // flushes acks to the server
      const info = await withManager((jsm) => jsm.consumers.info(options.stream, 'acker'));
      expect(info.num_ack_pending).toBe(0);
      expect(info.ack_floor.stream_seq).toBe(5);
    });

    it('gives fetched but unstarted durable events back at once on unsubscribe', async () => {
      const options = isolated();
      const bus = await open(options);
      let started = 0;
      // Published before the first subscriber exists, so its one pull is answered with
      // all eight at once: an event still on its way to a pull closed by unsubscribe
      // (a later publish racing the unsubscribe) is only redelivered after the ack
      // wait, which is NATS's behaviour, not the give-back this test is about.
      for (let i = 0; i < 8; i++) await bus.publish('q.x', i);
      const first = await bus.subscribe(
        'q.>',
        async () => {
          started++;
          await sleep(200);
        },
        { durable: 'queue', from: 'all' },
      );
      await vi.waitFor(() => expect(started).toBe(1), { timeout: 2_000 });
      await first.unsubscribe();
      const rest: number[] = [];
      const t0 = Date.now();
      await bus.subscribe('q.>', (e) => void rest.push(e.seq), { durable: 'queue' });
      await vi.waitFor(() => expect(rest).toEqual([2, 3, 4, 5, 6, 7, 8]), { timeout: 5_000 });
      expect(Date.now() - t0).toBeLessThan(2_000); // not after the 30 s ack wait
    });
  });
});

describe('NATS bus configuration and outages', () => {
  it('fails fast with bus_unavailable when nothing listens, without leaking credentials', async () => {
    const t0 = Date.now();
    const err = await errorOf(() =>
      createNatsBus({ url: 'nats://app:s3cret@127.0.0.1:1', stream: 'X', connectTimeoutMs: 1_000 }),
    );
    expect(err.code).toBe('bus_unavailable');
    expect(err.message).toContain('127.0.0.1:1');
    expect(err.message).not.toContain('s3cret');
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('refuses a bad stream name, prefix or URL with config_invalid', async () => {
    for (const options of [
      { url: 'nats://127.0.0.1:1', stream: 'has.dot' },
      { url: 'nats://127.0.0.1:1', stream: 'OK', subjectPrefix: 'a.*' },
      { url: 'not a url', stream: 'OK' },
    ])
      expect((await errorOf(() => createNatsBus(options))).code).toBe('config_invalid');
  });
});
