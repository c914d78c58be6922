/**
 * The indicator matcher at scale (issue 5, "Matcher"): 1,000,000 synthetic
 * indicators of mixed kinds (domains, URLs, IPv4 addresses and ranges, IPv6,
 * hashes, e-mail addresses, phone numbers, wallets) from a fixed-seed PRNG,
 * loaded into the engine index with the shipped warninglists, then looked up
 * on one core, half hits (exact values, names below a domain, addresses in a
 * range, URLs written differently) and half misses.
 *
 * The load is timed as a bulk load (`reserveFor` the batch, then `add` each) and, printed
 * after it, one indicator at a time with the tables doubling as they fill.
 *
 * Heap per indicator: the inputs are generated first and kept alive, then the
 * process's heap (V8 `heapUsed`) plus the typed arrays' backing stores
 * (`arrayBuffers`, outside the V8 heap but memory all the same) are read after
 * a full garbage collection before and after loading; the difference divided by
 * the number of indicators is the figure.
 *
 * Speed is printed per wall-clock second and per CPU second of this process
 * (user + system): on a machine shared with other work the second is the
 * per-core figure; the garbage collector's helper threads count in it too. `global.gc` is enabled at run time
 * with `v8.setFlagsFromString('--expose-gc')` when node was not started with it.
 *
 *   npm run bench:intel            (SHIELDWALL_BENCH_INDICATORS=200000 for a shorter run)
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createMatcherIndex } from '../../src/exchange/engine/matcher/matcher-index.js';
import { loadWarninglists } from '../../src/exchange/warninglists.js';
import { intelInputs } from '../exchange-intel-data.js';
import type { BenchSuite, Figure } from '../harness.js';

const COUNT = Number(process.env.SHIELDWALL_BENCH_INDICATORS ?? 1_000_000);

function enableGc(): (() => void) | undefined {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g !== undefined) return g;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/** Milliseconds of CPU (user + system) from a `process.cpuUsage` difference. */
function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

function memory(gc: (() => void) | undefined): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const retained: unknown[] = [];

export const suite: BenchSuite = {
  name: `intel: the indicator matcher with ${COUNT} indicators`,
  async run() {
    const gc = enableGc();
    const { index: warninglists, isPublicSuffix } = loadWarninglists();
    const { inputs, queries } = intelInputs(COUNT);

    const before = memory(gc);
    const cpuLoad = process.cpuUsage();
    const started = performance.now();
    const index = createMatcherIndex({ isPublicSuffix, warninglists, seed: 0x5eed1234 });
    // A bulk load that has its batch sizes the tables first (matcher-index.ts `reserveFor`).
    index.reserveFor(inputs);
    let refused = 0;
    for (const input of inputs) refused += index.add(input).refused.length;
    index.trim();
    const loadMs = performance.now() - started;
    const loadCpuMs = cpuMs(process.cpuUsage(cpuLoad));
    const after = memory(gc);
    // Keep the inputs alive up to here, so that freeing them is not counted (optimised code drops dead locals).
    retained.push(inputs);
    if (index.size !== COUNT)
      throw new Error(`only ${index.size} of ${COUNT} indicators are in the index`);

    let hits = 0;
    const once = () => {
      for (const q of queries) if (index.lookup(q.kind, q.value).length > 0) hits++;
    };
    once(); // warm-up
    hits = 0;
    let rounds = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    while (performance.now() - t0 < 2000) {
      once();
      rounds++;
    }
    const lookups = (rounds * queries.length) / ((performance.now() - t0) / 1000);
    const lookupsPerCpu = (rounds * queries.length) / (cpuMs(process.cpuUsage(cpu0)) / 1000);
    const hitRate = hits / (rounds * queries.length);
    let k = 0;
    const t1 = performance.now();
    while (performance.now() - t1 < 1000) {
      for (let i = 0; i < 10_000; i++)
        index.lookupAny((queries[k++ % queries.length] as { value: string }).value);
    }
    const untyped = k / ((performance.now() - t1) / 1000);
    // Machine reference: a JS Map lookup of the same query strings (hashes cached by V8, no
    // normalisation): what this machine does per CPU second at best, to read the figures against.
    const reference = new Map(queries.map((q, n) => [q.value, n]));
    let found = 0;
    const cpu2 = process.cpuUsage();
    for (let r = 0; r < 10; r++)
      for (const q of queries) if (reference.get(q.value) !== undefined) found++;
    const mapPerCpu = found / (cpuMs(process.cpuUsage(cpu2)) / 1000);
    // The same load one indicator at a time, tables doubling as they fill (as the server's loader
    // does, reading pages of 1,000 from the store): printed beside the bulk figure.
    let unreserved: ReturnType<typeof createMatcherIndex> | null = null;
    gc?.();
    const started2 = performance.now();
    unreserved = createMatcherIndex({ isPublicSuffix, warninglists, seed: 0x5eed1234 });
    for (const input of inputs) unreserved.add(input);
    unreserved.trim();
    const unreservedMs = performance.now() - started2;
    if (unreserved.size !== COUNT) throw new Error('the unreserved load lost indicators');
    unreserved = null;
    const perIndicator = (after - before) / COUNT;
    process.stderr.write(
      `# ${COUNT} indicators, ${index.entries} values, ${refused} refused; heap measured ${gc === undefined ? 'without' : 'with'} gc; hit rate ${hitRate.toFixed(3)}\n`,
    );
    const figures: Figure[] = [
      {
        name: 'intel.matcher_load_1m (goal <= 5000)',
        value: (loadMs * 1_000_000) / COUNT,
        unit: 'ms per 1,000,000 (wall clock)',
      },
      {
        name: 'intel.matcher_load_1m_one_by_one',
        value: (unreservedMs * 1_000_000) / COUNT,
        unit: 'ms per 1,000,000 (wall clock; no reserveFor, tables doubling)',
      },
      {
        name: 'intel.matcher_load_1m_cpu',
        value: (loadCpuMs * 1_000_000) / COUNT,
        unit: 'ms of CPU per 1,000,000',
      },
      { name: 'intel.matcher_heap (goal <= 200)', value: perIndicator, unit: 'bytes/indicator' },
      {
        name: 'intel.matcher_typed_array_bytes',
        value: index.bytes / COUNT,
        unit: 'bytes/indicator',
      },
      {
        name: 'intel.matcher_lookup (goal >= 1000000)',
        value: lookups,
        unit: 'lookups/s (wall clock)',
      },
      { name: 'intel.matcher_lookup_cpu', value: lookupsPerCpu, unit: 'lookups per CPU second' },
      { name: 'intel.matcher_lookup_untyped', value: untyped, unit: 'lookups/s' },
      { name: 'intel.matcher_hit_rate', value: hitRate, unit: 'of lookups' },
      { name: 'intel.reference_js_map_get_cpu', value: mapPerCpu, unit: 'lookups per CPU second' },
    ];
    retained.length = 0;
    return figures;
  },
};
