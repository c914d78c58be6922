import { describe, expect, it } from 'vitest';
import {
  collect,
  expectDeterministic,
  expectHeldOutPerFamily,
  expectNoSharedRun,
  expectTwins,
  expectWellFormed,
} from '../../test-support/round-checks.js';
import { generateRound6Prompts, ROUND6_SEED } from './generate-round6-prompts.js';
import { PLANTED_LANGUAGES, STRUCTURED_CARRIERS, STRUCTURED_ORDERS } from './round6-recipes.js';

const generate = (seed = ROUND6_SEED) => collect(generateRound6Prompts, seed);
const records = generate();

describe('generateRound6Prompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expectDeterministic(generate, records);
  });

  it('labels every record, fills every slot and marks no misuse defensive', () => {
    expectWellFormed(records);
  });

  it('holds out part of every large family and trains on part of it', () => {
    expectHeldOutPerFamily(records, 14, 10);
  });

  it('pairs every carrier with a twin of the other class of about the same size', () => {
    expectTwins(records, [
      ['r6-structured-order', 'r6-structured-note'],
      ['r6-private-en', 'r6-public-en'],
      ['r6-shots-secret', 'r6-shots-plain'],
      ['r6-goal', 'r6-goal-ops'],
      ...PLANTED_LANGUAGES.map((l) => [`r6-planted-${l.lang}`, `r6-noted-${l.lang}`] as const),
    ]);
  });

  it('covers six languages of planted orders and asks in non-Latin scripts', () => {
    const langs = new Set(
      records.filter((r) => r.source.startsWith('r6-planted-')).map((r) => r.source.split('-')[2]),
    );
    expect([...langs].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'pt']);
    const scripts = records.filter(
      (r) =>
        r.source.startsWith('r6-private-ml-') &&
        /[\u0400-\u04ff\u0900-\u097f\u4e00-\u9fff]/.test(r.text),
    );
    expect(scripts.length).toBeGreaterThanOrEqual(6);
  });

  it('never trains on a held-out planted order or carrier', () => {
    for (const [i, order] of STRUCTURED_ORDERS.entries()) {
      const of = records.filter((r) => r.text.includes(order));
      expect(of.length).toBe(STRUCTURED_CARRIERS.length);
      if (i % 4 === 3) for (const r of of) expect(r.split, r.text).toBe('heldout');
    }
    const heldCarriers = STRUCTURED_CARRIERS.flatMap((c, t) =>
      c.heldout ? [`r6-structured-order-t${t}`, `r6-structured-note-t${t}`] : [],
    );
    expect(heldCarriers.length).toBeGreaterThan(0);
    for (const r of records.filter((x) => heldCarriers.includes(x.source)))
      expect(r.split).toBe('heldout');
  });

  it('shares no sentence with the hand-written evaluation prompts (they are never trained on)', () => {
    expectNoSharedRun(records, 6, 160);
  });
});
