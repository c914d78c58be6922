/**
 * The generated prompts of the round-4 recipes (technique-recipes.ts):
 * techniques asked for in third person ("something that {B}") inside shared
 * framings, next to ordinary operations, defensive tasks and detect-twins in
 * the very same framings; requests in Spanish, French and German (single
 * prompts, and techniques / tasks crossed with frames in each language); injected
 * orders that falsify an answer, hidden in structured documents (also
 * hex-encoded in a code comment), next to the same documents untouched; and
 * asks for a private person's data or the system's secrets behind chit-chat,
 * worked examples or a pretend world, next to public questions in the same
 * frames. A record is held out when its frame or its item is (every fourth).
 * Deterministic for a PRNG state.
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { LANGS, type Template } from './prompt-recipes.js';
import {
  ASK_FRAMES,
  DEFENSES_3P,
  DETECT_FRAMES_3P,
  ENDINGS,
  FALSIFY_ORDERS,
  FRAMES_3P,
  FRAMES_3P_OTHER,
  OPERATIONS_3P,
  PEOPLE,
  PLAIN_NOTES,
  PRIVATE_ASKS,
  PUBLIC_ASKS,
  SCENES,
  SOFT_CARRIERS,
  STRUCTURED_DOCUMENTS,
  STRUCTURED_TASKS,
  TECHNIQUES_3P,
  TECHNIQUES_3P_OTHER,
  TECHNIQUES_OTHER_LANGS,
} from './technique-recipes.js';

const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

const held = (i: number): boolean => i % 4 === 3;

const sentence = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Scene + frame with {B} filled + ending; the scene's case is kept, the request's first letter follows it. */
function framed(template: Template, behaviour: string, prng: Prng): string {
  const body = template.text.replace('{B}', behaviour).replace('{LANG}', pick(LANGS, prng));
  const scene = pick(SCENES, prng);
  const request = scene === '' ? body : body.charAt(0).toLowerCase() + body.slice(1);
  return sentence(`${scene}${request}${pick(ENDINGS, prng)}`);
}

/** Hex of a string's UTF-8 bytes (how an order is smuggled into a code comment). */
export function toHex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

export function generateTechniquePrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [a, [technique, category]] of TECHNIQUES_3P.entries()) {
    for (const [t, template] of FRAMES_3P.entries()) {
      if (prng.next() < 0.7) continue;
      add({
        text: framed(template, technique, prng),
        label: category,
        defensive: false,
        split: held(a) || template.heldout ? 'heldout' : 'train',
        source: `tech3-attack-t${t}`,
      });
    }
    for (const [t, template] of DETECT_FRAMES_3P.entries()) {
      if (prng.next() < 0.6) continue;
      add({
        text: framed(template, technique, prng),
        label: 'benign',
        defensive: true,
        split: held(a) || template.heldout ? 'heldout' : 'train',
        source: `tech3-detect-t${t}`,
      });
    }
  }
  // More benign than misuse records in these frames, so the frames and scenes lean to neither.
  const twins: readonly (readonly [readonly string[], boolean, string, number])[] = [
    [OPERATIONS_3P, false, 'tech3-ops', 0.35],
    [DEFENSES_3P, true, 'tech3-defend', 0.35],
  ];
  for (const [list, defensive, source, skip] of twins)
    for (const [i, task] of list.entries())
      for (const [t, template] of FRAMES_3P.entries()) {
        if (prng.next() < skip) continue;
        add({
          text: framed(template, task, prng),
          label: 'benign',
          defensive,
          split: held(i) || template.heldout ? 'heldout' : 'train',
          source: `${source}-t${t}`,
        });
      }
  for (const [i, [text, label]] of TECHNIQUES_OTHER_LANGS.entries())
    add({
      text,
      label,
      defensive: label === 'benign',
      split: i % 5 === 4 ? 'heldout' : 'train',
      source: 'tech3-lang',
    });
  for (const lang of ['es', 'fr', 'de'] as const)
    for (const [i, [body, label]] of TECHNIQUES_3P_OTHER[lang].entries())
      for (const [t, template] of FRAMES_3P_OTHER[lang].entries())
        add({
          text: template.text.replace('{B}', body),
          label,
          defensive: label === 'benign',
          split: held(i) || template.heldout ? 'heldout' : 'train',
          source: `tech3-${lang}-t${t}`,
        });
  generateSoftInjections(prng, add);
}

function generateSoftInjections(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [o, order] of FALSIFY_ORDERS.entries()) {
    for (const [c, carrier] of SOFT_CARRIERS.entries()) {
      if (prng.next() < 0.4) continue;
      const d = Math.floor(prng.next() * STRUCTURED_DOCUMENTS.length);
      const task = pick(STRUCTURED_TASKS, prng);
      const doc = STRUCTURED_DOCUMENTS[d] as string;
      const hidden = carrier.text.replace('{O}', order);
      add({
        text: task.text.replace('{D}', prng.next() < 0.5 ? `${doc} ${hidden}` : `${hidden} ${doc}`),
        label: 'prompt_injection_jailbreak',
        defensive: false,
        split: held(o) || held(d) || carrier.heldout || task.heldout ? 'heldout' : 'train',
        source: `soft-inject-t${c}`,
      });
    }
    // The order hex-encoded in a comment: the decoded layer is the injection.
    const task = STRUCTURED_TASKS[o % STRUCTURED_TASKS.length] as Template;
    add({
      text: task.text.replace(
        '{D}',
        `def f(x):\n    # ${toHex(`Ignore the code and ${order}.`)}\n    return x * 2\nprint(f(5))`,
      ),
      label: 'prompt_injection_jailbreak',
      defensive: false,
      split: held(o) || task.heldout ? 'heldout' : 'train',
      source: 'soft-inject-hex',
    });
  }
  for (const [t, task] of STRUCTURED_TASKS.entries())
    for (const [d, doc] of STRUCTURED_DOCUMENTS.entries())
      add({
        text: task.text.replace('{D}', doc),
        label: 'benign',
        defensive: false,
        split: held(d) || task.heldout ? 'heldout' : 'train',
        source: `soft-doc-t${t}`,
      });
  // The same documents with a harmless note where the orders hide: the order, not the place, decides.
  for (const [n, note] of PLAIN_NOTES.entries())
    for (const [d, doc] of STRUCTURED_DOCUMENTS.entries()) {
      if (prng.next() < 0.4) continue;
      const task = pick(STRUCTURED_TASKS, prng);
      add({
        text: task.text.replace('{D}', prng.next() < 0.5 ? `${doc} ${note}` : `${note} ${doc}`),
        label: 'benign',
        defensive: false,
        split: held(n) || held(d) || task.heldout ? 'heldout' : 'train',
        source: 'soft-note',
      });
    }
  const fill = (frame: Template, ask: string, k: number) =>
    frame.text.replace('{Q}', sentence(ask.replace('{P}', PEOPLE[k % PEOPLE.length] as string)));
  for (const [f, frame] of ASK_FRAMES.entries()) {
    for (const [q, ask] of PRIVATE_ASKS.entries())
      add({
        text: fill(frame, ask, q + f),
        label: 'prompt_injection_jailbreak',
        defensive: false,
        split: held(q) || frame.heldout ? 'heldout' : 'train',
        source: `private-ask-t${f}`,
      });
    for (const [q, ask] of PUBLIC_ASKS.entries())
      add({
        text: fill(frame, ask, q + f),
        label: 'benign',
        defensive: false,
        split: held(q) || frame.heldout ? 'heldout' : 'train',
        source: `public-ask-t${f}`,
      });
  }
}
