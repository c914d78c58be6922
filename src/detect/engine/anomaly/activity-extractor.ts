/**
 * Feature extraction: from one flattened LogEvent to the activities the baselines learn from.
 *
 * - process start: Sysmon EventID 1, Security 4688, or any event in the process_creation category;
 * - sign-in: Security 4624 (success) / 4625 (failure), sshd "Accepted …" / "Failed …" lines, and
 *   cloud sign-in records that carry coordinates;
 * - volume: every timed event counts once for its computer (or log source) and once for the
 *   client address it names, if any.
 *
 * Every string taken from an event is bounded, so hostile logs cannot grow memory through keys.
 */

import { networkOf as addressNetwork } from '../../../platform/engine-kit/indicators/network.js';
import type { FieldValue, LogEvent } from '../event.js';

const MAX_ID = 256;

export interface ProcessStart {
  readonly host: string;
  readonly user: string | null;
  /** Lower-case file names: baselines pair names, not full paths (versions change paths). */
  readonly parent: string;
  readonly child: string;
  readonly parentPath: string;
  readonly childPath: string;
  readonly commandLine: string | null;
}

export interface SignIn {
  readonly user: string;
  /** The address as logged, or `local` for console and loopback sign-ins. */
  readonly address: string;
  /** The network the baseline keys on: /24 for IPv4, /48 for IPv6 (DHCP moves addresses). */
  readonly network: string;
  readonly success: boolean;
  readonly host: string | null;
  readonly geo: { readonly lat: number; readonly lon: number } | null;
}

export interface VolumeKey {
  /** host: all events of a computer; client: web requests; signin: sign-in attempts. */
  readonly kind: 'host' | 'client' | 'signin';
  readonly id: string;
}

export interface Activities {
  readonly process: ProcessStart | null;
  readonly signIn: SignIn | null;
  readonly volume: readonly VolumeKey[];
}

function text(v: FieldValue | undefined): string | null {
  if (v === undefined || v === null) return null;
  const s = Array.isArray(v) ? v[0] : v;
  if (s === undefined || s === null || typeof s === 'boolean') return null;
  const t = String(s).trim();
  return t === '' ? null : t.slice(0, MAX_ID);
}

