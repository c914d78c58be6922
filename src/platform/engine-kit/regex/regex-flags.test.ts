/** The flags Sigma's `re` modifier needs (i, m, s), inline flag groups, and the literal prefilter. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLinearRegex, RegexError } from './index.js';

describe('flags', () => {
  it.each([
    ['^b', {}, 'a\nb', false],
    ['^b', { multiline: true }, 'a\nb', true],
    ['a$', { multiline: true }, 'a\nb', true],
    ['a$', {}, 'a\nb', false],
    ['a.b', {}, 'a\nb', false],
    ['a.b', { dotAll: true }, 'a\nb', true],
    ['CMD', {}, 'cmd', false],
    ['CMD', { caseInsensitive: true }, 'cmd', true],
    ['(?s)a.b', { inline: 'ims' as const }, 'a\nb', true],
    ['(?im)^B', { inline: 'ims' as const }, 'a\nb', true],
  ])('%s with %j on %j is %s', (re, flags, text, want) => {
    expect(compileLinearRegex(re, flags).test(text)).toBe(want);
  });

  it('refuses (?m) unless inline flags beyond i are allowed', () => {
    expect(() => compileLinearRegex('(?m)^a')).toThrow(RegexError);
    expect(() => compileLinearRegex('(?m)^a', { inline: 'ims' })).not.toThrow();
  });

  it('refuses expressions longer than the limit', () => {
    expect(() => compileLinearRegex('a'.repeat(70_000))).toThrow(/limit/);
  });
});

describe('prefilter', () => {
  it('finds the required literals', () => {
    expect(compileLinearRegex('\\\\(cmd|powershell)\\.exe').prefilter?.literals).toEqual(['.exe']);
    expect(compileLinearRegex('foo(bar|baz)+').prefilter?.literals).toEqual(['foo']);
    expect(compileLinearRegex('(bar|bazz)').prefilter?.literals).toEqual(['bar', 'bazz']);
    expect(compileLinearRegex('a*b?').prefilter).toBeNull();
    expect(compileLinearRegex('ABC', { caseInsensitive: true }).prefilter).toEqual({
      literals: ['abc'],
      folded: true,
    });
  });

  it('keeps the odd case folds (long s, dotless i) that lower-casing misses', () => {
    const re = compileLinearRegex('S', { caseInsensitive: true });
    expect(re.test('\u017f')).toBe(/S/iu.test('\u017f'));
  });

  // The prefilter must never change an answer: compare with the NFA-only path (a prefix that
  // defeats literal extraction) and with JavaScript's RegExp.
  it('never changes the answer (property)', () => {
    const atom = fc.constantFrom(
      'a',
      'b',
      'ab',
      'ba',
      '.',
      '[ab]',
      'a+',
      'b*',
      '(a|bb)',
      '(?:ab|b)',
    );
    fc.assert(
      fc.property(
        fc.array(atom, { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
        fc.string({ unit: fc.constantFrom('a', 'b', 'A', 'B', '\n'), maxLength: 12 }),
        fc.boolean(),
        (re, text, ci) => {
          const ours = compileLinearRegex(re, { caseInsensitive: ci }).test(text);
          expect(ours).toBe(new RegExp(re, ci ? 'i' : '').test(text));
        },
      ),
      { numRuns: 500 },
    );
  });
});
