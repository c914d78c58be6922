/**
 * `npm run bench:scam`: the quality and speed of the scam checker's shipped
 * models (models/*.json, exactly as committed), on the DEV split of
 * ../shared/data/scam and on the held-out modern fixtures, one figure per line.
 * Figures are model-only (the engine's rules and cues come on top); the same
 * names are printed by `npm run train:scam` and stored in each model file.
 *
 * Quality figures are skipped, with a line saying why, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATA_DIR, loadScamData, ROOT } from '../../scripts/train-scam.js';
import { emailText, parseEmail } from '../../src/protect/engine/email/index.js';
import { evaluateSet } from '../../src/protect/engine/model/evaluate.js';
import { loadModel, type ScamModel } from '../../src/protect/engine/model/load-model.js';
import type { ModelData } from '../../src/protect/engine/model/scam-datasets.js';
import type { BenchSuite, Figure } from '../harness.js';

function model(file: string): ScamModel {
  const loaded = loadModel(JSON.parse(readFileSync(join(ROOT, 'models', file), 'utf8')) as unknown);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error}`);
  return loaded.model;
}

function quality(m: ScamModel, data: ModelData): Figure[] {
  return data.evals.flatMap((set) =>
    evaluateSet(
      {
        name: set.name,
        scores: set.examples.map((e) => m.score(e.input).probability),
        labels: set.examples.map((e) => e.label),
      },
      m.thresholds,
    ),
  );
}

/** Items per second of `op` over `items`, cycling for at least `ms` on one core. */
function throughput<T>(items: readonly T[], op: (item: T) => unknown, ms = 2000): number {
  for (const item of items.slice(0, 200)) op(item);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    op(items[n % items.length] as T);
    n += 1;
  }
  return n / ((performance.now() - start) / 1000);
}

/** p50 and p99 in ms of single runs of `op`, after a warm-up (so JIT compilation is not counted). */
function latency<T>(items: readonly T[], op: (item: T) => unknown, runs = 2000): [number, number] {
  for (const item of items.slice(0, 200)) op(item);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const item = items[i % items.length] as T;
    const start = performance.now();
    op(item);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return [at(0.5), at(0.99)];
}

function devEmailBytes(): Uint8Array[] {
  return readFileSync(join(DATA_DIR, 'email.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { file: string; split: string })
    .filter((r) => r.split === 'dev')
    .map((r) => new Uint8Array(readFileSync(join(DATA_DIR, r.file))));
}

export const suite: BenchSuite = {
  name: 'scam-quality: shipped scam models on the dev split and modern fixtures',
  async run() {
    if (!existsSync(join(DATA_DIR, 'README.md'))) {
      process.stderr.write(`skipped: no training data at ${DATA_DIR}\n`);
      return [];
    }
    const text = model('scam-text.json');
    const email = model('scam-email.json');
    const url = model('scam-url.json');
    const data = loadScamData();
    const figures: Figure[] = [];
    if (data.text !== undefined) figures.push(...quality(text, data.text));
    if (data.email !== undefined) figures.push(...quality(email, data.email));
    if (data.url !== undefined) figures.push(...quality(url, data.url));

    const texts = data.text?.evals.flatMap((s) => s.examples.map((e) => e.input)) ?? [];
    const urls = data.url?.evals.flatMap((s) => s.examples.map((e) => e.input)) ?? [];
    const raws = devEmailBytes();
    const checkEmail = (raw: Uint8Array) => email.explain(emailText(parseEmail(raw)));
    figures.push(
      {
        name: 'text.model.throughput',
        value: throughput(texts, (t) => text.score(t)),
        unit: 'texts/s',
      },
      {
        name: 'email.model.throughput',
        value: throughput(raws, (r) => email.score(emailText(parseEmail(r)))),
        unit: 'emails/s',
      },
      {
        name: 'url.model.throughput',
        value: throughput(urls, (u) => url.score(u)),
        unit: 'urls/s',
      },
    );
    const [textP50, textP99] = latency(texts, (t) => text.explain(t));
    const [emailP50, emailP99] = latency(raws, checkEmail, 1000);
    const [urlP50, urlP99] = latency(urls, (u) => url.explain(u));
    figures.push(
      { name: 'text.check.p50', value: textP50, unit: 'ms' },
      { name: 'text.check.p99', value: textP99, unit: 'ms' },
      { name: 'email.check.p50', value: emailP50, unit: 'ms' },
      { name: 'email.check.p99', value: emailP99, unit: 'ms' },
      { name: 'url.check.p50', value: urlP50, unit: 'ms' },
      { name: 'url.check.p99', value: urlP99, unit: 'ms' },
    );
    return figures;
  },
};
