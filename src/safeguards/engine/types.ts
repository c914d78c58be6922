/**
 * The shapes the safeguards engine reads and returns. Pure data: the engine
 * runs in Node and in the browser.
 */

/** The risk categories of cyber misuse the classifier scores. */
export const RISK_CATEGORIES = [
  'malware_ransomware',
  'exploitation',
  'credential_theft_phishing',
  'defense_evasion',
  'ddos',
  'data_exfiltration',
  'prompt_injection_jailbreak',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Every label of the training data: a misuse category, or benign work (defensive or everyday). */
export type PromptLabel = RiskCategory | 'benign';

export const DECISIONS = ['allow', 'monitor', 'friction', 'block'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface Turn {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
}

/** What to classify: one text, or a conversation (its user turns are read together). */
export type ClassifyInput =
  | { readonly text: string; readonly role?: 'prompt' | 'response' }
  | { readonly turns: readonly Turn[]; readonly role?: 'prompt' | 'response' };

export interface CategoryScore {
  readonly id: RiskCategory;
  /** 0..1, the model's probability for this category. */
  readonly score: number;
}

export interface Reason {
  /** Stable code, e.g. `cue.stealth`, `decoded.base64`, `wrapper.roleplay`. */
  readonly code: string;
  /** Plain-language explanation. */
  readonly message: string;
  /** The words in the prompt that triggered it (clipped), or the feature behind it. */
  readonly evidence: string;
}

export interface Classification {
  readonly decision: Decision;
  /** 0..1: how likely the prompt asks for cyber misuse (after de-obfuscation). */
  readonly risk: number;
  /** Categories, highest score first. */
  readonly categories: readonly CategoryScore[];
  readonly reasons: readonly Reason[];
  /** 0..1: how much the prompt reads as legitimate defensive work. */
  readonly defensive: number;
}
