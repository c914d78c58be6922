import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LineItem, LineSplitter } from './line-splitter.js';

function split(chunks: Uint8Array[], maxLineBytes?: number): LineItem[] {
  const s = new LineSplitter(maxLineBytes === undefined ? {} : { maxLineBytes });
  return [...chunks.flatMap((c) => s.push(c)), ...s.end()];
}
const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );

describe('LineSplitter', () => {
  it('ends lines at LF and CRLF, keeps the last line without a newline', () => {
    expect(split([bytes('a\r\nb\nc')])).toEqual([
      { kind: 'line', line: 1, text: 'a' },
      { kind: 'line', line: 2, text: 'b' },
      { kind: 'line', line: 3, text: 'c' },
    ]);
  });

  it('reads UTF-16 LE with a byte-order mark, across chunk boundaries', () => {
    const text = 'sshd: é ok\r\nzwei\n';
    const utf16 = [0xff, 0xfe];
    for (let i = 0; i < text.length; i++)
      utf16.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
    const all = Uint8Array.from(utf16);
    const items = split([all.subarray(0, 1), all.subarray(1, 7), all.subarray(7)]);
    expect(items.map((i) => (i.kind === 'line' ? i.text : '?'))).toEqual(['sshd: é ok', 'zwei']);
  });

  it('turns Latin-1 bytes into U+FFFD instead of failing, and skips a UTF-8 BOM', () => {
    const items = split([bytes([0xef, 0xbb, 0xbf], 'caf', [0xe9], ' ok\n')]);
    expect(items).toEqual([{ kind: 'line', line: 1, text: 'caf\uFFFD ok' }]);
  });

  it('reports an overlong line with its size, skips it, and keeps the next line', () => {
    const long = 'x'.repeat(100);
    const items = split(
      [bytes(`ok\n${long.slice(0, 40)}`), bytes(`${long.slice(40)}\nnext\n`)],
      50,
    );
    expect(items).toEqual([
      { kind: 'line', line: 1, text: 'ok' },
      { kind: 'overlong', line: 2, bytes: 100 },
      { kind: 'line', line: 3, text: 'next' },
    ]);
  });

  it('gives the same lines however the bytes are chunked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 20 }),
        fc.array(fc.nat(50)),
        (lines, cuts) => {
          const all = bytes(lines.map((l) => `${l.replace(/[\r\n]/g, '')}\n`).join(''));
          const whole = split([all]);
          const positions = [...new Set(cuts.map((c) => c % (all.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks: Uint8Array[] = [];
          let prev = 0;
          for (const p of [...positions, all.length]) {
            chunks.push(all.subarray(prev, p));
            prev = p;
          }
          expect(split(chunks)).toEqual(whole);
        },
      ),
    );
  });
});
