/**
 * Prints a syntax tree back to canonical pattern text: single spaces, `=` and `!=` (not `==`,
 * `<>`), upper-case keywords, bare property names where the grammar allows them and quoted
 * ones elsewhere, and only the parentheses precedence needs. `parsePattern(printPattern(p))`
 * gives back `p` (apart from `at` offsets).
 */
import type {
  ComparisonExpression,
  Constant,
  ObjectPath,
  ObservationExpression,
  Pattern,
  Qualifier,
} from './pattern-ast.js';

export function printPattern(pattern: Pattern): string {
  return printObservation(pattern);
}

const OBSERVATION_PRECEDENCE = { followedby: 1, or: 2, and: 3, qualified: 4, observation: 4 };
const COMPARISON_PRECEDENCE = { or: 1, and: 2, test: 3, in: 3, exists: 3 };

function printObservation(e: ObservationExpression): string {
  switch (e.kind) {
    case 'observation':
      return `[${printComparison(e.comparison)}]`;
    case 'qualified': {
      const inner = printObservation(e.expression);
      const wrapped = e.expression.kind === 'observation' ? inner : `(${inner})`;
      return `${wrapped} ${printQualifier(e.qualifier)}`;
    }
    default: {
      const own = OBSERVATION_PRECEDENCE[e.kind];
      const keyword = ` ${e.kind.toUpperCase()} `;
      return e.operands
        .map((o) => {
          const s = printObservation(o);
          return OBSERVATION_PRECEDENCE[o.kind] <= own ? `(${s})` : s;
        })
        .join(keyword);
    }
  }
}

function printQualifier(q: Qualifier): string {
  switch (q.kind) {
    case 'within':
      return `WITHIN ${q.raw} SECONDS`;
    case 'repeats':
      return `REPEATS ${q.times} TIMES`;
    case 'startstop':
      return `START t'${q.start}' STOP t'${q.stop}'`;
  }
}

function printComparison(e: ComparisonExpression): string {
  switch (e.kind) {
    case 'test':
      return `${printPath(e.path)} ${e.negated ? 'NOT ' : ''}${e.operator} ${printConstant(e.value)}`;
    case 'in':
      return `${printPath(e.path)} ${e.negated ? 'NOT ' : ''}IN (${e.values.map(printConstant).join(', ')})`;
    case 'exists':
      return `EXISTS ${printPath(e.path)}`;
    default: {
      const own = COMPARISON_PRECEDENCE[e.kind];
      return e.operands
        .map((o) => {
          const s = printComparison(o);
          return COMPARISON_PRECEDENCE[o.kind] <= own ? `(${s})` : s;
        })
        .join(` ${e.kind.toUpperCase()} `);
    }
  }
}

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `file:hashes.'SHA-256'`, `file:extensions.'windows-pebinary-ext'.sections[*].entropy`. */
export function printPath(path: ObjectPath): string {
  return `${path.objectType}:${printSteps(path)}`;
}

/** The part of an object path after the colon. */
export function printSteps(path: ObjectPath): string {
  let out = '';
  path.steps.forEach((step, i) => {
    if (step.kind === 'index') {
      out += `[${step.index}]`;
      return;
    }
    const name = isBareName(step.name) ? step.name : quote(step.name);
    out += i === 0 ? name : `.${name}`;
  });
  return out;
}

/** Words the lexer would read as a typed literal prefix if followed by a quote are still safe bare. */
function isBareName(name: string): boolean {
  return BARE_NAME.test(name);
}

export function printConstant(c: Constant): string {
  switch (c.type) {
    case 'string':
      return quote(c.value);
    case 'int':
      return String(c.value);
    case 'float':
      return c.raw;
    case 'bool':
      return String(c.value);
    case 'timestamp':
      return `t'${c.value}'`;
    case 'hex':
      return `h'${c.value}'`;
    case 'binary':
      return `b'${c.value}'`;
  }
}

function quote(s: string): string {
  return `'${s.replace(/[\\']/g, (m) => `\\${m}`)}'`;
}
