/**
 * The generated prompts of the round-7 recipes (round7-recipes.ts): admin-work asks aimed at
 * other people's systems next to the same tools on one's own systems and a defender's
 * "how would I notice"; orders hidden in e-mails, tickets and tool output next to notes for
 * people and to an analyst asking what the order tries to do; "forget your instructions" in six
 * languages followed by an ask for secrets, next to a user correcting their own request; and
 * ordinary questions with an exfiltrating or a harmless extra; everyday sentences that use an
 * override's words. A record is held out when its item or its template is (every fourth item).
 * Its own PRNG, so every earlier family is unchanged record for record. Deterministic.
 *
 * Not called by generate-prompts.ts (so not trained on): every model trained with the admin
 * families lost a dev benign prompt, below the 95% goal, and the one without them was not
 * better on the hand-written prompts (models/safeguards-model-card.md, "Round 7"). Wiring it in is
 * one call after generateRound6Prompts; every earlier record stays byte for byte the same.
 */
import { mulberry32, type Prng } from '../../../platform/engine-kit/model/prng.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { held, pick } from './generator-kit.js';
import {
  ADMIN_FRAMES,
  ADMIN_PAIRS,
  ADMIN_PAIRS_ML,
  ANALYST_FRAMES,
  CARRIER_BODIES,
  EVERYDAY_QUESTIONS,
  EXFIL_EXTRAS,
  EXTRA_FRAMES,
  HIDDEN_ORDERS,
  INJECTION_CARRIERS,
  INTRUDER_MANNER,
  NOTICE_FRAMES,
  OPERATOR_REASON,
  OTHERS_SYSTEMS,
  OVERRIDE_LANGUAGES,
  OVERRIDE_WORDS_PLAIN,
  OWN_SYSTEMS,
  PEOPLE_NOTES,
  PLAIN_EXTRAS,
} from './round7-recipes.js';

export const ROUND7_SEED = 20261207;

const split = (heldout: boolean): 'train' | 'heldout' => (heldout ? 'heldout' : 'train');

/** Each intruder action and its operations twin in every admin frame; the defender's questions. */
function adminWork(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [i, [intrusion, label, operation]] of ADMIN_PAIRS.entries())
    for (const [t, frame] of ADMIN_FRAMES.entries()) {
      const h = split(held(i) || frame.heldout === true);
      const fill = (a: string, target: string, s: string) =>
        frame.text.replace('{A}', a).replace('{T}', target).replace('{S}', s);
      add({
        text: fill(intrusion, pick(OTHERS_SYSTEMS, prng), pick(INTRUDER_MANNER, prng)),
        label,
        defensive: false,
        split: h,
        source: `r7-admin-other-t${t}`,
      });
      add({
        text: fill(operation, pick(OWN_SYSTEMS, prng), pick(OPERATOR_REASON, prng)),
        label: 'benign',
        defensive: true,
        split: h,
        source: `r7-admin-own-t${t}`,
      });
    }
  for (const [i, [intrusion]] of ADMIN_PAIRS.entries())
    for (const [t, frame] of NOTICE_FRAMES.entries())
      add({
        text: frame.text.replace('{A}', intrusion).replace('{T}', pick(OWN_SYSTEMS, prng)),
        label: 'benign',
        defensive: true,
        split: split(held(i) || frame.heldout === true),
        source: `r7-admin-notice-t${t}`,
      });
  for (const [i, [lang, intrusion, label, operation]] of ADMIN_PAIRS_ML.entries()) {
    const h = split(held(i));
    add({ text: intrusion, label, defensive: false, split: h, source: `r7-admin-other-${lang}` });
    add({
      text: operation,
      label: 'benign',
      defensive: true,
      split: h,
      source: `r7-admin-own-${lang}`,
    });
  }
}

/** A carrier body with an ending, at the end (mostly) or at the start. */
function withEnding(prng: Prng, ending: string): string {
  const body = pick(CARRIER_BODIES, prng);
  return prng.next() < 0.75 ? `${body} ${ending}` : `${ending} ${body}`;
}

/** Hidden orders and notes for people in the same carriers; the orders handed to an analyst. */
function carriers(prng: Prng, add: (r: TacticRecord) => void): void {
  const lists = [
    [HIDDEN_ORDERS, 'prompt_injection_jailbreak', 'r7-carrier-order'],
    [PEOPLE_NOTES, 'benign', 'r7-carrier-note'],
  ] as const;
  for (const [list, label, source] of lists)
    for (const [i, ending] of list.entries())
      for (let k = 0; k < 5; k++) {
        const t = Math.floor(prng.next() * INJECTION_CARRIERS.length);
        const frame = INJECTION_CARRIERS[t] as (typeof INJECTION_CARRIERS)[number];
        add({
          text: frame.text.replace('{D}', withEnding(prng, ending)),
          label,
          defensive: false,
          split: split(held(i) || frame.heldout === true),
          source: `${source}-t${t}`,
        });
      }
  for (const [i, order] of HIDDEN_ORDERS.entries())
    for (const [t, frame] of ANALYST_FRAMES.entries()) {
      if (prng.next() < 0.5) continue;
      add({
        text: frame.text.replace('{D}', withEnding(prng, order)),
        label: 'benign',
        defensive: true,
        split: split(held(i) || frame.heldout === true),
        source: `r7-carrier-analyst-t${t}`,
      });
    }
}

/** "Forget your instructions" and an ask for secrets vs a user's own correction, per language. */
function overrides(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const language of OVERRIDE_LANGUAGES) {
    const n = language.lang === 'en' ? 3 : 2;
    for (const [i, ask] of language.asks.entries())
      for (let k = 0; k < n; k++)
        add({
          text: `${pick(language.openers, prng)} ${ask}`,
          label: 'prompt_injection_jailbreak',
          defensive: false,
          split: split(held(i)),
          source: `r7-override-${language.lang}`,
        });
    for (const [i, correction] of language.corrections.entries())
      for (let k = 0; k < n; k++) {
        const lead = k === 0 ? '' : pick(language.leads, prng);
        add({
          text:
            lead === ''
              ? correction
              : `${lead} ${correction.charAt(0).toLowerCase()}${correction.slice(1)}`,
          label: 'benign',
          defensive: false,
          split: split(held(i)),
          source: `r7-correction-${language.lang}`,
        });
      }
  }
  for (const [i, text] of OVERRIDE_WORDS_PLAIN.entries())
    add({
      text,
      label: 'benign',
      defensive: false,
      split: split(held(i)),
      source: 'r7-override-words',
    });
}

/** Ordinary questions with an exfiltrating or a harmless extra, in the same frames. */
function extras(prng: Prng, add: (r: TacticRecord) => void): void {
  const lists = [
    [EXFIL_EXTRAS, 'prompt_injection_jailbreak', 'r7-extra-exfil'],
    [PLAIN_EXTRAS, 'benign', 'r7-extra-plain'],
  ] as const;
  for (const [list, label, source] of lists)
    for (const [i, extra] of list.entries())
      for (const [t, frame] of EXTRA_FRAMES.entries())
        add({
          text: frame.text.replace('{Q}', pick(EVERYDAY_QUESTIONS, prng)).replace('{X}', extra),
          label,
          defensive: false,
          split: split(held(i) || frame.heldout === true),
          source: `${source}-t${t}`,
        });
}

export function generateRound7Prompts(add: (r: TacticRecord) => void, seed = ROUND7_SEED): void {
  const prng = mulberry32(seed);
  adminWork(prng, add);
  carriers(prng, add);
  overrides(prng, add);
  extras(prng, add);
}
