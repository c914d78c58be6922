import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterOfSlots, KeyFilter } from './key-filter.js';

describe('the key filter', () => {
  it('never turns away a hash it holds, at any size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 500 }),
        fc.integer({ min: 4, max: 16 }),
        (hashes, log2) => {
          const f = new KeyFilter(2 ** log2);
          for (const h of hashes) f.add(h);
          for (const h of hashes) {
            expect(f.mayHold(h)).toBe(true);
            expect(f.mayHold(h | 0)).toBe(true); // slots keep hashes as int32
          }
        },
      ),
    );
  });

  it('turns away most hashes it does not hold at the tables’ load (1 key per 2–2.7 slots)', () => {
    const slots = 1 << 16;
    const f = new KeyFilter(slots);
    let x = 12345;
    const next = () => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    };
    for (let i = 0; i < (slots * 3) / 8; i++) f.add(next());
    let yes = 0;
    for (let i = 0; i < 100_000; i++) if (f.mayHold(next())) yes++;
    expect(yes / 100_000).toBeLessThan(0.08);
  });

  it('is rebuilt from a slot array with every hash in it', () => {
    const slots = new Int32Array(64).fill(-1);
    slots[6] = 3;
    slots[7] = -123456789;
    const f = filterOfSlots(slots);
    expect(f.mayHold(-123456789 >>> 0)).toBe(true);
  });
});
