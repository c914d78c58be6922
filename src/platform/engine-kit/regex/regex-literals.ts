/**
 * Required literals of an expression, for a prefilter: a list of strings of which at least one
 * must occur in any text the expression matches. Testing them with `indexOf` is much cheaper than
 * running the NFA, so the NFA runs only on texts that could match. The answer may be weaker than
 * possible (null means "no useful prefilter"), never wrong.
 */
import type { CharSet, ParsedRegex, RegexNode } from './regex-ast.js';

/** Alternatives past this many make the prefilter cost more than it saves. */
const MAX_ALTERNATIVES = 16;

export interface RegexPrefilter {
  /** At least one of these occurs in every matching text. */
  readonly literals: readonly string[];
  /** True when the literals are lower-case and must be looked for in the lower-cased text. */
  readonly folded: boolean;
}

/** The prefilter for `parsed`, or null when no literal is required. */
export function requiredLiterals(parsed: ParsedRegex): RegexPrefilter | null {
  const folded = parsed.caseInsensitive;
  const found = required(parsed.node, folded);
  if (found === null || found.some((l) => l.length === 0)) return null;
  return { literals: found, folded };
}

/** The one character `set` stands for, or null. Under case folding only ASCII letters and signs
 * qualify: lower-casing a whole string is not always per character outside ASCII (final sigma). */
function single(set: CharSet, folded: boolean): string | null {
  if (set.negated || set.ranges.length !== 1) return null;
  const r = set.ranges[0] as readonly [number, number];
  if (r[0] !== r[1]) return null;
  if (folded && r[0] > 127) return null;
  const ch = String.fromCodePoint(r[0]);
  return folded ? ch.toLowerCase() : ch;
}

/** Shortest alternative's length: how selective a requirement is. */
const strength = (alts: readonly string[]): number =>
  alts.reduce((m, l) => Math.min(m, l.length), Number.POSITIVE_INFINITY) -
  Math.log2(alts.length) / 4;

function best(a: string[] | null, b: string[] | null): string[] | null {
  if (a === null) return b;
  if (b === null) return a;
  return strength(b) > strength(a) ? b : a;
}

function required(node: RegexNode, folded: boolean): string[] | null {
  switch (node.kind) {
    case 'set': {
      const ch = single(node.set, folded);
      return ch === null ? null : [ch];
    }
    case 'concat':
      return concatRequired(node.items, folded);
    case 'alt': {
      const out: string[] = [];
      for (const option of node.options) {
        const r = required(option, folded);
        if (r === null) return null;
        out.push(...r);
        if (out.length > MAX_ALTERNATIVES) return null;
      }
      return [...new Set(out)];
    }
    case 'repeat':
      return node.min >= 1 ? required(node.node, folded) : null;
    default:
      return null;
  }
}

/** Runs of adjacent single characters form literals; otherwise the strongest item's answer. */
function concatRequired(items: readonly RegexNode[], folded: boolean): string[] | null {
  let choice: string[] | null = null;
  let run = '';
  const flush = () => {
    if (run.length > 0) choice = best(choice, [run]);
    run = '';
  };
  for (const item of items) {
    const ch = item.kind === 'set' ? single(item.set, folded) : null;
    if (ch !== null) {
      run += ch;
      continue;
    }
    if (item.kind === 'assert' || item.kind === 'empty') continue; // consume nothing: run goes on
    flush();
    choice = best(choice, required(item, folded));
  }
  flush();
  return choice;
}
