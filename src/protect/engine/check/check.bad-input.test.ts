/**
 * The checker on each kind of bad input the issue lists — malformed MIME,
 * 25 MB emails, 100-level nested multiparts, invalid UTF-8, right-to-left
 * overrides and zero-width characters, 100 KB URLs, binary garbage — and on
 * empty and oversized fields of every kind. Each must give a well-formed
 * result (resultProblems: kinds, a NaN-free score in [0, 1], evidence inside
 * its field, at most maxReasons reasons, `truncated` when a limit was hit)
 * within about a second on a warmed checker. The parser's own stress and
 * property tests are in ../email/; the generated inputs in check.fuzz.test.ts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScamModelFiles } from '../../load-models.js';
import type { CheckInput, CheckResult, IndicatorMatcher } from '../types.js';
import { type CheckLimits, createScamChecker } from './check.js';
import { describeInput, INVALID_UTF8, resultProblems } from './test-support/fuzz-inputs.js';

const models = loadScamModelFiles();
const checker = createScamChecker({ models });
const enc = new TextEncoder();
const MB = 1024 * 1024;
/** "About a second", with room for a slow or busy CI machine. */
const BOUND_MS = 1_500;

const fixtureEmail = (id: string) =>
  new Uint8Array(
    readFileSync(new URL(`../../../../fixtures/scam/email/${id}.eml`, import.meta.url)),
  );

/** Check `input`, assert a well-formed result within the time bound, and return it. */
function checkWell(
  input: CheckInput,
  opts: { limits?: Partial<CheckLimits>; bound?: number } = {},
): CheckResult {
  const c =
    opts.limits === undefined ? checker : createScamChecker({ models, limits: opts.limits });
  const t = performance.now();
  const result = c.check(input);
  const ms = performance.now() - t;
  const size = input.raw?.length ?? input.content.length;
  if (size > 1_000_000 || ms > 200) {
    console.log(
      `[check-bad-input] ${ms.toFixed(0).padStart(5)} ms  ${size.toLocaleString('en')}  ${expect.getState().currentTestName ?? ''}`,
    );
  }
  const problems = resultProblems(input, result, {
    version: c.version,
    ...(opts.limits === undefined ? {} : { limits: opts.limits }),
  });
  expect(problems, describeInput(input, 200)).toEqual([]);
  expect(ms, describeInput(input, 200)).toBeLessThan(opts.bound ?? BOUND_MS);
  return result;
}

/** head + `size` bytes made by repeating `unit` + tail (by doubling copies: fast). */
function big(head: string, unit: string, size: number, tail = ''): Uint8Array {
  const h = enc.encode(head);
  const u = enc.encode(unit);
  const t = enc.encode(tail);
  const out = new Uint8Array(h.length + size + t.length);
  out.set(h, 0);
  out.set(u.subarray(0, Math.min(u.length, size)), h.length);
  for (let filled = Math.min(u.length, size); filled < size; filled *= 2) {
    out.copyWithin(h.length + filled, h.length, h.length + Math.min(filled, size - filled));
  }
  out.set(t, h.length + size);
  return out;
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Seeded bytes (xorshift32), so failures repeat. */
function garbage(size: number, seed = 0x2545f491, mask = 0): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = (x & 0xff) | mask;
  }
  return out;
}

const raw = (bytes: Uint8Array, kind: CheckInput['kind'] = 'email'): CheckInput => ({
  kind,
  content: '',
  raw: bytes,
});
const codes = (r: CheckResult) => r.reasons.map((x) => x.code);

beforeAll(() => {
  // Warm every path once (the bound is for a running server, not for the first call after start-up).
  for (let i = 0; i < 3; i++) {
    checker.check(raw(fixtureEmail('sw-email-0001')));
    checker.check(
      raw(
        big('Content-Type: text/html\n\n', '<p><a href="https://x.example/">x</a> &amp;</p>', MB),
      ),
    );
    checker.check(raw(big('Subject: x\n\n', 'Pay at https://a.top/x gift card\u200b ', MB)));
    checker.check(raw(garbage(MB)));
    checker.check({ kind: 'email', content: repeatTo('a\u200b\u202e ', MB) });
    checker.check({
      kind: 'sms',
      content: repeatTo('Pay now at https://a.top/x 09098765432 ', 30_000),
    });
    checker.check({ kind: 'url', content: `https://x.example/?q=${'a'.repeat(20_000)}` });
    checker.check({ kind: 'phone', content: '+44 9098 765432' });
  }
}, 120_000);

