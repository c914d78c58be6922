/**
 * ReDoS resistance: expressions that make backtracking engines take exponential time run in
 * linear time here, and the engine agrees with JavaScript's RegExp where both apply.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinearRegex } from './linear-regex.js';

describe('linear-time matching', () => {
  const text = 'a'.repeat(30_000);

  it.each(['(a*)*b', '(a|a)*b', '(a+)+b', '(a|aa)+$b', '^(a?){30}a{30}$'])(
    '%s against 30,000 a’s finishes in well under 100 ms',
    (source) => {
      const regex = compileLinearRegex(source);
      regex.test('a'.repeat(5_000)); // warm up the JIT so the timing measures the algorithm
      // CPU time of this test process (vitest runs each file in its own fork), not wall time:
      // a machine busy with other work must not fail the test, an exponential engine always would.
      const start = process.cpuUsage();
      const result = regex.test(text);
      const used = process.cpuUsage(start);
      const elapsedMs = (used.user + used.system) / 1000;
      expect(result).toBe(false);
      // Typically 5–15 ms of CPU; a backtracking engine needs longer than the universe's age.
      expect(elapsedMs).toBeLessThan(100);
    },
  );

  it('time grows linearly with the text, not exponentially', () => {
    const regex = compileLinearRegex('(a|a)*b');
    const time = (n: number) => {
      const s = 'a'.repeat(n);
      const start = process.cpuUsage();
      for (let i = 0; i < 5; i++) regex.test(s);
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    time(2_000);
    const small = time(4_000);
    const large = time(16_000);
    // 4x the text should cost about 4x; allow wide noise but nothing like exponential growth.
    expect(large).toBeLessThan(Math.max(small, 1) * 16);
  });
});

/** Simple regexes over the alphabet {a, b}, in syntax PCRE and JavaScript read alike. */
const regexArb: fc.Arbitrary<string> = fc
  .letrec<{ re: string; atom: string }>((tie) => ({
    re: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('atom'),
      fc.tuple(tie('re'), tie('re')).map(([x, y]) => `${x}${y}`),
      fc.tuple(tie('re'), tie('re')).map(([x, y]) => `(?:${x}|${y})`),
      fc
        .tuple(tie('atom'), fc.constantFrom('*', '+', '?', '{2}', '{1,2}', '{0,}', '*?', '+?'))
        .map(([x, q]) => `${x}${q}`),
    ),
    atom: fc.oneof(
      fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\w', '\\W', '\\d', 'a', 'b'),
      tie('re').map((x) => `(${x})`),
    ),
  }))
  .re.chain((body) => fc.constantFrom(body, `^${body}`, `${body}$`, `^${body}$`, `${body}\\b`));

describe('agrees with JavaScript RegExp', () => {
  it('on generated simple regexes over a tiny alphabet', () => {
    fc.assert(
      fc.property(
        regexArb,
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', ' '), maxLength: 12 }),
        (re, text) => {
          // Strings are short and regexes small, so RegExp's backtracking stays fast here.
          expect(compileLinearRegex(re).test(text)).toBe(new RegExp(re).test(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on case-insensitive matching', () => {
    fc.assert(
      fc.property(
        regexArb,
        fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B'), maxLength: 8 }),
        (re, text) => {
          expect(compileLinearRegex(`(?i)${re}`).test(text)).toBe(new RegExp(re, 'i').test(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
