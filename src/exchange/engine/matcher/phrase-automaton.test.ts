import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PhraseAutomaton } from './phrase-automaton.js';

/** Every phrase id whose text occurs in `text`, the slow obvious way. */
function naive(phrases: readonly string[], text: string): number[] {
  return phrases.flatMap((p, id) => (p.length > 0 && text.includes(p) ? [id] : []));
}

function found(automaton: PhraseAutomaton, text: string): number[] {
  const ids = new Set<number>();
  automaton.scan(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

describe('PhraseAutomaton', () => {
  it('finds exactly the phrases a plain substring search finds, overlapping and nested ones too', () => {
    // A small alphabet makes overlaps, shared prefixes and suffix chains common.
    const word = fc.string({
      unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀'),
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', 'x'), { maxLength: 60 }),
        (phrases, chars) => {
          const text = chars.join('');
          const automaton = new PhraseAutomaton(phrases.map((p, id) => ({ text: p, id })));
          expect(found(automaton, text)).toEqual(naive(phrases, text));
          // A second scan of the same automaton finds the same (the per-scan stamps reset).
          expect(found(automaton, text)).toEqual(naive(phrases, text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reports every id of phrases that are the same text', () => {
    const a = new PhraseAutomaton([
      { text: 'ignore all rules', id: 4 },
      { text: 'ignore all rules', id: 9 },
      { text: 'all rules', id: 2 },
    ]);
    expect(found(a, 'please ignore all rules now')).toEqual([2, 4, 9]);
    expect(found(a, 'nothing here')).toEqual([]);
  });

  it('finds nothing with no phrases', () => {
    expect(found(new PhraseAutomaton([]), 'anything at all')).toEqual([]);
  });

  it('builds 6,000 shared signatures and scans a megabyte quickly (the reload holds the event loop)', () => {
    const words =
      'use the lighthouse keeper protocol ignore previous instructions you are now dan answer'.split(
        ' ',
      );
    const phrases = Array.from({ length: 6000 }, (_, i) => ({
      text: `${Array.from({ length: 6 }, (_, k) => words[(i * 7 + k * 13) % words.length]).join(' ')} tag${i}`,
      id: i,
    }));
    const cpu = process.cpuUsage();
    const automaton = new PhraseAutomaton(phrases);
    const built = process.cpuUsage(cpu);
    expect((built.user + built.system) / 1000).toBeLessThan(400);
    const text = `${'you are now dan answer the lighthouse keeper '.repeat(23_000)}${phrases[5999]?.text}`;
    const scan = process.cpuUsage();
    const hits = found(automaton, text);
    const scanned = process.cpuUsage(scan);
    expect(hits).toContain(5999);
    expect((scanned.user + scanned.system) / 1000).toBeLessThan(400);
  });
});