describe('malformed MIME', () => {
  const cases: [string, string][] = [
    ['a multipart without a boundary', 'Content-Type: multipart/mixed\n\n--x\n\nhello\n--x--\n'],
    ['a boundary that never appears', 'Content-Type: multipart/mixed; boundary=zz\n\nhello\n'],
    ['an empty boundary', 'Content-Type: multipart/mixed; boundary=""\n\n--\n\nhi\n----\n'],
    [
      'parts that never close',
      'Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nPay now https://x.top\n',
    ],
    [
      'a closing boundary before any part',
      'Content-Type: multipart/mixed; boundary=a\n\n--a--\n--a\n\ntext after the end\n',
    ],
    [
      'broken base64',
      'Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\n!!!!****====QUJD\u00ff\u00fe=\n',
    ],
    [
      'broken quoted-printable',
      'Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n=ZZ=\n=C3=\n=\n==41\n',
    ],
    [
      'an unknown transfer encoding',
      'Content-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n`\nend\n',
    ],
    [
      'charsets that do not exist or do not fit',
      'Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: text/plain; charset=x-klingon\n\nhi\n--a\nContent-Type: text/plain; charset=utf-16\n\nplain ascii\n--a\nContent-Type: text/html; charset=iso-2022-jp\n\n\u001b$B<a href="https://x.top">\n--a--\n',
    ],
    [
      'header lines without colons, folds with nothing before them',
      ' folded first\nno colon here\n: empty name\nFrom\nSubject:\n\tfolded subject\n\nbody\n',
    ],
    [
      'broken encoded-words',
      'From: =?utf-8?B?////?= <a@b.example>\nSubject: =?x-unknown?Q?a=ZZ?= =?utf-8?B?8J+Ss?= =?=?=\n\nbody\n',
    ],
    [
      'a From with only a name, and two From lines',
      'From: PayPal Support\nFrom: "Other" <x@y.example>\nSubject: hi\n\nbody\n',
    ],
    ['an embedded message with nothing in it', 'Content-Type: message/rfc822\n\n'],
    [
      'a Content-Type with 10,000 parameters',
      `Content-Type: text/plain; ${Array.from({ length: 10_000 }, (_, i) => `p${i}="v${i}"`).join('; ')}\n\nhello\n`,
    ],
    ['CR-only line endings', 'From: a@b.example\rSubject: cr\r\rPay now at https://x.top/pay\r'],
    [
      'NUL bytes in the headers',
      'Fr\u0000om: a@b.example\nSub\u0000ject: \u0000\n\n\u0000body\u0000',
    ],
    [
      'an HTML body that never closes its tags',
      'Content-Type: text/html\n\n<a href="https://x.top/login"><div><p><table><script>alert(1)<style>p{}<!-- <a href="',
    ],
    [
      'attachment names with every trick',
      'Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Disposition: attachment; filename*0*=utf-8\'\'%E2%80%AE; filename*1="fdp.exe"\n\nx\n--a\nContent-Type: application/pdf; name="\n\r"\n\nx\n--a--\n',
    ],
  ];
  it.each(cases)('reads %s without failing', (_name, text) => {
    const bytes = enc.encode(text);
    checkWell(raw(bytes));
    checkWell(raw(bytes, 'auto'));
    checkWell({ kind: 'email', content: text });
  });

  it('reads a fixture email cut at every 97th byte', () => {
    const bytes = fixtureEmail('sw-email-0002');
    for (let end = 0; end <= bytes.length; end += 97) checkWell(raw(bytes.subarray(0, end)));
  });
});

