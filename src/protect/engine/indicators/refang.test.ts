import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originalSpan, refang, refangWithMap } from './refang.js';

describe('refang', () => {
  it.each([
    ['hxxps://evil[.]com/login', 'https://evil.com/login'],
    ['hXXp://evil(.)co(.)uk', 'http://evil.co.uk'],
    ['HXXPS://EVIL{.}COM', 'https://EVIL.COM'],
    ['evil[dot]com', 'evil.com'],
    ['evil(DOT)com', 'evil.com'],
    ['name[at]mail[.]com', 'name@mail.com'],
    ['name [at] mail [dot] com', 'name@mail.com'],
    ['name[@]mail.com', 'name@mail.com'],
    ['https[:]//x.com', 'https://x.com'],
    ['hxxps[://]x.com', 'https://x.com'],
    ['evil[[.]]com', 'evil.com'],
    ['fxp://files[.]example[.]net', 'ftp://files.example.net'],
    ['pay\u200bpal.com', 'paypal.com'],
    ['pay\u00adpal\u202e.com', 'paypal.com'],
    ['ｐａｙｐａｌ．ｃｏｍ', 'paypal.com'],
    ['example。com', 'example.com'],
    ['ｅｘａｍｐｌｅ｡ｃｏｍ', 'example.com'],
    ['example\u200b。\u200bcom', 'example.com'],
    [`a${'\u200b'.repeat(40)}。b`, 'a.b'],
    // a Japanese sentence's full stop before a link stays a full stop
    ['されます。amazon-jp.xyz', 'されます。amazon-jp.xyz'],
    ['example。 next', 'example。 next'],
    ['quote [...] and (.) alone', 'quote [...] and . alone'],
    ['a [dot] [dot] b', 'a . . b'],
    ['[see note]', '[see note]'],
    ['hxxpsomething', 'hxxpsomething'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(refang(input)).toBe(expected);
  });

  it('maps every output character back to the original', () => {
    const text = 'Go to hxxps://pay\u200bpal[.]com [at] x';
    const r = refangWithMap(text);
    expect(r.text).toBe(refang(text));
    const at = r.text.indexOf('paypal.com');
    const span = originalSpan(r, at, at + 'paypal.com'.length);
    expect(text.slice(span.start, span.end)).toBe('pay\u200bpal[.]com');
  });

  const messy = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          '[',
          ']',
          '(',
          ')',
          '{',
          '}',
          '.',
          'dot',
          'DOT',
          'at',
          '@',
          ':',
          '//',
          '/',
          ' ',
          'hxxp',
          'hXXps',
          '://',
          'fxp',
          's',
          'a',
          '\u200b',
          'ｐ',
          '．',
          '。',
          '\ud83d',
          '\ude00',
        ),
        fc.string({ maxLength: 4 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('is idempotent', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const once = refang(text);
        expect(refang(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a monotone map inside the original text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const r = refangWithMap(text);
        let prev = 0;
        for (let k = 0; k < r.text.length; k++) {
          const { start, end } = originalSpan(r, k, k + 1);
          expect(0 <= start && start < end && end <= text.length).toBe(true);
          expect(start).toBeGreaterThanOrEqual(prev);
          prev = start;
        }
        const whole = originalSpan(r, 0, r.text.length);
        expect(whole.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 2000 },
    );
  });
});
