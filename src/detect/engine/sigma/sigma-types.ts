/**
 * The shapes the Sigma engine reads and produces. A rule file holds one or more YAML documents;
 * each is a detection rule, a correlation rule (Sigma v2) or a filter. Rules compile once into
 * closures (see sigma-compiler.ts) and produce `RuleMatch`es; the scanner groups them into alerts.
 */
import type { FieldValue, LogEvent, LogSource } from '../event.js';

export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export type Level = (typeof LEVELS)[number];

/** What a person needs to judge an alert and to credit the rule's author (DRL 1.1). */
export interface RuleInfo {
  readonly id: string;
  /** The optional `name` field other rules (correlations, filters) may refer to. */
  readonly name?: string;
  readonly title: string;
  readonly level: Level;
  readonly status?: string;
  readonly description?: string;
  readonly author?: string;
  readonly references: readonly string[];
  readonly tags: readonly string[];
  /** ATT&CK technique and tactic ids from the tags (`attack.t1059.001` → `T1059.001`). */
  readonly attack: readonly string[];
  readonly falsepositives: readonly string[];
  readonly logsource: LogSource;
  /** The file the rule came from, for attribution and for "which rule was that?". */
  readonly source: string;
}

/** The per-event view rules read: field values, lower-cased once per field per event. */
export interface EventView {
  readonly event: LogEvent;
  get(field: string): FieldValue | undefined;
  /** The value(s) as strings, lower-cased; empty for absent/null fields. */
  lower(field: string): readonly string[];
  /** The value(s) as strings, case kept. */
  strings(field: string): readonly string[];
  /** Every field's string values, lower-cased (for keyword searches). */
  allLower(): readonly string[];
}

export type Predicate = (view: EventView) => boolean;

/** The requirement field of keyword searches: the literal may occur in any field. */
export const ANY_FIELD = '';

/**
 * A candidate filter for the router: if the rule matches, then for at least one key the
 * lower-cased value of `field` (of any field, for ANY_FIELD) contains `literal` (lower case).
 */
export interface Requirement {
  readonly keys: readonly { readonly field: string; readonly literal: string }[];
}

/** A problem with a rule file, said so that its author can fix it. */
export interface RuleProblem {
  readonly source: string;
  /** Title or id of the document, when it got that far. */
  readonly rule?: string;
  readonly message: string;
  /** 'error': the rule is not loaded; 'skipped': valid but needs something we do not have. */
  readonly severity: 'error' | 'skipped';
}

/** One event matched by one rule. */
export interface RuleMatch {
  readonly rule: RuleInfo;
  readonly event: LogEvent;
  /** The fields the rule looks at that the event has, with their values. */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

/** A correlation rule that fired: the group, the count or value it saw, the events behind it. */
export interface CorrelationMatch {
  readonly rule: RuleInfo;
  readonly type: CorrelationType;
  readonly group: Readonly<Record<string, FieldValue>>;
  /** Events counted, distinct values, or the aggregate (sum, average, percentile). */
  readonly value: number;
  readonly events: readonly LogEvent[];
  readonly firstTime: number;
  readonly lastTime: number;
}

export const CORRELATION_TYPES = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/** A YAML document as loaded: plain data, not trusted. */
export type RuleDocument = unknown;

/** A document with where it came from. */
export interface SourcedDocument {
  readonly source: string;
  readonly document: RuleDocument;
}
