/**
 * `npm run bench:safeguards`: the safeguards classifier as shipped in models/,
 * on ../shared/data/safeguards/dev.jsonl (held out: never used in training),
 * then on the same prompts after jailbreak transforms, on our own held-out
 * templates, and its latency on a 4 KB prompt. One figure per line.
 *
 * Rates: `mal_friction_block` = share of malicious prompts given friction or
 * block; `benign_allow_monitor` = share of benign prompts given allow or monitor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allPrompts, MODEL_FILE, ROOT } from '../../scripts/train-safeguards.js';
import {
  classifyPrompt,
  loadSafeguardsModel,
  type SafeguardsModel,
} from '../../src/safeguards/engine/index.js';
import {
  applyTransform,
  TRANSFORMS,
} from '../../src/safeguards/engine/training/jailbreak-transforms.js';
import type { ClassifyInput } from '../../src/safeguards/engine/types.js';
import type { BenchSuite, Figure } from '../harness.js';

const DEV = join(ROOT, '..', 'shared', 'data', 'safeguards', 'dev.jsonl');
/** Prompts written by hand for evaluation only: no template, never read by the trainer. */
const OWN_HANDWRITTEN = join(ROOT, 'training', 'safeguards', 'own-heldout.jsonl');

interface Item {
  readonly input: ClassifyInput;
  readonly malicious: boolean;
  readonly family: string;
}

function rate(
  model: SafeguardsModel,
  items: readonly Item[],
  tier: number,
  malicious: boolean,
): number {
  const subset = items.filter((i) => i.malicious === malicious);
  let hit = 0;
  for (const i of subset) {
    const d = classifyPrompt(model, i.input, { tier }).decision;
    if (malicious ? d === 'friction' || d === 'block' : d === 'allow' || d === 'monitor') hit += 1;
  }
  return subset.length === 0 ? Number.NaN : (100 * hit) / subset.length;
}

function figuresFor(model: SafeguardsModel, name: string, items: readonly Item[]): Figure[] {
  const out: Figure[] = [];
  const mal = items.some((i) => i.malicious);
  const ben = items.some((i) => !i.malicious);
  if (mal)
    out.push({
      name: `${name}.t0.mal_friction_block`,
      value: rate(model, items, 0, true),
      unit: '%',
    });
  if (ben) {
    out.push({
      name: `${name}.t0.benign_allow_monitor`,
      value: rate(model, items, 0, false),
      unit: '%',
    });
    out.push({
      name: `${name}.t3.benign_allow_monitor`,
      value: rate(model, items, 3, false),
      unit: '%',
    });
  }
  out.push({ name: `${name}.count`, value: items.length, unit: 'prompts' });
  return out;
}

/**
 * How many prompts the two reading rules on top of the model touched, by class: holding a person's
 * check of their own device at monitor (`reading.own_device`, meant for benign prompts only) and
 * raising spyware put on someone close's device (`reading.partner_spying`, misuse only).
 */
