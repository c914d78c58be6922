import { describe, expect, it } from 'vitest';
import { DEFAULT_COMBINER } from './combiner.js';
import { parseCombiner } from './combiner-file.js';
import { type CombinerRow, fitCombinerKind } from './fit-combiner.js';

const start = { bias: 0, modelScale: 1, linkModelScale: 0.4, ruleScale: 1 };

/** Rows where `rule.good` fires on scams only, `rule.noise` on both, and the model is uninformative. */
function rows(n: number): CombinerRow[] {
  const out: CombinerRow[] = [];
  for (let i = 0; i < n; i++) {
    const y = (i % 2) as 0 | 1;
    const priors: Record<string, number> = { 'rule.noise': 2 };
    if (y === 1 && i % 4 === 1) priors['rule.good'] = 0.5;
    if (i % 10 === 0) priors['auth.fixed'] = 3;
    out.push({ y, weight: 1, model: 0, link: 0, priors });
  }
  return out;
}

describe('fitCombinerKind', () => {
  const fitted = fitCombinerKind(rows(400), {
    start,
    keepPrior: new Set(['auth.fixed']),
    ruleSigma: 1,
    steps: 800,
  });

  it('raises a rule that only fires on scams and lowers one that fires on everything', () => {
    expect(fitted.weights['rule.good']).toBeGreaterThan(1);
    expect(fitted.weights['rule.noise']).toBeLessThan(1.5);
  });

  it('never fits a keep-prior rule', () => {
    expect(fitted.weights['auth.fixed']).toBeUndefined();
  });

  it('is deterministic', () => {
    const again = fitCombinerKind(rows(400), {
      start,
      keepPrior: new Set(['auth.fixed']),
      ruleSigma: 1,
      steps: 800,
    });
    expect(again.weights).toEqual(fitted.weights);
    expect(again.kind).toEqual(fitted.kind);
  });

  it('keeps a floor share of each prior when asked (the data alone weakens it more)', () => {
    // `rule.noise` (prior 2) fires on every row, genuine and scam alike: the data weakens it.
    const noiseWeight = (minPriorShare?: number) =>
      fitCombinerKind(rows(400), {
        start,
        keepPrior: new Set(['auth.fixed']),
        ruleSigma: 1,
        steps: 800,
        ...(minPriorShare === undefined ? {} : { minPriorShare }),
      }).weights['rule.noise'] ?? Number.NaN;
    expect(noiseWeight()).toBeLessThan(1.5);
    expect(noiseWeight(0.9)).toBeGreaterThanOrEqual(1.8 - 1e-4);
  });

  it('keeps the prior for a rule it has no evidence about', () => {
    const few = fitCombinerKind(
      [
        { y: 1, weight: 1, model: 2, link: 0, priors: { 'rule.rare': 1.5 } },
        { y: 0, weight: 1, model: -2, link: 0, priors: {} },
      ],
      { start, keepPrior: new Set(), ruleSigma: 0.5, steps: 300 },
    );
    expect(few.weights['rule.rare']).toBeCloseTo(1.5, 0);
  });
});

describe('parseCombiner', () => {
  const good = {
    format: 'shieldwall-scam-combiner',
    formatVersion: 1,
    version: 'scam-combiner-test',
    kinds: DEFAULT_COMBINER.kinds,
  };

  it('accepts a well-formed file', () => {
    expect(parseCombiner(good)).toMatchObject({ version: 'scam-combiner-test' });
  });

  it.each([
    [{ ...good, format: 'x' }, /format/],
    [
      { ...good, kinds: { ...good.kinds, sms: { ...good.kinds.sms, bias: 'x' } } },
      /kinds.sms.bias/,
    ],
    [
      {
        ...good,
        kinds: {
          ...good.kinds,
          url: { ...good.kinds.url, thresholds: { suspicious: 0.9, scam: 0.1 } },
        },
      },
      /thresholds/,
    ],
    [
      {
        ...good,
        kinds: { ...good.kinds, email: { ...good.kinds.email, weights: { a: Number.NaN } } },
      },
      /weights.a/,
    ],
  ])('names what is wrong with a bad file (%#)', (file, message) => {
    expect(parseCombiner(file)).toMatch(message);
  });
});

describe('fitCombinerKind signs', () => {
  it('weakens a rule the data contradicts to zero, never past it', () => {
    // `rule.backwards` (prior +1) fires only on genuine rows.
    const data: CombinerRow[] = Array.from({ length: 300 }, (_, i): CombinerRow => {
      const y = (i % 2) as 0 | 1;
      const priors: Record<string, number> = y === 0 ? { 'rule.backwards': 1 } : {};
      return {
        y,
        weight: 1,
        model: y === 1 ? 1 : -1,
        link: 0,
        priors,
      };
    });
    const fitted = fitCombinerKind(data, { start, keepPrior: new Set(), ruleSigma: 2, steps: 600 });
    expect(fitted.weights['rule.backwards']).toBe(0);
  });
});
