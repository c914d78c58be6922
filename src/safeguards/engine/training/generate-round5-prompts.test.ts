import { describe, expect, it } from 'vitest';
import {
  collect,
  expectDeterministic,
  expectHeldOutPerFamily,
  expectNoSharedRun,
  expectTwins,
  expectWellFormed,
} from '../../test-support/round-checks.js';
import { generateRound5Prompts, ROUND5_SEED } from './generate-round5-prompts.js';
import { MAKE_FRAMES, NAMED_HARMS } from './round5-recipes.js';

const generate = (seed = ROUND5_SEED) => collect(generateRound5Prompts, seed);
const records = generate();

describe('generateRound5Prompts', () => {
  it('is deterministic for a seed and differs for another', () => {
    expectDeterministic(generate, records);
  });

  it('labels every record, marks only benign ones defensive, and holds out part of each family', () => {
    expectWellFormed(records);
    expectHeldOutPerFamily(records, 11);
  });

  it('puts more benign than misuse records in the make frames and shares every carrier', () => {
    const make = records.filter((r) => /^r5-make-/.test(r.source));
    const misuse = make.filter((r) => r.label !== 'benign').length;
    expect(misuse).toBeGreaterThan(40);
    expect(make.length - misuse).toBeGreaterThan(misuse);
    // Each shared carrier holds both classes: the carrier alone never decides.
    expectTwins(records, [
      ['r5-transfer-evasive', 'r5-transfer-ops'],
      ['r5-filler-override', 'r5-filler-question'],
      ['r5-memo-planted', 'r5-memo-plain'],
      ['r5-ctf-host', 'r5-ctf-puzzle'],
    ]);
  });

  it('never trains on a held-out named harm or frame', () => {
    for (const [i, [one]] of NAMED_HARMS.entries()) {
      if (i % 4 !== 3) continue;
      const of = records.filter((r) => r.source.startsWith('r5-make-t') && r.text.includes(one));
      for (const r of of) expect(r.split, r.text).toBe('heldout');
    }
    const heldFrames = MAKE_FRAMES.flatMap((f, t) => (f.heldout ? [`r5-make-t${t}`] : []));
    for (const r of records.filter((x) => heldFrames.includes(x.source)))
      expect(r.split).toBe('heldout');
  });

  it('shares no sentence with the hand-written evaluation prompts (they are never trained on)', () => {
    expectNoSharedRun(records, 8);
  });
});
