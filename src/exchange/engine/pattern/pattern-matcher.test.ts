/**
 * Evaluator cases. Most are ported from oasis-open/cti-pattern-matcher (paths given per block),
 * rewritten in STIX 2.1 syntax (upper-case keywords, t'…' timestamps).
 */
import { describe, expect, it } from 'vitest';
import type { ObservedData, Sco } from './observation-input.js';
import { PatternError } from './pattern-error.js';
import { matchPattern } from './pattern-matcher.js';
import { parsePattern } from './pattern-parser.js';

function observed(
  time: string,
  objects: Record<string, Sco>,
  count = 1,
  last = time,
): ObservedData {
  return { first_observed: time, last_observed: last, number_observed: count, objects };
}

const matches = (pattern: string, data: readonly ObservedData[]) =>
  matchPattern(parsePattern(pattern), data).matched;

describe('comparison expressions (stix2matcher/test/v21/test_comparison_exprs.py)', () => {
  const data = [
    observed('2004-11-26T11:42:29Z', {
      a: { type: 'person', name: 'alice', age: 10 },
      b: { type: 'person', name: 'bob', age: 15 },
    }),
  ];
  it.each([
    "[person:name = 'alice' AND person:age < 20]",
    "[person:name = 'alice' OR person:age > 20]",
    "[person:name = 'alice' OR person:age > 1000 AND person:age < 0]",
    "[(person:name = 'carol' OR person:name = 'bob') AND person:age > 10]",
    "[(person:name = 'darlene' OR person:name = 'carol') AND person:age < 0 OR person:age > 5]",
  ])('matches %s', (p) => expect(matches(p, data)).toBe(true));
  it.each([
    "[person:name = 'alice' AND person:age > 10]",
    "[person:name = 'carol' OR person:age > 20]",
    "[(person:age = 'alice' OR person:age > 1000) AND person:age < 0]",
    "[(person:name = 'darlene' OR person:name = 'carol') AND (person:age < 0 OR person:age > 5)]",
  ])('does not match %s', (p) => expect(matches(p, data)).toBe(false));
});

describe('repetition and combinations (stix2matcher/test/v21/test_complex.py)', () => {
  const data = [
    observed('2004-10-11T21:44:58Z', { p: { type: 'person', name: 'alice', age: 10 } }, 2),
    observed('2004-10-11T21:45:01Z', { p: { type: 'person', name: 'bob', age: 17 } }, 3),
    observed('2004-10-11T21:45:02Z', { p: { type: 'person', name: 'carol', age: 22 } }, 2),
  ];
  it.each([
    '[person:age < 20] REPEATS 5 TIMES',
    '([person:age < 20] REPEATS 2 TIMES) REPEATS 2 TIMES',
    "[person:name > 'aaron'] REPEATS 5 TIMES WITHIN 1 SECONDS",
    "([person:age < 30] AND [person:name > 'aaron']) WITHIN 2 SECONDS REPEATS 3 TIMES",
  ])('matches %s', (p) => expect(matches(p, data)).toBe(true));
  it.each([
    '[person:age < 20] REPEATS 10 TIMES',
    '([person:age < 20] REPEATS 2 TIMES) REPEATS 3 TIMES',
  ])('does not match %s', (p) => expect(matches(p, data)).toBe(false));

  it('reports which observed-data a match used', () => {
    const r = matchPattern(
      parsePattern("[person:name = 'bob'] FOLLOWEDBY [person:name = 'carol']"),
      data,
    );
    expect(r).toEqual({ matched: true, bindings: [1, 2] });
  });

  // 20 observations one second apart: the reference calls these "combinatorial explosion".
  const many = Array.from({ length: 20 }, (_, i) =>
    observed(`2004-10-11T21:45:${String(i).padStart(2, '0')}Z`, {
      a0: { type: 'person', name: 'alice', age: i },
    }),
  );
  it.each([
    '[person:age < 20] REPEATS 10 TIMES',
    '[person:age < 20] REPEATS 10 TIMES WITHIN 10 SECONDS',
    "[person:age < 20] REPEATS 10 TIMES START t'2004-10-11T21:40:00Z' STOP t'2004-10-11T21:50:00Z'",
    '[person:age < 20] REPEATS 10 TIMES AND [person:age < 20]',
    '[person:age < 20] REPEATS 10 TIMES OR [person:age < 20]',
    '[person:age < 20] REPEATS 10 TIMES FOLLOWEDBY [person:age < 20]',
    '([person:age < 20] REPEATS 5 TIMES) REPEATS 2 TIMES',
    '([person:age < 20] REPEATS 2 TIMES) REPEATS 5 TIMES',
    Array.from({ length: 10 }, () => '[person:age < 20]').join(' AND '),
    Array.from({ length: 10 }, () => '[person:age < 20]').join(' OR '),
    '([person:age < 20] FOLLOWEDBY [person:age > 5]) REPEATS 10 TIMES',
  ])('matches without blowing up: %s', (p) => {
    const r = matchPattern(parsePattern(p), many);
    expect(r.matched).toBe(true);
  });
  it('proves no match without blowing up', () => {
    const r = matchPattern(
      parsePattern('[person:age < 20] REPEATS 10 TIMES WITHIN 8 SECONDS'),
      many,
    );
    expect(r).toEqual({ matched: false });
  });
});

