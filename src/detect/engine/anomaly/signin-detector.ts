/**
 * Sign-in baselines per user, learned from successful sign-ins only (an attacker's failures must
 * not teach the baseline what "normal" is):
 * - first-seen network: the user has never signed in from this /24 (IPv4) or /48 (IPv6);
 * - unusual hour: the hour of day (organisation's local time) is one this user rarely uses.
 *
 * Hour profile: 24 counters per user, smoothed with the neighbouring hours (a 7:40 sign-in by
 * someone who starts at 8 is not strange); the probability of the hour is scored with the same
 * "how surprising" measure as the other baselines.
 */
import type { LogEvent } from '../event.js';
import type { SignIn } from './activity-extractor.js';
import {
  type AnomalyFinding,
  DAY_MS,
  days,
  hourOfDay,
  type ResolvedOptions,
  round,
  surpriseScore,
} from './anomaly-types.js';
import { CappedMap } from './capped-map.js';
import { RarityTable, type RarityTableState } from './rarity-table.js';

export interface HourProfile {
  n: number;
  firstSeen: number;
  hours: number[];
}

export interface SignInState {
  readonly sources: RarityTableState;
  readonly hours: readonly [string, HourProfile][];
}

/** Pseudo-count per hour: a new account is not certain of anything. */
const PSEUDO = 0.2;

/**
 * Probability of a sign-in in `hour` from a 24-hour profile, smoothed with the neighbouring
 * hours (half its own count, a quarter of each neighbour's) and a pseudo-count per hour.
 */
export function hourProbability(profile: HourProfile, hour: number): number {
  const h = profile.hours;
  const smooth =
    0.5 * (h[hour] ?? 0) + 0.25 * ((h[(hour + 23) % 24] ?? 0) + (h[(hour + 1) % 24] ?? 0));
  return Math.min(1, (smooth + PSEUDO) / (profile.n + 24 * PSEUDO));
}

export class SignInDetector {
  readonly sources: RarityTable;
  readonly hours: CappedMap<HourProfile>;

  constructor(
    private readonly o: ResolvedOptions,
    state?: SignInState,
  ) {
    const { entities, pairs } = o.capacity;
    this.sources =
      state === undefined
        ? new RarityTable(entities, pairs)
        : RarityTable.fromJSON(state.sources, entities, pairs);
    this.hours = new CappedMap(entities);
    for (const [k, v] of state?.hours ?? []) this.hours.set(k, { ...v, hours: [...v.hours] });
  }

  toJSON(): SignInState {
    return {
      sources: this.sources.toJSON(),
      hours: [...this.hours.entries()].map(([k, v]) => [k, { ...v, hours: [...v.hours] }]),
    };
  }

  #warm(n: number, firstSeen: number, time: number): boolean {
    return n >= this.o.warmupEvents.signin && time - firstSeen >= this.o.warmupDays * DAY_MS;
  }

  observe(s: SignIn, event: LogEvent, time: number): AnomalyFinding[] {
    if (!s.success) return [];
    const out: AnomalyFinding[] = [];
    const hour = hourOfDay(time, this.o.utcOffsetMinutes);
    const profile = this.hours.touch(s.user);
    if (profile !== undefined && this.#warm(profile.n, profile.firstSeen, time)) {
      const f = this.#unusualHour(s, event, time, hour, profile);
      if (f !== null) out.push(f);
    }
    if (s.network !== 'local') {
      const r = this.sources.assess(s.user, s.network);
      if (r !== null && r.count === 0 && this.#warm(r.n, r.firstSeen, time)) {
        const score = surpriseScore(r.p, 1e-2);
        if (score >= this.o.threshold) out.push(newSource(s, event, time, score, r));
      }
    }
    // Learn after scoring, so the event is judged against the past only.
    this.sources.learn(s.user, s.network, time);
    const p = profile ?? { n: 0, firstSeen: time, hours: new Array<number>(24).fill(0) };
    p.n += 1;
    p.hours[hour] = (p.hours[hour] ?? 0) + 1;
    if (profile === undefined) this.hours.set(s.user, p);
    return out;
  }

  #unusualHour(
    s: SignIn,
    event: LogEvent,
    time: number,
    hour: number,
    profile: HourProfile,
  ): AnomalyFinding | null {
    const p = hourProbability(profile, hour);
    const score = surpriseScore(p);
    if (score < this.o.threshold) return null;
    const usual = usualHours(profile);
    const atHour = profile.hours[hour] ?? 0;
    return {
      kind: 'unusual_signin_hour',
      score: round(score),
      entity: { type: 'user', id: s.user },
      time,
      baseline: `sign-in hours of ${s.user}`,
      evidence: {
        hour,
        signInsAtThisHour: atHour,
        signIns: profile.n,
        historyDays: days(time - profile.firstSeen),
        usualHours: usual,
        address: s.address,
        ...(s.host === null ? {} : { host: s.host }),
        probability: Number(p.toPrecision(3)),
      },
      explanation:
        `${s.user} signed in at ${pad(hour)}:00–${pad(hour)}:59, which this account has done ` +
        `${atHour} times in ${profile.n} sign-ins over ${days(time - profile.firstSeen)} days; ` +
        `it usually signs in ${usual}.`,
      nextSteps: [
        `Ask ${s.user} whether it was them (working late, travelling, a different time zone).`,
        'If it was not them, change the password, sign the account out everywhere and check what it did after this sign-in.',
      ],
      origin: event.origin,
    };
  }
}

function newSource(
  s: SignIn,
  event: LogEvent,
  time: number,
  score: number,
  r: NonNullable<ReturnType<RarityTable['assess']>>,
): AnomalyFinding {
  return {
    kind: 'new_signin_source',
    score: round(score),
    entity: { type: 'user', id: s.user },
    time,
    baseline: `networks ${s.user} signs in from`,
    evidence: {
      address: s.address,
      network: s.network,
      seenForUser: 0,
      signIns: r.n,
      historyDays: days(time - r.firstSeen),
      otherUsersFromThisNetwork: r.elsewhere,
      ...(s.host === null ? {} : { host: s.host }),
      probability: Number(r.p.toPrecision(3)),
    },
    explanation:
      `${s.user} signed in from ${s.address} (network ${s.network}), a network this account has ` +
      `not used in ${r.n} sign-ins over ${days(time - r.firstSeen)} days` +
      (r.elsewhere === 0
        ? ' and no other account has used either.'
        : `; ${r.elsewhere} other accounts have.`),
    nextSteps: [
      `Ask ${s.user} whether they signed in from a new place (home, a hotel, a phone network).`,
      'If not, change the password, turn on two-step sign-in and sign the account out everywhere.',
    ],
    origin: event.origin,
  };
}

const pad = (h: number) => h.toString().padStart(2, '0');

/** "between 08:00 and 17:59": the smallest circular window holding 90% of sign-ins. */
export function usualHours(profile: HourProfile): string {
  const h = profile.hours;
  const need = 0.9 * profile.n;
  let best: [number, number] = [0, 24];
  for (let start = 0; start < 24; start++) {
    let sum = 0;
    for (let len = 1; len <= 24; len++) {
      sum += h[(start + len - 1) % 24] ?? 0;
      if (sum >= need) {
        if (len < best[1]) best = [start, len];
        break;
      }
    }
  }
  const [start, len] = best;
  if (len >= 24) return 'at any hour';
  return `between ${pad(start)}:00 and ${pad((start + len - 1) % 24)}:59`;
}
