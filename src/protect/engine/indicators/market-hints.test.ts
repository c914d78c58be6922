import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLING_CODES, CUE_TEXT, inferMarket, MARKETS, type Market } from './market-hints.js';

/**
 * The first version (one `indexOf` walk per cue), kept as the reference the
 * one-walk version must agree with: issue 3 made it faster, no answer may change.
 */
function referenceInferMarket(text: string): Market | undefined {
  const isWordChar = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  const countWord = (t: string, cue: string) => {
    let n = 0;
    const alpha = isWordChar(cue.charCodeAt(0));
    for (let at = t.indexOf(cue); at >= 0 && n < 5; at = t.indexOf(cue, at + cue.length)) {
      const before = at === 0 || !isWordChar(t.charCodeAt(at - 1)) || !alpha;
      const after = at + cue.length >= t.length || !isWordChar(t.charCodeAt(at + cue.length));
      if (before && (after || !alpha)) n++;
    }
    return n;
  };
  const countPrefix = (t: string, code: string) => {
    let n = 0;
    for (let at = t.indexOf(code); at >= 0 && n < 5; at = t.indexOf(code, at + code.length)) n++;
    return n;
  };
  const lower = text.slice(0, 20_000).toLowerCase();
  const scores = new Map<Market, number>();
  for (const market of MARKETS) {
    let score = countPrefix(lower, CALLING_CODES[market]) * 3;
    for (const cue of CUE_TEXT[market].split('|')) score += countWord(lower, cue);
    if (market === 'JP' && /[\u3040-\u30ff]/.test(lower)) score += 5;
    if (score > 0) scores.set(market, score);
  }
  const [first, second] = [...scores].sort((a, b) => b[1] - a[1]);
  if (first === undefined || (second !== undefined && second[1] === first[1])) return undefined;
  return first[0];
}

describe('inferMarket', () => {
  it.each([
    ['Royal Mail: your parcel is held, pay the £1.99 fee', 'UK'],
    ['USPS: the package could not be delivered, update your zip code', 'US'],
    ['Your SBI KYC is pending, update Aadhaar now or pay Rs. 10', 'IN'],
    ['call 07700 900123 now', undefined],
    ['UK UK US', 'UK'],
  ])('%j → %s', (text, market) => {
    expect(inferMarket(text)).toBe(market);
  });

  const cues = MARKETS.flatMap((m) => CUE_TEXT[m].split('|'));
  const piece = fc.oneof(
    fc.constantFrom(...cues),
    fc.constantFrom(...cues).map((c) => c.toUpperCase()),
    fc.constantFrom(...Object.values(CALLING_CODES)),
    fc.constantFrom(' ', '', '.', '-', '7', 'x', 'é', 'の', '$', '\n', 'İ'),
    fc.string({ maxLength: 4 }),
  );
  it('agrees with the reference on random mixes of cues, glue and odd characters (issue 3)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(inferMarket(text)).toBe(referenceInferMarket(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference when a cue repeats past the count of five and past 20,000 characters', () => {
    for (const text of [
      `${'uk '.repeat(7)}${'usps '.repeat(5)}`,
      `${'a'.repeat(19_998)} uk uk`,
      `${'hmrc '.repeat(5)}${'irs '.repeat(5)}usd`,
    ])
      expect(inferMarket(text)).toBe(referenceInferMarket(text));
  });
});
