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
  readonly owner: string;
  readonly now: () => number;
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly onError: OnError;
}

/** A non-durable subscriber: its own cursor over the journal. Resolves its stop when idle. */
export function startTail(ctx: Ctx, pattern: string, handler: BusHandler, start: number) {
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
