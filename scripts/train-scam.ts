/**
 * `npm run train:scam`: train the scam checker's on-device models from
 * ../shared/data/scam and fixtures/scam and write them to models/:
 *   scam-text.json   short messages (SMS, chat)
 *   scam-email.json  email content (subject + body as the email engine reads it)
 *   scam-url.json    web addresses
 * Deterministic: fixed seeds and no wall clock (`--created=YYYY-MM-DD` fills
 * the date field, which is otherwise null), so the same data gives the same
 * bytes. Prints every quality figure and the 50 strongest features each way,
 * and exits non-zero when a strong feature looks like data leakage.
 *
 * Options: --only=text,email,url,combiner   --created=YYYY-MM-DD   --out=DIR
 *          --fold-salt=S   --repeats=N   --dev   --nb
 * (`--only=combiner` refits the combiner alone from the cached out-of-fold scores;
 * `--fold-salt` trains on another cross-validation split of the same data, to
 * measure how far thresholds and figures swing between retrainings, and
 * `--repeats` overrides the recipes' number of pooled cross-validation runs —
 * write such models elsewhere with `--out`; `--dev` then prints the whole checker's
 * email figures on the dev split and the modern fixtures, read from `--out`;
 * `--nb` adds naive-Bayes log-count-ratio scaled candidates (TEXT_NB) to the text
 * grid, an experiment not in the shipped recipe — write it elsewhere with `--out`)
 * The pure work lives in src/protect/engine/model/; this file reads and writes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { emailText, parseEmail } from '../src/protect/engine/email/index.js';
import { createScamChecker } from '../src/protect/engine/index.js';
import { evaluateSet, formatMetric } from '../src/protect/engine/model/evaluate.js';
import type { ModelFile } from '../src/protect/engine/model/model-file.js';
import {
  type EmailRecord,
  emailModelData,
  type ModelData,
  parseRecord,
  type RawRecord,
  textModelData,
  urlModelData,
} from '../src/protect/engine/model/scam-datasets.js';
import {
  EMAIL_RECIPE,
  type Recipe,
  TEXT_NB,
  TEXT_RECIPE,
  URL_RECIPE,
  withNb,
} from '../src/protect/engine/model/scam-recipes.js';
import { type TrainedModel, trainScamModel } from '../src/protect/engine/model/scam-training.js';
import { loadScamModelFiles } from '../src/protect/load-models.js';
import { checkerDevSets } from './scam-checker-sets.js';
import { fitCombiner } from './scam-combiner-training.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const DATA_DIR = resolve(ROOT, '..', 'shared', 'data', 'scam');
export const FIXTURES_DIR = join(ROOT, 'fixtures', 'scam');

function readJsonl(path: string, fixtureFile?: string): RawRecord[] {
  const out: RawRecord[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseRecord(JSON.parse(line) as unknown, fixtureFile);
    if (typeof parsed === 'string') throw new Error(`${path}:${i + 1}: ${parsed}`);
    out.push(parsed);
  });
  return out;
}

/** Subject and content text of each email, read by the email engine (which masks corpus artefacts). */
function readEmails(index: readonly RawRecord[], dir: string): EmailRecord[] {
  return index.map((r) => {
    const parsed = parseEmail(new Uint8Array(readFileSync(join(dir, r.content))));
    return { ...r, text: emailText(parsed), subject: parsed.subject };
  });
}

export interface ScamData {
  readonly text: ModelData;
  readonly email: ModelData;
  readonly url: ModelData;
}

