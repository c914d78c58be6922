/**
 * Routes each event to the few rules that could match it, so thousands of rules do not each look
 * at every event:
 * 1. logsource: rules whose product/category/service all appear, equal, in one of the event's
 *    logsources (an event with no logsource at all reaches every rule); the set is computed once
 *    per distinct logsource combination and cached;
 * 2. literals: each rule has (when its condition allows) field literals one of which must
 *    occur in that field's lower-cased value; one Aho–Corasick pass per field over the event
 *    finds them all. Rules without such a requirement are always candidates in their logsource.
 */
import type { LogEvent, LogSource } from '../event.js';
import { LiteralMatcher, MAX_KEY } from './aho-corasick.js';
import type { EventView, Predicate, Requirement, RuleInfo } from './sigma-types.js';

export interface RoutedRule {
  readonly info: RuleInfo;
  readonly predicate: Predicate;
  readonly requirement: Requirement | null;
  readonly fields: readonly string[];
}

interface Bucket {
  readonly member: Uint8Array;
  readonly always: readonly number[];
}

interface FieldIndex {
  readonly matcher: LiteralMatcher;
  /** Rule indices per key id. */
  readonly rules: readonly (readonly number[])[];
}

/** Most distinct logsource combinations remembered (events from odd inputs could vary a lot). */
const MAX_BUCKETS = 1024;

/** Every part the rule names must be stated, equal, by the event's logsource. */
export function logsourceFits(rule: LogSource, event: LogSource): boolean {
  return (
    (rule.product === undefined || rule.product === event.product) &&
    (rule.category === undefined || rule.category === event.category) &&
    (rule.service === undefined || rule.service === event.service)
  );
}

export class RuleRouter {
  private readonly fields = new Map<string, FieldIndex>();
  private readonly indexed: Uint8Array;
  private readonly buckets = new Map<string, Bucket>();
  private readonly stamp: Uint32Array;
  private epoch = 0;

  constructor(readonly rules: readonly RoutedRule[]) {
    this.indexed = new Uint8Array(rules.length);
    this.stamp = new Uint32Array(rules.length);
    const byField = new Map<string, Map<string, number[]>>();
    rules.forEach((rule, i) => {
      const req = rule.requirement;
      if (req === null || req.keys.some((k) => k.literal === '')) return;
      for (const { field, literal } of req.keys) {
        let keys = byField.get(field);
        if (keys === undefined) {
          keys = new Map();
          byField.set(field, keys);
        }
        const key = literal.length > MAX_KEY ? literal.slice(-MAX_KEY) : literal;
        let list = keys.get(key);
        if (list === undefined) {
          list = [];
          keys.set(key, list);
        }
        if (list[list.length - 1] !== i) list.push(i);
      }
      this.indexed[i] = 1;
    });
    for (const [field, keys] of byField) {
      this.fields.set(field, {
        matcher: new LiteralMatcher([...keys.keys()]),
        rules: [...keys.values()],
      });
    }
  }

  /** Automaton states over all fields (a memory figure for the bench). */
  get states(): number {
    let n = 0;
    for (const f of this.fields.values()) n += f.matcher.states;
    return n;
  }

  private bucket(event: LogEvent): Bucket {
    // An event that states no logsource at all (an unknown input) may match any rule.
    const unknown = event.logsources.length === 0;
    const sources = event.logsources;
    const key = sources
      .map((s) => `${s.product ?? ''}/${s.category ?? ''}/${s.service ?? ''}`)
      .join('|');
    let b = this.buckets.get(key);
    if (b !== undefined) return b;
    const member = new Uint8Array(this.rules.length);
    const always: number[] = [];
    this.rules.forEach((rule, i) => {
      if (!unknown && !sources.some((s) => logsourceFits(rule.info.logsource, s))) return;
      member[i] = 1;
      if (this.indexed[i] === 0) always.push(i);
    });
    b = { member, always };
    if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
    this.buckets.set(key, b);
    return b;
  }

  /** The rules that match `view`'s event, in rule order. */
  matching(view: EventView): number[] {
    const bucket = this.bucket(view.event);
    const { member, always } = bucket;
    const stamp = this.stamp;
    const epoch = ++this.epoch;
    if (epoch === 0xffffffff) {
      stamp.fill(0);
      this.epoch = 1;
    }
    const candidates: number[] = [];
    for (const field in view.event.fields) {
      const index = this.fields.get(field);
      if (index === undefined) continue;
      const hit = (id: number) => {
        for (const r of index.rules[id] as readonly number[]) {
          if (member[r] === 1 && stamp[r] !== this.epoch) {
            stamp[r] = this.epoch;
            candidates.push(r);
          }
        }
      };
      for (const text of view.lower(field)) index.matcher.scan(text, hit);
    }
    const out: number[] = [];
    for (const r of always) if ((this.rules[r] as RoutedRule).predicate(view)) out.push(r);
    for (const r of candidates) if ((this.rules[r] as RoutedRule).predicate(view)) out.push(r);
    return out.sort((a, b) => a - b);
  }
}
