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
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
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
  subjectMatches,
} from '../ports/bus.js';

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

/** Rows read per journal query, and events a durable consumer has in flight at most. */
const PAGE = 256;
/** Acks are saved in batches, at most this long after the ack. */
const SAVE_DELAY_MS = 50;

interface Row {
  seq: number;
  subject: string;
  data: string;
  msg_id: string | null;
  time: number;
}
interface ConsumerRow {
  pattern: string;
  ack_floor: number;
  acked: string;
  owner: string | null;
  lease_until: number;
}
interface Pending {
  subject: string;
  json: string;
  msgId: string | null;
  resolve(value: { seq: number }): void;
  reject(err: unknown): void;
}
type Journal = ReturnType<typeof openJournal>;

const SCHEMA = `
create table if not exists bus_event (
  seq integer primary key autoincrement,
  subject text not null,
  data text not null,
  msg_id text unique,
  time integer not null
);
create table if not exists bus_consumer (
  name text primary key,
  pattern text not null,
  ack_floor integer not null,
  acked text not null default '[]',
  owner text,
  lease_until integer not null default 0
);`;

function unavailable(err: unknown, file: string) {
  return platformErrors.create('bus_unavailable', {
    message: `The bus journal ${file} cannot be used: ${(err as Error).message}`,
    cause: err,
  });
}

function openJournal(file: string, busyTimeoutMs: number) {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.transaction(() => db.exec(SCHEMA)).immediate();

  const insert = db.prepare<[string, string, string | null, number], { seq: number }>(
    'insert into bus_event (subject, data, msg_id, time) values (?, ?, ?, ?) on conflict (msg_id) do nothing returning seq',
  );
  const byMsgId = db
    .prepare<[string], number>('select seq from bus_event where msg_id = ?')
    .pluck();
  const head = db.prepare<[], number>('select coalesce(max(seq), 0) from bus_event').pluck();
  const page = db.prepare<[number, number], Row>(
    'select seq, subject, data, msg_id, time from bus_event where seq >= ? order by seq limit ?',
  );
  const consumer = db.prepare<[string], ConsumerRow>(
    'select pattern, ack_floor, acked, owner, lease_until from bus_consumer where name = ?',
  );
  const addConsumer = db.prepare<[string, string, number]>(
    'insert into bus_consumer (name, pattern, ack_floor) values (?, ?, ?)',
  );
  const take = db.prepare<[string, number, string]>(
    'update bus_consumer set owner = ?, lease_until = ? where name = ?',
  );
  const save = db.prepare<[number, string, string | null, number, string, string]>(
    'update bus_consumer set ack_floor = ?, acked = ?, owner = ?, lease_until = ? where name = ? and owner = ?',
  );
  const heldByOther = (row: ConsumerRow, owner: string, now: number) =>
    row.owner !== null && row.owner !== owner && row.lease_until > now;

  return {
    close: () => db.close(),
    head: () => head.get() ?? 0,
    readFrom: (seq: number, limit: number) => page.all(seq, limit),
    /** Append a batch in one transaction; a known msgId yields the stored event's seq. */
    append: db.transaction((batch: readonly Pending[], time: number) =>
      batch.map((p) => {
        const row = insert.get(p.subject, p.json, p.msgId, time);
        return row?.seq ?? byMsgId.get(p.msgId as string) ?? 0;
      }),
    ).immediate,
    /** Create the durable consumer if it is new; refuse a different pattern for an existing one. */
    ensureConsumer: db.transaction(
      (name: string, pattern: string, from: SubscribeOptions['from']) => {
        const row = consumer.get(name);
        if (row === undefined) addConsumer.run(name, pattern, startSeq(from, head.get() ?? 0));
        else if (row.pattern !== pattern)
          throw platformErrors.create('conflict', {
            message: `Durable consumer ${name} already follows '${row.pattern}', not '${pattern}'.`,
          });
      },
    ).immediate,
    /** Take the lease when it is free, expired or ours; returns the saved position. */
    acquire(name: string, owner: string, now: number, leaseMs: number) {
      const peek = consumer.get(name); // read first: most polls find it held and write nothing
      if (peek === undefined || heldByOther(peek, owner, now)) return undefined;
      return db
        .transaction(() => {
          const row = consumer.get(name);
          if (row === undefined || heldByOther(row, owner, now)) return undefined;
          take.run(owner, now + leaseMs, name);
          return { floor: row.ack_floor, acked: JSON.parse(row.acked) as number[] };
        })
        .immediate();
    },
    /** Save the position (and renew or release the lease); false when the lease is no longer ours. */
    save(name: string, owner: string, floor: number, acked: number[], leaseUntil: number | null) {
      const next = leaseUntil === null ? null : owner;
      const r = save.run(floor, JSON.stringify(acked), next, leaseUntil ?? 0, name, owner);
      return r.changes === 1;
    },
  };
}

