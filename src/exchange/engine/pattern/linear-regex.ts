/**
 * Regular expressions that can be searched in time linear in the text, for `MATCHES` and `LIKE`.
 * The spec says MATCHES uses PCRE; a backtracking engine would let one hostile indicator stall
 * every matcher that loads it (ReDoS), so we accept the subset a Thompson NFA can run and
 * refuse the rest up front.
 */
import type { RegexNode } from './regex-ast.js';
import { MAX_CODE_POINT } from './regex-charsets.js';
import { parseRegex } from './regex-parser.js';
import { compileRegex, type RegexProgram, runRegex } from './regex-program.js';

export interface LinearRegex {
  readonly source: string;
  /** True if the expression matches anywhere in `text` (a search, unless anchored with `^`). */
  test(text: string): boolean;
}

/** Compiles a PCRE-subset expression; throws PatternError (offset within `source`) if refused. */
export function compileLinearRegex(source: string): LinearRegex {
  return wrap(source, compileRegex(parseRegex(source)));
}

/**
 * The regex for a LIKE operand: `%` is any run of characters (newlines included), `_` any one
 * character, everything else literal, and the whole value must match.
 */
export function compileLike(operand: string): LinearRegex {
  const any = { kind: 'set', set: { ranges: [[0, MAX_CODE_POINT]], negated: false } } as const;
  const items: RegexNode[] = [{ kind: 'assert', assertion: 'start' }];
  for (const ch of operand) {
    if (ch === '%') items.push({ kind: 'repeat', node: any, min: 0, max: null });
    else if (ch === '_') items.push(any);
    else {
      const cp = ch.codePointAt(0) as number;
      items.push({ kind: 'set', set: { ranges: [[cp, cp]], negated: false } });
    }
  }
  items.push({ kind: 'assert', assertion: 'end-text' });
  const program = compileRegex({ node: { kind: 'concat', items }, caseInsensitive: false });
  return wrap(operand, program);
}

function wrap(source: string, program: RegexProgram): LinearRegex {
  return { source, test: (text) => runRegex(program, text) };
}
