/**
 * The generated training prompts: templates × asks × fillers, sampled with a
 * seeded PRNG, plus multilingual prompts and jailbreak-wrapped variants.
 * Deterministic: the same seed gives the same records, in the same order.
 */
import { mulberry32, type Prng } from '../../../platform/engine-kit/model/prng.js';
import type { ClassifyInput, PromptLabel, RiskCategory } from '../types.js';
import { RISK_CATEGORIES } from '../types.js';
import { generateEverydayPrompts } from './generate-everyday-prompts.js';
import { generateIntentPrompts } from './generate-intent-prompts.js';
import { generateRound5Prompts } from './generate-round5-prompts.js';
import { generateRound6Prompts } from './generate-round6-prompts.js';
import { generateTacticPrompts, type TacticRecord } from './generate-tactic-prompts.js';
import { generateTechniquePrompts } from './generate-technique-prompts.js';
import { applyTransform, TRANSFORMS } from './jailbreak-transforms.js';
import {
  DEFEND_FRAMES,
  DEFENSIVE_ASKS,
  DEFENSIVE_FEATURES,
  DEFENSIVE_FUNCTIONS,
  DEFENSIVE_TEMPLATES,
  EVERYDAY_ASKS,
  EVERYDAY_PROMPTS,
  FRAMINGS,
  IMPLEMENT_FRAMES,
  INJECTION_PROMPTS,
  INTERPRETER_ATTACKS,
  INTERPRETER_FRAMES,
  INTERPRETER_TASKS,
  LANGS,
  MALICIOUS_ASKS,
  MALICIOUS_FEATURES,
  MALICIOUS_FUNCTIONS,
  MALICIOUS_TEMPLATES,
  MULTILINGUAL,
  PLAIN_FRAMES,
  RESEARCH_TEMPLATES,
  SPEC_TEMPLATES,
  STEALTH,
  STEALTH2,
  STEALTH3,
  TARGETS,
  TECHNIQUE_ASKS,
  TECHNIQUES,
  type Template,
} from './prompt-recipes.js';

export interface PromptRecord {
  readonly id: string;
  readonly input: ClassifyInput;
  readonly label: PromptLabel;
  /** Benign security work (detection, hardening, response, education). */
  readonly defensive: boolean;
  readonly split: 'train' | 'heldout';
  readonly source: string;
}

/** The request templates without stealth demands: phrasing alone must not decide the label. */
const NEUTRAL_MALICIOUS_TEMPLATES: readonly Template[] = MALICIOUS_TEMPLATES.filter(
  (t) => !t.text.includes('{STEALTH'),
);

/** Category of each MALICIOUS_FUNCTIONS entry, by position. */
const SPEC_CATEGORY: readonly RiskCategory[] = [
  'malware_ransomware',
  'malware_ransomware',
  'malware_ransomware',
  'defense_evasion',
  'credential_theft_phishing',
  'ddos',
  'data_exfiltration',
  'malware_ransomware',
  'exploitation',
  'credential_theft_phishing',
  'malware_ransomware',
  'data_exfiltration',
  'defense_evasion',
  'credential_theft_phishing',
];

const pick = <T>(items: readonly T[], prng: Prng): T =>
  items[Math.floor(prng.next() * items.length)] as T;

