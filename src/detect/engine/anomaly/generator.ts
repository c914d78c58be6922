/**
 * A deterministic generator of a small organisation's logs (the same seed gives the same events)
 * with labelled, injected anomalies of each kind — the test bed for anomaly scoring.
 *
 * The organisation: one office (public network 203.0.113.0/24, in Lyon), a workstation per
 * person, a file server, a web server facing the internet, a Linux server reached over SSH, and a
 * cloud sign-in service that logs coordinates. People work weekdays in their own hours (one works
 * nights), sometimes from home, rarely travel (a real trip: a new network, a plausible speed).
 * The noise is deliberately realistic so false alarms are measured honestly: software installs
 * (a never-seen program once), weekly updates on every computer, password typos, internet SSH
 * password guessing at a low rate, web crawlers, a monitoring probe.
 *
 * Injected after `anomalyStartDay` (labels name the kind and an instance id):
 * - rare_process: an Office program or the web server starting a shell or script host;
 * - new_signin_source: a sign-in from an internet address the person never used (RDP, SSH);
 * - unusual_signin_hour: a sign-in from a usual place at 01:00–04:59;
 * - volume_spike: a web scan or an SSH password-guessing burst from a new address;
 * - impossible_travel: a cloud sign-in from another continent shortly after a normal one (the
 *   person's next sign-in back home is labelled too: it is the other end of the same pair).
 */
import { mulberry32, type Prng } from '../../../platform/engine-kit/model/prng.js';
import type { AnomalyKind } from './anomaly-types.js';
import { TrafficBuilder } from './generator-events.js';

export interface GeneratorOptions {
  readonly seed?: number;
  readonly days?: number;
  /** Workstations (one person each). */
  readonly people?: number;
  readonly anomalyStartDay?: number;
  readonly anomaliesPerKind?: number;
  /** Web requests per day (about). */
  readonly webPerDay?: number;
  /** Epoch ms of day 0, 00:00 UTC (a Monday by default). */
  readonly start?: number;
}

export interface TrafficLabel {
  readonly kind: AnomalyKind;
  readonly id: string;
}

export type { GeneratedEvent } from './generator-events.js';

interface Person {
  readonly name: string;
  readonly ws: string;
  readonly ip: string;
  readonly homeIp: string;
  readonly home: readonly [number, number];
  readonly startHour: number;
  readonly endHour: number;
  readonly dev: boolean;
  readonly admin: boolean;
}

const NAMES = [
  'alice',
  'bruno',
  'chloe',
  'david',
  'emma',
  'farid',
  'giulia',
  'hugo',
  'ines',
  'jules',
  'karim',
  'lea',
  'marc',
  'nina',
  'omar',
  'paula',
];
const OFFICE: readonly [number, number] = [45.764, 4.8357];
const FAR_CITIES: readonly (readonly [number, number])[] = [
  [40.71, -74.0],
  [-23.55, -46.63],
  [1.35, 103.82],
  [35.68, 139.69],
  [55.75, 37.62],
  [6.52, 3.38],
];
const TRIP_CITIES: readonly (readonly [number, number])[] = [
  [52.52, 13.4],
  [41.39, 2.17],
  [51.51, -0.13],
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const pick = <T>(r: Prng, xs: readonly T[]): T => xs[Math.floor(r.next() * xs.length)] as T;
const between = (r: Prng, a: number, b: number) => a + r.next() * (b - a);
const publicIp = (r: Prng) =>
  `${pick(r, [81, 88, 90, 92, 109, 176, 185, 193, 212])}.${Math.floor(r.next() * 250) + 1}.${Math.floor(r.next() * 250) + 1}.${Math.floor(r.next() * 250) + 1}`;

function people(r: Prng, n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const night = i === n - 1; // one person on the night shift (a utility's control room)
    const startHour = night ? 21 : 7 + Math.floor(r.next() * 3);
    return {
      name: NAMES[i % NAMES.length] + (i >= NAMES.length ? String(i) : ''),
      ws: `ws-${String(i + 1).padStart(2, '0')}`,
      ip: `10.0.1.${20 + i}`,
      homeIp: publicIp(r),
      home: [OFFICE[0] + between(r, -0.3, 0.3), OFFICE[1] + between(r, -0.3, 0.3)],
      startHour,
      endHour: startHour + 8 + Math.floor(r.next() * 2),
      dev: i % 4 === 1,
      admin: i < 2,
    };
  });
}

