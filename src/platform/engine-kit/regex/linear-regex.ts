/**
 * Regular expressions that can be searched in time linear in the text. A backtracking engine
 * would let one hostile expression (an indicator from a feed, a Sigma rule from a folder) stall
 * every matcher that loads it (ReDoS), so we accept the subset a Thompson NFA can run and refuse
 * the rest up front with a RegexError.
 *
 * Each compiled expression carries a prefilter of required literals: the NFA runs only on texts
 * that contain one of them.
 */
import type { RegexFlags, RegexNode } from './regex-ast.js';
import { MAX_CODE_POINT } from './regex-charsets.js';
import { type RegexPrefilter, requiredLiterals } from './regex-literals.js';
import { parseRegex } from './regex-parser.js';
import { compileRegex, type RegexProgram, runRegex } from './regex-program.js';

export interface LinearRegex {
  readonly source: string;
  /** Literals one of which every match contains (null: none known). */
  readonly prefilter: RegexPrefilter | null;
  /**
   * True if the expression matches anywhere in `text` (a search, unless anchored with `^`).
   * `lower`, if given, must be `text.toLowerCase()`: callers that already have it save a copy.
   */
  test(text: string, lower?: string): boolean;
}

/** Compiles a PCRE-subset expression; throws RegexError (offset within `source`) if refused. */
export function compileLinearRegex(source: string, flags: RegexFlags = {}): LinearRegex {
  const parsed = parseRegex(source, flags);
  return wrap(source, compileRegex(parsed), requiredLiterals(parsed));
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
  const parsed = { node: { kind: 'concat', items }, caseInsensitive: false } as const;
  return wrap(operand, compileRegex(parsed), requiredLiterals(parsed));
}

const ODD_FOLDS = /[\u017f\u0131]/;

function wrap(
  source: string,
  program: RegexProgram,
  prefilter: RegexPrefilter | null,
): LinearRegex {
  if (prefilter === null) return { source, prefilter, test: (text) => runRegex(program, text) };
  const { literals, folded } = prefilter;
  // Under case folding, U+017F (long s) matches S and U+0131 (dotless i) matches I, but
  // lower-casing the text leaves them as they are: a text holding one must go to the NFA.
  const oddFolds = folded && literals.some((l) => l.includes('s') || l.includes('i'));
  return {
    source,
    prefilter,
    test(text, lower) {
      const haystack = folded ? (lower ?? text.toLowerCase()) : text;
      let present = false;
      for (const literal of literals) {
        if (haystack.includes(literal)) {
          present = true;
          break;
        }
      }
      if (!present && !(oddFolds && ODD_FOLDS.test(text))) return false;
      return runRegex(program, text);
    },
  };
}
