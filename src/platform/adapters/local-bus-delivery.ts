/**
 * What every subscriber of the embedded bus (see local-bus.ts) shares: the context,
 * the wake-up signal, delivery with retries, and the non-durable subscriber.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type BusEvent, type BusHandler, subjectMatches } from '../ports/bus.js';
import { type Journal, PAGE, type Row, toEvent } from './local-bus-journal.js';

/** Wakes whoever waits for news. Waiters register right after a synchronous read, so none is missed. */
export class Signal {
  private waiters: Array<() => void> = [];
  /** Counts notifications: a read made in the same generation has seen everything announced. */
  generation = 0;
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
    this.generation++;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

export type OnError = (err: unknown, event?: BusEvent) => void;

/** Run the handler until it succeeds (true) or the subscriber stops first (false). */
export async function deliver(handler: BusHandler, row: Row, abort: AbortSignal, onError: OnError) {
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

export interface Ctx {
  readonly journal: Journal;
  readonly news: Signal;
  /** The tails' reads: a page of the journal from a position (see `sharedPages`). */
  readonly page: (from: number) => Row[];
  readonly owner: string;
  readonly now: () => number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly onError: OnError;
}

/**
 * The journal page the tails read last, shared. Tails that are caught up all wake on the same
 * news at the same position, so one query serves them all instead of one each (100 live streams
 * made 100 identical reads per event). Rows never change once written, so a page read earlier is
 * still a true prefix of what follows `from`; an empty page is reused only until the next news, so
 * a tail that finds nothing still waits for exactly what it would have waited for.
 */
export function sharedPages(journal: Journal, news: Signal): (from: number) => Row[] {
  let from = -1;
  let rows: Row[] = [];
  let generation = -1;
  return (at) => {
    if (at === from && (rows.length > 0 || generation === news.generation)) return rows;
    const read = journal.readFrom(at, PAGE);
    from = at;
    rows = read;
    generation = news.generation;
    return read;
  };
}

/** A non-durable subscriber: its own cursor over the journal. Resolves its stop when idle. */
export function startTail(ctx: Ctx, pattern: string, handler: BusHandler, start: number) {
  const abort = new AbortController();
  const run = async () => {
    let next = start;
    while (!abort.signal.aborted) {
      let rows: Row[];
      try {
        rows = ctx.page(next);
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
