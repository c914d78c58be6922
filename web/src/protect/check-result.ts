import type { Params } from '../../../src/platform/engine-kit/i18n/messages.js';
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
  /** `checked` as message keys, to say it in another language (absent on old shared results). */
  readonly checkedRefs?: readonly MessageRefShown[];
  readonly truncated: boolean;
  /** What could not be read (damaged parts, unknown characters); empty for shared results. */
  readonly notes: readonly string[];
  readonly noteRefs?: readonly MessageRefShown[];
  readonly modelVersion: string;
  /** The language its words are in, when known. */
  readonly locale?: string;
}

export interface MessageRefShown {
  readonly key: string;
  readonly params?: Params;
}

export interface ShownReason {
  readonly code: string;
  readonly message: string;
  readonly params?: Params;
  readonly evidence?: { readonly field: string; readonly excerpt: string };
}

export interface ShownStep {
  readonly code: string;
  readonly message: string;
  readonly priority: number;
}

/** The reason the engine adds when the message is not in English: shown as a note, not a "why". */
export const LANGUAGE_REASON = 'language.not_english';

/** The reason the engine gives a "suspicious" verdict that nothing in the message settles. */
export const UNCLEAR_REASON = 'model.unclear';

export function fromEngine(result: CheckResult): ShownResult {
  return {
    kind: result.kind,
    verdict: result.verdict,
    score: result.score,
    category: result.category,
    reasons: result.reasons.map((reason) => ({
      code: reason.code,
      message: reason.message,
      ...(reason.params === undefined ? {} : { params: reason.params }),
      ...(reason.evidence === undefined ? {} : { evidence: evidenceOf(reason.evidence) }),
    })),
    nextSteps: [...result.nextSteps],
    indicators: result.indicators.map(({ type, value }) => ({ type, value })),
    language: result.language,
    checked: [...result.checked],
    checkedRefs: [...result.checkedRefs],
    truncated: result.truncated,
    notes: [...result.notes],
    noteRefs: [...result.noteRefs],
    modelVersion: result.modelVersion,
    locale: result.locale,
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
  const checkedRefs =
    value.checked_refs === undefined ? null : listOf(value.checked_refs, parseRef);
  const noteRefs = value.note_refs === undefined ? null : listOf(value.note_refs, parseRef);
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
    ...(checkedRefs === null ? {} : { checkedRefs }),
    truncated: truncated === true,
    notes: listOf(value.notes ?? [], (item) => (typeof item === 'string' ? item : null)) ?? [],
    ...(noteRefs === null ? {} : { noteRefs }),
    modelVersion: typeof value.model_version === 'string' ? value.model_version : '',
    ...(typeof value.locale === 'string' ? { locale: value.locale } : {}),
  };
}

function parseReason(item: unknown): ShownReason | null {
  if (!isRecord(item) || typeof item.code !== 'string' || typeof item.message !== 'string')
    return null;
  const { evidence } = item;
  const params = parseParams(item.params);
  const shown = {
    code: item.code,
    message: item.message,
    ...(params === undefined ? {} : { params }),
  };
  if (isRecord(evidence) && typeof evidence.excerpt === 'string') {
    const field = typeof evidence.field === 'string' ? evidence.field : 'text';
    return { ...shown, evidence: { field, excerpt: evidence.excerpt } };
  }
  return shown;
}

/** Params as the server sends them: a flat object of strings and numbers; anything else is ignored. */
function parseParams(value: unknown): Params | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    out[name] = v;
  }
  return out;
}

function parseRef(item: unknown): MessageRefShown | null {
  if (!isRecord(item) || typeof item.key !== 'string') return null;
  const params = parseParams(item.params);
  return params === undefined ? { key: item.key } : { key: item.key, params };
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
