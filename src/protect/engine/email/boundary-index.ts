/**
 * The boundaries of the multiparts currently open, searchable by a line's
 * bytes without building a string per line: a sorted array of byte strings
 * and a binary search. Matching a line costs O(log k × boundary length) with
 * k ≤ maxDepth open boundaries, whatever the line holds — no hashing, so no
 * crafted collisions either.
 */

interface Entry {
  readonly key: string;
  readonly bytes: Uint8Array;
  /** Stack positions of the open multiparts using this boundary, innermost last. */
  readonly frames: number[];
}

function compare(a: Uint8Array, from: number, to: number, b: Uint8Array): number {
  const n = Math.min(to - from, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[from + i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return to - from - b.length;
}

/** A boundary parameter as bytes: ASCII by RFC 2046, anything else as UTF-8. */
export function boundaryBytes(boundary: string): Uint8Array {
  return new TextEncoder().encode(boundary);
}

export class BoundaryIndex {
  private readonly byKey = new Map<string, Entry>();
  private sorted: Entry[] = [];

  /** Register the multipart at stack position `frame` with this boundary. */
  add(bytes: Uint8Array, frame: number): string {
    const key = String.fromCharCode(...bytes);
    const entry = this.byKey.get(key);
    if (entry !== undefined) {
      entry.frames.push(frame);
      return key;
    }
    this.byKey.set(key, { key, bytes, frames: [frame] });
    this.resort();
    return key;
  }

  /** Forget the innermost multipart using `key` (it was closed). */
  remove(key: string): void {
    const entry = this.byKey.get(key);
    if (entry === undefined) return;
    entry.frames.pop();
    if (entry.frames.length > 0) return;
    this.byKey.delete(key);
    this.resort();
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  /** Stack position of the innermost open multipart whose boundary is exactly bytes[from, to), or -1. */
  find(bytes: Uint8Array, from: number, to: number): number {
    let lo = 0;
    let hi = this.sorted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const entry = this.sorted[mid] as Entry;
      const c = compare(bytes, from, to, entry.bytes);
      if (c === 0) return entry.frames[entry.frames.length - 1] ?? -1;
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return -1;
  }

  // Open boundaries change at most once per part (≤ maxParts times), each re-sort is of ≤ maxDepth entries.
  private resort(): void {
    this.sorted = [...this.byKey.values()].sort((a, b) =>
      compare(a.bytes, 0, a.bytes.length, b.bytes),
    );
  }
}
