/**
 * `npm run train:safeguards`: generate the safeguards training prompts
 * (templates × vocabularies, multilingual and jailbreak-wrapped variants),
 * add the hand-written ones, train the classifier heads, and write
 *   training/safeguards/generated.jsonl   the generated prompts (inspectable)
 *   models/safeguards-text.json           the model
 * Deterministic: fixed seeds and no wall clock (`--created=YYYY-MM-DD` fills
 * the date field, otherwise null), so the same data gives the same bytes.
 * Prints the internal held-out figures (templates never seen in training).
 * The dev set in ../shared is never read here.
 *
 * Options: --created=YYYY-MM-DD  --out=DIR (default models/)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodeSparseWeights } from '../src/platform/engine-kit/model/weight-codec.js';
import { classifyPrompt } from '../src/safeguards/engine/classify-prompt.js';
import { DEFAULT_FEATURES, DENSE_FEATURES } from '../src/safeguards/engine/featurize-prompt.js';
import type { SafeguardsModel } from '../src/safeguards/engine/index.js';
import { loadSafeguardsModel } from '../src/safeguards/engine/model/load-model.js';
import {
  type ModelHeadFile,
  SAFEGUARDS_MODEL_FORMAT,
  SAFEGUARDS_MODEL_VERSION,
  type SafeguardsModelFile,
  WEIGHT_ENCODING,
} from '../src/safeguards/engine/model/model-file.js';
import {
  generatePrompts,
  type PromptRecord,
} from '../src/safeguards/engine/training/generate-prompts.js';
import { SAFEGUARDS_FTRL, trainHeads } from '../src/safeguards/engine/training/train-heads.js';
import { type PromptLabel, RISK_CATEGORIES } from '../src/safeguards/engine/types.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const TRAINING_DIR = join(ROOT, 'training', 'safeguards');
export const MODEL_FILE = 'safeguards-text.json';

const LABELS: readonly string[] = [...RISK_CATEGORIES, 'benign'];

/** The hand-written prompts; every fourth one is held out. */
export function readHandwritten(): PromptRecord[] {
  const lines = readFileSync(join(TRAINING_DIR, 'handwritten.jsonl'), 'utf8').split('\n');
  const out: PromptRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const r = JSON.parse(line) as { id: string; text: string; label: string; defensive: boolean };
    if (!LABELS.includes(r.label) || typeof r.text !== 'string')
      throw new Error(`handwritten.jsonl:${i + 1}: bad record`);
    out.push({
      id: r.id,
      input: { text: r.text },
      label: r.label as PromptLabel,
      defensive: r.defensive === true,
      split: out.length % 4 === 3 ? 'heldout' : 'train',
      source: 'handwritten',
    });
  });
  return out;
}

/** Every prompt, generated and hand-written, in a fixed order. */
export function allPrompts(): PromptRecord[] {
  return [...generatePrompts(), ...readHandwritten()];
}

/** Share of `records` whose tier-`tier` decision is in `wanted`. */
export function decisionRate(
  model: SafeguardsModel,
  records: readonly PromptRecord[],
  tier: number,
  wanted: readonly string[],
): number {
  if (records.length === 0) return Number.NaN;
  let hit = 0;
  for (const r of records)
    if (wanted.includes(classifyPrompt(model, r.input, { tier }).decision)) hit += 1;
  return hit / records.length;
}

export function buildModelFile(
  model: SafeguardsModel,
  created: string | null,
  metrics: Record<string, number>,
  counts: Record<string, number>,
): SafeguardsModelFile {
  const dim = (1 << model.features.hashBits) + model.features.dense.length;
  const heads: ModelHeadFile[] = model.heads.map((h) => {
    const { count, data } = encodeSparseWeights(h.weights);
    return {
      id: h.id,
      bias: Math.round(h.bias * 1e6) / 1e6,
      weights: { encoding: WEIGHT_ENCODING, dim, count, data },
    };
  });
  return {
    format: SAFEGUARDS_MODEL_FORMAT,
    formatVersion: SAFEGUARDS_MODEL_VERSION,
    name: 'safeguards-text',
    version: '1',
    created,
    description:
      'Cyber-misuse prompt classifier: hashed word and character n-grams plus named cues, one FTRL logistic head per category.',
    features: {
      hashBits: model.features.hashBits,
      charMin: model.features.charMin,
      charMax: model.features.charMax,
      maxTokens: model.features.maxTokens,
      dense: DENSE_FEATURES,
    },
    heads,
    training: {
      ...counts,
      ftrlAlpha: SAFEGUARDS_FTRL.alpha,
      ftrlL1: SAFEGUARDS_FTRL.l1,
      ftrlEpochs: SAFEGUARDS_FTRL.epochs,
      seed: SAFEGUARDS_FTRL.seed,
    },
    metrics,
  };
}