function startSeq(from: SubscribeOptions['from'], head: number): number {
  if (from === 'all') return 1;
  if (from !== undefined && from !== 'new') return Math.min(from.seq, head + 1);
  return head + 1;
}

function toEvent(row: Row): BusEvent {
  const event = {
    subject: row.subject,
    seq: row.seq,
    time: new Date(row.time).toISOString(),
    data: JSON.parse(row.data) as unknown,
  };
  return row.msg_id === null ? event : { ...event, msgId: row.msg_id };
}

/** Wakes whoever waits for news. Waiters register right after a synchronous read, so none is missed. */
class Signal {
  private waiters: Array<() => void> = [];
  wait(abort: AbortSignal): Promise<void> {
    if (abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        abort.removeEventListener('abort', done);
        resolve();
      };
      abort.addEventListener('abort', done);
      this.waiters.push(done);
    });
  }
  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

type OnError = (err: unknown, event?: BusEvent) => void;

/** Run the handler until it succeeds (true) or the subscriber stops first (false). */
async function deliver(handler: BusHandler, row: Row, abort: AbortSignal, onError: OnError) {
  for (let attempt = 0; !abort.aborted; attempt++) {
    let event: BusEvent | undefined;
    try {
      event = toEvent(row);
      await handler(event);
      return true;
    } catch (err) {
      onError(err, event);
    }
    const backoff = Math.min(50 * 2 ** attempt, 5_000);
    await sleep(backoff, undefined, { signal: abort, ref: false }).catch(() => {});
  }
  return false;
}

interface Ctx {
  readonly journal: Journal;
  readonly news: Signal;
  readonly owner: string;
  readonly now: () => number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly onError: OnError;
}

/** A non-durable subscriber: its own cursor over the journal. Resolves its stop when idle. */
function startTail(ctx: Ctx, pattern: string, handler: BusHandler, start: number) {
  const abort = new AbortController();
  const run = async () => {
    let next = start;
    while (!abort.signal.aborted) {
      let rows: Row[];
      try {
        rows = ctx.journal.readFrom(next, PAGE);
      } catch (err) {
        ctx.onError(err);
        await sleep(ctx.pollMs, undefined, { signal: abort.signal, ref: false }).catch(() => {});
        continue;
      }
      if (rows.length === 0) await ctx.news.wait(abort.signal);
      for (const row of rows) {
        if (subjectMatches(pattern, row.subject)) {
          if (!(await deliver(handler, row, abort.signal, ctx.onError))) return;
        }
        next = row.seq + 1;
        if (abort.signal.aborted) return;
      }
    }
  };
  const done = run();
  return async () => {
    abort.abort();
    await done;
  };
}

interface Member {
  readonly handler: BusHandler;
  queue: Row[];
  readonly wake: Signal;
  readonly abort: AbortController;
  done: Promise<void>;
}

