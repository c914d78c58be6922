/**
 * `npm run bench:scam`: the whole scam checker — models, rules, links and
 * combiner, exactly as shipped in models/ — on the DEV split of
 * ../shared/data/scam and on the held-out modern fixtures, then its speed.
 * One figure per line. Emails are checked from their raw bytes, as a person's
 * .eml would be. `model.*` figures are the bare models, for comparison.
 *
 * Quality figures are skipped, with a line saying why, when ../shared is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type CheckerSet, shippedCheckerOnDev } from '../../scripts/scam-checker-sets.js';
import { FIXTURES_DIR, ROOT } from '../../scripts/train-scam.js';
import { categorize } from '../../src/protect/engine/advice/categorize.js';
import { emailText, parseEmail } from '../../src/protect/engine/email/index.js';
import {
  type CheckInput,
  createScamChecker,
  type ScamChecker,
} from '../../src/protect/engine/index.js';
import {
  expectedCalibrationError,
  reliabilityBins,
} from '../../src/protect/engine/model/calibration.js';
import { evaluateSet, isPositiveLabel } from '../../src/protect/engine/model/evaluate.js';
import { loadModel, type ScamModel } from '../../src/protect/engine/model/load-model.js';
import { fixtureSplit } from '../../src/protect/engine/model/training-data.js';
import { analyseUrl } from '../../src/protect/engine/url/url-analysis.js';
import { loadScamModelFiles } from '../../src/protect/load-models.js';
import type { BenchSuite, Figure } from '../harness.js';

const VERDICT_VALUE = { scam: 1, suspicious: 0.5, no_signs: 0 } as const;

/** Recall/FPR/F1 at the checker's own verdicts (`scam`, and `@suspicious` = scam or suspicious), plus calibration. */
function quality(checker: ScamChecker, set: CheckerSet): Figure[] {
  const results = set.items.map((i) => checker.check(i.input));
  const labels = set.items.map((i) => i.label);
  const figures = evaluateSet(
    { name: `checker.${set.name}`, scores: results.map((r) => VERDICT_VALUE[r.verdict]), labels },
    { suspicious: 0.5, scam: 1 },
  ).filter((f) => !f.name.includes('.ece'));
  const y = labels.map((l) => (isPositiveLabel(l) ? 1 : 0));
  // The account-alert rule (verdict-rules.ts officialChannelOnly) is meant to clear genuine texts only.
  for (const positive of set.items[0]?.input.kind === 'sms' ? [false, true] : []) {
    figures.push({
      name: `checker.${set.name}.official_channel_cleared.${positive ? 'scam' : 'genuine'}`,
      value: results.filter(
        (r, i) =>
          (y[i] === 1) === positive && r.reasons.some((x) => x.code === 'notice.official_channel'),
      ).length,
      unit: 'items',
    });
  }
  const scores = results.map((r) => r.score);
  const bins = reliabilityBins(scores, y, 10);
  figures.push({
    name: `checker.${set.name}.ece`,
    value: expectedCalibrationError(bins),
    unit: 'ratio',
  });
  // "Of messages scored about 0.9, about 90% are scams": the scam share in the 0.8–0.9 and 0.9–1 bins.
  for (const bin of bins.slice(8)) {
    if (bin.count < 10) continue;
    const at = `checker.${set.name}.bin_${bin.lo.toFixed(1)}`;
    figures.push(
      { name: `${at}.mean_score`, value: bin.meanScore, unit: 'ratio' },
      { name: `${at}.scam_share`, value: bin.fractionPositive, unit: 'ratio' },
      { name: `${at}.count`, value: bin.count, unit: 'items' },
    );
  }
  return figures;
}

/**
 * The held-out modern URLs on services where anyone can publish (a Google Form, a Dropbox
 * file): the address's host says nothing about who made the page, so they are shown apart.
 */
function userContentPages(sets: readonly CheckerSet[]): CheckerSet {
  const modern = sets.find((s) => s.name === 'url.modern');
  return {
    name: 'url.modern.user_content',
    items: (modern?.items ?? []).filter((i) => analyseUrl(i.input.content ?? '').userContent),
  };
}

