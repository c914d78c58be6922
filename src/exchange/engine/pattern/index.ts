/**
 * STIX 2.1 patterning (STIX 2.1 §9): parse, validate, print and evaluate indicator patterns,
 * with a linear-time regular-expression engine for MATCHES and a fast path for indicators that
 * are plain lists of values. Pure code: no I/O, no clock, runs in Node and in the browser.
 *
 * Bad input raises `PatternError` (with a character offset) from the throwing functions;
 * `validatePattern` returns problems as data instead.
 */
import {
  blockContains as blockContainsImpl,
  type IpBlock,
  parseIpBlock as parseIpBlockImpl,
} from './ip-cidr.js';
import { compileLinearRegex as compileLinearRegexImpl, type LinearRegex } from './linear-regex.js';
import type { ObservedData } from './observation-input.js';
import type { Pattern } from './pattern-ast.js';
import {
  type MatchOptions,
  type MatchResult,
  matchPattern as matchPatternImpl,
} from './pattern-matcher.js';
import { parsePattern as parsePatternImpl } from './pattern-parser.js';
import { printPattern as printPatternImpl } from './pattern-printer.js';
import {
  type ValidationResult,
  validatePattern as validatePatternImpl,
} from './pattern-validator.js';
import {
  type SimpleIndicator,
  simpleIndicators as simpleIndicatorsImpl,
} from './simple-indicators.js';

export type { IpBlock } from './ip-cidr.js';
export type { LinearRegex } from './linear-regex.js';
export type { ObservedData, Sco } from './observation-input.js';
export type {
  ComparisonExpression,
  ComparisonOperator,
  Constant,
  ObjectPath,
  ObservationExpression,
  PathStep,
  Pattern,
  Qualifier,
} from './pattern-ast.js';
export { PATTERN_LIMITS, PatternError } from './pattern-error.js';
export type { MatchOptions, MatchResult } from './pattern-matcher.js';
export type { PatternIssue, ValidationResult } from './pattern-validator.js';
export type { SimpleIndicator } from './simple-indicators.js';

/**
 * Parses pattern text into a syntax tree (plain JSON data). Throws `PatternError` with the
 * offset of the problem on a syntax error. Use `validatePattern` for the full set of checks.
 *
 * @example
 * const p = parsePattern("[file:hashes.'SHA-256' = 'aec0…'] WITHIN 300 SECONDS");
 * p.kind; // 'qualified'
 */
export function parsePattern(text: string): Pattern {
  return parsePatternImpl(text);
}

/**
 * Parses and checks a pattern against the rules of STIX 2.1 beyond its grammar (name rules,
 * IP operands, hash lengths, qualifier values, supported regexes). Never throws for bad input.
 * Object types outside the STIX 2.1 vocabulary come back as warnings.
 *
 * @example
 * const r = validatePattern("[x-usb-device:serial = '5758']");
 * r.ok; // true, with one warning: 'x-usb-device' is a custom type
 * validatePattern("[file:hashes.'SHA-256' = 'f00']").ok; // false: not a SHA-256
 */
export function validatePattern(text: string): ValidationResult {
  return validatePatternImpl(text);
}

/**
 * Prints a syntax tree as canonical pattern text; parsing the result gives the same tree.
 *
 * @example
 * printPattern(parsePattern("[url:value=='http://x.test/' ]")); // "[url:value = 'http://x.test/']"
 */
export function printPattern(pattern: Pattern): string {
  return printPatternImpl(pattern);
}

/**
 * Evaluates a pattern against observed-data objects. Each input is
 * `{ first_observed, last_observed, number_observed, objects }` where `objects` maps ids to SCOs
 * (the STIX 2.0 dictionary, or the STIX 2.1 `object_refs` resolved by the caller, keyed by id).
 * Returns whether it matched and, if so, the indices of the observed-data used. The search is
 * bounded (`maxSteps`); `incomplete: true` means it gave up rather than proved "no".
 *
 * @example
 * const seen = {
 *   first_observed: '2024-01-01T00:00:00Z', last_observed: '2024-01-01T00:00:00Z',
 *   number_observed: 1, objects: { '0': { type: 'domain-name', value: 'evil.test' } },
 * };
 * matchPattern(parsePattern("[domain-name:value = 'evil.test']"), [seen]);
 * // { matched: true, bindings: [0] }
 */
export function matchPattern(
  pattern: Pattern,
  observations: readonly ObservedData[],
  options?: MatchOptions,
): MatchResult {
  return matchPatternImpl(pattern, observations, options);
}

/**
 * For patterns that are only string `=` tests joined by OR in one `[…]`, the
 * (type, property, value) triples to put in a lookup table; null for anything else.
 *
 * @example
 * simpleIndicators(parsePattern("[domain-name:value = 'a.test' OR ipv4-addr:value = '192.0.2.1']"));
 * // [{ type: 'domain-name', property: 'value', value: 'a.test' },
 * //  { type: 'ipv4-addr', property: 'value', value: '192.0.2.1' }]
 */
export function simpleIndicators(pattern: Pattern): SimpleIndicator[] | null {
  return simpleIndicatorsImpl(pattern);
}

/**
 * Compiles a regular expression in the PCRE subset MATCHES supports, for a search that takes
 * time linear in the text. Throws `PatternError` for backreferences, lookaround and other
 * constructs that cannot run in linear time.
 *
 * @example
 * compileLinearRegex('^Final Report.+\\.exe$').test('Final Report Q3.exe'); // true
 * compileLinearRegex('(a)\\1'); // throws PatternError: not supported, not linear-time
 */
export function compileLinearRegex(source: string): LinearRegex {
  return compileLinearRegexImpl(source);
}

/**
 * Parses an IPv4 / IPv6 address or CIDR block, or returns null.
 *
 * @example
 * parseIpBlock('10.0.0.0/8'); // { version: 4, network: 167772160n, prefix: 8 }
 */
export function parseIpBlock(text: string): IpBlock | null {
  return parseIpBlockImpl(text);
}

/**
 * Whether every address of `inner` lies inside `outer` (same IP version only).
 *
 * @example
 * blockContains(parseIpBlock('10.0.0.0/8')!, parseIpBlock('10.1.2.3')!); // true
 */
export function blockContains(outer: IpBlock, inner: IpBlock): boolean {
  return blockContainsImpl(outer, inner);
}
