/**
 * The embedded bus: in-process delivery at once, and a journal in its own SQLite
 * file so other processes on the same data directory (the CLI beside a running
 * `shieldwall serve`) exchange events through it.
 *
 * - Every publish is appended to `bus_event` (WAL, synchronous=FULL) before it
 *   resolves. Publishes issued in the same tick share one `BEGIN IMMEDIATE`
 *   transaction (group commit): a burst costs one fsync, not one per event.
 *   Sequences come from AUTOINCREMENT under the write lock, so they follow commit
 *   order and a reader never sees a gap that is filled later.
 * - Every subscriber reads the journal from its own cursor. Our own publishes wake
 *   subscribers at once; other processes' are noticed by a cheap `select max(seq)`
 *   every `pollIntervalMs` (an unref'd timer, running only while we have subscribers).
 * - Durable consumers (`bus_consumer`) store an ack floor (every matching event
 *   below it was handled) and the acked sequences above it. Inside a process the
 *   subscribers sharing a name split the events (least-loaded first). Across
 *   processes, one process at a time holds the consumer's lease (`owner`,
 *   `lease_until`, taken with BEGIN IMMEDIATE, renewed once half of it has passed)
 *   and delivers; the others stand by and take over when it is released
 *   (unsubscribe, close) or expires (a crash, after `leaseMs`). So no two processes
 *   handle a consumer's events at once unless the holder stalls longer than the
 *   lease, and after a crash the acks of the last ~50 ms (not yet saved) are
 *   delivered again. Processes do not split one consumer's events: the embedded
 *   deployment runs one server, and correctness matters more than throughput.
 * - No retention yet: the journal grows until an operator truncates it, and msgId
 *   de-duplication lasts as long as the event is kept.
 */
import { randomUUID } from 'node:crypto';
import { platformErrors } from '../errors.js';
import {
  assertDurableName,
  assertMsgId,
  assertPattern,
  assertStart,
  assertSubject,
  type Bus,
  type BusEvent,
  type BusHandler,
  encodeEventData,
  type SubscribeOptions,
  type Subscription,
} from '../ports/bus.js';
import { type Ctx, Signal, sharedPages, startTail } from './local-bus-delivery.js';
import { DurableGroup } from './local-bus-durable.js';
import { type Journal, openJournal, type Pending, startSeq } from './local-bus-journal.js';

export interface LocalBusOptions {
  /** Journal file (parent directories are created), or ':memory:' for one process only. */
  readonly journalFile: string;
  /** How often to look for other processes' events and for leases, in ms (default 200). */
  readonly pollIntervalMs?: number;
  /** Clock for event times and leases, epoch ms. */
  readonly now?: () => number;
  /** How long a durable consumer's lease lasts without renewal, in ms (default 10 s). */
  readonly leaseMs?: number;
  /** How long a writer waits for another process's write lock, in ms (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** Told about handler failures (the event is then retried) and background journal errors. */
  readonly onError?: (err: unknown, event?: BusEvent) => void;
}

function unavailable(err: unknown, file: string) {
  return platformErrors.create('bus_unavailable', {
    message: `The bus journal ${file} cannot be used: ${(err as Error).message}`,
    cause: err,
  });
}

/**
 * @example
 * const bus = createLocalBus({ journalFile: join(dataDir, 'events.sqlite') });
 * await bus.subscribe('audit.*', (e) => console.log(e.seq, e.data), { durable: 'audit-mirror' });
 */