/** Read every data set the models use. Throws a clear error when ../shared is missing. */
export function loadScamData(
  kinds: readonly string[] = ['text', 'email', 'url'],
): Partial<ScamData> {
  if (!existsSync(join(DATA_DIR, 'README.md'))) {
    throw new Error(
      `training data not found at ${DATA_DIR}: the scam data set lives in ../shared/data/scam next to this repository`,
    );
  }
  const sms = readJsonl(join(DATA_DIR, 'sms.jsonl'));
  const fixture = (file: string) =>
    existsSync(join(FIXTURES_DIR, file)) ? readJsonl(join(FIXTURES_DIR, file), file) : [];
  const data: { text?: ModelData; email?: ModelData; url?: ModelData } = {};
  if (kinds.includes('text')) data.text = textModelData(sms, fixture('sms.jsonl'));
  if (kinds.includes('email')) {
    const emails = readEmails(readJsonl(join(DATA_DIR, 'email.jsonl')), DATA_DIR);
    const fixtures = readEmails(fixture('email.jsonl'), FIXTURES_DIR);
    data.email = emailModelData(emails, fixtures, sms.concat(fixture('sms.jsonl')));
  }
  if (kinds.includes('url'))
    data.url = urlModelData(readJsonl(join(DATA_DIR, 'url.jsonl')), fixture('url.jsonl'));
  return data;
}

/** SHA-256 over what the model learns from, in a fixed order: the version names the data. */
function dataHash(data: ModelData): string {
  const h = createHash('sha256');
  for (const e of [...data.train].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    h.update(`${e.id}\t${e.label}\t${e.hostOnly ? 'host' : 'full'}\t${e.input}\n`);
  }
  return h.digest('hex');
}

/** The combiner is fitted on all three models' data: its version names all three. */
function combinedHash(files: readonly ModelFile[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(`${String(f.training.dataHash)}\n`);
  return h.digest('hex');
}

/**
 * Out-of-fold scores are only known while a model trains. They are cached
 * (with the model version they belong to) so `--only=combiner` can refit the
 * combiner in a minute instead of retraining every model.
 */
const OOF_CACHE = join(ROOT, '.cache', 'scam-training');

interface Part {
  readonly file: ModelFile;
  readonly oof: ReadonlyMap<string, readonly number[]>;
}

function saveOof(fileName: string, model: TrainedModel): void {
  mkdirSync(OOF_CACHE, { recursive: true });
  const body = { version: model.file.version, oof: Object.fromEntries(model.oof) };
  writeFileSync(join(OOF_CACHE, `${fileName}.oof.json`), JSON.stringify(body));
}

function trainedOrCached(fileName: string, model: TrainedModel | undefined, dir: string): Part {
  if (model !== undefined) return { file: model.file, oof: model.oof };
  const file = JSON.parse(readFileSync(join(dir, fileName), 'utf8')) as ModelFile;
  const cachePath = join(OOF_CACHE, `${fileName}.oof.json`);
  if (!existsSync(cachePath)) {
    throw new Error(
      `no out-of-fold scores cached for ${fileName}: train it first (npm run train:scam)`,
    );
  }
  const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as {
    version: string;
    // One number per id in caches written before cross-validation runs were pooled.
    oof: Record<string, number | number[]>;
  };
  if (cached.version !== file.version) {
    throw new Error(
      `${cachePath} belongs to ${cached.version}, not ${file.version}: retrain ${fileName}`,
    );
  }
  const oof = new Map<string, readonly number[]>();
  for (const [id, v] of Object.entries(cached.oof)) oof.set(id, typeof v === 'number' ? [v] : v);
  return { file, oof };
}

function report(model: TrainedModel): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`# ${model.file.name} ${model.file.version}`);
  for (const g of model.grid) {
    out(
      `grid alpha=${g.params.alpha} l1=${g.params.l1} modern_weight=${g.modernWeight}${g.nb === undefined ? '' : ` nb_alpha=${g.nb.alpha} nb_binarize=${g.nb.binarize} nb_beta=${g.nb.beta}`} oof_logloss=${g.oofLogLoss.toFixed(4)}`,
    );
  }
  out(`weights: ${model.file.weights.count} non-zero of ${model.file.weights.dim}`);
  out(
    `thresholds: suspicious=${model.file.thresholds.suspicious.toFixed(4)} scam=${model.file.thresholds.scam.toFixed(4)}`,
  );
  for (const f of model.figures) out(formatMetric(f));
  if (model.dense.length > 0) {
    out('dense features:');
    for (const d of model.dense) out(`  ${d.weight.toFixed(3)}  ${d.name}`);
  }
  for (const [side, list] of [
    ['+', model.top.positive],
    ['-', model.top.negative],
  ] as const) {
    out(`top ${side} features:`);
    for (const f of list) {
      out(
        `  ${f.weight.toFixed(3)}  ${f.texts.map((t) => `${JSON.stringify(t.text)}×${t.count}`).join('  ')}`,
      );
    }
  }
}

