/**
 * Impossible travel: two successful sign-ins of one account, far apart, too close in time for
 * anyone to have travelled between them.
 *
 * Only sign-ins whose event carries coordinates are scored (cloud sign-in logs usually do). There
 * is no GeoIP database offline, so a bare IP address is never turned into a place here: events
 * without coordinates are not scored for travel and do not move the account's last place.
 *
 * Score: 0.5 at exactly the maximum plausible speed, rising towards 1 as the implied speed grows
 * (0.75 at twice it). Short jumps (under minTravelKm) never count: IP geolocation is coarse.
 * No warm-up beyond needing a previous located sign-in: a single pair of sign-ins is the evidence.
 */
import type { LogEvent } from '../event.js';
import type { SignIn } from './activity-extractor.js';
import { type AnomalyFinding, type ResolvedOptions, round } from './anomaly-types.js';
import { CappedMap } from './capped-map.js';

export interface LastPlace {
  time: number;
  lat: number;
  lon: number;
  address: string;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine). */
export function greatCircleKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class TravelDetector {
  readonly last: CappedMap<LastPlace>;

  constructor(
    private readonly o: ResolvedOptions,
    state?: readonly [string, LastPlace][],
  ) {
    this.last = new CappedMap(o.capacity.entities);
    for (const [k, v] of state ?? []) this.last.set(k, { ...v });
  }

  toJSON(): [string, LastPlace][] {
    return [...this.last.entries()].map(([k, v]) => [k, { ...v }]);
  }

  observe(s: SignIn, event: LogEvent, time: number): AnomalyFinding | null {
    if (!s.success || s.geo === null) return null;
    const prev = this.last.touch(s.user);
    const here: LastPlace = { time, lat: s.geo.lat, lon: s.geo.lon, address: s.address };
    if (prev === undefined || time >= prev.time) this.last.set(s.user, here);
    if (prev === undefined || time < prev.time) return null;
    const km = greatCircleKm(prev.lat, prev.lon, here.lat, here.lon);
    if (km < this.o.minTravelKm) return null;
    // At least a minute: two records of one sign-in a few seconds apart are not "infinite speed".
    const hours = Math.max(time - prev.time, 60_000) / 3_600_000;
    const speed = km / hours;
    if (speed <= this.o.maxSpeedKmh) return null;
    const score = 0.5 + 0.5 * (1 - this.o.maxSpeedKmh / speed);
    if (score < this.o.threshold) return null;
    const minutes = Math.round((time - prev.time) / 60_000);
    return {
      kind: 'impossible_travel',
      score: round(score),
      entity: { type: 'user', id: s.user },
      time,
      baseline: `the last located sign-in of ${s.user}`,
      evidence: {
        from: `${round(prev.lat, 2)}, ${round(prev.lon, 2)}`,
        to: `${round(here.lat, 2)}, ${round(here.lon, 2)}`,
        previousAddress: prev.address,
        address: s.address,
        distanceKm: Math.round(km),
        minutesApart: minutes,
        speedKmh: Math.round(speed),
        maxSpeedKmh: this.o.maxSpeedKmh,
      },
      explanation:
        `${s.user} signed in from two places ${Math.round(km).toLocaleString('en')} km apart ` +
        `within ${minutes} minutes (about ${Math.round(speed).toLocaleString('en')} km/h); ` +
        'nobody travels that fast, so one of the two sign-ins may be someone else.',
      nextSteps: [
        `Ask ${s.user} whether they use a VPN or a phone network that could make them appear far away.`,
        'If not, change the password, sign the account out everywhere and turn on two-step sign-in.',
      ],
      origin: event.origin,
    };
  }
}
