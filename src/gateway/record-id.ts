/**
 * Ids for request records that sort by time (the UUID version 7 layout: 48 bits of
 * epoch milliseconds, then random bits). `gateway_requests.id` is the table's
 * primary key: random ids put each new row on a random page of its index, so one
 * 200-row flush rewrote ~200 pages; time-ordered ids append to the last few.
 */
import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let used = pool.length;

/** A UUIDv7 string for the time `ms` (epoch milliseconds). */
export function timeOrderedId(ms: number): string {
  if (used === pool.length) {
    randomFillSync(pool); // one call to the random source per 256 ids
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  b.writeUIntBE(Math.max(0, Math.floor(ms)) % 2 ** 48, 0, 6);
  b[6] = ((b[6] as number) & 0x0f) | 0x70; // version 7
  b[8] = ((b[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
