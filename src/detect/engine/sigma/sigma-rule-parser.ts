/**
 * Reads one YAML document (already parsed to plain data) as a Sigma detection rule, correlation
 * rule or filter, checking the fields the specification requires (the JSON Schemas in
 * sigma-specification) and saying plainly what is wrong. Nothing here trusts the input's types.
 */
import type { LogSource } from '../event.js';
import { RuleCompileError } from './sigma-field-item.js';
import {
  CORRELATION_TYPES,
  type CorrelationType,
  LEVELS,
  type Level,
  type RuleInfo,
} from './sigma-types.js';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export type ParsedDocument =
  | { readonly kind: 'detection'; readonly info: RuleInfo; readonly detection: unknown }
  | { readonly kind: 'correlation'; readonly info: RuleInfo; readonly correlation: CorrelationSpec }
  | { readonly kind: 'filter'; readonly info: RuleInfo; readonly filter: FilterSpec };

export interface CorrelationSpec {
  readonly type: CorrelationType;
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  readonly timespanMs: number;
  readonly condition: Readonly<Record<string, number>>;
  readonly field?: string;
  readonly percentile?: number;
  /** Whether the base rules also alert on their own (Sigma's default: no). */
  readonly generate: boolean;
  /** alias → (rule id or name → field in that rule's events) */
  readonly aliases: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface FilterSpec {
  readonly rules: readonly string[];
  /** The filter's search identifiers and condition, compiled like a detection. */
  readonly detection: Record<string, unknown>;
}

function optionalString(doc: Record<string, unknown>, key: string): string | undefined {
  const v = doc[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new RuleCompileError(`${key} must be a string`);
  return v;
}

function stringList(doc: Record<string, unknown>, key: string): string[] {
  const v = doc[key];
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  if (!list.every((x) => typeof x === 'string' || typeof x === 'number'))
    throw new RuleCompileError(`${key} must be a list of strings`);
  return list.map(String);
}

function logsourceOf(doc: Record<string, unknown>): LogSource {
  const ls = doc.logsource;
  if (ls === undefined) return {};
  if (!isRecord(ls)) throw new RuleCompileError('logsource must be a map');
  const part = (k: string) => {
    const v = ls[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new RuleCompileError(`logsource.${k} must be a string`);
    return v.toLowerCase();
  };
  const product = part('product');
  const category = part('category');
  const service = part('service');
  return {
    ...(product === undefined ? {} : { product }),
    ...(category === undefined ? {} : { category }),
    ...(service === undefined ? {} : { service }),
  };
}

/** `attack.t1059.001` → `T1059.001`; `attack.execution` → `execution`; others left out. */
function attackIds(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tags) {
    const m = /^attack\.(.+)$/i.exec(t);
    if (m === null) continue;
    const rest = m[1] as string;
    out.push(/^[tgs]\d{4}/i.test(rest) ? rest.toUpperCase() : rest.toLowerCase());
  }
  return out;
}

function infoOf(doc: Record<string, unknown>, source: string, fallbackId: string): RuleInfo {
  const title = optionalString(doc, 'title');
  if (title === undefined || title.trim() === '') throw new RuleCompileError('title is required');
  if (title.length > 256) throw new RuleCompileError('title is longer than 256 characters');
  const rawLevel = optionalString(doc, 'level')?.toLowerCase() ?? 'medium';
  if (!(LEVELS as readonly string[]).includes(rawLevel))
    throw new RuleCompileError(`level must be one of ${LEVELS.join(', ')}`);
  const tags = stringList(doc, 'tags');
  const name = optionalString(doc, 'name');
  const status = optionalString(doc, 'status');
  const description = optionalString(doc, 'description');
  const author = optionalString(doc, 'author');
  return {
    id: optionalString(doc, 'id') ?? fallbackId,
    ...(name === undefined ? {} : { name }),
    title,
    level: rawLevel as Level,
    ...(status === undefined ? {} : { status }),
    ...(description === undefined ? {} : { description }),
    ...(author === undefined ? {} : { author }),
    references: stringList(doc, 'references'),
    tags,
    attack: attackIds(tags),
    falsepositives: stringList(doc, 'falsepositives'),
    logsource: logsourceOf(doc),
    source,
  };
}

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  M: 2_592_000_000,
  y: 31_536_000_000,
};

export function parseTimespan(text: unknown): number {
  const m = typeof text === 'string' ? /^(\d{1,6})([smhdwMy])$/.exec(text.trim()) : null;
  if (m === null)
    throw new RuleCompileError('correlation.timespan must look like 30s, 5m, 1h or 7d');
  return Number(m[1]) * (UNIT_MS[m[2] as string] as number);
}

function correlationOf(raw: unknown, generate: unknown): CorrelationSpec {
  if (!isRecord(raw)) throw new RuleCompileError('correlation must be a map');
  const type = raw.type;
  if (typeof type !== 'string' || !(CORRELATION_TYPES as readonly string[]).includes(type))
    throw new RuleCompileError(`correlation.type must be one of ${CORRELATION_TYPES.join(', ')}`);
  const rules = stringList(raw, 'rules');
  if (rules.length === 0)
    throw new RuleCompileError('correlation.rules must name at least one rule');
  const groupBy = stringList(raw, 'group-by');
  const condition: Record<string, number> = {};
  let field: string | undefined;
  let percentile: number | undefined;
  const cond = raw.condition;
  if (cond !== undefined) {
    if (!isRecord(cond)) throw new RuleCompileError('correlation.condition must be a map');
    for (const [k, v] of Object.entries(cond)) {
      if (k === 'field') {
        const f = Array.isArray(v) ? v[0] : v;
        if (typeof f !== 'string')
          throw new RuleCompileError('correlation.condition.field must be a field name');
        field = f;
      } else if (k === 'percentile') {
        if (typeof v !== 'number' || v < 0 || v > 100)
          throw new RuleCompileError(
            'correlation.condition.percentile must be a number from 0 to 100',
          );
        percentile = v;
      } else if (['gt', 'gte', 'lt', 'lte', 'eq', 'neq'].includes(k)) {
        if (typeof v !== 'number')
          throw new RuleCompileError(`correlation.condition.${k} must be a number`);
        condition[k] = v;
      } else throw new RuleCompileError(`correlation.condition.${k} is not a known condition`);
    }
  }
  const temporal = type === 'temporal' || type === 'temporal_ordered';
  if (!temporal && Object.keys(condition).length === 0)
    throw new RuleCompileError(`a ${type} correlation needs a condition (gte, gt, lt, …)`);
  if (type.startsWith('value_') && field === undefined)
    throw new RuleCompileError(`a ${type} correlation needs condition.field`);
  const aliases: Record<string, Record<string, string>> = {};
  if (isRecord(raw.aliases)) {
    for (const [alias, map] of Object.entries(raw.aliases)) {
      if (!isRecord(map)) throw new RuleCompileError(`correlation.aliases.${alias} must be a map`);
      aliases[alias] = Object.fromEntries(Object.entries(map).map(([r, f]) => [r, String(f)]));
    }
  }
  return {
    type: type as CorrelationType,
    rules,
    groupBy,
    timespanMs: parseTimespan(raw.timespan),
    generate: generate === true || raw.generate === true,
    condition,
    ...(field === undefined ? {} : { field }),
    ...(percentile === undefined ? {} : { percentile }),
    aliases,
  };
}

/** Reads one document; throws RuleCompileError. `fallbackId` names rules without an id. */
export function parseRuleDocument(
  doc: unknown,
  source: string,
  fallbackId: string,
): ParsedDocument {
  if (!isRecord(doc)) throw new RuleCompileError('a rule must be a YAML map');
  const info = infoOf(doc, source, fallbackId);
  if (doc.correlation !== undefined)
    return { kind: 'correlation', info, correlation: correlationOf(doc.correlation, doc.generate) };
  if (doc.filter !== undefined) {
    const f = doc.filter;
    if (!isRecord(f)) throw new RuleCompileError('filter must be a map');
    const rules = stringList(f, 'rules');
    if (rules.length === 0) throw new RuleCompileError('filter.rules must name at least one rule');
    const { rules: _rules, ...detection } = f;
    return { kind: 'filter', info, filter: { rules, detection } };
  }
  if (doc.detection === undefined) throw new RuleCompileError('detection is required');
  return { kind: 'detection', info, detection: doc.detection };
}
