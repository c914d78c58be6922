/**
 * Compiles a rule's `detection` block once into a predicate (closures over compiled field items)
 * and requirements for the router: up to two groups of literals, from different parts of an AND,
 * where each group needs one of its literals to occur in a field for the rule to have any chance;
 * most rules are never evaluated against most events. Two groups matter because one part of a
 * rule is often common in real logs (a parent `\explorer.exe`) while the other is rare.
 */
import { type ConditionNode, parseCondition } from './sigma-condition.js';
import {
  type CompiledItem,
  type CompileOptions,
  compileFieldItem,
  RuleCompileError,
  score,
} from './sigma-field-item.js';
import type { Predicate, Requirement } from './sigma-types.js';

export interface CompiledDetection {
  readonly predicate: Predicate;
  /** All hold when the rule matches; strongest first; empty when none is known. */
  readonly requirements: readonly Requirement[];
  /** Fields the rule reads, to show the matching values in an alert. */
  readonly fields: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A compiled part of a condition: field items, and the ANDs, ORs and NOTs over them. */
interface Node {
  readonly predicate: Predicate;
  /** All hold when the part matches; strongest first, at most MAX_GROUPS. */
  readonly requirements: readonly Requirement[];
  readonly fields: readonly string[];
}

/** Requirement groups kept per rule: the router tracks which of them an event satisfied. */
export const MAX_GROUPS = 2;

const strength = (r: Requirement) => score(r.keys.map((k) => k.literal));

const node = (item: CompiledItem): Node => ({
  predicate: item.predicate,
  requirements: item.requirement === null ? [] : [item.requirement],
  fields: item.fields,
});

/** AND: every child's requirements hold; keep the most selective. */
function strongest(reqs: readonly Requirement[]): Requirement[] {
  return [...reqs]
    .map((r) => ({ r, s: strength(r) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, MAX_GROUPS)
    .map((x) => x.r);
}

/** Keys beyond this many make an OR a poor filter; such a rule is simply always evaluated. */
const MAX_KEYS = 256;

/**
 * OR: only if every branch has one, the union of their strongest holds (possibly over several
 * fields).
 */
function unionOf(branches: readonly (readonly Requirement[])[]): Requirement[] {
  const keys: Requirement['keys'][number][] = [];
  for (const reqs of branches) {
    const best = reqs[0];
    if (best === undefined) return [];
    keys.push(...best.keys);
  }
  if (keys.length === 0 || keys.length > MAX_KEYS) return [];
  return [{ keys }];
}

function andItems(items: Node[]): Node {
  if (items.length === 1) return items[0] as Node;
  const preds = items.map((i) => i.predicate);
  return {
    predicate: (v) => {
      for (const p of preds) if (!p(v)) return false;
      return true;
    },
    requirements: strongest(items.flatMap((i) => i.requirements)),
    fields: items.flatMap((i) => i.fields),
  };
}

function orItems(items: Node[]): Node {
  if (items.length === 1) return items[0] as Node;
  const preds = items.map((i) => i.predicate);
  return {
    predicate: (v) => {
      for (const p of preds) if (p(v)) return true;
      return false;
    },
    requirements: unionOf(items.map((i) => i.requirements)),
    fields: items.flatMap((i) => i.fields),
  };
}

function compileMap(map: Record<string, unknown>, name: string, options: CompileOptions): Node {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new RuleCompileError(`search identifier ${name} is empty`);
  return andItems(entries.map(([key, value]) => node(compileFieldItem(key, value, options))));
}

/** A search identifier: a map (AND), a list of maps (OR), or a keyword list. */
function compileIdentifier(name: string, value: unknown, options: CompileOptions): Node {
  try {
    if (isRecord(value)) return compileMap(value, name, options);
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new RuleCompileError(`search identifier ${name} is empty`);
    const maps = list.filter(isRecord);
    const words = list.filter((v) => !isRecord(v));
    const items = maps.map((m) => compileMap(m, name, options));
    if (words.length > 0) items.push(node(compileFieldItem('', words, options)));
    return orItems(items);
  } catch (e) {
    if (e instanceof RuleCompileError && !e.message.includes(name))
      throw new RuleCompileError(`in ${name}: ${e.message}`, e.skipped);
    throw e;
  }
}

function compileCondition(cond: ConditionNode, ids: ReadonlyMap<string, Node>): Node {
  switch (cond.kind) {
    case 'id':
      return ids.get(cond.name) as Node;
    case 'not': {
      const inner = compileCondition(cond.node, ids).predicate;
      return { predicate: (v) => !inner(v), requirements: [], fields: [] };
    }
    case 'and':
      return andItems(cond.nodes.map((n) => compileCondition(n, ids)));
    case 'or':
      return orItems(cond.nodes.map((n) => compileCondition(n, ids)));
    case 'of': {
      const items = cond.names.map((n) => ids.get(n) as Node);
      return cond.quantifier === 'all' ? andItems(items) : orItems(items);
    }
  }
}

/** Compiles a detection block; throws RuleCompileError with a plain reason. */
export function compileDetection(
  detection: unknown,
  options: CompileOptions = {},
): CompiledDetection {
  if (!isRecord(detection)) throw new RuleCompileError('detection must be a map');
  const { condition, ...rest } = detection;
  const ids = new Map<string, Node>();
  for (const [name, value] of Object.entries(rest))
    ids.set(name, compileIdentifier(name, value, options));
  const conditions = Array.isArray(condition) ? condition : [condition];
  if (
    conditions.length === 0 ||
    !conditions.every((c): c is string => typeof c === 'string' && c.trim() !== '')
  )
    throw new RuleCompileError('detection.condition must be a string or a list of strings');
  const names = [...ids.keys()];
  const compiled = orItems(conditions.map((c) => compileCondition(parseCondition(c, names), ids)));
  return {
    predicate: compiled.predicate,
    requirements: compiled.requirements,
    fields: [...new Set([...ids.values()].flatMap((i) => i.fields))],
  };
}
