/**
 * One row per indicator in typed arrays: its confidence, its source (a number
 * into the interned sources) and the first of its entries; and the compact
 * form of its STIX id kept in the id table.
 */
import { grow, hasSlack } from './entry-columns.js';

/** Per indicator: confidence, source number, and the first of its entries. */
export class IndicatorColumns {
  confidence = new Uint8Array(16);
  source = new Uint32Array(16);
  first = new Int32Array(16);
  /** Room for `n` rows: doubling as they come one by one, or at once for a reserved bulk load. */
  ensure(n: number, exact = false): void {
    if (n <= this.confidence.length) return;
    let size = this.confidence.length;
    if (exact) size = Math.max(n, 2 * size);
    else while (size < n) size *= 2;
    this.confidence = grow(this.confidence, new Uint8Array(size));
    this.source = grow(this.source, new Uint32Array(size));
    this.first = grow(this.first, new Int32Array(size).fill(-1));
  }
  trim(n: number): void {
    const size = Math.max(16, n);
    if (!hasSlack(size, this.confidence.length)) return;
    this.confidence = this.confidence.slice(0, size);
    this.source = this.source.slice(0, size);
    this.first = this.first.slice(0, size);
  }
}

export function clampConfidence(c: number): number {
  return Number.isFinite(c) ? Math.max(0, Math.min(100, Math.round(c))) : 0;
}

const PREFIX = 'indicator--';

/** `indicator--<uuid>` is kept as its UUID (the prefix is implied); any other id as itself, marked. */
export function compactId(id: string): string {
  return id.startsWith(PREFIX) && id.length === PREFIX.length + 36
    ? id.slice(PREFIX.length)
    : `=${id}`;
}

export function expandId(c: string): string {
  return c.startsWith('=') ? c.slice(1) : `${PREFIX}${c}`;
}
