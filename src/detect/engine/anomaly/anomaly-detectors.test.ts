/** The baselines one by one, on small hand-made histories whose right answer is known. */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../event.js';
import { createAnomalyScorer } from './anomaly-scorer.js';
import { AnomalyOptionsError, DAY_MS, hourOfDay, surpriseScore } from './anomaly-types.js';
import { CappedMap } from './capped-map.js';
import { RarityTable } from './rarity-table.js';
import { greatCircleKm } from './travel-detector.js';

const T0 = Date.UTC(2024, 0, 1);
const azure = (
  user: string,
  time: number,
  lat: number,
  lon: number,
  ip = '192.0.2.1',
): LogEvent => ({
  fields: {
    UserPrincipalName: user,
    IpAddress: ip,
    ResultType: '0',
    Latitude: lat,
    Longitude: lon,
  },
  logsources: [{ product: 'azure', service: 'signinlogs' }],
  time,
  origin: { source: 'azure' },
});

describe('capped map', () => {
  it('evicts the least recently touched entry and reports it', () => {
    const evicted: string[] = [];
    const m = new CappedMap<number>(2, (k) => evicted.push(k));
    m.set('a', 1);
    m.set('b', 2);
    m.touch('a');
    m.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect([...m.entries()].map(([k]) => k)).toEqual(['a', 'c']);
  });
});

describe('rarity table (Good–Turing)', () => {
  it('finds a new value less surprising on an entity that often sees new values', () => {
    const t = new RarityTable(10, 1000);
    for (let i = 0; i < 500; i++) {
      t.learn('kiosk', `v${i % 5}`, i);
      t.learn('laptop', i % 10 === 0 ? `new${i}` : `v${i % 5}`, i);
    }
    const kiosk = t.assess('kiosk', 'never');
    const laptop = t.assess('laptop', 'never');
    expect(kiosk?.count).toBe(0);
    expect(kiosk?.p).toBeLessThan(0.01);
    expect(laptop?.p).toBeGreaterThan(0.05);
    expect(t.assess('kiosk', 'v1')?.p).toBe(1);
    expect(t.assess('nobody', 'x')).toBeNull();
  });

  it('damps values that other entities already have', () => {
    const t = new RarityTable(10, 1000);
    for (const e of ['a', 'b', 'c', 'd']) for (let i = 0; i < 300; i++) t.learn(e, `v${i % 3}`, i);
    for (const e of ['b', 'c', 'd']) t.learn(e, 'rollout', 301);
    const r = t.assess('a', 'rollout');
    expect(r?.elsewhere).toBe(3);
    expect(r?.p ?? 0).toBeGreaterThan(10 * (t.assess('a', 'unique')?.p ?? 1));
  });
});

describe('impossible travel', () => {
  it('measures great circles (Paris–New York about 5,837 km)', () => {
    expect(greatCircleKm(48.8566, 2.3522, 40.7128, -74.006)).toBeGreaterThan(5800);
    expect(greatCircleKm(48.8566, 2.3522, 40.7128, -74.006)).toBeLessThan(5870);
    expect(greatCircleKm(10, 10, 10, 10)).toBe(0);
  });

  it('flags Paris then New York 30 minutes later, not 10 hours later, and not without coordinates', () => {
    const s = createAnomalyScorer();
    expect(s.observe(azure('ana', T0, 48.85, 2.35))).toEqual([]);
    const f = s.observe(azure('ana', T0 + 30 * 60_000, 40.71, -74.0, '198.51.100.1'));
    expect(f.map((x) => x.kind)).toEqual(['impossible_travel']);
    expect(f[0]?.evidence.distanceKm).toBeGreaterThan(5800);
    expect(f[0]?.explanation).toMatch(/km apart within 30 minutes/);
    expect(s.observe(azure('ana', T0 + 11 * 3_600_000, 48.85, 2.35))).toEqual([]);
    const noGeo: LogEvent = {
      ...azure('ana', T0 + 11.5 * 3_600_000, 0, 0),
      fields: { UserPrincipalName: 'ana', ResultType: '0', IpAddress: '203.0.113.9' },
    };
    expect(s.observe(noGeo)).toEqual([]);
  });

  it('ignores short jumps (coarse geolocation) and failed sign-ins', () => {
    const s = createAnomalyScorer();
    s.observe(azure('bo', T0, 48.85, 2.35));
    expect(s.observe(azure('bo', T0 + 60_000, 49.5, 2.35))).toEqual([]);
    const failed = {
      ...azure('bo', T0 + 120_000, -33.9, 151.2),
      fields: { ...azure('bo', 0, -33.9, 151.2).fields, ResultType: '50126' },
    };
    expect(s.observe(failed)).toEqual([]);
  });
});

