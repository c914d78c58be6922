/**
 * Insider-threat signals, computed online per account (a person, or one API key) from
 * each artifact download: a small baseline per account, updated in O(1) per access, and
 * the signals an access raises against it. Pure: the caller passes the clock and the
 * state, and stores the state it gets back.
 *
 * - volume: today's downloaded bytes far above the account's own daily average over the
 *   last two weeks (or, for an account younger than a week, above an absolute ceiling);
 * - hour: a download at an hour of the day (UTC) the account has essentially never used;
 * - network: the first download from a network (IPv4 /24, IPv6 /48) the account never used;
 * - bulk_restricted: many distinct restricted artifacts read within one hour.
 */

export const SIGNAL_KINDS = ['volume', 'hour', 'network', 'bulk_restricted'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];

export interface InsiderPolicy {
  /** Today's bytes must exceed this multiple of the daily average… */
  readonly volumeFactor: number;
  /** …and at least this many bytes. */
  readonly volumeMinBytes: number;
  /** Days of history an account needs before its own average is trusted. */
  readonly baselineDays: number;
  /** For younger accounts: bytes in one day that are a signal on their own. */
  readonly newAccountMaxBytes: number;
  /** Downloads an account needs before an hour of the day can look unusual. */
  readonly hourMinHistory: number;
  /** An hour (± 1) holding less than this share of past downloads is unusual. */
  readonly hourRareShare: number;
  /** Distinct restricted artifacts within `bulkWindowMs` that make a bulk read. */
  readonly bulkRestrictedCount: number;
  readonly bulkWindowMs: number;
}

export const DEFAULT_INSIDER_POLICY: InsiderPolicy = {
  volumeFactor: 5,
  volumeMinBytes: 1024 ** 3,
  baselineDays: 7,
  newAccountMaxBytes: 20 * 1024 ** 3,
  hourMinHistory: 30,
  hourRareShare: 0.02,
  bulkRestrictedCount: 5,
  bulkWindowMs: 3_600_000,
};

export interface InsiderState {
  readonly firstSeen: number;
  readonly accesses: number;
  /** Downloads per UTC hour of the day (halved when the total passes 2,000). */
  readonly hours: readonly number[];
  /** Bytes and reads per UTC day, the last `HISTORY_DAYS` days with activity. */
  readonly days: readonly {
    readonly day: number;
    readonly bytes: number;
    readonly reads: number;
  }[];
  /** Networks seen, most recent last (at most `MAX_NETWORKS`). */
  readonly networks: readonly { readonly prefix: string; readonly lastSeen: number }[];
  /** Restricted reads inside the bulk window. */
  readonly restricted: readonly { readonly at: number; readonly artifact: string }[];
}

export interface AccessEvent {
  readonly at: number;
  readonly bytes: number;
  /** The caller's network prefix (see `networkOf`), or null when unknown. */
  readonly network: string | null;
  readonly artifactId: string;
  readonly restricted: boolean;
}

