import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AccessEvent,
  DAY_MS,
  DEFAULT_INSIDER_POLICY,
  emptyState,
  HOUR_MS,
  type InsiderState,
  networkOf,
  observeAccess,
  type Signal,
} from './insider-signals.js';

const MB = 1024 * 1024;
const START = Date.UTC(2026, 10, 2, 0, 0, 0); // a Monday

/** Three weeks of office-hours use: 3–6 downloads of 50–150 MB a weekday, 09:00–17:00 UTC, one network. */
function normalWeeks(seed: number, weeks = 3) {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const events: AccessEvent[] = [];
  for (let d = 0; d < weeks * 7; d++) {
    if (d % 7 >= 5) continue;
    const n = 3 + Math.floor(rand() * 4);
    for (let i = 0; i < n; i++)
      events.push({
        at:
          START +
          d * DAY_MS +
          (9 + Math.floor(rand() * 8)) * HOUR_MS +
          Math.floor(rand() * HOUR_MS),
        bytes: Math.floor((50 + rand() * 100) * MB),
        network: '198.51.100.0/24',
        artifactId: `a-${Math.floor(rand() * 30)}`,
        restricted: rand() < 0.1,
      });
  }
  return events.sort((a, b) => a.at - b.at);
}

const policy = { ...DEFAULT_INSIDER_POLICY, volumeMinBytes: 500 * MB };

function run(
  events: readonly AccessEvent[],
  from: InsiderState = emptyState(events[0]?.at ?? START),
) {
  let state = from;
  const signals: Signal[] = [];
  for (const e of events) {
    const r = observeAccess(state, e, policy);
    state = r.state;
    signals.push(...r.signals);
  }
  return { state, signals };
}

describe('insider signals', () => {
  it('stay quiet over weeks of normal use, whatever the day-to-day variation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        expect(run(normalWeeks(seed)).signals).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('flag a burst of downloads far above the account’s own daily average', () => {
    const { state } = run(normalWeeks(7));
    const day = START + 22 * DAY_MS + 10 * HOUR_MS; // a weekday after the history
    const burst = Array.from({ length: 40 }, (_, i) => ({
      at: day + i * 60_000,
      bytes: 120 * MB,
      network: '198.51.100.0/24',
      artifactId: `b-${i}`,
      restricted: false,
    }));
    const { signals } = run(burst, state);
    const volume = signals.filter((s) => s.kind === 'volume');
    expect(volume.length).toBeGreaterThan(0);
    expect(volume[0]?.explanation).toMatch(
      /^Downloaded .* today; this account usually downloads about/,
    );
    const ev = volume[0]?.evidence as { todayBytes: number; dailyAverageBytes: number };
    expect(ev.todayBytes).toBeGreaterThan(5 * ev.dailyAverageBytes);
    // The same downloads spread over a normal day's volume do not fire.
    expect(run(burst.slice(0, 4), state).signals).toEqual([]);
  });

  it('flag a download at an hour the account never uses', () => {
    const { state } = run(normalWeeks(11));
    const night = START + 22 * DAY_MS + 3 * HOUR_MS + 5 * 60_000;
    const { signals } = run(
      [{ at: night, bytes: MB, network: '198.51.100.0/24', artifactId: 'x', restricted: false }],
      state,
    );
    expect(signals.map((s) => s.kind)).toEqual(['hour']);
    expect(signals[0]?.explanation).toContain('03:00–03:59 UTC');
    const noon = night + 9 * HOUR_MS;
    expect(
      run(
        [{ at: noon, bytes: MB, network: '198.51.100.0/24', artifactId: 'x', restricted: false }],
        state,
      ).signals,
    ).toEqual([]);
  });

  it('flag the first download from a new network, but not an account’s first network', () => {
    const first = observeAccess(emptyState(START), {
      at: START,
      bytes: 1,
      network: '198.51.100.0/24',
      artifactId: 'a',
      restricted: false,
    });
    expect(first.signals).toEqual([]);
    const moved = observeAccess(first.state, {
      at: START + 60_000,
      bytes: 1,
      network: '203.0.113.0/24',
      artifactId: 'a',
      restricted: false,
    });
    expect(moved.signals.map((s) => s.kind)).toEqual(['network']);
    expect(moved.signals[0]?.explanation).toContain('203.0.113.0/24');
    const back = observeAccess(moved.state, {
      at: START + 120_000,
      bytes: 1,
      network: '198.51.100.0/24',
      artifactId: 'a',
      restricted: false,
    });
    expect(back.signals).toEqual([]);
  });

  it('flag bulk reads of distinct restricted artifacts within the window only', () => {
    const read = (i: number, at: number, restricted = true): AccessEvent => ({
      at,
      bytes: 1,
      network: null,
      artifactId: `r-${i}`,
      restricted,
    });
    // Five distinct restricted artifacts within an hour.
    const fast = run([0, 1, 2, 3, 4].map((i) => read(i, START + i * 5 * 60_000)));
    expect(fast.signals.map((s) => s.kind)).toEqual(['bulk_restricted']);
    // The same five spread over five hours, or one artifact five times, or unrestricted ones: nothing.
    expect(run([0, 1, 2, 3, 4].map((i) => read(i, START + i * 70 * 60_000))).signals).toEqual([]);
    expect(run([0, 1, 2, 3, 4].map((i) => read(0, START + i * 60_000))).signals).toEqual([]);
    expect(run([0, 1, 2, 3, 4].map((i) => read(i, START + i * 60_000, false))).signals).toEqual([]);
  });

  it('flag a new account that downloads more than the absolute ceiling in a day', () => {
    const big = (i: number): AccessEvent => ({
      at: START + i * 60_000,
      bytes: 6 * 1024 ** 3,
      network: null,
      artifactId: `g-${i}`,
      restricted: false,
    });
    const { signals } = run([0, 1, 2, 3].map(big));
    expect(signals.map((s) => s.kind)).toEqual(['volume']);
    expect(signals[0]?.explanation).toMatch(/0 day\(s\) old/);
  });

  it('keeps its state bounded however long the account lives', () => {
    const events = Array.from({ length: 5000 }, (_, i) => ({
      at: START + i * 7 * 60_000,
      bytes: MB,
      network: `10.${Math.floor(i / 256) % 256}.${i % 256}.0/24`,
      artifactId: `a-${i}`,
      restricted: true,
    }));
    const { state } = run(events);
    expect(JSON.stringify(state).length).toBeLessThan(40_000);
    expect(state.networks.length).toBeLessThanOrEqual(64);
    expect(state.days.length).toBeLessThanOrEqual(15);
  });
});

describe('networkOf', () => {
  it('maps addresses to their /24 or /48', () => {
    expect(networkOf('203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(networkOf('2001:db8:5:1::7')).toBe('2001:db8:5::/48');
    expect(networkOf('::1')).toBe('0:0:0::/48');
    expect(networkOf('2001:0db8:0005:0001:0000:0000:0000:0007')).toBe('2001:db8:5::/48');
  });

  it('refuses what is not an address', () => {
    for (const bad of [
      '',
      '1.2.3',
      '256.1.1.1',
      '1.2.3.4.5',
      'a::b::c',
      'fe80::1%eth0',
      'x'.repeat(100),
      '1:2:3:4:5:6:7:8:9',
    ])
      expect(networkOf(bad), bad).toBeUndefined();
  });
});
