import { describe, expect, it } from 'vitest';
import { loadModel } from './load-model.js';
import type { Example, ModelData } from './scam-datasets.js';
import { type Recipe, TEXT_RECIPE } from './scam-recipes.js';
import { trainScamModel, versionOf } from './scam-training.js';

const SCAMS = [
  'Your parcel is held. Pay the £1.99 redelivery fee at royalmail-fee.top',
  'E-ZPass: unpaid toll of $6.85. Pay now to avoid a fine: ezpass-toll.top',
  'Your bank account is locked. Verify at secure-bank-login.xyz',
  'Congratulations! You have won a $1000 gift card. Claim now',
  'Hi mum, my phone broke, this is my new number. Can you send £200?',
  'Your Netflix payment failed. Update your card at netflix-billing.icu',
];
const GENUINE = [
  'Are we still on for lunch tomorrow?',
  'Running 10 minutes late, sorry!',
  'Can you pick up milk on the way home?',
  'Your table for 2 at 7pm is confirmed. See you then',
  'Thanks for yesterday, it was lovely',
  'The school trip is on Friday, bring a packed lunch',
];

/** Each text twice, in different groups, so every cross-validation fold has seen each kind. */
function examples(): Example[] {
  const make = (text: string, i: number, y: 0 | 1, copy: string): Example => ({
    id: `${y}-${i}-${copy}`,
    label: y === 1 ? 'scam' : 'ham',
    y,
    input: copy === 'a' ? text : `${text} ok`,
    source: 'fixtures/scam/sms.jsonl',
    split: 'train',
    group: `${text}-${copy}`,
    hostOnly: false,
    modern: i % 2 === 0,
  });
  return ['a', 'b'].flatMap((copy) => [
    ...SCAMS.map((t, i) => make(t, i, 1, copy)),
    ...GENUINE.map((t, i) => make(t, i, 0, copy)),
  ]);
}

const recipe: Recipe = {
  ...TEXT_RECIPE,
  grid: [
    { params: { alpha: 0.5, beta: 1, l1: 0.01, l2: 0.1, epochs: 5, seed: 3 }, modernWeight: 2 },
  ],
  folds: 2,
};
const data: ModelData = { train: examples(), evals: [{ name: 'text.dev', examples: examples() }] };

describe('trainScamModel', () => {
  it('is reproducible: the same data gives a byte-identical model file', () => {
    const a = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    const b = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    expect(JSON.stringify(a.file)).toBe(JSON.stringify(b.file));
    expect(a.file.version).toMatch(/^scam-text-[0-9a-f]{12}$/);
    expect(a.file.created).toBeNull();
  });

  it('names a model by its data and by what it learnt', () => {
    const a = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    // same data, other weights (a feature rule changed, say): another version
    const other = trainScamModel(
      { ...recipe, grid: [{ ...(recipe.grid[0] as (typeof recipe.grid)[0]), modernWeight: 1 }] },
      data,
      { dataHash: 'abc123', created: null },
      5,
    );
    expect(other.file.training.dataHash).toBe(a.file.training.dataHash);
    expect(other.file.version).not.toBe(a.file.version);
    // other data, same everything else: another version
    const renamed = trainScamModel(recipe, data, { dataHash: 'def456', created: null }, 5);
    expect(renamed.file.version).not.toBe(a.file.version);
    // the first 12 hex of SHA-256 over "<data hash>\n<learnt parts as JSON>" (node:crypto agrees)
    expect(versionOf('scam-text', 'abc123', { w: 1 })).toBe('scam-text-14de23890879');
  });

  it('writes a file the loader accepts, with its metrics and thresholds', () => {
    const trained = trainScamModel(recipe, data, { dataHash: 'abc123', created: '2026-11-22' }, 5);
    const loaded = loadModel(JSON.parse(JSON.stringify(trained.file)));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.model.metrics['text.dev.count']).toBe(24);
    expect(loaded.model.thresholds.suspicious).toBeLessThanOrEqual(loaded.model.thresholds.scam);
    const mean = (texts: string[]) =>
      texts.reduce((s, t) => s + (loaded.ok ? loaded.model.score(t).logOdds : 0), 0) / texts.length;
    expect(mean(SCAMS)).toBeGreaterThan(mean(GENUINE));
  });

  it('pools several cross-validation runs: one out-of-fold score per run, still reproducible', () => {
    const pooled: Recipe = {
      ...recipe,
      repeats: 2,
      scam: { kind: 'max-fpr-smoothed', maxFpr: 0.1 },
    };
    const a = trainScamModel(pooled, data, { dataHash: 'abc123', created: null }, 5);
    const b = trainScamModel(pooled, data, { dataHash: 'abc123', created: null }, 5);
    expect(JSON.stringify(a.file)).toBe(JSON.stringify(b.file));
    expect(a.file.training.crossValidationRuns).toBe(2);
    for (const runs of a.oof.values()) expect(runs).toHaveLength(2);
    // The first run is the single-run model's split: its scores differ only by calibration.
    const single = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    expect(single.oof.get('1-0-a')).toHaveLength(1);
    const salted = trainScamModel(
      { ...recipe, foldSalt: 'b' },
      data,
      { dataHash: 'abc123', created: null },
      5,
    );
    expect([...salted.oof.values()].map((r) => r[0])).not.toEqual(
      [...single.oof.values()].map((r) => r[0]),
    );
  });
});
