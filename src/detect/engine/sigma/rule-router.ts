/**
 * Routes each event to the few rules that could match it, so thousands of rules do not each look
 * at every event:
 * 1. logsource: rules whose product/category/service all appear, equal, in one of the event's
 *    logsources (an event with no logsource at all reaches every rule); the set is computed once
 *    per distinct logsource combination and cached;
 * 2. literals: each rule has (when its condition allows) one or two groups of field literals;
 *    in each group one literal must occur in that field's lower-cased value (field '' = in any
 *    field: keyword searches). One Aho–Corasick pass per field over the event finds them all;
 *    a rule is evaluated only when every one of its groups was found. Rules without such a
 *    requirement are always candidates in their logsource.
 * Keys with non-ASCII characters (emoji, look-alike letters) live in a second automaton per
 * field, run only on values that have a non-ASCII character, so they do not widen the main one.
 */
import type { LogEvent, LogSource } from '../event.js';
import { LiteralMatcher, MAX_KEY } from './aho-corasick.js';
import {
  ANY_FIELD,
  type EventView,
  type Predicate,
  type Requirement,
  type RuleInfo,
} from './sigma-types.js';

export interface RoutedRule {
  readonly info: RuleInfo;
  readonly predicate: Predicate;
  /** All hold when the rule matches (at most two are used); empty: none known. */
  readonly requirements: readonly Requirement[];
  readonly fields: readonly string[];
}

interface Bucket {
  readonly member: Uint8Array;
  readonly always: readonly number[];
  /** The field indexes that hold a key of some member rule: other fields are not scanned. */
  readonly fields: ReadonlyMap<string, FieldIndex>;
  /** The keyword-search index, if some member rule needs it. */
  readonly anyField: FieldIndex | undefined;
}

/** One automaton and, per key id, the rule groups that need that key. */
interface KeyIndex {
  /** Every rule with a key here. */
  readonly users: ReadonlySet<number>;
  readonly matcher: LiteralMatcher;
  /** Per key id: `rule * 2 + group` for each rule group the key belongs to. */
  readonly rules: readonly (readonly number[])[];
  /** Epoch at which each key was last handled in this event (a key found twice counts once). */
  readonly seen: Uint32Array;
}

interface FieldIndex {
  readonly ascii: KeyIndex | null;
  readonly wide: KeyIndex | null;
}

/** What routing saved, for the benchmark: rules evaluated against events fed. */
export interface RoutingStats {
  readonly events: number;
  readonly rulesEvaluated: number;
}

/** Most distinct logsource combinations remembered (events from odd inputs could vary a lot). */
const MAX_BUCKETS = 1024;
/** Logsource lists remembered by identity. */
const RECENT = 4;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
const NON_ASCII = /[^\x00-\x7f]/;

/** Every part the rule names must be stated, equal, by the event's logsource. */
export function logsourceFits(rule: LogSource, event: LogSource): boolean {
  return (
    (rule.product === undefined || rule.product === event.product) &&
    (rule.category === undefined || rule.category === event.category) &&
    (rule.service === undefined || rule.service === event.service)
  );
}

function keyIndex(keys: Map<string, number[]>): KeyIndex | null {
  if (keys.size === 0) return null;
  return {
    users: new Set([...keys.values()].flat().map((code) => code >> 1)),
    matcher: new LiteralMatcher([...keys.keys()]),
    rules: [...keys.values()],
    seen: new Uint32Array(keys.size),
  };
}

export class RuleRouter {
  private readonly fields = new Map<string, FieldIndex>();
  private readonly anyField: FieldIndex | undefined;
  private readonly indexed: Uint8Array;
  private readonly buckets = new Map<string, Bucket>();
  /**
   * The last few logsource lists seen and their buckets, by identity: inputs often reuse one
   * list for many events, which then skip building the key (a WeakMap would cost the garbage
   * collector more than it saves).
   */
  private readonly recentSources: (readonly LogSource[] | null)[] = [null, null, null, null];
  private readonly recentBuckets: (Bucket | null)[] = [null, null, null, null];
  private recentNext = 0;
  private readonly stamp: Uint32Array;
  /** Per rule: the groups found in this event (valid while stamp = epoch), and all its groups. */
  private readonly groupsFound: Uint8Array;
  private readonly groupsNeeded: Uint8Array;
  private epoch = 0;
  // Reused per event (feeding is synchronous): no arrays allocated per event or per field.
  private readonly found: number[] = [];
  private readonly candidates: number[] = [];
  private events = 0;
  private evaluated = 0;
  /** When false every rule of the event's logsource is evaluated (a reference for tests). */
  private readonly useLiterals: boolean;

