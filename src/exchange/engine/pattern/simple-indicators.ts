/**
 * Most shared indicators are one observation of `=` tests joined by OR, such as
 * `[url:value = '…']` or `[domain-name:value = 'a' OR ipv4-addr:value = '1.2.3.4']`. For those,
 * a lookup table keyed by (type, property, value) gives the same answer as evaluating the
 * pattern, and the exchange module can check millions of values without running a matcher.
 */
import type { ComparisonExpression, Pattern } from './pattern-ast.js';
import { printSteps } from './pattern-printer.js';

export interface SimpleIndicator {
  /** The SCO type, e.g. `ipv4-addr`. */
  readonly type: string;
  /** The object path after the colon, printed canonically: `value`, `hashes.'SHA-256'`. */
  readonly property: string;
  /** The string the property must equal exactly (a CIDR is compared as a string, as in matching). */
  readonly value: string;
}

/**
 * The (type, property, value) triples of a pattern that is only string equality tests joined
 * by OR, inside one `[…]` or across `[…] OR […]`, with no qualifiers, list indexes or references to follow;
 * otherwise null, and the pattern must be evaluated with `matchPattern`.
 */
export function simpleIndicators(pattern: Pattern): SimpleIndicator[] | null {
  // `[a] OR [b]` (observations joined by OR, without qualifiers) means the same for a lookup as `[a OR b]`.
  const observations = pattern.kind === 'or' ? pattern.operands : [pattern];
  const tests: ComparisonExpression[] = [];
  for (const o of observations) {
    if (o.kind !== 'observation') return null;
    const c = o.comparison;
    tests.push(...(c.kind === 'or' ? c.operands : [c]));
  }
  const out: SimpleIndicator[] = [];
  const seen = new Set<string>();
  for (const t of tests) {
    const triple = simpleTest(t);
    if (triple === null) return null;
    const key = JSON.stringify([triple.type, triple.property, triple.value]);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(triple);
    }
  }
  return out;
}

function simpleTest(t: ComparisonExpression): SimpleIndicator | null {
  if (t.kind !== 'test' || t.operator !== '=' || t.negated || t.value.type !== 'string')
    return null;
  const steps = t.path.steps;
  const plain = steps.every(
    (s, i) => s.kind === 'key' && (i === steps.length - 1 || !/_refs?$/.test(s.name)),
  );
  if (!plain) return null;
  return { type: t.path.objectType, property: printSteps(t.path), value: t.value.value };
}
