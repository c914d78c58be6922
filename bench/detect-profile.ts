/**
 * Where the Sigma engine's time goes (issue 9): loads the whole SigmaHQ rule set (with the parse
 * cache in DETECT_RULE_CACHE, default a folder under the system temp dir), compiles it, then
 * feeds the mixed stream of bench/detect-stream.ts for DETECT_PROFILE_SECONDS (default 5) and
 * prints, one figure per line: events/s per core (CPU time) and wall, rules evaluated per event
 * by event kind, and the rules evaluated most often. Run it under the V8 profiler for the rest:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/detect-prof --import tsx bench/detect-profile.ts
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRuleSet } from '../src/detect/engine/sigma/index.js';
import { loadRules } from '../src/detect/rules-loader.js';
import { mixedStream, RULE_FOLDERS, regressionCases } from './detect-stream.js';

const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};
const line = (name: string, value: number | string, unit = '') =>
  process.stdout.write(
    `${name}: ${typeof value === 'number' ? Math.round(value) : value} ${unit}\n`,
  );

const cacheDir = process.env.DETECT_RULE_CACHE ?? join(tmpdir(), 'shieldwall-bench-rule-cache');
let cpu = process.cpuUsage();
const loaded = await loadRules(RULE_FOLDERS, { cacheDir });
line('profile.load_cpu_time', cpuMs(cpu), 'ms');
cpu = process.cpuUsage();
const set = compileRuleSet(loaded.documents);
line('profile.compile_cpu_time', cpuMs(cpu), 'ms');
const { stream } = mixedStream(regressionCases());

// Rules evaluated per event, by kind of event (the logsources it states).
const kinds = new Map<string, { events: number; rules: number }>();
for (const e of stream) {
  const before = set.routingStats().rulesEvaluated;
  set.feed(e);
  const kind = e.logsources.map((s) => Object.values(s).join('/')).join(' + ');
  const k = kinds.get(kind) ?? { events: 0, rules: 0 };
  k.events += 1;
  k.rules += set.routingStats().rulesEvaluated - before;
  kinds.set(kind, k);
}
for (const [kind, k] of [...kinds].sort((a, b) => b[1].events - a[1].events).slice(0, 12))
  line(
    `profile.rules_per_event[${kind}]`,
    (k.rules / k.events).toFixed(1),
    `rules (${k.events} events)`,
  );

const seconds = Number(process.env.DETECT_PROFILE_SECONDS ?? 5);
let events = 0;
cpu = process.cpuUsage();
const start = performance.now();
while (performance.now() - start < seconds * 1000) {
  for (const e of stream) set.feed(e);
  events += stream.length;
}
const wall = performance.now() - start;
line('profile.throughput_per_core', events / (cpuMs(cpu) / 1000), 'events/s');
line('profile.throughput_wall', events / (wall / 1000), 'events/s');
