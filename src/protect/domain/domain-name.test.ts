import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDomainInput, parseResolverList } from './domain-name.js';
import { createPolicyFetcher, isPublicAddress } from './mta-sts-fetch.js';

describe('domain names as people type them', () => {
  it('accepts domains, IDN and a trailing dot, in one ASCII form', () => {
    expect(normalizeDomainInput(' Shop.Example. ')).toEqual({ ok: true, ascii: 'shop.example' });
    expect(normalizeDomainInput('bücher.example')).toEqual({
      ok: true,
      ascii: 'xn--bcher-kva.example',
    });
    expect(normalizeDomainInput('пример.рф')).toEqual({ ok: true, ascii: 'xn--e1afmkfd.xn--p1ai' });
  });

  it('refuses what is not a domain, with a reason', () => {
    expect(normalizeDomainInput('')).toEqual({ ok: false, reason: 'empty' });
    expect(normalizeDomainInput('localhost')).toEqual({ ok: false, reason: 'single_label' });
    expect(normalizeDomainInput('192.0.2.1')).toEqual({ ok: false, reason: 'ip_address' });
    expect(normalizeDomainInput('1.2.3.04')).toMatchObject({ ok: false });
    expect(normalizeDomainInput('http://shop.example')).toEqual({
      ok: false,
      reason: 'not_a_domain',
    });
    expect(normalizeDomainInput('me@shop.example')).toEqual({ ok: false, reason: 'not_a_domain' });
    expect(normalizeDomainInput('sh%6fp.example')).toEqual({ ok: false, reason: 'not_a_domain' });
    expect(normalizeDomainInput('*.shop.example')).toEqual({ ok: false, reason: 'not_a_domain' });
    expect(normalizeDomainInput(`${'a'.repeat(64)}.example`)).toEqual({
      ok: false,
      reason: 'not_a_domain',
    });
    expect(normalizeDomainInput(`${'abcdefghi.'.repeat(26)}example`)).toEqual({
      ok: false,
      reason: 'too_long',
    });
    expect(normalizeDomainInput('x'.repeat(1001))).toEqual({ ok: false, reason: 'too_long' });
  });

  it('never throws, and whatever it accepts is a valid ASCII name (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = normalizeDomainInput(text);
        if (r.ok) {
          expect(r.ascii.length).toBeLessThanOrEqual(253);
          expect(r.ascii).toMatch(/^[a-z0-9.-]+$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('resolver lists', () => {
  it('reads IP:PORT lists and refuses host names', () => {
    expect(parseResolverList('127.0.0.1:5353, 192.0.2.53')).toEqual([
      '127.0.0.1:5353',
      '192.0.2.53:53',
    ]);
    expect(parseResolverList('[::1]:5353,2001:db8::53')).toEqual([
      '[::1]:5353',
      '[2001:db8::53]:53',
    ]);
    expect(parseResolverList('dns.example:53')).toBeNull();
    expect(parseResolverList('127.0.0.1:99999')).toBeNull();
    expect(parseResolverList('')).toBeNull();
    expect(parseResolverList('1.1.1.1,1.1.1.2,1.1.1.3,1.1.1.4,1.1.1.5,1.1.1.6')).toBeNull();
  });
});

describe('MTA-STS policy fetching stays off private networks', () => {
  it('classifies addresses', () => {
    for (const a of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isPublicAddress(a), a).toBe(false);
    for (const a of ['8.8.8.8', '2606:4700::1111']) expect(isPublicAddress(a), a).toBe(true);
  });

  it('refuses a policy host that resolves to loopback', async () => {
    // `localhost` resolves locally (no internet): the connection must be refused before any request.
    const fetchPolicy = createPolicyFetcher({ timeoutMs: 2000 });
    const result = await fetchPolicy('localhost');
    expect(result.status).toBe('error');
  });
});