/** Generates `days` of traffic; events are in time order. */
export function generateTraffic(options: GeneratorOptions = {}) {
  const r = mulberry32(options.seed ?? 1);
  const days = options.days ?? 28;
  const start = options.start ?? Date.UTC(2024, 2, 4);
  const staff = people(r, options.people ?? 12);
  const b = new TrafficBuilder();
  const trips = new Set([Math.floor(r.next() * days), Math.floor(r.next() * days)]);

  for (let d = 0; d < days; d++) {
    const day0 = start + d * DAY;
    const weekend = d % 7 >= 5;
    b.serverDay(r, day0, d % 7 === 2);
    b.webDay(r, day0, options.webPerDay ?? 1500);
    b.sshNoise(r, day0);
    for (const [i, p] of staff.entries()) {
      const works = weekend ? r.next() < 0.08 : r.next() < 0.93;
      b.bootAndBackground(r, p.ws, day0, d % 7 === 2);
      if (!works) continue;
      const from = day0 + p.startHour * HOUR + between(r, -0.4, 0.6) * HOUR;
      const to = day0 + p.endHour * HOUR + between(r, -0.5, 0.7) * HOUR;
      const remote = r.next() < 0.2;
      b.workday(r, p, from, to);
      const travelling = trips.has(d) && i === 3;
      const place = travelling ? pick(r, TRIP_CITIES) : remote ? p.home : OFFICE;
      const ip = travelling ? `${publicIp(r)}` : remote ? p.homeIp : '203.0.113.10';
      const n = 1 + Math.floor(r.next() * 3);
      for (let k = 0; k < n; k++) {
        const t = from + between(r, 0, Math.max(0.1, (to - from) / HOUR)) * HOUR;
        b.cloudSignIn(`${p.name}@example.org`, t, ip, place, null);
      }
      if (remote) b.vpnRdp(r, p, from, p.homeIp);
    }
  }
  injectAnomalies(r, b, staff, start, days, options);
  return b.finish(staff.map((p) => p.name));
}

function injectAnomalies(
  r: Prng,
  b: TrafficBuilder,
  staff: readonly Person[],
  start: number,
  days: number,
  o: GeneratorOptions,
): void {
  const from = o.anomalyStartDay ?? 14;
  const per = o.anomaliesPerKind ?? 8;
  const dayTime = (p: Person) => {
    let d = from + Math.floor(r.next() * (days - from));
    if (d % 7 >= 5) d -= 2;
    return start + d * DAY + (p.startHour + 1 + r.next() * (p.endHour - p.startHour - 2)) * HOUR;
  };
  const day = staff.slice(0, -1); // the night-shift person is left out of time-of-day anomalies
  for (let i = 0; i < per; i++) {
    const p = pick(r, staff);
    const label = (kind: AnomalyKind) => ({ kind, id: `${kind}-${i}` });
    if (i % 4 === 3) b.webShell(dayTime(p), label('rare_process'));
    else b.officeShell(r, p, dayTime(p), label('rare_process'));
    const q = pick(r, day);
    b.foreignSignIn(r, q, dayTime(q), publicIp(r), label('new_signin_source'), i % 2 === 0);
    const u = pick(r, day);
    const night =
      start + (from + Math.floor(r.next() * (days - from))) * DAY + between(r, 1, 5) * HOUR;
    b.nightSignIn(r, u, night, label('unusual_signin_hour'), i % 2 === 0);
    const burstAt =
      start + (from + Math.floor(r.next() * (days - from))) * DAY + between(r, 0, 23) * HOUR;
    if (i % 2 === 0) b.webScan(r, burstAt, publicIp(r), label('volume_spike'));
    else b.sshBruteForce(r, burstAt, publicIp(r), label('volume_spike'));
    const t = pick(r, day);
    b.impossibleTravel(
      r,
      t,
      dayTime(t),
      pick(r, FAR_CITIES),
      publicIp(r),
      label('impossible_travel'),
    );
  }
}

export type { Person };
export { OFFICE };
