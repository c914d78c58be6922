import { describe, expect, it } from 'vitest';
import type { IndicatorType } from '../types.js';
import { extractIndicators, MAX_INDICATORS } from './extract-indicators.js';

const values = (text: string, type?: IndicatorType): string[] =>
  extractIndicators(text, 'text')
    .filter((i) => type === undefined || i.type === type)
    .map((i) => i.value);

describe('links and domains', () => {
  it.each([
    ['Visit https://example.com/a?b=1.', 'https://example.com/a?b=1'],
    ['Go to www.x.com/a, now', 'http://www.x.com/a'],
    ['Short: bit.ly/3xYzAb!', 'http://bit.ly/3xYzAb'],
    ['USPS: pay at paypal-verify.top/login today', 'http://paypal-verify.top/login'],
    ['hxxps://evil[.]com/x', 'https://evil.com/x'],
    ['hXXp://evil(.)co(.)uk/a', 'http://evil.co.uk/a'],
    ['(see https://en.wikipedia.org/wiki/Foo_(bar))', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['"https://example.com/q"', 'https://example.com/q'],
    ['<https://example.com/x>', 'https://example.com/x'],
    [
      '詳細はこちらhttps://amazon-co-jp.example.cn/login。',
      'https://amazon-co-jp.example.cn/login',
    ],
    ['Login:https://secure.example.net/a', 'https://secure.example.net/a'],
    ['https://paypal.com@evil.example/login', 'https://paypal.com@evil.example/login'],
    ['hxxp://1.2.3.4/x', 'http://1.2.3.4/x'],
    ['go to 203.0.113.9/admin', 'http://203.0.113.9/admin'],
    ['http://[2001:db8::1]:8080/x', 'http://[2001:db8::1]:8080/x'],
    ['Visit PAYPAL.COM now', 'http://paypal.com/'],
    ['Order at amazon.in today', 'http://amazon.in/'],
    ['example.com:8080/admin', 'http://example.com:8080/admin'],
    ['Pay here: ｐａｙｐａｌ．ｃｏｍ/x', 'http://paypal.com/x'],
    ['pay\u200bpal.com/login', 'http://paypal.com/login'],
  ])('%s', (text, url) => {
    expect(values(text, 'url')).toEqual([url]);
  });

  it('reports each link host as a domain', () => {
    expect(values('see https://Sub.Example.co.uk/x and hxxp://evil[.]top', 'domain')).toEqual([
      'sub.example.co.uk',
      'evil.top',
    ]);
    expect(values('https://аpple.com/', 'domain')).toEqual(['xn--pple-43d.com']);
    expect(values('http://1.2.3.4/x', 'domain')).toEqual([]);
  });

  it.each([
    "I'm home.See you later",
    'e.g. this and i.e. that',
    'Read report.zip and notes.md',
    'Version 1.2.3 and 10.30am',
    'Call me.it is late',
    'U.S. and a.m.',
    'The file is named config.py',
    'Dr.Smith will see you',
    'prices 12.99 and 4.50',
    'ip 192.168.1.1 in prose',
  ])('%s has no link', (text) => {
    expect(values(text, 'url')).toEqual([]);
  });

  it('points evidence at the original, defanged text', () => {
    const text = 'Pay at hxxps://paypal-verify[.]top/login now';
    const [url, domain] = extractIndicators(text, 'body');
    expect(url?.evidence).toEqual({
      field: 'body',
      start: 7,
      end: 40,
      excerpt: 'hxxps://paypal-verify[.]top/login',
    });
    expect(domain?.evidence.excerpt).toBe('paypal-verify[.]top');
  });

  it('cuts very long links but keeps the evidence start', () => {
    const text = `x https://example.com/${'a'.repeat(10_000)} y`;
    const [url] = extractIndicators(text, 'text');
    expect(url?.value.length).toBeLessThanOrEqual(4096);
    expect(url?.evidence.start).toBe(2);
    expect(url?.evidence.excerpt.length).toBe(200);
  });
});

describe('email addresses and UPI ids', () => {
  it.each([
    ['Write to john.doe+tag@gmail.com.', ['john.doe+tag@gmail.com']],
    ['<Support@PayPal-Help.top>', ['support@paypal-help.top']],
    ['name[at]mail[dot]com', ['name@mail.com']],
    ['from: a@b.co.jp, c_d@mail.example.org', ['a@b.co.jp', 'c_d@mail.example.org']],
    ['email:x@y.com', ['x@y.com']],
  ])('%s', (text, emails) => {
    expect(values(text, 'email')).toEqual(emails);
  });

  it('tells UPI ids from email addresses', () => {
    expect(values('Pay to rahul.k@okaxis or 9876543210@ybl', 'payment_handle')).toEqual([
      'upi:rahul.k@okaxis',
      'upi:9876543210@ybl',
    ]);
    expect(values('Pay to rahul.k@okaxis', 'email')).toEqual([]);
    expect(values('rahul@unknownhandle', 'payment_handle')).toEqual([]);
  });

  it('does not take @handles or stray at signs for addresses', () => {
    expect(values('follow @ncsc and meet @ 5pm', 'email')).toEqual([]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['Call +44 7700 900123 now', '+447700900123'],
    ['Call +44 (0)20 7946 0958', '+442079460958'],
    ['ring 0044 20 7946 0958', '+442079460958'],
    ['UK: ring 020 7946 0958', '+442079460958'],
    ['Text 07700 900123', '+447700900123'],
    ['Call (555) 123-4567', '+15551234567'],
    ['Call 212-555-0142 today', '+12125550142'],
    ['Call 1-800-555-0199', '+18005550199'],
    ['call 212.555.0142', '+12125550142'],
    ['Call +1 416 555 0123 (Toronto)', '+14165550123'],
    ['₹ refund: call 98765 43210', '+919876543210'],
    ['KYC pending, call 9876543210 now', '+919876543210'],
    ['KYC: call +91-98765-43210', '+919876543210'],
    ['お問い合わせ：090-1234-5678', '+819012345678'],
    ['電話 03-1234-5678', '+81312345678'],
    ['AusPost: call 0412 345 678', '+61412345678'],
    ['Call 1300 123 456', '+611300123456'],
    ['+61 2 9876 5432', '+61298765432'],
    ['Appelez le 06 12 34 56 78', '+33612345678'],
    ['Tel: +49 151 23456789', '+4915123456789'],
    ['WhatsApp +234 803 123 4567', '+2348031234567'],
    ['tel:+18005550199', '+18005550199'],
  ])('%s', (text, phone) => {
    expect(values(text, 'phone')).toEqual([phone]);
  });

  it.each([
    'Your code is 483920',
    'Your Amazon code: 12345678',
    'Order #1234567890 has shipped',
    'Order 123-456-7890 has shipped',
    'Date 12/05/2024 and 2024-05-12 10:30',
    'Meet 10.30-11.30 on 12.05.2024',
    'Amount Rs. 9876543210 debited',
    'You paid $1,234.56 and £1500',
    'Card 4111 1111 1111 1111 was charged',
    'Tracking 9400111899223197428490',
    'ISBN 978-3-16-148410-0',
    'IP 192.168.100.200',
    'Ref: 020 7946 0958',
    'version 2.3.4567.1234',
    'years 2019-2024 and 1999–2003',
    'Account no. 12345678901',
  ])('%s has no phone number', (text) => {
    expect(values(text, 'phone')).toEqual([]);
  });

  it('keeps digits when the country cannot be told', () => {
    expect(values('call 98765 43210 now', 'phone')).toEqual(['+919876543210']);
    expect(values('Call now: 123456789', 'phone')).toEqual(['123456789']);
  });

  it('reads a number from a WhatsApp link', () => {
    expect(values('chat at wa.me/447700900123', 'phone')).toEqual(['+447700900123']);
  });
});

describe('crypto wallets', () => {
  it('finds addresses with valid checksums only', () => {
    const text =
      'Send BTC to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq or 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, ETH 0x52908400098527886E0F7030069857D2E4169EE7, ' +
      'USDT (TRC20) TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t; not 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3.';
    expect(values(text, 'crypto_wallet')).toEqual([
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2',
      '0x52908400098527886e0f7030069857d2e4169ee7',
      'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
    ]);
  });

  it('finds a Monero address by shape', () => {
    const xmr =
      '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A';
    expect(values(`XMR: ${xmr}`, 'crypto_wallet')).toEqual([xmr]);
  });

  it('ignores addresses glued inside longer words', () => {
    expect(values('x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'crypto_wallet')).toEqual([]);
  });
});

describe('payment handles', () => {
  it.each([
    ['Send it on Cash App to $JohnSmith22', ['cashapp:$johnsmith22']],
    ['pay $jsmith now', ['cashapp:$jsmith']],
    ['It costs $100 or $25.50', []],
    ['Buy $AAPL and $BTC', []],
    ['Venmo me @Jane-Doe-7 please', ['venmo:@jane-doe-7']],
    ['follow @JaneDoe7 on X', []],
    ['pay at paypal.me/scammer123', ['paypal.me/scammer123']],
    ['https://www.paypal.com/paypalme/Helper42', ['paypal.me/helper42']],
    ['https://cash.app/$Refunds2025', ['cashapp:$refunds2025']],
    ['venmo.com/u/Gift-Card-Help', ['venmo:@gift-card-help']],
    ['upi://pay?pa=merchant@ybl&pn=Shop&am=1', ['upi:merchant@ybl']],
  ])('%s', (text, handles) => {
    expect(values(text, 'payment_handle')).toEqual(handles);
  });
});

describe('limits', () => {
  it(`returns at most ${MAX_INDICATORS} indicators`, () => {
    const text = Array.from({ length: 1500 }, (_, i) => `https://s${i}.example.com/`).join(' ');
    expect(extractIndicators(text, 'text').length).toBe(MAX_INDICATORS);
  });

  it('reports each value once', () => {
    expect(values('paypal-verify.top paypal-verify.top PAYPAL-VERIFY.TOP')).toEqual([
      'http://paypal-verify.top/',
      'paypal-verify.top',
    ]);
  });
});
