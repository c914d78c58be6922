import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { generateEverydayPrompts } from './generate-everyday-prompts.js';
import type { TacticRecord } from './generate-tactic-prompts.js';

function generate(seed: number): TacticRecord[] {
  const out: TacticRecord[] = [];
  generateEverydayPrompts(mulberry32(seed), (r) => out.push(r));
  return out;
}

const records = generate(20261206);

describe('generateEverydayPrompts', () => {
  it('is deterministic for a seed', () => {
    expect(generate(20261206)).toEqual(records);
  });

  it('fills every slot and labels everything benign, not defensive', () => {
    expect(records.length).toBeGreaterThan(400);
    for (const r of records) {
      expect(r.text).not.toMatch(/\{[A-Z]+\}/);
      expect(r.label).toBe('benign');
      expect(r.defensive).toBe(false);
    }
  });

  it('holds out whole topics and frames, in English and Spanish', () => {
    for (const source of ['everyday-thing', 'everyday-do', 'everyday-make', 'everyday-es-do']) {
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

  // The screen test and the model card quote these prompts: they must stay unseen.
  it('never contains the prompts the tests use as unseen everyday questions', () => {
    for (const r of records) expect(r.text).not.toMatch(/sourdough|\bbak(e|ing)\b|\bperu\b/i);
  });
});
