/**
 * Property tests for every ecosystem's version comparator (total order, antisymmetry,
 * transitivity, parse/print round trips) and the orderings each ecosystem documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ComposerVersion,
  compareComposerVersion,
  parseComposerVersion,
  printComposerVersion,
} from './composer-version.js';
import { versionCompare } from './ecosystems.js';
import { comparePep440, type Pep440, parsePep440, printPep440 } from './pep440-version.js';
import {
  compareGemVersion,
  type GemVersion,
  parseGemVersion,
  printGemVersion,
} from './rubygems-version.js';
import { compareSemVer, parseSemVer, printSemVer, type SemVer } from './semver-version.js';

const n = fc
  .oneof(fc.integer({ min: 0, max: 12 }), fc.bigInt({ min: 0n, max: 10n ** 25n }))
  .map(String);
const alnum = fc.stringMatching(/^[a-z][a-z0-9-]{0,5}$/);

const semverText = fc
  .record({
    v: fc.boolean(),
    core: fc.tuple(n, n, n),
    pre: fc.array(fc.oneof(n, alnum), { maxLength: 3 }),
    build: fc.constantFrom('', 'incompatible', 'build.5'),
  })
  .map(
    ({ v, core, pre, build }) =>
      `${v ? 'v' : ''}${core.join('.')}${pre.length > 0 ? `-${pre.join('.')}` : ''}${build ? `+${build}` : ''}`,
  );

const pepText = fc
  .record({
    epoch: fc.option(n, { nil: undefined }),
    release: fc.array(n, { minLength: 1, maxLength: 4 }),
    pre: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc'), n), { nil: undefined }),
    post: fc.option(n, { nil: undefined }),
    dev: fc.option(n, { nil: undefined }),
    local: fc.array(fc.oneof(n, fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/)), { maxLength: 2 }),
  })
  .map(
    (v) =>
      `${v.epoch === undefined ? '' : `${v.epoch}!`}${v.release.join('.')}${v.pre === undefined ? '' : v.pre.join('')}` +
      `${v.post === undefined ? '' : `.post${v.post}`}${v.dev === undefined ? '' : `.dev${v.dev}`}` +
      `${v.local.length === 0 ? '' : `+${v.local.join('.')}`}`,
  );

const gemText = fc
  .tuple(n, fc.array(fc.oneof(n, fc.stringMatching(/^[a-z]{1,4}$/)), { maxLength: 4 }))
  .map(([head, rest]) => [head, ...rest].join('.'));

const composerText = fc
  .tuple(
    fc.array(n, { minLength: 1, maxLength: 4 }),
    fc.option(fc.tuple(fc.constantFrom('dev', 'alpha', 'beta', 'RC', 'patch'), n), {
      nil: undefined,
    }),
  )
  .map(([parts, s]) => `${parts.join('.')}${s === undefined ? '' : `-${s[0]}${s[1]}`}`);

interface Scheme<V> {
  name: string;
  text: fc.Arbitrary<string>;
  parse(s: string): V | undefined;
  compare(a: V, b: V): number;
  print(v: V): string;
}

const schemes = [
  {
    name: 'SemVer',
    text: semverText,
    parse: parseSemVer,
    compare: compareSemVer,
    print: printSemVer,
  } satisfies Scheme<SemVer>,
  {
    name: 'PEP 440',
    text: pepText,
    parse: parsePep440,
    compare: comparePep440,
    print: printPep440,
  } satisfies Scheme<Pep440>,
  {
    name: 'RubyGems',
    text: gemText,
    parse: parseGemVersion,
    compare: compareGemVersion,
    print: printGemVersion,
  } satisfies Scheme<GemVersion>,
  {
    name: 'Composer',
    text: composerText,
    parse: parseComposerVersion,
    compare: compareComposerVersion,
    print: printComposerVersion,
  } satisfies Scheme<ComposerVersion>,
] as const;

function laws<V>(s: Scheme<V>) {
  describe(`${s.name} comparator laws`, () => {
    const parsed = s.text.map((t) => {
      const v = s.parse(t);
      if (v === undefined) throw new Error(`generator made an unparseable ${s.name} version: ${t}`);
      return v;
    });
    it('parses everything the generator makes, and print/parse round-trips to an equal version', () => {
      fc.assert(
        fc.property(parsed, (v) => {
          const again = s.parse(s.print(v));
          expect(again).toBeDefined();
          expect(s.compare(again as V, v)).toBe(0);
          expect(s.print(again as V)).toBe(s.print(v));
        }),
      );
    });
    it('is reflexive and antisymmetric', () => {
      fc.assert(
        fc.property(parsed, parsed, (a, b) => {
          expect(s.compare(a, a)).toBe(0);
          expect(Math.sign(s.compare(a, b))).toBe(-Math.sign(s.compare(b, a)) || 0);
        }),
      );
    });
    it('is transitive (a total preorder)', () => {
      fc.assert(
        fc.property(parsed, parsed, parsed, (a, b, c) => {
          const sorted = [a, b, c].sort(s.compare);
          expect(s.compare(sorted[0] as V, sorted[2] as V)).toBeLessThanOrEqual(0);
          if (s.compare(a, b) <= 0 && s.compare(b, c) <= 0)
            expect(s.compare(a, c)).toBeLessThanOrEqual(0);
        }),
      );
    });
  });
}
for (const s of schemes) laws(s as Scheme<unknown>);

/** Each list is strictly increasing in its ecosystem's order. */
function increasing(eco: Parameters<typeof versionCompare>[0], list: string[]) {
  const cmp = versionCompare(eco);
  for (let i = 0; i + 1 < list.length; i++) {
    expect(cmp(list[i] as string, list[i + 1] as string), `${list[i]} < ${list[i + 1]}`).toBe(-1);
    expect(cmp(list[i + 1] as string, list[i] as string)).toBe(1);
  }
}

