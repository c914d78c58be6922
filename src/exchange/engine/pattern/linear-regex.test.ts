/**
 * The exchange side of the shared linear-time regex engine (its own tests live in
 * src/platform/engine-kit/regex): MATCHES keeps PCRE's default flags, accepts only a leading
 * `(?i)`, and refusals arrive as PatternError with the offset in the expression.
 */
import { describe, expect, it } from 'vitest';
import { compileLike, compileLinearRegex } from './linear-regex.js';
import { PatternError } from './pattern-error.js';

function refusal(re: string): PatternError {
  try {
    compileLinearRegex(re);
  } catch (e) {
    if (e instanceof PatternError) return e;
    throw e;
  }
  throw new Error(`expected ${re} to be refused`);
}

describe('exchange linear regex', () => {
  it.each([
    ['abc', 'xxabcxx', true],
    ['(?i)^HELLO', 'hello world', true],
    ['a.c', 'a\nc', false],
    ['^b', 'a\nb', false],
  ])('%s on %j is %s', (re, text, want) => {
    expect(compileLinearRegex(re).test(text)).toBe(want);
  });

  it.each([
    ['(?m)^a', /not supported/, 0],
    ['(?s)a', /not supported/, 0],
    ['ab(?=a)', /Lookaround.*linear time/, 2],
    ['x\\1', /backreference/, 1],
  ])('refuses %s as a PatternError at its offset', (re, message, offset) => {
    const e = refusal(re);
    expect(e.message).toMatch(message);
    expect(e.offset).toBe(offset);
  });

  it('LIKE still matches whole values', () => {
    expect(compileLike('ab%').test('abc')).toBe(true);
    expect(compileLike('ab_').test('abcd')).toBe(false);
  });
});
