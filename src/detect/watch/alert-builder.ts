/**
 * Turns what the detectors report (a Sigma rule match, a correlation, an anomaly finding) into the
 * first version of a {@link WatchAlert}: attribution from the rule (author, licence, references,
 * file), ATT&CK from its tags, bounded events, observables and plain-language advice.
 */
import type { AnomalyFinding } from '../engine/anomaly/index.js';
import type { LogEvent } from '../engine/event.js';
import type { CorrelationMatch, Level, RuleInfo, RuleMatch } from '../engine/sigma/index.js';
import { anomalyAdvice, sigmaAdvice } from './alert-advice.js';
import { alertEvent, hostOf, observablesOf, userOf } from './alert-events.js';
import { attackRefs, tacticsOf } from './attack-tags.js';
import { ALERT_LIMITS, type AlertRule, type WatchAlert } from './watch-alert.js';

export interface BuildContext {
  readonly org: string | null;
  readonly licenseOf: (ruleId: string, source: string) => string | null;
  /** Epoch ms, for events without a time of their own and for `createdAt`. */
  readonly now: number;
  readonly id: string;
}

/** A new alert plus what aggregation keeps to merge later events into it. */
export interface Built {
  readonly alert: WatchAlert;
  /** Same key within the window → one alert (rule or anomaly kind, and host or group). */
  readonly key: string;
  readonly time: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function ruleOf(r: RuleInfo, licenseOf: BuildContext['licenseOf']): AlertRule {
  return {
    id: r.id,
    title: r.title,
    author: r.author ?? null,
    license: licenseOf(r.id, r.source),
    references: r.references.slice(0, ALERT_LIMITS.listItems),
    ruleSource: r.source,
    description: r.description ?? null,
  };
}

function sigmaParts(rule: RuleInfo, ctx: BuildContext) {
  const attack = attackRefs(rule.attack);
  return {
    org: ctx.org,
    title: rule.title,
    level: rule.level,
    rule: ruleOf(rule, ctx.licenseOf),
    anomaly: null,
    attack,
    advice: sigmaAdvice({
      level: rule.level,
      tactics: tacticsOf(attack),
      title: rule.title,
      falsepositives: rule.falsepositives,
      description: rule.description,
    }),
    status: 'new' as const,
    createdAt: iso(ctx.now),
    id: ctx.id,
  };
}

/** The fields a rule looked at; keyword rules (which search every value) show the message. */
export function matchedFieldsOf(m: RuleMatch): string[] {
  const names = Object.keys(m.fields);
  if (names.length === 0 && m.event.fields.message !== undefined) return ['message'];
  return names.slice(0, ALERT_LIMITS.matchedFields);
}

export function fromRuleMatch(m: RuleMatch, ctx: BuildContext): Built {
  const time = m.event.time ?? ctx.now;
  const host = hostOf(m.event);
  const matchedFields = matchedFieldsOf(m);
  return {
    key: `sigma\u0000${m.rule.id}\u0000${host ?? ''}`,
    time,
    alert: {
      ...sigmaParts(m.rule, ctx),
      source: 'sigma',
      host,
      user: userOf(m.event),
      count: 1,
      firstSeen: iso(time),
      lastSeen: iso(time),
      events: [alertEvent(m.event, matchedFields)],
      matchedFields,
      observables: observablesOf([m.event]),
    },
  };
}

export function fromCorrelation(m: CorrelationMatch, ctx: BuildContext): Built {
  const events = m.events.slice(-ALERT_LIMITS.events);
  const first = m.events[0];
  const groupKey = JSON.stringify(m.group).slice(0, 1000);
  const matchedFields = Object.keys(m.group).slice(0, ALERT_LIMITS.matchedFields);
  const host = (first === undefined ? null : hostOf(first)) ?? null;
  return {
    key: `correlation\u0000${m.rule.id}\u0000${groupKey}`,
    time: m.lastTime,
    alert: {
      ...sigmaParts(m.rule, ctx),
      source: 'correlation',
      host,
      user: first === undefined ? null : userOf(first),
      count: m.events.length,
      firstSeen: iso(m.firstTime),
      lastSeen: iso(m.lastTime),
      events: events.map((e) => alertEvent(e, matchedFields)),
      matchedFields,
      observables: observablesOf(events),
    },
  };
}

const ANOMALY_TITLES: Readonly<Record<string, string>> = {
  rare_process: 'Unusual program start',
  new_signin_source: 'Sign-in from a new place',
  unusual_signin_hour: 'Sign-in at an unusual hour',
  volume_spike: 'Sudden rise in activity',
  impossible_travel: 'Impossible travel between sign-ins',
};

/** Scores become levels: only a near-certain surprise is `high`; travel faster than a plane is. */
export function anomalyLevel(f: AnomalyFinding): Level {
  if (f.kind === 'impossible_travel' || f.score >= 0.95) return 'high';
  return f.score >= 0.8 ? 'medium' : 'low';
}

export function fromAnomaly(f: AnomalyFinding, event: LogEvent, ctx: BuildContext): Built {
  const time = f.time;
  const entity = `${f.entity.type} ${f.entity.id}`.slice(0, 300);
  const matchedFields = Object.keys(event.fields).slice(0, 8);
  const host = f.entity.type === 'host' ? f.entity.id.slice(0, 255) : hostOf(event);
  const user = f.entity.type === 'user' ? f.entity.id.slice(0, 255) : userOf(event);
  return {
    key: `anomaly\u0000${f.kind}\u0000${entity}`,
    time,
    alert: {
      id: ctx.id,
      org: ctx.org,
      source: 'anomaly',
      title: `${ANOMALY_TITLES[f.kind] ?? f.kind} (${entity})`,
      level: anomalyLevel(f),
      rule: null,
      anomaly: { kind: f.kind, score: f.score, explanation: f.explanation.slice(0, 2000) },
      attack: [],
      host,
      user,
      count: 1,
      firstSeen: iso(time),
      lastSeen: iso(time),
      events: [alertEvent(event, matchedFields)],
      matchedFields,
      advice: anomalyAdvice(f.explanation, f.nextSteps),
      observables: observablesOf([event]),
      status: 'new',
      createdAt: iso(ctx.now),
    },
  };
}