/**
 * Lay the model files out as the repository's formatter does, so `npm run
 * lint` passes on them. Deterministic; skipped when Biome is not installed.
 */
function formatLikeRepository(paths: readonly string[]): void {
  const biome = join(ROOT, 'node_modules', '.bin', 'biome');
  if (paths.length === 0 || !existsSync(biome)) return;
  try {
    execFileSync(biome, ['format', '--write', ...paths], { cwd: ROOT, stdio: 'ignore' });
  } catch {
    // biome.json ignores models/*.json (they are data, not code): nothing to lay out, and
    // a formatter's refusal must not cost the model card its metrics after a long training.
  }
}

const CARD_BEGIN = '<!-- metrics:begin (written by npm run train:scam) -->';
const CARD_END = '<!-- metrics:end -->';

/** Rewrite the metrics block of models/scam-model-card.md from the model files now in `dir`. */
function updateModelCard(dir: string): void {
  const cardPath = join(dir, 'scam-model-card.md');
  if (!existsSync(cardPath)) return;
  const card = readFileSync(cardPath, 'utf8');
  const begin = card.indexOf(CARD_BEGIN);
  const end = card.indexOf(CARD_END);
  if (begin < 0 || end < begin) return;
  const lines: string[] = [];
  for (const name of ['scam-text.json', 'scam-email.json', 'scam-url.json']) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    const file = JSON.parse(bytes.toString('utf8')) as ModelFile;
    lines.push(
      `### ${file.name}`,
      '',
      `- version \`${file.version}\`, data hash \`${String(file.training.dataHash)}\``,
      `- ${file.weights.count} non-zero weights of ${file.weights.dim}; file ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`,
      `- thresholds: suspicious ≥ ${file.thresholds.suspicious.toFixed(4)}, scam ≥ ${file.thresholds.scam.toFixed(4)}`,
      `- chosen: alpha ${String(file.training.alpha)}, L1 ${String(file.training.l1)}, L2 ${String(file.training.l2)}, ${String(file.training.epochs)} epochs, modern weight ${String(file.training.modernWeight)}${file.training.nbAlpha === undefined ? '' : `, naive-Bayes scaling (α ${String(file.training.nbAlpha)}, ${file.training.nbBinarize === true ? 'binarised' : 'value'} counts, β ${String(file.training.nbBeta)})`}`,
      '',
      '```',
      ...Object.entries(file.metrics).map(([k, v]) => `${k}: ${v}`),
      '```',
      '',
    );
  }
  const block = `${CARD_BEGIN}\n\n${lines.join('\n')}${CARD_END}`;
  writeFileSync(cardPath, card.slice(0, begin) + block + card.slice(end + CARD_END.length));
}

