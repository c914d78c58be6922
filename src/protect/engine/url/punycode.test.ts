import { describe, expect, it } from 'vitest';
import { decodePunycode, toUnicodeHost } from './punycode.js';

describe('punycode', () => {
  it.each([
    ['pple-43d', '\u0430pple'], // Cyrillic а + "pple"
    ['bcher-kva', 'bücher'],
    ['80ak6aa92e', '\u0430\u0440\u0440\u04cf\u0435'], // аррӏе: all-Cyrillic "apple"
    ['mgbh0fb', 'مثال'],
    ['wgv71a119e', '日本語'],
    ['', ''],
  ])('decodes %s', (input, expected) => {
    expect(decodePunycode(input)).toBe(expected);
  });

  it('round-trips with the URL parser (which only encodes)', () => {
    for (const word of ['bücher', 'раураl', '例え', 'münchen-straße', 'παράδειγμα', 'аррӏе']) {
      const ascii = new URL(`http://${word}.com/`).hostname;
      expect(ascii.startsWith('xn--')).toBe(true);
      expect(new URL(`http://${toUnicodeHost(ascii)}/`).hostname).toBe(ascii);
    }
    expect(toUnicodeHost(new URL('http://раураl.com/').hostname)).toBe('раураl.com');
  });

  it('rejects invalid input instead of throwing', () => {
    expect(decodePunycode('!!!')).toBeUndefined();
    expect(decodePunycode('99999999999999999999')).toBeUndefined();
    expect(decodePunycode('a'.repeat(200))).toBeUndefined();
    expect(toUnicodeHost('xn--!!!.com')).toBe('xn--!!!.com');
  });
});
