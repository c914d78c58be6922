/**
 * Parser for the PCRE subset indicators use with `MATCHES`: literals, escapes, `.`, classes,
 * `^ $ \b \B \A \z \Z`, groups (captures are treated as plain groups), `|`, the quantifiers
 * `* + ? {n} {n,} {n,m}` (lazy forms accepted) and a leading `(?i)`. Everything whose matching
 * cannot be done in linear time (backreferences, lookaround, atomic groups, possessive
 * quantifiers) is refused with a RegexError, as are features we do not implement.
 * `offset` in errors is the position in the regex source; callers add the literal's offset.
 */

import type { CharSet, ParsedRegex, RegexFlags, RegexNode } from './regex-ast.js';
import {
  complementRanges,
  DIGIT,
  normalizeRanges,
  POSIX_CLASSES,
  SPACE,
  WORD,
} from './regex-charsets.js';
import { REGEX_LIMITS, RegexError } from './regex-error.js';

const NOT_LINEAR = 'is not supported: it cannot be matched in linear time';
const NEWLINE: CharSet = { ranges: [[10, 10]], negated: true };
const ANY: CharSet = { ranges: [], negated: true };

export function parseRegex(source: string, flags: RegexFlags = {}): ParsedRegex {
  if (source.length > REGEX_LIMITS.maxLength) {
    throw new RegexError(
      `The regular expression is ${source.length} characters long; the limit is ${REGEX_LIMITS.maxLength}.`,
      0,
    );
  }
  return new RegexParser(source, flags).parse();
}

type Ranges = [number, number][];

class RegexParser {
  private i = 0;
  private depth = 0;
  private multiline: boolean;
  private dotAll: boolean;

  constructor(
    private readonly src: string,
    private readonly flags: RegexFlags,
  ) {
    this.multiline = flags.multiline === true;
    this.dotAll = flags.dotAll === true;
  }

  parse(): ParsedRegex {
    let caseInsensitive = this.flags.caseInsensitive === true;
    // A leading inline flag group: `(?i)` always; `(?ims)` combinations when allowed.
    const inline = (this.flags.inline === 'ims' ? /^\(\?([ims]+)\)/ : /^\(\?(i)\)/).exec(
      this.src.slice(0, 8),
    );
    if (inline !== null) {
      const set = inline[1] as string;
      if (set.includes('i')) caseInsensitive = true;
      if (set.includes('m')) this.multiline = true;
      if (set.includes('s')) this.dotAll = true;
      this.i = inline[0].length;
    }
    const node = this.alternation();
    if (this.i < this.src.length) {
      throw new RegexError("Unbalanced ')' in the regular expression.", this.i);
    }
    return { node, caseInsensitive };
  }