describe('documented orderings', () => {
  it('SemVer 2.0.0 §11 precedence example, and big numbers', () => {
    increasing('npm', [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
      '99999999999999999999.0.0',
    ]);
    expect(versionCompare('npm')('1.0.0+build.1', '1.0.0+other')).toBe(0);
  });
  it('Go: pseudo-versions order by time and sit before the release; +incompatible is ignored', () => {
    increasing('Go', [
      '0.0.0-20191109021931-daa7c04131f5',
      '0.0.0-20200101000000-aaaaaaaaaaaa',
      '1.2.3',
      '1.2.4-0.20210101000000-bbbbbbbbbbbb',
      '1.2.4',
    ]);
    expect(versionCompare('Go')('v2.0.0+incompatible', '2.0.0')).toBe(0);
  });
  it('PEP 440: the ordering in the specification', () => {
    increasing('PyPI', [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.1.dev1',
      '1!0.1',
    ]);
    const cmp = versionCompare('PyPI');
    expect(cmp('1.0', '1.0.0')).toBe(0);
    expect(cmp('1.0-ALPHA-1', '1.0a1')).toBe(0);
    expect(cmp('1.0-1', '1.0.post1')).toBe(0);
    expect(cmp('v1.0', '1.0')).toBe(0);
    expect(parsePep440('1.0+')).toBeUndefined();
  });
  it('RubyGems: pre-releases before releases, trailing zeros ignored', () => {
    increasing('RubyGems', ['1.0.a', '1.0.a.2', '1.0.b1', '1.0', '1.0.1', '1.1', '2']);
    expect(versionCompare('RubyGems')('1.0', '1')).toBe(0);
    expect(versionCompare('RubyGems')('1.0.0-rc1', '1.0.0.pre.rc1')).toBe(0);
  });
  it('Composer: dev < alpha < beta < RC < stable < patch', () => {
    increasing('Packagist', [
      '1.0.0-dev',
      '1.0.0-alpha1',
      '1.0.0-beta2',
      '1.0.0-RC1',
      '1.0.0',
      '1.0.0-p1',
      '1.0.1',
    ]);
    expect(versionCompare('Packagist')('v1.0', '1.0.0.0')).toBe(0);
    expect(parseComposerVersion('dev-main')).toBeUndefined();
  });
  it('unparseable versions compare as undefined, never as equal', () => {
    expect(versionCompare('npm')('not a version', '1.0.0')).toBeUndefined();
    expect(versionCompare('PyPI')('1.0', '$$')).toBeUndefined();
    expect(parseSemVer('1'.repeat(300))).toBeUndefined();
  });
});