function num(v: FieldValue | undefined): number | null {
  const s = Array.isArray(v) ? v[0] : v;
  const n = typeof s === 'number' ? s : typeof s === 'string' ? Number(s) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

function first(f: LogEvent['fields'], names: readonly string[]): string | null {
  for (const n of names) {
    const t = text(f[n]);
    if (t !== null) return t;
  }
  return null;
}

/** The last path segment, lower-case: `C:\Windows\System32\cmd.exe` → `cmd.exe`. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  return path.slice(i + 1).toLowerCase();
}

/** The network a source address belongs to, or the address itself if it is not an IP. */
export function networkOf(address: string): string {
  if (address === 'local') return 'local';
  return addressNetwork(address) ?? address.toLowerCase();
}

const LOCAL_ADDRESSES = new Set(['-', '127.0.0.1', '::1', '0.0.0.0', 'localhost']);

function eventId(f: LogEvent['fields']): number | null {
  return num(f.EventID);
}

function hostOf(e: LogEvent): string | null {
  const h = first(e.fields, ['Computer', 'Hostname', 'host', 'hostname', 'ComputerName']);
  return h === null ? null : h.toLowerCase();
}

function processStart(e: LogEvent): ProcessStart | null {
  const f = e.fields;
  const id = eventId(f);
  const isCreation = e.logsources.some((l) => l.category === 'process_creation');
  if (!isCreation && id !== 1 && id !== 4688) return null;
  if (id === 1 && !isCreation && !e.logsources.some((l) => l.service === 'sysmon')) return null;
  const childPath = first(f, ['Image', 'NewProcessName']);
  const parentPath = first(f, ['ParentImage', 'ParentProcessName']);
  if (childPath === null || parentPath === null) return null;
  return {
    host: hostOf(e) ?? e.origin.source.slice(0, MAX_ID),
    user: first(f, ['User', 'SubjectUserName']),
    parent: baseName(parentPath),
    child: baseName(childPath),
    parentPath,
    childPath,
    commandLine: first(f, ['CommandLine']),
  };
}

/** Coordinates under the names cloud sign-in logs use after flattening, if both are valid. */
const GEO_FIELDS: readonly (readonly [string, string])[] = [
  ['SourceLatitude', 'SourceLongitude'],
  ['Latitude', 'Longitude'],
  ['latitude', 'longitude'],
  ['src_lat', 'src_lon'],
  ['LocationDetails.geoCoordinates.latitude', 'LocationDetails.geoCoordinates.longitude'],
  ['client.geographicalContext.geolocation.lat', 'client.geographicalContext.geolocation.lon'],
];

function geoOf(f: LogEvent['fields']): SignIn['geo'] {
  for (const [la, lo] of GEO_FIELDS) {
    const lat = num(f[la]);
    const lon = num(f[lo]);
    if (lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180)
      return { lat, lon };
  }
  return null;
}

// Linear-time: each group is a run of one character class followed by a fixed word.
const SSHD = /^(Accepted|Failed) \S+ for (?:invalid user )?(\S+) from (\S+) port \d+/;

function signIn(e: LogEvent): SignIn | null {
  const f = e.fields;
  const id = eventId(f);
  let user: string | null = null;
  let address: string | null = null;
  let success: boolean | null = null;
  if (id === 4624 || id === 4625) {
    const logonType = num(f.LogonType);
    // Service and batch logons (5, 4) are the machine talking to itself: not people signing in.
    if (logonType === 4 || logonType === 5) return null;
    user = first(f, ['TargetUserName']);
    address = first(f, ['IpAddress', 'SourceNetworkAddress']);
    success = id === 4624;
  } else if (e.logsources.some((l) => l.service === 'sshd' || l.service === 'auth')) {
    const m = SSHD.exec((first(f, ['message', 'Message', 'msg']) ?? '').slice(0, 2000));
    if (m !== null) {
      success = m[1] === 'Accepted';
      user = m[2] ?? null;
      address = m[3] ?? null;
    } else {
      const outcome = first(f, ['outcome', 'Outcome']);
      user = first(f, ['User', 'user', 'TargetUserName']);
      address = first(f, ['IpAddress', 'src_ip', 'SourceIp']);
      success = outcome === null ? null : /^(success|accepted)$/i.test(outcome);
    }
  } else if (
    e.logsources.some((l) => l.category === 'authentication' || l.service === 'signinlogs')
  ) {
    user = first(f, ['UserPrincipalName', 'TargetUserName', 'User', 'user']);
    address = first(f, ['IpAddress', 'IPAddress', 'src_ip', 'SourceIp']);
    const status = first(f, ['ResultType', 'outcome', 'Outcome']);
    success = status === null ? null : /^(0|success|accepted)$/i.test(status);
  }
  if (user === null || success === null) return null;
  // Machine accounts (ending in $) and anonymous logons are not people.
  if (user.endsWith('$') || /^(-|anonymous logon)$/i.test(user)) return null;
  const addr = address === null || LOCAL_ADDRESSES.has(address) ? 'local' : address;
  return {
    user: user.toLowerCase(),
    address: addr,
    network: networkOf(addr),
    success,
    host: hostOf(e),
    geo: geoOf(f),
  };
}

function volumeKeys(e: LogEvent, s: SignIn | null): VolumeKey[] {
  const keys: VolumeKey[] = [{ kind: 'host', id: hostOf(e) ?? e.origin.source.slice(0, MAX_ID) }];
  if (s !== null) {
    if (s.address !== 'local') keys.push({ kind: 'signin', id: s.address.toLowerCase() });
    return keys;
  }
  const client = first(e.fields, ['c-ip', 'ClientIP', 'src_ip']);
  if (client !== null && !LOCAL_ADDRESSES.has(client))
    keys.push({ kind: 'client', id: client.toLowerCase() });
  return keys;
}

/** The activities in one event; events without a time feed nothing (baselines are time-based). */
export function extractActivities(e: LogEvent): Activities {
  if (e.time === undefined || !Number.isFinite(e.time))
    return { process: null, signIn: null, volume: [] };
  const s = signIn(e);
  return { process: processStart(e), signIn: s, volume: volumeKeys(e, s) };
}
