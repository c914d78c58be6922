import { describe, expect, it } from 'vitest';
import { normalizeCve } from './cve.js';

describe('normalizeCve', () => {
  it('upper-cases a CVE identifier and refuses anything else', () => {
    expect(normalizeCve('cve-2024-3400')).toBe('CVE-2024-3400');
    expect(normalizeCve(' CVE-1999-0001 ')).toBe('CVE-1999-0001');
    expect(normalizeCve('CVE-2024-1234567')).toBe('CVE-2024-1234567');
    for (const bad of [
      'CVE-24-1234',
      'CVE-2024-123',
      'CVE-2024-12345678',
      'CVE-1899-1234',
      'GHSA-2024-1234',
      `CVE-2024-${'1'.repeat(5000)}`,
    ])
      expect(normalizeCve(bad)).toBeNull();
  });
});
