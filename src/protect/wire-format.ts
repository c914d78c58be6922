import type { CheckResult, MessageRef } from './engine/types.js';

/**
 * The HTTP and CLI wire shape of a result: the engine's fields in snake_case
 * (`next_steps`, `model_version`), the convention of our JSON APIs. The words
 * are in `locale`; `reasons[].params`, `checked_refs` and `note_refs` let a
 * client (or a shared link) say the same result again in another language.
 */
export interface WireResult {
  readonly kind: CheckResult['kind'];
  readonly verdict: CheckResult['verdict'];
  readonly score: number;
  readonly category: CheckResult['category'];
  readonly reasons: CheckResult['reasons'][number][];
  readonly next_steps: CheckResult['nextSteps'][number][];
  readonly indicators: CheckResult['indicators'][number][];
  readonly language: CheckResult['language'];
  readonly checked: string[];
  readonly truncated: boolean;
  readonly notes: string[];
  readonly model_version: string;
  readonly locale: CheckResult['locale'];
  readonly checked_refs: MessageRef[];
  readonly note_refs: MessageRef[];
}

export function toWire(result: CheckResult): WireResult {
  return {
    kind: result.kind,
    verdict: result.verdict,
    score: Math.round(result.score * 1000) / 1000,
    category: result.category,
    reasons: [...result.reasons],
    next_steps: [...result.nextSteps],
    indicators: [...result.indicators],
    language: result.language,
    checked: [...result.checked],
    truncated: result.truncated,
    notes: [...result.notes],
    model_version: result.modelVersion,
    locale: result.locale,
    checked_refs: [...result.checkedRefs],
    note_refs: [...result.noteRefs],
  };
}

/** One batch input line: `{"id","kind","text"|"raw"|"url"|"phone"}` (`raw` is a whole email as a string). */
export interface BatchItem {
  readonly id?: string | number;
  readonly kind?: string;
  readonly text?: string;
  readonly raw?: string;
  readonly url?: string;
  readonly phone?: string;
}

/** One batch answer (HTTP batch and `check --jsonl`): the result's headline fields, or why the item could not be checked. */
export type BatchLine =
  | (Pick<WireResult, 'verdict' | 'score' | 'category' | 'reasons' | 'indicators'> & {
      readonly id: string | number | null;
    })
  | { readonly id: string | number | null; readonly error: { code: string; message: string } };

export function batchLine(id: string | number | null, result: CheckResult): BatchLine {
  const r = toWire(result);
  return {
    id,
    verdict: r.verdict,
    score: r.score,
    category: r.category,
    reasons: r.reasons,
    indicators: r.indicators,
  };
}
