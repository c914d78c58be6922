/**
 * The bus at scale: NATS JetStream, shared by every Shieldwall instance.
 *
 * - One stream (`stream`) holds subjects `${prefix}.>`; it is created on start, or
 *   updated when its subjects, max age or duplicate window differ. Our subject
 *   `audit.appended` travels as `${prefix}.audit.appended`.
 * - publish → JetStream publish with `Nats-Msg-Id` = msgId; a duplicate inside the
 *   stream's duplicate window returns the first event's sequence.
 * - Without `durable`: an ordered consumer (ephemeral, no acks, recreated by the
 *   client on any gap) starting at a stream sequence. A failing handler is retried
 *   in place with back-off, so the order holds.
 * - With `durable`: a durable pull consumer of that name (explicit ack, filter =
 *   pattern, unlimited deliveries). Every subscriber pulls small batches from it, so
 *   subscribers sharing the name, in any instance, split the events. Resolved →
 *   ack; thrown → nak with back-off (redelivered, maybe to another subscriber); while
 *   a handler runs, `working` keeps the held events from timing out (ack wait); on
 *   unsubscribe the fetched but unstarted events are nak'd so others get them at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  AckPolicy,
  type Consumer,
  type ConsumerMessages,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
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
} from '../ports/bus.js';

export interface NatsBusOptions {
  /** nats://[user:pass@|token@]host:4222 (tls:// for TLS); several separated by commas. */
  readonly url: string;
  /** JetStream stream name ([A-Za-z0-9_-]+). */
  readonly stream: string;
  /** First subject token(s) of every event (default `shieldwall`). */
  readonly subjectPrefix?: string;
  /** Stream replicas when the stream is created (default 1). */
  readonly replicas?: number;
  /** Drop events older than this, in ms (default 0: keep them all). */
  readonly maxAgeMs?: number;
  /** How long msgIds are remembered for de-duplication, in ms (default 2 minutes). */
  readonly duplicateWindowMs?: number;
  readonly connectTimeoutMs?: number;
  /** Timeout of publishes and JetStream API calls, in ms (default 5 s). */
  readonly requestTimeoutMs?: number;
  /** Redeliver a durable event whose handler neither finished nor said `working` for this long (default 30 s). */
  readonly ackWaitMs?: number;
  /** Events a durable subscriber fetches at a time (default 10); smaller splits more evenly. */
  readonly durableBatch?: number;
  /** Shown in the NATS server's connection list. */
  readonly name?: string;
  /** Told about handler failures (the event is then retried) and background pull errors. */
  readonly onError?: (err: unknown, event?: BusEvent) => void;
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

function configError(message: string) {
  return platformErrors.create('config_invalid', { message });
}

/** Credentials in the URL become connect options; messages show host:port only. */
function parseUrl(url: string) {
  const servers: string[] = [];
  let auth: { user?: string; pass?: string; token?: string } = {};
  for (const part of url.split(',')) {
    let u: URL;
    try {
      u = new URL(part.trim());
    } catch {
      throw configError(`The NATS URL ${JSON.stringify(part)} is not valid.`);
    }
    if (u.username !== '' && Object.keys(auth).length === 0) {
      const user = decodeURIComponent(u.username);
      auth = u.password === '' ? { token: user } : { user, pass: decodeURIComponent(u.password) };
    }
    servers.push(`${u.protocol}//${u.host}`);
  }
  return { servers, auth, hosts: servers.map((s) => new URL(s).host).join(', ') };
}

const isApiError = (err: unknown, code: number) =>
  err instanceof JetStreamApiError && err.code === code;

async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subject: string,
  o: NatsBusOptions,
) {
  const wanted = {
    max_age: nanos(o.maxAgeMs ?? 0),
    duplicate_window: nanos(o.duplicateWindowMs ?? 120_000),
  };
  let info = await jsm.streams.info(name).catch((err: unknown) => {
    if (isApiError(err, JetStreamApiCodes.StreamNotFound)) return undefined;
    throw err;
  });
  if (info === undefined) {
    try {
      await jsm.streams.add({
        name,
        subjects: [subject],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        num_replicas: o.replicas ?? 1,
        ...wanted,
      });
      return;
    } catch (err) {
      info = await jsm.streams.info(name).catch(() => undefined); // another instance won the race?
      if (info === undefined) throw err;
    }
  }
  const cfg = info.config;
  const subjects = cfg.subjects.includes(subject) ? cfg.subjects : [...cfg.subjects, subject];
  if (
    subjects !== cfg.subjects ||
    cfg.max_age !== wanted.max_age ||
    cfg.duplicate_window !== wanted.duplicate_window
  )
    await jsm.streams.update(name, { ...cfg, subjects, ...wanted });
}

/**
 * @example
 * const bus = await createNatsBus({ url: 'nats://nats:4222', stream: 'SHIELDWALL' });
 * await bus.publish('audit.appended', { id: 17 });
 */
