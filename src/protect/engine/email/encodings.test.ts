import { describe, expect, it } from 'vitest';
import { decodeCharset, decodeGuess, decodeWindows1252 } from './byte-text.js';
import { decodeEncodedWords } from './encoded-words.js';
import { parseHeaderParams, partFilename } from './mime-params.js';
import { base64DecodedSize, decodeBase64, decodeQuotedPrintable } from './transfer-encoding.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
const b64 = (s: string, maxOut?: number) =>
  dec.decode(decodeBase64(enc.encode(s), 0, s.length, maxOut).bytes);
const qp = (s: string, q = false) =>
  dec.decode(decodeQuotedPrintable(enc.encode(s), 0, s.length, Number.POSITIVE_INFINITY, q));

describe('base64', () => {
  it('skips line breaks and junk, and counts the junk', () => {
    expect(b64('SGVs\r\nbG8g\n!!d29y*bGQ=')).toBe('Hello world');
    expect(decodeBase64(enc.encode('SGVs!!bG8=')).junk).toBe(2);
  });

  it('decodes two joined encodings (padding in the middle) and URL-safe characters', () => {
    expect(b64('SGVsbG8=d29ybGQ=')).toBe('Helloworld');
    expect(dec.decode(decodeBase64(enc.encode('-_-_')).bytes.subarray(0, 3))).toBe(
      dec.decode(decodeBase64(enc.encode('+/+/')).bytes),
    );
  });

  it('stops at maxOut and estimates sizes without decoding', () => {
    expect(b64('SGVsbG8gd29ybGQ=', 5)).toBe('Hello');
    expect(base64DecodedSize(enc.encode('SGVs\nbG8g\nd29y\nbGQ='), 0, 19)).toBe(11);
  });
});

describe('quoted-printable', () => {
  it('decodes escapes and soft line breaks (LF, CRLF, trailing whitespace)', () => {
    expect(qp('caf=C3=A9 =\nau=  \r\nlait=3D')).toBe('café aulait=');
  });

  it('keeps malformed escapes literally and handles Q encoding underscores', () => {
    expect(qp('100=% sure =G1 end=')).toBe('100=% sure =G1 end');
    expect(qp('a_b=5F', true)).toBe('a b_');
    expect(qp('a_b')).toBe('a_b');
  });
});

describe('charsets', () => {
  it('decodes windows-1252 the same everywhere (€ at 0x80, smart quotes)', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x93, 0x61, 0x94, 0xe9, 0x81]))).toBe(
      '€“a”é\u0081',
    );
    expect(decodeCharset(new Uint8Array([0x80]), 'iso-8859-1').text).toBe('€');
  });

  it('guesses UTF-8, else windows-1252, for missing and unknown charsets', () => {
    expect(decodeGuess(enc.encode('Grüße'))).toBe('Grüße');
    expect(decodeGuess(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65]))).toBe('Grüße');
    expect(decodeCharset(enc.encode('é'), 'x-nonsense')).toEqual({ text: 'é', known: false });
    expect(decodeCharset(enc.encode('x'), 'iso-2022-kr').known).toBe(false);
  });

  it('decodes multi-byte charsets TextDecoder knows', () => {
    expect(decodeCharset(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'gb2312').text).toBe('你好');
    expect(decodeCharset(new Uint8Array([0x82, 0xa0]), 'shift_jis').text).toBe('あ');
  });
});

describe('RFC 2047 encoded-words', () => {
  it.each([
    ['=?utf-8?q?hello_world?=', 'hello world'],
    ['=?UTF-8?B?SGVsbG8=?= =?UTF-8?B?IHdvcmxk?=', 'Hello world'],
    ['before =?utf-8?q?mid?= after', 'before mid after'],
    ['=?utf-8*en?q?lang_tag?=', 'lang tag'],
    ['=?utf-8?x?unknown_encoding?=', '=?utf-8?x?unknown_encoding?='],
    ['=??q?no_charset?=', '=??q?no_charset?='],
    ['=?utf-8?q?unterminated', '=?utf-8?q?unterminated'],
    ['=?utf-8?Q?=41?= =?iso-8859-1?Q?=E9?=', 'Aé'],
    ['a =?utf-8?q?x?= b =?utf-8?q?y?=', 'a x b y'],
  ])('%s → %s', (input, expected) => {
    expect(decodeEncodedWords(input)).toBe(expected);
  });
});

describe('MIME parameters', () => {
  it('reads quoted values with escapes, comments and semicolons inside quotes', () => {
    const p = parseHeaderParams(
      'Text/HTML (comment); charset="utf-8"; name="a;b \\"c\\".html"; format=flowed (x)',
    );
    expect(p.value).toBe('text/html');
    expect(p.params.get('charset')).toBe('utf-8');
    expect(p.params.get('name')).toBe('a;b "c".html');
    expect(p.params.get('format')).toBe('flowed');
  });

  it('joins RFC 2231 continuations with charset and percent-encoding', () => {
    const p = parseHeaderParams(
      "attachment; filename*0*=utf-8''R%C3%A9sum; filename*1*=%C3%A9; filename*2=.pdf",
    );
    expect(p.params.get('filename')).toBe('Résumé.pdf');
    expect(partFilename(p, parseHeaderParams(''))).toBe('Résumé.pdf');
  });

  it('prefers the disposition filename and decodes encoded-words in names', () => {
    const type = parseHeaderParams('application/pdf; name="=?utf-8?B?w6Rwb2w=?="');
    expect(partFilename(parseHeaderParams('inline'), type)).toBe('äpol');
    expect(partFilename(parseHeaderParams('attachment; filename=real.exe'), type)).toBe('real.exe');
  });

  it('ignores garbage without failing', () => {
    expect(parseHeaderParams(';;;===;"unterminated').value).toBe('');
    expect(parseHeaderParams('x/y; __proto__=1').params.get('__proto__')).toBe('1');
  });
});
