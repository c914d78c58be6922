/**
 * Anomaly scoring (issue 9): throughput of `observe` over generated traffic of a small
 * organisation (28 days, 12 people, web server, SSH server, cloud sign-ins; ~110,000 events),
 * then precision and recall per anomaly kind at the default threshold, and false alarms per
 * 10,000 normal events. Seeds 1–3 are scored; quality figures are over all three together.
 * Figures:
 *   detect.anomaly_events_per_s
 *   detect.anomaly_precision.<kind>, detect.anomaly_recall.<kind>
 *   detect.anomaly_false_alarms_per_10k
 */
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/detect/engine/anomaly/anomaly-evaluation.js';
import {
  ANOMALY_KINDS,
  createAnomalyScorer,
  generateTraffic,
} from '../src/detect/engine/anomaly/index.js';
import { type Figure, formatFigure } from './harness.js';

export async function run(seeds: readonly number[] = [1, 2, 3]): Promise<Figure[]> {
  const totals = new Map(
    ANOMALY_KINDS.map((k) => [k, { findings: 0, tp: 0, instances: 0, found: 0 }]),
  );
  let events = 0;
  let ms = 0;
  let falseAlarms = 0;
  let normal = 0;
  for (const seed of seeds) {
    process.stderr.write(`# generating seed ${seed}\n`);
    const traffic = generateTraffic({ seed });
    // Throughput: observe alone, on a fresh scorer (no evaluation bookkeeping).
    const timed = createAnomalyScorer();
    const start = performance.now();
    for (const e of traffic.events) timed.observe(e.event);
    ms += performance.now() - start;
    events += traffic.events.length;
    const q = evaluate(createAnomalyScorer(), traffic.events);
    falseAlarms += q.falseAlarms;
    normal += q.normalEvents;
    for (const k of ANOMALY_KINDS) {
      const t = totals.get(k);
      const r = q.byKind[k];
      if (t === undefined) continue;
      t.findings += r.findings;
      t.tp += r.truePositives;
      t.instances += r.instances;
      t.found += r.found;
    }
  }
  const figures: Figure[] = [
    { name: 'detect.anomaly_events_per_s', value: events / (ms / 1000), unit: 'events/s' },
  ];
  for (const [k, t] of totals) {
    figures.push({
      name: `detect.anomaly_precision.${k}`,
      value: t.findings === 0 ? 0 : t.tp / t.findings,
      unit: 'ratio',
    });
    figures.push({
      name: `detect.anomaly_recall.${k}`,
      value: t.instances === 0 ? 0 : t.found / t.instances,
      unit: 'ratio',
    });
  }
  figures.push({
    name: 'detect.anomaly_false_alarms_per_10k',
    value: (falseAlarms / normal) * 10_000,
    unit: 'per 10k normal events',
  });
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`)
  for (const f of await run()) process.stdout.write(`${formatFigure(f)}\n`);
