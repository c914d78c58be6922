/**
 * The shapes anomaly scoring speaks: what it finds, how it explains it, and the few knobs an
 * operator may turn. Every finding carries its evidence as data (so a UI or a SIEM can show it)
 * and as one plain sentence plus next steps (so a person without a security team can act on it).
 */
import type { EventOrigin } from '../event.js';

export const ANOMALY_KINDS = [
  'rare_process',
  'new_signin_source',
  'unusual_signin_hour',
  'volume_spike',
  'impossible_travel',
] as const;
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/** What a baseline is about: a computer, an account, or a sender of events (address or computer). */
export interface AnomalyEntity {
  readonly type: 'host' | 'user' | 'source';
  readonly id: string;
}

export interface AnomalyFinding {
  readonly kind: AnomalyKind;
  /** 0..1; 1 means the baseline expects this less than once in a thousand times (or never). */
  readonly score: number;
  readonly entity: AnomalyEntity;
  /** Epoch milliseconds of the event that raised it. */
  readonly time: number;
  /** Which baseline was compared, in words: "parent → child processes on ws-07". */
  readonly baseline: string;
  /** The numbers behind the score (counts, days of history, expected vs observed). */
  readonly evidence: Readonly<Record<string, string | number>>;
  /** One plain-language sentence: what happened and why it is unusual. */
  readonly explanation: string;
  /** What to do next, most useful first. */
  readonly nextSteps: readonly string[];
  /** The event that raised it. */
  readonly origin: EventOrigin;
}

export interface AnomalyOptions {
  /** Findings below this score are not returned. Default 0.6. */
  readonly threshold?: number;
  /** Days of history an entity needs before it can raise an alert. Default 7. */
  readonly warmupDays?: number;
  /** Observations an entity needs before it can raise an alert, per baseline. */
  readonly warmupEvents?: Partial<Readonly<Record<'process' | 'signin' | 'volume', number>>>;
  /** The organisation's offset from UTC in minutes, for "hour of day". Default 0 (UTC). */
  readonly utcOffsetMinutes?: number;
  /** Width of a volume bucket in minutes. Default 10. */
  readonly bucketMinutes?: number;
  /** Travel faster than this between two sign-ins is impossible. Default 1000 km/h (an airliner). */
  readonly maxSpeedKmh?: number;
  /** Jumps shorter than this are ignored (IP geolocation is coarse). Default 300 km. */
  readonly minTravelKm?: number;
  /** Bounds on memory: entities and (entity, value) pairs kept per baseline. */
  readonly capacity?: Partial<Readonly<Record<'entities' | 'pairs' | 'volumeSources', number>>>;
}

export interface ResolvedOptions {
  readonly threshold: number;
  readonly warmupDays: number;
  readonly warmupEvents: Readonly<Record<'process' | 'signin' | 'volume', number>>;
  readonly utcOffsetMinutes: number;
  readonly bucketMinutes: number;
  readonly maxSpeedKmh: number;
  readonly minTravelKm: number;
  readonly capacity: Readonly<Record<'entities' | 'pairs' | 'volumeSources', number>>;
}

export const DEFAULT_ANOMALY_OPTIONS: ResolvedOptions = Object.freeze({
  threshold: 0.6,
  warmupDays: 7,
  // Process starts per host, successful sign-ins per user, 10-minute buckets per hour-of-day slot.
  warmupEvents: Object.freeze({ process: 200, signin: 15, volume: 3 }),
  utcOffsetMinutes: 0,
  bucketMinutes: 10,
  maxSpeedKmh: 1000,
  minTravelKm: 300,
  capacity: Object.freeze({ entities: 20_000, pairs: 200_000, volumeSources: 20_000 }),
});

/** Thrown (it is a caller's bug) when an option is out of range. */
export class AnomalyOptionsError extends Error {
  override readonly name = 'AnomalyOptionsError';
}

function inRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max)
    throw new AnomalyOptionsError(`${name} must be a number from ${min} to ${max}, got ${value}`);
  return value;
}

export function resolveOptions(o: AnomalyOptions = {}): ResolvedOptions {
  const d = DEFAULT_ANOMALY_OPTIONS;
  const w = { ...d.warmupEvents, ...o.warmupEvents };
  const c = { ...d.capacity, ...o.capacity };
  return Object.freeze({
    threshold: inRange('threshold', o.threshold ?? d.threshold, 0, 1),
    warmupDays: inRange('warmupDays', o.warmupDays ?? d.warmupDays, 0, 365),
    warmupEvents: Object.freeze({
      process: inRange('warmupEvents.process', w.process, 0, 1e7),
      signin: inRange('warmupEvents.signin', w.signin, 0, 1e7),
      volume: inRange('warmupEvents.volume', w.volume, 0, 1e5),
    }),
    utcOffsetMinutes: inRange(
      'utcOffsetMinutes',
      o.utcOffsetMinutes ?? d.utcOffsetMinutes,
      -840,
      840,
    ),
    bucketMinutes: inRange('bucketMinutes', o.bucketMinutes ?? d.bucketMinutes, 1, 60),
    maxSpeedKmh: inRange('maxSpeedKmh', o.maxSpeedKmh ?? d.maxSpeedKmh, 1, 1e6),
    minTravelKm: inRange('minTravelKm', o.minTravelKm ?? d.minTravelKm, 0, 20_000),
    capacity: Object.freeze({
      entities: Math.floor(inRange('capacity.entities', c.entities, 1, 1e7)),
      pairs: Math.floor(inRange('capacity.pairs', c.pairs, 1, 1e8)),
      volumeSources: Math.floor(inRange('capacity.volumeSources', c.volumeSources, 1, 1e7)),
    }),
  });
}

/**
 * "How surprising": probability p → score on a log scale, 0 when certain and 1 at `rarest` or
 * rarer. Baselines with thousands of observations (process starts) use one in a thousand;
 * sign-in networks use one in a hundred, because people sign in tens of times a month, not
 * thousands, and a baseline cannot be surer than its history allows.
 */
export function surpriseScore(p: number, rarest = 1e-3): number {
  if (!(p > 0)) return 1;
  return Math.min(1, Math.max(0, Math.log10(p) / Math.log10(rarest)));
}

export const DAY_MS = 86_400_000;

/** Whole days between two instants, for explanations ("14 days of history"). */
export function days(ms: number): number {
  return Math.max(0, Math.floor(ms / DAY_MS));
}

/** Hour of day (0..23) of `time` in the organisation's local time. */
export function hourOfDay(time: number, utcOffsetMinutes: number): number {
  const local = time + utcOffsetMinutes * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000);
}

export const round = (x: number, digits = 3): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
