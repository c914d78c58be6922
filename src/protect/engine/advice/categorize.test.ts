import { describe, expect, it } from 'vitest';
import { foldText } from '../cues/fold-text.js';
import { CATEGORIES } from '../types.js';
import { categorize } from './categorize.js';
import { CATEGORY_PHRASES } from './category-table.js';
import { nextSteps } from './next-steps.js';

describe('categorize', () => {
  it.each([
    ['USPS: your package could not be delivered, update your address for redelivery', 'delivery'],
    [
      'E-ZPass: you have an unpaid toll of $4.15, pay now to avoid a late fee',
      'government_impersonation',
    ],
    [
      'Chase fraud alert: did you attempt a transaction of $899 on your debit card?',
      'bank_payment',
    ],
    [
      'Your Geek Squad subscription renewal of $399 will be charged, call to cancel',
      'tech_support',
    ],
    ['Remote job: earn $300 per day, simple tasks, commission paid daily', 'job_task'],
    ['Congratulations, you have won the lottery prize, claim your reward', 'prize_lottery'],
    [
      'We changed our bank details, please pay the attached invoice to the new account',
      'invoice_bec',
    ],
    ['Your Microsoft account: unusual sign-in activity, reset your password', 'account_takeover'],
    ['Guaranteed returns on bitcoin trading, invest today', 'investment_crypto'],
    ['50% off everything this weekend! Reply STOP to opt out', 'marketing_spam'],
    ['see you at 5', 'other'],
  ])('%j → %s', (text, category) => {
    expect(categorize(text).category).toBe(category);
  });

  // Words every money story uses weigh less than the words that name the story.
  it.each([
    [
      'TxTag: we could not process your last toll payment, update your billing details today',
      'government_impersonation',
    ],
    [
      'IRS: your tax refund payment is on hold, confirm your bank details to release it',
      'government_impersonation',
    ],
    [
      'Hi mum, new number, my phone broke. Could you help me with a payment to my bank today?',
      'other',
    ],
    [
      'Your Norton renewal of $399 was charged. If you did not authorize this, call our toll-free number',
      'tech_support',
    ],
    [
      'My love, the courier says the parcel with your gifts is held at customs. I cannot pay from the oil rig',
      'romance',
    ],
    [
      'Netflix: your payment was declined, update your card to keep your membership',
      'account_takeover',
    ],
    [
      'I recorded you on your webcam. Send $900 in bitcoin or I send the video to your contacts',
      'other',
    ],
    [
      'Chase: a purchase of $1,249 on your debit card. If you did not make this purchase, confirm your card details',
      'bank_payment',
    ],
    [
      'HR sent you a document to sign. You will be asked to sign in with your corporate email to view it',
      'account_takeover',
    ],
    [
      'Your Page is scheduled for deletion. Submit an appeal and confirm your login details and two-factor code',
      'account_takeover',
    ],
  ])('%j → %s (the telling words outweigh the money words)', (text, category) => {
    expect(categorize(text).category).toBe(category);
  });

  it('lists the telling words first, and ties go to the earlier row', () => {
    expect(categorize('Unpaid toll: make a payment today').matched).toEqual(['unpaid toll']);
    // "verification code" (account_takeover, strong) and "bitcoin" (investment_crypto, strong) tie.
    expect(categorize('bitcoin verification code').category).toBe('account_takeover');
  });

  it('has phrases that can match: folded (lower case), trimmed, each in one row only', () => {
    const seen = new Map<string, string>();
    for (const row of CATEGORY_PHRASES) {
      for (const phrase of [...(row.strong ?? []), ...row.phrases, ...(row.weak ?? [])]) {
        expect(phrase).toBe(foldText(phrase).text.trim());
        expect(seen.get(phrase), `${phrase} is in ${seen.get(phrase)} and ${row.category}`).toBe(
          undefined,
        );
        seen.set(phrase, row.category);
      }
    }
  });
});

describe('next steps', () => {
  it('tells a person with a bank scam to call the number on their card, most urgent first', () => {
    const steps = nextSteps({
      verdict: 'scam',
      category: 'bank_payment',
      kind: 'sms',
      indicators: [
        {
          type: 'url',
          value: 'https://x.top',
          evidence: { field: 'text', start: 0, end: 1, excerpt: 'x' },
        },
      ],
      languageSupported: true,
      familyCue: false,
    });
    expect(steps.map((s) => s.code)).toEqual([
      'dont_click',
      'bank_card_number',
      'never_share_code',
      'report_text',
      'already_acted',
    ]);
    expect(steps.map((s) => s.priority)).toEqual([1, 2, 3, 4, 5]);
  });

  it('never says "safe" when nothing was found', () => {
    const steps = nextSteps({
      verdict: 'no_signs',
      category: 'other',
      kind: 'sms',
      indicators: [],
      languageSupported: true,
      familyCue: false,
    });
    expect(steps.map((s) => s.code)).toEqual(['stay_careful']);
    expect(steps[0]?.message.toLowerCase()).not.toContain('safe');
  });

  it('has advice for every category', () => {
    for (const category of CATEGORIES) {
      const steps = nextSteps({
        verdict: 'scam',
        category,
        kind: 'email',
        indicators: [],
        languageSupported: false,
        familyCue: true,
      });
      expect(steps.length).toBeGreaterThan(2);
      expect(steps.at(-1)?.code).toBe('unsure_language');
    }
  });
});
