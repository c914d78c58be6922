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
import {
  type Consumer,
  DeliverPolicy,
  JetStreamApiError,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { platformErrors } from '../errors.js';
import {
  assertDurableName,
  assertMsgId,
  assertPattern,
  assertStart,
  assertSubject,
  type Bus,
  type BusEvent,
  encodeEventData,
} from '../ports/bus.js';
import { type FollowContext, follow } from './nats-bus-consumers.js';
import { type DurableTarget, ensureDurable, ensureStream, startSeq } from './nats-bus-stream.js';

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
  const durableTarget: DurableTarget = { jsm, stream, prefix, ackWaitMs };
  const followCtx: FollowContext = {
    nc,
    prefix,
    ackWaitMs,
    durableBatch: options.durableBatch ?? 10,
    onError,
  };

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
          await ensureDurable(durableTarget, opts.durable, filter, opts.from);
          consumer = await js.consumers.get(stream, opts.durable);
        } else {
          consumer = await js.consumers.get(stream, {
            filter_subjects: filter,
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: await startSeq(jsm, stream, opts.from),
          });
        }
      } catch (err) {
        if (platformErrors.is(err, 'bad_request') || platformErrors.is(err, 'conflict')) throw err;
        throw unavailable(err, 'subscribe');
      }
      const stop = follow(followCtx, consumer, handler, opts.durable !== undefined);
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
