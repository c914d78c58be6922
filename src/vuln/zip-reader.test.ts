/** The zip reader on good archives and hostile ones (truncated, not a zip, inflating too far). */
import { describe, expect, it } from 'vitest';
import { makeZip } from './test-support/zip-fixture.js';
import { zipEntries } from './zip-reader.js';

describe('zip reader', () => {
  it('reads deflated entries', () => {
    const zip = makeZip({ 'a/one.json': '{"id":"A"}', 'two.json': 'x'.repeat(10_000) });
    const entries = [...zipEntries(zip)].map((e) => [e.name, e.data.length]);
    expect(entries).toEqual([
      ['a/one.json', 10],
      ['two.json', 10_000],
    ]);
  });
  it('refuses a non-zip, a truncated zip and an entry larger than the limit', () => {
    expect(() => [...zipEntries(Buffer.from('hello, not a zip at all, sorry friend'))]).toThrow(
      /Not a zip/,
    );
    const zip = makeZip({ 'big.json': 'y'.repeat(100_000) });
    expect(() => [...zipEntries(zip.subarray(0, 40))]).toThrow();
    const cut = Buffer.concat([zip.subarray(0, 50), zip.subarray(zip.length - 60)]);
    expect(() => [...zipEntries(cut)]).toThrow();
    expect(() => [...zipEntries(zip, { maxEntryBytes: 1000, maxEntries: 10 })]).toThrow(
      /larger than 1000/,
    );
  });
});
