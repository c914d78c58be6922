import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnValid, redactSecrets } from './redact.js';

describe('redactSecrets', () => {
  it.each([
    ['api-key', 'use sk-proj-AbCdEfGhIjKlMnOpQrStUvWxYz012345 now', 'sk-proj-AbCdEf'],
    ['shieldwall-key', `k=sw_live_AbCdEfGhIjKl_${'a'.repeat(38)}`, 'sw_live_AbCdEfGhIjKl_'],
    ['github-token', `ghp_${'A1'.repeat(18)}`, 'ghp_A1A1'],
    ['aws-access-key', 'AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    [
      'aws-secret-key',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'wJalrXUtnFEMI',
    ],
    ['bearer-token', 'Authorization: Bearer abc.def-ghi_jkl', 'abc.def-ghi_jkl'],
    ['jwt', 'eyJhbGciOi.eyJzdWIiOiIx.SflKxwRJSMeKKF2QT4', 'eyJhbGciOi.eyJzdWIiOiIx'],
    ['password', 'db password: hunter2hunter2', 'hunter2hunter2'],
    ['url-password', 'postgres://admin:s3cr3tP4ss@db.internal:5432/x', 's3cr3tP4ss'],
    ['card', 'card 4111-1111-1111-1111 exp 12/29', '4111-1111-1111-1111'],
    [
      'private-key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk\n-----END OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXk',
    ],
  ])('redacts %s', (kind, text, secret) => {
    const out = redactSecrets(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(`[REDACTED:${kind}]`);
  });

  it('keeps what is not a secret: the user name of a URL, numbers that fail Luhn, prose', () => {
    const text = 'See https://alice@example.org/x, order 4111 1111 1111 1112, Bearer of bad news.';
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts a private key whose END line is missing', () => {
    expect(redactSecrets('x -----BEGIN RSA PRIVATE KEY-----\nMIIEow')).toBe(
      'x [REDACTED:private-key]',
    );
  });

  it('never lets a Luhn-valid card number through, wherever it sits in other text', () => {
    const card = fc
      .array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 })
      .map((digits) => {
        // append the Luhn check digit
        for (let c = 0; c <= 9; c++) {
          const s = [...digits, c].join('');
          if (luhnValid(s)) return s;
        }
        throw new Error('unreachable');
      });
    fc.assert(
      fc.property(fc.string(), card, fc.string(), (a, c, b) => {
        const out = redactSecrets(`${a} ${c} ${b}`);
        expect(out.includes(` ${c} `)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('runs in linear time on hostile input', () => {
    const hostile = [
      'a.'.repeat(50_000),
      '://'.repeat(30_000),
      '-----BEGIN '.repeat(10_000),
      'sk-'.repeat(30_000),
      '1 '.repeat(50_000),
      'password='.repeat(20_000),
      'Bearer '.repeat(20_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      redactSecrets(text);
      expect(performance.now() - started).toBeLessThan(500);
    }
  });
});

describe('luhnValid', () => {
  it('accepts test card numbers and refuses one digit off', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('5555555555554444')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});
