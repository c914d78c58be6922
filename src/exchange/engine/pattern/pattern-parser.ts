/**
 * Recursive-descent parser for STIX 2.1 patterns (STIX 2.1 §9, grammar STIXPattern.g4 of
 * oasis-open/cti-pattern-validator). Precedence, loosest first:
 *   observation level: FOLLOWEDBY, OR, AND, then qualifiers (postfix, tightest);
 *   comparison level:  OR, AND.
 * Nesting depth and input length are bounded (PATTERN_LIMITS) so hostile input cannot exhaust
 * the stack; every failure is a PatternError carrying the offset of the offending token.
 */
import type {
  ComparisonExpression,
  ComparisonOperator,
  Constant,
  ObjectPath,
  ObservationExpression,
  PathStep,
  Pattern,
  Qualifier,
} from './pattern-ast.js';
import { PATTERN_LIMITS, PatternError } from './pattern-error.js';
import { type Token, tokenize } from './pattern-lexer.js';

/**
 * Parses pattern text into its syntax tree. Throws PatternError on any syntax error. Checks
 * that need more than the grammar (name rules, qualifier values, regex support) are done by
 * `validatePattern`.
 */
export function parsePattern(text: string): Pattern {
  if (text.length > PATTERN_LIMITS.maxLength) {
    throw new PatternError(
      `The pattern is ${text.length} characters long; the limit is ${PATTERN_LIMITS.maxLength}.`,
      PATTERN_LIMITS.maxLength,
    );
  }
  const parser = new Parser(tokenize(text));
  const pattern = parser.observationFollowedBy();
  parser.expectEnd(text);
  return pattern;
}

const OPERATORS: Readonly<Record<string, ComparisonOperator>> = {
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  LIKE: 'LIKE',
  MATCHES: 'MATCHES',
  ISSUBSET: 'ISSUBSET',
  ISSUPERSET: 'ISSUPERSET',
};

