import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './record-id.js';

describe('timeOrderedId', () => {
  it('is a version-7 UUID that sorts by time and does not repeat', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => timeOrderedId(1_765_000_000_000 + i));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(timeOrderedId(0).startsWith('00000000-0000-7')).toBe(true);
  });
});
