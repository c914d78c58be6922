import type { Category, Indicator, MessageKind, NextStep, Verdict } from '../types.js';

/**
 * What to do now, most urgent first, in plain words. Steps are keyed by a
 * stable code so the words can be translated as data later.
 */
const STEPS = {
  dont_click: 'Do not click the link, open attachments, or reply.',
  dont_call_number: 'Do not call the phone number in the message.',
  never_share_code:
    'Never share a one-time code or password with anyone, even if they say they are from your bank.',
  bank_card_number:
    'If you are worried about your bank account, call your bank on the number on the back of your card.',
  carrier_app:
    "To check a parcel, open the delivery company's own app or type its web address yourself.",
  official_site:
    'If you think it might be real, go to the official website or app by typing the address yourself, not through this message.',
  gov_official:
    'Government agencies do not ask for payment by text, gift card or crypto. Check on the official government website.',
  tech_support_hang_up:
    'Do not let anyone connect to your computer. Real tech companies do not call or message you about viruses.',
  job_no_deposit: 'A real job never asks you to pay or deposit money to start or to get paid.',
  investment_stop:
    'Do not send more money. Talk to someone you trust before making any investment.',
  romance_no_money: 'Never send money or gift cards to someone you have only met online.',
  invoice_verify:
    'Before paying or changing bank details, call the supplier or your colleague on a number you already have.',
  family_verify:
    'If it claims to be a family member, call them on the number you already have, or ask something only they would know.',
  spam_ignore:
    'This looks like unwanted marketing. You can delete it or reply STOP if it is from a company you know.',
  report_text:
    'Report scam texts: forward them to 7726 (works in the US, UK and other countries), then delete them.',
  report_email:
    'Report scam emails with your email app\'s "Report phishing" button, then delete them.',
  already_acted:
    'If you already clicked, paid or shared details, act now: call your bank, change your passwords and tell someone you trust.',
  stay_careful:
    'No warning signs were found in what was checked, but stay careful: never share codes or passwords, and check unexpected requests another way.',
  unsure_language:
    'This message is not in English, which Shieldwall checks best. If in doubt, ask someone you trust.',
} as const;

export type NextStepCode = keyof typeof STEPS;

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
  return [...new Set(codes)].map((code, i) => ({ code, message: STEPS[code], priority: i + 1 }));
}
