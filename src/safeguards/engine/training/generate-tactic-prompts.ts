/**
 * The generated prompts of the tactic, interpreter and injection recipes:
 * neutral research-framed requests for attack behaviours next to defensive
 * behaviours in the same frames, code for the assistant's interpreter that
 * attacks its host next to ordinary interpreter tasks, and prompt injections
 * next to the same tasks and documents without one. A record is held out when
 * its frame or its behaviour is held out (new topics as well as new phrasings).
 *
 * Part of `generatePrompts` since the clause-scope features (intent-clauses.ts)
 * let the model tell "detect X" from "do X"; trained in without them, these
 * prompts cost too many benign defensive prompts (model card, "Tried and not
 * shipped").
 */
import type { Prng } from '../../../platform/engine-kit/model/prng.js';
import type { PromptLabel } from '../types.js';
import {
  CARRIERS,
  DOCUMENT_TASKS,
  DOCUMENTS,
  HOST_ATTACKS,
  HOST_DEFENSIVE_TASKS,
  HOST_FRAMES,
  HOST_SNIPPETS,
  HOST_TASKS,
  INJECTED_ORDERS,
  INJECTION_LOOKALIKES,
  OVERRIDES,
  SNIPPET_FRAMES,
} from './interpreter-injection-recipes.js';
import { LANGS, type Template } from './prompt-recipes.js';
import {
  ATTACK_BEHAVIOURS,
  ATTACKER_FRAMES,
  CLOSINGS,
  CONTEXTS,
  DEFENDER_FRAMES,
  DEFENSE_BEHAVIOURS,
  DETECT_FRAMES,
  MULTILINGUAL_TACTIC,
  SHARED_FRAMES,
  TACTIC_CATEGORY,
  type Tactic,
} from './tactic-recipes.js';

export interface TacticRecord {
  readonly text: string;
  readonly label: PromptLabel;
  readonly defensive: boolean;
  readonly split: 'train' | 'heldout';
  readonly source: string;
}

const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

/** Every fourth behaviour of a list is held out. */
const heldBehaviour = (i: number): boolean => i % 4 === 3;

