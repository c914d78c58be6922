/**
 * Saved state: a scorer restored from JSON continues exactly where it stopped; bad state is
 * refused whole with a reason; memory stays bounded however many entities arrive.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../event.js';
import { createAnomalyScorer } from './anomaly-scorer.js';
import { generateTraffic } from './generator.js';

describe('state round-trip', () => {
  it('continues after toJSON → JSON text → fromJSON exactly as without the restart', () => {
    const { events } = generateTraffic({ seed: 5, days: 12, anomalyStartDay: 8 });
    const opts = { warmupDays: 5 };
    const straight = createAnomalyScorer(opts);
    const expected = events.map((e) => straight.observe(e.event));
    const half = Math.floor(events.length / 2);
    const first = createAnomalyScorer(opts);
    const got = events.slice(0, half).map((e) => first.observe(e.event));
    const text = JSON.stringify(first.toJSON());
    const restored = createAnomalyScorer.fromJSON(JSON.parse(text), opts);
    if (!restored.ok) throw new Error(restored.error);
    for (const e of events.slice(half)) got.push(restored.scorer.observe(e.event));
    expect(got).toEqual(expected);
    expect(expected.flat().length).toBeGreaterThan(5);
    expect(JSON.stringify(restored.scorer.toJSON())).toBe(JSON.stringify(straight.toJSON()));
  });

  it('refuses another version, a wrong type or a truncated state, naming the field', () => {
    const s = createAnomalyScorer();
    const { events } = generateTraffic({ seed: 2, days: 2 });
    for (const e of events.slice(0, 5000)) s.observe(e.event);
    const good = JSON.parse(JSON.stringify(s.toJSON()));
    const bad = (mutate: (x: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      mutate(copy);
      return createAnomalyScorer.fromJSON(copy);
    };
    expect(createAnomalyScorer.fromJSON(good).ok).toBe(true);
    expect(
      bad((x) => {
        x.version = 2;
      }),
    ).toEqual({ ok: false, error: expect.stringMatching(/state\.version.*version 1/) });
    expect(
      bad((x) => {
        (x.process as { nextGen: unknown }).nextGen = 'x';
      }),
    ).toEqual({ ok: false, error: expect.stringContaining('state.process.nextGen') });
    expect(
      bad((x) => {
        delete x.travel;
      }),
    ).toEqual({ ok: false, error: expect.stringContaining('state.travel') });
    expect(
      bad((x) => {
        (x.volume as { sources: unknown[] }).sources[0] = ['k', { firstSeen: 1 }];
      }),
    ).toMatchObject({ ok: false });
    expect(
      bad((x) => {
        (x.volume as { population: Record<string, unknown> }).population.__proto__x = {};
      }),
    ).toMatchObject({ ok: false });
    expect(createAnomalyScorer.fromJSON(null)).toMatchObject({ ok: false });
    expect(createAnomalyScorer.fromJSON('{"version":1}')).toMatchObject({ ok: false });
  });
});

describe('bounded memory', () => {
  it('keeps at most the configured entries with 100,000 distinct hosts, users and addresses', () => {
    const capacity = { entities: 5_000, pairs: 20_000, volumeSources: 5_000 };
    const s = createAnomalyScorer({ capacity });
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 100_000; i++) {
      const time = t0 + i * 1000;
      const host = `host-${i}`;
      const proc: LogEvent = {
        fields: {
          EventID: 1,
          Computer: host,
          Image: `C:\\p\\a${i}.exe`,
          ParentImage: 'C:\\explorer.exe',
        },
        logsources: [{ product: 'windows', category: 'process_creation' }],
        time,
        origin: { source: 'gen' },
      };
      const signIn: LogEvent = {
        fields: {
          EventID: 4624,
          Computer: host,
          TargetUserName: `user-${i}`,
          IpAddress: `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`,
          LogonType: 3,
        },
        logsources: [{ product: 'windows', service: 'security' }],
        time,
        origin: { source: 'gen' },
      };
      const cloud: LogEvent = {
        fields: {
          UserPrincipalName: `u${i}@x.org`,
          IpAddress: '203.0.113.1',
          ResultType: '0',
          Latitude: i % 90,
          Longitude: i % 180,
        },
        logsources: [{ product: 'azure', service: 'signinlogs' }],
        time,
        origin: { source: 'gen' },
      };
      const web: LogEvent = {
        fields: { 'c-ip': `198.${i >> 16}.${(i >> 8) & 255}.${i & 255}` },
        logsources: [],
        time,
        origin: { source: 'web' },
      };
      for (const e of [proc, signIn, cloud, web]) s.observe(e);
    }
    const sizes = s.sizes();
    expect(sizes.processHosts).toBe(capacity.entities);
    expect(sizes.signInUsers).toBe(capacity.entities);
    expect(sizes.travelUsers).toBe(capacity.entities);
    expect(sizes.volumeSources).toBe(capacity.volumeSources);
    for (const [k, v] of Object.entries(sizes)) expect(v, k).toBeLessThanOrEqual(capacity.pairs);
    // The saved state is bounded too (it is what gets written to disk).
    expect(JSON.stringify(s.toJSON()).length).toBeLessThan(20_000_000);
  }, 120_000);
});
