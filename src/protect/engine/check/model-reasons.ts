/**
 * Reasons that explain a trained model's share of the score: the phrases
 * that pushed it, quoted, so a person can see what the model reacted to.
 */
import type { ModelExplanation } from '../model/load-model.js';
import type { Evidence, Reason, SignalSource } from '../types.js';

/** Below this (in log-odds) the model's opinion is too weak to be worth a sentence. */
const MIN_MODEL_WEIGHT = 0.4;

export type PhraseLocator = (phrase: {
  start: number;
  end: number;
  text: string;
}) => Evidence | undefined;

function quoted(phrases: readonly { text: string }[]): string {
  return phrases
    .slice(0, 3)
    .map((p) => `"${p.text.length > 60 ? `${p.text.slice(0, 57)}…` : p.text}"`)
    .join(', ');
}

const WORDING: Record<'text' | 'email' | 'url', { scam: string; genuine: string }> = {
  text: {
    scam: 'The wording is like scam messages we have seen: {phrases}.',
    genuine: 'The wording reads like ordinary messages: {phrases}.',
  },
  email: {
    scam: 'The wording is like scam and phishing emails we have seen: {phrases}.',
    genuine: 'The wording reads like ordinary email: {phrases}.',
  },
  url: {
    scam: 'This web address is built like addresses used for phishing: {phrases}.',
    genuine: 'This web address is built like ordinary addresses: {phrases}.',
  },
};

/**
 * One reason for the model's push, `model.scam_wording` or
 * `model.genuine_wording`, weighted by its contribution (`contribution` is the
 * model's log-odds after the combiner's scaling).
 */
export function modelReason(
  which: 'text' | 'email' | 'url',
  explanation: ModelExplanation,
  contribution: number,
  locate: PhraseLocator,
): Reason | undefined {
  if (Math.abs(contribution) < MIN_MODEL_WEIGHT) return undefined;
  const scam = contribution > 0;
  const phrases = scam ? explanation.positive : explanation.negative;
  if (phrases.length === 0) return undefined;
  const template = scam ? WORDING[which].scam : WORDING[which].genuine;
  const source: SignalSource = which === 'url' ? 'url' : 'text_model';
  const evidence = phrases.map((p) => locate(p)).find((e) => e !== undefined);
  return {
    code: scam ? `model.${which}_scam_wording` : `model.${which}_genuine_wording`,
    message: template.replace('{phrases}', quoted(phrases)),
    source,
    weight: contribution,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** Evidence for a span of a field's own text (clipped to the 200-character excerpt). */
export function spanEvidence(
  field: Evidence['field'],
  text: string,
  start: number,
  end: number,
): Evidence {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length, s + 200));
  return { field, start: s, end: e, excerpt: text.slice(s, e) };
}
