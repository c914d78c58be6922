/**
 * Repeats become one alert, not a flood: the same rule (or anomaly kind) on the same host (or
 * correlation group) within the window updates the open alert — a higher count, a later
 * `lastSeen`, more sample events up to the limit — instead of raising a new one. Open alerts are
 * held in a map of bounded size; the one seen longest ago is closed first.
 */
import type { Built } from './alert-builder.js';
import { ALERT_LIMITS, type WatchAlert } from './watch-alert.js';

export interface AggregationOptions {
  /** Matches this close (event time) to the previous one join its alert. Default 10 minutes. */
  readonly windowMs?: number;
  /** Open alerts kept for merging. Default 10,000. */
  readonly maxOpen?: number;
}

export type Aggregated =
  | { readonly type: 'created'; readonly alert: WatchAlert }
  | { readonly type: 'updated'; readonly alert: WatchAlert };

const LEVEL_RANK = ['informational', 'low', 'medium', 'high', 'critical'];

function union<T>(a: readonly T[], b: readonly T[], key: (x: T) => string, max: number): T[] {
  const seen = new Map(a.map((x) => [key(x), x]));
  for (const x of b) if (seen.size < max && !seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
}

/** `into` with `more` counted in. Pure: both are left as they are. */
export function mergeAlert(into: WatchAlert, more: WatchAlert): WatchAlert {
  const stronger =
    more.anomaly !== null && (into.anomaly === null || more.anomaly.score > into.anomaly.score);
  return {
    ...into,
    count: into.count + more.count,
    level:
      LEVEL_RANK.indexOf(more.level) > LEVEL_RANK.indexOf(into.level) ? more.level : into.level,
    firstSeen: more.firstSeen < into.firstSeen ? more.firstSeen : into.firstSeen,
    lastSeen: more.lastSeen > into.lastSeen ? more.lastSeen : into.lastSeen,
    events: [...into.events, ...more.events].slice(0, ALERT_LIMITS.events),
    matchedFields: union(
      into.matchedFields,
      more.matchedFields,
      (x) => x,
      ALERT_LIMITS.matchedFields,
    ),
    observables: union(
      into.observables,
      more.observables,
      (o) => `${o.type}\u0000${o.value}`,
      ALERT_LIMITS.observables,
    ),
    ...(stronger ? { anomaly: more.anomaly, advice: more.advice } : {}),
  };
}

export class AlertAggregation {
  private readonly open = new Map<string, { alert: WatchAlert; last: number }>();
  private readonly windowMs: number;
  private readonly maxOpen: number;

  constructor(options: AggregationOptions = {}) {
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.maxOpen = options.maxOpen ?? 10_000;
  }

  add(built: Built): Aggregated {
    const current = this.open.get(built.key);
    if (current !== undefined && Math.abs(built.time - current.last) <= this.windowMs) {
      const alert = mergeAlert(current.alert, built.alert);
      // Re-inserted so the map's order stays "least recently seen first".
      this.open.delete(built.key);
      this.open.set(built.key, { alert, last: Math.max(current.last, built.time) });
      return { type: 'updated', alert };
    }
    this.open.delete(built.key);
    this.open.set(built.key, { alert: built.alert, last: built.time });
    if (this.open.size > this.maxOpen) {
      const oldest = this.open.keys().next();
      if (oldest.done !== true) this.open.delete(oldest.value);
    }
    return { type: 'created', alert: built.alert };
  }

  /** Someone acknowledged or resolved the alert: later matches start a new one. */
  close(alertId: string): boolean {
    for (const [key, { alert }] of this.open)
      if (alert.id === alertId) return this.open.delete(key);
    return false;
  }

  get size(): number {
    return this.open.size;
  }
}
