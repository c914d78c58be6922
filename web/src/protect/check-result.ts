import { isRecord } from '../api.js';
import type { CheckResult, EngineEvidence, EngineVerdict, MessageKind } from './engine-types.js';

/**
 * One result as the page shows it, wherever it came from: the engine on this
 * device (camelCase), the server's `POST /api/check` (snake_case) or a shared
 * link (no evidence, since the message itself is never shared).
 */
export interface ShownResult {
  readonly kind: MessageKind;
  readonly verdict: EngineVerdict;
  /** 0..1 */
  readonly score: number;
  readonly category: string;
  readonly reasons: readonly ShownReason[];
  readonly nextSteps: readonly ShownStep[];
  readonly indicators: readonly { readonly type: string; readonly value: string }[];
  readonly language: { readonly code: string; readonly supported: boolean };
  readonly checked: readonly string[];
  readonly truncated: boolean;
  /** What could not be read (damaged parts, unknown characters); empty for shared results. */
  readonly notes: readonly string[];
  readonly modelVersion: string;
}

export interface ShownReason {
  readonly code: string;
  readonly message: string;
  readonly evidence?: { readonly field: string; readonly excerpt: string };
}

export interface ShownStep {
  readonly code: string;
  readonly message: string;
  readonly priority: number;
}

/** The reason the engine adds when the message is not in English: shown as a note, not a "why". */
export const LANGUAGE_REASON = 'language.not_english';

export function fromEngine(result: CheckResult): ShownResult {
  return {
    kind: result.kind,
    verdict: result.verdict,
    score: result.score,
    category: result.category,
    reasons: result.reasons.map((reason) => ({
      code: reason.code,
      message: reason.message,
      ...(reason.evidence === undefined ? {} : { evidence: evidenceOf(reason.evidence) }),
    })),
    nextSteps: [...result.nextSteps],
    indicators: result.indicators.map(({ type, value }) => ({ type, value })),
    language: result.language,
    checked: [...result.checked],
    truncated: result.truncated,
    notes: [...result.notes],
    modelVersion: result.modelVersion,
  };
}

function evidenceOf(evidence: EngineEvidence): ShownReason['evidence'] {
  return { field: evidence.field, excerpt: evidence.excerpt };
}

const KINDS = new Set<string>(['sms', 'email', 'url', 'phone']);
const VERDICTS = new Set<string>(['scam', 'suspicious', 'no_signs']);

/**
 * Check a result from the server (`POST /api/check` or `GET /api/shares/:token`,
 * both snake_case) and turn it into a {@link ShownResult}; null when the shape
 * is not what the page expects.
 */
export function parseWireResult(value: unknown): ShownResult | null {
  if (!isRecord(value)) return null;
  const { kind, verdict, score, category, language, truncated } = value;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return null;
  if (typeof verdict !== 'string' || !VERDICTS.has(verdict)) return null;
  if (typeof score !== 'number' || typeof category !== 'string') return null;
  const reasons = listOf(value.reasons, parseReason);
  const nextSteps = listOf(value.next_steps, parseStep);
  const indicators = listOf(value.indicators, parseIndicator);
  const checked = listOf(value.checked, (item) => (typeof item === 'string' ? item : null));
  if (reasons === null || nextSteps === null || indicators === null || checked === null)
    return null;
  return {
    kind: kind as MessageKind,
    verdict: verdict as EngineVerdict,
    score: Math.min(1, Math.max(0, score)),
    category,
    reasons,
    nextSteps,
    indicators,
    language:
      isRecord(language) && typeof language.code === 'string'
        ? { code: language.code, supported: language.supported !== false }
        : { code: 'und', supported: true },
    checked,
    truncated: truncated === true,
    notes: listOf(value.notes ?? [], (item) => (typeof item === 'string' ? item : null)) ?? [],
    modelVersion: typeof value.model_version === 'string' ? value.model_version : '',
  };
}

function parseReason(item: unknown): ShownReason | null {
  if (!isRecord(item) || typeof item.code !== 'string' || typeof item.message !== 'string')
    return null;
  const { evidence } = item;
  const shown = { code: item.code, message: item.message };
  if (isRecord(evidence) && typeof evidence.excerpt === 'string') {
    const field = typeof evidence.field === 'string' ? evidence.field : 'text';
    return { ...shown, evidence: { field, excerpt: evidence.excerpt } };
  }
  return shown;
}

function parseStep(item: unknown): ShownStep | null {
  if (!isRecord(item) || typeof item.code !== 'string' || typeof item.message !== 'string')
    return null;
  return {
    code: item.code,
    message: item.message,
    priority: typeof item.priority === 'number' ? item.priority : 99,
  };
}

function parseIndicator(item: unknown): ShownResult['indicators'][number] | null {
  if (!isRecord(item) || typeof item.type !== 'string' || typeof item.value !== 'string')
    return null;
  return { type: item.type, value: item.value };
}

/** Every item parsed, or null if the list is missing or any item is malformed. */
function listOf<T>(value: unknown, parse: (item: unknown) => T | null): T[] | null {
  if (!Array.isArray(value)) return null;
  const out: T[] = [];
  for (const item of value) {
    const parsed = parse(item);
    if (parsed === null) return null;
    out.push(parsed);
  }
  return out;
}
