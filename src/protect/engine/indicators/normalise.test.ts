import { describe, expect, it } from 'vitest';
import { extractIndicators } from './extract-indicators.js';
import { normaliseDomain, normalisePhone, normaliseUrl } from './normalise.js';

describe('normalisation helpers', () => {
  it.each([
    ['hxxps://Evil[.]COM/a', 'https://evil.com/a'],
    ['paypal-verify.top/login', 'http://paypal-verify.top/login'],
    ['  https://аpple.com  ', 'https://xn--pple-43d.com/'],
    ['http://ｐａｙｐａｌ．ｃｏｍ', 'http://paypal.com/'],
    ['not a url at all', undefined],
  ])('normaliseUrl(%j) = %j', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it.each([
    ['WWW.Exämple.COM.', 'www.xn--exmple-cua.com'],
    ['evil[.]top', 'evil.top'],
    ['a b.com', undefined],
    ['x.com/path', undefined],
  ])('normaliseDomain(%j) = %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    ['+44 7700 900123', '+447700900123'],
    ['(555) 123-4567', '+15551234567'],
    ['07700900123', '+447700900123'],
    ['0412 345 678', '+61412345678'],
    ['090-1234-5678', '+819012345678'],
    ['123', undefined],
    ['call me maybe', undefined],
  ])('normalisePhone(%j) = %j', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it('agrees with extraction from running text', () => {
    const [url] = extractIndicators('go to hxxps://Evil[.]COM/a now', 'text');
    expect(url?.value).toBe(normaliseUrl('hxxps://Evil[.]COM/a'));
    const [phone] = extractIndicators('call +44 7700 900123', 'text');
    expect(phone?.value).toBe(normalisePhone('+44 7700 900123'));
  });

  it('takes the market for national numbers', () => {
    expect(normalisePhone('98765 43210', 'IN')).toBe('+919876543210');
    expect(normalisePhone('09012345678', 'JP')).toBe('+819012345678');
    expect(normalisePhone('09012345678', 'UK')).toBe('+449012345678');
  });
});