describe('temporal qualifiers (stix2matcher/test/test_temporal_qualifiers.py)', () => {
  const data = [
    observed('1994-11-29T13:37:52Z', { 0: { type: 'person', name: 'alice' } }),
    observed('1994-11-29T13:37:57Z', { 0: { type: 'person', name: 'bob' } }),
    observed('1994-11-29T13:38:02Z', { 0: { type: 'person', name: 'carol' } }),
  ];
  const at = (from: string, to: string) => `START t'1994-11-29T${from}Z' STOP t'1994-11-29T${to}Z'`;
  it.each([
    "[person:name = 'bob'] WITHIN 1 SECONDS",
    "[person:name = 'bob'] WITHIN .0001 SECONDS",
    "[person:name = 'alice'] AND [person:name < 'carol'] WITHIN 1 SECONDS",
    "([person:name = 'alice'] AND [person:name < 'carol']) WITHIN 5 SECONDS",
    "([person:name = 'alice'] OR [person:name = 'darlene']) WITHIN 1 SECONDS",
    `[person:name = 'bob'] ${at('13:37:57', '13:37:58')}`,
    `[person:name LIKE 'a%'] AND [person:name = 'bob'] ${at('13:37:57', '13:37:58')}`,
    `([person:name LIKE 'a%'] AND [person:name = 'bob']) ${at('13:37:50', '13:37:58')}`,
    `([person:name = 'alice'] OR [person:name = 'darlene']) ${at('13:37:52', '13:37:58')}`,
    `[person:name MATCHES ''] REPEATS 2 TIMES ${at('13:37:50', '13:37:58')}`,
  ])('matches %s', (p) => expect(matches(p, data)).toBe(true));
  it.each([
    "([person:name = 'alice'] AND [person:name < 'carol']) WITHIN 4 SECONDS",
    "([person:name = 'alice'] AND [person:name < 'carol']) WITHIN 4.9999 SECONDS",
    "[person:name = 'elizabeth'] WITHIN 10 SECONDS",
    `[person:name = 'bob'] ${at('13:37:58', '13:37:59')}`,
    `([person:name LIKE 'a%'] AND [person:name = 'bob']) ${at('13:37:50', '13:37:57')}`,
    `[person:name MATCHES ''] REPEATS 3 TIMES ${at('13:37:50', '13:37:58')}`,
    `([person:name NOT LIKE 'foo'] ${at('13:37:50', '13:37:57')}) REPEATS 3 TIMES`,
  ])('does not match %s', (p) => expect(matches(p, data)).toBe(false));

  it('orders FOLLOWEDBY by time', () => {
    expect(matches("[person:name = 'alice'] FOLLOWEDBY [person:name = 'carol']", data)).toBe(true);
    expect(matches("[person:name = 'carol'] FOLLOWEDBY [person:name = 'alice']", data)).toBe(false);
    // Overlapping intervals can be ordered either way (timestamps chosen inside each interval).
    const overlap = [
      observed('2020-01-01T00:00:00Z', { 0: { type: 'x-a', v: 1 } }, 1, '2020-01-01T00:10:00Z'),
      observed('2020-01-01T00:05:00Z', { 0: { type: 'x-b', v: 1 } }),
    ];
    expect(matches('[x-b:v = 1] FOLLOWEDBY [x-a:v = 1]', overlap)).toBe(true);
  });
});

