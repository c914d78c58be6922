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
  /** Append an event; resolves once it is durably stored. Returns its stream sequence (1-based, increasing). */
  publish(subject: string, data: unknown, options?: PublishOptions): Promise<{ seq: number }>;

  /**
   * Receive events whose subject matches `pattern`.
   * - Without `durable`: every subscriber gets every event (fan-out), starting at `from`.
   * - With `durable`: a named consumer whose position survives restarts; subscribers
   *   sharing the name split the events between them (each event to one of them).
   * Delivery is at-least-once: an event is acknowledged when `handler` resolves and
   * redelivered when it throws. Events are delivered in sequence order per subscriber.
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
  /** De-duplication id: publishing the same id twice stores the event once. */
  readonly msgId?: string;
}

export interface SubscribeOptions {
  /** Durable consumer name ([A-Za-z0-9_-]+). */
  readonly durable?: string;
  /**
   * Where a new subscription starts: `'new'` (default: only events published from
   * now on), `'all'` (replay everything), or `{ seq }` (replay from that sequence,
   * inclusive). A durable consumer that already exists resumes where it left off
   * and ignores `from`.
   */
  readonly from?: 'new' | 'all' | { readonly seq: number };
}

export interface Subscription {
  /** Stop receiving; resolves when no handler is running any more. */
  unsubscribe(): Promise<void>;
}