describe('25 MB emails', () => {
  const bodies: [string, () => Uint8Array][] = [
    [
      'plain text',
      () => big('Subject: big\n\n', 'All work and no play makes Jack a dull boy. ', 25 * MB - 14),
    ],
    [
      'scam text with links',
      () =>
        big(
          'Subject: big\n\n',
          'Pay now at https://a.top/x for your gift card, urgent. ',
          25 * MB - 14,
        ),
    ],
    [
      'HTML with links',
      () =>
        big(
          'Content-Type: text/html\n\n',
          '<div><a href="https://x.example/">link</a> text &amp; more</div>\n',
          25 * MB - 25,
        ),
    ],
    ['HTML made of "<"', () => big('Content-Type: text/html\n\n', '<', 25 * MB - 25)],
    [
      'quoted-printable',
      () =>
        big(
          'Content-Transfer-Encoding: quoted-printable\n\n',
          'caf=C3=A9 =E2=80=AE =\n',
          25 * MB - 45,
        ),
    ],
    [
      'base64 text',
      () =>
        big(
          'Content-Transfer-Encoding: base64\n\n',
          'UGF5IG5vdyBhdCBodHRwczovL2EudG9wL3ggZ2lmdCBjYXJkIHVyZ2VudC4g\n',
          25 * MB - 35,
        ),
    ],
    [
      'boundary-like lines',
      () =>
        big(
          'Content-Type: multipart/mixed; boundary=ab\n\n--ab\n\n',
          '--ac\n--xy--\n',
          25 * MB - 50,
        ),
    ],
    ['binary garbage', () => garbage(25 * MB)],
    ['high-bit garbage (not UTF-8)', () => garbage(25 * MB, 7, 0x80)],
    [
      'zero-width and right-to-left characters',
      () => big('Subject: x\n\n', 'Pay\u200bPal\u202e ', 25 * MB - 12),
    ],
  ];
  it.each(bodies)('checks 25 MB of %s within the bound, and says it read only part', (_n, make) => {
    const r = checkWell(raw(make()));
    expect(r.kind).toBe('email');
    expect(r.truncated).toBe(true);
  });

  it('counts a 25 MB attachment without reading it, so nothing was left out', () => {
    const r = checkWell(
      raw(
        big(
          'From: a@b.example\nSubject: scan\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nThe scan is attached.\n--z\nContent-Type: application/pdf; name=scan.pdf\nContent-Transfer-Encoding: base64\n\n',
          'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n',
          25 * MB - 400,
          '\n--z--\n',
        ),
      ),
    );
    expect(r.truncated).toBe(false);
  });

  it('reads only the first 25 MB of a 27 MB file, and says so', () => {
    expect(checkWell(raw(big('Subject: huge\n\n', 'x', 27 * MB))).truncated).toBe(true);
  });

  it('encodes no more of a pasted 26 M-character email than it reads, and says so', () => {
    const text = `Subject: pasted\n\n${repeatTo('\u200bé日 ', 26 * MB)}`;
    expect(checkWell({ kind: 'email', content: text }).truncated).toBe(true);
    expect(
      checkWell({ kind: 'auto', content: `From: a@b.example\nTo: c@d.example\n${text}` }).truncated,
    ).toBe(true);
  });
});

describe('100-level nested multiparts', () => {
  const nest = (levels: number, innermost: string) => {
    let s = 'From: "Support" <help@secure-pay.top>\nSubject: deep\n';
    for (let i = 0; i < levels; i++)
      s += `Content-Type: multipart/mixed; boundary="level${i}"\n\n--level${i}\n`;
    s += `Content-Type: text/plain\n\n${innermost}\n`;
    for (let i = levels - 1; i >= 0; i--) s += `--level${i}--\n`;
    return enc.encode(s);
  };
  const scam =
    'Your account is locked. Buy 5 Apple gift cards and send the codes to 09098765432 now: https://paypa1-secure.top/login';

  it('reads the innermost text of 100 levels, all of it', () => {
    const r = checkWell(raw(nest(100, scam)));
    expect(r.truncated).toBe(false);
    expect(r.verdict).not.toBe('no_signs');
    expect(r.indicators.map((i) => i.value)).toContain('paypa1-secure.top');
  });

  it('skips what is deeper than 100 levels, and says so', () => {
    const r = checkWell(raw(nest(150, scam)));
    expect(r.truncated).toBe(true);
    expect(r.indicators.map((i) => i.value)).not.toContain('paypa1-secure.top');
  });

  it('stops 10,000 nested embedded messages and 10,000 sibling parts at the limits', () => {
    expect(
      checkWell(raw(enc.encode('Content-Type: message/rfc822\n\n'.repeat(10_000)))).truncated,
    ).toBe(true);
    let s = 'Content-Type: multipart/mixed; boundary=p\n\n';
    for (let i = 0; i < 10_000; i++)
      s += `--p\nContent-Type: text/plain\n\npart ${i} https://x${i}.top\n`;
    expect(checkWell(raw(enc.encode(`${s}--p--\n`))).truncated).toBe(true);
  });

  it('stays within the bound for 100 levels around a 25 MB body of near-boundaries', () => {
    let head = 'Subject: deep and big\n';
    for (let i = 0; i < 100; i++) {
      const b = `same-length-boundary-${String(i).padStart(3, '0')}`;
      head += `Content-Type: multipart/mixed; boundary="${b}"\n\n--${b}\n`;
    }
    head += 'Content-Type: text/plain\n\n';
    checkWell(raw(big(head, '--same-length-boundary-xyz\n', 25 * MB - head.length)));
  });
});

