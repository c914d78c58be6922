/**
 * What the alerts page reads and changes on the server (`/api/detect/alerts`), each answer
 * checked for shape before the page uses it. The server decides which alerts the signed-in
 * person may see; these calls only show them. Changes carry the session's CSRF token
 * (access-client), so the page must have loaded the account first (useAccountState).
 */

import {
  ALERT_STATUSES,
  type AlertEvent,
  type AlertRule,
  type AlertStatus,
  type WatchAlert,
} from '../../../src/detect/watch/watch-alert.js';
import { apiGet, apiSend } from '../access/access-client.js';
import { isRecord } from '../api.js';

export const DETECT = '/detect';
export const ALERTS_API = '/api/detect/alerts';
export const STREAM = `${ALERTS_API}/stream`;

export const LEVELS = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Level = (typeof LEVELS)[number];
export const STATUSES = ALERT_STATUSES;
export type Status = AlertStatus;
export type { AlertEvent, AlertRule };

/**
 * An alert as the API sends it: the server's own type (src/detect/watch/watch-alert.ts), except
 * that an observable's type is any string, so a newer server's kinds still show.
 */
export type Alert = Omit<WatchAlert, 'observables'> & {
  readonly observables: readonly { readonly type: string; readonly value: string }[];
};

export interface AlertFilters {
  readonly status?: Status;
  readonly level?: Level;
}

export interface AlertPage {
  readonly alerts: readonly Alert[];
  readonly next: string | null;
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const isLevel = oneOf(LEVELS);
const isStatus = oneOf(STATUSES);
const isSource = oneOf(['sigma', 'correlation', 'anomaly'] as const);

function parseRule(v: unknown): AlertRule | null | undefined {
  if (v === null) return null;
  if (!isRecord(v)) return undefined;
  const { id, title, author, license, references, ruleSource, description } = v;
  if (!str(id) || !str(title) || !strOrNull(author) || !strOrNull(license)) return undefined;
  if (!strings(references) || !str(ruleSource) || !strOrNull(description)) return undefined;
  return { id, title, author, license, references, ruleSource, description };
}

function parseEvent(v: unknown): AlertEvent | undefined {
  if (!isRecord(v) || !isRecord(v.origin) || !isRecord(v.fields) || !strOrNull(v.time))
    return undefined;
  const { source, line } = v.origin;
  if (!str(source) || !(line === null || typeof line === 'number')) return undefined;
  return { origin: { source, line }, time: v.time, fields: v.fields };
}

/** An alert as the page needs it, or null when the server sent something else. */
export function parseAlert(v: unknown): Alert | null {
  if (!isRecord(v)) return null;
  const { id, org, source, title, level, host, user, count, firstSeen, lastSeen, status } = v;
  if (!str(id) || !strOrNull(org) || !isSource(source) || !str(title) || !isLevel(level))
    return null;
  if (!strOrNull(host) || !strOrNull(user) || typeof count !== 'number') return null;
  if (!str(firstSeen) || !str(lastSeen) || !isStatus(status) || !str(v.createdAt)) return null;
  const rule = parseRule(v.rule);
  if (rule === undefined) return null;
  const a = v.anomaly;
  const anomaly =
    isRecord(a) && str(a.kind) && typeof a.score === 'number' && str(a.explanation)
      ? { kind: a.kind, score: a.score, explanation: a.explanation }
      : null;
  if (!Array.isArray(v.attack) || !Array.isArray(v.events) || !Array.isArray(v.observables))
    return null;
  const attack = v.attack.filter(
    (t): t is { id: string; tactic: string | null } =>
      isRecord(t) && str(t.id) && strOrNull(t.tactic),
  );
  const events = v.events.map(parseEvent);
  if (events.some((e) => e === undefined)) return null;
  const observables = v.observables.filter(
    (o): o is { type: string; value: string } => isRecord(o) && str(o.type) && str(o.value),
  );
  const advice = v.advice;
  if (!isRecord(advice) || !str(advice.summary) || !strings(advice.steps)) return null;
  if (!strings(v.matchedFields)) return null;
  return {
    id,
    org,
    source,
    title,
    level,
    rule,
    anomaly,
    attack,
    host,
    user,
    count,
    firstSeen,
    lastSeen,
    events: events as AlertEvent[],
    matchedFields: v.matchedFields,
    advice: { summary: advice.summary, steps: advice.steps },
    observables,
    status,
    createdAt: v.createdAt,
  };
}

function parsePage(v: unknown): AlertPage | null {
  if (!isRecord(v) || !Array.isArray(v.alerts) || !strOrNull(v.next)) return null;
  const alerts: Alert[] = [];
  for (const item of v.alerts) {
    const alert = parseAlert(item);
    if (alert === null) return null;
    alerts.push(alert);
  }
  return { alerts, next: v.next };
}

/** Alerts newest first, a page at a time (`before`: the previous page's `next`). */
export function fetchAlerts(
  filters: AlertFilters,
  before: string | null,
  signal?: AbortSignal,
): Promise<AlertPage> {
  const q = new URLSearchParams({ limit: '25' });
  if (filters.status !== undefined) q.set('status', filters.status);
  if (filters.level !== undefined) q.set('level', filters.level);
  if (before !== null) q.set('before', before);
  return apiGet(`${ALERTS_API}?${q}`, parsePage, signal);
}

export function fetchAlert(id: string, signal?: AbortSignal): Promise<Alert> {
  return apiGet(`${ALERTS_API}/${encodeURIComponent(id)}`, parseAlert, signal);
}

/** Acknowledge, resolve or reopen; the server audits it and tells every open page. */
export function setAlertStatus(id: string, status: Status): Promise<Alert> {
  return apiSend(`${ALERTS_API}/${encodeURIComponent(id)}/status`, { status }, parseAlert);
}

/** Whether an alert belongs in a list shown with these filters. */
export function matchesFilters(alert: Alert, filters: AlertFilters): boolean {
  return (
    (filters.status === undefined || alert.status === filters.status) &&
    (filters.level === undefined || alert.level === filters.level)
  );
}

/** The page of one alert. */
export const alertPath = (id: string) => `${DETECT}/alerts/${encodeURIComponent(id)}`;

/** An ATT&CK technique's page (T1059.001 → /techniques/T1059/001/), or null for anything else. */
export function attackUrl(id: string): string | null {
  const m = /^(T[0-9]{4})(?:\.([0-9]{3}))?$/.exec(id.toUpperCase());
  if (m === null) return null;
  return `https://attack.mitre.org/techniques/${m[1]}/${m[2] === undefined ? '' : `${m[2]}/`}`;
}

/** Only web links are shown as links (a rule's references are written by others). */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url) && url.length <= 2000;
}
