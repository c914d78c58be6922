import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { RISK_CATEGORIES } from '../types.js';
import { generateIntentPrompts } from './generate-intent-prompts.js';
import type { TacticRecord } from './generate-tactic-prompts.js';

function generate(seed: number): TacticRecord[] {
  const out: TacticRecord[] = [];
  generateIntentPrompts(mulberry32(seed), (r) => out.push(r));
  return out;
}

const records = generate(20261206);

describe('generateIntentPrompts', () => {
  it('is deterministic for a seed', () => {
    expect(generate(20261206)).toEqual(records);
  });

  it('gives every family known labels and both train and held-out records', () => {
    const labels = new Set<string>([...RISK_CATEGORIES, 'benign']);
    for (const r of records) {
      expect(labels.has(r.label), r.text).toBe(true);
      expect(r.text).not.toMatch(/\{[A-Z]+\}/);
    }
    for (const source of [
      'intent-build',
      'intent-guard',
      'intent-spec',
      'intent-es-build',
      'intent-spec-req',
      'intent-build-req',
      'intent-message',
      'intent-message-ok',
    ]) {
      const family = records.filter((r) => r.source === source);
      expect(
        family.some((r) => r.split === 'train'),
        source,
      ).toBe(true);
      expect(
        family.some((r) => r.split === 'heldout'),
        source,
      ).toBe(true);
    }
  });

  it('asks for each technique as misuse and guards against it as benign work', () => {
    const build = records.filter((r) => r.source === 'intent-build');
    const guard = records.filter((r) => r.source === 'intent-guard');
    expect(build.every((r) => r.label !== 'benign')).toBe(true);
    expect(guard.every((r) => r.label === 'benign' && r.defensive)).toBe(true);
  });

  it('gives ruled-out harms to benign specs and hidden attacks to misuse, in the same frames', () => {
    const safe = records.filter((r) => r.source === 'intent-spec-req');
    const evasive = records.filter((r) => r.source === 'intent-build-req');
    expect(safe.length).toBeGreaterThan(10);
    expect(safe.every((r) => r.label === 'benign' && r.defensive)).toBe(true);
    expect(evasive.length).toBeGreaterThan(10);
    expect(evasive.every((r) => r.label !== 'benign')).toBe(true);
    const honest = records.filter((r) => r.source === 'intent-message-ok');
    const deceptive = records.filter((r) => r.source === 'intent-message');
    expect(honest.every((r) => r.label === 'benign')).toBe(true);
    expect(deceptive.every((r) => r.label === 'credential_theft_phishing')).toBe(true);
  });
});
