/** Domain names and mailboxes as applicants type them (hostile input: property-tested too). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAtOrUnder, isFreeMailDomain, normalizeDomain, parseMailbox } from './domain-name.js';

describe('normalizeDomain', () => {
  it.each([
    ['Example.ORG', 'example.org'],
    ['example.org.', 'example.org'],
    ['  sub.example.org ', 'sub.example.org'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['123.com', '123.com'],
  ])('%s → %s', (input, out) => {
    expect(normalizeDomain(input)).toBe(out);
  });

  it.each([
    '',
    'localhost',
    '192.0.2.1',
    '[::1]',
    '::1',
    'a..b',
    '-a.com',
    'a-.com',
    'a_b.com',
    'ex%41mple.com',
    'https://example.com',
    'example.com/path',
    'user@example.com',
    'exa mple.com',
    'a.123',
    `${'a'.repeat(64)}.com`,
    `${'a.'.repeat(127)}com`,
    'x'.repeat(2000),
  ])('refuses %j', (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });

  it('never throws, and what it returns obeys the rules (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.domain(), fc.webUrl()), (s) => {
        const d = normalizeDomain(s);
        if (d === null) return;
        expect(d.length).toBeLessThanOrEqual(253);
        expect(d).toMatch(/^[a-z0-9.-]+$/);
        expect(d.split('.').length).toBeGreaterThanOrEqual(2);
        expect(normalizeDomain(d)).toBe(d);
      }),
      { numRuns: 500 },
    );
  });
});

describe('mailboxes at a domain', () => {
  it('parses and normalizes the domain part', () => {
    expect(parseMailbox('Security@Bücher.Example')).toEqual({
      address: 'Security@xn--bcher-kva.example',
      domain: 'xn--bcher-kva.example',
    });
    for (const bad of [
      'nobody',
      '@example.org',
      'a@b',
      '"q"@example.org',
      'a..b@example.org',
      `${'a'.repeat(65)}@example.org`,
    ])
      expect(parseMailbox(bad)).toBeNull();
  });

  it('a subdomain is under its parent; a look-alike is not', () => {
    expect(isAtOrUnder('example.org', 'example.org')).toBe(true);
    expect(isAtOrUnder('mail.example.org', 'example.org')).toBe(true);
    expect(isAtOrUnder('badexample.org', 'example.org')).toBe(false);
    expect(isAtOrUnder('example.org.evil.test', 'example.org')).toBe(false);
  });

  it('knows free mail providers, subdomains included', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('eu.proton.me')).toBe(true);
    expect(isFreeMailDomain('acme-water.org')).toBe(false);
  });
});
