import { describe, expect, it } from 'vitest';
import type { Indicator } from '../types.js';
import { extractIndicators } from './extract-indicators.js';
import { brandNamedIn, phoneSignals } from './phone.js';

function phonesIn(text: string): Indicator[] {
  return extractIndicators(text, 'text').filter((i) => i.type === 'phone');
}

function codesFor(text: string, options: Parameters<typeof phoneSignals>[1] = { text }): string[] {
  return phonesIn(text).flatMap((p) => phoneSignals(p, options).map((s) => s.code));
}

describe('premium-rate and personal numbers', () => {
  it.each([
    ['Claim your prize: call 09098 765432 now', 'phone.premium_rate'],
    ['Call +44 909 876 5432', 'phone.premium_rate'],
    ['Call 1-900-555-0123 for your reading', 'phone.premium_rate'],
    ['Ring +61 1902 123 456', 'phone.premium_rate'],
    ['Rufen Sie +49 900 1234567 an', 'phone.premium_rate'],
    ['Hi mum, my new number is 070 1234 5678, text me', 'phone.uk_personal_number'],
    ['Call +44 70 1234 5678', 'phone.uk_personal_number'],
    // Round 3: 0871–0873 service numbers are premium rate, however they are written.
    ['Hey I really want to chat, text me on 08712345678', 'phone.premium_rate'],
    ['Call 0871 234 5678 quoting your claim code', 'phone.premium_rate'],
    ['Ring +44 872 123 4567 for your results', 'phone.premium_rate'],
  ])('%s → %s', (text, code) => {
    expect(codesFor(text)).toContain(code);
  });

  it.each([
    'Text 07700 900123',
    'Call +1 212 555 0142',
    'Call 020 7946 0958',
    'Call +61 412 345 678',
    'Call 0870 234 5678', // 0870 and 0844 are service numbers, not regulated as premium rate
    'Call our team on 0844 123 4567',
  ])('%s is an ordinary number', (text) => {
    expect(codesFor(text)).toEqual([]);
  });
});

describe('national numbers grouped 4-3-4 (round 3)', () => {
  it('reads a 0-led 4-3-4 number as British, India toll-free 1800 as Indian', () => {
    expect(phonesIn('call 0871 212 0025 now').map((p) => p.value)).toEqual(['+448712120025']);
    expect(phonesIn('Toll free: call 1800-123-4567 (SBI)').map((p) => p.value)).toEqual([
      '+9118001234567',
    ]);
  });
});

describe('call-back requests', () => {
  const refund =
    'Amazon: a refund of £299 is pending. To cancel, call our support team on 0800 123 4567.';

  it('warns when a message asks to call a number about a well-known company', () => {
    const [phone] = phonesIn(refund);
    expect(phone).toBeDefined();
    if (phone === undefined) return;
    const [signal] = phoneSignals(phone, { text: refund });
    expect(signal?.code).toBe('phone.callback_to_brand');
    expect(signal?.message).toContain('Amazon');
    expect(signal?.evidence).toEqual(phone.evidence);
  });

  it('uses a table of official numbers when one is given', () => {
    const official = (id: string) => (id === 'amazon' ? ['+448001234567'] : undefined);
    expect(codesFor(refund, { text: refund, officialNumbers: official })).toEqual([
      'phone.official_number',
    ]);
    const other = (id: string) => (id === 'amazon' ? ['+448000000000'] : undefined);
    expect(codesFor(refund, { text: refund, officialNumbers: other })).toEqual([
      'phone.not_official_number',
    ]);
  });

  it.each([
    'Your Microsoft licence expired. Call +1 (888) 555-0100 to renew.',
    'PayPal: unusual payment of $499. If this was not you, call 1-800-555-0188.',
    'Norton subscription renewed for $399.99. To cancel contact +1 844 555 0123',
  ])('%s', (text) => {
    expect(codesFor(text)).toContain('phone.callback_to_brand');
  });

  it('stays quiet without a call to action or without a brand', () => {
    expect(codesFor('Amazon order 123 shipped. Our office: 020 7946 0958 (Mon-Fri).')).toEqual([]);
    expect(codesFor('Call me on 07700 900123 when you land')).toEqual([]);
  });

  it('finds brand names as whole words only', () => {
    expect(brandNamedIn('Call Amazon now')?.id).toBe('amazon');
    expect(brandNamedIn('the amazonian rainforest')).toBeUndefined();
    expect(brandNamedIn('Bank of America fraud team')?.id).toBe('bofa');
  });
});
