import { describe, expect, it } from 'vitest';
import type { Pattern } from './pattern-ast.js';
import { PATTERN_LIMITS, PatternError } from './pattern-error.js';
import { parsePattern } from './pattern-parser.js';
import { printPattern } from './pattern-printer.js';
import { SPEC_EXAMPLES } from './spec-examples.test-data.js';

/** The tree without `at` offsets, for comparing trees of differently spaced text. */
function shape(p: Pattern): unknown {
  return JSON.parse(JSON.stringify(p, (k, v) => (k === 'at' ? undefined : v)));
}

function errorOf(text: string): PatternError {
  try {
    parsePattern(text);
  } catch (e) {
    if (e instanceof PatternError) return e;
    throw e;
  }
  throw new Error(`expected a PatternError for ${text}`);
}

describe('parsePattern', () => {
  it('builds the tree of a simple comparison', () => {
    expect(shape(parsePattern("[file:hashes.'SHA-256' = 'ab']"))).toEqual({
      kind: 'observation',
      comparison: {
        kind: 'test',
        path: {
          objectType: 'file',
          steps: [
            { kind: 'key', name: 'hashes' },
            { kind: 'key', name: 'SHA-256' },
          ],
        },
        negated: false,
        operator: '=',
        value: { type: 'string', value: 'ab' },
      },
    });
  });

  it('reads extension paths, list indexes and [*]', () => {
    const p = parsePattern("[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]");
    expect(
      p.kind === 'observation' && p.comparison.kind === 'test' && p.comparison.path.steps,
    ).toEqual([
      { kind: 'key', name: 'extensions' },
      { kind: 'key', name: 'windows-pebinary-ext' },
      { kind: 'key', name: 'sections' },
      { kind: 'index', index: '*' },
      { kind: 'key', name: 'entropy' },
    ]);
    expect(printPattern(parsePattern('[a-b:c[0].d = 1]'))).toBe('[a-b:c[0].d = 1]');
  });

  it('decodes string escapes and typed constants', () => {
    const p = parsePattern(
      "[x:a IN ('it\\'s', 'C:\\\\dir', -5, +3, .5, true, false, t'2016-06-01T01:30:00.123Z', h'ffd8', b'dGVzdA==')]",
    );
    const values =
      p.kind === 'observation' && p.comparison.kind === 'in' ? p.comparison.values : [];
    expect(values.map((v) => [v.type, v.value])).toEqual([
      ['string', "it's"],
      ['string', 'C:\\dir'],
      ['int', -5],
      ['int', 3],
      ['float', 0.5],
      ['bool', true],
      ['bool', false],
      ['timestamp', '2016-06-01T01:30:00.123Z'],
      ['hex', 'ffd8'],
      ['binary', 'dGVzdA=='],
    ]);
  });

  it('gives AND precedence over OR, and both over FOLLOWEDBY (observation level)', () => {
    const p = parsePattern('[a:x = 1] FOLLOWEDBY [a:x = 2] OR [a:x = 3] AND [a:x = 4]');
    expect(p.kind).toBe('followedby');
    const right = p.kind === 'followedby' ? p.operands[1] : undefined;
    expect(right?.kind).toBe('or');
    expect(right?.kind === 'or' && right.operands[1]?.kind).toBe('and');
  });

  it('gives AND precedence over OR (comparison level)', () => {
    const p = parsePattern('[a:x = 1 OR a:x = 2 AND a:y = 3]');
    expect(p.kind === 'observation' && p.comparison.kind).toBe('or');
  });

  it('binds qualifiers to the observation expression just before them', () => {
    const p = parsePattern('[a:x = 1] AND [a:x = 2] WITHIN 5 SECONDS');
    expect(p.kind).toBe('and');
    expect(p.kind === 'and' && p.operands[1]?.kind).toBe('qualified');
  });

  it('normalises == and <> and flattens chains', () => {
    expect(printPattern(parsePattern("[a:b == 1 AND (a:c <> 'x' AND a:d = 2)]"))).toBe(
      "[a:b = 1 AND a:c != 'x' AND a:d = 2]",
    );
  });

  it('skips whitespace and comments', () => {
    expect(printPattern(parsePattern('  [ a:b /* c */ = 1 ] // tail\n'))).toBe('[a:b = 1]');
  });

  it.each(SPEC_EXAMPLES)('round-trips %s', (text) => {
    const p = parsePattern(text);
    const printed = printPattern(p);
    expect(shape(parsePattern(printed))).toEqual(shape(p));
    expect(printPattern(parsePattern(printed))).toBe(printed);
  });

  it('round-trips the forms printing has to parenthesise', () => {
    for (const text of [
      "([a:b = 1] AND [c:d = 2]) WITHIN 5 SECONDS REPEATS 2 TIMES FOLLOWEDBY [e:f IN (1, 2.50, 'x')]",
      '[a:b = 1] OR ([c:d = 2] FOLLOWEDBY [e:f = 3])',
      '[(a:b = 1 OR a:b = 2) AND a:c = 3]',
      '([a:b = 1] WITHIN 5 SECONDS) WITHIN 6 SECONDS',
      "[a:b NOT LIKE 'x%' AND EXISTS a:c AND a:d NOT IN ()]",
    ]) {
      const p = parsePattern(text);
      expect(shape(parsePattern(printPattern(p)))).toEqual(shape(p));
    }
  });
});

