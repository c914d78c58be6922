/**
 * Volume spikes per source: events per computer, web requests per client address, sign-in
 * attempts per source address, counted in fixed buckets (10 minutes by default).
 *
 * Own baseline (robust, seasonal): for each hour of the day a source keeps an exponentially
 * weighted mean and mean absolute deviation (MAD) of its bucket counts; idle buckets count as
 * zero. It keeps the same for its busy (non-zero) buckets at any hour, so a source that comes
 * once a day at a random hour is judged by how busy it usually is when it comes. A spike is far
 * above both: z = (count − mean) / scale, the smaller of the two, with
 * scale = 1.4826·MAD + √mean + 1 (the √mean + 1 floor stops 0 → 3 looking like a spike). Counts
 * fed back into the baseline are clipped at mean + 5·scale, so one flood does not teach it that
 * floods are normal.
 *
 * Population baseline: a new source has no history of its own, yet "a never-seen address sends
 * 2,000 requests" is the case that matters most. So each kind of source also keeps a histogram of
 * bucket counts over all its sources; a source still in warm-up alerts only when it exceeds five
 * times the population's 99th percentile, and a warmed-up one must exceed that percentile too.
 *
 * An alert fires once per source and bucket, as soon as the count crosses the line (real time),
 * so its score sits near the threshold; the explanation says how far above usual it is.
 * Events older than a source's current bucket (out of order) are not counted.
 */
import type { LogEvent } from '../event.js';
import type { VolumeKey } from './activity-extractor.js';
import {
  type AnomalyFinding,
  DAY_MS,
  days,
  hourOfDay,
  type ResolvedOptions,
  round,
} from './anomaly-types.js';
import { CappedMap } from './capped-map.js';

const ALPHA = 0.1;
const MIN_COUNT = 10;
const BINS = 64;
const POPULATION_MIN = 200;

export interface SourceState {
  firstSeen: number;
  bucket: number;
  count: number;
  alerted: boolean;
  mean: number[];
  mad: number[];
  updates: number[];
  /** Mean and MAD of the source's busy (non-zero) buckets at any hour. */
  busyMean: number;
  busyMad: number;
}

export interface PopulationState {
  firstSeen: number;
  closed: number;
  /** Bin i holds bucket counts in [2^(i/2), 2^((i+1)/2)). */
  bins: number[];
}

export interface VolumeState {
  readonly sources: readonly [string, SourceState][];
  readonly population: Readonly<Record<string, PopulationState>>;
}

const zeros24 = () => new Array<number>(24).fill(0);

function binOf(count: number): number {
  return Math.min(BINS - 1, Math.floor(2 * Math.log2(count)));
}

/** The 99th percentile of bucket counts (upper edge of its bin), or null before enough data. */
export function populationP99(p: PopulationState | undefined): number | null {
  if (p === undefined || p.closed < POPULATION_MIN) return null;
  const total = p.bins.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < BINS; i++) {
    sum += p.bins[i] ?? 0;
    if (sum >= 0.99 * total) return Math.ceil(2 ** ((i + 1) / 2));
  }
  return null;
}

const NOUN: Record<VolumeKey['kind'], string> = {
  host: 'events',
  client: 'web requests',
  signin: 'sign-in attempts',
};

export class VolumeDetector {
  readonly sources: CappedMap<SourceState>;
  readonly population: Record<string, PopulationState> = {};
  readonly #bucketMs: number;

  constructor(
    private readonly o: ResolvedOptions,
    state?: VolumeState,
  ) {
    this.#bucketMs = o.bucketMinutes * 60_000;
    this.sources = new CappedMap(o.capacity.volumeSources);
    for (const [k, v] of state?.sources ?? []) this.sources.set(k, structuredCopy(v));
    for (const [k, v] of Object.entries(state?.population ?? {}))
      this.population[k] = { ...v, bins: [...v.bins] };
  }

  toJSON(): VolumeState {
    return {
      sources: [...this.sources.entries()].map(([k, v]) => [k, structuredCopy(v)]),
      population: Object.fromEntries(
        Object.entries(this.population).map(([k, v]) => [k, { ...v, bins: [...v.bins] }]),
      ),
    };
  }

  observe(key: VolumeKey, event: LogEvent, time: number): AnomalyFinding | null {
    const id = `${key.kind}:${key.id}`;
    const bucket = Math.floor(time / this.#bucketMs);
    let s = this.sources.touch(id);
    if (s === undefined) {
      s = {
        firstSeen: time,
        bucket,
        count: 0,
        alerted: false,
        mean: zeros24(),
        mad: zeros24(),
        updates: zeros24(),
        busyMean: 0,
        busyMad: 0,
      };
      this.sources.set(id, s);
    }
    if (bucket < s.bucket) return null;
    if (bucket > s.bucket) this.#roll(key.kind, s, bucket, time);
    s.count += 1;
    if (s.alerted || s.count < MIN_COUNT) return null;
    const f = this.#judge(key, s, event, time);
    if (f !== null) s.alerted = true;
    return f;
  }

  /** Closes the source's bucket, feeds idle buckets as zeros (at most one day), opens `bucket`. */
  #roll(kind: string, s: SourceState, bucket: number, time: number): void {
    this.#learn(s, s.bucket, s.count);
    if (s.count > 0) {
      const m = s.busyMean;
      const clipped = Math.min(s.count, m + 5 * scaleOf(m, s.busyMad));
      s.busyMad = (1 - ALPHA) * s.busyMad + ALPHA * Math.abs(clipped - m);
      s.busyMean = (1 - ALPHA) * m + ALPHA * clipped;
    }
    this.#addToPopulation(kind, s.count, time);
    const perDay = DAY_MS / this.#bucketMs;
    const first = Math.max(s.bucket + 1, bucket - perDay);
    for (let b = first; b < bucket; b++) this.#learn(s, b, 0);
    s.bucket = bucket;
    s.count = 0;
    s.alerted = false;
  }

