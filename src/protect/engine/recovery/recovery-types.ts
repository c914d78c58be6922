/**
 * "I already clicked / paid / gave my code": what can have happened, and the shape of one step of
 * the recovery checklist. Pure types and constants; the steps themselves are data in
 * recovery-steps.ts and their words are in recovery-messages.ts.
 */
import type { Category } from '../types.js';

/** What the person did, as they would say it. Several may apply at once. */
export const WHAT_HAPPENED = [
  'password',
  'card',
  'gift_card',
  'crypto',
  'bank_transfer',
  'remote_access',
  'one_time_code',
  'personal_details',
  'only_opened',
] as const;
export type WhatHappened = (typeof WHAT_HAPPENED)[number];

/** Money left (or may leave) the person's hands: the "beware of recovery scammers" cases. */
export const PAID: readonly WhatHappened[] = ['card', 'gift_card', 'crypto', 'bank_transfer'];

/** How soon: `now` (the next minutes), `today`, `this_week`. The checklist is in this order. */
export const PRIORITIES = ['now', 'today', 'this_week'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** ISO 3166-1 alpha-2, upper case (`US`, `GB`, `ES`). */
export type CountryCode = string;

/** A country-specific version of a step: its own words and, where useful, a link or a phone number. */
export interface StepVariant {
  /** Message key suffix: the step's words are `step.<id>.<variant>.text` / `.why`. */
  readonly variant: string;
  readonly link?: string;
  readonly phone?: string;
}

/** One step as data. `when` decides whether it applies to a situation. */
export interface StepDefinition {
  readonly id: string;
  readonly priority: Priority;
  /** Applies when any of these happened. */
  readonly what: readonly WhatHappened[];
  /** Applies only for these scam categories (any category when absent). */
  readonly categories?: readonly Category[];
  readonly link?: string;
  readonly phone?: string;
  /** Per-country words and links; `default` is used for a country not listed (or none given). */
  readonly byCountry?: Readonly<Record<CountryCode | 'default', StepVariant>>;
}

/** A step as a person reads it. */
export interface RecoveryStep {
  readonly id: string;
  readonly priority: Priority;
  /** What to do, in plain words. */
  readonly text: string;
  /** Why it helps. */
  readonly why: string;
  /** An official page to open, https, or an in-app path starting with `/`. */
  readonly link?: string;
  /** A phone number to call, as written in its country. */
  readonly phone?: string;
}

export interface RecoverySituation {
  readonly what: readonly WhatHappened[];
  readonly category?: Category;
  readonly country?: CountryCode;
}

export function isWhatHappened(value: string): value is WhatHappened {
  return (WHAT_HAPPENED as readonly string[]).includes(value);
}
