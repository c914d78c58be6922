/**
 * Compiles a comparison expression (the inside of `[…]`) into a function of one observation.
 * As in cti-pattern-matcher, the result is the set of root SCOs (keys of `objects`) that satisfy
 * it: OR unites those sets and AND intersects them, so terms joined by AND must hold for the
 * same root object, while `_ref` paths let one term reach into related objects.
 */
import { bytesToLatin1 } from './binary-codec.js';
import { blockContains, parseIpBlock } from './ip-cidr.js';
import { compileLike, compileLinearRegex, type LinearRegex } from './linear-regex.js';
import { selectPathValues } from './object-path-values.js';
import type { Sco } from './observation-input.js';
import type { ComparisonExpression, ComparisonOperator, ObjectPath } from './pattern-ast.js';
import {
  compareValue,
  isOrderable,
  type Literal,
  toLiteral,
  valueEquals,
} from './value-compare.js';

export type Objects = Readonly<Record<string, Sco>>;
export type ComparisonMatcher = (objects: Objects) => ReadonlySet<string>;

/** Throws PatternError if a MATCHES / LIKE operand cannot be compiled. */
export function compileComparison(e: ComparisonExpression): ComparisonMatcher {
  switch (e.kind) {
    case 'and': {
      const parts = e.operands.map(compileComparison);
      return (objects) => {
        let result = new Set((parts[0] as ComparisonMatcher)(objects));
        for (const part of parts.slice(1)) {
          if (result.size === 0) break;
          const roots = part(objects);
          result = new Set([...result].filter((r) => roots.has(r)));
        }
        return result;
      };
    }
    case 'or': {
      const parts = e.operands.map(compileComparison);
      return (objects) => {
        const result = new Set<string>();
        for (const part of parts) for (const root of part(objects)) result.add(root);
        return result;
      };
    }
    case 'exists':
      return rootsWhere(e.path, () => true, true);
    case 'in': {
      const literals = e.values.map(toLiteral);
      const test = (v: unknown) => literals.some((l) => valueEquals(v, l)) !== e.negated;
      return rootsWhere(e.path, test, false);
    }
    case 'test':
      return rootsWhere(e.path, valueTest(e.operator, toLiteral(e.value), e.negated), false);
  }
}

/** Root SCOs of the path's type for which some selected value passes `test`. */
function rootsWhere(
  path: ObjectPath,
  test: (value: unknown) => boolean,
  existsOnly: boolean,
): ComparisonMatcher {
  return (objects) => {
    const roots = new Set<string>();
    for (const key of Object.keys(objects)) {
      const sco = objects[key] as Sco;
      if (typeof sco !== 'object' || sco === null || sco.type !== path.objectType) continue;
      const values = selectPathValues(sco, path.steps, objects);
      if (existsOnly ? values.length > 0 : values.some(test)) roots.add(key);
    }
    return roots;
  };
}

/**
 * The per-value test. NOT negates the operator's answer for values the operator applies to;
 * a value it cannot apply to (a list, or a number under LIKE) fails either way, except that
 * `=` / `!=` treat mismatched types as simply unequal, as the reference matcher does.
 */
function valueTest(
  operator: ComparisonOperator,
  literal: Literal,
  negated: boolean,
): (value: unknown) => boolean {
  const flip = (b: boolean) => b !== negated;
  switch (operator) {
    case '=':
      return (v) => flip(valueEquals(v, literal));
    case '!=':
      return (v) => flip(!valueEquals(v, literal));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return orderTest(operator, literal, flip);
    case 'LIKE':
    case 'MATCHES': {
      const source = literal.kind === 'string' ? literal.value : '';
      const regex: LinearRegex =
        operator === 'LIKE' ? compileLike(source) : compileLinearRegex(source);
      return (v) => {
        const text = typeof v === 'string' ? v : v instanceof Uint8Array ? bytesToLatin1(v) : null;
        return text !== null && flip(regex.test(text));
      };
    }
    case 'ISSUBSET':
    case 'ISSUPERSET': {
      const block = literal.kind === 'string' ? parseIpBlock(literal.value) : null;
      return (v) => {
        const own = typeof v === 'string' ? parseIpBlock(v) : null;
        if (block === null || own === null) return false;
        return flip(
          operator === 'ISSUBSET' ? blockContains(block, own) : blockContains(own, block),
        );
      };
    }
  }
}

function orderTest(
  operator: '<' | '<=' | '>' | '>=',
  literal: Literal,
  flip: (b: boolean) => boolean,
): (value: unknown) => boolean {
  return (v) => {
    if (!isOrderable(literal)) return false;
    const c = compareValue(v, literal);
    if (c === null) return false;
    const holds =
      operator === '<' ? c < 0 : operator === '<=' ? c <= 0 : operator === '>' ? c > 0 : c >= 0;
    return flip(holds);
  };
}
