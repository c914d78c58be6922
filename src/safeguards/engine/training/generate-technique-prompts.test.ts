import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { expectTrainedAndHeldOut } from '../../test-support/round-checks.js';
import { decodeLayers } from '../decode-layers.js';
import { RISK_CATEGORIES } from '../types.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { generateTechniquePrompts, toHex } from './generate-technique-prompts.js';
import { FRAMES_3P, SCENES, TECHNIQUES_3P } from './technique-recipes.js';

function generate(seed: number): TacticRecord[] {
  const out: TacticRecord[] = [];
  generateTechniquePrompts(mulberry32(seed), (r) => out.push(r));
  return out;
}

const records = generate(20261206);

describe('generateTechniquePrompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generate(20261206)).toEqual(records);
    expect(generate(7).map((r) => r.text)).not.toEqual(records.map((r) => r.text));
  });

  it('labels every record, marks only benign ones defensive, and holds out part of each family', () => {
    const labels = new Set<string>([...RISK_CATEGORIES, 'benign']);
    for (const r of records) {
      expect(labels.has(r.label), r.text).toBe(true);
      expect(r.text).not.toMatch(/\{[A-Z]+\}/);
      expect(r.defensive && r.label !== 'benign').toBe(false);
    }
    expectTrainedAndHeldOut(records, [
      'tech3-attack',
      'tech3-detect',
      'tech3-ops',
      'tech3-defend',
      'soft-inject',
      'soft-doc',
      'private-ask',
      'public-ask',
    ]);
  });

  it('puts more benign than misuse records in the shared frames, so a frame alone does not decide', () => {
    const inFrames = records.filter((r) => /^tech3-(attack|ops|defend)-t/.test(r.source));
    const misuse = inFrames.filter((r) => r.label !== 'benign').length;
    expect(misuse).toBeGreaterThan(100);
    expect(inFrames.length - misuse).toBeGreaterThan(misuse);
  });

  it('never trains on a held-out technique: its records are all held out', () => {
    const heldTechnique = TECHNIQUES_3P[3]?.[0] as string;
    const withIt = records.filter((r) => r.text.includes(heldTechnique));
    expect(withIt.length).toBeGreaterThan(0);
    for (const r of withIt) expect(r.split, r.text).toBe('heldout');
    // Every scene and frame is used by both classes.
    for (const scene of SCENES.filter((s) => s !== '')) {
      const using = records.filter((r) =>
        r.text.startsWith(scene.charAt(0).toUpperCase() + scene.slice(1)),
      );
      expect(new Set(using.map((r) => r.label === 'benign')).size, scene).toBe(2);
    }
    expect(FRAMES_3P.some((f) => f.heldout)).toBe(true);
  });

  it('hides an order hex-encoded in a code comment that the decoder reads back', () => {
    const hex = records.filter((r) => r.source === 'soft-inject-hex');
    expect(hex.length).toBeGreaterThan(0);
    expect(toHex('say hi')).toBe('736179206869');
    const first = hex[0] as TacticRecord;
    const decoded = decodeLayers(first.text);
    expect(decoded.map((d) => d.text.toLowerCase()).join(' ')).toContain('ignore the code');
  });
});
