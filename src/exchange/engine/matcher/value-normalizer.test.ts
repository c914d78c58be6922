import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyValue,
  ipText,
  normalizeAs,
  normalizeDomain,
  normalizeEmail,
  normalizeHash,
  normalizePhone,
  normalizeUrl,
  normalizeWallet,
  parseIp,
  VALUE_KINDS,
} from './value-normalizer.js';

describe('URL normalisation', () => {
  it.each([
    ['HTTPS://Evil.Example:443/Pay', 'https://evil.example/Pay'],
    ['http://evil.example:80', 'http://evil.example/'],
    ['http://evil.example/', 'http://evil.example/'],
    ['http://evil.example/a/', 'http://evil.example/a'],
    ['http://evil.example/a/./b/../c', 'http://evil.example/a/c'],
    ['http://evil.example/%7euser/%2f%41', 'http://evil.example/~user/%2FA'],
    ['http://evil.example/a b/é', 'http://evil.example/a%20b/%C3%A9'],
    ['http://evil.example/p?q=1#frag', 'http://evil.example/p?q=1'],
    ['http://evil.example/p?', 'http://evil.example/p'],
    ['http://evil.example.:8080/x', 'http://evil.example:8080/x'],
    ['hxxps://evil[.]example/x', 'https://evil.example/x'],
    ['evil.example/login', 'http://evil.example/login'],
    ['http://[2001:DB8::1]:80/', 'http://[2001:db8::1]/'],
    ['http://user@evil.example/', 'http://user@evil.example/'],
    ['http://evil.example/100%', 'http://evil.example/100%25'],
  ])('%s → %s', (raw, canonical) => {
    expect(normalizeUrl(raw)?.url).toBe(canonical);
  });

  it('marks a URL that names a whole site as bare', () => {
    expect(normalizeUrl('https://a.example/')?.bare).toBe(true);
    expect(normalizeUrl('https://a.example/x')?.bare).toBe(false);
    expect(normalizeUrl('https://a.example/?q')?.bare).toBe(false);
  });

  it.each([
    '',
    'http://',
    'http://exa mple.com/',
    'http://[::1/',
    'http://a.example:99999999/',
    '1http://x',
  ])('refuses %j', (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe('other kinds', () => {
  it('domains: lower case, no trailing dot, refanged, valid labels only', () => {
    expect(normalizeDomain('Evil.Example.')).toBe('evil.example');
    expect(normalizeDomain('*.evil[.]example')).toBe('evil.example');
    expect(normalizeDomain('a..b')).toBeNull();
    expect(normalizeDomain('a b.example')).toBeNull();
    expect(normalizeDomain(`${'a'.repeat(64)}.example`)).toBeNull();
  });

  it('IP addresses and ranges, canonical; IPv4-mapped IPv6 is IPv4', () => {
    const text = (s: string) => {
      const ip = parseIp(s);
      return ip === null ? null : ipText(ip);
    };
    expect(text('192.0.2.1')).toBe('192.0.2.1');
    expect(text('192.0.2.0/24')).toBe('192.0.2.0/24');
    expect(text('2001:0DB8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(text('2001:db8::/32')).toBe('2001:db8::/32');
    expect(text('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(text('::')).toBe('::');
    for (const bad of [
      '192.0.2',
      '192.0.2.256',
      '01.2.3.4',
      '1.2.3.4/33',
      '2001:db8::1::2',
      '2001:db8::/129',
      'g::1',
    ])
      expect(text(bad)).toBeNull();
  });

  it('hashes, e-mail, phone, wallets', () => {
    expect(normalizeHash('D41D8CD98F00B204E9800998ECF8427E')).toBe(
      'd41d8cd98f00b204e9800998ecf8427e',
    );
    expect(normalizeHash('abc')).toBeNull();
    expect(normalizeEmail('mailto:Bob@Evil.Example')).toBe('bob@evil.example');
    expect(normalizeEmail('no-at-sign')).toBeNull();
    expect(normalizePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalizePhone('0044 (20) 7946-0958')).toBe('+442079460958');
    expect(normalizePhone('tel:+1-202-555-0143')).toBe('+12025550143');
    expect(normalizePhone('020 7946 0958')).toBeNull(); // no country code: not E.164
    expect(normalizePhone('+0123456789')).toBeNull();
    expect(normalizeWallet('0x52908400098527886E0F7030069857D2E4169EE7')).toBe(
      '0x52908400098527886e0f7030069857d2e4169ee7',
    );
    expect(normalizeWallet('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    );
    expect(normalizeWallet('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBe(
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
    );
    expect(normalizeWallet('bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBeNull(); // mixed case
  });

  it('classifies bare values', () => {
    expect(classifyValue('https://a.example/x')).toEqual({
      kind: 'url',
      value: 'https://a.example/x',
    });
    expect(classifyValue('bob@a.example')).toEqual({ kind: 'email', value: 'bob@a.example' });
    expect(classifyValue('10.0.0.0/8')).toEqual({ kind: 'ip', value: '10.0.0.0/8' });
    expect(classifyValue('A.Example')).toEqual({ kind: 'domain', value: 'a.example' });
    expect(classifyValue('+44 20 7946 0958')).toEqual({ kind: 'phone', value: '+442079460958' });
    expect(classifyValue('d41d8cd98f00b204e9800998ecf8427e')?.kind).toBe('hash');
    expect(classifyValue('0x52908400098527886E0F7030069857D2E4169EE7')?.kind).toBe('wallet');
    expect(classifyValue('hello')).toBeNull();
  });
});

const hostish = fc.stringMatching(/^[A-Za-z0-9-]{1,12}(\.[A-Za-z0-9-]{1,12}){1,3}$/);

describe('properties', () => {
  it('normalisation is idempotent for every kind', () => {
    const values = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      hostish,
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.emailAddress(),
      fc.ipV4(),
      fc.ipV6(),
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, p]) => `${ip}/${p}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...VALUE_KINDS), values, (kind, raw) => {
        const once = normalizeAs(kind, raw);
        if (once !== null) expect(normalizeAs(kind, once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('a classified value classifies the same way again', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.webUrl(), fc.emailAddress(), hostish, fc.ipV6()),
        (raw) => {
          const c = classifyValue(raw);
          if (c !== null) expect(classifyValue(c.value)).toEqual(c);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on hostile input, and stays bounded', () => {
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom('%', '.', '/', ':', '[', ']', '@', '\ud800', '0', 'f', '\\'),
        maxLength: 400,
      }),
      fc.constant(`http://${'a.'.repeat(5000)}example/`),
      fc.constant(`http://x/${'%'.repeat(20_000)}`),
    );
    fc.assert(
      fc.property(fc.constantFrom(...VALUE_KINDS), hostile, (kind, raw) => {
        const out = normalizeAs(kind, raw);
        if (out !== null) expect(out.length).toBeLessThanOrEqual(3 * 9 * raw.length + 16);
        classifyValue(raw);
      }),
      { numRuns: 3000 },
    );
  });
});
