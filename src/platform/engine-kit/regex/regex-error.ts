/**
 * The one error the linear-time regex engine throws for an expression it refuses. `offset` is the
 * index (UTF-16 code units) in the regex source where the problem was found, so a caller can point
 * at it (exchange adds the offset of the STIX literal; Sigma names the rule and field). Messages
 * are plain sentences that can be shown to the person who wrote the expression.
 */
export class RegexError extends Error {
  override readonly name = 'RegexError';
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** Bounds that keep hostile expressions from using unbounded memory, time or stack. */
export const REGEX_LIMITS = {
  /** Longest expression accepted, in UTF-16 code units (64 KiB). */
  maxLength: 64 * 1024,
  /** Deepest nesting of groups. */
  maxDepth: 100,
  /** Most compiled instructions one regular expression may need. */
  maxProgram: 10_000,
  /** Largest count allowed in a `{n,m}` quantifier. */
  maxRepeat: 1_000,
} as const;
