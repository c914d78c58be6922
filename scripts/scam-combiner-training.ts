/**
 * Fit the checker's combiner (models/scam-combiner.json) after the three
 * models are trained: for each training example the checker's raw signals,
 * with the kind's model term replaced by its out-of-fold log-odds. Only
 * examples the models could train on have out-of-fold scores, so the licence
 * rule (phishing_pot never trains) holds here too.
 */

import { createHash } from 'node:crypto';
import { COMBINER_FORMAT, type CombinerFile } from '../src/protect/engine/check/combiner-file.js';
import { type CombinerRow, fitCombinerKind } from '../src/protect/engine/check/fit-combiner.js';
import { EMAIL_SIGNAL_CODES_KEEP_PRIOR } from '../src/protect/engine/email/index.js';
import { createScamChecker, DEFAULT_COMBINER } from '../src/protect/engine/index.js';
import { evaluateSet, formatMetric } from '../src/protect/engine/model/evaluate.js';
import type { ModelData } from '../src/protect/engine/model/scam-datasets.js';
import { EMAIL_RECIPE, TEXT_RECIPE, URL_RECIPE } from '../src/protect/engine/model/scam-recipes.js';
import { applyRule } from '../src/protect/engine/model/train-pipeline.js';
import type { CheckInput, MessageKind } from '../src/protect/engine/types.js';
import { trainEmailItems } from './scam-checker-sets.js';

/** Out-of-fold log-odds by id, one per cross-validation run of the model. */
export interface OofScores {
  readonly text: ReadonlyMap<string, readonly number[]>;
  readonly email: ReadonlyMap<string, readonly number[]>;
  readonly url: ReadonlyMap<string, readonly number[]>;
}

interface Labelled {
  readonly id: string;
  readonly label: string;
  readonly y: 0 | 1;
  readonly modern: boolean;
  readonly input: CheckInput;
}

/** Modern fixtures are few but are what the checker will meet: they count this much more. */
const MODERN_WEIGHT = 3;
/** Every rule keeps at least this share of its hand-set prior (see FitOptions.minPriorShare). */
const MIN_PRIOR_SHARE = 0.25;

/**
 * What on the public corpora tells how a list was compiled, not honest from dishonest. Those
 * rules are fitted on the modern fixtures alone, which have both sides of each.
 *
 * `strip`: the rule is left out of the public rows, which are otherwise ordinary examples. The
 * public URL lists' benign side was written `https://host/` by its compilers, so "no https" fires
 * on phishing only there: fitted on them it reached +4.3 log-odds and called a home router's page
 * a scam (the URL model leaves its scheme features at zero on the same rows).
 *
 * `dropRows`: the public rows where the rule fires are left out altogether. A host that appears as
 * phishing is never also listed as benign (data README), so services that carry honest and
 * dishonest links alike — shorteners, user pages, free hosting, proxies — are on the phishing side
 * only: fitted there, "shortened link" reached +7.6 log-odds (a bare bit.ly link was a certain
 * scam on that alone). Only stripping the rule left 1,100 bit.ly-style rows for the bias to
 * explain (their out-of-fold model term never saw the host): dev calibration error rose from 0.011
 * to 0.045, so the rows go too.
 */
const LIST_ARTEFACTS: Readonly<
  Partial<Record<MessageKind, { strip: readonly string[]; dropRows: readonly string[] }>>
> = {
  url: {
    strip: ['url.no_https'],
    dropRows: ['url.shortener', 'url.user_content', 'url.shared_hosting', 'url.proxy_host'],
  },
};

/** A public row's rules without the stripped artefacts, or null when the row is left out. */
function withoutArtefacts(
  kind: MessageKind,
  modern: boolean,
  priors: Readonly<Record<string, number>>,
): Readonly<Record<string, number>> | null {
  const artefacts = modern ? undefined : LIST_ARTEFACTS[kind];
  if (artefacts === undefined) return priors;
  if (artefacts.dropRows.some((c) => c in priors)) return null;
  if (!artefacts.strip.some((c) => c in priors)) return priors;
  return Object.fromEntries(Object.entries(priors).filter(([c]) => !artefacts.strip.includes(c)));
}