describe('observation operators', () => {
  const one = [observed('2020-01-01T00:00:00Z', { 0: { type: 'file', name: 'a' } })];
  it('AND needs distinct observations, counting number_observed', () => {
    expect(matches("[file:name = 'a'] AND [file:name = 'a']", one)).toBe(false);
    const twice = [observed('2020-01-01T00:00:00Z', { 0: { type: 'file', name: 'a' } }, 2)];
    expect(matches("[file:name = 'a'] AND [file:name = 'a']", twice)).toBe(true);
  });
  it('treats terms joined by AND inside [ ] as tests of the same root object', () => {
    const two = [
      observed('2020-01-01T00:00:00Z', {
        0: { type: 'ipv4-addr', value: '192.0.2.1' },
        1: { type: 'domain-name', value: 'example.com' },
      }),
    ];
    expect(matches("[ipv4-addr:value = '192.0.2.1' OR domain-name:value = 'x']", two)).toBe(true);
    expect(
      matches("[ipv4-addr:value = '192.0.2.1' AND domain-name:value = 'example.com']", two),
    ).toBe(false);
    expect(
      matches("[ipv4-addr:value = '192.0.2.1'] AND [domain-name:value = 'example.com']", two),
    ).toBe(false);
  });
  it('bails out with incomplete instead of searching forever', () => {
    const lots = Array.from({ length: 40 }, (_, i) =>
      observed(`2020-01-01T00:00:${String(i).padStart(2, '0')}Z`, { 0: { type: 'x-n', v: i } }),
    );
    // Every way to choose the 38 repetitions is tried before the last, impossible leaf says no.
    const hard =
      '([x-n:v >= 0] REPEATS 19 TIMES) AND ([x-n:v >= 0] REPEATS 19 TIMES) AND [x-n:v > 99]';
    const r = matchPattern(parsePattern(hard), lots, { maxSteps: 20_000 });
    expect(r).toEqual({ matched: false, incomplete: true });
    expect(matchPattern(parsePattern('[x-n:v >= 0] REPEATS 100000 TIMES'), lots)).toEqual({
      matched: false,
    });
  });
  it('ignores observed-data with invalid timestamps or counts, and says which', () => {
    const bad = [
      { ...one[0], first_observed: 'yesterday' } as ObservedData,
      { ...one[0], number_observed: 0 } as ObservedData,
      ...one,
    ];
    expect(matchPattern(parsePattern("[file:name = 'a']"), bad)).toEqual({
      matched: true,
      bindings: [2],
      ignored: [0, 1],
    });
  });
});

