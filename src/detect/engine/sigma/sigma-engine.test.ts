/**
 * The Sigma engine on small hand-written rules: every value modifier, the condition grammar,
 * filters, bad rules (reported, the rest load), and the router (indexed and unindexed rules give
 * the same answers as evaluating every rule).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FieldValue, LogEvent, LogSource } from '../event.js';
import { compileRuleSet } from './index.js';

const proc: LogSource[] = [
  { product: 'windows', category: 'process_creation' },
  { product: 'windows', service: 'sysmon' },
];

function event(fields: Record<string, FieldValue>, logsources = proc, time?: number): LogEvent {
  return {
    fields,
    logsources,
    origin: { source: 'test' },
    ...(time === undefined ? {} : { time }),
  };
}

function rule(detection: string, extra = ''): unknown {
  return parse(
    `title: t\nid: r1\nlevel: high\nlogsource: {product: windows, category: process_creation}\n${extra}\ndetection:\n${detection}`,
  );
}

function fires(detection: string, fields: Record<string, FieldValue>, extra = ''): boolean {
  const set = compileRuleSet([{ source: 'r.yml', document: rule(detection, extra) }]);
  expect(set.problems).toEqual([]);
  return set.feed(event(fields)).matches.length > 0;
}

const d = (lines: string) =>
  lines
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

describe('value matching and modifiers', () => {
  it.each([
    ['sel: {Image: C:\\Windows\\cmd.exe}', { Image: 'c:\\windows\\CMD.exe' }, true],
    ['sel: {Image: cmd.exe}', { Image: 'c:\\windows\\cmd.exe' }, false],
    ['sel: {Image|endswith: \\cmd.exe}', { Image: 'C:\\Windows\\cmd.exe' }, true],
    ['sel: {Image|startswith: C:\\Users}', { Image: 'c:\\users\\a.exe' }, true],
    ['sel: {CommandLine|contains: whoami}', { CommandLine: 'cmd /c WHOAMI /all' }, true],
    ["sel: {CommandLine|contains|all: ['-enc', 'hidden']}", { CommandLine: 'x -enc y' }, false],
    [
      "sel: {CommandLine|contains|all: ['-enc', 'hidden']}",
      { CommandLine: 'x -enc -w hidden' },
      true,
    ],
    ["sel: {CommandLine: '*a?c*'}", { CommandLine: 'xxabcxx' }, true],
    ["sel: {CommandLine: '*a\\*c*'}", { CommandLine: 'xxabcxx' }, false],
    ["sel: {CommandLine: '*a\\*c*'}", { CommandLine: 'xxa*cxx' }, true],
    ['sel: {CommandLine|cased: Whoami}', { CommandLine: 'whoami' }, false],
    ['sel: {CommandLine|cased: Whoami}', { CommandLine: 'Whoami' }, true],
    ['sel: {EventID: 1}', { EventID: 1 }, true],
    ["sel: {EventID: '1'}", { EventID: 1 }, true],
    ['sel: {EventID: [4, 5]}', { EventID: 1 }, false],
    [
      'sel: {Hashes|re: "MD5=[0-9A-F]{32}"}',
      { Hashes: 'SHA1=x,MD5=352B525E9C26CB92693899528FE007C2' },
      true,
    ],
    [
      'sel: {Hashes|re: "md5=[0-9a-f]{32}"}',
      { Hashes: 'MD5=352B525E9C26CB92693899528FE007C2' },
      false,
    ],
    [
      'sel: {Hashes|re|i: "md5=[0-9a-f]{32}"}',
      { Hashes: 'MD5=352B525E9C26CB92693899528FE007C2' },
      true,
    ],
    ['sel: {CommandLine|re|m: "^net user$"}', { CommandLine: 'x\nnet user\ny' }, true],
    ['sel: {CommandLine|re: "^net user$"}', { CommandLine: 'x\nnet user\ny' }, false],
    ['sel: {CommandLine|re|s: "a.b"}', { CommandLine: 'a\nb' }, true],
    ['sel: {CommandLine|re: "a.b"}', { CommandLine: 'a\nb' }, false],
    ['sel: {CommandLine|base64: "whoami"}', { CommandLine: 'd2hvYW1p' }, true],
    [
      'sel: {CommandLine|base64offset|contains: "whoami"}',
      { CommandLine: 'xx' + 'IHdob2FtaQ==' },
      true,
    ],
    ['sel: {CommandLine|base64offset|contains: "whoami"}', { CommandLine: 'xxd2hvYW1p' }, true],
    [
      'sel: {CommandLine|wide|base64offset|contains: "ping"}',
      { CommandLine: '-e cABpAG4AZwA' },
      true,
    ],
    ['sel: {CommandLine|utf16le|base64: "ab"}', { CommandLine: 'YQBiAA==' }, true],
    ['sel: {CommandLine|utf16be|base64: "ab"}', { CommandLine: 'AGEAYg==' }, true],
    ['sel: {CommandLine|utf16|base64: "ab"}', { CommandLine: '//5hAGIA' }, true],
    ['sel: {CommandLine|windash|contains: " -exec "}', { CommandLine: 'x /exec y' }, true],
    ['sel: {CommandLine|windash|contains: " -exec"}', { CommandLine: 'x \u2013exec y' }, true],
    ['sel: {CommandLine|windash|contains: " -exec"}', { CommandLine: 'x /exec y' }, true],
    ['sel: {CommandLine|windash|contains: " -exec"}', { CommandLine: 'x exec y' }, false],
    ['sel: {DestinationIp|cidr: 10.0.0.0/8}', { DestinationIp: '10.1.2.3' }, true],
    ['sel: {DestinationIp|cidr: 10.0.0.0/8}', { DestinationIp: '11.1.2.3' }, false],
    ['sel: {DestinationIp|cidr: "fe80::/10"}', { DestinationIp: 'fe80::1%eth0' }, true],
    ['sel: {DestinationIp|cidr: "::ffff:0:0/96"}', { DestinationIp: '::ffff:1.2.3.4' }, true],
    ['sel: {DestinationPort|gt: 1024}', { DestinationPort: 4444 }, true],
    ['sel: {DestinationPort|lte: 1024}', { DestinationPort: '4444' }, false],
    ['sel: {DestinationPort|gte: 443}', { DestinationPort: 'abc' }, false],
    ['sel: {ParentUser|exists: true}', { ParentUser: 'x' }, true],
    ['sel: {ParentUser|exists: false}', { ParentUser: 'x' }, false],
    ['sel: {ParentUser|exists: false}', {}, true],
    ['sel: {ParentUser: null}', {}, true],
    ['sel: {ParentUser: null}', { ParentUser: 'x' }, false],
    ["sel: {ParentUser: ''}", { ParentUser: '' }, true],
    ['sel: {User|fieldref: ParentUser}', { User: 'A\\b', ParentUser: 'a\\B' }, true],
    ['sel: {User|fieldref: ParentUser}', { User: 'a', ParentUser: 'b' }, false],
    [
      'sel: {CommandLine|fieldref|contains: Image}',
      { CommandLine: 'x c:\\a.exe y', Image: 'C:\\A.exe' },
      true,
    ],
    ['sel: {User|neq: SYSTEM}', { User: 'system' }, false],
    ['sel: {User|neq: SYSTEM}', { User: 'alice' }, true],
    ['sel: {UtcTime|hour: 3}', { UtcTime: '2024-05-01T03:10:00Z' }, true],
    ['sel: {UtcTime|hour|gte: 22}', { UtcTime: '2024-05-01T03:10:00Z' }, false],
    ['sel: {UtcTime|month: 5}', { UtcTime: '2024-05-01T03:10:00Z' }, true],
    ['sel: {UtcTime|week: 1}', { UtcTime: '2024-01-03T00:00:00Z' }, true],
    ['sel: {Image|endswith: [\\a.exe, \\b.exe]}', { Image: ['c:\\x.exe', 'c:\\B.EXE'] }, true],
    ["sel: ['mimikatz', 'sekurlsa']", { CommandLine: 'run SEKURLSA::logonpasswords' }, true],
    ["sel: ['mimikatz']", { CommandLine: 'nothing here' }, false],
    ["sel: {'|all': ['a1', 'b2']}", { X: 'a1', Y: 'b2' }, true],
    ["sel: {'|all': ['a1', 'b2']}", { X: 'a1' }, false],
  ])('%s on %j → %s', (det, fields, want) => {
    expect(fires(d(`${det}\ncondition: sel`), fields as Record<string, FieldValue>)).toBe(want);
  });

  it('expands placeholders when given, and skips the rule (saying why) when not', () => {
    const doc = rule(d('sel: {User|expand: "%admins%"}\ncondition: sel'));
    const without = compileRuleSet([{ source: 'p.yml', document: doc }]);
    expect(without.rules).toHaveLength(0);
    expect(without.problems[0]).toMatchObject({ source: 'p.yml', severity: 'skipped' });
    expect(without.problems[0]?.message).toMatch(/%admins%/);
    const withValues = compileRuleSet([{ source: 'p.yml', document: doc }], {
      placeholders: { admins: ['root', 'Administrator'] },
    });
    expect(withValues.feed(event({ User: 'administrator' })).matches).toHaveLength(1);
    expect(withValues.feed(event({ User: 'bob' })).matches).toHaveLength(0);
  });
});

describe('conditions', () => {
  const ids = d(
    'sel_a: {A: x}\nsel_b: {B: y}\n_private: {C: z}\nfilter_main_1: {D: 1}\nfilter_main_2: {E: 2}',
  );
  it.each([
    ['sel_a and sel_b', { A: 'x', B: 'y' }, true],
    ['sel_a and sel_b', { A: 'x' }, false],
    ['sel_a or sel_b', { B: 'y' }, true],
    ['sel_a and not sel_b', { A: 'x', B: 'y' }, false],
    ['not sel_a and sel_b', { B: 'y' }, true],
    ['not (sel_a or sel_b)', {}, true],
    ['1 of sel_*', { B: 'y' }, true],
    ['all of sel_*', { B: 'y' }, false],
    ['all of sel_* and not 1 of filter_main_*', { A: 'x', B: 'y', E: 2 }, false],
    ['all of sel_* and not 1 of filter_main_*', { A: 'x', B: 'y' }, true],
    ['1 of them', { C: 'z' }, false],
    ['1 of them', { D: 1 }, true],
    ['all of them', { A: 'x', B: 'y', D: 1, E: 2 }, true],
    ['sel_a or sel_b and _private', { A: 'x' }, true],
    ['(sel_a or sel_b) and _private', { A: 'x' }, false],
  ])('%s on %j → %s', (condition, fields, want) => {
    expect(fires(`${ids}\n  condition: ${condition}`, fields as Record<string, FieldValue>)).toBe(
      want,
    );
  });

  it('a list of conditions is their OR', () => {
    expect(fires(`${ids}\n  condition: [sel_a, sel_b]`, { B: 'y' })).toBe(true);
  });
});

describe('bad rules', () => {
  it.each([
    [d('sel: {A|bogus: x}\ncondition: sel'), /unknown value modifier \|bogus/],
    [d('sel: {A: x}\ncondition: sel and nothere'), /nothere/],
    [d('sel: {A: x}\ncondition: sel | count() > 5'), /correlation rule/],
    [d('sel: {A: x}\ncondition: (sel'), /never closed/],
    [d('sel: {A|re: "(a+)\\\\1"}\ncondition: sel'), /backreference/],
    [d('sel: {A|re: "(?=x)"}\ncondition: sel'), /linear time/],
    [d('sel: {A|cidr: 10.0.0.0/33}\ncondition: sel'), /not a network/],
    [d('sel: {A|i: x}\ncondition: sel'), /only valid after \|re/],
    [d('sel: {}\ncondition: sel'), /empty/],
    [d('sel: {A: x}'), /condition/],
  ])('%s is refused: %s', (detection, message) => {
    const set = compileRuleSet([
      { source: 'bad.yml', document: rule(detection) },
      {
        source: 'good.yml',
        document: { ...(rule(d('s: {A: x}\ncondition: s')) as object), id: 'r2' },
      },
    ]);
    expect(set.rules.map((r) => r.source)).toEqual(['good.yml']);
    expect(set.problems).toHaveLength(1);
    expect(set.problems[0]).toMatchObject({ source: 'bad.yml', rule: 't', severity: 'error' });
    expect(set.problems[0]?.message).toMatch(message);
  });

  it('refuses documents that are not rules, and a repeated id', () => {
    const good = rule(d('s: {A: x}\ncondition: s'));
    const set = compileRuleSet([
      { source: 'a.yml', document: 'just text' },
      { source: 'b.yml', document: { title: 'no detection' } },
      { source: 'c.yml', document: { ...(good as object), level: 'urgent' } },
      { source: 'd.yml', document: good },
      { source: 'e.yml', document: good },
    ]);
    expect(set.rules.map((r) => r.source)).toEqual(['d.yml']);
    expect(set.problems.map((p) => [p.source, p.message])).toEqual([
      ['a.yml', 'a rule must be a YAML map'],
      ['b.yml', 'detection is required'],
      ['c.yml', expect.stringMatching(/^level must be one of/)],
      ['e.yml', 'another rule already has the id r1'],
    ]);
  });
});

describe('routing', () => {
  it('sends an event only to rules of its logsource', () => {
    const set = compileRuleSet([
      { source: 'a.yml', document: rule(d('s: {Image|endswith: \\x.exe}\ncondition: s')) },
    ]);
    expect(set.feed(event({ Image: 'c:\\x.exe' })).matches).toHaveLength(1);
    expect(
      set.feed(event({ Image: 'c:\\x.exe' }, [{ product: 'windows', category: 'image_load' }]))
        .matches,
    ).toHaveLength(0);
    expect(set.feed(event({ Image: 'c:\\x.exe' }, [{ product: 'linux' }])).matches).toHaveLength(0);
    // An event that states nothing about its source may match any rule.
    expect(set.feed(event({ Image: 'c:\\x.exe' }, [])).matches).toHaveLength(1);
  });

  // The literal index must never hide a match: compare with a rule set where every rule is
  // unindexable (a `1 of` with an always-true branch forces evaluation) on random values.
  it('indexed rules give the same answers as evaluating every rule (property)', () => {
    const values = ['\\cmd.exe', 'powershell', '-enc', 'whoami', 'a*b', 'x?y', 'ÄÖ', 'K'];
    fc.assert(
      fc.property(
        fc.constantFrom(...values),
        fc.constantFrom('contains', 'endswith', 'startswith', 'contains|windash', 're'),
        fc.string({
          unit: fc.constantFrom(
            'a',
            'b',
            'x',
            'y',
            '\\',
            'c',
            'm',
            'd',
            '.',
            'e',
            'K',
            'k',
            '-',
            '/',
            'Ä',
            'ä',
          ),
          maxLength: 14,
        }),
        (value, modifier, text) => {
          const literal = modifier === 're' ? value.replace(/[.*?\\]/g, '\\$&') : value;
          const indexed = rule(
            d(`s: {CommandLine|${modifier}: ${JSON.stringify(literal)}}\ncondition: s`),
          );
          const plain = rule(
            d(
              `s: {CommandLine|${modifier}: ${JSON.stringify(literal)}}\nt: {Zzz|exists: false}\ncondition: s and t`,
            ),
          );
          const a = compileRuleSet([{ source: 'a', document: indexed }]);
          const b = compileRuleSet([{ source: 'b', document: plain }]);
          const e = event({ CommandLine: `${text}${value}${text}`.slice(0, 30) });
          expect(a.feed(e).matches.length).toBe(b.feed(e).matches.length);
          const e2 = event({ CommandLine: text });
          expect(a.feed(e2).matches.length).toBe(b.feed(e2).matches.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('routing by literals (issue 9)', () => {
  const EMOJI = ['😀', '😃', '🤣', '☺️', '🥸'];
  // More distinct non-ASCII characters than the automaton gives their own symbol: they share
  // symbols, so the router may propose a rule by mistake but must never miss one.
  // (Caseless symbols, so lower-casing does not change which ones share a symbol.)
  const SYMBOLS = Array.from({ length: 90 }, (_, i) => String.fromCharCode(0x2600 + i));
  const rules = [
    rule(d("kw: ['mimikatz', 'sekurlsa::']\ncondition: kw")),
    {
      ...(rule(d("sel: {CommandLine|contains: ['‮', '[U+202E]']}\ncondition: sel")) as object),
      id: 'r2',
    },
    {
      ...(rule(
        d(`sel: {CommandLine|contains: ${JSON.stringify(EMOJI)}}\ncondition: sel`),
      ) as object),
      id: 'r3',
    },
    {
      ...(rule(
        d(`sel: {Image|contains: ${JSON.stringify(SYMBOLS.slice(0, 45))}}\ncondition: sel`),
      ) as object),
      id: 'r4',
    },
    {
      // Its characters share symbols with r4's (code unit modulo 64): both must still be found.
      ...(rule(
        d(`sel: {Image|contains: ${JSON.stringify(SYMBOLS.slice(45))}}\ncondition: sel`),
      ) as object),
      id: 'r8',
    },
    {
      ...(rule(d("sel: {CommandLine|contains|all: ['-enc', 'hidden']}\ncondition: sel")) as object),
      id: 'r5',
    },
    { ...(rule(d("kw: {'|all': ['alpha1', 'beta2']}\ncondition: kw")) as object), id: 'r6' },
    {
      ...(rule(
        d('sel: {IpAddress|cidr: [10.0.0.0/8, "fe80::/10"]}\ncondition: not sel'),
      ) as object),
      id: 'r7',
    },
  ].map((document, i) => ({ source: `r${i}.yml`, document }));
  const routed = compileRuleSet(rules);
  const everyRule = compileRuleSet(rules, { literalRouting: false });
  const ids = (set: typeof routed, e: LogEvent) => set.feed(e).matches.map((m) => m.rule.id);

  it('compiles every rule with a requirement the router can use, except the negated one', () => {
    expect(routed.problems).toEqual([]);
    routed.feed(event({ Image: 'c:\\plain.exe' }));
    const before = routed.routingStats();
    routed.feed(event({ Image: 'c:\\plain.exe', CommandLine: 'nothing to see' }));
    const after = routed.routingStats();
    // Only r7 (`not sel`: no literal can be required) is evaluated for a plain event.
    expect(after.events - before.events).toBe(1);
    expect(after.rulesEvaluated - before.rulesEvaluated).toBe(1);
  });

  it.each([
    [{ Description: 'Mimikatz 2.2' }, ['r1', 'r7']],
    [{ CommandLine: 'run SEKURLSA::logonpasswords' }, ['r1', 'r7']],
    [{ CommandLine: '"c:\\x\\ann\u202egepj.exe"' }, ['r2', 'r7']],
    [{ CommandLine: 'echo 🥸 done' }, ['r3', 'r7']],
    [{ CommandLine: 'echo ☺ done' }, ['r7']],
    [{ Image: `c:\\${SYMBOLS[77]}pp.exe` }, ['r8', 'r7']],
    [{ Image: `c:\\${SYMBOLS[13]}pp.exe` }, ['r4', 'r7']],
    [{ Image: 'c:\\\u04e8pp.exe' }, ['r7']],
    [{ Image: 'c:\\\u2680pp.exe' }, ['r7']],
    [{ CommandLine: 'x -w HIDDEN -enc abc' }, ['r5', 'r7']],
    [{ A: 'alpha1', B: ['x', 'beta2'] }, ['r6', 'r7']],
    [{ A: 'alpha1' }, ['r7']],
    [{ IpAddress: '10.2.3.4' }, []],
    [{ IpAddress: 'fe80::1' }, []],
    [{ IpAddress: '203.0.113.9' }, ['r7']],
  ])('%j → %j, as when every rule is evaluated', (fields, want) => {
    const e = event(fields as Record<string, FieldValue>);
    expect(ids(routed, e)).toEqual(want);
    expect(ids(everyRule, e)).toEqual(want);
  });

  it('gives the same answers as evaluating every rule (property)', () => {
    const units = [
      'a',
      'l',
      'p',
      'h',
      '1',
      'm',
      'i',
      'k',
      't',
      'z',
      ' ',
      '-',
      ...EMOJI,
      ...SYMBOLS.slice(70),
    ];
    const text = fc.array(fc.constantFrom(...units), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom('mimikatz', 'alpha1', 'beta2', '‮', 'hidden'),
        (a, b, planted) => {
          const e = event({ CommandLine: `${a}${planted}${b}`, Image: b, Other: [a, 'beta2'] });
          expect(ids(routed, e)).toEqual(ids(everyRule, e));
          const plain = event({ CommandLine: a, Image: b });
          expect(ids(routed, plain)).toEqual(ids(everyRule, plain));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('filters', () => {
  it('a filter document removes the events it describes from the rules it names', () => {
    const base = rule(d('s: {Image|endswith: \\x.exe}\ncondition: s'));
    const filter = parse(`title: ignore admin tools
logsource: {product: windows, category: process_creation}
filter:
  rules: [r1]
  selection: {ParentImage|endswith: \\admin.exe}
  condition: not selection`);
    const set = compileRuleSet([
      { source: 'a.yml', document: base },
      { source: 'f.yml', document: filter },
    ]);
    expect(set.filters).toHaveLength(1);
    expect(
      set.feed(event({ Image: 'c:\\x.exe', ParentImage: 'c:\\admin.exe' })).matches,
    ).toHaveLength(0);
    expect(
      set.feed(event({ Image: 'c:\\x.exe', ParentImage: 'c:\\explorer.exe' })).matches,
    ).toHaveLength(1);
  });
});
