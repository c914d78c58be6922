/**
 * The anomaly scorer: one object holding every baseline, fed one LogEvent at a time (in time
 * order), returning the findings that event raised. Pure: time comes only from `event.time`,
 * nothing is random, so the same events give the same findings in Node and in the browser.
 */
import type { LogEvent } from '../event.js';
import { extractActivities } from './activity-extractor.js';
import {
  type AnomalyFinding,
  type AnomalyOptions,
  type ResolvedOptions,
  resolveOptions,
} from './anomaly-types.js';
import { ProcessDetector } from './process-detector.js';
import { SignInDetector } from './signin-detector.js';
import { ANOMALY_STATE_VERSION, type AnomalyState, parseAnomalyState } from './state-codec.js';
import { TravelDetector } from './travel-detector.js';
import { VolumeDetector } from './volume-detector.js';

export interface AnomalyScorer {
  /** Scores `event` against the baselines, then learns from it. Findings are sorted by score. */
  observe(event: LogEvent): AnomalyFinding[];
  /** Everything learned, as plain JSON (persist it to keep baselines across restarts). */
  toJSON(): AnomalyState;
  /** How many entries each baseline holds (for bounded-memory checks and metrics). */
  sizes(): Readonly<Record<string, number>>;
  readonly options: ResolvedOptions;
}

interface Detectors {
  readonly processes: ProcessDetector;
  readonly signIn: SignInDetector;
  readonly volume: VolumeDetector;
  readonly travel: TravelDetector;
}

function build(options: ResolvedOptions, d: Detectors): AnomalyScorer {
  return {
    options,
    observe(event) {
      const a = extractActivities(event);
      const time = event.time;
      if (time === undefined) return [];
      const out: AnomalyFinding[] = [];
      if (a.process !== null) {
        const f = d.processes.observe(a.process, event, time);
        if (f !== null) out.push(f);
      }
      if (a.signIn !== null) {
        out.push(...d.signIn.observe(a.signIn, event, time));
        const f = d.travel.observe(a.signIn, event, time);
        if (f !== null) out.push(f);
      }
      for (const key of a.volume) {
        const f = d.volume.observe(key, event, time);
        if (f !== null) out.push(f);
      }
      return out.sort((x, y) => y.score - x.score);
    },
    toJSON() {
      return {
        version: ANOMALY_STATE_VERSION,
        process: d.processes.table.toJSON(),
        signIn: d.signIn.toJSON(),
        volume: d.volume.toJSON(),
        travel: d.travel.toJSON(),
      };
    },
    sizes() {
      const p = d.processes.table.sizes;
      const s = d.signIn.sources.sizes;
      return {
        processHosts: p.entities,
        processPairs: p.pairs,
        processOrg: p.org,
        signInUsers: s.entities,
        signInPairs: s.pairs,
        signInOrg: s.org,
        signInHours: d.signIn.hours.size,
        volumeSources: d.volume.sources.size,
        travelUsers: d.travel.last.size,
      };
    },
  };
}

/**
 * A scorer with empty baselines.
 * @example
 * const scorer = createAnomalyScorer({ warmupDays: 7, utcOffsetMinutes: 60 });
 * for (const event of events) for (const f of scorer.observe(event)) console.log(f.explanation);
 */
function createEmptyScorer(options: AnomalyOptions = {}): AnomalyScorer {
  const o = resolveOptions(options);
  return build(o, {
    processes: new ProcessDetector(o),
    signIn: new SignInDetector(o),
    volume: new VolumeDetector(o),
    travel: new TravelDetector(o),
  });
}

/**
 * A scorer that continues from saved state (`scorer.toJSON()`, possibly read back from a file).
 * Returns an error result, never throws, when the state is not one this version can read.
 * @example
 * const r = anomalyScorerFromJSON(JSON.parse(saved), options);
 * if (!r.ok) log.warn(r.error); // start fresh: baselines re-learn, warm-up applies again
 */
export function anomalyScorerFromJSON(
  state: unknown,
  options: AnomalyOptions = {},
): { ok: true; scorer: AnomalyScorer } | { ok: false; error: string } {
  const o = resolveOptions(options);
  const parsed = parseAnomalyState(state);
  if (!parsed.ok) return parsed;
  const s = parsed.state;
  return {
    ok: true,
    scorer: build(o, {
      processes: ProcessDetector.fromJSON(o, s.process),
      signIn: new SignInDetector(o, s.signIn),
      volume: new VolumeDetector(o, s.volume),
      travel: new TravelDetector(o, s.travel),
    }),
  };
}

/**
 * `createAnomalyScorer(options)` starts with empty baselines;
 * `createAnomalyScorer.fromJSON(state, options)` continues from a saved `toJSON()`.
 */
export const createAnomalyScorer = Object.assign(createEmptyScorer, {
  fromJSON: anomalyScorerFromJSON,
});
