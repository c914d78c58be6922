/**
 * Where the matcher's time goes: the intel bench's indicators and queries
 * (bench/exchange-intel-data.ts), loaded once, then the lookups timed per value
 * kind and per hit/miss, in CPU time (process.cpuUsage: user + system) per
 * lookup. With `--profile FILE` the lookup phase alone is written as a V8 CPU
 * profile (open it in Chrome DevTools or speedscope). With `--compare` the
 * matcher as it was before this round of work (reference-matcher/, the oracle
 * of the property tests) is loaded too, and the two are timed in alternating
 * rounds: on a machine shared with other work, CPU time per lookup moves with
 * everybody else's cache use, and only side-by-side rounds compare fairly.
 *
 *   node --import tsx bench/exchange-matcher-profile.ts [--count 1000000] [--profile /tmp/lookups.cpuprofile] [--compare]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createMatcherIndex } from '../src/exchange/engine/matcher/matcher-index.js';
import { createMatcherIndex as createReferenceIndex } from '../src/exchange/engine/matcher/reference-matcher/matcher-index.js';
import type { ValueKind } from '../src/exchange/engine/matcher/value-normalizer.js';
import { loadWarninglists } from '../src/exchange/warninglists.js';
import { intelInputs } from './exchange-intel-data.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '1000000' },
    profile: { type: 'string' },
    seconds: { type: 'string', default: '3' },
    compare: { type: 'boolean', default: false },
  },
});
const count = Number(args.count);

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const { index: warninglists, isPublicSuffix } = loadWarninglists();
const { inputs, queries } = intelInputs(count);
const cpuLoad = process.cpuUsage();
const index = createMatcherIndex({ isPublicSuffix, warninglists, seed: 0x5eed1234 });
for (const input of inputs) index.add(input);
index.trim();
process.stdout.write(`load: ${(cpuMs(process.cpuUsage(cpuLoad)) * 1e6) / count} ms CPU per 1M\n`);

type Lookup = { lookup(kind: ValueKind, value: string): readonly unknown[] };

/** CPU nanoseconds per lookup of `qs` in `m`, run for about `seconds`. */
function time(
  qs: readonly { kind: ValueKind; value: string }[],
  seconds: number,
  m: Lookup = index,
): number {
  let done = 0;
  const c0 = process.cpuUsage();
  while (cpuMs(process.cpuUsage(c0)) < seconds * 1000) {
    for (const q of qs) m.lookup(q.kind, q.value);
    done += qs.length;
  }
  return (cpuMs(process.cpuUsage(c0)) * 1e6) / done;
}

if (args.compare) {
  const c0 = process.cpuUsage();
  const old = createReferenceIndex({ isPublicSuffix, warninglists, seed: 0x5eed1234 });
  for (const input of inputs) old.add(input);
  old.trim();
  process.stdout.write(
    `reference load: ${(cpuMs(process.cpuUsage(c0)) * 1e6) / count} ms CPU per 1M\n`,
  );
  time(queries, 1, old);
  // Many short alternating rounds; the fastest round of each is the least disturbed by others.
  const ref: number[] = [];
  const now: number[] = [];
  for (let r = 0; r < 20; r++) {
    ref.push(time(queries, 0.3, old));
    now.push(time(queries, 0.3));
  }
  const min = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1] as number;
  process.stdout.write(
    `reference: fastest ${min(ref).toFixed(0)} ns, median ${median(ref).toFixed(0)} ns per lookup\n` +
      `now:       fastest ${min(now).toFixed(0)} ns, median ${median(now).toFixed(0)} ns per lookup\n` +
      `speed-up:  ${(min(ref) / min(now)).toFixed(2)}x fastest, ${(median(ref) / median(now)).toFixed(2)}x median\n`,
  );
}

time(queries, 1); // warm-up
const seconds = Number(args.seconds);
if (args.profile !== undefined) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const ns = time(queries, seconds);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(args.profile, JSON.stringify(profile));
  session.disconnect();
  process.stdout.write(`all (profiled): ${ns.toFixed(0)} ns CPU per lookup\n`);
}
const all = time(queries, seconds);
process.stdout.write(
  `all: ${all.toFixed(0)} ns CPU per lookup = ${Math.round(1e9 / all)} per CPU second\n`,
);
const groups = new Map<string, { kind: ValueKind; value: string }[]>();
for (const q of queries) {
  const key = `${q.kind} ${index.lookup(q.kind, q.value).length > 0 ? 'hit' : 'miss'}`;
  const g = groups.get(key) ?? [];
  g.push(q);
  groups.set(key, g);
}
for (const [key, qs] of [...groups].sort()) {
  const ns = time(qs, Math.max(0.3, (seconds * qs.length) / queries.length));
  const share = (qs.length * ns) / (queries.length * all);
  process.stdout.write(
    `${key.padEnd(14)} ${String(qs.length).padStart(6)} queries  ${ns.toFixed(0).padStart(5)} ns  ${(100 * share).toFixed(1)}% of the time\n`,
  );
}
