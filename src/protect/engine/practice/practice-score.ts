/**
 * Scoring a practice attempt and keeping progress. Pure: the caller passes the time, and progress
 * read back from a device's storage is validated here before use (it may be old, edited or broken).
 */
import { redFlags, sampleFields } from './practice-samples.js';
import type { FieldName, PhraseRef, PracticeSample } from './practice-types.js';

export type Decision = 'scam' | 'not_scam';

export interface AttemptResult {
  readonly sampleId: string;
  readonly decisionCorrect: boolean;
  /** Red flags the person pointed at. */
  readonly found: readonly PhraseRef[];
  /** Red flags the person did not point at. */
  readonly missed: readonly PhraseRef[];
  /** Phrases pointed at that are not red flags. */
  readonly extra: readonly PhraseRef[];
  /** Red flags in the message. */
  readonly total: number;
  /** 0..100: the decision counts half, the red flags the other half (less one flag per wrong pick). */
  readonly points: number;
}

const key = (ref: PhraseRef) => `${ref.field}:${ref.index}`;

/** Score one attempt. Picks that point at no phrase of the sample are ignored. */
export function scoreAttempt(
  sample: PracticeSample,
  decision: Decision,
  picked: readonly PhraseRef[],
): AttemptResult {
  const valid = new Set<string>();
  for (const { field, phrases } of sampleFields(sample))
    for (let index = 0; index < phrases.length; index++) valid.add(key({ field, index }));
  const pickedKeys = new Set(picked.map(key).filter((k) => valid.has(k)));
  const flags = redFlags(sample).map(({ field, index }) => ({ field, index }));
  const flagKeys = new Set(flags.map(key));
  const found = flags.filter((f) => pickedKeys.has(key(f)));
  const missed = flags.filter((f) => !pickedKeys.has(key(f)));
  const extra = [...pickedKeys].filter((k) => !flagKeys.has(k)).map(refOf);
  const decisionCorrect = (decision === 'scam') === sample.scam;
  // With no red flags (a genuine message), finding them is "pick nothing wrongly".
  const flagShare =
    flags.length === 0
      ? extra.length === 0
        ? 1
        : 0
      : Math.max(0, found.length - extra.length) / flags.length;
  const points = Math.round((decisionCorrect ? 50 : 0) + 50 * flagShare);
  return {
    sampleId: sample.id,
    decisionCorrect,
    found,
    missed,
    extra,
    total: flags.length,
    points,
  };
}

function refOf(k: string): PhraseRef {
  const [field, index] = k.split(':');
  return { field: field as FieldName, index: Number(index) };
}

/** What the device remembers: the best and the latest attempt per sample. */
export interface PracticeProgress {
  readonly version: 1;
  readonly attempts: Readonly<Record<string, ProgressEntry>>;
}

export interface ProgressEntry {
  readonly tries: number;
  readonly bestPoints: number;
  readonly lastPoints: number;
  readonly lastCorrect: boolean;
  /** Epoch ms of the last attempt. */
  readonly lastAt: number;
}

export const EMPTY_PROGRESS: PracticeProgress = { version: 1, attempts: {} };

export function recordAttempt(
  progress: PracticeProgress,
  result: AttemptResult,
  at: number,
): PracticeProgress {
  const before = progress.attempts[result.sampleId];
  const entry: ProgressEntry = {
    tries: (before?.tries ?? 0) + 1,
    bestPoints: Math.max(before?.bestPoints ?? 0, result.points),
    lastPoints: result.points,
    lastCorrect: result.decisionCorrect,
    lastAt: at,
  };
  return { version: 1, attempts: { ...progress.attempts, [result.sampleId]: entry } };
}

export interface ProgressSummary {
  /** Samples tried at least once. */
  readonly done: number;
  /** Samples whose last decision was right. */
  readonly correct: number;
  /** Mean of the best points of the samples tried, 0 when none. */
  readonly averagePoints: number;
}

export function summariseProgress(
  progress: PracticeProgress,
  samples: readonly PracticeSample[],
): ProgressSummary {
  const entries = samples.flatMap((s) => {
    const e = progress.attempts[s.id];
    return e === undefined ? [] : [e];
  });
  const total = entries.reduce((sum, e) => sum + e.bestPoints, 0);
  return {
    done: entries.length,
    correct: entries.filter((e) => e.lastCorrect).length,
    averagePoints: entries.length === 0 ? 0 : Math.round(total / entries.length),
  };
}

const MAX_ENTRIES = 1000;
const ID = /^[a-z0-9-]{1,80}$/;

/**
 * Progress read back from storage, validated: anything unexpected is dropped (an entry, or the
 * whole record when its shape is wrong), so a broken record never breaks the page.
 */
export function parseProgress(value: unknown): PracticeProgress {
  if (typeof value !== 'object' || value === null) return EMPTY_PROGRESS;
  const record = value as { version?: unknown; attempts?: unknown };
  if (record.version !== 1 || typeof record.attempts !== 'object' || record.attempts === null)
    return EMPTY_PROGRESS;
  const attempts: Record<string, ProgressEntry> = {};
  for (const [id, raw] of Object.entries(record.attempts).slice(0, MAX_ENTRIES)) {
    if (!ID.test(id) || typeof raw !== 'object' || raw === null) continue;
    const e = raw as Record<string, unknown>;
    const n = (v: unknown, max: number) =>
      typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : undefined;
    const tries = n(e.tries, 1e6);
    const bestPoints = n(e.bestPoints, 100);
    const lastPoints = n(e.lastPoints, 100);
    const lastAt = n(e.lastAt, 8.64e15);
    if (
      tries === undefined ||
      bestPoints === undefined ||
      lastPoints === undefined ||
      lastAt === undefined ||
      typeof e.lastCorrect !== 'boolean'
    )
      continue;
    attempts[id] = { tries, bestPoints, lastPoints, lastCorrect: e.lastCorrect, lastAt };
  }
  return { version: 1, attempts };
}