describe('comparison operators and values', () => {
  const data = [
    observed('2020-01-01T00:00:00Z', {
      0: {
        type: 'file',
        name: 'Final Report 2.exe',
        size: 1024,
        created: '2014-01-13T07:03:17.5Z',
        magic_number_hex: 'FFD8',
        hashes: {
          'SHA-256': 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f',
          MD5: 'x',
        },
        parent_directory_ref: '1',
        extensions: { 'windows-pebinary-ext': { sections: [{ entropy: 6.5 }, { entropy: 7.2 }] } },
        tags: ['a', 'b'],
        signed: true,
      },
      1: { type: 'directory', path: 'C:\\Windows\\System32' },
      2: { type: 'artifact', payload_bin: 'dGhpcyBpcyBhIHRlc3Q=' },
      3: { type: 'network-traffic', dst_ref: '4', src_port: 37020 },
      4: { type: 'ipv6-addr', value: '2001:db8:dead:beef::1' },
      5: { type: 'ipv4-addr', value: '198.51.100.7' },
      6: { type: 'email-message', to_refs: ['7', '8'] },
      7: { type: 'email-addr', value: 'a@example.com' },
      8: { type: 'email-addr', value: 'b@evil.test' },
      9: { type: 'x-unicode', s: '\u{1F600}', t: '\uFFFF' },
    }),
  ];
  it.each([
    ['[file:size = 1024]', true],
    ['[file:size = 1024.0]', true],
    ['[file:size != 1024]', false],
    ['[file:size NOT = 1024]', false],
    ["[file:size != '1024']", true], // different types are simply unequal
    ["[file:size < '2000']", false], // ...and unordered
    ["[file:size NOT < '2000']", false],
    ['[file:size >= 1024 AND file:size <= 1024]', true],
    ['[file:size IN (1, 1024)]', true],
    ['[file:size NOT IN (1, 2)]', true],
    ['[file:signed = true]', true],
    ['[file:missing != 1]', false], // a missing property satisfies nothing
    ["[file:created > t'2014-01-13T07:03:17Z']", true], // fractions count
    ["[file:created = t'2014-01-13T07:03:17.500Z']", true],
    ["[file:magic_number_hex = h'ffd8']", true], // _hex properties are bytes
    ["[artifact:payload_bin = b'dGhpcyBpcyBhIHRlc3Q=']", true],
    ["[artifact:payload_bin = 'this is a test']", true], // string vs bytes as latin1
    ["[artifact:payload_bin MATCHES '^this']", true],
    [
      "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
      true,
    ],
    ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", true],
    ["[file:extensions.'windows-pebinary-ext'.sections[0].entropy > 7.0]", false],
    ["[file:extensions.'windows-pebinary-ext'.sections[5].entropy > 0]", false],
    ["[file:tags[*] = 'b']", true],
    ["[file:tags = 'b']", false], // a list is not its elements without [*]
    ["[file:parent_directory_ref.path = 'C:\\\\Windows\\\\System32']", true],
    ["[file:parent_directory_ref = '1']", true], // the reference itself, not followed
    ["[file:name LIKE 'Final%.exe']", true],
    ["[file:name NOT LIKE 'Final%.exe']", false],
    ["[file:name MATCHES '^Final Report.+\\\\.exe$']", true],
    ["[file:name MATCHES '(?i)final']", true],
    ["[file:size MATCHES '1024']", false], // MATCHES applies to strings only, NOT or not
    ["[file:size NOT MATCHES '1024']", false],
    ["[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']", true],
    ["[network-traffic:dst_ref.value ISSUBSET '2001:db8:dead:bee0::/64']", false],
    ["[ipv4-addr:value ISSUBSET '198.51.100.0/24']", true],
    ["[ipv4-addr:value NOT ISSUBSET '198.51.100.0/24']", false],
    ["[ipv4-addr:value ISSUPERSET '198.51.100.7']", true],
    ["[ipv4-addr:value ISSUBSET '2001:db8::/32']", false],
    ["[network-traffic:src_port = 37020 AND network-traffic:dst_ref.type = 'ipv6-addr']", true],
    ["[email-message:to_refs[*].value = 'b@evil.test']", true],
    ["[email-message:to_refs[1].value = 'a@example.com']", false],
    ['[EXISTS file:hashes.MD5]', true],
    ['[EXISTS file:hashes.SHA1]', false],
    ["[x-unicode:s > 'z']", true],
    ['[x-unicode:s > x-unicode:t]'.replace(' x-unicode:t', " '\uFFFF'"), true], // code-point order
  ])('%s → %s', (p, expected) => {
    expect(matches(p, data)).toBe(expected);
  });

  it('does not walk the prototype chain', () => {
    expect(matches("[file:constructor.name = 'Object']", data)).toBe(false);
    expect(matches("[file:parent_directory_ref.toString != 'x']", data)).toBe(false);
  });

  it('throws PatternError, nothing else, for a regex it cannot run', () => {
    expect(() => matches("[file:name MATCHES '(a)\\\\1']", data)).toThrow(PatternError);
  });
});
