/**
 * Groups rule matches into alerts for a batch scan: one alert per rule with the number of
 * matching events and the first few of them (bounded memory however many events match), the
 * rule's attribution (author, references, file: the Detection Rule License asks for it) and its
 * ATT&CK tags. Correlation matches become alerts of their own.
 */
import type { FieldValue, LogEvent } from '../event.js';
import type { CorrelationMatch, Level, RuleInfo, RuleMatch } from './sigma-types.js';

export interface AlertEvent {
  readonly source: string;
  readonly line?: number;
  readonly time?: string;
  /** The fields the rule looks at, as found in the event. */
  readonly fields: Readonly<Record<string, FieldValue>>;
}

export interface Alert {
  readonly type: 'alert' | 'correlation';
  readonly rule_id: string;
  readonly rule_title: string;
  readonly level: Level;
  readonly status?: string;
  readonly description?: string;
  readonly author?: string;
  readonly references: readonly string[];
  readonly rule_source: string;
  readonly tags: readonly string[];
  readonly attack: readonly string[];
  readonly falsepositives: readonly string[];
  /** Matching events (a correlation: events in the group's window). */
  readonly count: number;
  readonly events: readonly AlertEvent[];
  readonly first_seen?: string;
  readonly last_seen?: string;
  readonly correlation?: {
    readonly type: string;
    readonly group: Readonly<Record<string, FieldValue>>;
    readonly value: number;
  };
}

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());

function eventOf(event: LogEvent, fields: Readonly<Record<string, FieldValue>>): AlertEvent {
  const time = iso(event.time);
  return {
    source: event.origin.source,
    ...(event.origin.line === undefined ? {} : { line: event.origin.line }),
    ...(time === undefined ? {} : { time }),
    fields,
  };
}

function ruleFields(rule: RuleInfo) {
  return {
    rule_id: rule.id,
    rule_title: rule.title,
    level: rule.level,
    ...(rule.status === undefined ? {} : { status: rule.status }),
    ...(rule.description === undefined ? {} : { description: rule.description }),
    ...(rule.author === undefined ? {} : { author: rule.author }),
    references: rule.references,
    rule_source: rule.source,
    tags: rule.tags,
    attack: rule.attack,
    falsepositives: rule.falsepositives,
  };
}

interface Pending {
  readonly rule: RuleInfo;
  count: number;
  readonly events: AlertEvent[];
  first?: number;
  last?: number;
}

export class AlertAggregator {
  private readonly byRule = new Map<string, Pending>();
  private readonly correlations: Alert[] = [];

  /** `maxEvents`: events kept per alert (all are counted). */
  constructor(private readonly maxEvents = 10) {}

  add(match: RuleMatch): void {
    let p = this.byRule.get(match.rule.id);
    if (p === undefined) {
      p = { rule: match.rule, count: 0, events: [] };
      this.byRule.set(match.rule.id, p);
    }
    p.count += 1;
    if (p.events.length < this.maxEvents) p.events.push(eventOf(match.event, match.fields));
    const t = match.event.time;
    if (t !== undefined) {
      if (p.first === undefined || t < p.first) p.first = t;
      if (p.last === undefined || t > p.last) p.last = t;
    }
  }

  addCorrelation(m: CorrelationMatch): void {
    const first = iso(m.firstTime);
    const last = iso(m.lastTime);
    this.correlations.push({
      type: 'correlation',
      ...ruleFields(m.rule),
      count: m.events.length,
      events: m.events.slice(0, this.maxEvents).map((e) => eventOf(e, e.fields)),
      ...(first === undefined ? {} : { first_seen: first }),
      ...(last === undefined ? {} : { last_seen: last }),
      correlation: { type: m.type, group: m.group, value: m.value },
    });
  }

  /** Alerts, most severe first, then by count. */
  alerts(): Alert[] {
    const rank = (l: Level) => ['informational', 'low', 'medium', 'high', 'critical'].indexOf(l);
    const plain: Alert[] = [...this.byRule.values()].map((p) => {
      const first = iso(p.first);
      const last = iso(p.last);
      return {
        type: 'alert',
        ...ruleFields(p.rule),
        count: p.count,
        events: p.events,
        ...(first === undefined ? {} : { first_seen: first }),
        ...(last === undefined ? {} : { last_seen: last }),
      };
    });
    return [...plain, ...this.correlations].sort(
      (a, b) =>
        rank(b.level) - rank(a.level) || b.count - a.count || a.rule_id.localeCompare(b.rule_id),
    );
  }
}
