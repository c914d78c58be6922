import { describe, expect, it } from 'vitest';
import { parseEmail } from './parse-email.js';

const enc = new TextEncoder();
/** Test messages are written with LF; `crlf` turns them into wire format. */
const eml = (text: string, crlf = false) => enc.encode(crlf ? text.replace(/\n/g, '\r\n') : text);
const warningCodes = (raw: Uint8Array) => parseEmail(raw).warnings.map((w) => w.code);

describe('parseEmail: headers', () => {
  const msg = `From: "PayPal Support" <x@mail-secure-pp.top>
To: you@example.org
Subject: =?UTF-8?B?WW91ciBhY2NvdW50IGlzIGxvY2tlZCDwn5SS?=
Date: Mon, 3 Mar 2025 10:00:00 +0000
Message-ID: <abc@mail-secure-pp.top>
X-Long: first part
  continued here
\tand here

Hello`;

  it.each([false, true])('reads the same message with LF and CRLF (crlf=%s)', (crlf) => {
    const p = parseEmail(eml(msg, crlf));
    expect(p.hasHeaders).toBe(true);
    expect(p.subject).toBe('Your account is locked 🔒');
    expect(p.date).toBe('Mon, 3 Mar 2025 10:00:00 +0000');
    expect(p.messageId).toBe('<abc@mail-secure-pp.top>');
    expect(p.from?.mailboxes[0]).toMatchObject({
      name: 'PayPal Support',
      address: 'x@mail-secure-pp.top',
      domain: 'mail-secure-pp.top',
    });
    expect(p.headers.find((h) => h.name === 'X-Long')?.value).toBe(
      'first part  continued here\tand here',
    );
    expect(p.plainText).toBe('Hello');
    expect(p.body).toBe('Hello');
    expect(p.bodySource).toBe('plain');
  });

  it('puts every header into headerText at valueStart', () => {
    const p = parseEmail(eml(msg));
    for (const h of p.headers)
      expect(p.headerText.slice(h.valueStart, h.valueStart + h.value.length)).toBe(h.value);
  });

  it('decodes Q encoding, joins adjacent words and splits no characters', () => {
    const p = parseEmail(
      eml('Subject: =?iso-8859-1?Q?Caf=E9_ouvert?= =?UTF-8?B?4oKs?= =?UTF-8?B?IDEw?=\n\nx'),
    );
    expect(p.subject).toBe('Café ouvert€ 10');
    // A UTF-8 character split across two encoded-words
    const split = parseEmail(eml('Subject: =?UTF-8?B?8J+U?= =?UTF-8?B?kg==?=\n\nx'));
    expect(split.subject).toBe('🔒');
  });

  it('decodes encoded-words in charsets TextDecoder knows, and guesses for unknown ones', () => {
    expect(parseEmail(eml('Subject: =?shift_jis?B?k/qWe4zq?=\n\nx')).subject).toBe('日本語');
    expect(parseEmail(eml('Subject: =?x-unknown?Q?caf=C3=A9?=\n\nx')).subject).toBe('café');
    expect(parseEmail(eml('Subject: =?utf-8?Q?broken\n\nx')).subject).toBe('=?utf-8?Q?broken');
  });

  it('keeps raw UTF-8 header bytes and falls back to windows-1252 for invalid UTF-8', () => {
    expect(parseEmail(eml('Subject: Grüße\n\nx')).subject).toBe('Grüße');
    const latin = new Uint8Array([
      ...enc.encode('Subject: caf'),
      0xe9,
      0x80,
      ...enc.encode('\n\nx'),
    ]);
    expect(parseEmail(latin).subject).toBe('café€');
  });

  it('skips an mbox From line, a BOM and leading blank lines', () => {
    const p = parseEmail(
      eml('\ufeff\n\nFrom someone@example.org Wed Oct  9 10:51:41 2002\nSubject: hi\n\nbody'),
    );
    expect(p.subject).toBe('hi');
    expect(p.plainText).toBe('body');
  });

  it('reads input without headers as a plain-text body', () => {
    const p = parseEmail(eml('Hi mum, this is my new number. Can you send £200?'));
    expect(p.hasHeaders).toBe(false);
    expect(p.plainText).toContain('new number');
    expect(warningCodes(eml('just text'))).toContain('no_headers');
  });

  it('tolerates missing headers, a missing blank line and an empty input', () => {
    expect(parseEmail(eml('Subject: only\n')).subject).toBe('only');
    expect(parseEmail(eml('Subject: s\nThis line is the body\nmore')).plainText).toBe(
      'This line is the body\nmore',
    );
    const empty = parseEmail(new Uint8Array(0));
    expect(empty).toMatchObject({
      hasHeaders: false,
      subject: '',
      body: '',
      from: null,
      truncated: false,
    });
  });

  it('keeps right-to-left overrides and zero-width characters in names and subjects', () => {
    const p = parseEmail(
      eml('From: "Pay\u200bPal \u202eetoN" <a@b.example>\nSubject: Ver\u200dify\n\nx'),
    );
    expect(p.from?.mailboxes[0]?.name).toBe('Pay\u200bPal \u202eetoN');
    expect(p.subject).toBe('Ver\u200dify');
  });

  it('parses Authentication-Results (several headers, Microsoft dialect) and Received-SPF', () => {
    const p = parseEmail(
      eml(`Authentication-Results: spf=softfail (sender IP is 1.2.3.4)
 smtp.mailfrom=evil.example; dkim=none (message not signed)
 header.d=none;dmarc=fail action=quarantine header.from=paypal.com;compauth=fail
 reason=000
Authentication-Results: mx.example.org; dkim=pass header.d=paypal.com
Received-SPF: SoftFail (protection.outlook.com: domain of evil.example)
From: service@paypal.com

x`),
    );
    const brief = p.auth.map((r) => `${r.headerIndex}:${r.method}=${r.result}`);
    expect(brief).toEqual([
      '0:spf=softfail',
      '0:dkim=none',
      '0:dmarc=fail',
      '0:compauth=fail',
      '1:dkim=pass',
    ]);
    expect(p.auth[2]?.props['header.from']).toBe('paypal.com');
    expect(p.receivedSpf[0]?.result).toBe('softfail');
    for (const r of p.auth)
      expect(p.headerText.slice(r.start, r.end)).toBe(`${r.method}=${r.result}`);
  });
});

