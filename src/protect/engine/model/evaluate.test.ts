import { describe, expect, it } from 'vitest';
import { evaluateSet, formatMetric } from './evaluate.js';

describe('evaluateSet', () => {
  const set = {
    name: 'email.dev',
    scores: [0.99, 0.8, 0.4, 0.95, 0.1, 0.6, 0.05, 0.02],
    labels: ['phishing', 'phishing', 'phishing', 'spam', 'spam', 'ham', 'ham', 'ham'],
  };
  const figures = evaluateSet(set, { suspicious: 0.5, scam: 0.9 });
  const value = (name: string) => figures.find((f) => f.name === name)?.value;

  it('reports recall per positive label and false positives at both thresholds', () => {
    expect(value('email.dev.count')).toBe(8);
    expect(value('email.dev.recall')).toBeCloseTo(2 / 5);
    expect(value('email.dev.recall_phishing')).toBeCloseTo(1 / 3);
    expect(value('email.dev.recall_spam')).toBeCloseTo(1 / 2);
    expect(value('email.dev.fpr')).toBe(0);
    expect(value('email.dev.recall@suspicious')).toBeCloseTo(3 / 5);
    expect(value('email.dev.fpr@suspicious')).toBeCloseTo(1 / 3);
  });

  it('leaves out per-label figures that would repeat the overall ones', () => {
    expect(value('email.dev.fpr_ham')).toBeUndefined();
  });

  it('prints one figure per line in the bench format', () => {
    expect(formatMetric({ name: 'email.dev.recall', value: 0.4, unit: 'ratio' })).toBe(
      'email.dev.recall: 0.4000 ratio',
    );
    expect(formatMetric({ name: 'email.dev.count', value: 8, unit: 'items' })).toBe(
      'email.dev.count: 8 items',
    );
  });
});