export async function createNatsBus(options: NatsBusOptions): Promise<Bus> {
  const prefix = options.subjectPrefix ?? 'shieldwall';
  const stream = options.stream;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(stream))
    throw configError(
      `NATS stream name ${JSON.stringify(stream)}: use 1-64 letters, digits, '_' or '-'.`,
    );
  try {
    assertSubject(prefix);
  } catch {
    throw configError(`NATS subject prefix ${JSON.stringify(prefix)} is not a valid subject.`);
  }
  const { servers, auth, hosts } = parseUrl(options.url);
  const timeout = options.requestTimeoutMs ?? 5_000;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  const unavailable = (err: unknown, doing: string) =>
    platformErrors.create('bus_unavailable', {
      message: `NATS at ${hosts}: cannot ${doing}: ${(err as Error).message || String(err)}`,
      cause: err,
    });
  const onError = (err: unknown, event?: BusEvent) => {
    try {
      options.onError?.(err, event);
    } catch {
      // a failing error reporter must not stop delivery
    }
  };

  let nc: NatsConnection;
  try {
    nc = await connect({
      servers,
      ...auth,
      name: options.name ?? 'shieldwall',
      timeout: options.connectTimeoutMs ?? 5_000,
      maxReconnectAttempts: -1, // a server outlives NATS restarts; ping reports the outage
      reconnectTimeWait: 500,
    });
  } catch (err) {
    throw unavailable(err, 'connect');
  }
  let jsm: JetStreamManager;
  try {
    jsm = await jetstreamManager(nc, { timeout });
    await ensureStream(jsm, stream, `${prefix}.>`, options);
  } catch (err) {
    await nc.close().catch(() => {});
    if (err instanceof JetStreamApiError)
      throw configError(`NATS stream ${stream} cannot be set up: ${err.message}`);
    throw unavailable(err, 'use JetStream');
  }
  const js = jetstream(nc, { timeout });
  const encoder = new TextEncoder();
  const running = new Set<() => Promise<void>>();
  let closed: Promise<void> | undefined;

  const ensureOpen = () => {
    if (closed || nc.isClosed())
      throw platformErrors.create('bus_unavailable', { message: 'The bus is closed.' });
  };

  async function startSeq(from: SubscribeOptions['from']): Promise<number> {
    if (from === 'all') return 1;
    // A start beyond the end is clamped by the server to "next": the port's meaning too.
    if (from !== undefined && from !== 'new') return from.seq;
    const info = await jsm.streams.info(stream);
    return info.state.last_seq + 1;
  }

  function toEvent(m: JsMsg): BusEvent {
    const msgId = m.headers?.get('Nats-Msg-Id') ?? '';
    const event = {
      subject: m.subject.slice(prefix.length + 1),
      seq: m.seq,
      time: m.time.toISOString(),
      data: m.json<unknown>(),
    };
    return msgId === '' ? event : { ...event, msgId };
  }

  /** Create the durable consumer unless it exists; it must filter on the same pattern. */
  async function ensureDurable(name: string, filter: string, from: SubscribeOptions['from']) {
    const check = async () => {
      const info = await jsm.consumers.info(stream, name).catch((err: unknown) => {
        if (isApiError(err, JetStreamApiCodes.ConsumerNotFound)) return undefined;
        throw err;
      });
      if (info !== undefined && info.config.filter_subject !== filter)
        throw platformErrors.create('conflict', {
          message: `Durable consumer ${name} already follows '${info.config.filter_subject?.slice(prefix.length + 1)}', not '${filter.slice(prefix.length + 1)}'.`,
        });
      return info !== undefined;
    };
    if (await check()) return;
    try {
      await jsm.consumers.add(stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        filter_subject: filter,
        deliver_policy: DeliverPolicy.StartSequence,
        opt_start_seq: await startSeq(from),
        ack_wait: nanos(ackWaitMs),
        max_deliver: -1,
      });
    } catch (err) {
      if (!(await check())) throw err; // created meanwhile by another instance: fine
    }
  }

  /** Pull batches and run the handler on one event at a time until stopped. */
  function follow(consumer: Consumer, handler: BusHandler, durable: boolean) {
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
            event = toEvent(m);
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
            max_messages: durable ? (options.durableBatch ?? 10) : 256,
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

  return {
    async publish(subject, data, opts) {
      ensureOpen();
      assertSubject(subject);
      if (opts?.msgId !== undefined) assertMsgId(opts.msgId);
      const payload = encoder.encode(encodeEventData(data));
      const max = nc.info?.max_payload;
      if (max !== undefined && payload.length > max - 1024)
        throw platformErrors.create('bad_request', {
          message: `Event data is larger than this NATS server accepts (${max} bytes).`,
        });
      try {
        const ack = await js.publish(
          `${prefix}.${subject}`,
          payload,
          opts?.msgId === undefined ? undefined : { msgID: opts.msgId },
        );
        return { seq: ack.seq };
      } catch (err) {
        throw unavailable(err, 'publish');
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
      const filter = `${prefix}.${pattern}`;
      let consumer: Consumer;
      try {
        if (opts.durable !== undefined) {
          assertDurableName(opts.durable);
          await ensureDurable(opts.durable, filter, opts.from);
          consumer = await js.consumers.get(stream, opts.durable);
        } else {
          consumer = await js.consumers.get(stream, {
            filter_subjects: filter,
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: await startSeq(opts.from),
          });
        }
      } catch (err) {
        if (platformErrors.is(err, 'bad_request') || platformErrors.is(err, 'conflict')) throw err;
        throw unavailable(err, 'subscribe');
      }
      const stop = follow(consumer, handler, opts.durable !== undefined);
      running.add(stop);
      return {
        unsubscribe: () => {
          running.delete(stop);
          return stop();
        },
      };
    },

    async lastSeq() {
      ensureOpen();
      try {
        return (await jsm.streams.info(stream)).state.last_seq;
      } catch (err) {
        throw unavailable(err, 'read the stream');
      }
    },

    async ping() {
      ensureOpen();
      try {
        await jsm.streams.info(stream); // a round trip that also proves JetStream and the stream
      } catch (err) {
        throw unavailable(err, 'reach JetStream');
      }
    },

    close() {
      closed ??= (async () => {
        const stops = [...running];
        running.clear();
        await Promise.all(stops.map((stop) => stop()));
        await nc.drain().catch(() => {});
      })();
      return closed;
    },
  };
}
