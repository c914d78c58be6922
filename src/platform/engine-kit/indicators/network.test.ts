import { describe, expect, it } from 'vitest';
import { networkOf } from './network.js';

describe('networkOf (the client network recorded with each request)', () => {
  it('keeps the /24 of IPv4 and the /48 of IPv6, never the address', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:10.1.2.3')).toBe('10.1.2.0/24');
    expect(networkOf('2001:db8:abcd:12::1')).toBe('2001:db8:abcd::/48');
    expect(networkOf('2001:0db8:0000::1')).toBe('2001:db8:0::/48');
    expect(networkOf('1:2:3:4:5:6:7:8')).toBe('1:2:3::/48');
  });

  it('answers null for what is not an address', () => {
    for (const bad of ['garbage', '1::2::3', '1:2:3', '', '12345::1', `${'1:'.repeat(40)}1`])
      expect(networkOf(bad), bad).toBeNull();
  });
});
