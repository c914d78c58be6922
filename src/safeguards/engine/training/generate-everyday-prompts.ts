/**
 * The generated prompts of the everyday recipes (everyday-recipes.ts): each
 * topic in a share of its frames, small talk, and prompts in other languages.
 * All benign, none defensive. A record is held out when its topic (every
 * fourth) or its frame is. Deterministic for a PRNG state.
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import {
  CODE_TASKS_ES,
  DO_FRAMES,
  DO_FRAMES_ES,
  DOINGS,
  DOINGS_ES,
  EVERYDAY_OTHER_LANGS,
  MAKE_FRAMES,
  MAKINGS,
  OPS_FEATURES,
  OPS_FUNCTIONS,
  SMALL_TALK,
  THING_FRAMES,
  THING_FRAMES_ES,
  THINGS,
  THINGS_ES,
} from './everyday-recipes.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { SPANISH_FRAMES } from './intent-recipes.js';
import { LANGS, SPEC_TEMPLATES, type Template } from './prompt-recipes.js';

const held = (i: number): boolean => i % 4 === 3;

const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Share of the (topic, frame) pairs kept: enough phrasings per topic without every pair. */
const KEEP = 0.5;

export function generateEverydayPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  const families: readonly [readonly Template[], readonly string[], string, string][] = [
    [THING_FRAMES, THINGS, '{N}', 'everyday-thing'],
    [DO_FRAMES, DOINGS, '{V}', 'everyday-do'],
    [MAKE_FRAMES, MAKINGS, '{W}', 'everyday-make'],
    [THING_FRAMES_ES, THINGS_ES, '{N}', 'everyday-es-thing'],
    [DO_FRAMES_ES, DOINGS_ES, '{V}', 'everyday-es-do'],
  ];
  for (const [frames, topics, slot, source] of families) {
    for (const [i, topic] of topics.entries()) {
      for (const frame of frames) {
        if (prng.next() >= KEEP) continue;
        const text = frame.text.replace(slot, topic);
        add({
          // Lower-case frames stay lower-case: people type like that.
          text: frame.text.startsWith(slot) ? sentence(text) : text,
          label: 'benign',
          defensive: false,
          split: held(i) || frame.heldout === true ? 'heldout' : 'train',
          source,
        });
      }
    }
  }
  // Ordinary Spanish programs in the Spanish code frames, every frame (as the attacks and defenses).
  for (const [i, task] of CODE_TASKS_ES.entries()) {
    for (const frame of SPANISH_FRAMES)
      add({
        text: frame.text.replace('{X}', task).replace('{LANG}', pick(LANGS, prng)),
        label: 'benign',
        defensive: false,
        split: held(i) || frame.heldout === true ? 'heldout' : 'train',
        source: 'everyday-es-code',
      });
  }
  // Operations work in the specification frames the misuse specifications use.
  for (const [i, fn] of OPS_FUNCTIONS.entries()) {
    for (const frame of SPEC_TEMPLATES) {
      if (prng.next() >= KEEP) continue;
      add({
        text: frame.text
          .replace('{LANG}', pick(LANGS, prng))
          .replace('{FUNCTION}', fn)
          .replace('{FEATURE}', pick(OPS_FEATURES, prng))
          .replace('{FEATURE2}', pick(OPS_FEATURES, prng)),
        label: 'benign',
        defensive: false,
        split: held(i) || frame.heldout === true ? 'heldout' : 'train',
        source: 'everyday-ops',
      });
    }
  }
  for (const [i, text] of SMALL_TALK.entries())
    add({
      text,
      label: 'benign',
      defensive: false,
      split: held(i) ? 'heldout' : 'train',
      source: 'everyday-smalltalk',
    });
  for (const [i, text] of EVERYDAY_OTHER_LANGS.entries())
    add({
      text,
      label: 'benign',
      defensive: false,
      split: held(i) ? 'heldout' : 'train',
      source: 'everyday-lang',
    });
}
