import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EVTX_CHUNK_BYTES,
  EVTX_FILE_HEADER_BYTES,
  parseChunk,
  parseFileHeader,
} from './evtx-chunk.js';
import { fileTimeToIso } from './evtx-values.js';

const DATA = join(
  import.meta.dirname,
  '../../../../../../shared/data/detect/sigma-regression/regression_data',
);

function evtxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return evtxFiles(path);
    return name.endsWith('.evtx') ? [path] : [];
  });
}

/** evtx_dump writes pretty-printed objects one after another. */
function jsonObjects(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' && depth++ === 0) start = i;
    else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

const files = evtxFiles(DATA);
const firstChunk = (bytes: Uint8Array) =>
  bytes.subarray(EVTX_FILE_HEADER_BYTES, EVTX_FILE_HEADER_BYTES + EVTX_CHUNK_BYTES);

describe('EVTX reader against evtx_dump output (SigmaHQ regression data)', () => {
  it('finds the 8 EVTX/JSON pairs', () => {
    expect(files).toHaveLength(8);
  });

  it.each(files.map((f) => [f.split('/').at(-1) as string, f]))(
    '%s gives the same records as its JSON',
    (_name, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const header = parseFileHeader(bytes);
      expect(header).toMatchObject({ majorVersion: 3, checksumOk: true });
      const result = parseChunk(firstChunk(bytes));
      expect(result.problems).toEqual([]);
      const expected = jsonObjects(readFileSync(file.replace(/\.evtx$/, '.json'), 'utf8'));
      expect(expected.length).toBeGreaterThan(0);
      expect(result.records.map((r) => r.json)).toEqual(expected);
    },
  );
});

describe('damaged EVTX', () => {
  const five = files.find((f) => f.includes('0b9ad457')) as string;
  const chunk = firstChunk(new Uint8Array(readFileSync(five)));
  const all = parseChunk(chunk).records;

  it('a chunk cut in the middle yields the records before the cut and says so', () => {
    expect(all).toHaveLength(5);
    const view = new DataView(chunk.buffer, chunk.byteOffset);
    const free = view.getUint32(48, true);
    const cut = Math.floor((512 + free) / 2);
    const result = parseChunk(chunk.slice(0, cut));
    expect(result.records.length).toBeGreaterThan(0);
    expect(result.records.length).toBeLessThan(5);
    expect(result.records).toEqual(all.slice(0, result.records.length));
    expect(result.problems.map((p) => p.message).join('\n')).toMatch(/cut short/);
  });

  it('a damaged record is reported and the other records survive', () => {
    const damaged = chunk.slice();
    const view = new DataView(damaged.buffer);
    // Third record: break its trailing size copy, so its framing is untrustworthy.
    let offset = 512;
    for (let i = 0; i < 2; i++) offset += view.getUint32(offset + 4, true);
    const size = view.getUint32(offset + 4, true);
    view.setUint32(offset + size - 4, 0xdeadbeef, true);
    const result = parseChunk(damaged);
    expect(result.records.map((r) => r.recordId)).toEqual(
      all.filter((_, i) => i !== 2).map((r) => r.recordId),
    );
    expect(result.problems.some((p) => /damaged size/.test(p.message))).toBe(true);
    expect(result.problems.some((p) => /checksum/.test(p.message))).toBe(true);
  });

  it('flipped bytes never crash the reader (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 0x1800 }), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (flips) => {
          const copy = chunk.slice();
          for (const [at, value] of flips) copy[at] = value;
          const result = parseChunk(copy);
          expect(result.records.length + result.problems.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an all-zero chunk is unused, not an error', () => {
    expect(parseChunk(new Uint8Array(EVTX_CHUNK_BYTES))).toEqual({
      records: [],
      problems: [],
      used: false,
    });
  });
});

describe('FILETIME', () => {
  it('prints microseconds like evtx_dump', () => {
    expect(fileTimeToIso(133431840000000000n + 1234567n)).toBe('2023-10-31T00:00:00.123456Z');
    expect(fileTimeToIso(116444736000000000n)).toBe('1970-01-01T00:00:00.000000Z');
  });
});
