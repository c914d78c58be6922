import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockContains, parseIpBlock, parseIpv4, parseIpv6 } from './ip-cidr.js';

const contains = (outer: string, inner: string) => {
  const o = parseIpBlock(outer);
  const i = parseIpBlock(inner);
  if (o === null || i === null) throw new Error(`bad test input ${outer} ${inner}`);
  return blockContains(o, i);
};

describe('IP blocks', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.0', false],
    ['192.168.0.1/24', '192.168.0.77', true], // host bits in the block are ignored
    ['0.0.0.0/0', '203.0.113.9', true],
    ['203.0.113.33/32', '203.0.113.33', true],
    ['203.0.113.0/24', '203.0.113.0/25', true],
    ['203.0.113.0/25', '203.0.113.0/24', false],
    ['2001:db8::/32', '2001:db8:dead:beef::1', true],
    ['2001:0db8:dead:beef:0000:0000:0000:0000/64', '2001:db8:dead:beef:1:2:3:4', true],
    ['2001:db8::/32', '2001:db9::', false],
    ['::/0', '::1', true],
    ['::ffff:0:0/96', '::ffff:192.0.2.1', true],
    ['10.0.0.0/8', '::ffff:10.0.0.1', false], // versions never nest
  ])('%s contains %s → %s', (outer, inner, expected) => {
    expect(contains(outer, inner)).toBe(expected);
  });

  it.each([
    '256.0.0.1',
    '1.2.3',
    '01.2.3.4',
    '1.2.3.4/33',
    '1.2.3.4/',
    '1.2.3.4/x',
    '1::2::3',
    ':1',
    '1:2:3:4:5:6:7:8:9',
    '12345::',
    'g::',
    '',
    '2001:db8::/129',
  ])('refuses %j', (text) => {
    expect(parseIpBlock(text)).toBeNull();
  });

  it('parses IPv6 shorthand forms to the same value', () => {
    expect(parseIpv6('2001:db8::1')).toBe(parseIpv6('2001:0db8:0000:0000:0000:0000:0000:0001'));
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('::ffff:1.2.3.4')).toBe(0xffff01020304n);
  });

  it('agrees with arithmetic on random IPv4 blocks', () => {
    fc.assert(
      fc.property(
        fc.nat(0xffffffff),
        fc.nat(0xffffffff),
        fc.integer({ min: 0, max: 32 }),
        (a, b, prefix) => {
          const text = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
          const expected = prefix === 0 || a >>> (32 - prefix) === b >>> (32 - prefix);
          expect(contains(`${text(a)}/${prefix}`, text(b))).toBe(expected);
          expect(parseIpv4(text(a))).toBe(BigInt(a));
        },
      ),
    );
  });
});
