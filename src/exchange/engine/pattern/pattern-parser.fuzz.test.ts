/**
 * Hostile-input properties: parsing and validating arbitrary text, or valid patterns with
 * random edits, either succeed or fail with a PatternError, never anything else, and fast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PATTERN_LIMITS, PatternError } from './pattern-error.js';
import { parsePattern } from './pattern-parser.js';
import { printPattern } from './pattern-printer.js';
import { validatePattern } from './pattern-validator.js';
import { SPEC_EXAMPLES } from './spec-examples.test-data.js';

function parsesOrPatternError(text: string): void {
  try {
    const p = parsePattern(text);
    // Whatever parses must print to text that parses back to the same printout (if the
    // canonical spacing has not pushed it past the length limit).
    const printed = printPattern(p);
    if (printed.length <= PATTERN_LIMITS.maxLength) {
      expect(printPattern(parsePattern(printed))).toBe(printed);
    }
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    expect(e.offset).toBeGreaterThanOrEqual(0);
    expect(e.offset).toBeLessThanOrEqual(text.length);
  }
  validatePattern(text);
}

/** Pieces of the language, so random sequences reach deep into the parser. */
const TOKENS = [
  '[',
  ']',
  '(',
  ')',
  ':',
  '.',
  ',',
  '*',
  '=',
  '!=',
  '<',
  '>=',
  ' AND ',
  ' OR ',
  ' NOT ',
  ' IN ',
  ' LIKE ',
  ' MATCHES ',
  ' ISSUBSET ',
  ' EXISTS ',
  ' FOLLOWEDBY ',
  ' WITHIN ',
  ' SECONDS',
  ' REPEATS ',
  ' TIMES',
  ' START ',
  ' STOP ',
  'file',
  'name',
  "'x'",
  "'a\\'b'",
  '5',
  '-1',
  '.5',
  "t'2016-01-01T00:00:00Z'",
  "h'ff'",
  "b'AA=='",
  'true',
  "'SHA-256'",
  'ipv4-addr',
  "'10.0.0.0/8'",
  "'(a|b)*c'",
  "'\\\\'",
];

const mutated = fc
  .tuple(
    fc.constantFrom(...SPEC_EXAMPLES),
    fc.array(fc.tuple(fc.nat(), fc.nat(4), fc.string({ maxLength: 3 })), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((s, [pos, del, ins]) => {
      const at = pos % (s.length + 1);
      return s.slice(0, at) + ins + s.slice(at + del);
    }, text),
  );

describe('parser fuzzing', () => {
  it('random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), parsesOrPatternError), {
      numRuns: 2000,
    });
  });

  it('random token sequences', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join('')),
        parsesOrPatternError,
      ),
      { numRuns: 3000 },
    );
  });

  it('mutated spec examples', () => {
    fc.assert(fc.property(mutated, parsesOrPatternError), { numRuns: 3000 });
  });

  it('hostile shapes finish fast', () => {
    const shapes = [
      '['.repeat(60_000),
      '('.repeat(60_000),
      `[a:b = '${"\\'".repeat(30_000)}']`,
      `[a:b MATCHES '${'(a*)*'.repeat(2000)}b']`,
      `[a:b IN (${'1,'.repeat(30_000)}1)]`,
      `${'[a:b = 1] WITHIN 1 SECONDS '.repeat(2000)}`,
      '/*'.repeat(30_000),
    ];
    for (const text of shapes) {
      const start = performance.now();
      parsesOrPatternError(text.slice(0, 65_536));
      expect(performance.now() - start).toBeLessThan(2000);
    }
  });
});
