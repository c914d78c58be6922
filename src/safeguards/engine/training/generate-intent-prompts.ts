/**
 * The generated prompts of the intent recipes (intent-recipes.ts): each
 * technique asked for as code and, in twin frames, as the thing to detect or
 * block; defensive specifications naming attack techniques; secret-leaking
 * injections next to ordinary password questions; Spanish twins; the same
 * specifications and techniques with a negated requirement (harm ruled out
 * vs. defenders kept out). A record is
 * held out when its frame or its technique is (new topics, not only new
 * phrasings). Deterministic for a PRNG state.
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import {
  ASKS,
  CLOSINGS,
  DECEPTIVE_ASKS,
  DEFENSE_SYSTEMS,
  EVASIVE_REQUIREMENTS,
  GUARD_FRAMES,
  HONEST_ASKS,
  MESSAGE_FRAMES,
  NAMED_THREATS,
  PERSONAS,
  SAFE_REQUIREMENTS,
  SECRET_ASKS,
  SECRET_LOOKALIKES,
  SPANISH_ATTACKS,
  SPANISH_DEFENSES,
  SPANISH_FRAMES,
  SPANISH_REQUIREMENTS,
  SPEC_FRAMES,
  TARGETS,
  TECHNIQUES,
} from './intent-recipes.js';
import { LANGS } from './prompt-recipes.js';

const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

const held = (i: number): boolean => i % 4 === 3;

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function generateIntentPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [a, [technique, category]] of TECHNIQUES.entries()) {
    // Asked for as code: misuse, whatever the persona or the closing claims.
    for (const [k, ask] of ASKS.entries()) {
      if (prng.next() < 0.6) continue;
      const text = `${pick(PERSONAS, prng)}${ask} ${technique}.${pick(CLOSINGS, prng)}`;
      add({
        text: sentence(text.trim()),
        label: category,
        defensive: false,
        split: held(a) || k >= ASKS.length - 2 ? 'heldout' : 'train',
        source: 'intent-build',
      });
    }
    // The same technique as the thing to catch: benign.
    for (const frame of GUARD_FRAMES) {
      if (prng.next() < 0.4) continue;
      const body = frame.text.replace('{A}', technique);
      const text = `${pick(PERSONAS, prng)}${body}.${pick(CLOSINGS, prng)}`;
      add({
        text: sentence(text.trim()),
        label: 'benign',
        defensive: true,
        split: held(a) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-guard',
      });
    }
  }
  for (const [s, system] of DEFENSE_SYSTEMS.entries()) {
    for (const frame of SPEC_FRAMES) {
      if (prng.next() < 0.4) continue;
      add({
        text: frame.text
          .replace('{S}', system)
          .replace('{N}', pick(NAMED_THREATS, prng))
          .replace('{LANG}', pick(LANGS, prng)),
        label: 'benign',
        defensive: true,
        split: held(s) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-spec',
      });
    }
  }
  for (const [i, text] of SECRET_ASKS.entries())
    add({
      text,
      label: 'prompt_injection_jailbreak',
      defensive: false,
      split: held(i) ? 'heldout' : 'train',
      source: 'intent-secret',
    });
  for (const [i, text] of SECRET_LOOKALIKES.entries())
    add({
      text,
      label: 'benign',
      defensive: false,
      split: held(i) ? 'heldout' : 'train',
      source: 'intent-secret-ok',
    });
  for (const frame of SPANISH_FRAMES) {
    for (const [a, [attack, category]] of SPANISH_ATTACKS.entries())
      add({
        text: frame.text.replace('{X}', attack).replace('{LANG}', pick(LANGS, prng)),
        label: category,
        defensive: false,
        split: held(a) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-es-build',
      });
    for (const [d, defense] of SPANISH_DEFENSES.entries())
      add({
        text: frame.text.replace('{X}', defense).replace('{LANG}', pick(LANGS, prng)),
        label: 'benign',
        defensive: true,
        split: held(d) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-es-guard',
      });
  }
  generateRequirementPrompts(add);
  generateMessagePrompts(add);
}

/**
 * Deceptive messages aimed at a person (phishing, fraud) next to honest messages and anti-phishing
 * notes to the same people in the same framings. Picks by index, not from the PRNG.
 */
