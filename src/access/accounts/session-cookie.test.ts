import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csrfTokenOf, newToken, normaliseRecoveryCode, safeEqual } from './account-secrets.js';
import { deviceLabel, networkOf } from './devices.js';
import { maskEmail } from './mailer.js';
import { readCookie } from './session-cookie.js';

describe('readCookie', () => {
  it('finds a cookie among others, with spaces and quotes', () => {
    expect(readCookie('a=1; sw_session=abc; b=2', 'sw_session')).toBe('abc');
    expect(readCookie('sw_session="abc"', 'sw_session')).toBe('abc');
    expect(readCookie('x_sw_session=abc; sw_session=def', 'sw_session')).toBe('def');
    expect(readCookie('sw_session=first; sw_session=second', 'sw_session')).toBe('first');
    expect(readCookie('a=1;;=;b', 'sw_session')).toBeUndefined();
    expect(readCookie(undefined, 'sw_session')).toBeUndefined();
  });

  it('reads no further than its bounds', () => {
    const many = `${Array.from({ length: 70 }, (_, i) => `c${i}=v`).join('; ')}; sw_session=late`;
    expect(readCookie(many, 'sw_session')).toBeUndefined();
    expect(readCookie(`sw_session=${'a'.repeat(9000)}`, 'sw_session')).toBeUndefined();
  });

  it('never throws and returns only what was in the header', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const value = readCookie(header, 'sw_session');
        if (value !== undefined) expect(header).toContain(value);
      }),
    );
  });
});

describe('account secrets', () => {
  it('derives a different CSRF token per session, comparable in constant time', () => {
    const a = newToken();
    const b = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenOf(a)).toBe(csrfTokenOf(a));
    expect(csrfTokenOf(a)).not.toBe(csrfTokenOf(b));
    expect(safeEqual(csrfTokenOf(a), csrfTokenOf(a))).toBe(true);
    expect(safeEqual(csrfTokenOf(a), 'short')).toBe(false);
  });

  it('reads recovery codes the way people type them', () => {
    expect(normaliseRecoveryCode('ABCD-EFGH-JKMN-PQRS')).toBe('abcdefghjkmnpqrs');
    expect(normaliseRecoveryCode('abcd efgh jkmn pqr5')).toBe('abcdefghjkmnpqr5');
    expect(normaliseRecoveryCode('0O1l-0000-0000-0000')).toBe('0011000000000000');
    expect(normaliseRecoveryCode('abcd-efgh')).toBeUndefined();
    expect(normaliseRecoveryCode('x'.repeat(100))).toBeUndefined();
  });
});

describe('devices and addresses', () => {
  it('groups addresses by network', () => {
    expect(networkOf('203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.77')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:1:2::1')).toBe('2001:db8:1::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(deviceLabel('Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537', '10.1.2.3')).toBe(
      'Chrome on Windows, network 10.1.2.0/24',
    );
  });

  it('masks addresses in logs', () => {
    expect(maskEmail('alice@example.com')).toBe('a***e@e***e.com');
    expect(maskEmail('al@x.io')).toBe('a***@x***.io');
    expect(maskEmail('nonsense')).toBe('***');
  });
});
