import { describe, expect, it } from 'vitest';
import { brandOfDomain } from './brand-table.js';
import {
  decodePunycodeHost,
  isIpHost,
  isPunycodeHost,
  organisationalDomain,
} from './domain-names.js';
import { editDistance, findLookalike, skeleton } from './lookalike.js';

describe('domain names', () => {
  it.each([
    ['mail.secure.paypal.co.uk', 'paypal.co.uk'],
    ['PayPal.COM.', 'paypal.com'],
    ['evil.github.io', 'evil.github.io'],
    ['a.b.evil.sharepoint.com', 'evil.sharepoint.com'],
    ['x.y.z.amazon.co.jp', 'amazon.co.jp'],
    ['localhost', 'localhost'],
    ['185.10.20.30', '185.10.20.30'],
  ])('organisationalDomain(%s) = %s', (host, org) => {
    expect(organisationalDomain(host)).toBe(org);
  });

  it('recognises IP and punycode hosts', () => {
    expect(isIpHost('185.10.20.30')).toBe(true);
    expect(isIpHost('[2001:db8::1]')).toBe(true);
    expect(isIpHost('1.2.3')).toBe(false);
    expect(isIpHost('999.1.1.1')).toBe(false);
    expect(isPunycodeHost('xn--pypal-4ve.com')).toBe(true);
    expect(decodePunycodeHost('xn--pypal-4ve.com')).toBe('pаypal.com');
    expect(decodePunycodeHost('xn--mnchen-3ya.de')).toBe('münchen.de');
    expect(decodePunycodeHost('xn--!!!.com')).toBe('xn--!!!.com');
  });

  it('knows which brand owns a domain', () => {
    expect(brandOfDomain('email.apple.com')?.name).toBe('Apple');
    expect(brandOfDomain('apple.com.evil.top')).toBeUndefined();
    expect(brandOfDomain('gmail.com')).toBeUndefined();
  });
});

describe('look-alike sender domains', () => {
  it.each([
    ['paypa1.com', 'PayPal', 'homograph'],
    ['rnicrosoft.com', 'Microsoft', 'homograph'],
    ['xn--pypal-4ve.com', 'PayPal', 'homograph'],
    ['paypall.com', 'PayPal', 'typo'],
    ['amazom.co.uk', 'Amazon', 'typo'],
    ['paypal-secure-login.top', 'PayPal', 'brand_words'],
    ['applesupport.help', 'Apple', 'brand_words'],
    ['dhl-parcel.info', 'DHL', 'brand_words'],
    ['paypal.com.account-check.top', 'PayPal', 'brand_subdomain'],
    ['netflix.top', 'Netflix', 'other_tld'],
  ])('%s imitates %s (%s)', (domain, brand, kind) => {
    const found = findLookalike(domain);
    expect(found?.brand.name).toBe(brand);
    expect(found?.kind).toBe(kind);
  });

  it.each([
    'paypal.com',
    'mail.paypal.co.uk',
    'gmail.com',
    'outlook.com',
    'finance.example',
    'dhlexample.com',
    'ups-and-downs.org',
    'apply.com',
    'amazon.de',
    'paypal.nl',
    'example.org',
    'sample.com',
  ])('%s is not a look-alike', (domain) => {
    expect(findLookalike(domain)).toBeNull();
  });

  it('computes skeletons and bounded edit distances', () => {
    expect(skeleton('РАУРАL')).toBe(skeleton('paypal'));
    expect(skeleton('g00gle')).toBe(skeleton('google'));
    expect(editDistance('paypal', 'paypla', 1)).toBe(1);
    expect(editDistance('paypal', 'pyapla', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
