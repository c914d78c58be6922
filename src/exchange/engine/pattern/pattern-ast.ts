/**
 * The syntax tree of a STIX 2.1 pattern (STIX 2.1 §9). Plain JSON data: no classes, no bigint,
 * no byte arrays, so a parsed pattern can be stored, sent and compared as it is. `at` is the
 * offset of the node's first character in the pattern text.
 *
 * AND, OR and FOLLOWEDBY chains are n-ary (`operands` has two or more entries): all three are
 * associative, and flat chains keep recursion shallow for long indicator lists.
 */

export type Constant =
  | { readonly type: 'string'; readonly value: string; readonly at: number }
  | { readonly type: 'int'; readonly value: number; readonly at: number }
  /** `raw` is the literal as written, so `7.0` prints back as `7.0` and not as the int `7`. */
  | { readonly type: 'float'; readonly value: number; readonly raw: string; readonly at: number }
  | { readonly type: 'bool'; readonly value: boolean; readonly at: number }
  /** `value` is the RFC 3339 text inside `t'…'`, already checked to be a real instant. */
  | { readonly type: 'timestamp'; readonly value: string; readonly at: number }
  /** `value` is the hex digits inside `h'…'` (an even number of them). */
  | { readonly type: 'hex'; readonly value: string; readonly at: number }
  /** `value` is the base64 text inside `b'…'`, already checked to be well formed. */
  | { readonly type: 'binary'; readonly value: string; readonly at: number };

export type PathStep =
  | { readonly kind: 'key'; readonly name: string }
  /** `index` is a non-negative list index, or `'*'` for "any element". */
  | { readonly kind: 'index'; readonly index: number | '*' };

/** `file:extensions.'windows-pebinary-ext'.sections[*].entropy` → type `file`, five steps. */
export interface ObjectPath {
  readonly objectType: string;
  readonly steps: readonly PathStep[];
  readonly at: number;
}

export type ComparisonOperator =
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'LIKE'
  | 'MATCHES'
  | 'ISSUBSET'
  | 'ISSUPERSET';

export type ComparisonExpression =
  | {
      readonly kind: 'test';
      readonly path: ObjectPath;
      readonly negated: boolean;
      readonly operator: ComparisonOperator;
      readonly value: Constant;
      readonly at: number;
    }
  | {
      readonly kind: 'in';
      readonly path: ObjectPath;
      readonly negated: boolean;
      readonly values: readonly Constant[];
      readonly at: number;
    }
  | { readonly kind: 'exists'; readonly path: ObjectPath; readonly at: number }
  | {
      readonly kind: 'and' | 'or';
      readonly operands: readonly ComparisonExpression[];
      readonly at: number;
    };

export type Qualifier =
  | { readonly kind: 'within'; readonly seconds: number; readonly raw: string; readonly at: number }
  | { readonly kind: 'repeats'; readonly times: number; readonly at: number }
  | {
      readonly kind: 'startstop';
      readonly start: string;
      readonly stop: string;
      readonly at: number;
    };

export type ObservationExpression =
  | { readonly kind: 'observation'; readonly comparison: ComparisonExpression; readonly at: number }
  | {
      readonly kind: 'and' | 'or' | 'followedby';
      readonly operands: readonly ObservationExpression[];
      readonly at: number;
    }
  | {
      readonly kind: 'qualified';
      readonly expression: ObservationExpression;
      readonly qualifier: Qualifier;
      readonly at: number;
    };

/** A whole pattern is one observation expression. */
export type Pattern = ObservationExpression;