function fill(template: Template, ask: string, prng: Prng): string {
  return template.text
    .replace('{ASK}', ask.replace('{X}', pick(TARGETS, prng)))
    .replace('{LANG}', pick(LANGS, prng))
    .replace('{STEALTH}', pick(STEALTH, prng))
    .replace('{STEALTH2}', pick(STEALTH2, prng))
    .replace('{STEALTH3}', pick(STEALTH3, prng))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every template crossed with every ask of a category, each filled once. */
export function generatePrompts(seed = 20261206): PromptRecord[] {
  const prng = mulberry32(seed);
  const out: PromptRecord[] = [];
  let n = 0;
  const add = (r: Omit<PromptRecord, 'id'>) => {
    n += 1;
    out.push({ id: `gen-${n}`, ...r });
  };
  for (const category of RISK_CATEGORIES) {
    const injection = category === 'prompt_injection_jailbreak';
    for (const ask of MALICIOUS_ASKS[category]) {
      for (const [t, template] of [...MALICIOUS_TEMPLATES, ...DEFENSIVE_TEMPLATES].entries()) {
        if (t >= MALICIOUS_TEMPLATES.length && prng.next() < 0.6) continue;
        // Injections are mostly said directly; a few through the request templates.
        if (injection && t % 4 !== 0) continue;
        if (!injection && prng.next() < 0.2) continue;
        const text =
          injection && t === 0
            ? ask[0]?.toUpperCase() + ask.slice(1)
            : pick(FRAMINGS, prng) + fill(template, ask, prng);
        add({
          input: { text },
          label: category,
          defensive: false,
          split: template.heldout ? 'heldout' : 'train',
          source: `mal-t${t}`,
        });
      }
    }
    for (const ask of DEFENSIVE_ASKS[category]) {
      for (const [t, template] of [
        ...DEFENSIVE_TEMPLATES,
        ...NEUTRAL_MALICIOUS_TEMPLATES,
      ].entries()) {
        if (prng.next() < (t >= DEFENSIVE_TEMPLATES.length ? 0.5 : 0.15)) continue;
        add({
          input: { text: pick(FRAMINGS, prng) + fill(template, ask, prng) },
          label: 'benign',
          defensive: true,
          split: template.heldout ? 'heldout' : 'train',
          source: `def-t${t}`,
        });
      }
    }
  }
  // Offensive techniques asked for by name, in research framings.
  for (const category of RISK_CATEGORIES) {
    for (const ask of TECHNIQUE_ASKS[category]) {
      for (const [t, template] of RESEARCH_TEMPLATES.entries()) {
        if (prng.next() < 0.45) continue;
        const text = template.text.replace('{ask_lang}', pick(LANGS, prng));
        add({
          input: { text: fill({ ...template, text }, ask, prng) },
          label: category,
          defensive: false,
          split: template.heldout ? 'heldout' : 'train',
          source: `tech-t${t}`,
        });
      }
    }
  }
  // The same framings around defensive work: a framing alone must not read as misuse.
  for (const category of RISK_CATEGORIES) {
    for (const ask of DEFENSIVE_ASKS[category]) {
      for (const [t, template] of RESEARCH_TEMPLATES.entries()) {
        if (t === 6 || prng.next() < 0.7) continue;
        const text = template.text.replace('{ask_lang}', pick(LANGS, prng));
        add({
          input: { text: fill({ ...template, text }, ask, prng) },
          label: 'benign',
          defensive: true,
          split: template.heldout ? 'heldout' : 'train',
          source: `techdef-t${t}`,
        });
      }
    }
  }
  // Techniques by name: implement-frames are misuse, defend-frames defensive work.
  for (const [technique, category] of TECHNIQUES) {
    for (const [t, frame] of IMPLEMENT_FRAMES.entries()) {
      if (prng.next() < 0.5) continue;
      const text = frame.text.replace('{T}', technique).replace('{LANG}', pick(LANGS, prng));
      add({
        input: { text: pick(FRAMINGS, prng) + text },
        label: category,
        defensive: false,
        split: frame.heldout ? 'heldout' : 'train',
        source: `impl-t${t}`,
      });
    }
    for (const [t, frame] of DEFEND_FRAMES.entries()) {
      if (prng.next() < 0.5) continue;
      const text = frame.text.replace('{T}', technique).replace('{LANG}', pick(LANGS, prng));
      add({
        input: { text: pick(FRAMINGS, prng) + text },
        label: 'benign',
        defensive: true,
        split: frame.heldout ? 'heldout' : 'train',
        source: `defend-t${t}`,
      });
    }
  }
  // Code for the assistant's own interpreter: attacks on its host, and ordinary tasks, in the same frames.
  for (const [t, frame] of INTERPRETER_FRAMES.entries()) {
    for (const [attack, category] of INTERPRETER_ATTACKS) {
      if (prng.next() < 0.4) continue;
      add({
        input: { text: pick(FRAMINGS, prng) + frame.text.replace('{T}', attack) },
        label: category,
        defensive: false,
        split: frame.heldout ? 'heldout' : 'train',
        source: `interp-t${t}`,
      });
    }
    for (const task of INTERPRETER_TASKS) {
      if (prng.next() < 0.4) continue;
      add({
        input: { text: frame.text.replace('{T}', task) },
        label: 'benign',
        defensive: false,
        split: frame.heldout ? 'heldout' : 'train',
        source: `interp-ok-t${t}`,
      });
    }
  }
  for (const [i, text] of INJECTION_PROMPTS.entries()) {
    add({
      input: { text },
      label: 'prompt_injection_jailbreak',
      defensive: false,
      split: i % 5 === 4 ? 'heldout' : 'train',
      source: 'injection',
    });
  }
  // Specification-style code requests, defensive and malicious, sharing their requirement phrases.
  const specs = [
    {
      fns: DEFENSIVE_FUNCTIONS,
      feats: DEFENSIVE_FEATURES,
      label: 'benign' as const,
      src: 'spec-def',
    },
    {
      fns: MALICIOUS_FUNCTIONS,
      feats: MALICIOUS_FEATURES,
      label: 'malicious' as const,
      src: 'spec-mal',
    },
  ];
  for (const spec of specs) {
    for (const [f, fn] of spec.fns.entries()) {
      for (const [t, template] of SPEC_TEMPLATES.entries()) {
        if (prng.next() < 0.4) continue;
        const text = template.text
          .replace('{LANG}', pick(LANGS, prng))
          .replace('{FUNCTION}', fn)
          .replace('{FEATURE}', pick(spec.feats, prng))
          .replace('{FEATURE2}', pick(spec.feats, prng));
        const label = spec.label === 'benign' ? 'benign' : SPEC_CATEGORY[f % SPEC_CATEGORY.length];
        add({
          input: { text: pick(FRAMINGS, prng) + text },
          label: label ?? 'malware_ransomware',
          defensive: spec.label === 'benign',
          split: template.heldout ? 'heldout' : 'train',
          source: `${spec.src}-t${t}`,
        });
      }
    }
  }
  // Everyday requests in the same frames as misuse requests: the frame is not the signal.
  for (const ask of EVERYDAY_ASKS) {
    for (const [t, frame] of [...PLAIN_FRAMES, ...NEUTRAL_MALICIOUS_TEMPLATES].entries()) {
      if (prng.next() < 0.6) continue;
      add({
        input: { text: fill(frame, ask, prng) },
        label: 'benign',
        defensive: false,
        split: frame.heldout ? 'heldout' : 'train',
        source: `plain-t${t}`,
      });
    }
  }
  for (const [i, text] of EVERYDAY_PROMPTS.entries()) {
    add({
      input: { text },
      label: 'benign',
      defensive: false,
      split: i % 5 === 4 ? 'heldout' : 'train',
      source: 'everyday',
    });
  }
  for (const [i, m] of MULTILINGUAL.entries()) {
    add({
      input: { text: m.text },
      label: m.label,
      defensive: m.label === 'benign',
      split: i % 6 === 5 ? 'heldout' : 'train',
      source: `lang-${m.lang}`,
    });
  }
  // Research-framed techniques next to their detect-twins, interpreter abuse, injections
  // (tactic recipes), then who-acts-on-what twins, specifications and Spanish (intent recipes).
  const addRecord = (r: TacticRecord) =>
    add({
      input: { text: r.text },
      label: r.label,
      defensive: r.defensive,
      split: r.split,
      source: r.source,
    });
  generateTacticPrompts(prng, addRecord);
  generateIntentPrompts(prng, addRecord);
  // Ordinary traffic, so that a prompt with no attack in it is not near even odds.
  generateEverydayPrompts(prng, addRecord);
  // Round 4: techniques in third person inside shared framings, soft injections, private-data asks.
  generateTechniquePrompts(prng, addRecord);
  // Jailbreak-wrapped copies of a share of the misuse prompts (and a few benign ones, which stay benign).
  const base = out.slice();
  for (const r of base) {
    if (!('text' in r.input) || r.source.startsWith('lang') || r.source.includes('-es-')) continue;
    const share = 0.15;
    if (prng.next() >= share) continue;
    const drawn = pick(TRANSFORMS, prng);
    // A DAN-style wrapper is itself a jailbreak attempt: benign prompts get the other wrappers.
    const transform = r.label === 'benign' && drawn === 'roleplay' ? 'novel' : drawn;
    add({
      input: applyTransform(transform, r.input.text, Math.floor(prng.next() * 3)),
      label: r.label,
      defensive: r.defensive,
      split: r.split,
      source: `${r.source}+${transform}`,
    });
  }
  // Round 5 (after the wrapped copies, with its own PRNG: every earlier record is unchanged).
  generateRound5Prompts(addRecord);
  // Round 6 (its own PRNG too): planted orders in documents, private-data asks in many
  // languages, worked examples ending in a secret, attacker goals said plainly; with twins.
  generateRound6Prompts(addRecord);
  return out;
}

export type { RiskCategory };
