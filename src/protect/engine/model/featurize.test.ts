import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAR_FAMILY, DEFAULT_TEXT_FEATURES, featurizeText, WORD_FAMILY } from './featurize.js';
import { normalizeText } from './normalize-text.js';

/** What each feature occurrence points at in the input, per family. */
function spans(input: string, family: number): string[] {
  const ev = featurizeText(input, DEFAULT_TEXT_FEATURES, true).evidence;
  if (ev === undefined) throw new Error('no evidence');
  const out: string[] = [];
  for (let i = 0; i < ev.count; i++) {
    if (ev.family[i] === family) out.push(input.slice(ev.start[i], ev.end[i]));
  }
  return out;
}

describe('featurizeText', () => {
  it('points word features at the words and bigrams at both words', () => {
    const input = 'Verify your ACCOUNT now';
    const words = spans(input, WORD_FAMILY);
    expect(words).toEqual(expect.arrayContaining(['Verify', 'your', 'ACCOUNT', 'now']));
    expect(words).toEqual(expect.arrayContaining(['Verify your', 'your ACCOUNT', 'ACCOUNT now']));
  });

  it('points character n-grams inside their word, through normalisation', () => {
    const input = 'Ｖｅｒｉｆｙ now';
    const grams = spans(input, CHAR_FAMILY);
    for (const g of grams) expect('Ｖｅｒｉｆｙnow').toContain(g);
    expect(grams).toContain('Ｖｅｒ');
    expect(grams).toContain('ｒｉｆｙ');
  });

  it('points a web address domain at the host in the text', () => {
    const input = 'pay at https://secure.ups-fees.top/pay today';
    expect(spans(input, WORD_FAMILY)).toEqual(
      expect.arrayContaining(['https://secure.ups-fees.top/pay', 'ups-fees.top', 'top']),
    );
  });

  it('reads a bare site name in capitals as a name, a lower-case one as a link', () => {
    // A card alert's merchant ("NIKE.COM") is a name: no domain features, the same vector for any merchant.
    const vec = (m: string) => featurizeText(`Reply YES if you paid $12.00 at ${m} on 3/9`).vector;
    expect(vec('NIKE.COM')).toEqual(vec('APPLE.COM/BILL'));
    expect(spans('paid at NIKE.COM today', WORD_FAMILY)).not.toContain('nike.com');
    // Written as a link (lower case, or with a scheme or www. in any case) it keeps its domain.
    expect(vec('nike.com')).not.toEqual(vec('apple.com/bill'));
    expect(spans('go to HTTPS://NIKE-DEALS.TOP now', WORD_FAMILY)).toContain('NIKE-DEALS.TOP');
  });

  it('gives the same vector with and without evidence, every time', () => {
    const input = 'URGENT: your parcel is held, pay £1.99 at royalmail-fee.com';
    const a = featurizeText(input);
    const b = featurizeText(input, DEFAULT_TEXT_FEATURES, true);
    expect(Array.from(a.vector.index)).toEqual(Array.from(b.vector.index));
    expect(Array.from(a.vector.value)).toEqual(Array.from(b.vector.value));
  });

  it('explains a text it has just scored exactly as a fresh explanation would (issue 3)', () => {
    const cfg = { ...DEFAULT_TEXT_FEATURES, dropReplyPrefix: true };
    const plain = (f: ReturnType<typeof featurizeText>) =>
      JSON.stringify({
        index: Array.from(f.vector.index),
        value: Array.from(f.vector.value),
        truncated: f.truncated,
        evidence: Object.entries(f.evidence ?? {}).map(([k, v]) => [
          k,
          typeof v === 'number' ? v : Array.from(v as ArrayLike<number>),
        ]),
      });
    for (const input of [
      'Re: Fwd: URGENT: your parcel is held, pay £1.99 at royalmail-fee.com or call 0800 123 4567',
      'Ｖｅｒｉｆｙ your ﬁnance account at HTTPS://SECURE-LOGIN.TOP/x?id=42 — NIKE.COM',
      '',
    ]) {
      featurizeText('something else first', cfg);
      const fresh = plain(featurizeText(input, cfg, true));
      featurizeText(input, cfg); // scored: the next explanation of it reuses the work
      const reused = plain(featurizeText(input, cfg, true));
      expect(reused).toBe(fresh);
      // Another configuration never reuses it.
      featurizeText('something else first', cfg);
      const freshDefault = plain(featurizeText(input, DEFAULT_TEXT_FEATURES, true));
      featurizeText(input, cfg);
      expect(plain(featurizeText(input, DEFAULT_TEXT_FEATURES, true))).toBe(freshDefault);
    }
  });

  it('normalises each family to unit length', () => {
    const { vector } = featurizeText('free free free entry to win a prize');
    const norm = Array.from(vector.value).reduce((s, v) => s + v * v, 0);
    // Two families (words, n-grams), each of length 1; collisions move it slightly.
    expect(norm).toBeGreaterThan(1.8);
    expect(norm).toBeLessThan(2.2);
  });

  it('says when it read only the start of a long input', () => {
    expect(featurizeText('a '.repeat(30_000)).truncated).toBe(true);
    expect(featurizeText('hello there').truncated).toBe(false);
  });

  it('skips a reply prefix only when asked', () => {
    const cfg = { ...DEFAULT_TEXT_FEATURES, dropReplyPrefix: true };
    const input = 'RE: Fwd: Invoice overdue';
    const ev = featurizeText(input, cfg, true).evidence;
    const texts = Array.from({ length: ev?.count ?? 0 }, (_, i) =>
      input.slice(ev?.start[i], ev?.end[i]),
    );
    expect(texts).toContain('Invoice');
    expect(texts.some((t) => /RE|Fwd/.test(t))).toBe(false);
    expect(spans(input, WORD_FAMILY)).toContain('RE');
  });

  it('never throws, stays bounded, and keeps spans inside the input (property)', () => {
    const cfg = { ...DEFAULT_TEXT_FEATURES, maxChars: 500, maxTokens: 100 };
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 800 }), fc.string({ unit: 'binary', maxLength: 800 })),
        (s) => {
          const f = featurizeText(s, cfg, true);
          const ev = f.evidence;
          if (ev === undefined) throw new Error('no evidence');
          // At most 1 unigram + 1 bigram + (3 n-gram lengths per character) per token, plus URL parts.
          expect(f.vector.index.length).toBeLessThanOrEqual(ev.count);
          expect(ev.count).toBeLessThanOrEqual(
            cfg.maxTokens * 5 + normalizeText(s, 500).text.length * 3 + 10,
          );
          for (let i = 0; i < ev.count; i++) {
            expect(ev.start[i]).toBeLessThan(ev.end[i] as number);
            expect(ev.end[i]).toBeLessThanOrEqual(Math.min(s.length, cfg.maxChars));
          }
          for (const idx of f.vector.index) expect(idx).toBeLessThan(2 ** cfg.hashBits);
          for (const v of f.vector.value) expect(Number.isFinite(v)).toBe(true);
        },
      ),
    );
  });

  it('reads a worst-case input in well under a second', () => {
    const inputs = [
      'x'.repeat(1_000_000),
      '😀'.repeat(50_000),
      'a.b@'.repeat(50_000),
      '\u200b'.repeat(100_000),
    ];
    for (const s of inputs) {
      const started = performance.now();
      featurizeText(s, DEFAULT_TEXT_FEATURES, true);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
