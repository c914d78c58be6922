/**
 * The alert `detect watch` emits, as the API, the bus (`detect.alert.created` / `.updated`), the
 * webhooks and the console page see it. This shape is a contract shared with the web console and
 * the exchange's sightings consumer: fields may be added, never renamed or removed.
 */
import type { Level } from '../engine/sigma/index.js';

export const ALERT_STATUSES = ['new', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const OBSERVABLE_TYPES = [
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'file-hash',
  'user-account',
  'process',
] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];

/** Bus subjects; the payload is a {@link WatchAlert}. */
export const ALERT_CREATED = 'detect.alert.created';
export const ALERT_UPDATED = 'detect.alert.updated';
/** The pattern that matches both, for live streams. */
export const ALERT_SUBJECTS = 'detect.alert.*';

/** Bounds that keep one alert small (an alert is also one bus event and one webhook body). */
export const ALERT_LIMITS = {
  events: 10,
  fieldsPerEvent: 40,
  valueChars: 1024,
  listItems: 20,
  observables: 25,
  observableChars: 512,
  matchedFields: 40,
} as const;

export interface AlertRule {
  readonly id: string;
  readonly title: string;
  readonly author: string | null;
  /** `DRL-1.1` for SigmaHQ rules: the Detection Rule License requires this attribution. */
  readonly license: string | null;
  readonly references: readonly string[];
  /** The rule file (or other origin) the rule came from. */
  readonly ruleSource: string;
  readonly description: string | null;
}

export interface AlertEvent {
  readonly origin: { readonly source: string; readonly line: number | null };
  readonly time: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface WatchAlert {
  readonly id: string;
  /** Owning organization id; null = server-wide (operator staff only). */
  readonly org: string | null;
  readonly source: 'sigma' | 'correlation' | 'anomaly';
  readonly title: string;
  readonly level: Level;
  readonly rule: AlertRule | null;
  readonly anomaly: {
    readonly kind: string;
    readonly score: number;
    readonly explanation: string;
  } | null;
  readonly attack: readonly { readonly id: string; readonly tactic: string | null }[];
  readonly host: string | null;
  readonly user: string | null;
  readonly count: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly events: readonly AlertEvent[];
  readonly matchedFields: readonly string[];
  readonly advice: { readonly summary: string; readonly steps: readonly string[] };
  readonly observables: readonly { readonly type: ObservableType; readonly value: string }[];
  readonly status: AlertStatus;
  readonly createdAt: string;
}