/** Train from the prompts and return the model file (what the committed file must equal). */
export function trainSafeguards(created: string | null = null): {
  file: SafeguardsModelFile;
  prompts: PromptRecord[];
} {
  const prompts = allPrompts();
  const train = prompts.filter((p) => p.split === 'train');
  const heldout = prompts.filter((p) => p.split === 'heldout');
  const trained = trainHeads(train, DEFAULT_FEATURES);
  // Measure the weights as shipped (half precision): round-trip through the file format.
  const draft = buildModelFile(trained, created, {}, {});
  const loaded = loadSafeguardsModel(JSON.parse(JSON.stringify(draft)) as unknown);
  if (!loaded.ok) throw new Error(loaded.error);
  const mal = heldout.filter((p) => p.label !== 'benign');
  const ben = heldout.filter((p) => p.label === 'benign');
  const metrics: Record<string, number> = {
    heldout_malicious_friction_or_block_t0: decisionRate(loaded.model, mal, 0, [
      'friction',
      'block',
    ]),
    heldout_benign_allow_or_monitor_t0: decisionRate(loaded.model, ben, 0, ['allow', 'monitor']),
    heldout_benign_allow_or_monitor_t3: decisionRate(loaded.model, ben, 3, ['allow', 'monitor']),
    train_malicious_friction_or_block_t0: decisionRate(
      loaded.model,
      train.filter((p) => p.label !== 'benign'),
      0,
      ['friction', 'block'],
    ),
    train_benign_allow_or_monitor_t0: decisionRate(
      loaded.model,
      train.filter((p) => p.label === 'benign'),
      0,
      ['allow', 'monitor'],
    ),
  };
  for (const k of Object.keys(metrics))
    metrics[k] = Math.round((metrics[k] as number) * 10000) / 10000;
  const counts = {
    prompts: prompts.length,
    train: train.length,
    heldout: heldout.length,
    heldoutMalicious: mal.length,
    heldoutBenign: ben.length,
  };
  return { file: buildModelFile(trained, created, metrics, counts), prompts };
}

function main(): void {
  const args = new Map(
    process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
  );
  const created = args.get('created') ?? null;
  const outDir = resolve(ROOT, args.get('out') ?? 'models');
  const { file, prompts } = trainSafeguards(created);
  mkdirSync(TRAINING_DIR, { recursive: true });
  writeFileSync(
    join(TRAINING_DIR, 'generated.jsonl'),
    `${prompts
      .filter((p) => p.source !== 'handwritten')
      .map((p) =>
        JSON.stringify({
          id: p.id,
          ...p.input,
          label: p.label,
          defensive: p.defensive,
          split: p.split,
          source: p.source,
        }),
      )
      .join('\n')}\n`,
  );
  mkdirSync(outDir, { recursive: true });
  const text = `${JSON.stringify(file)}\n`;
  writeFileSync(join(outDir, MODEL_FILE), text);
  process.stdout.write(`model: ${join(outDir, MODEL_FILE)} (${text.length} bytes)\n`);
  for (const [k, v] of Object.entries(file.training)) process.stdout.write(`training.${k}: ${v}\n`);
  for (const [k, v] of Object.entries(file.metrics)) process.stdout.write(`${k}: ${v}\n`);
  for (const h of file.heads) process.stdout.write(`head.${h.id}.nonzero: ${h.weights.count}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
