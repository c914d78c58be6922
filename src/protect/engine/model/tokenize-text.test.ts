import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';
import { hostSpan, registrableDomain, tokenize } from './tokenize-text.js';

const values = (text: string) =>
  tokenize(normalizeText(text, 10_000).text, 1000).map((t) => t.value);

describe('tokenize', () => {
  it.each([
    ['Your code is 482913', ['your', 'code', 'is', '<d6>']],
    ['Txt STOP to 87121', ['txt', 'stop', 'to', '<d5>']],
    ['call +44 7911 123456 now', ['call', '<phone>', 'now']],
    ['or 0800-123-4567.', ['or', '<phone>']],
    ['win £1,000 cash!', ['win', '<money>', 'cash', '!']],
    ['only 150p/msg', ['only', '<money>', 'msg']],
    // An exact sum (pence, cents) keeps that shape: receipts and fee lures print them, prizes do not.
    ['Rs.1250.00 debited', ['<money.00>', 'debited']],
    ['pay $4.15 now', ['pay', '<money.00>', 'now']],
    ['a $5,000 prize', ['a', '<money>', 'prize']],
    ['mail help@paypal.co.uk', ['mail', '<email>']],
    ['go to https://amaz0n-secure.com/login?id=1.', ['go', 'to', '<url>']],
    ['see bit.ly/3xYz and paypal.com', ['see', '<url>', 'and', '<url>']],
    ['on 12.05.2024', ['on', '<d2>', '<d2>', '<d4>']],
    ['Hi [email], see [domain]', ['hi', '<email>', 'see', '<domain>']],
    ['txt80488 e.g. 2nite', ['txt<d5>', 'e', 'g', '<d1>', 'nite']],
  ])('%j → %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('does not take a word with a dot for a web address', () => {
    expect(values('ok.so then mr.bean')).toEqual(['ok', 'so', 'then', 'mr', 'bean']);
  });

  it('stops at maxTokens and covers only the text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 1, max: 50 }), (s, max) => {
        const tokens = tokenize(s, max);
        expect(tokens.length).toBeLessThanOrEqual(max);
        let last = 0;
        for (const t of tokens) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(s.length);
          last = t.end;
        }
      }),
    );
  });

  it('is fast on inputs built to make regular expressions backtrack', () => {
    const nasty = [
      '1'.repeat(20_000),
      'a.'.repeat(10_000),
      `${'a'.repeat(19_999)}@`,
      '1 '.repeat(10_000),
      `http://${'a'.repeat(20_000)}`,
    ];
    for (const s of nasty) {
      const started = performance.now();
      tokenize(s, 5000);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('URL parts', () => {
  it.each([
    ['https://login.paypal.co.uk/x', 'paypal.co.uk'],
    ['http://user@evil.example.top:8080/a', 'example.top'],
    ['www.amazon.com', 'amazon.com'],
    ['x.github.io', 'x.github.io'],
  ])('%s is under %s', (url, domain) => {
    const span = hostSpan(url);
    expect(registrableDomain(url.slice(span.start, span.end))).toBe(domain);
  });
});
