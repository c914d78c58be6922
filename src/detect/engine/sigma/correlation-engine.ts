/**
 * Sigma v2 correlation rules over sliding windows of event time, per group (the `group-by`
 * values). Memory is bounded: at most `maxGroups` groups per correlation (the least recently
 * seen group is evicted) and at most `maxEventsPerGroup` events per group (the oldest go first).
 *
 * When a rule fires: `gt`/`gte`/`eq`/`neq` conditions and the temporal types are checked as each
 * event arrives; a group that fires starts afresh, so one burst gives one alert. `lt`/`lte`
 * ("too few") can only be known when the window has passed: they are checked when a later event
 * of the group arrives after the window, and at `flush()` (end of input).
 */
import type { FieldValue, LogEvent } from '../event.js';
import type { CorrelationSpec } from './sigma-rule-parser.js';
import type { CorrelationMatch, RuleInfo } from './sigma-types.js';

export interface CorrelationLimits {
  readonly maxGroups: number;
  readonly maxEventsPerGroup: number;
}

export const DEFAULT_CORRELATION_LIMITS: CorrelationLimits = {
  maxGroups: 10_000,
  maxEventsPerGroup: 10_000,
};

interface Entry {
  readonly time: number;
  /** Position of the matched base rule in `spec.rules`. */
  readonly rule: number;
  readonly value: FieldValue | undefined;
  readonly event: LogEvent;
}

interface Group {
  readonly values: Readonly<Record<string, FieldValue>>;
  entries: Entry[];
}

/** Which base rules (by id or name) feed a correlation, and their position in its list. */
export interface CorrelationRule {
  readonly info: RuleInfo;
  readonly spec: CorrelationSpec;
}

const RISING = ['gt', 'gte', 'eq', 'neq'];

function conditionHolds(condition: Readonly<Record<string, number>>, value: number): boolean {
  for (const [op, lim] of Object.entries(condition)) {
    const ok =
      op === 'gt'
        ? value > lim
        : op === 'gte'
          ? value >= lim
          : op === 'lt'
            ? value < lim
            : op === 'lte'
              ? value <= lim
              : op === 'eq'
                ? value === lim
                : value !== lim;
    if (!ok) return false;
  }
  return true;
}

function percentileOf(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export class CorrelationState {
  private readonly groups = new Map<string, Group>();
  private readonly falling: boolean;

  constructor(
    readonly rule: CorrelationRule,
    private readonly limits: CorrelationLimits = DEFAULT_CORRELATION_LIMITS,
  ) {
    const ops = Object.keys(rule.spec.condition);
    this.falling = ops.length > 0 && !ops.some((op) => RISING.includes(op));
  }

  /** The field a base rule's event uses for `name` (aliases let rules name it differently). */
  private fieldFor(name: string, ruleIndex: number): string {
    const alias = this.rule.spec.aliases[name];
    const ref = this.rule.spec.rules[ruleIndex] as string;
    return alias?.[ref] ?? name;
  }

  /** Feeds one event matched by base rule number `ruleIndex`; returns what fired. */
  add(event: LogEvent, ruleIndex: number): CorrelationMatch[] {
    const { spec } = this.rule;
    if (event.time === undefined) return []; // no time, no window
    const values: Record<string, FieldValue> = {};
    for (const g of spec.groupBy) values[g] = event.fields[this.fieldFor(g, ruleIndex)] ?? null;
    const key = JSON.stringify(spec.groupBy.map((g) => values[g]));
    let group = this.groups.get(key);
    const fired: CorrelationMatch[] = [];
    if (group !== undefined) {
      this.groups.delete(key); // re-inserted below: Map order is least recently seen first
      if (this.falling) {
        const first = group.entries[0];
        if (first !== undefined && event.time - first.time > spec.timespanMs) {
          const m = this.evaluate(group);
          if (m !== null) fired.push(m);
          group.entries = [];
        }
      }
    } else {
      group = { values, entries: [] };
      if (this.groups.size >= this.limits.maxGroups) {
        const oldest = this.groups.keys().next().value;
        if (oldest !== undefined) this.groups.delete(oldest);
      }
    }
    this.groups.set(key, group);
    const field = spec.field === undefined ? undefined : this.fieldFor(spec.field, ruleIndex);
    group.entries.push({
      time: event.time,
      rule: ruleIndex,
      value: field === undefined ? undefined : event.fields[field],
      event,
    });
    if (group.entries.length > this.limits.maxEventsPerGroup) group.entries.shift();
    if (!this.falling) {
      // Slide: drop what fell out of the window ending at this event.
      const from = event.time - spec.timespanMs;
      let drop = 0;
      while (drop < group.entries.length && (group.entries[drop] as Entry).time < from) drop++;
      if (drop > 0) group.entries = group.entries.slice(drop);
      const m = this.evaluate(group);
      if (m !== null) {
        fired.push(m);
        group.entries = [];
      }
    }
    return fired;
  }

  /** End of input: windows still open are judged (only "too few" conditions wait for this). */
  flush(): CorrelationMatch[] {
    const out: CorrelationMatch[] = [];
    if (!this.falling) return out;
    for (const group of this.groups.values()) {
      const m = this.evaluate(group);
      if (m !== null) out.push(m);
    }
    this.groups.clear();
    return out;
  }

  private evaluate(group: Group): CorrelationMatch | null {
    const { spec } = this.rule;
    const entries = group.entries;
    if (entries.length === 0) return null;
    let value: number;
    let used = entries;
    switch (spec.type) {
      case 'event_count':
        value = entries.length;
        break;
      case 'value_count':
        value = new Set(entries.map((e) => JSON.stringify(e.value ?? null))).size;
        break;
      case 'value_sum':
      case 'value_avg':
      case 'value_percentile': {
        const nums = entries.map((e) => Number(e.value)).filter((n) => Number.isFinite(n));
        if (nums.length === 0) return null;
        const sum = nums.reduce((a, b) => a + b, 0);
        value =
          spec.type === 'value_sum'
            ? sum
            : spec.type === 'value_avg'
              ? sum / nums.length
              : percentileOf(nums, spec.percentile ?? 95);
        break;
      }
      case 'temporal': {
        const seen = new Set(entries.map((e) => e.rule));
        if (seen.size < spec.rules.length) return null;
        value = seen.size;
        break;
      }
      case 'temporal_ordered': {
        const chain = orderedChain(entries, spec.rules.length);
        if (chain === null) return null;
        used = chain;
        value = spec.rules.length;
        break;
      }
    }
    const temporal = spec.type === 'temporal' || spec.type === 'temporal_ordered';
    if (!temporal && !conditionHolds(spec.condition, value)) return null;
    if (
      temporal &&
      Object.keys(spec.condition).length > 0 &&
      !conditionHolds(spec.condition, value)
    )
      return null;
    return {
      rule: this.rule.info,
      type: spec.type,
      group: group.values,
      value,
      events: used.map((e) => e.event),
      firstTime: (used[0] as Entry).time,
      lastTime: (used[used.length - 1] as Entry).time,
    };
  }
}

/** Entries for rules 0, 1, …, n-1 in that time order (earliest possible), or null. */
function orderedChain(entries: readonly Entry[], n: number): Entry[] | null {
  const chain: Entry[] = [];
  for (const e of entries) {
    if (e.rule === chain.length) chain.push(e);
    if (chain.length === n) return chain;
  }
  return null;
}
