/**
 * Compiles a rule's `detection` block once into a predicate (closures over compiled field items)
 * and a requirement for the router: literals one of which must occur in a field for the rule to
 * have any chance, so most rules are never evaluated against most events.
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
  readonly requirement: Requirement | null;
  /** Fields the rule reads, to show the matching values in an alert. */
  readonly fields: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** AND: any child's requirement holds; pick the most selective. */
function bestOf(reqs: readonly (Requirement | null)[]): Requirement | null {
  let best: Requirement | null = null;
  for (const r of reqs) if (r !== null && (best === null || strength(r) > strength(best))) best = r;
  return best;
}

const strength = (r: Requirement) => score(r.keys.map((k) => k.literal));

/** Keys beyond this many make an OR a poor filter; such a rule is simply always evaluated. */
const MAX_KEYS = 256;

/** OR: only if every branch has one, their union holds (possibly over several fields). */
function unionOf(reqs: readonly (Requirement | null)[]): Requirement | null {
  const keys: Requirement['keys'][number][] = [];
  for (const r of reqs) {
    if (r === null) return null;
    keys.push(...r.keys);
  }
  if (keys.length === 0 || keys.length > MAX_KEYS) return null;
  return { keys };
}

function andItems(items: CompiledItem[]): CompiledItem {
  if (items.length === 1) return items[0] as CompiledItem;
  const preds = items.map((i) => i.predicate);
  return {
    predicate: (v) => {
      for (const p of preds) if (!p(v)) return false;
      return true;
    },
    requirement: bestOf(items.map((i) => i.requirement)),
    fields: items.flatMap((i) => i.fields),
  };
}

function orItems(items: CompiledItem[]): CompiledItem {
  if (items.length === 1) return items[0] as CompiledItem;
  const preds = items.map((i) => i.predicate);
  return {
    predicate: (v) => {
      for (const p of preds) if (p(v)) return true;
      return false;
    },
    requirement: unionOf(items.map((i) => i.requirement)),
    fields: items.flatMap((i) => i.fields),
  };
}

function compileMap(
  map: Record<string, unknown>,
  name: string,
  options: CompileOptions,
): CompiledItem {
  const entries = Object.entries(map);
  if (entries.length === 0) throw new RuleCompileError(`search identifier ${name} is empty`);
  return andItems(entries.map(([key, value]) => compileFieldItem(key, value, options)));
}

/** A search identifier: a map (AND), a list of maps (OR), or a keyword list. */
function compileIdentifier(name: string, value: unknown, options: CompileOptions): CompiledItem {
  try {
    if (isRecord(value)) return compileMap(value, name, options);
    const list = Array.isArray(value) ? value : [value];
    if (list.length === 0) throw new RuleCompileError(`search identifier ${name} is empty`);
    const maps = list.filter(isRecord);
    const words = list.filter((v) => !isRecord(v));
    const items = maps.map((m) => compileMap(m, name, options));
    if (words.length > 0) items.push(compileFieldItem('', words, options));
    return orItems(items);
  } catch (e) {
    if (e instanceof RuleCompileError && !e.message.includes(name))
      throw new RuleCompileError(`in ${name}: ${e.message}`, e.skipped);
    throw e;
  }
}

function compileCondition(
  node: ConditionNode,
  ids: ReadonlyMap<string, CompiledItem>,
): CompiledItem {
  switch (node.kind) {
    case 'id':
      return ids.get(node.name) as CompiledItem;
    case 'not': {
      const inner = compileCondition(node.node, ids).predicate;
      return { predicate: (v) => !inner(v), requirement: null, fields: [] };
    }
    case 'and':
      return andItems(node.nodes.map((n) => compileCondition(n, ids)));
    case 'or':
      return orItems(node.nodes.map((n) => compileCondition(n, ids)));
    case 'of': {
      const items = node.names.map((n) => ids.get(n) as CompiledItem);
      return node.quantifier === 'all' ? andItems(items) : orItems(items);
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
  const ids = new Map<string, CompiledItem>();
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
    requirement: compiled.requirement,
    fields: [...new Set([...ids.values()].flatMap((i) => i.fields))],
  };
}