const ORDER_OPERATORS = new Set<ComparisonOperator>(['<', '<=', '>', '>=']);
const STRING_OPERATORS = new Set<ComparisonOperator>(['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']);

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  observationFollowedBy(): ObservationExpression {
    return this.naryObservation('followedby', 'FOLLOWEDBY', () => this.observationOr());
  }

  expectEnd(text: string): void {
    const t = this.peek();
    if (t.kind === 'eof') return;
    if (t.text === ']' || t.text === ')') {
      throw new PatternError(`Unbalanced '${t.text}': nothing is open here.`, t.at);
    }
    const hint = /^(within|repeats|start|and|or|followedby)$/i.test(t.text)
      ? ' Keywords must be written in upper case.'
      : '';
    throw new PatternError(
      `Unexpected ${describe(t)} after a complete pattern.${hint}`,
      Math.min(t.at, text.length),
    );
  }

  private observationOr(): ObservationExpression {
    return this.naryObservation('or', 'OR', () => this.observationAnd());
  }

  private observationAnd(): ObservationExpression {
    return this.naryObservation('and', 'AND', () => this.observationQualified());
  }

  private naryObservation(
    kind: 'and' | 'or' | 'followedby',
    keyword: string,
    next: () => ObservationExpression,
  ): ObservationExpression {
    const first = next();
    const operands: ObservationExpression[] = [first];
    while (this.isWord(keyword)) {
      this.pos++;
      operands.push(next());
    }
    if (operands.length === 1) return first;
    // Flatten nested chains of the same operator: all three are associative.
    const flat = operands.flatMap((o) => (o.kind === kind ? o.operands : [o]));
    return { kind, operands: flat, at: first.at };
  }

  private observationQualified(): ObservationExpression {
    const startToken = this.peek();
    let expression = this.observationPrimary();
    const seen = new Set<string>();
    let nested = 0;
    for (;;) {
      const qualifier = this.qualifier();
      if (qualifier === null) break;
      // The reference validator refuses a repeated qualifier type directly on `[…]`.
      if (startToken.text === '[' && seen.has(qualifier.kind)) {
        throw new PatternError(
          `This observation already has a ${qualifier.kind.toUpperCase()} qualifier.`,
          qualifier.at,
        );
      }
      seen.add(qualifier.kind);
      nested++;
      this.enter(qualifier.at);
      expression = { kind: 'qualified', expression, qualifier, at: expression.at };
    }
    this.depth -= nested;
    return expression;
  }

  private observationPrimary(): ObservationExpression {
    const t = this.peek();
    if (t.text === '[' && t.kind === 'punct') {
      this.pos++;
      this.enter(t.at);
      const comparison = this.comparisonOr();
      this.expectPunct(']', 'to close the observation expression');
      this.depth--;
      return { kind: 'observation', comparison, at: t.at };
    }
    if (t.text === '(' && t.kind === 'punct') {
      this.pos++;
      this.enter(t.at);
      const inner = this.observationFollowedBy();
      this.expectPunct(')', 'to close the parenthesis');
      this.depth--;
      return inner;
    }
    if (t.kind === 'eof') throw new PatternError('The pattern is empty or ends too early.', t.at);
    throw new PatternError(
      `Expected '[' to start an observation expression, found ${describe(t)}. Patterns look like [type:property = 'value'].`,
      t.at,
    );
  }

  private qualifier(): Qualifier | null {
    const t = this.peek();
    if (t.kind !== 'word') return null;
    if (t.text === 'WITHIN') {
      this.pos++;
      const n = this.positiveNumber(true, 'WITHIN');
      this.expectWord('SECONDS', 'WITHIN takes a number of SECONDS');
      return { kind: 'within', seconds: Number(n.text), raw: n.text, at: t.at };
    }
    if (t.text === 'REPEATS') {
      this.pos++;
      const n = this.positiveNumber(false, 'REPEATS');
      this.expectWord('TIMES', 'REPEATS takes a number of TIMES');
      return { kind: 'repeats', times: Number(n.text), at: t.at };
    }
    if (t.text === 'START') {
      this.pos++;
      const start = this.expectKind(
        'timestamp',
        "START needs a timestamp like t'2016-06-01T00:00:00Z'",
      );
      this.expectWord('STOP', 'START needs a matching STOP');
      const stop = this.expectKind(
        'timestamp',
        "STOP needs a timestamp like t'2016-06-01T00:00:00Z'",
      );
      return { kind: 'startstop', start: start.text, stop: stop.text, at: t.at };
    }
    return null;
  }

  private positiveNumber(allowFloat: boolean, keyword: string): Token {
    const t = this.peek();
    const ok = (t.kind === 'int' || (allowFloat && t.kind === 'float')) && !t.text.startsWith('-');
    if (!ok) {
      const what = allowFloat ? 'a positive number' : 'a positive whole number';
      throw new PatternError(`${keyword} needs ${what}, found ${describe(t)}.`, t.at);
    }
    this.pos++;
    if (!Number.isSafeInteger(Math.trunc(Number(t.text)))) {
      throw new PatternError(`${t.text} is too large.`, t.at);
    }
    return t;
  }

  private comparisonOr(): ComparisonExpression {
    return this.naryComparison('or', 'OR', () => this.comparisonAnd());
  }

  private comparisonAnd(): ComparisonExpression {
    return this.naryComparison('and', 'AND', () => this.comparisonPrimary());
  }

  private naryComparison(
    kind: 'and' | 'or',
    keyword: string,
    next: () => ComparisonExpression,
  ): ComparisonExpression {
    const first = next();
    const operands: ComparisonExpression[] = [first];
    while (this.isWord(keyword)) {
      this.pos++;
      operands.push(next());
    }
    if (operands.length === 1) return first;
    const flat = operands.flatMap((o) => (o.kind === kind ? o.operands : [o]));
    return { kind, operands: flat, at: first.at };
  }

  private comparisonPrimary(): ComparisonExpression {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === '(') {
      this.pos++;
      this.enter(t.at);
      const inner = this.comparisonOr();
      this.expectPunct(')', 'to close the parenthesis');
      this.depth--;
      return inner;
    }
    if (this.isWord('EXISTS')) {
      this.pos++;
      return { kind: 'exists', path: this.objectPath(), at: t.at };
    }
    const path = this.objectPath();
    let negated = false;
    if (this.isWord('NOT')) {
      this.pos++;
      negated = true;
    }
    if (this.isWord('IN')) {
      this.pos++;
      return { kind: 'in', path, negated, values: this.setLiteral(), at: path.at };
    }
    const opToken = this.peek();
    const operator = Object.hasOwn(OPERATORS, opToken.text) ? OPERATORS[opToken.text] : undefined;
    if (operator === undefined || (opToken.kind !== 'punct' && opToken.kind !== 'word')) {
      throw new PatternError(
        `Expected a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET) after the object path, found ${describe(opToken)}.`,
        opToken.at,
      );
    }
    this.pos++;
    const value = this.constant();
    checkOperand(operator, value);
    return { kind: 'test', path, negated, operator, value, at: path.at };
  }

  private setLiteral(): Constant[] {
    this.expectPunct('(', 'IN takes a list in parentheses, like IN (1, 2)');
    const values: Constant[] = [];
    if (this.peek().text !== ')') {
      values.push(this.constant());
      while (this.peek().kind === 'punct' && this.peek().text === ',') {
        this.pos++;
        values.push(this.constant());
      }
    }
    this.expectPunct(')', 'to close the IN list');
    return values;
  }

  private constant(): Constant {
    const t = this.peek();
    this.pos++;
    switch (t.kind) {
      case 'string':
        return { type: 'string', value: t.text, at: t.at };
      case 'int': {
        const value = Number(t.text);
        if (!Number.isSafeInteger(value)) {
          throw new PatternError(`${t.text} is too large to compare exactly.`, t.at);
        }
        return { type: 'int', value, at: t.at };
      }
      case 'float':
        return { type: 'float', value: Number(t.text), raw: t.text, at: t.at };
      case 'timestamp':
        return { type: 'timestamp', value: t.text, at: t.at };
      case 'hex':
        return { type: 'hex', value: t.text, at: t.at };
      case 'binary':
        return { type: 'binary', value: t.text, at: t.at };
      case 'word':
        if (t.text === 'true' || t.text === 'false') {
          return { type: 'bool', value: t.text === 'true', at: t.at };
        }
        break;
      default:
        break;
    }
    throw new PatternError(
      `Expected a constant (a 'quoted string', number, true, false, t'…', h'…' or b'…'), found ${describe(t)}.`,
      t.at,
    );
  }

  private objectPath(): ObjectPath {
    const typeToken = this.peek();
    if (typeToken.kind !== 'word') {
      throw new PatternError(
        `Expected an object path like file:name, found ${describe(typeToken)}.`,
        typeToken.at,
      );
    }
    this.pos++;
    this.expectPunct(':', `to separate the object type '${typeToken.text}' from its property`);
    const steps: PathStep[] = [{ kind: 'key', name: this.pathKey() }];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'punct' && t.text === '.') {
        this.pos++;
        steps.push({ kind: 'key', name: this.pathKey() });
      } else if (t.kind === 'punct' && t.text === '[') {
        this.pos++;
        steps.push({ kind: 'index', index: this.listIndex() });
        this.expectPunct(']', 'to close the list index');
      } else {
        break;
      }
    }
    return { objectType: typeToken.text, steps, at: typeToken.at };
  }

  private pathKey(): string {
    const t = this.peek();
    if (t.kind === 'string') {
      this.pos++;
      return t.text;
    }
    if (t.kind === 'word') {
      if (t.text.includes('-')) {
        throw new PatternError(
          `The property name '${t.text}' contains '-', so it must be quoted: '${t.text}'.`,
          t.at,
        );
      }
      this.pos++;
      return t.text;
    }
    throw new PatternError(`Expected a property name, found ${describe(t)}.`, t.at);
  }

  private listIndex(): number | '*' {
    const t = this.peek();
    this.pos++;
    if (t.kind === 'punct' && t.text === '*') return '*';
    if (t.kind === 'int' && /^\+?\d+$/.test(t.text) && Number.isSafeInteger(Number(t.text))) {
      return Number(t.text);
    }
    throw new PatternError(
      `A list index must be * or a non-negative whole number, found ${describe(t)}.`,
      t.at,
    );
  }

  private enter(at: number): void {
    this.depth++;
    if (this.depth > PATTERN_LIMITS.maxDepth) {
      throw new PatternError(
        `The pattern nests more than ${PATTERN_LIMITS.maxDepth} levels deep.`,
        at,
      );
    }
  }

  private peek(): Token {
    return this.tokens[Math.min(this.pos, this.tokens.length - 1)] as Token;
  }

  private isWord(text: string): boolean {
    const t = this.peek();
    return t.kind === 'word' && t.text === text;
  }

  private expectPunct(text: string, why: string): void {
    const t = this.peek();
    if (t.kind !== 'punct' || t.text !== text) {
      throw new PatternError(`Expected '${text}' ${why}, found ${describe(t)}.`, t.at);
    }
    this.pos++;
  }

  private expectWord(text: string, why: string): void {
    const t = this.peek();
    if (t.kind !== 'word' || t.text !== text) {
      throw new PatternError(`Expected ${text} (${why}), found ${describe(t)}.`, t.at);
    }
    this.pos++;
  }

  private expectKind(kind: Token['kind'], why: string): Token {
    const t = this.peek();
    if (t.kind !== kind) throw new PatternError(`${why}; found ${describe(t)}.`, t.at);
    this.pos++;
    return t;
  }
}

/** The grammar restricts which constants each operator takes (STIXPattern.g4 `propTest`). */
function checkOperand(operator: ComparisonOperator, value: Constant): void {
  if (ORDER_OPERATORS.has(operator) && value.type === 'bool') {
    throw new PatternError(`${operator} cannot compare with true or false.`, value.at);
  }
  if (STRING_OPERATORS.has(operator) && value.type !== 'string') {
    throw new PatternError(`${operator} takes a 'quoted string'.`, value.at);
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the pattern';
    case 'string':
      return 'a string';
    case 'timestamp':
      return 'a timestamp';
    case 'hex':
    case 'binary':
      return 'a binary constant';
    default:
      return `'${t.text.length > 40 ? `${t.text.slice(0, 40)}…` : t.text}'`;
  }
}
