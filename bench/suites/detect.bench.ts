/**
 * Sigma engine speed (issue 9), with the whole active SigmaHQ rule set loaded (every rule folder
 * in ../shared/data/detect): rule loading (YAML parsing without and with the parse cache),
 * rule-set compile time, and events per second per core on a mixed stream (bench/detect-stream.ts:
 * the 202 regression captures' Sysmon events, each followed by 20 benign process creations,
 * Security logons, sshd and web access lines). Throughput is printed twice, each on its own line:
 * events divided by this process's CPU seconds (one thread, so a machine busy with other work
 * distorts it least), and by wall seconds. Also the rules evaluated per event (what the router
 * did not prune) and the regression pass rate.
 * Goals: >= 50,000 events/s per core; compile <= 3 s; start (cached load + compile) well under 3 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileRuleSet } from '../../src/detect/engine/sigma/index.js';
import { loadRules } from '../../src/detect/rules-loader.js';
import { run as anomalyFigures } from '../detect-anomaly.js';
import { detectInputFigures } from '../detect-inputs.js';
import { mixedStream, RULE_FOLDERS, regressionCases } from '../detect-stream.js';
import type { BenchSuite, Figure } from '../harness.js';

const cpuMs = (from: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
};

/** Wall and CPU milliseconds of one run of `fn`. */
async function timed<T>(
  fn: () => Promise<T> | T,
): Promise<{ value: T; wall: number; cpu: number }> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await fn();
  return { value, wall: performance.now() - start, cpu: cpuMs(cpu) };
}

export const suite: BenchSuite = {
  name: 'detect (Sigma engine)',
  async run(): Promise<Figure[]> {
    // Loading: every file parsed (no cache, as the very first start), then a start whose cache
    // the previous one wrote (the usual start).
    const cacheDir = mkdtempSync(join(tmpdir(), 'sw-bench-rules-'));
    const cold = await timed(() => loadRules(RULE_FOLDERS, { cacheDir }));
    const cached = await timed(() => loadRules(RULE_FOLDERS, { cacheDir }));
    rmSync(cacheDir, { recursive: true, force: true });
    const loaded = cached.value;
    if (loaded.documents.length !== cold.value.documents.length)
      throw new Error('the cached load gave a different number of rules');
    // The first compile is what a start pays (the compiler's code is not warm yet); then the
    // best of three.
    const first = await timed(() => compileRuleSet(loaded.documents));
    let set = first.value;
    let compileMs = Number.POSITIVE_INFINITY;
    let compileCpuMs = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const t = await timed(() => compileRuleSet(loaded.documents));
      set = t.value;
      compileMs = Math.min(compileMs, t.wall);
      compileCpuMs = Math.min(compileCpuMs, t.cpu);
    }
    const cases = regressionCases();
    let pass = 0;
    for (const c of cases) {
      let count = 0;
      for (const e of c.events)
        for (const m of set.feed(e).matches) if (m.rule.id === c.rule_id) count += 1;
      if (c.expected_match_count === null ? count > 0 : count === c.expected_match_count) pass += 1;
    }
    const { stream, attacks } = mixedStream(cases);
    let matches = 0;
    const warmUp = stream.slice(0, 20_000);
    for (const e of warmUp) matches += set.feed(e).matches.length;
    const before = set.routingStats();
    let events = 0;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const until = start + 4000;
    while (performance.now() < until) {
      for (const e of stream) matches += set.feed(e).matches.length;
      events += stream.length;
    }
    const wall = performance.now() - start;
    const used = cpuMs(cpu);
    const after = set.routingStats();
    // The issue asks for this exact form; the harness would print `N /202`.
    process.stdout.write(`detect.regression_pass_rate: ${pass}/${cases.length}\n`);
    // The log inputs (EVTX, syslog, JSON Lines) and the anomaly scores, measured after the rules.
    const inputs = await detectInputFigures();
    const anomaly = await anomalyFigures();
    return [
      { name: 'detect.rules_loaded', value: set.rules.length, unit: 'rules' },
      {
        name: 'detect.rules_not_loaded',
        value: loaded.problems.length + set.problems.length,
        unit: 'rules',
      },
      { name: 'detect.yaml_parse_time', value: cold.wall, unit: 'ms' },
      { name: 'detect.yaml_parse_cpu_time', value: cold.cpu, unit: 'ms' },
      { name: 'detect.rules_cached_load_time', value: cached.wall, unit: 'ms' },
      { name: 'detect.rules_cached_load_cpu_time', value: cached.cpu, unit: 'ms' },
      { name: 'detect.compile_first_time', value: first.wall, unit: 'ms' },
      { name: 'detect.compile_first_cpu_time', value: first.cpu, unit: 'ms' },
      { name: 'detect.compile_time', value: compileMs, unit: 'ms' },
      { name: 'detect.compile_cpu_time', value: compileCpuMs, unit: 'ms' },
      { name: 'detect.stream_events', value: stream.length, unit: 'events' },
      { name: 'detect.stream_attack_share', value: (100 * attacks) / stream.length, unit: '%' },
      { name: 'detect.throughput_per_core', value: events / (used / 1000), unit: 'events/s' },
      { name: 'detect.throughput_wall', value: events / (wall / 1000), unit: 'events/s' },
      {
        name: 'detect.rules_evaluated_per_event',
        value: (after.rulesEvaluated - before.rulesEvaluated) / (after.events - before.events),
        unit: 'rules',
      },
      {
        name: 'detect.matches_per_1000_events',
        value: (1000 * matches) / (events + warmUp.length),
        unit: 'matches',
      },
      ...inputs,
      ...anomaly,
    ];
  },
};
