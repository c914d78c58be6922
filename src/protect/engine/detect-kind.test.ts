import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind.js';

describe('detectKind', () => {
  it.each([
    ['From: "Bank" <a@b.example>\nSubject: Hello\n\nBody', 'email'],
    ['From someone@example.org Mon Jan  1 00:00:00 2024\nSubject: x\n\nb', 'email'],
    ['Received: from x\r\nFrom: a@b.c\r\nTo: c@d.e\r\n\r\nhi', 'email'],
    ['+44 7700 900123', 'phone'],
    ['(555) 010-1234', 'phone'],
    ['https://paypal.com.secure-login.top/verify', 'url'],
    ['bit.ly/3xYz', 'url'],
    ['hxxps://evil[.]top/login', 'url'],
    ['paypal-verify.top', 'url'],
    ['Hi mum, my phone broke, this is my new number', 'sms'],
    ['Your code is 123456', 'sms'],
    ['From: me to you, with love', 'sms'],
  ])('%j → %s', (input, kind) => {
    expect(detectKind(input)).toBe(kind);
  });

  it('always answers, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) =>
        ['sms', 'email', 'url', 'phone'].includes(detectKind(s)),
      ),
    );
  });
});