function model(file: string): ScamModel {
  const loaded = loadModel(JSON.parse(readFileSync(join(ROOT, 'models', file), 'utf8')) as unknown);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.error}`);
  return loaded.model;
}

/** The bare models on the same sets (their own thresholds), to show what the rest adds. */
function modelQuality(set: CheckerSet): Figure[] {
  const kind = set.items[0]?.input.kind;
  const m = model(
    kind === 'sms' ? 'scam-text.json' : kind === 'email' ? 'scam-email.json' : 'scam-url.json',
  );
  const inputOf = (i: CheckInput) =>
    i.raw !== undefined ? emailText(parseEmail(i.raw)) : i.content;
  return evaluateSet(
    {
      name: `model.${set.name}`,
      scores: set.items.map((i) => m.score(inputOf(i.input)).probability),
      labels: set.items.map((i) => i.label),
    },
    m.thresholds,
  ).filter((f) => /\.(recall|fpr|f1)$/.test(f.name));
}

/**
 * How often the category (which picks the advice) matches the fixture's label,
 * on the held-out (dev) scam fixtures: texts and emails as a person sees them.
 */
function categoryAccuracy(): Figure[] {
  let right = 0;
  let total = 0;
  for (const file of ['sms.jsonl', 'email.jsonl']) {
    for (const line of readFileSync(join(FIXTURES_DIR, file), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as {
        id: string;
        label: string;
        category: string;
        text?: string;
        file?: string;
        split?: unknown;
      };
      if (r.label !== 'scam' || fixtureSplit(r.id, r.split) !== 'dev') continue;
      let text = r.text ?? '';
      if (r.file !== undefined) {
        const parsed = parseEmail(new Uint8Array(readFileSync(join(FIXTURES_DIR, r.file))));
        text = `${parsed.subject}\n${parsed.body}`;
      }
      total += 1;
      if (categorize(text).category === r.category) right += 1;
    }
  }
  return [
    { name: 'category.modern.accuracy', value: right / total, unit: 'ratio' },
    { name: 'category.modern.count', value: total, unit: 'items' },
  ];
}

const PROBES_DIR = join(FIXTURES_DIR, 'probes');

/**
 * The blind probes (`fixtures/scam/probes/*.jsonl`, evaluation only: training never reads them),
 * each scored as written: the share of its scams called `scam`, the share flagged at all (not
 * "no signs"), and the share of its genuine messages left at "no signs". They need no ../shared.
 */
function probeFigures(checker: ScamChecker): Figure[] {
  const figures: Figure[] = [];
  for (const file of readdirSync(PROBES_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    const rows = readFileSync(join(PROBES_DIR, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as { kind: CheckInput['kind']; label: string; input: string });
    const verdicts = rows.map((r) => ({
      scam: r.label === 'scam',
      verdict: checker.check({ kind: r.kind, content: r.input }).verdict,
    }));
    const scams = verdicts.filter((v) => v.scam);
    const genuine = verdicts.filter((v) => !v.scam);
    const name = `probe.${file.replace(/\.jsonl$/, '')}`;
    // A probe of one class prints only that class's lines (no NaN for a share of nothing).
    if (scams.length > 0)
      figures.push(
        {
          name: `${name}.scam`,
          value: scams.filter((v) => v.verdict === 'scam').length / scams.length,
          unit: 'ratio',
        },
        {
          name: `${name}.flagged`,
          value: scams.filter((v) => v.verdict !== 'no_signs').length / scams.length,
          unit: 'ratio',
        },
      );
    if (genuine.length > 0)
      figures.push({
        name: `${name}.genuine_no_signs`,
        value: genuine.filter((v) => v.verdict === 'no_signs').length / genuine.length,
        unit: 'ratio',
      });
    figures.push({ name: `${name}.count`, value: rows.length, unit: 'items' });
  }
  return figures;
}

/** Items per second of `op` over `items`, cycling for at least `ms` on one core. */
function throughput<T>(items: readonly T[], op: (item: T) => unknown, ms = 3000): number {
  for (const item of items.slice(0, 200)) op(item);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    op(items[n % items.length] as T);
    n += 1;
  }
  return n / ((performance.now() - start) / 1000);
}

/** p50 and p99 in ms of single checks, after a warm-up (JIT compilation is not counted). */
function latency<T>(items: readonly T[], op: (item: T) => unknown, runs = 3000): [number, number] {
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

export const suite: BenchSuite = {
  name: 'scam-quality: the shipped scam checker on the dev split and modern fixtures',
  async run() {
    const probes = probeFigures(createScamChecker({ models: loadScamModelFiles() }));
    const shipped = shippedCheckerOnDev();
    if (shipped === undefined) return probes;
    const { checker, sets } = shipped;
    const figures: Figure[] = [...probes];
    for (const set of sets) figures.push(...quality(checker, set));
    figures.push(...quality(checker, userContentPages(sets)));
    for (const set of sets) figures.push(...modelQuality(set));
    figures.push(...categoryAccuracy());

    const inputsOf = (prefix: string) =>
      sets.filter((s) => s.name.startsWith(prefix)).flatMap((s) => s.items.map((i) => i.input));
    const check = (input: CheckInput) => checker.check(input);
    for (const [kind, prefix, unit] of [
      ['text', 'text.', 'texts/s'],
      ['email', 'email.', 'emails/s'],
      ['url', 'url.', 'urls/s'],
    ] as const) {
      const inputs = inputsOf(prefix);
      figures.push({ name: `${kind}.throughput`, value: throughput(inputs, check), unit });
      const [p50, p99] = latency(inputs, check, kind === 'email' ? 1500 : 3000);
      figures.push(
        { name: `${kind}.check.p50`, value: p50, unit: 'ms' },
        { name: `${kind}.check.p99`, value: p99, unit: 'ms' },
      );
    }
    return figures;
  },
};
