/**
 * A regular-expression engine whose search time is linear in the text (Thompson NFA run as a Pike
 * VM), for expressions that come from people we do not control: STIX `MATCHES`, Sigma `|re`.
 * Pure: no I/O, runs in Node and in the browser.
 *
 * @example
 * const re = compileLinearRegex('^cmd\\.exe /c', { caseInsensitive: true });
 * re.test('CMD.EXE /c whoami'); // true
 */

export { compileLike, compileLinearRegex, type LinearRegex } from './linear-regex.js';
export type { RegexFlags } from './regex-ast.js';
export { REGEX_LIMITS, RegexError } from './regex-error.js';
export type { RegexPrefilter } from './regex-literals.js';
