/**
 * The pull loop behind every NATS bus subscriber (see nats-bus.ts): ordered
 * consumers retry a failing handler in place; durable ones ack, nak and keep their
 * held events alive.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { BusEvent, BusHandler } from '../ports/bus.js';

/** What a pull loop needs from the bus around it. */
export interface FollowContext {
  readonly nc: NatsConnection;
  /** First subject token(s) of every event, stripped from the subjects handlers see. */
  readonly prefix: string;
  readonly ackWaitMs: number;
  /** Events a durable subscriber fetches at a time. */
  readonly durableBatch: number;
  readonly onError: (err: unknown, event?: BusEvent) => void;
}

/** Back-off before the n-th retry (0-based) of a failing handler: 50 ms doubling to 5 s. */
const backoffMs = (n: number) => Math.min(50 * 2 ** n, 5_000);
/** How long one pull waits on the server before the next is issued (the minimum is 1 s). */
const PULL_EXPIRES_MS = 5_000;
/**
 * Events given back on unsubscribe are nak'd with this delay, not at once: an
 * immediate nak can be handed straight to our own just-closed pull request, which
 * the server still holds (seen with nats-server 2.9), stranding the event until the
 * ack wait ends. A delayed nak goes through the redelivery timer and reaches a live
 * subscriber.
 */
const GIVE_BACK_DELAY_MS = 50;

function toEvent(m: JsMsg, prefix: string): BusEvent {
  const msgId = m.headers?.get('Nats-Msg-Id') ?? '';
  const event = {
    subject: m.subject.slice(prefix.length + 1),
    seq: m.seq,
    time: m.time.toISOString(),
    data: m.json<unknown>(),
  };
  return msgId === '' ? event : { ...event, msgId };
}

/** Pull batches and run the handler on one event at a time until stopped. */
export function follow(
  ctx: FollowContext,
  consumer: Consumer,
  handler: BusHandler,
  durable: boolean,
) {
  const { nc, ackWaitMs, onError } = ctx;
  const abort = new AbortController();
  let batch: ConsumerMessages | undefined;
  const held: JsMsg[] = [];

  const handle = async (m: JsMsg) => {
    const keepAlive = durable
      ? setInterval(() => {
          for (const h of [m, ...held]) h.working();
        }, ackWaitMs / 3).unref()
      : undefined;
    try {
      for (let attempt = 0; ; attempt++) {
        let event: BusEvent | undefined;
        try {
          event = toEvent(m, ctx.prefix);
          await handler(event);
          if (durable) m.ack();
          return;
        } catch (err) {
          onError(err, event);
          if (durable) return m.nak(backoffMs(m.info.deliveryCount - 1));
        }
        await sleep(backoffMs(attempt), undefined, { signal: abort.signal, ref: false }).catch(
          () => {},
        );
        if (abort.signal.aborted) return;
      }
    } finally {
      clearInterval(keepAlive);
    }
  };

  const run = async () => {
    for (let failures = 0; !abort.signal.aborted; ) {
      try {
        const current = await consumer.fetch({
          max_messages: durable ? ctx.durableBatch : 256,
          expires: PULL_EXPIRES_MS,
        });
        batch = current;
        if (abort.signal.aborted) void current.close().catch(() => {});
        // Move events out of the iterator as they arrive, so keep-alive and nak see them all.
        let ended = false;
        let wake: (() => void) | undefined;
        const reader = (async () => {
          for await (const m of current) {
            held.push(m);
            wake?.();
          }
        })().finally(() => {
          ended = true;
          wake?.();
        });
        for (;;) {
          const m = held.shift();
          if (m === undefined) {
            if (ended) break;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            continue;
          }
          if (abort.signal.aborted) {
            if (durable) m.nak(GIVE_BACK_DELAY_MS);
            continue;
          }
          await handle(m);
        }
        await reader;
        failures = 0;
      } catch (err) {
        if (abort.signal.aborted) break;
        onError(err);
        await sleep(backoffMs(failures++), undefined, { signal: abort.signal, ref: false }).catch(
          () => {},
        );
      }
    }
    for (const m of held.splice(0)) if (durable) m.nak(GIVE_BACK_DELAY_MS);
  };
  const done = run();
  let stopped: Promise<void> | undefined;
  return () =>
    (stopped ??= (async () => {
      abort.abort();
      void batch?.close().catch(() => {});
      await done;
      if (!durable) await consumer.delete().catch(() => {});
      await nc.flush().catch(() => {}); // acks and naks reach the server before we return
    })());
}
