import type { EngineVerdict } from './engine-types.js';

/**
 * The words the page uses for the engine's codes. Never "safe": a checker can
 * only say it found no warning signs in what it looked at.
 */
export interface VerdictWords {
  /** The verdict in large words. */
  readonly title: string;
  /** One plain sentence under it. */
  readonly summary: string;
}

export const verdictWords: Readonly<Record<EngineVerdict, VerdictWords>> = {
  scam: {
    title: 'Scam',
    summary: 'This has strong signs of a scam. Do not reply, click or pay.',
  },
  suspicious: {
    title: 'Looks suspicious',
    summary: 'Some things about this are worrying. Be careful, and check it another way first.',
  },
  no_signs: {
    title: 'No signs of a scam found',
    summary:
      'We found no warning signs in what we checked. That does not prove it is safe: scammers keep changing their tricks.',
  },
};

const categoryWords: Readonly<Record<string, string>> = {
  delivery: 'A parcel delivery scam',
  bank_payment: 'A bank or payment scam',
  account_takeover: 'An attempt to get into one of your accounts',
  government_impersonation: 'Someone pretending to be a government office (tax, tolls, police)',
  tech_support: 'Fake computer or phone help',
  prize_lottery: 'A fake prize, lottery or giveaway',
  job_task: 'A fake job or "paid tasks" offer',
  investment_crypto: 'An investment or cryptocurrency scam',
  romance: 'A romance or friendship scam',
  invoice_bec: 'A fake invoice or changed bank details',
  marketing_spam: 'Unwanted advertising (spam)',
};

/** The kind of scam in plain words, or null when there is nothing useful to say. */
export function categoryInWords(category: string): string | null {
  return categoryWords[category] ?? null;
}

const fieldWords: Readonly<Record<string, string>> = {
  text: 'In the message',
  subject: 'In the subject line',
  from: 'In the sender’s name or address',
  reply_to: 'In the address your reply would go to',
  return_path: 'In the address the email came back from',
  body: 'In the email',
  url: 'In the link',
  header: 'In the email’s hidden details',
  attachment: 'In an attachment',
};

/** Where a piece of evidence was found, e.g. "In the subject line". */
export function whereInWords(field: string): string {
  return fieldWords[field] ?? 'In the message';
}

/**
 * The score as a plain number out of 100. Never 0 or 100: the checker is not
 * certain either way, and the page should not sound as if it were.
 */
export function scoreOutOf100(score: number): number {
  return Math.min(99, Math.max(1, Math.round(score * 100)));
}
