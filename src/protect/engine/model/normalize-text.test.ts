import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

/** The input span behind output characters [start, end). */
const source = (input: string, n: ReturnType<typeof normalizeText>, start: number, end: number) =>
  input.slice(n.from[start], n.to[end - 1]);

describe('normalizeText', () => {
  it('folds width, ligatures, case, accents and curly quotes', () => {
    expect(normalizeText('Ｆｒｅｅ ﬁnance Vérify ‘now’', 100).text).toBe(
      "free finance verify 'now'",
    );
  });

  it('removes invisible characters that could split a word', () => {
    const input = 've\u200brify\u00ad your\u202e acc\u2060ount';
    expect(normalizeText(input, 100).text).toBe('verify your account');
  });

  it('maps every output character back to its input span', () => {
    const input = 'ＰａｙＰａｌ: ﬁx it';
    const n = normalizeText(input, 100);
    expect(n.text).toBe('paypal: fix it');
    expect(source(input, n, 0, 6)).toBe('ＰａｙＰａｌ');
    // "ﬁ" became two characters; both point at the ligature.
    expect(source(input, n, 8, 9)).toBe('ﬁ');
    expect(source(input, n, 9, 10)).toBe('ﬁ');
    expect(source(input, n, 8, 11)).toBe('ﬁx');
  });

  it('stops at maxChars without splitting a surrogate pair', () => {
    const n = normalizeText('ab😀cd', 3);
    expect(n.text).toBe('ab');
    expect(n.truncated).toBe(true);
    expect(normalizeText('abc', 3).truncated).toBe(false);
  });

  it('never throws, and every span lies inside the input (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 400 }),
        (s, max) => {
          const n = normalizeText(s, max);
          expect(n.from.length).toBe(n.text.length);
          for (let i = 0; i < n.text.length; i++) {
            expect(n.from[i]).toBeLessThan(n.to[i] as number);
            expect(n.to[i]).toBeLessThanOrEqual(Math.min(s.length, max));
            if (i > 0) expect(n.from[i]).toBeGreaterThanOrEqual(n.from[i - 1] as number);
          }
        },
      ),
    );
  });
});