describe('invalid UTF-8 and broken UTF-16', () => {
  const bad = INVALID_UTF8.flatMap((b) => [...b]);
  const withBad = (text: string) => {
    const parts = text.split('|').map((p) => enc.encode(p));
    const out: number[] = [];
    for (const [i, p] of parts.entries()) {
      out.push(...p);
      if (i < parts.length - 1) out.push(...bad);
    }
    return new Uint8Array(out);
  };

  it('reads invalid UTF-8 in the headers and in a body that claims to be UTF-8', () => {
    const bytes = withBad(
      'From: "Pay|Pal" <service@pay|pal.example>\nSubject: Your acc|ount\nContent-Type: text/plain; charset=utf-8\n\nVerify at https://x|.top/login| now|\n',
    );
    checkWell(raw(bytes));
    checkWell(raw(bytes, 'auto'));
    checkWell({ kind: 'email', content: new TextDecoder().decode(bytes) });
  });

  it('reads invalid UTF-8 in base64, quoted-printable and HTML parts', () => {
    const b64 = btoa(String.fromCharCode(...withBad('Pay| now| https://x.top')));
    const qp = bad.map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
    const text = `Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Transfer-Encoding: base64\n\n${b64}\n--a\nContent-Transfer-Encoding: quoted-printable\n\n${qp}\n--a\nContent-Type: text/html; charset=utf-8\n\n<a href="https://x.top/|">|</a>\n--a--\n`;
    checkWell(raw(withBad(text)));
  });

  it('reads lone surrogates in every kind of field', () => {
    const s = 'Pay \ud800 now \udfff at https://x.top/\udc00login \ud83d';
    for (const kind of ['auto', 'sms', 'email', 'url', 'phone'] as const) {
      checkWell({ kind, content: s });
      checkWell({ kind, content: `+44 \ud800 9098 765432\udc00` });
    }
  });

  it('cuts a text between the halves of a surrogate pair at the limit without breaking evidence', () => {
    const text = `${'a '.repeat(9_999)}a😀 Pay now at https://x.top and send gift cards`;
    expect(text.charCodeAt(19_999)).toBe(0xd83d);
    expect(checkWell({ kind: 'sms', content: text }).truncated).toBe(true);
  });
});

describe('right-to-left overrides and zero-width characters', () => {
  it('flags a sender name and a subject that hide characters', () => {
    const r = checkWell(
      raw(
        enc.encode(
          'From: "PayPal\u202e Service" <service@secure-pay.top>\nSubject: Ver\u200bify your acc\u200bount\n\nPlease verify your account at https://secure-pay.top/login\n',
        ),
      ),
    );
    expect(codes(r)).toEqual(
      expect.arrayContaining(['email.sender_hidden_chars', 'email.subject_hidden_chars']),
    );
  });

  it('flags an attachment whose name is reversed to hide an .exe', () => {
    const r = checkWell(
      raw(
        enc.encode(
          'From: a@b.example\nSubject: invoice\nContent-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: text/plain\n\nSee the invoice.\n--a\nContent-Type: application/octet-stream; name="invoice\u202efdp.exe"\nContent-Disposition: attachment\n\nMZ\n--a--\n',
        ),
      ),
    );
    expect(codes(r)).toContain('email.attachment_double_extension');
  });

  it('reads texts, URLs and numbers full of direction and zero-width characters', () => {
    const controls =
      '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060\ufeff\u00ad';
    const sms =
      'Your p\u200barcel is held. Pay \u202e99.1£\u202c at https://royal\u200bmail-fee.top/pay';
    checkWell({ kind: 'sms', content: sms });
    checkWell({ kind: 'sms', content: [...sms].join('\u200b') });
    checkWell({ kind: 'sms', content: controls.repeat(2_000) });
    checkWell({ kind: 'url', content: 'https://pay\u200bpal.com\u202e/nigol' });
    checkWell({ kind: 'url', content: `https://${controls}.com/${controls}` });
    checkWell({ kind: 'phone', content: '\u202e+44 9098\u200b 765432' });
    checkWell({ kind: 'auto', content: controls });
  });
});

