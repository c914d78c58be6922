/**
 * The Sigma condition language: identifiers (wildcards allowed in `of` targets), `and`, `or`,
 * `not`, parentheses, `1 of X*`, `any of X*`, `all of X*`, `1 of them`, `all of them` (`them`
 * leaves out identifiers starting with `_`). Precedence: not > and > or. The v1 aggregation
 * (`| count() by …`) is refused with a pointer to correlation rules.
 */
import { RuleCompileError } from './sigma-field-item.js';
import { compilePattern, parseSigmaString } from './sigma-pattern.js';

export type ConditionNode =
  | { readonly kind: 'id'; readonly name: string }
  | { readonly kind: 'not'; readonly node: ConditionNode }
  | { readonly kind: 'and' | 'or'; readonly nodes: readonly ConditionNode[] }
  | { readonly kind: 'of'; readonly quantifier: 'one' | 'all'; readonly names: readonly string[] };

const MAX_CONDITION_LENGTH = 8192;
const MAX_DEPTH = 64;

function tokenize(text: string): string[] {
  if (text.length > MAX_CONDITION_LENGTH)
    throw new RuleCompileError(`the condition is longer than ${MAX_CONDITION_LENGTH} characters`);
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else if (c === '|') {
      throw new RuleCompileError(
        'aggregations in the condition (`| count() …`, Sigma v1) are not supported: write a correlation rule',
      );
    } else {
      let j = i;
      while (j < text.length && !' \t\n\r()|'.includes(text[j] as string)) j++;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

/** Parses one condition string against the rule's identifiers. */
export function parseCondition(text: string, identifiers: readonly string[]): ConditionNode {
  const tokens = tokenize(text);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos]?.toLowerCase();
  const expand = (target: string): string[] => {
    if (target === 'them') return identifiers.filter((n) => !n.startsWith('_'));
    if (!target.includes('*')) return identifiers.filter((n) => n === target);
    const matches = compilePattern(parseSigmaString(target));
    return identifiers.filter((n) => matches(n));
  };
  const or = (): ConditionNode => {
    const nodes = [and()];
    while (peek() === 'or') {
      pos++;
      nodes.push(and());
    }
    return nodes.length === 1 ? (nodes[0] as ConditionNode) : { kind: 'or', nodes };
  };
  const and = (): ConditionNode => {
    const nodes = [unary()];
    while (peek() === 'and') {
      pos++;
      nodes.push(unary());
    }
    return nodes.length === 1 ? (nodes[0] as ConditionNode) : { kind: 'and', nodes };
  };
  const unary = (): ConditionNode => {
    if (++depth > MAX_DEPTH) throw new RuleCompileError('the condition nests too deeply');
    try {
      const t = tokens[pos];
      const lower = t?.toLowerCase();
      if (t === undefined) throw new RuleCompileError('the condition ends too early');
      if (lower === 'not') {
        pos++;
        return { kind: 'not', node: unary() };
      }
      if (t === '(') {
        pos++;
        const inner = or();
        if (tokens[pos] !== ')')
          throw new RuleCompileError("a '(' in the condition is never closed");
        pos++;
        return inner;
      }
      if (tokens[pos + 1]?.toLowerCase() === 'of') {
        const target = tokens[pos + 2];
        if (target === undefined) throw new RuleCompileError(`'${t} of' needs a target`);
        const quantifier =
          lower === 'all' ? 'all' : lower === '1' || lower === 'any' ? 'one' : null;
        if (quantifier === null)
          throw new RuleCompileError(`'${t} of' is not supported: use '1 of' or 'all of'`);
        const names = expand(target);
        if (names.length === 0)
          throw new RuleCompileError(`'${t} of ${target}' matches no search identifier`);
        pos += 3;
        return { kind: 'of', quantifier, names };
      }
      if (t === ')' || lower === 'and' || lower === 'or')
        throw new RuleCompileError(`unexpected '${t}' in the condition`);
      if (!identifiers.includes(t))
        throw new RuleCompileError(`the condition names '${t}', which is not a search identifier`);
      pos++;
      return { kind: 'id', name: t };
    } finally {
      depth--;
    }
  };
  const node = or();
  if (pos < tokens.length)
    throw new RuleCompileError(`unexpected '${tokens[pos]}' in the condition`);
  return node;
}
