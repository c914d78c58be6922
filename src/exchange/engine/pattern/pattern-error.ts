/**
 * The one error the pattern engine throws for bad input. `offset` is the index (UTF-16 code
 * units, as JavaScript counts) in the pattern text where the problem was found, so a UI can
 * point at it. Messages are plain sentences that can be shown to the person who wrote it.
 */
export class PatternError extends Error {
  override readonly name = 'PatternError';
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** Bounds that keep hostile patterns from using unbounded memory, time or stack. */
export const PATTERN_LIMITS = {
  /** Longest pattern text accepted, in UTF-16 code units (64 KiB). */
  maxLength: 64 * 1024,
  /** Deepest nesting of brackets, parentheses and qualifiers. */
  maxDepth: 100,
  /** Most compiled instructions one regular expression may need. */
  maxRegexProgram: 10_000,
  /** Largest count allowed in a regex `{n,m}` quantifier. */
  maxRegexRepeat: 1_000,
} as const;
