import { describe, expect, it } from 'vitest';
import {
  collect,
  expectDeterministic,
  expectHeldOutPerFamily,
  expectNoSharedRun,
  expectTwins,
  expectWellFormed,
} from '../../test-support/round-checks.js';
import { generateRound7Prompts, ROUND7_SEED } from './generate-round7-prompts.js';
import { ADMIN_PAIRS, HIDDEN_ORDERS, OVERRIDE_LANGUAGES } from './round7-recipes.js';

const generate = (seed = ROUND7_SEED) => collect(generateRound7Prompts, seed);
const records = generate();

describe('generateRound7Prompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expectDeterministic(generate, records);
  });

  it('labels every record, fills every slot and marks no misuse defensive', () => {
    expectWellFormed(records);
  });

  it('holds out part of every large family and trains on part of it', () => {
    expectHeldOutPerFamily(records, 10, 10);
  });

  it('pairs every misuse family with a benign twin of about the same size', () => {
    expectTwins(records, [
      ['r7-carrier-order', 'r7-carrier-note'],
      ['r7-extra-exfil', 'r7-extra-plain'],
      ...OVERRIDE_LANGUAGES.map(
        (l) => [`r7-override-${l.lang}`, `r7-correction-${l.lang}`] as const,
      ),
      ['r7-admin-other', 'r7-admin-own'],
    ]);
  });

  it('sets each intruder action and its operations twin in the same frames, held out together', () => {
    for (const [i, [intrusion, , operation]] of ADMIN_PAIRS.entries()) {
      const bad = records.filter(
        (r) => r.text.includes(intrusion) && r.source.startsWith('r7-admin-other'),
      );
      const good = records.filter(
        (r) => r.text.includes(operation) && r.source.startsWith('r7-admin-own'),
      );
      expect(new Set(bad.map((r) => r.source))).toEqual(
        new Set(good.map((r) => r.source.replace('own', 'other'))),
      );
      if (i % 4 === 3) for (const r of [...bad, ...good]) expect(r.split, r.text).toBe('heldout');
    }
  });

  it('never trains on a held-out hidden order, even in an analyst frame', () => {
    for (const [i, order] of HIDDEN_ORDERS.entries())
      if (i % 4 === 3)
        for (const r of records.filter((x) => x.text.includes(order)))
          expect(r.split, r.text).toBe('heldout');
  });

  it('shares no sentence with the hand-written evaluation prompts (they are never trained on)', () => {
    expectNoSharedRun(records, 6, 196);
  });
});
