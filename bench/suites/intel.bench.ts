/**
 * The indicator matcher at scale (issue 5, "Matcher"): 1,000,000 synthetic
 * indicators of mixed kinds (domains, URLs, IPv4 addresses and ranges, IPv6,
 * hashes, e-mail addresses, phone numbers, wallets) from a fixed-seed PRNG,
 * loaded into the engine index with the shipped warninglists, then looked up
 * on one core, half hits (exact values, names below a domain, addresses in a
 * range, URLs written differently) and half misses.
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
import {
  createMatcherIndex,
  type IndicatorInput,
} from '../../src/exchange/engine/matcher/matcher-index.js';
import type { ValueKind } from '../../src/exchange/engine/matcher/value-normalizer.js';
import { loadWarninglists } from '../../src/exchange/warninglists.js';
import type { BenchSuite, Figure } from '../harness.js';

const COUNT = Number(process.env.SHIELDWALL_BENCH_INDICATORS ?? 1_000_000);

/** mulberry32: a small deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const TLDS = ['com', 'net', 'org', 'info', 'xyz', 'top', 'co.uk', 'com.br', 'ru', 'io'];

function generator(seed: number) {
  const r = prng(seed);
  const int = (n: number) => Math.floor(r() * n);
  // Built from char codes, so strings are flat: a rope of one-character pieces would be
  // flattened (and its pieces freed) during the load, and the heap figure would shrink.
  const codes: number[] = [];
  const str = (alphabet: string, n: number) => {
    codes.length = 0;
    for (let i = 0; i < n; i++) codes.push(alphabet.charCodeAt(int(alphabet.length)));
    return String.fromCharCode(...codes);
  };
  const hex = (n: number) => str('0123456789abcdef', n);
  const domain = () => `${str(ALNUM, 6 + int(10))}.${TLDS[int(TLDS.length)]}`;
  const ipv4 = () => `${1 + int(222)}.${int(256)}.${int(256)}.${int(256)}`;
  const value = (): { kind: ValueKind; value: string } => {
    const x = r();
    if (x < 0.28) return { kind: 'domain', value: domain() };
    if (x < 0.5)
      return { kind: 'url', value: `https://${domain()}/${str(ALNUM, 4 + int(12))}/login.php` };
    if (x < 0.64) return { kind: 'ip', value: ipv4() };
    if (x < 0.67) return { kind: 'ip', value: `${1 + int(222)}.${int(256)}.${int(256)}.0/24` };
    if (x < 0.72) return { kind: 'ip', value: `2001:db8:${hex(4)}:${hex(4)}::${hex(3)}` };
    if (x < 0.85) return { kind: 'hash', value: hex([32, 40, 64][int(3)] as number) };
    if (x < 0.91) return { kind: 'email', value: `${str(ALNUM, 8)}@${domain()}` };
    if (x < 0.95)
      return { kind: 'phone', value: `+${1 + int(9)}${String(int(1e10)).padStart(10, '0')}` };
    if (x < 0.98) return { kind: 'wallet', value: `0x${hex(40)}` };
    return { kind: 'wallet', value: `1${str(B58, 33)}` };
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  return { int, value, uuid, domain, ipv4 };
}

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

/** A query that should hit `input` (written differently where the kind allows). */
function hitFor(
  input: { kind: ValueKind; value: string },
  n: number,
): { kind: ValueKind; value: string } {
  switch (input.kind) {
    case 'domain':
      return {
        kind: 'domain',
        value: n % 2 === 0 ? input.value.toUpperCase() : `www.${input.value}`,
      };
    case 'url':
      return {
        kind: 'url',
        value: input.value.replace('https://', 'HTTPS://').concat(n % 2 === 0 ? '/' : ''),
      };
    case 'ip':
      return input.value.endsWith('/24')
        ? { kind: 'ip', value: input.value.replace('.0/24', `.${n % 256}`) }
        : input;
    default:
      return input;
  }
}

const retained: unknown[] = [];

export const suite: BenchSuite = {
  name: `intel: the indicator matcher with ${COUNT} indicators`,
  async run() {
    const gc = enableGc();
    const { index: warninglists, isPublicSuffix } = loadWarninglists();
    const g = generator(20261206);
    const inputs: IndicatorInput[] = new Array(COUNT);
    const flat = (x: string) => String.fromCharCode(...Array.from(x, (c) => c.charCodeAt(0)));
    for (let i = 0; i < COUNT; i++) {
      const v = g.value();
      inputs[i] = {
        stixId: flat(`indicator--${g.uuid()}`),
        confidence: 50 + g.int(50),
        source: `feed ${g.int(20)}`,
        values: [{ kind: v.kind, value: flat(v.value) }],
      };
    }
    // Queries: half hits, half misses, mixed kinds.
    const queries: { kind: ValueKind; value: string }[] = [];
    const miss = generator(7);
    for (let n = 0; n < 200_000; n++) {
      const input = inputs[g.int(COUNT)] as IndicatorInput;
      queries.push(
        n % 2 === 0
          ? hitFor(input.values[0] as { kind: ValueKind; value: string }, n)
          : miss.value(),
      );
    }

    const before = memory(gc);
    const cpuLoad = process.cpuUsage();
    const started = performance.now();
    const index = createMatcherIndex({ isPublicSuffix, warninglists, seed: 0x5eed1234 });
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
