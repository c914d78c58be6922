/**
 * Scores labelled traffic and measures the scorer: per kind, precision and recall at the
 * scorer's threshold, and false alarms per 10,000 normal events. Shared by the tests and the
 * benchmark so both report the same figures the same way.
 *
 * Counting: a finding is true when the event that raised it is an injected anomaly (any kind:
 * a web scan also floods the web server's own volume). Recall is per injected instance: an
 * instance of kind K is found when any of its events raised a finding of kind K.
 */
import type { AnomalyScorer } from './anomaly-scorer.js';
import { ANOMALY_KINDS, type AnomalyFinding, type AnomalyKind } from './anomaly-types.js';
import type { GeneratedEvent } from './generator-events.js';

export interface KindQuality {
  readonly findings: number;
  readonly truePositives: number;
  readonly instances: number;
  readonly found: number;
  /** NaN when there were no findings of this kind. */
  readonly precision: number;
  readonly recall: number;
}

export interface Evaluation {
  readonly events: number;
  readonly normalEvents: number;
  readonly falseAlarms: number;
  readonly falseAlarmsPer10k: number;
  readonly byKind: Readonly<Record<AnomalyKind, KindQuality>>;
  /** Findings on normal events, for looking at what the scorer gets wrong. */
  readonly falseFindings: readonly AnomalyFinding[];
}

export function evaluate(scorer: AnomalyScorer, events: readonly GeneratedEvent[]): Evaluation {
  const stats = new Map<
    AnomalyKind,
    { findings: number; tp: number; instances: Set<string>; found: Set<string> }
  >();
  for (const k of ANOMALY_KINDS)
    stats.set(k, { findings: 0, tp: 0, instances: new Set(), found: new Set() });
  let normal = 0;
  const falseFindings: AnomalyFinding[] = [];
  for (const { event, label } of events) {
    if (label === null) normal += 1;
    else stats.get(label.kind)?.instances.add(label.id);
    for (const f of scorer.observe(event)) {
      const s = stats.get(f.kind);
      if (s === undefined) continue;
      s.findings += 1;
      if (label === null) {
        falseFindings.push(f);
        continue;
      }
      s.tp += 1;
      if (label.kind === f.kind) s.found.add(label.id);
    }
  }
  const byKind = Object.fromEntries(
    [...stats].map(([k, s]) => [
      k,
      {
        findings: s.findings,
        truePositives: s.tp,
        instances: s.instances.size,
        found: s.found.size,
        precision: s.findings === 0 ? Number.NaN : s.tp / s.findings,
        recall: s.instances.size === 0 ? Number.NaN : s.found.size / s.instances.size,
      },
    ]),
  ) as Record<AnomalyKind, KindQuality>;
  return {
    events: events.length,
    normalEvents: normal,
    falseAlarms: falseFindings.length,
    falseAlarmsPer10k: normal === 0 ? 0 : (falseFindings.length / normal) * 10_000,
    byKind,
    falseFindings,
  };
}
