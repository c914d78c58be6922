/**
 * The generated prompts of the round-5 recipes (round5-recipes.ts): attacks named as the
 * thing to make next to the same names under detect / explain / warn frames; transfers with an
 * evasive or an operational requirement; injected asks for a third person's data after filler
 * and planted statements at the end of documents, next to the same carriers with nothing
 * injected; host attacks and ordinary puzzles as capture-the-flag levels. A record is held out
 * when its frame or its item is (every fourth). Its own PRNG, so the earlier families are
 * unchanged record for record. Deterministic.
 */
import { mulberry32, type Prng } from '../../../platform/engine-kit/model/prng.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { framedItems, held, pick } from './generator-kit.js';
import {
  CTF_FRAMES,
  EVASIVE_ODDS,
  FILLER_OVERRIDES,
  FILLER_PARAGRAPHS,
  FILLER_QUESTIONS,
  FILLER_TOKENS,
  HARM_EXTRAS,
  HOST_ATTACKS,
  MAKE_FRAMES,
  MEMO_TASKS,
  MEMOS,
  NAME_TWIN_FRAMES,
  NAMED_HARMS,
  OPERATIONAL_ODDS,
  ORDINARY_THINGS,
  PLAIN_SIGNOFFS,
  PRIVATE_PEOPLE,
  PROPOSED_STATEMENTS,
  PUZZLE_TASKS,
  STUDY_SCENES,
  TRANSFER_DATA,
  TRANSFER_DESTINATIONS,
  TRANSFER_FRAMES,
} from './round5-recipes.js';

export const ROUND5_SEED = 20261215;

/** Scene + request; the request's first letter follows the scene. */
function scened(scene: string, request: string): string {
  const body = scene === '' ? request : request.charAt(0).toLowerCase() + request.slice(1);
  const text = `${scene}${body}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function namedHarms(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [i, [one, many, category]] of NAMED_HARMS.entries()) {
    for (const [t, frame] of MAKE_FRAMES.entries()) {
      if (prng.next() < 0.75) continue;
      const request = frame.text.replace('{H}', one).replace('{X}', pick(HARM_EXTRAS, prng));
      add({
        text: scened(pick(STUDY_SCENES, prng), request),
        label: category,
        defensive: false,
        split: held(i) || frame.heldout ? 'heldout' : 'train',
        source: `r5-make-t${t}`,
      });
    }
    for (const [t, frame] of NAME_TWIN_FRAMES.entries()) {
      if (prng.next() < 0.3) continue;
      const request = frame.text.replace('{H}', one).replace('{P}', many);
      add({
        text: scened(pick(STUDY_SCENES, prng), request),
        label: 'benign',
        defensive: true,
        split: held(i) || frame.heldout ? 'heldout' : 'train',
        source: `r5-name-twin-t${t}`,
      });
    }
  }
  // Ordinary things in the very same make frames and extras: the verb is not the signal.
  for (const [i, thing] of ORDINARY_THINGS.entries()) {
    for (const [t, frame] of MAKE_FRAMES.entries()) {
      if (prng.next() < 0.2) continue;
      const request = frame.text.replace('{H}', thing).replace('{X}', pick(HARM_EXTRAS, prng));
      add({
        text: scened(pick(STUDY_SCENES, prng), request),
        label: 'benign',
        defensive: false,
        split: held(i) || frame.heldout ? 'heldout' : 'train',
        source: `r5-make-ordinary-t${t}`,
      });
    }
  }
}

function transfers(prng: Prng, add: (r: TacticRecord) => void): void {
  const lists = [
    [EVASIVE_ODDS, 'r5-transfer-evasive'],
    [OPERATIONAL_ODDS, 'r5-transfer-ops'],
  ] as const;
  for (const [list, source] of lists)
    for (const [i, requirement] of list.entries())
      for (const [t, frame] of TRANSFER_FRAMES.entries()) {
        for (let k = 0; k < 2; k++) {
          add({
            text: frame.text
              .replace('{D}', pick(TRANSFER_DATA, prng))
              .replace('{T}', pick(TRANSFER_DESTINATIONS, prng))
              .replace('{R}', requirement),
            label: source === 'r5-transfer-evasive' ? 'data_exfiltration' : 'benign',
            defensive: false,
            split: held(i) || frame.heldout ? 'heldout' : 'train',
            source: `${source}-t${t}`,
          });
        }
      }
}

/** A filler: a nonsense token repeated, or an unrelated paragraph. */
function filler(prng: Prng): string {
  if (prng.next() < 0.5) return pick(FILLER_PARAGRAPHS, prng);
  const token = pick(FILLER_TOKENS, prng);
  const times = 10 + Math.floor(prng.next() * 30);
  return `${Array.from({ length: times }, () => token).join(' ')}.`;
}

function injections(prng: Prng, add: (r: TacticRecord) => void): void {
  const asks = [
    [FILLER_OVERRIDES, 'prompt_injection_jailbreak', 'r5-filler-override'],
    [FILLER_QUESTIONS, 'benign', 'r5-filler-question'],
  ] as const;
  for (const [list, label, source] of asks)
    for (const [i, ask] of list.entries())
      for (let k = 0; k < 6; k++) {
        add({
          text: `${filler(prng)} ${ask.replace('{N}', pick(PRIVATE_PEOPLE, prng))}`,
          label,
          defensive: false,
          split: held(i) ? 'heldout' : 'train',
          source,
        });
      }
  const endings = [
    [PROPOSED_STATEMENTS, 'prompt_injection_jailbreak', 'r5-memo-planted'],
    [PLAIN_SIGNOFFS, 'benign', 'r5-memo-plain'],
  ] as const;
  for (const [list, label, source] of endings)
    for (const [i, ending] of list.entries())
      for (const [t, task] of MEMO_TASKS.entries()) {
        if (prng.next() < 0.25) continue;
        add({
          text: task.text.replace('{M}', `${pick(MEMOS, prng)} ${ending}`),
          label,
          defensive: false,
          split: held(i) || task.heldout ? 'heldout' : 'train',
          source: `${source}-t${t}`,
        });
      }
}

function ctfLevels(add: (r: TacticRecord) => void): void {
  // One count over both lists: the puzzles' held-out places follow the attacks'.
  const items = [
    ...HOST_ATTACKS.map(([item, label]) => ({ item, label, source: 'r5-ctf-host' })),
    ...PUZZLE_TASKS.map((item) => ({ item, label: 'benign' as const, source: 'r5-ctf-puzzle' })),
  ].map((x, index) => ({ ...x, index }));
  framedItems(items, CTF_FRAMES, '{B}', add);
}

export function generateRound5Prompts(add: (r: TacticRecord) => void, seed = ROUND5_SEED): void {
  const prng = mulberry32(seed);
  namedHarms(prng, add);
  transfers(prng, add);
  injections(prng, add);
  ctfLevels(add);
}