/** The whole checker built from the model files in `dir`, at its own verdicts, on the email dev sets. */
function printEmailDevFigures(dir: string): void {
  const checker = createScamChecker({ models: loadScamModelFiles(dir) });
  process.stdout.write(`# ${checker.version} on the email dev sets\n`);
  const value = { scam: 1, suspicious: 0.5, no_signs: 0 } as const;
  for (const set of checkerDevSets()) {
    if (!set.name.startsWith('email.')) continue;
    const scores = set.items.map((i) => value[checker.check(i.input).verdict]);
    const figures = evaluateSet(
      { name: `checker.${set.name}`, scores, labels: set.items.map((i) => i.label) },
      { suspicious: 0.5, scam: 1 },
    );
    for (const f of figures) {
      if (/\.(count|recall|fpr|recall_\w+)(@suspicious)?$/.test(f.name)) {
        process.stdout.write(`${formatMetric(f)}\n`);
      }
    }
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const get = (name: string) =>
    argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const created = get('created') ?? null;
  if (created !== null && !/^\d{4}-\d{2}-\d{2}$/.test(created)) {
    process.stderr.write(`--created must be a date like 2026-11-22, not ${created}\n`);
    return 2;
  }
  const only = (get('only') ?? 'text,email,url').split(',');
  const foldSalt = get('fold-salt');
  const repeats = get('repeats') === undefined ? undefined : Number(get('repeats'));
  if (repeats !== undefined && !(Number.isInteger(repeats) && repeats >= 1)) {
    process.stderr.write(`--repeats must be a whole number of at least 1, not ${get('repeats')}\n`);
    return 2;
  }
  const nb = argv.includes('--nb');
  const outDir = resolve(get('out') ?? join(ROOT, 'models'));
  const data = loadScamData(only);
  const jobs: [Recipe, ModelData | undefined, string][] = [
    [TEXT_RECIPE, data.text, 'scam-text.json'],
    [EMAIL_RECIPE, data.email, 'scam-email.json'],
    [URL_RECIPE, data.url, 'scam-url.json'],
  ];
  let leaked = false;
  const written: string[] = [];
  const trained: Record<string, TrainedModel> = {};
  for (const [recipe, modelData, fileName] of jobs) {
    if (modelData === undefined) continue;
    const started = performance.now();
    const model = trainScamModel(
      {
        ...recipe,
        ...(foldSalt === undefined ? {} : { foldSalt }),
        ...(repeats === undefined ? {} : { repeats }),
        ...(nb && recipe === TEXT_RECIPE ? { grid: withNb(recipe.grid, TEXT_NB) } : {}),
      },
      modelData,
      { dataHash: dataHash(modelData), created },
    );
    trained[fileName] = model;
    report(model);
    process.stdout.write(`trained in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    if (model.leaks.length > 0) {
      leaked = true;
      process.stdout.write(`LEAKAGE in ${recipe.name}: ${model.leaks.join(', ')}\n`);
    }
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, fileName), `${JSON.stringify(model.file, null, 2)}\n`);
    written.push(join(outDir, fileName));
  }
  // An experiment's scores (another split, another number of runs, another grid) carry the shipped model's
  // version: caching them would let a later --only=combiner fit on the wrong scores.
  if (foldSalt === undefined && repeats === undefined && !nb) {
    for (const [fileName, model] of Object.entries(trained)) saveOof(fileName, model);
  } else if (Object.keys(trained).length > 0) {
    process.stdout.write('out-of-fold scores not cached (--fold-salt, --repeats or --nb given)\n');
  }
  const wantCombiner = only.includes('combiner') || Object.keys(trained).length === 3;
  if (wantCombiner) {
    const parts = ['scam-text.json', 'scam-email.json', 'scam-url.json'].map((f) =>
      trainedOrCached(f, trained[f], outDir),
    );
    const [text, email, url] = parts as [Part, Part, Part];
    const sets =
      data.text !== undefined && data.url !== undefined ? data : loadScamData(['text', 'url']);
    process.stdout.write('# scam-combiner\n');
    const started = performance.now();
    const combiner = fitCombiner(
      { text: text.file, email: email.file, url: url.file },
      { text: sets.text as ModelData, url: sets.url as ModelData },
      { text: text.oof, email: email.oof, url: url.oof },
      { dataHash: combinedHash(parts.map((p) => p.file)), created },
    );
    process.stdout.write(`fitted in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    writeFileSync(join(outDir, 'scam-combiner.json'), `${JSON.stringify(combiner, null, 2)}\n`);
    written.push(join(outDir, 'scam-combiner.json'));
  } else {
    process.stdout.write(
      'combiner not refitted: train all three models, or add --only=…,combiner\n',
    );
  }
  formatLikeRepository(written);
  updateModelCard(outDir);
  if (argv.includes('--dev')) printEmailDevFigures(outDir);
  return leaked ? 1 : 0;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  process.exitCode = await main(process.argv.slice(2));
}
