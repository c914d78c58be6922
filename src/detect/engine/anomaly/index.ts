/**
 * Anomaly scoring over log events, next to the Sigma rules: per-host and per-user baselines
 * learned online, with explainable 0..1 scores and a warm-up period. See docs/detect-anomaly.md.
 *
 * @example
 * import { createAnomalyScorer } from './anomaly/index.js';
 * const scorer = createAnomalyScorer({ utcOffsetMinutes: 60 });
 * for (const event of events)
 *   for (const finding of scorer.observe(event)) console.log(finding.score, finding.explanation);
 * const saved = JSON.stringify(scorer.toJSON());
 * const again = createAnomalyScorer.fromJSON(JSON.parse(saved), { utcOffsetMinutes: 60 });
 */
export type { Activities, ProcessStart, SignIn, VolumeKey } from './activity-extractor.js';
export { extractActivities } from './activity-extractor.js';
export {
  type AnomalyScorer,
  anomalyScorerFromJSON,
  createAnomalyScorer,
} from './anomaly-scorer.js';
export {
  ANOMALY_KINDS,
  type AnomalyEntity,
  type AnomalyFinding,
  type AnomalyKind,
  type AnomalyOptions,
  AnomalyOptionsError,
  DEFAULT_ANOMALY_OPTIONS,
} from './anomaly-types.js';
export {
  type GeneratedEvent,
  type GeneratorOptions,
  generateTraffic,
  type TrafficLabel,
} from './generator.js';
export { ANOMALY_STATE_VERSION, type AnomalyState } from './state-codec.js';
export { greatCircleKm } from './travel-detector.js';