  constructor(
    readonly rules: readonly RoutedRule[],
    options: { readonly literals?: boolean } = {},
  ) {
    this.useLiterals = options.literals ?? true;
    this.indexed = new Uint8Array(rules.length);
    this.stamp = new Uint32Array(rules.length);
    this.groupsFound = new Uint8Array(rules.length);
    this.groupsNeeded = new Uint8Array(rules.length);
    const byField = new Map<
      string,
      { ascii: Map<string, number[]>; wide: Map<string, number[]> }
    >();
    rules.forEach((rule, i) => {
      if (!this.useLiterals) return;
      const groups = rule.requirements
        .filter((req) => req.keys.length > 0 && req.keys.every((k) => k.literal !== ''))
        .slice(0, 2);
      groups.forEach((req, group) => {
        const code = i * 2 + group;
        for (const { field, literal } of req.keys) {
          let maps = byField.get(field);
          if (maps === undefined) {
            maps = { ascii: new Map(), wide: new Map() };
            byField.set(field, maps);
          }
          const key = literal.length > MAX_KEY ? literal.slice(-MAX_KEY) : literal;
          const keys = NON_ASCII.test(key) ? maps.wide : maps.ascii;
          let list = keys.get(key);
          if (list === undefined) {
            list = [];
            keys.set(key, list);
          }
          if (list[list.length - 1] !== code) list.push(code);
        }
      });
      if (groups.length === 0) return;
      this.groupsNeeded[i] = (1 << groups.length) - 1;
      this.indexed[i] = 1;
    });
    for (const [field, maps] of byField)
      this.fields.set(field, { ascii: keyIndex(maps.ascii), wide: keyIndex(maps.wide) });
    this.anyField = this.fields.get(ANY_FIELD);
    this.fields.delete(ANY_FIELD);
  }

  /** Automaton states over all fields (a memory figure for the bench). */
  get states(): number {
    let n = 0;
    const all = [...this.fields.values(), ...(this.anyField === undefined ? [] : [this.anyField])];
    for (const f of all) n += (f.ascii?.matcher.states ?? 0) + (f.wide?.matcher.states ?? 0);
    return n;
  }

  get stats(): RoutingStats {
    return { events: this.events, rulesEvaluated: this.evaluated };
  }

  private bucket(event: LogEvent): Bucket {
    const sources = event.logsources;
    for (let i = 0; i < RECENT; i++)
      if (this.recentSources[i] === sources) return this.recentBuckets[i] as Bucket;
    // An event that states no logsource at all (an unknown input) may match any rule.
    const unknown = sources.length === 0;
    let key = '';
    for (const s of sources) key += `${s.product ?? ''}/${s.category ?? ''}/${s.service ?? ''}|`;
    let b = this.buckets.get(key);
    if (b === undefined) {
      const member = new Uint8Array(this.rules.length);
      const always: number[] = [];
      this.rules.forEach((rule, i) => {
        if (!unknown && !sources.some((s) => logsourceFits(rule.info.logsource, s))) return;
        member[i] = 1;
        if (this.indexed[i] === 0) always.push(i);
      });
      const used = (f: FieldIndex) =>
        [f.ascii, f.wide].some((k) => k !== null && [...k.users].some((r) => member[r] === 1));
      const fields = new Map<string, FieldIndex>();
      for (const [name, index] of this.fields) if (used(index)) fields.set(name, index);
      const anyField =
        this.anyField !== undefined && used(this.anyField) ? this.anyField : undefined;
      b = { member, always, fields, anyField };
      if (this.buckets.size >= MAX_BUCKETS) this.buckets.clear();
      this.buckets.set(key, b);
    }
    this.recentSources[this.recentNext] = sources;
    this.recentBuckets[this.recentNext] = b;
    this.recentNext = (this.recentNext + 1) % RECENT;
    return b;
  }

  /**
   * Marks the rule groups of `index`'s keys found in `texts`; a rule becomes a candidate when
   * its last missing group is found.
   */
  private scan(index: KeyIndex, texts: readonly string[], member: Uint8Array, epoch: number) {
    const found = this.found;
    const { stamp, candidates, groupsFound, groupsNeeded } = this;
    for (const text of texts) {
      found.length = 0;
      index.matcher.scan(text, found);
      for (const id of found) {
        if (index.seen[id] === epoch) continue;
        index.seen[id] = epoch;
        for (const code of index.rules[id] as readonly number[]) {
          const r = code >> 1;
          if (member[r] !== 1) continue;
          if (stamp[r] !== epoch) {
            stamp[r] = epoch;
            groupsFound[r] = 0;
          }
          const before = groupsFound[r] as number;
          const after = before | (1 << (code & 1));
          if (after === before) continue;
          groupsFound[r] = after;
          if (after === groupsNeeded[r]) candidates.push(r);
        }
      }
    }
  }

  private scanField(
    index: FieldIndex,
    texts: readonly string[],
    member: Uint8Array,
    epoch: number,
  ): void {
    if (index.ascii !== null) this.scan(index.ascii, texts, member, epoch);
    if (index.wide !== null && texts.some((t) => NON_ASCII.test(t)))
      this.scan(index.wide, texts, member, epoch);
  }

  /** The rules that match `view`'s event, in rule order. */
  matching(view: EventView): number[] {
    const { member, always, fields, anyField } = this.bucket(view.event);
    let epoch = ++this.epoch;
    if (epoch === 0xffffffff) {
      this.stamp.fill(0);
      for (const f of [...this.fields.values(), this.anyField])
        for (const k of [f?.ascii, f?.wide]) k?.seen.fill(0);
      epoch = this.epoch = 1;
    }
    const candidates = this.candidates;
    candidates.length = 0;
    for (const field in view.event.fields) {
      const index = fields.get(field);
      if (index === undefined && anyField === undefined) continue;
      const texts = view.lower(field);
      if (index !== undefined) this.scanField(index, texts, member, epoch);
      if (anyField !== undefined) this.scanField(anyField, texts, member, epoch);
    }
    const out: number[] = [];
    const rules = this.rules;
    for (const r of always) if ((rules[r] as RoutedRule).predicate(view)) out.push(r);
    for (const r of candidates) if ((rules[r] as RoutedRule).predicate(view)) out.push(r);
    this.events += 1;
    this.evaluated += always.length + candidates.length;
    return out.length > 1 ? out.sort((a, b) => a - b) : out;
  }
}