function readingCounts(model: SafeguardsModel, name: string, items: readonly Item[]): Figure[] {
  const codes = ['reading.own_device', 'reading.partner_spying'];
  const counts = new Map<string, number>();
  for (const i of items) {
    const reasons = classifyPrompt(model, i.input, { tier: 0 }).reasons;
    for (const code of codes) {
      if (!reasons.some((r) => r.code === code)) continue;
      const key = `${code}.${i.malicious ? 'malicious' : 'benign'}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return codes.flatMap((code) =>
    ['benign', 'malicious'].map((cls) => ({
      name: `${name}.${code}.${cls}`,
      value: counts.get(`${code}.${cls}`) ?? 0,
      unit: 'prompts',
    })),
  );
}

function readOwnHandwritten(): Item[] {
  return readFileSync(OWN_HANDWRITTEN, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; label: string })
    .map((r) => ({ input: { text: r.text }, malicious: r.label !== 'benign', family: 'own' }));
}

function readDev(): Item[] {
  return readFileSync(DEV, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { text: string; label: string; category: string })
    .map((r) => ({
      input: { text: r.text },
      malicious: r.label === 'malicious',
      family: r.category.split('/')[0] ?? 'other',
    }));
}

/**
 * The same prompts behind each jailbreak wrapper: detection of the malicious
 * ones (and its drop from the unwrapped figure), and — so a wrapper that
 * flags everything does not pass for robustness — the benign ones too.
 */
function wrapped(model: SafeguardsModel, name: string, items: readonly Item[]): Figure[] {
  const out: Figure[] = [];
  const mal = items.filter((i) => i.malicious && 'text' in i.input);
  const ben = items.filter((i) => !i.malicious && 'text' in i.input);
  const base = rate(model, mal, 0, true);
  for (const t of TRANSFORMS) {
    const wrap = (list: readonly Item[]) =>
      list.map((i, k) => ({
        ...i,
        input: applyTransform(t, 'text' in i.input ? i.input.text : '', k),
      }));
    if (mal.length > 0) {
      const r = rate(model, wrap(mal), 0, true);
      out.push({ name: `${name}.${t}.t0.mal_friction_block`, value: r, unit: '%' });
      out.push({ name: `${name}.${t}.drop`, value: base - r, unit: 'points' });
    }
    if (ben.length > 0) {
      out.push({
        name: `${name}.${t}.t0.benign_allow_monitor`,
        value: rate(model, wrap(ben), 0, false),
        unit: '%',
      });
    }
  }
  return out;
}

function latency(model: SafeguardsModel): Figure[] {
  const sentence =
    'Please review our nginx configuration and explain how to rate limit abusive clients on our own servers. ';
  const text = sentence.repeat(Math.ceil(4096 / sentence.length)).slice(0, 4096);
  const times: number[] = [];
  for (let i = 0; i < 200; i++) classifyPrompt(model, { text }, { tier: 0 });
  // CPU time as well as wall time: on a shared machine the wall-clock tail includes time the
  // process was not running at all.
  const cpu = process.cpuUsage();
  for (let i = 0; i < 2000; i++) {
    const t0 = performance.now();
    classifyPrompt(model, { text: `${i} ${text}`.slice(0, 4096) }, { tier: 0 });
    times.push(performance.now() - t0);
  }
  const used = process.cpuUsage(cpu);
  times.sort((a, b) => a - b);
  const q = (p: number) =>
    times[Math.min(times.length - 1, Math.floor(p * times.length))] as number;
  return [
    { name: 'latency.4kb.p50', value: q(0.5), unit: 'ms' },
    { name: 'latency.4kb.p99', value: q(0.99), unit: 'ms' },
    {
      name: 'latency.4kb.cpu_mean',
      value: (used.user + used.system) / 1000 / times.length,
      unit: 'ms',
    },
  ];
}

function loadShipped(): SafeguardsModel {
  const loaded = loadSafeguardsModel(
    JSON.parse(readFileSync(join(ROOT, 'models', MODEL_FILE), 'utf8')) as unknown,
  );
  if (!loaded.ok) throw new Error(`${MODEL_FILE}: ${loaded.error}`);
  return loaded.model;
}

export const suite: BenchSuite = {
  name: 'safeguards',
  async run() {
    const model = loadShipped();
    const figures: Figure[] = [];
    if (existsSync(DEV)) {
      const dev = readDev();
      figures.push(...figuresFor(model, 'dev', dev));
      for (const family of [...new Set(dev.map((i) => i.family))].sort()) {
        figures.push(
          ...figuresFor(
            model,
            `dev.${family}`,
            dev.filter((i) => i.family === family),
          ),
        );
      }
      figures.push(...wrapped(model, 'dev', dev));
      figures.push(...readingCounts(model, 'dev', dev));
    } else {
      process.stderr.write(`safeguards: ${DEV} is absent; dev-set figures skipped\n`);
    }
    const own = allPrompts().filter((p) => p.split === 'heldout');
    const ownItems = own.map((p) => ({
      input: p.input,
      malicious: p.label !== 'benign',
      family: p.source,
    }));
    figures.push(...figuresFor(model, 'own_heldout', ownItems));
    figures.push(...readingCounts(model, 'own_heldout', ownItems));
    figures.push(
      ...wrapped(
        model,
        'own_heldout',
        ownItems.filter((i) => !i.family.includes('+')),
      ),
    );
    const handwritten = readOwnHandwritten();
    figures.push(...figuresFor(model, 'own_handwritten', handwritten));
    figures.push(...readingCounts(model, 'own_handwritten', handwritten));
    figures.push(...wrapped(model, 'own_handwritten', handwritten));
    figures.push(...latency(model));
    return figures;
  },
};
