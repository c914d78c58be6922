/**
 * The JetStream objects the NATS bus (see nats-bus.ts) relies on: the stream, made
 * or updated on start, and the durable consumers, made on first subscribe.
 */
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { platformErrors } from '../errors.js';
import type { SubscribeOptions } from '../ports/bus.js';

/** The stream settings taken from the bus options. */
export interface StreamLimits {
  readonly replicas?: number;
  readonly maxAgeMs?: number;
  readonly duplicateWindowMs?: number;
}

/** Where durable consumers are made, and how their filters are shown. */
export interface DurableTarget {
  readonly jsm: JetStreamManager;
  readonly stream: string;
  readonly prefix: string;
  readonly ackWaitMs: number;
}

const isApiError = (err: unknown, code: number) =>
  err instanceof JetStreamApiError && err.code === code;

export async function ensureStream(
  jsm: JetStreamManager,
  name: string,
  subject: string,
  o: StreamLimits,
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

export async function startSeq(
  jsm: JetStreamManager,
  stream: string,
  from: SubscribeOptions['from'],
): Promise<number> {
  if (from === 'all') return 1;
  // A start beyond the end is clamped by the server to "next": the port's meaning too.
  if (from !== undefined && from !== 'new') return from.seq;
  const info = await jsm.streams.info(stream);
  return info.state.last_seq + 1;
}

/** Create the durable consumer unless it exists; it must filter on the same pattern. */
export async function ensureDurable(
  target: DurableTarget,
  name: string,
  filter: string,
  from: SubscribeOptions['from'],
) {
  const { jsm, stream, prefix, ackWaitMs } = target;
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
      opt_start_seq: await startSeq(jsm, stream, from),
      ack_wait: nanos(ackWaitMs),
      max_deliver: -1,
    });
  } catch (err) {
    if (!(await check())) throw err; // created meanwhile by another instance: fine
  }
}
