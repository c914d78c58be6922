/** The syntax tree of the regular-expression subset that `MATCHES` accepts (see regex-parser.ts). */

/** Code-point ranges, inclusive; `negated` inverts the whole set (kept so `(?i)[^a]` refuses `A`). */
export interface CharSet {
  readonly ranges: readonly (readonly [number, number])[];
  readonly negated: boolean;
}

export type Assertion =
  /** `^` (without the m flag) and `\A`: the start of the text. */
  | 'start'
  /** `^` with the m flag: the start of the text or just after a newline. */
  | 'line-start'
  /** `$` with the m flag: the end of the text or just before a newline. */
  | 'line-end'
  /** `$` and `\Z`: the end of the text, or just before a final newline (PCRE's default). */
  | 'end'
  /** `\z`: the very end of the text. */
  | 'end-text'
  | 'word-boundary'
  | 'not-word-boundary';

export type RegexNode =
  | { readonly kind: 'empty' }
  | { readonly kind: 'set'; readonly set: CharSet }
  | { readonly kind: 'assert'; readonly assertion: Assertion }
  | { readonly kind: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly kind: 'alt'; readonly options: readonly RegexNode[] }
  /** `max` null means unbounded. Lazy and greedy forms give the same yes/no answer. */
  | {
      readonly kind: 'repeat';
      readonly node: RegexNode;
      readonly min: number;
      readonly max: number | null;
    };

export interface ParsedRegex {
  readonly node: RegexNode;
  readonly caseInsensitive: boolean;
}

/** Flags that change how an expression is read (Sigma's `re|i`, `re|m`, `re|s`). */
export interface RegexFlags {
  /** i: letters match either case. */
  readonly caseInsensitive?: boolean;
  /** m: `^` and `$` also match at line breaks. */
  readonly multiline?: boolean;
  /** s: `.` also matches a newline. */
  readonly dotAll?: boolean;
  /**
   * Which flags a leading inline group may set: `(?i)` only (STIX MATCHES, the default), or any
   * of `(?ims)` (Sigma rules written for PCRE/Python).
   */
  readonly inline?: 'i' | 'ims';
}