describe('100 KB URLs', () => {
  const shapes: [string, string][] = [
    ['host', `https://${repeatTo('a', 100 * 1024)}.com/`],
    ['subdomains', `https://${repeatTo('a.', 100 * 1024)}paypal.com.secure.top/`],
    ['path', `https://paypa1-secure.top/${repeatTo('login/', 100 * 1024)}`],
    ['query', `https://x.top/?${repeatTo('redirect=https://paypal.com&', 100 * 1024)}`],
    ['percent-escapes', `https://x.top/${repeatTo('%E2%80%AE%zz', 100 * 1024)}`],
    ['user info', `https://${repeatTo('paypal.com@', 100 * 1024)}evil.top/`],
  ];
  it.each(shapes)('reads the first part of a 100 KB URL (long %s), and says so', (_n, url) => {
    for (const kind of ['url', 'auto'] as const) {
      const r = checkWell({ kind, content: url });
      expect(r.kind).toBe('url');
      expect(r.truncated).toBe(true);
    }
    expect(checkWell({ kind: 'sms', content: `Pay now: ${url}` }).truncated).toBe(true);
  });

  it('reads a 100 KB link in an email', () => {
    const href = `https://x.top/${repeatTo('a', 100 * 1024)}`;
    checkWell(raw(enc.encode(`Content-Type: text/html\n\n<a href="${href}">PayPal</a> ${href}\n`)));
  });
});

describe('binary garbage', () => {
  it.each([1_000, 100_000, 5 * MB])('checks %i random bytes as an email file', (size) => {
    checkWell(raw(garbage(size)));
    checkWell(raw(garbage(size, 99, 0x80), 'auto'));
  });

  it('checks random bytes read as text, in every kind', () => {
    const bytes = garbage(50_000, 1234);
    const asText = [
      new TextDecoder().decode(bytes),
      String.fromCharCode(...bytes.subarray(0, 50_000)),
    ];
    for (const content of asText) {
      for (const kind of ['auto', 'sms', 'email', 'url', 'phone'] as const)
        checkWell({ kind, content });
    }
  });

  it('checks a megabyte of NUL bytes and of 0xFF bytes', () => {
    checkWell(raw(new Uint8Array(MB)));
    checkWell(raw(new Uint8Array(MB).fill(0xff)));
    checkWell({ kind: 'sms', content: '\u0000'.repeat(MB) });
  });
});

describe('empty and oversized fields of every kind', () => {
  const kinds = ['auto', 'sms', 'email', 'url', 'phone'] as const;

  it.each(kinds)('gives a result with plain words for an empty or blank %s', (kind) => {
    for (const content of ['', ' ', '\n\n', '\u200b', '\u3000\t']) {
      const r = checkWell({ kind, content });
      expect(r.checked.length).toBeGreaterThan(0);
    }
    checkWell(raw(new Uint8Array(0), kind));
  });

  it.each(kinds)(
    'reads only the first part of 25 M characters given as %s, and says so',
    (kind) => {
      const r = checkWell({
        kind,
        content: repeatTo('Pay now 09098765432 https://x.top/a ', 25 * MB),
      });
      expect(r.truncated).toBe(true);
    },
  );

  it('never lists more reasons than it is told to', () => {
    const text =
      'URGENT: your account is locked. Buy Apple gift cards and send the codes, or pay in bitcoin to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq. Call 09098765432 or go to https://paypa1-secure.top/login?user=a@b.example within 24 hours';
    for (const maxReasons of [0, 1, 3]) {
      const r = checkWell({ kind: 'sms', content: text }, { limits: { maxReasons } });
      expect(r.reasons.length).toBeLessThanOrEqual(maxReasons);
    }
  });
});

describe('regressions found by the fuzz run', () => {
  it('lists no URL indicator for an empty or blank URL', () => {
    for (const content of ['', '   ', '\u3000']) {
      expect(checkWell({ kind: 'url', content }).indicators).toEqual([]);
    }
  });

  it('keeps the score a number when a threat-intel list sends a confidence that is not one', () => {
    for (const confidence of [Number.NaN, -1, 2, Number.POSITIVE_INFINITY]) {
      const matcher: IndicatorMatcher = {
        match: (indicators) =>
          indicators.map((indicator) => ({ indicator, source: 'a list', confidence })),
      };
      const c = createScamChecker({ models, matcher });
      const input: CheckInput = {
        kind: 'sms',
        content: 'Hello, see https://docs-share.example.net/file/1',
      };
      const r = c.check(input);
      expect(resultProblems(input, r, { version: c.version })).toEqual([]);
      expect(r.verdict).toBe('scam');
      expect(r.reasons[0]?.code).toMatch(/^intel\./);
    }
  });

  it('lists no email indicator for a sender without an address', () => {
    const r = checkWell(raw(enc.encode('From: PayPal Support\nSubject: hi\n\nhello\n')));
    expect(r.indicators.filter((i) => i.type === 'email')).toEqual([]);
  });
});