describe('parseEmail: MIME', () => {
  it('reads multipart/alternative and shows the HTML as the body', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/alternative; boundary="b1"

preamble is ignored
--b1
Content-Type: text/plain; charset=utf-8

Plain version
--b1
Content-Type: text/html; charset=utf-8

<p>HTML <b>version</b></p>
--b1--
epilogue is ignored`),
    );
    expect(p.plainText).toBe('Plain version');
    expect(p.htmlText).toBe('HTML version');
    expect(p.body).toBe('HTML version');
    expect(p.bodySource).toBe('html');
    expect(p.partCount).toBe(3);
    expect(p.warnings).toEqual([]);
  });

  it('decodes quoted-printable with soft line breaks and base64 with junk', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/mixed; boundary=X

--X
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Caf=E9 au lait, tr=
=C3s long =3D fini=
 =20
--X
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

SGVsbG8g!!!d29y
bGQg8J+Ygw==###
--X--`),
    );
    expect(p.plainText).toBe('Café au lait, trÃs long = fini  \n\nHello world 😃');
  });

  it('reads nested multiparts, attachments by name, type and size, and RFC 2231 names', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/mixed; boundary=outer

--outer
Content-Type: multipart/alternative; boundary=inner

--inner
Content-Type: text/plain

Please see the invoice.
--inner--
--outer
Content-Type: application/octet-stream; name="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf.exe?="
Content-Transfer-Encoding: base64

TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAA
--outer
Content-Type: application/pdf
Content-Disposition: attachment; filename*=utf-8''na%C3%AFve%20plan.pdf

%PDF-1.4 raw
--outer--`),
    );
    expect(p.plainText).toBe('Please see the invoice.');
    expect(p.attachments.map((a) => [a.filename, a.contentType, a.size, a.disposition])).toEqual([
      ['Rechnung März.pdf.exe', 'application/octet-stream', 33, 'none'],
      ['naïve plan.pdf', 'application/pdf', 12, 'attachment'],
    ]);
    expect(p.attachmentText).toBe('Rechnung März.pdf.exe\nnaïve plan.pdf');
    for (const a of p.attachments) expect(p.attachmentText.slice(a.start, a.end)).toBe(a.filename);
  });

  it('treats an HTML part with a file name as an attachment, not as the body', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/mixed; boundary=b

--b
Content-Type: text/plain

See attached.
--b
Content-Type: text/html; name="login.html"

<form><input type=password></form>
--b--`),
    );
    expect(p.body).toBe('See attached.');
    expect(p.attachments[0]).toMatchObject({ filename: 'login.html', contentType: 'text/html' });
    expect(p.forms).toEqual([]);
  });

  it('survives a missing closing boundary, a missing boundary and a boundary that never appears', () => {
    const unclosed = eml(
      'Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\n\nsecond',
    );
    expect(parseEmail(unclosed).plainText).toBe('first\n\nsecond');
    expect(warningCodes(unclosed)).toContain('missing_closing_boundary');
    const noParam = eml('Content-Type: multipart/mixed\n\ntext anyway');
    expect(parseEmail(noParam).plainText).toBe('text anyway');
    expect(warningCodes(noParam)).toContain('missing_boundary');
    const neverSeen = eml('Content-Type: multipart/mixed; boundary=zzz\n\n--other\n\nhidden text');
    expect(parseEmail(neverSeen).plainText).toContain('hidden text');
    expect(warningCodes(neverSeen)).toContain('boundary_not_found');
  });

  it('closes inner parts when an outer boundary comes first', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/mixed; boundary=A

--A
Content-Type: multipart/alternative; boundary=B

--B

inner text
--A

outer text
--A--`),
    );
    expect(p.plainText).toBe('inner text\n\nouter text');
  });

  it('accepts boundary lines with trailing whitespace and parts without headers', () => {
    const p = parseEmail(
      eml('Content-Type: multipart/mixed; boundary="a b"\n\n--a b  \nno headers here\n--a b--  \n'),
    );
    expect(p.plainText).toBe('no headers here');
  });

  it('reads an embedded message/rfc822 and lists it as an attachment', () => {
    const p = parseEmail(
      eml(`Content-Type: multipart/mixed; boundary=m

--m
Content-Type: text/plain

Forwarding a suspicious mail.
--m
Content-Type: message/rfc822

From: bad@evil.example
Subject: Inner
Content-Type: text/html

<a href="https://evil.example/login">https://www.paypal.com/</a>
--m--`),
    );
    expect(p.plainText).toBe('Forwarding a suspicious mail.');
    expect(p.htmlText).toBe('https://www.paypal.com/');
    expect(p.links[0]).toMatchObject({
      href: 'https://evil.example/login',
      text: 'https://www.paypal.com/',
      origin: 'anchor',
    });
    expect(p.attachments).toHaveLength(1);
    expect(p.attachments[0]?.contentType).toBe('message/rfc822');
    expect(p.attachments[0]?.size).toBeGreaterThan(60);
    expect(p.from?.mailboxes[0]?.address).toBeUndefined();
  });

  it('decodes declared charsets and falls back for unknown ones', () => {
    const sjis = new Uint8Array([
      ...enc.encode('Content-Type: text/plain; charset=Shift_JIS\n\n'),
      0x93,
      0xfa,
      0x96,
      0x7b,
    ]);
    expect(parseEmail(sjis).plainText).toBe('日本');
    const unknown = new Uint8Array([
      ...enc.encode('Content-Type: text/plain; charset=x-martian\n\ncaf'),
      0xc3,
      0xa9,
    ]);
    expect(parseEmail(unknown).plainText).toBe('café');
    expect(warningCodes(unknown)).toContain('unknown_charset');
    const invalidUtf8 = new Uint8Array([
      ...enc.encode('Content-Type: text/plain; charset=utf-8\n\nA'),
      0xff,
      0xfe,
      0x42,
    ]);
    expect(parseEmail(invalidUtf8).plainText).toBe('A\ufffd\ufffdB');
  });

  it('collects links from HTML anchors and from text, with offsets into their text', () => {
    const p = parseEmail(
      eml(`Content-Type: text/html

<p>Visit <a href="https://evil.example/x?a=1&amp;b=2">paypal.com</a> or www.other.example/page.</p>`),
    );
    expect(p.links.map((l) => [l.href, l.text, l.origin, l.inBody])).toEqual([
      ['https://evil.example/x?a=1&b=2', 'paypal.com', 'anchor', true],
      ['www.other.example/page', '', 'text', true],
    ]);
    for (const l of p.links) expect(p.body.slice(l.start, l.end)).toBe(l.text || l.href);
  });

  it('finds password forms in HTML bodies', () => {
    const p = parseEmail(
      eml(
        'Content-Type: text/html\n\n<form action="https://x.example/p">Email <input name=e> Password <INPUT TYPE="Password"></form>',
      ),
    );
    expect(p.forms).toEqual([
      {
        action: 'https://x.example/p',
        hasPassword: true,
        part: 'html',
        inBody: true,
        start: 0,
        end: 14,
      },
    ]);
    expect(p.body.slice(0, 14)).toBe('Email Password');
  });
});
