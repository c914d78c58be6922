/**
 * Regular expressions for `MATCHES` and `LIKE`, searched in linear time by the shared engine in
 * `src/platform/engine-kit/regex`. The spec says MATCHES uses PCRE; a backtracking engine would
 * let one hostile indicator stall every matcher that loads it (ReDoS). Here only a leading `(?i)`
 * may set a flag, and a refusal is re-thrown as this engine's PatternError (same offset).
 */
import {
  compileLinearRegex as compileKit,
  compileLike as compileLikeKit,
  type LinearRegex,
  RegexError,
} from '../../../platform/engine-kit/regex/index.js';
import { PatternError } from './pattern-error.js';

export type { LinearRegex } from '../../../platform/engine-kit/regex/index.js';

function asPatternError<T>(build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof RegexError) throw new PatternError(e.message, e.offset);
    throw e;
  }
}

/** Compiles a PCRE-subset expression; throws PatternError (offset within `source`) if refused. */
export function compileLinearRegex(source: string): LinearRegex {
  return asPatternError(() => compileKit(source, { inline: 'i' }));
}

/**
 * The regex for a LIKE operand: `%` is any run of characters (newlines included), `_` any one
 * character, everything else literal, and the whole value must match.
 */
export function compileLike(operand: string): LinearRegex {
  return asPatternError(() => compileLikeKit(operand));
}
