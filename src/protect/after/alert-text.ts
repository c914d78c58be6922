/**
 * What a trusted contact reads: the reason only — the kind of scam and, after a scam, what the
 * person may have done — built from codes, never from the message, link or phone number. The
 * contact mail is English like the rest of the access module's mail (see docs/after-a-scam.md).
 */
import type { WhatHappened } from '../engine/recovery/index.js';
import type { Category } from '../engine/types.js';

const CATEGORY_WORDS: Readonly<Record<Category, string>> = {
  delivery: 'a fake parcel-delivery message',
  bank_payment: 'a fake message from a bank or payment service',
  account_takeover: 'an attempt to take over one of their accounts',
  government_impersonation: 'someone pretending to be a government office',
  tech_support: 'a fake tech-support message',
  prize_lottery: 'a fake prize or lottery',
  job_task: 'a fake job offer',
  investment_crypto: 'a fake investment or cryptocurrency offer',
  romance: 'a romance scam',
  invoice_bec: 'a fake invoice or payment request',
  marketing_spam: 'unwanted marketing',
  other: 'a scam',
};

const WHAT_WORDS: Readonly<Record<WhatHappened, string>> = {
  password: 'typed a password',
  card: 'given a bank card number',
  gift_card: 'paid by gift card',
  crypto: 'paid with cryptocurrency',
  bank_transfer: 'sent a bank transfer or instant payment',
  remote_access: 'let someone control their device',
  one_time_code: 'shared a one-time code',
  personal_details: 'given personal details',
  only_opened: 'only opened the message',
};

export function highRiskAlertText(category: Category): string {
  return `Shieldwall found that a message they checked is very likely a scam: ${CATEGORY_WORDS[category]}. Please check in with them before they reply, click or pay.`;
}

export function recoveryAlertText(what: readonly WhatHappened[], category?: Category): string {
  const about = category === undefined ? 'a scam' : CATEGORY_WORDS[category];
  const did = what.map((w) => WHAT_WORDS[w]);
  const list =
    did.length <= 1
      ? (did[0] ?? 'been in touch with scammers')
      : `${did.slice(0, -1).join(', ')} and ${did.at(-1)}`;
  return `They asked Shieldwall for help after ${about}: they may have ${list}. Shieldwall gave them a checklist of what to do now. Please call them and help them through it.`;
}
