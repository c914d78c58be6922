/**
 * What of a log event goes into an alert: its origin, time and fields, each bounded (an alert is
 * one bus event and one webhook body, and logs are attacker-influenced); the host and user it is
 * about; and the observables (addresses, domains, URLs, hashes, accounts, programs) found in the
 * fields known to carry them, for sightings in the exchange.
 */
import { isIP } from 'node:net';
import type { FieldValue, LogEvent } from '../engine/event.js';
import { ALERT_LIMITS, type AlertEvent, type ObservableType } from './watch-alert.js';

const HOST_FIELDS = ['Computer', 'Hostname', 'hostname', 'host', 'ComputerName', 'host.name'];
const USER_FIELDS = [
  'User',
  'user',
  'TargetUserName',
  'SubjectUserName',
  'UserPrincipalName',
  'user.name',
];
const IP_FIELDS = [
  'src_ip',
  'c-ip',
  'SourceIp',
  'DestinationIp',
  'IpAddress',
  'ClientIP',
  'ClientIPAddress',
  'dst_ip',
  'SourceAddress',
  'DestAddress',
  'source.ip',
  'destination.ip',
];
const DOMAIN_FIELDS = ['QueryName', 'DestinationHostname', 'cs-host', 'r-dns', 'dns.question.name'];
const URL_FIELDS = ['url', 'cs-referer', 'url.full', 'c-uri'];
const PROCESS_FIELDS = ['Image', 'ParentImage', 'NewProcessName', 'process.executable'];
const HASH_FIELDS = ['Hashes', 'Hash', 'sha256', 'sha1', 'md5', 'Imphash'];

function firstString(fields: Readonly<Record<string, FieldValue>>, names: readonly string[]) {
  for (const n of names) {
    const v = fields[n];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === 'string' && s !== '' && s !== '-') return s.slice(0, 255);
  }
  return null;
}

export const hostOf = (e: LogEvent): string | null => firstString(e.fields, HOST_FIELDS);
export const userOf = (e: LogEvent): string | null => firstString(e.fields, USER_FIELDS);

function boundValue(v: FieldValue): unknown {
  if (typeof v === 'string')
    return v.length > ALERT_LIMITS.valueChars ? `${v.slice(0, ALERT_LIMITS.valueChars)}…` : v;
  if (Array.isArray(v)) return v.slice(0, ALERT_LIMITS.listItems).map((x) => boundValue(x));
  return v;
}

/**
 * The event as an alert shows it: the fields the rule looked at first, then the others, at most
 * {@link ALERT_LIMITS.fieldsPerEvent} of them, long values cut.
 */
export function alertEvent(e: LogEvent, matched: readonly string[]): AlertEvent {
  const fields: Record<string, unknown> = {};
  const keys = [...new Set([...matched, ...Object.keys(e.fields)])];
  for (const k of keys) {
    if (Object.keys(fields).length >= ALERT_LIMITS.fieldsPerEvent) break;
    const v = e.fields[k];
    if (v !== undefined) fields[k.slice(0, 128)] = boundValue(v);
  }
  return {
    origin: { source: e.origin.source.slice(0, 512), line: e.origin.line ?? null },
    time: e.time === undefined ? null : new Date(e.time).toISOString(),
    fields,
  };
}

const HEX = /^[0-9a-f]+$/i;
const HASH_LENGTHS = new Set([32, 40, 64, 128]);
const LABEL = /^[a-z0-9-]{1,63}$/i;
const TLD = /^[a-z]{2,63}$/i;

/** A host name with at least two labels and a letters-only top level (no regex over the whole). */
function isDomain(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length < 4 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && TLD.test(labels.at(-1) ?? '');
}

function* strings(v: FieldValue | undefined): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) if (typeof x === 'string') yield x;
}

/** `SHA256=AB…,MD5=CD…` (Sysmon) or a bare hex digest → the digests. */
function* hashes(text: string): Generator<string> {
  for (const part of text.split(/[,;\s]/)) {
    const value = part.includes('=') ? part.slice(part.indexOf('=') + 1) : part;
    if (HASH_LENGTHS.has(value.length) && HEX.test(value)) yield value.toLowerCase();
  }
}

/** Observables in the events' well-known fields, de-duplicated and bounded. */
export function observablesOf(
  events: readonly LogEvent[],
): { type: ObservableType; value: string }[] {
  const out = new Map<string, { type: ObservableType; value: string }>();
  const add = (type: ObservableType, value: string) => {
    if (out.size >= ALERT_LIMITS.observables || value.length > ALERT_LIMITS.observableChars) return;
    out.set(`${type}\u0000${value}`, { type, value });
  };
  for (const e of events) {
    const f = e.fields;
    for (const n of IP_FIELDS)
      for (const s of strings(f[n])) {
        const family = isIP(s);
        if (family === 4) add('ipv4-addr', s);
        else if (family === 6) add('ipv6-addr', s.toLowerCase());
      }
    for (const n of DOMAIN_FIELDS)
      for (const s of strings(f[n])) if (isDomain(s)) add('domain-name', s.toLowerCase());
    for (const n of URL_FIELDS)
      for (const s of strings(f[n])) if (/^https?:\/\//i.test(s) && URL.canParse(s)) add('url', s);
    for (const n of HASH_FIELDS)
      for (const s of strings(f[n])) for (const h of hashes(s)) add('file-hash', h);
    for (const n of PROCESS_FIELDS) for (const s of strings(f[n])) add('process', s);
    const user = userOf(e);
    if (user !== null) add('user-account', user);
  }
  return [...out.values()];
}
