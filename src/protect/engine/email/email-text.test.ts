import { describe, expect, it } from 'vitest';
import {
  CORPUS_ARTEFACTS,
  EMAIL_TEXT_MAX_CHARS,
  emailText,
  looksLikeMarkup,
  maskTokens,
  stripPgpArmour,
} from './email-text.js';
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

  it('reads the HTML part when the plain part is really markup or a style sheet (what the person sees)', () => {
    const alt = (plain: string) =>
      parseEmail(
        enc.encode(`Subject: s
Content-Type: multipart/alternative; boundary=b

--b
Content-Type: text/plain

${plain}
--b
Content-Type: text/html

<p>Claim your rewards before they expire.</p>
--b--`),
      );
    const css = '.wrapper { display: flex; } .spacer { flex-grow: 1000; } a { color: #0088cc; }';
    expect(emailText(alt(css))).toBe('s\nClaim your rewards before they expire.');
    const tags = '<p>&nbsp;</p> <table width="100%"><tr><td align="center">Hi</td></tr></table>';
    expect(emailText(alt(tags))).toBe('s\nClaim your rewards before they expire.');
    // Ordinary prose with a brace or an angle bracket is still the plain part.
    expect(emailText(alt('Use map { a: 1 } or <b> once, then reply.'))).toBe(
      's\nUse map { a: 1 } or <b> once, then reply.',
    );
  });

  it('reads a markup-only plain part without its tags', () => {
    const p = parseEmail(
      enc.encode(
        'Subject: s\n\n<p>Your account</p><div>is</div><span>on hold.</span><br><p>Pay now.</p>',
      ),
    );
    expect(emailText(p)).toBe('s\nYour account is on hold. Pay now.');
  });

  it('tells markup from prose in bounded time on hostile input', () => {
    const start = performance.now();
    looksLikeMarkup('a{b:'.repeat(50_000));
    looksLikeMarkup('<p '.repeat(50_000));
    expect(performance.now() - start).toBeLessThan(500);
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

  it('reads a clear-signed message as the words it signs, without the PGP armour', () => {
    const words = 'Hi all,\nthe meeting moved to Thursday.\n';
    const signed = `-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\n${words}-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1.0.6\n\niD8DBQE9abcdef0123456789+/ABCDEF\n=x1Yz\n-----END PGP SIGNATURE-----\n`;
    const text = (body: string) => emailText(parseEmail(enc.encode(`Subject: s\n\n${body}`)));
    expect(text(signed)).toBe(text(words));
    // An unterminated signature block ends the text; plain mail is left alone.
    expect(stripPgpArmour(`${words}-----BEGIN PGP SIGNATURE-----\nabc`)).toBe(words);
    expect(stripPgpArmour(words)).toBe(words);
  });

  it('caps the body it reads', () => {
    const p = parseEmail(enc.encode(`Subject: long\n\n${'word '.repeat(10_000)}`));
    expect(emailText(p).length).toBeLessThanOrEqual(EMAIL_TEXT_MAX_CHARS + 10);
  });
});