function generateMessagePrompts(add: (r: TacticRecord) => void): void {
  const fill = (frame: string, ask: string, target: string) =>
    sentence(frame.replace('{Q}', ask.replace('{T}', target)));
  for (const [f, frame] of MESSAGE_FRAMES.entries()) {
    for (const [q, ask] of DECEPTIVE_ASKS.entries())
      add({
        text: fill(frame.text, ask, TARGETS[(q + f) % TARGETS.length] as string),
        label: 'credential_theft_phishing',
        defensive: false,
        split: held(q) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-message',
      });
    for (const [q, ask] of HONEST_ASKS.entries())
      add({
        text: fill(frame.text, ask, TARGETS[(q + f + 3) % TARGETS.length] as string),
        label: 'benign',
        defensive: ask.includes('phishing') || ask.includes('report') || ask.includes('two-factor'),
        split: held(q) || frame.heldout ? 'heldout' : 'train',
        source: 'intent-message-ok',
      });
  }
}

/**
 * Specifications with a requirement sentence: a harm ruled out (benign) or the attack kept out of
 * sight (misuse). Picks by index, not from the PRNG, so the other families stay as they were.
 * The last two requirements of each list are held out.
 */
function generateRequirementPrompts(add: (r: TacticRecord) => void): void {
  const heldReq = (k: number, n: number): boolean => k >= n - 2;
  for (const [s, system] of DEFENSE_SYSTEMS.entries()) {
    for (const [f, frame] of SPEC_FRAMES.entries()) {
      if ((s + f) % 2 === 1) continue;
      const k = (s * 3 + f) % SAFE_REQUIREMENTS.length;
      const spec = frame.text
        .replace('{S}', system)
        .replace('{N}', NAMED_THREATS[(s + f) % NAMED_THREATS.length] as string)
        .replace('{LANG}', LANGS[(s + f) % LANGS.length] as string);
      add({
        text: `${spec} ${SAFE_REQUIREMENTS[k]}`,
        label: 'benign',
        defensive: true,
        split:
          held(s) || frame.heldout || heldReq(k, SAFE_REQUIREMENTS.length) ? 'heldout' : 'train',
        source: 'intent-spec-req',
      });
    }
  }
  for (const [a, [technique, category]] of TECHNIQUES.entries()) {
    for (let j = 0; j < 2; j++) {
      const k = (a * 2 + j) % EVASIVE_REQUIREMENTS.length;
      const ask = ASKS[(a + j * 5) % ASKS.length] as string;
      add({
        text: `${sentence(ask)} ${technique}. ${EVASIVE_REQUIREMENTS[k]}`,
        label: category,
        defensive: false,
        split: held(a) || heldReq(k, EVASIVE_REQUIREMENTS.length) ? 'heldout' : 'train',
        source: 'intent-build-req',
      });
    }
  }
  for (const [r, [requirement, benign]] of SPANISH_REQUIREMENTS.entries()) {
    const list = benign ? SPANISH_DEFENSES : SPANISH_ATTACKS.map(([x]) => x);
    for (const [i, body] of list.entries()) {
      if ((i + r) % 3 !== 0) continue;
      const frame = SPANISH_FRAMES[
        (i + r) % SPANISH_FRAMES.length
      ] as (typeof SPANISH_FRAMES)[number];
      add({
        text: `${frame.text.replace('{X}', body).replace('{LANG}', LANGS[i % LANGS.length] as string)} ${requirement}`,
        label: benign ? 'benign' : (SPANISH_ATTACKS[i] as (typeof SPANISH_ATTACKS)[number])[1],
        defensive: benign,
        split: held(i) || frame.heldout || r % 3 === 2 ? 'heldout' : 'train',
        source: benign ? 'intent-es-req' : 'intent-es-build-req',
      });
    }
  }
}
