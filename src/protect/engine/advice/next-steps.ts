import { english, stepKey } from '../i18n/checker-messages.js';
import type { Category, Indicator, MessageKind, NextStep, Verdict } from '../types.js';

/**
 * What to do now, most urgent first. Steps are keyed by a stable code; their
 * words are in the checker's message catalogs (`step.<code>`, ../i18n/).
 */
const STEP_CODES = [
  'dont_click',
  'dont_call_number',
  'never_share_code',
  'bank_card_number',
  'carrier_app',
  'official_site',
  'gov_official',
  'tech_support_hang_up',
  'job_no_deposit',
  'investment_stop',
  'romance_no_money',
  'invoice_verify',
  'family_verify',
  'spam_ignore',
  'report_text',
  'report_email',
  'already_acted',
  'stay_careful',
  'unsure_language',
] as const;

export type NextStepCode = (typeof STEP_CODES)[number];

/** Every next-step code, for the docs and the catalog tests. */
export const NEXT_STEP_CODES: readonly NextStepCode[] = STEP_CODES;

const CATEGORY_STEPS: Partial<Record<Category, readonly NextStepCode[]>> = {
  bank_payment: ['bank_card_number', 'never_share_code'],
  account_takeover: ['never_share_code', 'official_site'],
  delivery: ['carrier_app'],
  government_impersonation: ['gov_official'],
  tech_support: ['tech_support_hang_up', 'dont_call_number'],
  job_task: ['job_no_deposit'],
  investment_crypto: ['investment_stop'],
  romance: ['romance_no_money'],
  invoice_bec: ['invoice_verify'],
  prize_lottery: ['official_site'],
};

export function nextSteps(input: {
  readonly verdict: Verdict;
  readonly category: Category;
  readonly kind: MessageKind;
  readonly indicators: readonly Indicator[];
  readonly languageSupported: boolean;
  readonly familyCue: boolean;
}): NextStep[] {
  const codes: NextStepCode[] = [];
  if (input.verdict === 'no_signs') {
    codes.push('stay_careful');
  } else if (input.category === 'marketing_spam' && input.verdict === 'suspicious') {
    codes.push('spam_ignore');
  } else {
    if (
      input.indicators.some((i) => i.type === 'url' || i.type === 'domain') ||
      input.kind === 'email'
    )
      codes.push('dont_click');
    if (input.indicators.some((i) => i.type === 'phone')) codes.push('dont_call_number');
    if (input.familyCue) codes.push('family_verify');
    codes.push(...(CATEGORY_STEPS[input.category] ?? ['official_site']));
    codes.push(input.kind === 'email' ? 'report_email' : 'report_text', 'already_acted');
  }
  if (!input.languageSupported) codes.push('unsure_language');
  return [...new Set(codes)].map((code, i) => ({
    code,
    message: english(stepKey(code)),
    priority: i + 1,
  }));
}
