import { describe, expect, it } from 'vitest';
import { parseAddressField } from './address-parser.js';
import { parseAuthResults, parseReceivedSpf } from './auth-results.js';

const boxes = (raw: string) =>
  parseAddressField(raw).mailboxes.map((m) => [m.name, m.address, m.domain]);

describe('address parsing', () => {
  it.each([
    [
      '"PayPal Support" <x@mail-secure-pp.top>',
      [['PayPal Support', 'x@mail-secure-pp.top', 'mail-secure-pp.top']],
    ],
    ['PayPal <service@PayPal.COM.>', [['PayPal', 'service@PayPal.COM.', 'paypal.com']]],
    ['a@b.example (Alice Example)', [['Alice Example', 'a@b.example', 'b.example']]],
    ['<bounce@x.example>', [['', 'bounce@x.example', 'x.example']]],
    ['<>', []],
    ['"support@apple.com" <abc@xyz.ru>', [['support@apple.com', 'abc@xyz.ru', 'xyz.ru']]],
    [
      '"Quote \\"inside\\" (not a comment)" <q@x.example>',
      [['Quote "inside" (not a comment)', 'q@x.example', 'x.example']],
    ],
    [
      'Team: a@x.example, "B" <b@y.example>;, c@z.example',
      [
        ['', 'a@x.example', 'x.example'],
        ['B', 'b@y.example', 'y.example'],
        ['', 'c@z.example', 'z.example'],
      ],
    ],
    ['undisclosed-recipients:;', []],
    ['John (the (nested) boss) <j@x.example>', [['John', 'j@x.example', 'x.example']]],
    ['<@relay.example:route@x.example>', [['', 'route@x.example', 'x.example']]],
    ['PayPal service@paypal.example', [['PayPal', 'service@paypal.example', 'paypal.example']]],
    ['"unterminated <u@x.example>', [['unterminated <u@x.example>', '', '']]],
    [
      'newsletter.name@pot@real.example',
      [['', 'newsletter.name@pot@real.example', 'real.example']],
    ],
  ])('%s', (raw, expected) => {
    expect(boxes(raw)).toEqual(expected);
  });

  it('never lets an encoded display name become the address', () => {
    // =?utf-8?B?...?= decodes to "<support@paypal.com>"
    const field = parseAddressField('=?utf-8?B?PHN1cHBvcnRAcGF5cGFsLmNvbT4=?= <evil@evil.example>');
    expect(field.mailboxes).toHaveLength(1);
    expect(field.mailboxes[0]).toMatchObject({
      name: '<support@paypal.com>',
      address: 'evil@evil.example',
    });
  });

  it('builds a display text with exact offsets', () => {
    const field = parseAddressField('"A" <a@x.example>, b@y.example');
    expect(field.text).toBe('A <a@x.example>, b@y.example');
    for (const m of field.mailboxes) {
      expect(field.text.slice(m.nameStart, m.nameEnd)).toBe(m.name);
      expect(field.text.slice(m.addressStart, m.addressEnd)).toBe(m.address);
    }
  });
});

describe('Authentication-Results', () => {
  it('reads RFC 8601 form with authserv-id, versions, comments and quoted reasons', () => {
    const value =
      'mx.google.com; dkim=pass (test) header.i=@paypal.com header.s=pp-dkim1; spf=pass (google.com: domain) smtp.mailfrom=x@paypal.com; dmarc/1=pass (p=REJECT) header.from=paypal.com reason="a; b"';
    const r = parseAuthResults(value);
    expect(r.map((x) => `${x.method}=${x.result}`)).toEqual([
      'dkim=pass',
      'spf=pass',
      'dmarc=pass',
    ]);
    expect(r[0]?.props['header.i']).toBe('@paypal.com');
    expect(r[2]?.props['header.from']).toBe('paypal.com');
    for (const x of r) expect(value.slice(x.start, x.end).toLowerCase()).toContain(`=${x.result}`);
  });

  it('reads "none" and garbage without results', () => {
    expect(parseAuthResults('mx.example.org; none')).toEqual([]);
    expect(parseAuthResults('(((( ;;; ==== "')).toEqual([]);
  });

  it('reads Received-SPF results', () => {
    expect(parseReceivedSpf('  Fail (mailfrom) identity=mailfrom')).toEqual({
      result: 'fail',
      start: 2,
      end: 6,
    });
    expect(parseReceivedSpf('(no result)')).toBeNull();
  });
});
