import { describe, expect, it } from 'vitest';
import { isGovernmentSuffix, isUnder, registrableDomain, splitDomain } from './public-suffix.js';

describe('registrable domain (public-suffix subset)', () => {
  it.each([
    ['www.paypal.com', 'paypal.com'],
    ['paypal.com.secure-login.top', 'secure-login.top'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.amazon.co.jp', 'amazon.co.jp'],
    ['www.docomo.ne.jp', 'docomo.ne.jp'],
    ['www.commbank.com.au', 'commbank.com.au'],
    ['www.irctc.co.in', 'irctc.co.in'],
    ['www.mercadolivre.com.br', 'mercadolivre.com.br'],
    ['google.com.py', 'google.com.py'],
    ['evil.github.io', 'evil.github.io'],
    ['a.b.evil.web.app', 'evil.web.app'],
    ['x.y.workers.dev', 'y.workers.dev'],
    ['www.gov.uk', 'www.gov.uk'],
    ['www.web.de', 'web.de'],
    ['www.id.me', 'id.me'],
    ['localhost', 'localhost'],
    ['EXAMPLE.COM.', 'example.com'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it('splits subdomains and the label', () => {
    expect(splitDomain('a.b.paypal.co.uk')).toEqual({
      suffix: 'co.uk',
      registrable: 'paypal.co.uk',
      label: 'paypal',
      subdomains: ['a', 'b'],
    });
    expect(splitDomain('github.io').label).toBe('');
  });

  it('knows government suffixes', () => {
    for (const s of ['gov', 'mil', 'gov.uk', 'go.jp', 'gouv.fr', 'gov.au', 'gov.in', 'gc.ca']) {
      expect(isGovernmentSuffix(s)).toBe(true);
    }
    for (const s of ['com', 'co.uk', 'gov.evil.com', 'govt'])
      expect(isGovernmentSuffix(s)).toBe(false);
  });

  it('checks parent domains on label boundaries', () => {
    expect(isUnder('support.apple.com', 'apple.com')).toBe(true);
    expect(isUnder('apple.com', 'apple.com')).toBe(true);
    expect(isUnder('pineapple.com', 'apple.com')).toBe(false);
  });
});