describe('unusual sign-in hour', () => {
  it('alerts on 03:00 for a nine-to-five account after warm-up, not on 08:00', () => {
    const s = createAnomalyScorer({ warmupDays: 7 });
    for (let d = 0; d < 14; d++)
      for (const h of [9, 10, 13, 16])
        s.observe(azure('cy', T0 + d * DAY_MS + h * 3_600_000, 45, 5));
    const usual = s.observe(azure('cy', T0 + 14 * DAY_MS + 8 * 3_600_000 + 40 * 60_000, 45, 5));
    expect(usual).toEqual([]);
    const night = s.observe(azure('cy', T0 + 15 * DAY_MS + 3 * 3_600_000, 45, 5));
    expect(night.map((f) => f.kind)).toEqual(['unusual_signin_hour']);
    expect(night[0]?.explanation).toMatch(
      /03:00–03:59.*0 times in 57 sign-ins.*between 09:00 and 16:59/,
    );
  });

  it('uses the organisation time zone for the hour', () => {
    expect(hourOfDay(Date.UTC(2024, 0, 1, 23, 30), 120)).toBe(1);
    expect(hourOfDay(Date.UTC(2024, 0, 1, 0, 30), -60)).toBe(23);
  });
});

describe('volume spikes', () => {
  const web = (ip: string, time: number): LogEvent => ({
    fields: { 'c-ip': ip },
    logsources: [],
    time,
    origin: { source: 'web' },
  });
  it('flags a new address flooding the site, once per bucket, and not the usual visitors', () => {
    const s = createAnomalyScorer({ warmupDays: 2 });
    const found: string[] = [];
    for (let d = 0; d < 4; d++)
      for (let v = 0; v < 300; v++)
        for (let k = 0; k < 1 + (v % 7); k++)
          found.push(
            ...s
              .observe(web(`10.0.${v % 50}.${v}`, T0 + d * DAY_MS + v * 240_000 + k * 1000))
              .map((f) => f.kind),
          );
    expect(found).toEqual([]);
    const flood = [];
    for (let k = 0; k < 400; k++)
      flood.push(...s.observe(web('203.0.113.66', T0 + 4 * DAY_MS + 3_600_000 + k * 1000)));
    const spikes = flood.filter((f) => f.entity.id === 'client:203.0.113.66');
    expect(spikes).toHaveLength(1);
    expect(spikes[0]?.explanation).toMatch(
      /The address 203\.0\.113\.66 has \d+ web requests in the last 10 minutes; it was first seen/,
    );
  });
});

describe('options', () => {
  it('rejects out-of-range options with a clear message', () => {
    expect(() => createAnomalyScorer({ threshold: 2 })).toThrow(AnomalyOptionsError);
    expect(() => createAnomalyScorer({ capacity: { pairs: 0 } })).toThrow(/capacity.pairs/);
  });

  it('maps probabilities to scores on a log scale', () => {
    expect(surpriseScore(1)).toBe(0);
    expect(surpriseScore(0.001)).toBe(1);
    expect(surpriseScore(0.01, 1e-2)).toBe(1);
    expect(surpriseScore(0)).toBe(1);
    expect(surpriseScore(0.0316)).toBeCloseTo(0.5, 2);
  });
});