export function createLocalBus(options: LocalBusOptions): Bus {
  const file = options.journalFile;
  let journal: Journal;
  try {
    journal = openJournal(file, options.busyTimeoutMs ?? 5_000);
  } catch (err) {
    throw unavailable(err, file);
  }
  const news = new Signal();
  const ctx: Ctx = {
    journal,
    news,
    page: sharedPages(journal, news),
    owner: randomUUID(),
    now: options.now ?? Date.now,
    leaseMs: options.leaseMs ?? 10_000,
    pollMs: options.pollIntervalMs ?? 200,
    onError: (err, event) => {
      try {
        options.onError?.(err, event);
      } catch {
        // a failing error reporter must not stop delivery
      }
    },
  };
  const tails = new Set<() => Promise<void>>();
  const groups = new Map<string, DurableGroup>();
  /** Groups still stopping, so a new subscriber of the same name waits for the release. */
  const stopping = new Map<string, Promise<void>>();
  const pending: Pending[] = [];
  let known = journal.head();
  let timer: NodeJS.Timeout | undefined;
  let closed: Promise<void> | undefined;

  const ensureOpen = () => {
    if (closed) throw platformErrors.create('bus_unavailable', { message: 'The bus is closed.' });
  };

  function flush(): void {
    const batch = pending.splice(0);
    if (batch.length === 0) return;
    let seqs: number[];
    try {
      seqs = journal.append(batch, ctx.now());
    } catch (err) {
      for (const p of batch) p.reject(unavailable(err, file));
      return;
    }
    for (const [i, p] of batch.entries()) {
      const seq = seqs[i] ?? 0;
      known = Math.max(known, seq);
      p.resolve({ seq });
    }
    ctx.news.notify();
  }

  function poll(): void {
    try {
      const head = journal.head();
      if (head !== known) {
        known = head;
        ctx.news.notify();
      }
    } catch (err) {
      ctx.onError(err);
    }
    for (const g of groups.values()) tick(g);
  }

  function tick(g: DurableGroup): void {
    try {
      g.tick();
    } catch (err) {
      ctx.onError(err); // e.g. the write lock stayed busy: the next poll tries again
    }
  }

  function watch(): void {
    timer ??= setInterval(poll, ctx.pollMs).unref();
  }
  function unwatchIfIdle(): void {
    if (tails.size > 0 || groups.size > 0) return;
    clearInterval(timer);
    timer = undefined;
  }

  function once(fn: () => Promise<void>): Subscription {
    let done: Promise<void> | undefined;
    return { unsubscribe: () => (done ??= fn()) };
  }

  async function subscribeDurable(
    name: string,
    pattern: string,
    handler: BusHandler,
    from: SubscribeOptions['from'],
  ) {
    await stopping.get(name);
    ensureOpen();
    try {
      journal.ensureConsumer(name, pattern, from);
    } catch (err) {
      throw platformErrors.is(err, 'conflict') ? err : unavailable(err, file);
    }
    const g = groups.get(name) ?? new DurableGroup(ctx, name, pattern);
    const member = g.addMember(handler); // before the lease: the pump hands events to members
    if (!groups.has(name)) {
      groups.set(name, g);
      tick(g); // take the lease now if it is free, rather than at the next poll
    }
    watch();
    return once(async () => {
      if (g.members.size > 1 || !g.members.has(member)) return g.removeMember(member);
      groups.delete(name);
      const done = g.stop();
      stopping.set(name, done);
      await done;
      stopping.delete(name);
      unwatchIfIdle();
    });
  }

  return {
    publish(subject, data, opts) {
      try {
        ensureOpen();
        assertSubject(subject);
        if (opts?.msgId !== undefined) assertMsgId(opts.msgId);
        const json = encodeEventData(data);
        return new Promise((resolve, reject) => {
          pending.push({ subject, json, msgId: opts?.msgId ?? null, resolve, reject });
          if (pending.length === 1) queueMicrotask(flush);
        });
      } catch (err) {
        return Promise.reject(err);
      }
    },

    async subscribe(pattern, handler, opts = {}) {
      ensureOpen();
      assertPattern(pattern);
      assertStart(opts.from);
      if (typeof handler !== 'function')
        throw platformErrors.create('bad_request', {
          message: 'The bus handler must be a function.',
        });
      if (opts.durable !== undefined) assertDurableName(opts.durable);
      flush(); // publishes issued before this call are not "new" to it
      if (opts.durable !== undefined)
        return subscribeDurable(opts.durable, pattern, handler, opts.from);
      const stop = startTail(ctx, pattern, handler, startSeq(opts.from, journal.head()));
      tails.add(stop);
      watch();
      return once(async () => {
        tails.delete(stop);
        await stop();
        unwatchIfIdle();
      });
    },

    async lastSeq() {
      ensureOpen();
      flush();
      try {
        return journal.head();
      } catch (err) {
        throw unavailable(err, file);
      }
    },

    async ping() {
      ensureOpen();
      try {
        journal.head();
      } catch (err) {
        throw unavailable(err, file);
      }
    },

    close() {
      closed ??= (async () => {
        flush();
        clearInterval(timer);
        const stops = [...tails].map((stop) => stop());
        const groupStops = [...groups.values()].map((g) => g.stop());
        tails.clear();
        groups.clear();
        await Promise.all([...stops, ...groupStops, ...stopping.values()]);
        journal.close();
      })();
      return closed;
    },
  };
}