function frame(template: Template, slot: string, value: string, prng: Prng): string {
  const body = template.text.replace(slot, value).replace('{LANG}', pick(LANGS, prng));
  const text = `${pick(CONTEXTS, prng)}${body}${pick(CLOSINGS, prng)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function tacticPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [tactic, behaviours] of Object.entries(ATTACK_BEHAVIOURS) as [
    Tactic,
    readonly string[],
  ][]) {
    for (const [b, behaviour] of behaviours.entries()) {
      const frames = [...SHARED_FRAMES, ...ATTACKER_FRAMES];
      for (const [t, template] of frames.entries()) {
        if (prng.next() < 0.8) continue;
        add({
          text: frame(template, '{B}', behaviour, prng),
          label: TACTIC_CATEGORY[tactic],
          defensive: false,
          split: template.heldout || heldBehaviour(b) ? 'heldout' : 'train',
          source: `tactic-${tactic}-t${t}`,
        });
      }
      for (const [t, template] of DETECT_FRAMES.entries()) {
        if (prng.next() < 0.25) continue;
        add({
          text: frame(template, '{B}', behaviour, prng),
          label: 'benign',
          defensive: true,
          split: template.heldout || heldBehaviour(b) ? 'heldout' : 'train',
          source: `tactic-detect-t${t}`,
        });
      }
    }
  }
  for (const [b, behaviour] of DEFENSE_BEHAVIOURS.entries()) {
    for (const [t, template] of [...SHARED_FRAMES, ...DEFENDER_FRAMES].entries()) {
      if (prng.next() < 0.1) continue;
      add({
        text: frame(template, '{B}', behaviour, prng),
        label: 'benign',
        defensive: true,
        split: template.heldout || heldBehaviour(b) ? 'heldout' : 'train',
        source: `tactic-def-t${t}`,
      });
    }
  }
  for (const [i, m] of MULTILINGUAL_TACTIC.entries())
    add({
      text: m.text,
      label: m.label,
      defensive: m.label === 'benign',
      split: i % 5 === 4 ? 'heldout' : 'train',
      source: 'tactic-lang',
    });
}

export function interpreterPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [t, template] of HOST_FRAMES.entries()) {
    for (const [a, [attack, category]] of HOST_ATTACKS.entries()) {
      if (prng.next() < 0.3) continue;
      add({
        text: frame(template, '{T}', attack, prng),
        label: category,
        defensive: false,
        split: template.heldout || heldBehaviour(a) ? 'heldout' : 'train',
        source: `host-attack-t${t}`,
      });
    }
    for (const [a, task] of HOST_TASKS.entries()) {
      if (prng.next() < 0.2) continue;
      add({
        text: template.text.replace('{T}', task),
        label: 'benign',
        defensive: false,
        split: template.heldout || heldBehaviour(a) ? 'heldout' : 'train',
        source: `host-task-t${t}`,
      });
    }
    for (const [a, task] of HOST_DEFENSIVE_TASKS.entries()) {
      if (prng.next() < 0.2) continue;
      add({
        text: frame(template, '{T}', task, prng),
        label: 'benign',
        defensive: true,
        split: template.heldout || heldBehaviour(a) ? 'heldout' : 'train',
        source: `host-defend-t${t}`,
      });
    }
  }
  for (const [t, template] of SNIPPET_FRAMES.entries())
    for (const [s, [code, label]] of HOST_SNIPPETS.entries())
      add({
        text: template.text.replace('{C}', code),
        label,
        defensive: false,
        split: template.heldout || heldBehaviour(s) ? 'heldout' : 'train',
        source: `host-snippet-t${t}`,
      });
}

export function injectionPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const [o, order] of INJECTED_ORDERS.entries()) {
    for (const [t, template] of OVERRIDES.entries()) {
      if (prng.next() < 0.5) continue;
      add({
        text: template.text.replace('{O}', order),
        label: 'prompt_injection_jailbreak',
        defensive: false,
        split: template.heldout || heldBehaviour(o) ? 'heldout' : 'train',
        source: `inject-direct-t${t}`,
      });
    }
    for (const [t, carrier] of CARRIERS.entries()) {
      if (prng.next() < 0.5) continue;
      const task = pick(DOCUMENT_TASKS, prng);
      const d = Math.floor(prng.next() * DOCUMENTS.length);
      const doc = DOCUMENTS[d] as string;
      const hidden = carrier.text.replace('{O}', order);
      const body = prng.next() < 0.5 ? `${doc} ${hidden}` : `${hidden} ${doc}`;
      add({
        text: task.text.replace('{D}', body),
        label: 'prompt_injection_jailbreak',
        defensive: false,
        split:
          carrier.heldout || task.heldout || heldBehaviour(o) || heldBehaviour(d)
            ? 'heldout'
            : 'train',
        source: `inject-doc-t${t}`,
      });
    }
  }
  // The same tasks and documents with nothing injected, and look-alikes that mention instructions.
  for (const [t, task] of DOCUMENT_TASKS.entries())
    for (const [d, doc] of DOCUMENTS.entries())
      add({
        text: task.text.replace('{D}', doc),
        label: 'benign',
        defensive: false,
        split: task.heldout || heldBehaviour(d) ? 'heldout' : 'train',
        source: `doc-task-t${t}`,
      });
  for (const [i, text] of INJECTION_LOOKALIKES.entries())
    add({
      text,
      label: 'benign',
      defensive: false,
      split: heldBehaviour(i) ? 'heldout' : 'train',
      source: 'inject-lookalike',
    });
}

/** All records of these recipes, in a fixed order for a given PRNG state. */
export function generateTacticPrompts(prng: Prng, add: (r: TacticRecord) => void): void {
  tacticPrompts(prng, add);
  interpreterPrompts(prng, add);
  injectionPrompts(prng, add);
}