  #learn(s: SourceState, bucket: number, count: number): void {
    const h = hourOfDay(bucket * this.#bucketMs, this.o.utcOffsetMinutes);
    const m = s.mean[h] ?? 0;
    const d = s.mad[h] ?? 0;
    const clipped = Math.min(count, m + 5 * scaleOf(m, d));
    s.mad[h] = (1 - ALPHA) * d + ALPHA * Math.abs(clipped - m);
    s.mean[h] = (1 - ALPHA) * m + ALPHA * clipped;
    s.updates[h] = (s.updates[h] ?? 0) + 1;
  }

  #addToPopulation(kind: string, count: number, time: number): void {
    if (count <= 0) return;
    let p = this.population[kind];
    if (p === undefined) {
      p = { firstSeen: time, closed: 0, bins: new Array<number>(BINS).fill(0) };
      this.population[kind] = p;
    }
    const i = binOf(count);
    p.bins[i] = (p.bins[i] ?? 0) + 1;
    p.closed += 1;
    // Halve now and then: the histogram follows the present and its numbers stay small.
    if (p.closed % 20_000 === 0) p.bins = p.bins.map((b) => b / 2);
  }

  #judge(key: VolumeKey, s: SourceState, event: LogEvent, time: number): AnomalyFinding | null {
    const pop = this.population[key.kind];
    const warmupMs = this.o.warmupDays * DAY_MS;
    if (pop === undefined || time - pop.firstSeen < warmupMs) return null;
    const p99 = populationP99(pop);
    if (p99 === null || s.count < p99) return null;
    const h = hourOfDay(time, this.o.utcOffsetMinutes);
    const ownWarm =
      time - s.firstSeen >= warmupMs && (s.updates[h] ?? 0) >= this.o.warmupEvents.volume;
    // Far above the usual for this hour AND above the source's usual busy level: a crawler
    // that visits once a day at a random hour is busy, not spiking.
    const hourly = s.mean[h] ?? 0;
    const zHour = (s.count - hourly) / scaleOf(hourly, s.mad[h] ?? 0);
    const zBusy = (s.count - s.busyMean) / scaleOf(s.busyMean, s.busyMad);
    const m = zBusy < zHour ? s.busyMean : hourly;
    const scale = zBusy < zHour ? scaleOf(s.busyMean, s.busyMad) : scaleOf(hourly, s.mad[h] ?? 0);
    const score = ownWarm
      ? Math.max(0, 1 - 3 / Math.max(1e-9, Math.min(zHour, zBusy)))
      : Math.max(0, 1 - 2 / (s.count / p99));
    if (score < this.o.threshold) return null;
    const noun = NOUN[key.kind];
    const who = key.kind === 'host' ? key.id : `The address ${key.id}`;
    const usual = ownWarm
      ? m === hourly
        ? `at this time of day it usually has about ${Math.round(m)}`
        : `even when busy it usually has about ${Math.round(m)}`
      : `it was first seen ${describeAge(time - s.firstSeen)}, and 99 in 100 sources like it have fewer than ${p99}`;
    return {
      kind: 'volume_spike',
      score: round(score),
      entity: { type: 'source', id: `${key.kind}:${key.id}` },
      time,
      baseline: ownWarm
        ? `${noun} per ${this.o.bucketMinutes} minutes from ${key.id} at ${h}:00`
        : `${noun} per ${this.o.bucketMinutes} minutes from any one ${key.kind === 'host' ? 'computer' : 'address'}`,
      evidence: {
        count: s.count,
        bucketMinutes: this.o.bucketMinutes,
        usual: round(m, 1),
        spread: round(scale, 1),
        populationP99: p99,
        historyDays: days(time - s.firstSeen),
        ownBaseline: ownWarm ? 'yes' : 'no (still learning this source)',
      },
      explanation: `${who} has ${s.count} ${noun} in the last ${this.o.bucketMinutes} minutes; ${usual}.`,
      nextSteps: nextSteps(key),
      origin: event.origin,
    };
  }
}

function scaleOf(mean: number, mad: number): number {
  return 1.4826 * mad + Math.sqrt(mean) + 1;
}

function describeAge(ms: number): string {
  if (ms < 3_600_000) return `${Math.max(1, Math.round(ms / 60_000))} minutes ago`;
  if (ms < DAY_MS) return `${Math.round(ms / 3_600_000)} hours ago`;
  return `${days(ms)} days ago`;
}

function nextSteps(key: VolumeKey): string[] {
  if (key.kind === 'host')
    return [
      `Look at which events on ${key.id} make up the spike: a flood can mean a program gone wrong, password guessing, or many files changed at once (ransomware).`,
      'If files are being changed or renamed in bulk, disconnect the computer from the network now.',
    ];
  return [
    key.kind === 'signin'
      ? 'Many sign-in attempts from one address usually mean password guessing: check that the targeted accounts use strong passwords and two-step sign-in.'
      : 'Many requests from one address usually mean a scan or a scraper: look at what it asked for.',
    `If ${key.id} is not a partner or your own monitoring, block it at the firewall or web server.`,
  ];
}

function structuredCopy(v: SourceState): SourceState {
  return { ...v, mean: [...v.mean], mad: [...v.mad], updates: [...v.updates] };
}
