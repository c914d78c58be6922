import { describe, expect, it } from 'vitest';
import { compileLike, compileLinearRegex } from './linear-regex.js';
import { RegexError } from './regex-error.js';

const matches = (re: string, text: string) => compileLinearRegex(re).test(text);

function refusal(re: string): RegexError {
  try {
    compileLinearRegex(re);
  } catch (e) {
    if (e instanceof RegexError) return e;
    throw e;
  }
  throw new Error(`expected ${re} to be refused`);
}

describe('compileLinearRegex', () => {
  it.each([
    ['abc', 'xxabcxx', true],
    ['^abc', 'xabc', false],
    ['abc$', 'abc\n', true], // PCRE: $ also matches before a final newline
    ['abc\\z', 'abc\n', false],
    ['a.c', 'a\nc', false],
    ['a.c', 'a-c', true],
    ['\\d{3}-\\d{4}', 'call 555-0100', true],
    ['^\\w+@\\w+\\.com$', 'jdoe@example.com', true],
    ['\\s', 'nospace', false],
    ['[^\\s]+', '   ', false],
    ['[a-c]+x', 'ccbx', true],
    ['[\\d.]+', '1.2', true],
    ['[]a]', ']', true],
    ['x[-a]y', 'x-y', true],
    ['colou?r', 'color', true],
    ['(?:ab)+c', 'ababc', true],
    ['(?<year>\\d{4})', '2024', true],
    ['(foo|bar)baz', 'barbaz', true],
    ['a{2,3}', 'a', false],
    ['^a{2,}$', 'aaaa', true],
    ['a{,2}', 'a{,2}', true], // not a quantifier in PCRE: literal text
    ['a+?b', 'aab', true],
    ['\\bcat\\b', 'concat', false],
    ['\\Bcat\\b', 'concat', true],
    ['(?i)^HELLO', 'hello world', true],
    ['(?i)[^a]', 'A', false],
    ['\\x41\\u0042', 'AB', true],
    ['\\.exe$', 'setup.exe', true],
    ['^.+\\@example\\.com$', 'x@example.com', true],
    ['[[:digit:]]+', 'a1', true],
    ['😀+', 'x😀😀', true],
    ['^.$', '😀', true],
    ['', 'anything', true],
    ['a|', 'b', true],
  ])('%s on %j → %s', (re, text, expected) => {
    expect(matches(re, text)).toBe(expected);
  });

  it('matches binary-as-latin1 escapes', () => {
    expect(matches('\\xd4\\xc3\\xb2\\xa1', 'x\u00d4\u00c3\u00b2\u00a1')).toBe(true);
  });

  it.each([
    ['(a)\\1', /backreference.*linear time/],
    ['(?<n>a)\\k<n>', /backreference/],
    ['(?=a)', /Lookaround.*linear time/],
    ['(?!a)', /Lookaround/],
    ['(?<=a)b', /Lookaround/],
    ['(?<!a)b', /Lookaround/],
    ['(?>a+)b', /atomic/],
    ['a++', /possessive/],
    ['(?m)^a', /not supported/],
    ['*a', /nothing to repeat/],
    ['a**', /Two quantifiers/],
    ['(a', /never closed/],
    ['a)', /Unbalanced/],
    ['[a', /never closed/],
    ['[z-a]', /out of order/],
    ['a{3,2}', /greater than/],
    ['a{1001}', /above 1000/],
    ['\\p{L}', /not supported/],
    ['a\\', /lone backslash/],
  ])('refuses %s', (re, message) => {
    expect(refusal(re).message).toMatch(message);
  });

  it('bounds the compiled size of counted repetition', () => {
    expect(refusal('(a{100}){200}').message).toMatch(/too large/);
    expect(refusal('((a{10}){10}){200}').message).toMatch(/too large/);
    expect(() => compileLinearRegex('a{1000}')).not.toThrow();
  });

  it('bounds group nesting', () => {
    expect(refusal(`${'('.repeat(200)}a${')'.repeat(200)}`).message).toMatch(/nests/);
  });
});

describe('compileLike', () => {
  it.each([
    ['name%', 'name.txt', true],
    ['name%', 'my name', false],
    ['%.exe', 'a.exe', true],
    ['%.exe', 'a.exe.txt', false],
    ['a_c', 'abc', true],
    ['a_c', 'ac', false],
    ['a.c', 'abc', false], // `.` is literal in LIKE
    ['100%', '100% sure', true],
    ['%', '', true],
    ['(x)*', '(x)*', true],
    ['%line%', 'first\nline\nlast', true],
  ])('%j LIKE %j → %s', (like, text, expected) => {
    expect(compileLike(like).test(text)).toBe(expected);
  });
});