export function fitCombiner(
  modelFiles: Readonly<Record<string, unknown>>,
  data: { text: ModelData; url: ModelData },
  oof: OofScores,
  meta: { dataHash: string; created: string | null },
): CombinerFile {
  const checker = createScamChecker({ models: modelFiles });
  const sets: Record<
    'sms' | 'email' | 'url',
    { items: Labelled[]; oof: ReadonlyMap<string, readonly number[]> }
  > = {
    sms: {
      oof: oof.text,
      items: data.text.train.map((e) => ({ ...e, input: { kind: 'sms', content: e.input } })),
    },
    url: {
      oof: oof.url,
      items: data.url.train.map((e) => ({ ...e, input: { kind: 'url', content: e.input } })),
    },
    email: {
      oof: oof.email,
      items: trainEmailItems().map((e) => ({
        ...e,
        y: e.label === 'ham' ? 0 : 1,
      })),
    },
  };
  const rules = { sms: TEXT_RECIPE, email: EMAIL_RECIPE, url: URL_RECIPE };
  const kinds = { ...DEFAULT_COMBINER.kinds };
  const metrics: Record<string, number> = {};
  const training: Record<string, unknown> = {
    dataHash: meta.dataHash,
    modernWeight: MODERN_WEIGHT,
    minPriorShare: MIN_PRIOR_SHARE,
  };
  for (const kind of ['sms', 'email', 'url'] as const satisfies readonly MessageKind[]) {
    // One row per item and cross-validation run (weights shared out over the runs), so the
    // thresholds see the model term's spread between fold splits, not one split's luck.
    const rows: CombinerRow[] = [];
    const labels: string[] = [];
    const modern: boolean[] = [];
    const firstRun: boolean[] = [];
    for (const item of sets[kind].items) {
      const runs = sets[kind].oof.get(item.id);
      if (runs === undefined) continue; // not trainable (licence) or not in the model's training set
      const { features } = checker.analyse(item.input);
      const priors = withoutArtefacts(kind, item.modern, features.priors);
      if (priors === null) continue;
      runs.forEach((model, r) => {
        rows.push({
          y: item.y,
          weight: (item.modern ? MODERN_WEIGHT : 1) / runs.length,
          model,
          link: features.link,
          priors,
        });
        labels.push(item.label);
        modern.push(item.modern);
        firstRun.push(r === 0);
      });
    }
    const fitted = fitCombinerKind(rows, {
      start: DEFAULT_COMBINER.kinds[kind],
      keepPrior: new Set<string>(EMAIL_SIGNAL_CODES_KEEP_PRIOR),
      ruleSigma: 1,
      steps: 1500,
      minPriorShare: MIN_PRIOR_SHARE,
    });
    const y = rows.map((r) => r.y);
    const scam = applyRule(rules[kind].scam, fitted.scores, y);
    const suspicious = Math.min(scam, applyRule(rules[kind].suspicious, fitted.scores, y));
    kinds[kind] = { ...fitted.kind, thresholds: { suspicious, scam }, weights: fitted.weights };
    const inFirst = (keep: (i: number) => boolean) =>
      firstRun.flatMap((first, i) => (first && keep(i) ? [i] : []));
    const first = inFirst(() => true);
    training[`${kind}.rows`] = first.length;
    for (const f of evaluateSet(
      {
        name: `checker.${kind}.train`,
        scores: Float64Array.from(first, (i) => fitted.scores[i] ?? 0),
        labels: first.map((i) => labels[i] ?? ''),
      },
      { suspicious, scam },
    )) {
      metrics[f.name] = Math.round(f.value * 1e5) / 1e5;
      process.stdout.write(`${formatMetric(f)}\n`);
    }
    // The same figures on the public corpora and on the modern fixtures apart (printed only).
    for (const [group, keep] of [
      ['public', false],
      ['modern', true],
    ] as const) {
      const at = inFirst((i) => modern[i] === keep);
      const set = {
        name: `checker.${kind}.train_${group}`,
        scores: Float64Array.from(at, (i) => fitted.scores[i] ?? 0),
        labels: at.map((i) => labels[i] ?? ''),
      };
      for (const f of evaluateSet(set, { suspicious, scam })) {
        if (/\.(count|recall|fpr|f1)$/.test(f.name)) process.stdout.write(`${formatMetric(f)}\n`);
      }
    }
  }
  return {
    format: COMBINER_FORMAT,
    formatVersion: 1,
    // Named by what it learnt from and what it learnt, so a change in either shows in results.
    version: `scam-combiner-${createHash('sha256')
      .update(`${meta.dataHash}\n${JSON.stringify(kinds)}`)
      .digest('hex')
      .slice(0, 12)}`,
    created: meta.created,
    kinds,
    training,
    metrics,
  };
}
