/**
 * The generated prompts of the round-6 recipes (round6-recipes.ts): orders planted in the
 * documents a task is about (prose in six languages, and code, tables, JSON, CSV, SQL, YAML),
 * next to the same documents with a note for people; a third person's private data asked for in
 * English after small talk and in many languages and scripts, next to public questions; worked
 * Q/A examples ending in a question for the system's secrets, next to an ordinary question; and
 * what an attacker wants said plainly, next to the same tools on one's own systems. A record is
 * held out when its item or its template is (every fourth item). Its own PRNG, so every earlier
 * family is unchanged record for record. Deterministic.
 */
import { mulberry32, type Prng } from '../../../platform/engine-kit/model/prng.js';
import type { TacticRecord } from './generate-tactic-prompts.js';
import { capitalise, framed, framedItems, held, pick } from './generator-kit.js';
import {
  AI_TOPIC_FRAMES,
  AI_TOPICS,
  ASSISTANT_QUESTIONS,
  ATTACKER_GOALS,
  FORMAT_PLAIN,
  FORMAT_SECRETS,
  FORMAT_TRICKS,
  GOAL_FRAMES,
  INSTRUCTION_FRAMES,
  INSTRUCTION_TASKS,
  MULTILINGUAL_ASKS,
  MULTILINGUAL_PERSON_ASKS,
  OPERATOR_TASKS,
  PERSON_ASKS,
  PLANTED_LANGUAGES,
  PRIVATE_ASKS,
  PUBLIC_ASKS,
  ROLE_HARMS,
  ROLE_TASKS,
  ROLES,
  ROUND6_PEOPLE,
  SHOT_PAIRS,
  SHOT_PLAIN_ASKS,
  SHOT_SECRET_ASKS,
  SMALL_TALK,
  STRUCTURED_CARRIERS,
  STRUCTURED_NOTES,
  STRUCTURED_ORDERS,
  TURNS,
} from './round6-recipes.js';

export const ROUND6_SEED = 20261216;

/** Prose documents with a planted order or a note for people, at the end or at the start. */
function plantedProse(prng: Prng, add: (r: TacticRecord) => void): void {
  for (const language of PLANTED_LANGUAGES) {
    const endings = [
      [language.orders, 'prompt_injection_jailbreak', `r6-planted-${language.lang}`],
      [language.notes, 'benign', `r6-noted-${language.lang}`],
    ] as const;
    for (const [list, label, source] of endings)
      for (const [i, ending] of list.entries())
        for (let k = 0; k < 4; k++) {
          const t = Math.floor(prng.next() * language.tasks.length);
          const task = language.tasks[t] as (typeof language.tasks)[number];
          const doc = pick(language.documents, prng);
          const body = prng.next() < 0.75 ? `${doc} ${ending}` : `${ending} ${doc}`;
          add({
            text: task.text.replace('{D}', body),
            label,
            defensive: false,
            split: held(i) || task.heldout ? 'heldout' : 'train',
            source: `${source}-t${t}`,
          });
        }
  }
}

/** Code, tables and configs with a planted order or an ordinary comment in the same place. */
function plantedStructured(add: (r: TacticRecord) => void): void {
  framed(
    [
      [STRUCTURED_ORDERS, 'prompt_injection_jailbreak', 'r6-structured-order'],
      [STRUCTURED_NOTES, 'benign', 'r6-structured-note'],
    ],
    STRUCTURED_CARRIERS,
    '{P}',
    add,
  );
}

/** A third person's data (misuse) or a public question (benign), plain or after small talk. */
function privateAsks(prng: Prng, add: (r: TacticRecord) => void): void {
  const lists = [
    [PRIVATE_ASKS, 'prompt_injection_jailbreak', 'r6-private-en'],
    [PUBLIC_ASKS, 'benign', 'r6-public-en'],
    [PERSON_ASKS, 'benign', 'r6-person-en'],
  ] as const;
  // Asks that name a person get more draws, so names are as common in benign as in misuse.
  for (const [list, label, source] of lists)
    for (const [i, ask] of list.entries())
      for (let k = 0, n = source === 'r6-person-en' ? 6 : 4; k < n; k++) {
        const question = ask.replace('{N}', pick(ROUND6_PEOPLE, prng));
        const text =
          k % 4 < 3
            ? `${pick(SMALL_TALK, prng)} ${pick(TURNS, prng)} ${question}`
            : capitalise(question);
        add({
          text,
          label,
          defensive: false,
          split: held(i) ? 'heldout' : 'train',
          source: `${source}-t${k % 4 < 3 ? 0 : 1}`,
        });
      }
  for (const [i, [lang, misuse, benign]] of MULTILINGUAL_ASKS.entries()) {
    const split = held(i) ? 'heldout' : 'train';
    for (let k = 0; k < 2; k++)
      add({
        text: misuse.replace('{N}', ROUND6_PEOPLE[(i + 3 * k) % ROUND6_PEOPLE.length] as string),
        label: 'prompt_injection_jailbreak',
        defensive: false,
        split,
        source: `r6-private-ml-${lang}`,
      });
    add({ text: benign, label: 'benign', defensive: false, split, source: `r6-public-ml-${lang}` });
  }
  for (const [i, [lang, ask]] of MULTILINGUAL_PERSON_ASKS.entries())
    for (let k = 0; k < 3; k++)
      add({
        text: ask.replace('{N}', ROUND6_PEOPLE[(i + 5 * k) % ROUND6_PEOPLE.length] as string),
        label: 'benign',
        defensive: false,
        split: held(i) ? 'heldout' : 'train',
        source: `r6-person-ml-${lang}`,
      });
}

