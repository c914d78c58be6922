/**
 * Checks of STIX 2.1 §9 that the grammar alone does not make: name rules for object types and
 * property names, IP/CIDR operands for ISSUBSET / ISSUPERSET, hash lengths, positive qualifier
 * values, START before STOP, and MATCHES / LIKE operands our linear-time engine can run.
 * Object types outside the STIX 2.1 vocabulary are warnings: custom types are allowed.
 */
import { ipOperandProblem } from './ip-operand.js';
import { compileLike, compileLinearRegex } from './linear-regex.js';
import type {
  ComparisonExpression,
  ObjectPath,
  ObservationExpression,
  Pattern,
} from './pattern-ast.js';
import { PatternError } from './pattern-error.js';
import { parsePattern } from './pattern-parser.js';
import { parseStixTimestamp } from './stix-timestamp.js';
import {
  HASH_HEX_LENGTHS,
  isStixPropertyName,
  isStixTypeName,
  STIX_SCO_TYPES,
} from './stix-vocabulary.js';

export interface PatternIssue {
  readonly message: string;
  /** Offset in the pattern text of the construct the issue is about. */
  readonly offset: number;
}

export type ValidationResult =
  | { readonly ok: true; readonly pattern: Pattern; readonly warnings: readonly PatternIssue[] }
  | {
      readonly ok: false;
      /** Present when the text parsed but broke a rule beyond the grammar. */
      readonly pattern?: Pattern;
      readonly errors: readonly PatternIssue[];
      readonly warnings: readonly PatternIssue[];
    };

/** Parses and validates pattern text. Never throws for bad input: problems come back as issues. */
export function validatePattern(text: string): ValidationResult {
  let pattern: Pattern;
  try {
    pattern = parsePattern(text);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
    return { ok: false, errors: [{ message: e.message, offset: e.offset }], warnings: [] };
  }
  const { errors, warnings } = checkPattern(pattern);
  return errors.length === 0
    ? { ok: true, pattern, warnings }
    : { ok: false, pattern, errors, warnings };
}

/** The rule checks alone, for a tree that is already parsed (or built by code). */
export function checkPattern(pattern: Pattern): {
  errors: PatternIssue[];
  warnings: PatternIssue[];
} {
  const checker = new Checker();
  checker.observation(pattern);
  return { errors: checker.errors, warnings: checker.warnings };
}

class Checker {
  readonly errors: PatternIssue[] = [];
  readonly warnings: PatternIssue[] = [];
  private readonly warnedTypes = new Set<string>();

  observation(e: ObservationExpression): void {
    switch (e.kind) {
      case 'observation':
        this.comparison(e.comparison);
        return;
      case 'qualified': {
        this.observation(e.expression);
        const q = e.qualifier;
        if (q.kind === 'within' && !(q.seconds > 0)) {
          this.error('WITHIN needs a number of seconds greater than zero.', q.at);
        } else if (q.kind === 'repeats' && q.times < 1) {
          this.error('REPEATS needs a count of at least 1.', q.at);
        } else if (q.kind === 'startstop') {
          const start = parseStixTimestamp(q.start) as bigint;
          const stop = parseStixTimestamp(q.stop) as bigint;
          if (start >= stop) this.error('START must be earlier than STOP.', q.at);
        }
        return;
      }
      default:
        for (const o of e.operands) this.observation(o);
    }
  }

  private comparison(e: ComparisonExpression): void {
    switch (e.kind) {
      case 'and':
      case 'or':
        for (const o of e.operands) this.comparison(o);
        return;
      case 'exists':
        this.path(e.path);
        return;
      case 'in':
        this.path(e.path);
        for (const v of e.values) {
          if (v.type === 'string') this.hash(e.path, v.value, v.at);
        }
        return;
      case 'test':
        this.path(e.path);
        this.operand(e);
        return;
    }
  }

  private operand(e: Extract<ComparisonExpression, { kind: 'test' }>): void {
    const v = e.value;
    if (v.type !== 'string') return;
    if (e.operator === '=' || e.operator === '!=') this.hash(e.path, v.value, v.at);
    if (e.operator === 'ISSUBSET' || e.operator === 'ISSUPERSET') {
      const problem = ipOperandProblem(v.value, e.operator);
      if (problem !== null) this.error(problem, v.at);
    }
    if (e.operator === 'MATCHES' || e.operator === 'LIKE') {
      try {
        if (e.operator === 'MATCHES') compileLinearRegex(v.value);
        else compileLike(v.value);
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        // The regex offset counts characters of the unescaped string; close enough to point at.
        this.error(`In the ${e.operator} operand: ${err.message}`, v.at + 1 + err.offset);
      }
    }
  }

  private path(p: ObjectPath): void {
    if (!isStixTypeName(p.objectType)) {
      this.error(
        `'${p.objectType}' is not a valid STIX type name: use 3–250 lower-case letters, digits and single hyphens.`,
        p.at,
      );
    } else if (!STIX_SCO_TYPES.has(p.objectType) && !this.warnedTypes.has(p.objectType)) {
      this.warnedTypes.add(p.objectType);
      this.warnings.push({
        message: `'${p.objectType}' is not a STIX 2.1 cyber-observable type; it is treated as a custom type.`,
        offset: p.at,
      });
    }
    p.steps.forEach((step, i) => {
      if (step.kind !== 'key') return;
      if (i === 0 && !isStixPropertyName(step.name)) {
        this.error(
          `'${step.name}' is not a valid STIX property name: use ASCII letters, digits and underscore.`,
          p.at,
        );
      } else if (step.name.length === 0 || step.name.length > 250) {
        this.error('Property names and dictionary keys must be 1 to 250 characters long.', p.at);
      }
    });
  }

  /** `file:hashes.'SHA-256' = 'f00'` is wrong: a SHA-256 is 64 hex digits. */
  private hash(p: ObjectPath, value: string, at: number): void {
    const last = p.steps[p.steps.length - 1];
    const parent = p.steps[p.steps.length - 2];
    if (last?.kind !== 'key' || parent?.kind !== 'key' || parent.name !== 'hashes') return;
    const algorithm = last.name.toUpperCase();
    const length = HASH_HEX_LENGTHS[algorithm];
    if (length === undefined) return;
    if (value.length !== length || !/^[0-9a-fA-F]*$/.test(value)) {
      this.error(`'${value}' is not a valid ${last.name} hash (${length} hex digits).`, at);
    }
  }

  private error(message: string, offset: number): void {
    this.errors.push({ message, offset });
  }
}
