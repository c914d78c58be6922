import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../types.js';
import { extractIndicators, MAX_INDICATORS } from './extract-indicators.js';
import { refang } from './refang.js';

/** Any UTF-16 code units, lone surrogates included. */
const codeUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
  .map((a) => String.fromCharCode(...a));
const pieces = fc.constantFrom(
  'http://',
  'https://',
  'hxxps://',
  'upi://pay?pa=',
  '[.]',
  '(dot)',
  '[at]',
  '@',
  '$',
  '+44 ',
  '+1 (',
  '0',
  '7700 900123',
  '-',
  '.',
  ' ',
  '/',
  '?',
  '#',
  ':',
  'www.',
  '.com',
  '.co.uk',
  '.top',
  'paypal',
  'venmo',
  'cash app',
  'bc1q',
  '0x',
  '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
  'а',
  'ｐ',
  '．',
  '。',
  '\u200b',
  '\ud800',
  '\udfff',
  '(',
  ')',
  '[',
  ']',
  '"',
  "'",
  '₹',
  '£',
  'call ',
  'order ',
  'okaxis',
  'wa.me/',
);
const messy = fc
  .array(fc.oneof(pieces, codeUnits, fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((p) => p.join(''));

function checkEvidence(text: string, found: readonly Indicator[]): void {
  expect(found.length).toBeLessThanOrEqual(MAX_INDICATORS);
  for (const i of found) {
    const { start, end, excerpt, field } = i.evidence;
    expect(field).toBe('text');
    expect(0 <= start && start <= end && end <= text.length).toBe(true);
    expect(end - start).toBeLessThanOrEqual(200);
    expect(excerpt).toBe(text.slice(start, end));
    expect(i.value.length).toBeGreaterThan(0);
  }
}

const key = (found: readonly Indicator[]): string[] => found.map((i) => `${i.type} ${i.value}`);

describe('extractIndicators on arbitrary input', () => {
  it('never throws; offsets in bounds; excerpt is the text slice', () => {
    fc.assert(
      fc.property(messy, (text) => {
        checkEvidence(text, extractIndicators(text, 'text'));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same indicators in the refanged text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        expect(key(extractIndicators(refang(text), 'text'))).toEqual(
          key(extractIndicators(text, 'text')),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a link to any domain written with a scheme', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), (domain, path) => {
        const found = extractIndicators(`Please visit https://${domain}${path} today.`, 'text');
        const url = found.find((i) => i.type === 'url');
        expect(url).toBeDefined();
        expect(new URL(url?.value ?? '').hostname).toBe(new URL(`https://${domain}/`).hostname);
      }),
      { numRuns: 500 },
    );
  });
});

/** A realistic 100 KB message: scam texts with links, numbers, amounts and codes. */
function realistic100k(): string {
  const lines = [
    'USPS: Your package is on hold. Pay the $1.99 fee at hxxps://usps-redelivery[.]top/track?id=9400111899223197428490 within 24h.',
    'Hi mum, new number 07700 900123, text me on WhatsApp. Order #123-456-7890 shipped 12/05/2024.',
    'Your code is 483920. Call +1 (800) 555-0199 or email support@paypal-help.top. Send BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.',
    '詳細はこちらhttps://amazon-co-jp.example.cn/login。お問い合わせ：090-1234-5678 ₹ KYC 98765 43210 upi rahul@okaxis',
  ];
  let text = '';
  for (let i = 0; text.length < 100_000; i++) text += `${lines[i % lines.length]} ${i}\n`;
  return text;
}

const adversarial: [string, string][] = [
  ['brackets', '[[[['.repeat(25_000)],
  ['bracket dots', '[.]'.repeat(34_000)],
  ['hxxp', 'hxxp'.repeat(25_000)],
  ['digits and spaces', '1 '.repeat(50_000)],
  ['dotted labels', 'a.'.repeat(50_000)],
  ['at signs', 'a@'.repeat(50_000)],
  ['dollar tags', '$a'.repeat(50_000)],
  ['one long word', 'x'.repeat(100_000)],
  ['schemes', 'http://'.repeat(15_000)],
  ['plus signs', '+4'.repeat(50_000)],
];

/**
 * Steady-state cost: one warm-up call (the JIT compiles the scanners on first
 * use), then the best of `runs`, so a busy CI machine's scheduler does not
 * decide the result.
 */
function bestOf(runs: number, f: () => void): number {
  f();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

describe('extractIndicators: bounded work', () => {
  it('reads a realistic 100 KB text in under 50 ms', () => {
    const text = realistic100k();
    const ms = bestOf(3, () => extractIndicators(text, 'body'));
    expect(ms).toBeLessThan(50);
  });

  it.each(adversarial)('reads 100 KB of %s in under 50 ms', (_name, text) => {
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    const ms = bestOf(3, () => checkEvidence(text, extractIndicators(text, 'text')));
    expect(ms).toBeLessThan(50);
  });
});
