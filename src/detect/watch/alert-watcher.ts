/**
 * The heart of `detect watch`: events from the inputs wait in a bounded queue; one loop feeds each
 * to the compiled Sigma rules and the anomaly scorer, groups repeats into open alerts, and hands
 * new alerts (at once) and grown ones (at most once a second per alert) to a sink that stores,
 * publishes and forwards them. The sink runs beside the loop, never in its way: a slow database
 * or webhook holds alerts in a bounded outbox, not events in the queue.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { AnomalyScorer } from '../engine/anomaly/index.js';
import type { LogEvent } from '../engine/event.js';
import { LEVELS, type Level, type SigmaRuleSet } from '../engine/sigma/index.js';
import { type Aggregated, type AggregationOptions, AlertAggregation } from './alert-aggregation.js';
import {
  type BuildContext,
  type Built,
  fromAnomaly,
  fromCorrelation,
  fromRuleMatch,
} from './alert-builder.js';
import { EventQueue } from './event-queue.js';
import type { WatchAlert } from './watch-alert.js';

export interface AlertSink {
  created(alert: WatchAlert): Promise<void> | void;
  updated(alert: WatchAlert): Promise<void> | void;
}

export interface WatcherOptions {
  readonly rules: SigmaRuleSet | null;
  readonly anomaly: AnomalyScorer | null;
  readonly licenseOf?: BuildContext['licenseOf'];
  readonly org?: string | null;
  /** Alerts below this level are not raised. Default `informational` (all). */
  readonly minLevel?: Level;
  readonly aggregation?: AggregationOptions;
  /** Events waiting for the detectors, at most. Default 10,000. */
  readonly queueCapacity?: number;
  /** Alerts waiting for the sink, at most. Default 10,000. */
  readonly outboxCapacity?: number;
  /** A grown alert is handed to the sink at most this often. Default 1 s. */
  readonly updateEveryMs?: number;
  readonly now?: () => number;
  readonly newId?: () => string;
  /** A sink call failed (the alert stays in memory; the next update retries the store). */
  readonly onSinkError?: (err: unknown, alert: WatchAlert) => void;
}

export interface WatchStats {
  events: number;
  /** Events refused because the queue was full (syslog senders do not wait). */
  dropped: number;
  matches: number;
  anomalies: number;
  alertsCreated: number;
  alertsUpdated: number;
  /** Alerts not handed to the sink because the outbox was full. */
  alertsDropped: number;
  sinkErrors: number;
  queued: number;
}

type Op = { readonly type: 'created' | 'updated'; alert: WatchAlert };

export function createAlertWatcher(options: WatcherOptions, sink: AlertSink) {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const minRank = LEVELS.indexOf(options.minLevel ?? 'informational');
  const licenseOf = options.licenseOf ?? (() => null);
  const org = options.org ?? null;
  const queue = new EventQueue<LogEvent>(options.queueCapacity ?? 10_000);
  const outboxCapacity = options.outboxCapacity ?? 10_000;
  const aggregation = new AlertAggregation(options.aggregation);
  const counts = {
    events: 0,
    matches: 0,
    anomalies: 0,
    alertsCreated: 0,
    alertsUpdated: 0,
    alertsDropped: 0,
    sinkErrors: 0,
  };
  const outbox: Op[] = [];
  const grown = new Map<string, WatchAlert>();
  let delivering: Promise<void> | undefined;

  const deliver = () => {
    delivering ??= (async () => {
      while (outbox.length > 0) {
        const op = outbox.shift() as Op;
        try {
          await sink[op.type](op.alert);
        } catch (err) {
          counts.sinkErrors += 1;
          options.onSinkError?.(err, op.alert);
        }
      }
    })().finally(() => {
      delivering = undefined;
    });
    return delivering;
  };

  const enqueue = (op: Op) => {
    if (outbox.length >= outboxCapacity) {
      counts.alertsDropped += 1;
      return;
    }
    outbox.push(op);
    void deliver();
  };

  const flushGrown = () => {
    for (const alert of grown.values()) enqueue({ type: 'updated', alert });
    grown.clear();
  };
  const timer = setInterval(flushGrown, options.updateEveryMs ?? 1000);
  timer.unref();

  const raise = (built: Built) => {
    if (LEVELS.indexOf(built.alert.level) < minRank) return;
    const result: Aggregated = aggregation.add(built);
    if (result.type === 'created') {
      counts.alertsCreated += 1;
      enqueue({ type: 'created', alert: result.alert });
    } else {
      counts.alertsUpdated += 1;
      grown.set(result.alert.id, result.alert);
    }
  };
  const context = (): BuildContext => ({ org, licenseOf, now: now(), id: newId() });

  const inspect = (event: LogEvent) => {
    counts.events += 1;
    if (options.rules !== null) {
      const result = options.rules.feed(event);
      for (const m of result.matches) {
        counts.matches += 1;
        raise(fromRuleMatch(m, context()));
      }
      for (const c of result.correlations) raise(fromCorrelation(c, context()));
    }
    if (options.anomaly !== null)
      for (const f of options.anomaly.observe(event)) {
        counts.anomalies += 1;
        raise(fromAnomaly(f, event, context()));
      }
  };

  const loop = (async () => {
    for (;;) {
      const batch = await queue.take(256);
      if (batch.length === 0) return;
      for (const e of batch) inspect(e);
      // Let sockets, timers and the sink run between batches.
      await yieldToIo();
    }
  })();

  const stats = (): WatchStats => ({ ...counts, dropped: queue.dropped, queued: queue.length });

  return {
    /** For inputs that cannot wait (syslog): false when the event was dropped. */
    offer: (event: LogEvent) => queue.offer(event),
    /** For inputs that can (files): waits while the queue is full. */
    put: (event: LogEvent) => queue.put(event),
    /** A person acknowledged or resolved the alert: later matches open a new one. */
    closeAlert: (id: string) => aggregation.close(id),
    stats,
    /** The anomaly baselines as JSON, to save (between batches, so always consistent). */
    anomalyState: () => options.anomaly?.toJSON(),
    /** Stop taking events, finish the queue, close correlation windows, hand over every alert. */
    async stop(): Promise<WatchStats> {
      queue.close();
      await loop;
      if (options.rules !== null)
        for (const c of options.rules.flush()) raise(fromCorrelation(c, context()));
      clearInterval(timer);
      flushGrown();
      await deliver();
      return stats();
    },
  };
}

export type AlertWatcher = ReturnType<typeof createAlertWatcher>;
