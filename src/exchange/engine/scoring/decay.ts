/**
 * How much an indicator is still worth: its base score (the confidence it was
 * shared with, raised by independent sightings) falls with the time since it
 * was last seen, and the indicator expires when the score drops below a
 * threshold — the polynomial decay of MISP's decaying-indicators model
 * (score = base × (1 − (t/τ)^(1/δ)), τ the lifetime, δ the decay speed).
 * A new sighting resets t. Pure.
 */

export interface DecayModel {
  /** τ: days after the last sighting at which the score reaches 0. */
  readonly lifetimeDays: number;
  /** δ: 1 is linear; above 1 the score drops fast at first, below 1 it holds and then falls. */
  readonly speed: number;
  /** Below this score (0–100) the indicator has expired: it no longer matches. */
  readonly threshold: number;
}

/**
 * Lifetimes by indicator kind: phishing links and their hosts live days to
 * weeks, addresses of infrastructure longer, file hashes do not go stale.
 */
export const DECAY_MODELS: Readonly<
  Record<'url' | 'domain' | 'ip' | 'email' | 'hash' | 'other', DecayModel>
> = {
  url: { lifetimeDays: 30, speed: 0.5, threshold: 20 },
  domain: { lifetimeDays: 90, speed: 0.5, threshold: 20 },
  ip: { lifetimeDays: 30, speed: 1, threshold: 20 },
  email: { lifetimeDays: 180, speed: 0.5, threshold: 20 },
  hash: { lifetimeDays: 3650, speed: 0.3, threshold: 20 },
  other: { lifetimeDays: 180, speed: 1, threshold: 20 },
};

const DAY_MS = 86_400_000;

/**
 * The base score (0–100): the stated confidence (50 when none), plus 10 for
 * every independent source beyond the first that has sighted it, at most 100.
 *
 * @example
 * baseScore(60, 3); // 80
 */
export function baseScore(confidence: number | undefined, independentSources: number): number {
  const c = confidence !== undefined && Number.isFinite(confidence) ? confidence : 50;
  const extra = Math.max(0, Math.floor(independentSources) - 1) * 10;
  return clamp(Math.max(0, Math.min(100, c)) + extra);
}

/**
 * The score `ageMs` after the last sighting.
 *
 * @example
 * decayedScore(80, 15 * 86_400_000, DECAY_MODELS.url); // ≈ 20 (half the lifetime, δ = 0.5)
 */
export function decayedScore(base: number, ageMs: number, model: DecayModel): number {
  const b = clamp(base);
  if (!(ageMs > 0)) return b;
  const tau = model.lifetimeDays * DAY_MS;
  if (ageMs >= tau) return 0;
  return clamp(b * (1 - (ageMs / tau) ** (1 / model.speed)));
}

/**
 * When (epoch ms) the score falls below the model's threshold, for an
 * indicator last seen at `lastSeenMs`; `lastSeenMs` itself when it starts below.
 */
export function expiresAt(base: number, lastSeenMs: number, model: DecayModel): number {
  const b = clamp(base);
  if (b <= model.threshold) return lastSeenMs;
  // Solve b × (1 − (t/τ)^(1/δ)) = threshold for t.
  const t = model.lifetimeDays * DAY_MS * (1 - model.threshold / b) ** model.speed;
  return lastSeenMs + Math.floor(t);
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(100, x)) : 0;
}