  private alternation(): RegexNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as RegexNode) : { kind: 'alt', options };
  }

  private sequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.i < this.src.length && this.peek() !== '|' && this.peek() !== ')') {
      const atomAt = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, atomAt));
    }
    if (items.length === 0) return { kind: 'empty' };
    return items.length === 1 ? (items[0] as RegexNode) : { kind: 'concat', items };
  }

  private quantified(atom: RegexNode | null, atomAt: number): RegexNode {
    const q = this.quantifier();
    if (q === null) return atom ?? { kind: 'empty' };
    if (atom === null || atom.kind === 'assert') {
      throw new RegexError('A quantifier here has nothing to repeat.', atomAt);
    }
    if (this.peek() === '+') throw new RegexError(`A possessive quantifier ${NOT_LINEAR}.`, this.i);
    if (this.peek() === '?') this.i++;
    if (this.isQuantifierStart()) {
      throw new RegexError('Two quantifiers in a row: there is nothing to repeat.', this.i);
    }
    return { kind: 'repeat', node: atom, min: q.min, max: q.max };
  }

  private isQuantifierStart(): boolean {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') return true;
    return c === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i, this.i + 24));
  }

  private quantifier(): { min: number; max: number | null } | null {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : null };
    }
    if (c !== '{') return null;
    // PCRE reads a `{` that does not start a well-formed quantifier as a literal.
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24));
    if (m === null) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? null : Number(m[3]);
    const limit = REGEX_LIMITS.maxRepeat;
    if (min > limit || (max !== null && max > limit)) {
      throw new RegexError(`Repetition counts above ${limit} are not supported.`, this.i);
    }
    if (max !== null && max < min) {
      throw new RegexError('In {n,m}, n must not be greater than m.', this.i);
    }
    this.i += m[0].length;
    return { min, max };
  }

  /** One atom, or null for constructs that match nothing (a comment group). */
  private atom(): RegexNode | null {
    const at = this.i;
    const c = this.next();
    switch (c) {
      case '.':
        return { kind: 'set', set: this.dotAll ? ANY : NEWLINE };
      case '^':
        return { kind: 'assert', assertion: this.multiline ? 'line-start' : 'start' };
      case '$':
        return { kind: 'assert', assertion: this.multiline ? 'line-end' : 'end' };
      case '[':
        return { kind: 'set', set: this.charClass(at) };
      case '(':
        return this.group(at);
      case '\\':
        return this.escape(at);
      case '*':
      case '+':
      case '?':
        throw new RegexError(`'${c}' has nothing to repeat.`, at);
      default:
        if (c === '{' && this.isQuantifierAt(at)) {
          throw new RegexError(`'{' has nothing to repeat.`, at);
        }
        return literal(c.codePointAt(0) as number);
    }
  }

  private isQuantifierAt(at: number): boolean {
    return /^\{\d+(,\d*)?\}/.test(this.src.slice(at, at + 24));
  }

  private group(at: number): RegexNode | null {
    if (this.src.startsWith('?', this.i)) {
      const rest = this.src.slice(this.i, this.i + 4);
      if (rest.startsWith('?:')) this.i += 2;
      else if (/^\?(=|!|<=|<!)/.test(rest)) throw new RegexError(`Lookaround ${NOT_LINEAR}.`, at);
      else if (rest.startsWith('?>')) throw new RegexError(`An atomic group ${NOT_LINEAR}.`, at);
      else if (rest.startsWith('?#')) {
        const end = this.src.indexOf(')', this.i);
        if (end < 0) throw new RegexError('This (?# comment is never closed.', at);
        this.i = end + 1;
        return null;
      } else {
        const named = /^\?(P?<[A-Za-z_]\w*>|'[A-Za-z_]\w*')/.exec(
          this.src.slice(this.i, this.i + 40),
        );
        if (named === null) {
          throw new RegexError(
            'This group syntax is not supported; only (…), (?:…), named groups and a leading (?i) are.',
            at,
          );
        }
        this.i += named[0].length;
      }
    }
    this.depth++;
    if (this.depth > REGEX_LIMITS.maxDepth) {
      throw new RegexError(
        `The regular expression nests more than ${REGEX_LIMITS.maxDepth} groups deep.`,
        at,
      );
    }
    const inner = this.alternation();
    if (this.next() !== ')') throw new RegexError("This '(' is never closed.", at);
    this.depth--;
    return inner;
  }

  private escape(at: number): RegexNode {
    const c = this.next();
    switch (c) {
      case 'b':
        return { kind: 'assert', assertion: 'word-boundary' };
      case 'B':
        return { kind: 'assert', assertion: 'not-word-boundary' };
      case 'A':
        return { kind: 'assert', assertion: 'start' };
      case 'Z':
        return { kind: 'assert', assertion: 'end' };
      case 'z':
        return { kind: 'assert', assertion: 'end-text' };
      default: {
        const set = this.classEscape(c);
        if (set !== null) return { kind: 'set', set };
        return literal(this.charEscape(c, at));
      }
    }
  }

  /** `\d \D \w \W \s \S` as a set, or null if `c` is not one of them. */
  private classEscape(c: string): CharSet | null {
    const base = { d: DIGIT, w: WORD, s: SPACE }[c.toLowerCase()];
    if (base === undefined || !'dDwWsS'.includes(c)) return null;
    return { ranges: normalizeRanges(base), negated: c === c.toUpperCase() };
  }

  /** The code point of a single-character escape (`\n`, `\x41`, `\.`, …). */
  private charEscape(c: string, at: number): number {
    const simple: Record<string, number> = {
      n: 10,
      r: 13,
      t: 9,
      f: 12,
      v: 11,
      e: 27,
      a: 7,
      '0': 0,
    };
    if (Object.hasOwn(simple, c)) return simple[c] as number;
    if (c === 'x') {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(this.src.slice(this.i, this.i + 8));
      const plain = /^[0-9a-fA-F]{1,2}/.exec(this.src.slice(this.i, this.i + 2));
      const m = braced ?? plain;
      if (m === null) return 0; // PCRE: \x with no digits is NUL
      this.i += m[0].length;
      const value = Number.parseInt(m[1] ?? m[0], 16);
      if (value > 0x10ffff) throw new RegexError('This \\x{…} escape is beyond Unicode.', at);
      return value;
    }
    if (c === 'u') {
      const m = /^[0-9a-fA-F]{4}/.exec(this.src.slice(this.i, this.i + 4));
      if (m === null) throw new RegexError('\\u needs four hex digits.', at);
      this.i += 4;
      return Number.parseInt(m[0], 16);
    }
    if (/[1-9]/.test(c) || c === 'k' || c === 'g') {
      throw new RegexError(`A backreference ${NOT_LINEAR}.`, at);
    }
    if (c === '') throw new RegexError('The regular expression ends with a lone backslash.', at);
    if (/[A-Za-z0-9]/.test(c)) {
      throw new RegexError(`The escape \\${c} is not supported.`, at);
    }
    return c.codePointAt(0) as number;
  }

  private charClass(at: number): CharSet {
    let negated = false;
    if (this.peek() === '^') {
      negated = true;
      this.i++;
    }
    const ranges: Ranges = [];
    let first = true;
    for (;;) {
      if (this.i >= this.src.length) throw new RegexError("This '[' is never closed.", at);
      if (this.peek() === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const lo = this.classItem(ranges);
      if (lo === null) continue;
      if (
        this.peek() === '-' &&
        this.src.charAt(this.i + 1) !== ']' &&
        this.i + 1 < this.src.length
      ) {
        this.i++;
        const hiAt = this.i;
        const hi = this.classItem(ranges);
        if (hi === null) {
          // `[a-\d]`: PCRE reads the hyphen literally.
          ranges.push([lo, lo], [45, 45]);
          continue;
        }
        if (hi < lo) throw new RegexError('This character range is out of order.', hiAt);
        ranges.push([lo, hi]);
      } else {
        ranges.push([lo, lo]);
      }
    }
    return { ranges: normalizeRanges(ranges), negated };
  }

  /** A single code point, or null after adding a class escape's ranges to `into`. */
  private classItem(into: Ranges): number | null {
    const at = this.i;
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.src.slice(this.i, this.i + 12));
    if (posix !== null) {
      const base = POSIX_CLASSES[posix[2] as string];
      if (base === undefined) throw new RegexError(`Unknown class [:${posix[2]}:].`, at);
      this.i += posix[0].length;
      into.push(
        ...(posix[1] === '^'
          ? complementRanges(base)
          : base.map((r) => [r[0], r[1]] as [number, number])),
      );
      return null;
    }
    const c = this.next();
    if (c !== '\\') return c.codePointAt(0) as number;
    const e = this.next();
    if (e === 'b') return 8; // inside a class, \b is backspace
    const set = this.classEscape(e);
    if (set !== null) {
      into.push(
        ...(set.negated
          ? complementRanges(set.ranges)
          : set.ranges.map((r) => [r[0], r[1]] as [number, number])),
      );
      return null;
    }
    return this.charEscape(e, at);
  }

  private peek(): string {
    return this.src.charAt(this.i);
  }

  /** The next code point as a string (a surrogate pair stays together). */
  private next(): string {
    const cp = this.src.codePointAt(this.i);
    if (cp === undefined) return '';
    const s = String.fromCodePoint(cp);
    this.i += s.length;
    return s;
  }
}

function literal(cp: number): RegexNode {
  return { kind: 'set', set: { ranges: [[cp, cp]], negated: false } };
}