/** One durable consumer in this process: its lease, its position and the members sharing it. */
class DurableGroup {
  readonly members = new Set<Member>();
  private leased = false;
  /** Bumped whenever the lease ends, so acks from an older term are ignored. */
  private term = 0;
  private leaseUntil = 0;
  private next = 0;
  private readonly inflight = new Set<number>();
  private acked = new Set<number>();
  private readonly room = new Signal();
  private pump: { abort: AbortController; done: Promise<void> } | undefined;
  private saveTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly ctx: Ctx,
    readonly name: string,
    readonly pattern: string,
  ) {}

  addMember(handler: BusHandler): Member {
    const m: Member = {
      handler,
      queue: [],
      wake: new Signal(),
      abort: new AbortController(),
      done: Promise.resolve(),
    };
    m.done = this.runMember(m);
    this.members.add(m);
    return m;
  }

  /** Stop one member; events it had not started go to the others. */
  async removeMember(m: Member): Promise<void> {
    this.members.delete(m);
    m.abort.abort();
    await m.done;
    for (const row of m.queue.splice(0)) this.dispatch(row);
  }

  /** Called every poll: renew our lease, or try to take a free one. */
  tick(): void {
    const now = this.ctx.now();
    if (this.leased) {
      if (now >= this.leaseUntil - this.ctx.leaseMs / 2) this.save(false);
      return;
    }
    const pos = this.ctx.journal.acquire(this.name, this.ctx.owner, now, this.ctx.leaseMs);
    if (pos === undefined) return;
    this.leased = true;
    this.leaseUntil = now + this.ctx.leaseMs;
    this.next = pos.floor;
    this.acked = new Set(pos.acked);
    this.inflight.clear();
    const abort = new AbortController();
    this.pump = { abort, done: this.runPump(abort.signal) };
  }

  /** Stop everything, wait for running handlers, save the position and release the lease. */
  async stop(): Promise<void> {
    this.pump?.abort.abort();
    await this.pump?.done;
    const members = [...this.members];
    this.members.clear();
    for (const m of members) m.abort.abort();
    await Promise.all(members.map((m) => m.done));
    clearTimeout(this.saveTimer);
    if (this.leased) this.save(true);
  }

  private async runPump(abort: AbortSignal): Promise<void> {
    while (!abort.aborted) {
      if (this.inflight.size >= PAGE) {
        await this.room.wait(abort);
        continue;
      }
      let rows: Row[];
      try {
        rows = this.ctx.journal.readFrom(this.next, PAGE - this.inflight.size);
      } catch (err) {
        this.ctx.onError(err);
        await sleep(this.ctx.pollMs, undefined, { signal: abort, ref: false }).catch(() => {});
        continue;
      }
      if (rows.length === 0) await this.ctx.news.wait(abort);
      for (const row of rows) {
        this.next = row.seq + 1;
        if (this.acked.has(row.seq) || !subjectMatches(this.pattern, row.subject)) continue;
        this.inflight.add(row.seq);
        this.dispatch(row);
      }
    }
  }

  /** Hand an event to the member with the shortest queue. */
  private dispatch(row: Row): void {
    let best: Member | undefined;
    for (const m of this.members)
      if (best === undefined || m.queue.length < best.queue.length) best = m;
    if (best === undefined) return; // only while stopping: it stays unacked and comes back later
    const last = best.queue.at(-1);
    best.queue.push(row);
    if (last !== undefined && last.seq > row.seq) best.queue.sort((a, b) => a.seq - b.seq);
    best.wake.notify();
  }

  private async runMember(m: Member): Promise<void> {
    while (!m.abort.signal.aborted) {
      const row = m.queue.shift();
      if (row === undefined) {
        await m.wake.wait(m.abort.signal);
        continue;
      }
      const term = this.term;
      if (await deliver(m.handler, row, m.abort.signal, this.ctx.onError)) this.ack(row.seq, term);
      else m.queue.unshift(row);
    }
  }

  private ack(seq: number, term: number): void {
    if (term !== this.term || !this.leased) return;
    this.inflight.delete(seq);
    this.acked.add(seq);
    this.room.notify();
    this.saveTimer ??= setTimeout(() => {
      this.saveTimer = undefined;
      if (this.leased) this.save(false);
    }, SAVE_DELAY_MS).unref();
  }

  /** Write the ack floor and acked set; renews the lease, or releases it. */
  private save(release: boolean): void {
    let floor = this.next;
    for (const s of this.inflight) if (s < floor) floor = s;
    for (const s of this.acked) if (s < floor) this.acked.delete(s);
    const acked = [...this.acked].sort((a, b) => a - b);
    const until = release ? null : this.ctx.now() + this.ctx.leaseMs;
    let ours = false;
    try {
      ours = this.ctx.journal.save(this.name, this.ctx.owner, floor, acked, until);
    } catch (err) {
      this.ctx.onError(err);
      return; // try again at the next tick; the lease has time left
    }
    if (ours && until !== null) this.leaseUntil = until;
    else this.endTerm();
  }

  /** The lease is gone (released, or taken over after we stalled): stop delivering. */
  private endTerm(): void {
    this.leased = false;
    this.term++;
    this.pump?.abort.abort();
    this.pump = undefined;
    this.inflight.clear();
    this.acked.clear();
    for (const m of this.members) m.queue.length = 0;
  }
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
  const ctx: Ctx = {
    journal,
    news: new Signal(),
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
