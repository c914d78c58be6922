import { describe, expect, it } from 'vitest';
import { scoreIsShown } from './shown-score.js';

describe('scoreIsShown', () => {
  it('hides a "no signs" score that would say "more likely a scam than not"', () => {
    expect(scoreIsShown({ verdict: 'no_signs', score: 0.03 })).toBe(true);
    expect(scoreIsShown({ verdict: 'no_signs', score: 0.49 })).toBe(true);
    expect(scoreIsShown({ verdict: 'no_signs', score: 0.5 })).toBe(false);
    expect(scoreIsShown({ verdict: 'no_signs', score: 0.78 })).toBe(false);
  });

  it('always shows the score of a warning', () => {
    expect(scoreIsShown({ verdict: 'suspicious', score: 0.4 })).toBe(true);
    expect(scoreIsShown({ verdict: 'scam', score: 0.99 })).toBe(true);
  });
});
