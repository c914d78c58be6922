/**
 * The saved form of every baseline, versioned, and a strict reader for it. A state file comes
 * from disk or a database and may be old, truncated or tampered with: it is checked field by
 * field (no schema library: engines have no dependencies) and rejected whole with a clear
 * reason rather than half-loaded. Numbers must be finite and non-negative where counts are.
 */
import { MAX_RARE, type RarityTableState } from './rarity-table.js';
import type { HourProfile, SignInState } from './signin-detector.js';
import type { LastPlace } from './travel-detector.js';
import type { PopulationState, SourceState, VolumeState } from './volume-detector.js';

export const ANOMALY_STATE_VERSION = 1;

export interface AnomalyState {
  readonly version: typeof ANOMALY_STATE_VERSION;
  readonly process: RarityTableState;
  readonly signIn: SignInState;
  readonly volume: VolumeState;
  readonly travel: readonly [string, LastPlace][];
}

class Invalid extends Error {}

function fail(path: string, what: string): never {
  throw new Invalid(`${path}: ${what}`);
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Record<string, unknown>;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  return v;
}

function finite(v: unknown, path: string, min = Number.NEGATIVE_INFINITY): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min)
    fail(path, `expected a number${min === 0 ? ' ≥ 0' : ''}`);
  return v;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.length > 2048) fail(path, 'expected a string (at most 2048)');
  return v;
}

function counts(v: unknown, path: string, length: number): number[] {
  const a = arr(v, path);
  if (a.length !== length) fail(path, `expected ${length} numbers`);
  return a.map((x, i) => finite(x, `${path}[${i}]`, 0));
}

function entries<T>(v: unknown, path: string, value: (x: unknown, p: string) => T): [string, T][] {
  return arr(v, path).map((e, i) => {
    const pair = arr(e, `${path}[${i}]`);
    if (pair.length !== 2) fail(`${path}[${i}]`, 'expected [key, value]');
    return [str(pair[0], `${path}[${i}][0]`), value(pair[1], `${path}[${i}][1]`)];
  });
}

function rarityTable(v: unknown, path: string): RarityTableState {
  const o = obj(v, path);
  return {
    nextGen: finite(o.nextGen, `${path}.nextGen`, 1),
    entities: entries(o.entities, `${path}.entities`, (x, p) => {
      const e = obj(x, p);
      return {
        gen: finite(e.gen, `${p}.gen`, 0),
        n: finite(e.n, `${p}.n`, 0),
        firstSeen: finite(e.firstSeen, `${p}.firstSeen`),
        lastSeen: finite(e.lastSeen, `${p}.lastSeen`),
        cc: counts(e.cc, `${p}.cc`, MAX_RARE),
      };
    }),
    pairs: entries(o.pairs, `${path}.pairs`, (x, p) => {
      const e = obj(x, p);
      return { gen: finite(e.gen, `${p}.gen`, 0), count: finite(e.count, `${p}.count`, 0) };
    }),
    org: entries(o.org, `${path}.org`, (x, p) => finite(x, p, 0)),
  };
}

function hourProfile(x: unknown, p: string): HourProfile {
  const e = obj(x, p);
  return {
    n: finite(e.n, `${p}.n`, 0),
    firstSeen: finite(e.firstSeen, `${p}.firstSeen`),
    hours: counts(e.hours, `${p}.hours`, 24),
  };
}

function source(x: unknown, p: string): SourceState {
  const e = obj(x, p);
  if (typeof e.alerted !== 'boolean') fail(`${p}.alerted`, 'expected a boolean');
  return {
    firstSeen: finite(e.firstSeen, `${p}.firstSeen`),
    bucket: finite(e.bucket, `${p}.bucket`),
    count: finite(e.count, `${p}.count`, 0),
    alerted: e.alerted,
    mean: counts(e.mean, `${p}.mean`, 24),
    mad: counts(e.mad, `${p}.mad`, 24),
    updates: counts(e.updates, `${p}.updates`, 24),
    busyMean: finite(e.busyMean, `${p}.busyMean`, 0),
    busyMad: finite(e.busyMad, `${p}.busyMad`, 0),
  };
}

function population(x: unknown, p: string): PopulationState {
  const e = obj(x, p);
  return {
    firstSeen: finite(e.firstSeen, `${p}.firstSeen`),
    closed: finite(e.closed, `${p}.closed`, 0),
    bins: counts(e.bins, `${p}.bins`, 64),
  };
}

function place(x: unknown, p: string): LastPlace {
  const e = obj(x, p);
  const lat = finite(e.lat, `${p}.lat`);
  const lon = finite(e.lon, `${p}.lon`);
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) fail(p, 'coordinates out of range');
  return { time: finite(e.time, `${p}.time`), lat, lon, address: str(e.address, `${p}.address`) };
}

const POPULATION_KINDS = new Set(['host', 'client', 'signin']);

/** Checks a saved state; the error names the first bad field. */
export function parseAnomalyState(
  v: unknown,
): { ok: true; state: AnomalyState } | { ok: false; error: string } {
  try {
    const o = obj(v, 'state');
    if (o.version !== ANOMALY_STATE_VERSION)
      fail(
        'state.version',
        `this version reads anomaly state version ${ANOMALY_STATE_VERSION}, got ${JSON.stringify(o.version)}`,
      );
    const signIn = obj(o.signIn, 'state.signIn');
    const volume = obj(o.volume, 'state.volume');
    const pops = obj(volume.population, 'state.volume.population');
    const populationState: Record<string, PopulationState> = {};
    for (const [k, x] of Object.entries(pops)) {
      if (!POPULATION_KINDS.has(k)) fail(`state.volume.population.${k}`, 'unknown kind of source');
      populationState[k] = population(x, `state.volume.population.${k}`);
    }
    return {
      ok: true,
      state: {
        version: ANOMALY_STATE_VERSION,
        process: rarityTable(o.process, 'state.process'),
        signIn: {
          sources: rarityTable(signIn.sources, 'state.signIn.sources'),
          hours: entries(signIn.hours, 'state.signIn.hours', hourProfile),
        },
        volume: {
          sources: entries(volume.sources, 'state.volume.sources', source),
          population: populationState,
        },
        travel: entries(o.travel, 'state.travel', place),
      },
    };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `invalid anomaly state: ${e.message}` };
    throw e;
  }
}
