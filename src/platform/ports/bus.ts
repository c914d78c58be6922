import { platformErrors } from '../errors.js';

/**
 * The event bus port: durable, ordered streams of events that every Shieldwall
 * process can follow. Embedded default: a local bus that delivers in-process at
 * once and journals to a SQLite file so other processes on the same data dir
 * (the CLI, a second server) see the events too. At scale: NATS JetStream.
 *
 * Subjects are dot-separated tokens (`audit.appended`, `exchange.indicator.published`).
 * Patterns use NATS wildcards: `*` matches one token, `>` matches one or more at the end.
 */
export interface Bus {
  /**
   * Append an event; resolves once it is durably stored. Returns its stream sequence (1-based, increasing).
   * Invalid subjects, msgIds and data that is not JSON or over `BUS_LIMITS.eventBytes` throw `bad_request`;
   * after `close()` or when the bus is down it throws `bus_unavailable`.
   */
  publish(subject: string, data: unknown, options?: PublishOptions): Promise<{ seq: number }>;

  /**
   * Receive events whose subject matches `pattern`.
   * - Without `durable`: every subscriber gets every event (fan-out), starting at `from`.
   * - With `durable`: a named consumer whose position survives restarts; subscribers
   *   sharing the name split the events between them (each event to one of them).
   * Delivery is at-least-once: an event is acknowledged when `handler` resolves and
   * redelivered when it throws (after a short back-off, for as long as it keeps throwing).
   * Events are delivered in sequence order per subscriber, one at a time; only an event
   * redelivered after a failure may arrive after later ones.
   * A durable name is bound to the pattern it was created with: subscribing with another
   * pattern throws `conflict`. Invalid patterns, names or `from` throw `bad_request`.
   */
  subscribe(
    pattern: string,
    handler: BusHandler,
    options?: SubscribeOptions,
  ): Promise<Subscription>;

  /** The sequence of the newest event in the stream (0 when empty). */
  lastSeq(): Promise<number>;

  /** Cheap round trip for readiness checks; throws `bus_unavailable` when down. */
  ping(): Promise<void>;

  /** Stop every subscription and close connections. */
  close(): Promise<void>;
}

export interface BusEvent<T = unknown> {
  readonly subject: string;
  readonly seq: number;
  /** When the bus stored it, ISO 8601 UTC. */
  readonly time: string;
  readonly data: T;
  /** Set by the publisher for de-duplication, when given. */
  readonly msgId?: string;
}

export type BusHandler = (event: BusEvent) => Promise<void> | void;

export interface PublishOptions {
  /**
   * De-duplication id: publishing the same id twice stores the event once, and the
   * second publish returns the first one's `seq`. The window is the adapter's: NATS
   * remembers ids for the stream's duplicate window (2 minutes by default), the local
   * bus for as long as its journal keeps the event.
   */
  readonly msgId?: string;
}

export interface SubscribeOptions {
  /** Durable consumer name ([A-Za-z0-9_-]+). */
  readonly durable?: string;
  /**
   * Where a new subscription starts: `'new'` (default: only events published from
   * now on), `'all'` (replay everything), or `{ seq }` (replay from that sequence,
   * inclusive; a sequence beyond the newest event behaves like `'new'`). A durable
   * consumer that already exists resumes where it left off and ignores `from`.
   */
  readonly from?: 'new' | 'all' | { readonly seq: number };
}

export interface Subscription {
  /** Stop receiving; resolves when no handler is running any more. */
  unsubscribe(): Promise<void>;
}

/*
 * The subject grammar every adapter enforces, kept beside the port so the local
 * bus and NATS accept and refuse exactly the same input (the contract suite
 * checks both). Tokens are ASCII so they map 1:1 onto NATS subjects and stay
 * readable in logs; limits keep hostile input from reaching a journal or a server.
 */

/** Size limits of the bus, in characters (ids) or UTF-8 bytes (event data). */
export const BUS_LIMITS = {
  subjectLength: 256,
  durableLength: 64,
  msgIdLength: 128,
  /** Leaves room for headers inside NATS's default 1 MiB max_payload. */
  eventBytes: 1_000_000,
} as const;

const TOKEN = /^[A-Za-z0-9_-]+$/;
const MSG_ID = /^[\x21-\x7e]+$/;

function badRequest(message: string) {
  return platformErrors.create('bad_request', { message });
}

/** A concrete subject: dot-separated tokens of `[A-Za-z0-9_-]`, no wildcards. */
export function assertSubject(subject: unknown): asserts subject is string {
  if (!isTokenList(subject, false))
    throw badRequest(
      `Invalid bus subject ${JSON.stringify(subject)}: use dot-separated tokens of letters, digits, '_' or '-' (at most ${BUS_LIMITS.subjectLength} characters).`,
    );
}

/** A subscription pattern: like a subject, but a token may be `*`, and the last may be `>`. */
export function assertPattern(pattern: unknown): asserts pattern is string {
  if (!isTokenList(pattern, true))
    throw badRequest(
      `Invalid bus pattern ${JSON.stringify(pattern)}: use dot-separated tokens, '*' for one token, '>' as the last token for the rest.`,
    );
}

export function assertDurableName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length > BUS_LIMITS.durableLength || !TOKEN.test(name))
    throw badRequest(
      `Invalid durable consumer name ${JSON.stringify(name)}: use letters, digits, '_' or '-' (at most ${BUS_LIMITS.durableLength}).`,
    );
}

export function assertMsgId(msgId: unknown): asserts msgId is string {
  if (typeof msgId !== 'string' || msgId.length > BUS_LIMITS.msgIdLength || !MSG_ID.test(msgId))
    throw badRequest(`Invalid msgId: use 1 to ${BUS_LIMITS.msgIdLength} visible ASCII characters.`);
}

/** Validate `from` and say where a new subscription starts: a sequence, or 'new'. */
export function assertStart(from: unknown): asserts from is SubscribeOptions['from'] {
  if (from === undefined || from === 'new' || from === 'all') return;
  const seq = (from as { seq?: unknown } | null)?.seq;
  if (typeof from !== 'object' || !Number.isSafeInteger(seq) || (seq as number) < 1)
    throw badRequest(
      `Invalid 'from': use 'new', 'all' or { seq } with a positive integer sequence.`,
    );
}

/** Serialise event data as JSON, refusing what JSON cannot carry and what is too large. */
export function encodeEventData(data: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(data);
  } catch (err) {
    throw platformErrors.create('bad_request', {
      message: `Event data is not JSON-serialisable: ${(err as Error).message}`,
      cause: err,
    });
  }
  if (json === undefined) throw badRequest('Event data is not JSON-serialisable.');
  if (Buffer.byteLength(json) > BUS_LIMITS.eventBytes)
    throw badRequest(`Event data is larger than ${BUS_LIMITS.eventBytes} bytes as JSON.`);
  return json;
}

/** Does `subject` match `pattern`? `*` is exactly one token, a final `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split('.');
  const s = subject.split('.');
  for (let i = 0; i < p.length; i++) {
    const token = p[i];
    if (token === '>') return s.length > i;
    if (i >= s.length || (token !== '*' && token !== s[i])) return false;
  }
  return p.length === s.length;
}

function isTokenList(value: unknown, wildcards: boolean): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > BUS_LIMITS.subjectLength)
    return false;
  const tokens = value.split('.');
  return tokens.every(
    (t, i) => TOKEN.test(t) || (wildcards && (t === '*' || (t === '>' && i === tokens.length - 1))),
  );
}
