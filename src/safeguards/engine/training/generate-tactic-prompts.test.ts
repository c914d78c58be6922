import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { expectTrainedAndHeldOut, family } from '../../test-support/round-checks.js';
import { RISK_CATEGORIES } from '../types.js';
import { generateTacticPrompts, type TacticRecord } from './generate-tactic-prompts.js';
import { INJECTED_ORDERS } from './interpreter-injection-recipes.js';
import { ATTACK_BEHAVIOURS, DEFENSE_BEHAVIOURS } from './tactic-recipes.js';

function generate(seed: number): TacticRecord[] {
  const out: TacticRecord[] = [];
  generateTacticPrompts(mulberry32(seed), (r) => out.push(r));
  return out;
}

const records = generate(20261206);

describe('generateTacticPrompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expect(generate(20261206)).toEqual(records);
    expect(generate(7).map((r) => r.text)).not.toEqual(records.map((r) => r.text));
  });

  it('labels every record with a known label, and each family has train and held-out records', () => {
    const labels = new Set<string>([...RISK_CATEGORIES, 'benign']);
    for (const r of records) {
      expect(labels.has(r.label), r.text).toBe(true);
      expect(r.text.trim().length).toBeGreaterThan(10);
      expect(r.defensive && r.label !== 'benign').toBe(false);
    }
    expectTrainedAndHeldOut(records, [
      'host-attack',
      'host-task',
      'inject-direct',
      'inject-doc',
      'doc-task',
    ]);
  });

  it('never trains on a held-out behaviour (held-out topics stay unseen)', () => {
    const train = records.filter((r) => r.split === 'train').map((r) => r.text);
    const heldBehaviours = [
      ...Object.values(ATTACK_BEHAVIOURS).flatMap((list) => list.filter((_, i) => i % 4 === 3)),
      ...DEFENSE_BEHAVIOURS.filter((_, i) => i % 4 === 3),
    ];
    for (const b of heldBehaviours)
      expect(
        train.some((t) => t.includes(b)),
        b,
      ).toBe(false);
  });

  it('puts the same research frames around attacks (misuse) and defensive work (benign)', () => {
    const frame = 'Write a script that demonstrates how to ';
    const withFrame = records.filter((r) => r.text.includes(frame));
    expect(withFrame.some((r) => r.label === 'benign')).toBe(true);
    expect(withFrame.some((r) => r.label !== 'benign')).toBe(true);
  });

  it('injects an order only into the misuse copies of a document task', () => {
    for (const r of records.filter((x) => family(x) === 'doc-task')) {
      expect(r.label).toBe('benign');
      for (const order of INJECTED_ORDERS) expect(r.text.includes(order), r.text).toBe(false);
    }
    for (const r of records.filter((x) => family(x) === 'inject-doc')) {
      expect(r.label).toBe('prompt_injection_jailbreak');
      expect(INJECTED_ORDERS.some((o) => r.text.includes(o))).toBe(true);
    }
  });
});
