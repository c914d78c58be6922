import { describe, expect, it } from 'vitest';
import { CORPUS_ARTEFACTS, EMAIL_TEXT_MAX_CHARS, emailText, maskTokens } from './email-text.js';
import { parseEmail } from './parse-email.js';

const enc = new TextEncoder();

describe('emailText', () => {
  it('is subject and body, normalised', () => {
    const p = parseEmail(enc.encode('Subject: Ｙｏｕｒ  parcel\n\nPay\u200b the   fee\n\nnow.'));
    expect(emailText(p)).toBe('Your parcel\nPay the fee now.');
  });

  it('prefers the plain part, unless it is a stub next to a real HTML part', () => {
    const alt = (plain: string) =>
      parseEmail(
        enc.encode(`Subject: s
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

${plain}
--b
Content-Type: text/html

<p>Your account has been suspended. Verify your identity within 24 hours to keep access.</p>
--b--`),
      );
    expect(emailText(alt('Your account has been suspended, verify now.'))).toBe(
      's\nYour account has been suspended, verify now.',
    );
    expect(emailText(alt('View in browser'))).toContain('Verify your identity');
  });

  it('masks corpus artefacts and every email address', () => {
    expect(
      maskTokens('Hi phishing@pot, see 2phishing@pot0799006 and https://x.example/?u=phishing@pot'),
    ).toBe('Hi [email] see [email] and [email]');
    expect(maskTokens('relayed by localhost.spamassassin.taint.org for jm@netnoteinc.com')).toBe(
      'relayed by [domain] for [domain]',
    );
    expect(maskTokens('zzzzteana list, yyyy wrote')).toBe('[name] list, [name] wrote');
    expect(maskTokens('write to john.smith@gmail.com or Support@Bank.example.')).toBe(
      'write to [email] or [email]',
    );
    expect(maskTokens('price is 5@ 3 each, user@localhost')).toBe(
      'price is 5@ 3 each, user@localhost',
    );
  });

  it('documents why each artefact is masked', () => {
    for (const a of CORPUS_ARTEFACTS) {
      expect(a.pattern).toBe(a.pattern.toLowerCase());
      expect(a.why.length).toBeGreaterThan(20);
    }
  });

  it('caps the body it reads', () => {
    const p = parseEmail(enc.encode(`Subject: long\n\n${'word '.repeat(10_000)}`));
    expect(emailText(p).length).toBeLessThanOrEqual(EMAIL_TEXT_MAX_CHARS + 10);
  });
});
