import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRACTICE_SAMPLES, practiceSample, redFlags } from './practice-samples.js';
import {
  EMPTY_PROGRESS,
  parseProgress,
  recordAttempt,
  scoreAttempt,
  summariseProgress,
} from './practice-score.js';

const scam = practiceSample('delivery-fee-text');
const genuine = practiceSample('genuine-bank-fraud-alert');
if (scam === undefined || genuine === undefined) throw new Error('samples missing');

describe('scoring an attempt', () => {
  it('gives full marks for the right decision and every red flag', () => {
    const picked = redFlags(scam).map(({ field, index }) => ({ field, index }));
    const r = scoreAttempt(scam, 'scam', picked);
    expect(r).toMatchObject({ decisionCorrect: true, points: 100, extra: [], missed: [] });
    expect(r.found.length).toBe(r.total);
  });

  it('takes a flag off for each wrong pick and half for a wrong decision', () => {
    const [first] = redFlags(scam);
    if (first === undefined) throw new Error('no flag');
    const r = scoreAttempt(scam, 'not_scam', [
      { field: first.field, index: first.index },
      { field: 'body', index: 0 },
    ]);
    expect(r.decisionCorrect).toBe(false);
    expect(r.found.length).toBe(1);
    expect(r.extra).toEqual([{ field: 'body', index: 0 }]);
    expect(r.points).toBe(0);
  });

  it('rewards picking nothing in a genuine message, and ignores picks outside the message', () => {
    expect(scoreAttempt(genuine, 'not_scam', []).points).toBe(100);
    expect(scoreAttempt(genuine, 'not_scam', [{ field: 'body', index: 999 }]).points).toBe(100);
    expect(scoreAttempt(genuine, 'not_scam', [{ field: 'body', index: 0 }]).points).toBe(50);
  });

  it('always scores 0..100 whatever is picked (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRACTICE_SAMPLES),
        fc.constantFrom('scam' as const, 'not_scam' as const),
        fc.array(
          fc.record({
            field: fc.constantFrom('from' as const, 'subject' as const, 'body' as const),
            index: fc.integer({ min: -2, max: 20 }),
          }),
        ),
        (sample, decision, picked) => {
          const r = scoreAttempt(sample, decision, picked);
          expect(r.points).toBeGreaterThanOrEqual(0);
          expect(r.points).toBeLessThanOrEqual(100);
          expect(r.found.length + r.missed.length).toBe(r.total);
        },
      ),
    );
  });
});

describe('progress on the device', () => {
  it('keeps the best and the last attempt and summarises', () => {
    const good = scoreAttempt(genuine, 'not_scam', []);
    const bad = scoreAttempt(genuine, 'scam', [{ field: 'body', index: 0 }]);
    let p = recordAttempt(EMPTY_PROGRESS, good, 1000);
    p = recordAttempt(p, bad, 2000);
    expect(p.attempts[genuine.id]).toEqual({
      tries: 2,
      bestPoints: 100,
      lastPoints: 0,
      lastCorrect: false,
      lastAt: 2000,
    });
    expect(summariseProgress(p, PRACTICE_SAMPLES)).toEqual({
      done: 1,
      correct: 0,
      averagePoints: 100,
    });
    expect(parseProgress(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('drops broken or hostile stored records instead of failing', () => {
    expect(parseProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(parseProgress('x')).toEqual(EMPTY_PROGRESS);
    expect(parseProgress({ version: 2, attempts: {} })).toEqual(EMPTY_PROGRESS);
    const parsed = parseProgress({
      version: 1,
      attempts: {
        'ok-id': { tries: 1, bestPoints: 50, lastPoints: 50, lastCorrect: true, lastAt: 5 },
        __proto__: { tries: 1, bestPoints: 50, lastPoints: 50, lastCorrect: true, lastAt: 5 },
        'bad points': { tries: 1, bestPoints: 500, lastPoints: 50, lastCorrect: true, lastAt: 5 },
        'nan-id': { tries: Number.NaN, bestPoints: 5, lastPoints: 5, lastCorrect: true, lastAt: 5 },
      },
    });
    expect(Object.keys(parsed.attempts)).toEqual(['ok-id']);
    fc.assert(fc.property(fc.anything(), (v) => void parseProgress(v)));
  });
});