describe('parsePattern errors', () => {
  // From FAIL_CASES in oasis-open/cti-pattern-validator stix2patterns/test/v21/test_validator.py:
  // the reference reports these ANTLR positions ("line 1:N"); ours are the same offsets.
  it.each([
    ['file:size = 1280', 0],
    ['[file:size = ]', 13],
    ['[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]', 19],
    ['[file.size = 1280]', 5],
    ['[file:name MATCHES /.*\\.dll/]', 19],
    ["[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN ]", 63],
    ["[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN 5 HOURS]", 65],
    ["[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar'] WITHIN -5 SECONDS]", 63],
    ['[network-traffic:dst_ref.value ISSUBSET ]', 40],
    ["[file:hashes.MD5 =? 'cead3f77f6cda6ec00f57d76c9a6879f']", 18],
    ["[x_whatever:detected == t'2457-73-22T32:81:84.1Z']", 24],
    ["[artifact:payload_bin = b'====']", 24],
    ['[foo:bar=1] within 2 seconds', 12],
  ])('%s fails at offset %i', (text, offset) => {
    expect(errorOf(text).offset).toBe(offset);
  });

  it('refuses a repeated qualifier on one observation, as the reference does', () => {
    const key = "[win-registry-key:key = 'hkey_local_machine\\\\foo\\\\bar']";
    expect(errorOf(`${key} WITHIN 5 SECONDS WITHIN 6 SECONDS`).message).toMatch(/WITHIN/);
    const ts = "START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z'";
    expect(errorOf(`${key} ${ts} ${ts}`).message).toMatch(/STARTSTOP/);
    expect(() => parsePattern(`(${key}) WITHIN 5 SECONDS WITHIN 6 SECONDS`)).not.toThrow();
  });

  it('explains common mistakes in plain words', () => {
    expect(errorOf('[file:extensions.windows-pebinary-ext.size = 1]').message).toMatch(
      /must be quoted/,
    );
    expect(errorOf("[a:b = 'unterminated]").message).toMatch(/closing quote/);
    expect(errorOf("[a:b = 'bad \\x escape']").message).toMatch(/backslash/);
    expect(errorOf('[a:b = 1] and [a:b = 2]').message).toMatch(/upper case/);
    expect(errorOf('[a:b = 1]]').message).toMatch(/Unbalanced/);
    expect(errorOf('').message).toMatch(/empty/);
    expect(errorOf('[a:b > true]').message).toMatch(/true or false/);
    expect(errorOf('[a:b MATCHES 5]').message).toMatch(/quoted string/);
    expect(errorOf('[a:b[-1] = 1]').message).toMatch(/non-negative/);
    expect(errorOf('[a:b = 99999999999999999999]').message).toMatch(/too large/);
    expect(errorOf("[a:b = h'abc']").message).toMatch(/hex/);
    expect(errorOf("[a:b = t'2016-02-30T00:00:00Z']").message).toMatch(/timestamp/);
    expect(errorOf("[a:b = t'2016-01-01 00:00:00Z']").message).toMatch(/timestamp/);
  });

  it('bounds the input length', () => {
    const long = `[a:b = '${'x'.repeat(PATTERN_LIMITS.maxLength)}']`;
    expect(errorOf(long).message).toMatch(/limit/);
  });

  it('bounds nesting depth instead of overflowing the stack', () => {
    const deep = `${'('.repeat(10_000)}[a:b = 1]${')'.repeat(10_000)}`;
    expect(errorOf(deep).message).toMatch(/nests more than 100/);
    const deepComparison = `[${'('.repeat(5_000)}a:b = 1${')'.repeat(5_000)}]`;
    expect(errorOf(deepComparison).message).toMatch(/nests/);
    const ok = `${'('.repeat(98)}[a:b = 1]${')'.repeat(98)}`;
    expect(() => parsePattern(ok)).not.toThrow();
  });

  it('handles very long flat chains without deep recursion', () => {
    const chain = Array.from(
      { length: 1000 },
      (_, i) => `[ipv4-addr:value = '10.0.${i >> 8}.${i & 255}']`,
    ).join(' OR ');
    const p = parsePattern(chain);
    expect(p.kind === 'or' && p.operands.length).toBe(1000);
    expect(printPattern(p)).toBe(chain);
  });
});
