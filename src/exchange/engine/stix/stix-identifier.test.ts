/**
 * Identifiers and type names read by position must accept and refuse exactly what the STIX 2.1
 * identifier pattern (§2.9) does; the regular expressions here are that pattern, as the validator
 * used it before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { identifierHasType, identifierTypeLength, isTypeName } from './stix-identifier.js';

const IDENTIFIER =
  /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const TYPE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const reference = (s: string) => IDENTIFIER.exec(s)?.[1]?.length ?? -1;
const uuid = '26ffb872-1dd9-446e-b6f5-d58527e5b5d2';

describe('identifierTypeLength', () => {
  it('reads the type of good identifiers', () => {
    expect(identifierTypeLength(`indicator--${uuid}`)).toBe(9);
    expect(identifierTypeLength(`x-mitre-tactic--${uuid}`)).toBe(14);
    expect(identifierTypeLength(`a--${uuid.toUpperCase()}`)).toBe(1);
    expect(identifierHasType(`indicator--${uuid}`, 9, 'indicator')).toBe(true);
    expect(identifierHasType(`indicator--${uuid}`, 9, 'indicators')).toBe(false);
    expect(identifierHasType(`x-mitre-tactic--${uuid}`, 14, 'x-mitre')).toBe(false);
  });

  it('refuses bad types, separators, UUID versions and variants', () => {
    for (const bad of [
      `Indicator--${uuid}`,
      `-indicator--${uuid}`,
      `indicator---${uuid}`,
      `indi--cator--${uuid}`,
      `indicator-${uuid}`,
      `--${uuid}`,
      `indicator--${uuid.slice(0, 14)}6${uuid.slice(15)}`, // version 6
      `indicator--${uuid.slice(0, 19)}c${uuid.slice(20)}`, // variant 110x
      `indicator--${uuid}0`,
      `indicator--${uuid.replace(/-/g, '')}`,
      `indicator--${uuid.slice(0, 35)}g`,
      '',
    ])
      expect(identifierTypeLength(bad), bad).toBe(-1);
  });

  it('agrees with the identifier pattern on near-identifiers and on any text', () => {
    const unit = fc.constantFrom(...'az09-AFfgG8b9B6x_é'.split(''));
    const near = fc
      .tuple(
        fc.string({ unit, maxLength: 12 }),
        fc.constantFrom('--', '-', '---', ''),
        fc.oneof(
          fc.uuid(),
          fc.uuid().map((u) => u.toUpperCase()),
          fc.string({ unit, minLength: 34, maxLength: 38 }),
        ),
      )
      .map(([t, sep, u]) => t + sep + u);
    fc.assert(
      fc.property(fc.oneof(near, fc.string({ maxLength: 60 })), (s) => {
        expect(identifierTypeLength(s)).toBe(reference(s));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('isTypeName', () => {
  it('agrees with the type-name pattern', () => {
    for (const good of ['indicator', 'x-mitre-tactic', 'a', 'ipv4-addr', 'a1-b2'])
      expect(isTypeName(good), good).toBe(true);
    for (const bad of ['', 'A', '1a', 'a-', 'a--b', '-a', 'a_b', 'a b', 'é'])
      expect(isTypeName(bad), bad).toBe(false);
    const unit = fc.constantFrom(...'az09-A_'.split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 16 }), (s) => {
        expect(isTypeName(s)).toBe(TYPE_NAME.test(s));
      }),
      { numRuns: 20_000 },
    );
  });
});
