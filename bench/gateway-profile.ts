/**
 * Where the Shieldwall process spends its CPU on the gateway path: reads a V8
 * .cpuprofile (from `bench/gateway-cpu.ts --prof DIR`) and prints self time by
 * function and by package or source folder, plus the total time under chosen
 * frames (inclusive), largest first.
 *
 *   node --import tsx bench/gateway-profile.ts DIR/CPU.*.cpuprofile [--top 40] [--window FROM:TO]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    top: { type: 'string', default: '40' },
    window: { type: 'string' },
    /** Print the heaviest call stacks into functions whose name contains this. */
    callers: { type: 'string' },
  },
});
const top = Number(values.top);
// Only samples in this monotonic µs window (printed by bench/gateway-cpu.ts): no start-up, no warm-up.
const [winFrom, winTo] = (values.window ?? '0:Infinity').split(':').map(Number) as [number, number];

/** A short name for where code lives: the npm package, node internals, or src/<folder>. */
function area(url: string): string {
  if (url === '') return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg !== null) return `npm:${pkg[1]}`;
  if (url.startsWith('node:')) return url;
  const src = /\/src\/(.+)\/[^/]+$/.exec(url);
  if (src !== null) return `src/${src[1]}`;
  return url.replace(/^.*\//, '');
}

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let totalUs = 0;
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    at += dt;
    if (at < winFrom || at > winTo) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    totalUs += dt;
  });
  const fnSelf = new Map<string, number>();
  const areaSelf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id) as ProfileNode;
    const { functionName, url, lineNumber } = n.callFrame;
    const name = `${functionName || '(anonymous)'} ${area(url)}:${lineNumber + 1}`;
    fnSelf.set(name, (fnSelf.get(name) ?? 0) + us);
    areaSelf.set(area(url), (areaSelf.get(area(url)) ?? 0) + us);
    // Inclusive by area: count each area once per sample stack.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const a = area((byId.get(cur) as ProfileNode).callFrame.url);
      if (!seen.has(a)) {
        seen.add(a);
        inclusive.set(a, (inclusive.get(a) ?? 0) + us);
      }
    }
  }
  const print = (title: string, m: Map<string, number>) => {
    process.stdout.write(`\n## ${title}\n`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      process.stdout.write(`${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${k}\n`);
  };
  process.stdout.write(`# ${file}: ${(totalUs / 1000).toFixed(0)} ms sampled\n`);
  print('self time by area', areaSelf);
  print('inclusive time by area', inclusive);
  print('self time by function', fnSelf);
  if (values.callers !== undefined) {
    const stacks = new Map<string, number>();
    for (const [id, us] of self) {
      const frames: string[] = [];
      let hit = false;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const f = (byId.get(cur) as ProfileNode).callFrame;
        if (f.functionName.includes(values.callers)) hit = true;
        if (hit) frames.push(`${f.functionName || '(anon)'}@${area(f.url)}`);
        if (frames.length >= 12) break;
      }
      if (hit) stacks.set(frames.join(' < '), (stacks.get(frames.join(' < ')) ?? 0) + us);
    }
    print(`stacks into *${values.callers}*`, stacks);
  }
}
