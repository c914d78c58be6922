/**
 * Durable consumers of the embedded bus (see local-bus.ts): the lease one process
 * holds, the ack floor and acked set it saves, and the members that split the events.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type BusHandler, subjectMatches } from '../ports/bus.js';
import { type Ctx, deliver, Signal } from './local-bus-delivery.js';
import { PAGE, type Row } from './local-bus-journal.js';

/** Acks are saved in batches, at most this long after the ack. */
const SAVE_DELAY_MS = 50;

interface Member {
  readonly handler: BusHandler;
  queue: Row[];
  readonly wake: Signal;
  readonly abort: AbortController;
  done: Promise<void>;
}

/** One durable consumer in this process: its lease, its position and the members sharing it. */
export class DurableGroup {
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