export interface Signal {
  readonly kind: SignalKind;
  /** One plain sentence for an operator. */
  readonly explanation: string;
  readonly evidence: Readonly<Record<string, number | string | readonly string[]>>;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const HISTORY_DAYS = 15;
const MAX_NETWORKS = 64;
const MAX_RESTRICTED = 200;
const HOURS_DECAY_AT = 2000;

export function emptyState(at: number): InsiderState {
  return {
    firstSeen: at,
    accesses: 0,
    hours: new Array<number>(24).fill(0),
    days: [],
    networks: [],
    restricted: [],
  };
}

/**
 * Add one download to an account's state and say which signals it raises.
 *
 * @example
 * const { state, signals } = observeAccess(previous ?? emptyState(now), event, DEFAULT_INSIDER_POLICY);
 */
export function observeAccess(
  previous: InsiderState,
  event: AccessEvent,
  policy: InsiderPolicy = DEFAULT_INSIDER_POLICY,
): { state: InsiderState; signals: Signal[] } {
  const signals: Signal[] = [];
  const day = Math.floor(event.at / DAY_MS);
  const days = addToDay(previous.days, day, event.bytes);
  const volume = volumeSignal(previous, days, day, event.at, policy);
  if (volume !== undefined) signals.push(volume);
  const hour = new Date(event.at).getUTCHours();
  const rare = hourSignal(previous, hour, policy);
  if (rare !== undefined) signals.push(rare);
  const { networks, signal: net } = networkStep(previous, event);
  if (net !== undefined) signals.push(net);
  const { restricted, signal: bulk } = restrictedStep(previous, event, policy);
  if (bulk !== undefined) signals.push(bulk);
  return {
    state: {
      firstSeen: Math.min(previous.firstSeen, event.at),
      accesses: previous.accesses + 1,
      hours: addHour(previous.hours, hour),
      days,
      networks,
      restricted,
    },
    signals,
  };
}

function addToDay(days: InsiderState['days'], day: number, bytes: number): InsiderState['days'] {
  const last = days.at(-1);
  const next =
    last !== undefined && last.day === day
      ? [...days.slice(0, -1), { day, bytes: last.bytes + bytes, reads: last.reads + 1 }]
      : [...days, { day, bytes, reads: 1 }];
  return next.filter((d) => d.day > day - HISTORY_DAYS);
}

function volumeSignal(
  previous: InsiderState,
  days: InsiderState['days'],
  day: number,
  at: number,
  policy: InsiderPolicy,
): Signal | undefined {
  const today = days.at(-1) ?? { day, bytes: 0, reads: 0 };
  const ageDays = Math.floor((at - previous.firstSeen) / DAY_MS);
  if (ageDays < policy.baselineDays) {
    if (today.bytes <= policy.newAccountMaxBytes) return undefined;
    return {
      kind: 'volume',
      explanation: `This account is ${ageDays} day(s) old and downloaded ${formatBytes(today.bytes)} today, more than the ${formatBytes(policy.newAccountMaxBytes)} a new account may fetch in a day before it is flagged.`,
      evidence: { todayBytes: today.bytes, todayReads: today.reads, accountAgeDays: ageDays },
    };
  }
  // The average over the last two weeks of calendar days (quiet days count as zero).
  const span = Math.max(1, Math.min(HISTORY_DAYS - 1, ageDays));
  const earlier = days.filter((d) => d.day < day && d.day >= day - span);
  const average = earlier.reduce((sum, d) => sum + d.bytes, 0) / span;
  const threshold = Math.max(policy.volumeFactor * average, policy.volumeMinBytes);
  if (today.bytes <= threshold) return undefined;
  return {
    kind: 'volume',
    explanation: `Downloaded ${formatBytes(today.bytes)} in ${today.reads} download(s) today; this account usually downloads about ${formatBytes(average)} a day (average of the last ${span} days).`,
    evidence: {
      todayBytes: today.bytes,
      todayReads: today.reads,
      dailyAverageBytes: Math.round(average),
      baselineDays: span,
    },
  };
}

function hourSignal(previous: InsiderState, hour: number, policy: InsiderPolicy) {
  const total = previous.hours.reduce((a, b) => a + b, 0);
  if (previous.accesses < policy.hourMinHistory || total === 0) return undefined;
  const near = [hour + 23, hour, hour + 1].reduce((s, h) => s + (previous.hours[h % 24] ?? 0), 0);
  if (near / total >= policy.hourRareShare) return undefined;
  const from = String(hour).padStart(2, '0');
  return {
    kind: 'hour' as const,
    explanation: `Downloaded at ${from}:00–${from}:59 UTC, a time this account does not use: ${Math.round(near)} of its last ${Math.round(total)} downloads were within an hour of it.`,
    evidence: {
      hourUtc: hour,
      nearbyDownloads: Math.round(near),
      pastDownloads: Math.round(total),
    },
  };
}

function addHour(hours: readonly number[], hour: number): number[] {
  const next = hours.length === 24 ? [...hours] : new Array<number>(24).fill(0);
  next[hour] = (next[hour] ?? 0) + 1;
  const total = next.reduce((a, b) => a + b, 0);
  // Halving keeps the shape of the account's day while letting habits change over time.
  return total > HOURS_DECAY_AT ? next.map((n) => n / 2) : next;
}

function networkStep(previous: InsiderState, event: AccessEvent) {
  const known = previous.networks;
  if (event.network === null) return { networks: known, signal: undefined };
  const seen = known.some((n) => n.prefix === event.network);
  const networks = [
    ...known.filter((n) => n.prefix !== event.network),
    { prefix: event.network, lastSeen: event.at },
  ].slice(-MAX_NETWORKS);
  // An account's very first network is its baseline, not a signal.
  if (seen || known.length === 0) return { networks, signal: undefined };
  const signal: Signal = {
    kind: 'network',
    explanation: `First download from the network ${event.network}; this account used ${known.length === 1 ? 'one other network' : `${known.length} other networks`} before (most recently ${known.at(-1)?.prefix}).`,
    evidence: { network: event.network, knownNetworks: known.map((n) => n.prefix).slice(-10) },
  };
  return { networks, signal };
}

function restrictedStep(previous: InsiderState, event: AccessEvent, policy: InsiderPolicy) {
  const recent = previous.restricted.filter((r) => r.at > event.at - policy.bulkWindowMs);
  if (!event.restricted) return { restricted: recent, signal: undefined };
  const restricted = [...recent, { at: event.at, artifact: event.artifactId }].slice(
    -MAX_RESTRICTED,
  );
  const distinct = new Set(restricted.map((r) => r.artifact));
  if (distinct.size < policy.bulkRestrictedCount) return { restricted, signal: undefined };
  const minutes = Math.round(policy.bulkWindowMs / 60_000);
  const signal: Signal = {
    kind: 'bulk_restricted',
    explanation: `Read ${distinct.size} different restricted artifacts within ${minutes} minutes.`,
    evidence: {
      distinctRestricted: distinct.size,
      windowMinutes: minutes,
      artifacts: [...distinct].slice(-20),
    },
  };
  return { restricted, signal };
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/**
 * The network an address belongs to for the "new network" signal: IPv4 /24, IPv6 /48
 * (IPv4-mapped IPv6 addresses count as IPv4). Undefined for anything else.
 *
 * @example
 * networkOf('203.0.113.9');        // '203.0.113.0/24'
 * networkOf('2001:db8:5:1::7');    // '2001:db8:5::/48'
 */
export function networkOf(ip: string): string | undefined {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  const v4 = mapped?.[1] ?? ip;
  const parts = v4.split('.');
  if (parts.length === 4) {
    const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
    if (bytes.some((b) => !(b >= 0 && b <= 255))) return undefined;
    return `${bytes[0]}.${bytes[1]}.${bytes[2]}.0/24`;
  }
  const groups = expandIpv6(ip);
  if (groups === undefined) return undefined;
  return `${groups
    .slice(0, 3)
    .map((g) => g.toString(16))
    .join(':')}::/48`;
}

function expandIpv6(ip: string): number[] | undefined {
  if (ip.length > 45 || ip.includes('%')) return undefined;
  const halves = ip.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1))
    return undefined;
  const all = [...head, ...new Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (all.length !== 8 || !all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.map((g) => Number.parseInt(g, 16));
}

/** `HOUR_MS` is exported for tests that build a day of accesses. */
export { DAY_MS, HOUR_MS };
