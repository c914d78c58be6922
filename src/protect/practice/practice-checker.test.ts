/**
 * Practice and the checker never disagree silently: the checker's verdict on every scam sample is
 * not "no signs", on every genuine sample not "scam", and every reason code a sample's annotation
 * names is one the checker actually gives for that sample.
 */
import { describe, expect, it } from 'vitest';
import { shippedChecker } from '../checker.js';
import { checkerInput, flagSpans, PRACTICE_SAMPLES } from '../engine/practice/index.js';

describe('practice samples against the shipped checker', () => {
  const checker = shippedChecker();
  for (const sample of PRACTICE_SAMPLES) {
    it(`${sample.id} (${sample.scam ? 'scam' : 'genuine'})`, () => {
      const result = checker.check(checkerInput(sample));
      if (sample.scam) expect(result.verdict).not.toBe('no_signs');
      else expect(result.verdict).not.toBe('scam');
      const given = new Set(result.reasons.map((r) => r.code));
      for (const span of flagSpans(sample))
        for (const code of span.codes) expect(given, `${sample.id}: ${code}`).toContain(code);
    });
  }
});