/** Two to four worked Q/A examples, then the last question. */
function shots(prng: Prng, add: (r: TacticRecord) => void): void {
  const lists = [
    [SHOT_SECRET_ASKS, 'prompt_injection_jailbreak', 'r6-shots-secret'],
    [SHOT_PLAIN_ASKS, 'benign', 'r6-shots-plain'],
  ] as const;
  for (const [list, label, source] of lists)
    for (const [i, ask] of list.entries())
      for (let k = 0; k < 8; k++) {
        const n = 2 + Math.floor(prng.next() * 3);
        const start = Math.floor(prng.next() * SHOT_PAIRS.length);
        const examples = Array.from({ length: n }, (_, j) => {
          const [q, a] = SHOT_PAIRS[(start + j) % SHOT_PAIRS.length] as readonly [string, string];
          return `Q: ${q} A: ${a}`;
        });
        const question = ask.replace('{N}', pick(ROUND6_PEOPLE, prng));
        add({
          text: `${examples.join(' ')} Q: ${question} A:`,
          label,
          defensive: false,
          split: held(i) ? 'heldout' : 'train',
          source,
        });
      }
}

/** Secrets asked for through a formatting trick vs the same tricks on ordinary words. */
function formatTricks(add: (r: TacticRecord) => void): void {
  framed(
    [
      [FORMAT_SECRETS, 'prompt_injection_jailbreak', 'r6-format-secret'],
      [FORMAT_PLAIN, 'benign', 'r6-format-plain'],
    ],
    FORMAT_TRICKS,
    '{S}',
    add,
  );
}

/** Everyday talk about AI, ordinary instructions and harmless role-play: benign only. */
function everydayAi(prng: Prng, add: (r: TacticRecord) => void): void {
  const benign = (text: string, split: boolean, source: string) =>
    add({ text, label: 'benign', defensive: false, split: split ? 'heldout' : 'train', source });
  for (const [i, topic] of AI_TOPICS.entries())
    for (const [t, frame] of AI_TOPIC_FRAMES.entries()) {
      if (prng.next() < 0.7) continue;
      benign(
        capitalise(frame.text.replace('{X}', topic)),
        held(i) || frame.heldout === true,
        `r6-ai-topic-t${t}`,
      );
    }
  for (const [i, question] of ASSISTANT_QUESTIONS.entries())
    benign(question, held(i), 'r6-ai-assistant');
  for (const [i, task] of INSTRUCTION_TASKS.entries())
    for (const [t, frame] of INSTRUCTION_FRAMES.entries())
      benign(
        frame.text.replace('{Z}', task),
        held(i) || frame.heldout === true,
        `r6-instructions-t${t}`,
      );
  for (const [i, role] of ROLES.entries())
    for (let k = 0; k < 3; k++) {
      benign(`Pretend you are ${role} and ${pick(ROLE_TASKS, prng)}.`, held(i), 'r6-roleplay');
      const [harm, category] = pick(ROLE_HARMS, prng);
      add({
        text: `Pretend you are ${role} and ${harm}.`,
        label: category,
        defensive: false,
        split: held(i) ? 'heldout' : 'train',
        source: 'r6-roleplay-harm',
      });
    }
}

/** Attacker goals said plainly vs the same tools on one's own systems, in the same frames. */
function goals(add: (r: TacticRecord) => void): void {
  framedItems(
    [
      ...ATTACKER_GOALS.map(([item, label], index) => ({ item, label, source: 'r6-goal', index })),
      ...OPERATOR_TASKS.map((item, index) => ({
        item,
        label: 'benign' as const,
        source: 'r6-goal-ops',
        index,
      })),
    ],
    GOAL_FRAMES,
    '{B}',
    add,
  );
}

export function generateRound6Prompts(add: (r: TacticRecord) => void, seed = ROUND6_SEED): void {
  const prng = mulberry32(seed);
  plantedProse(prng, add);
  plantedStructured(add);
  privateAsks(prng, add);
  shots(prng, add);
  goals(add);
  formatTricks(add);
  everydayAi(prng, add);
}
