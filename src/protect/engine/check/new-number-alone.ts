/**
 * A "new number" text that asks for nothing is `suspicious`, not `scam`.
 *
 * The "Hi Mum, this is my new number" scam often opens with nothing but that, and asks for
 * money only once the parent has replied; a friend's real new number reads the same. The
 * text model learnt the opener from the scams ("Hi it's Tom, this is my new number … Save it!"
 * was a scam at 0.97), so a genuine message was called a scam. The checker cannot tell the two
 * apart from the words, and the advice is the same for both: check on the number you already
 * have before replying with anything. So when the only signs are the new number and the text
 * model's reading of it, the text asks for nothing (no money, payment, code, card, link,
 * favour, help or need) and it is not written to a parent or grandparent ("Hi Mum", "Dad" — the
 * scam's own opening, which names no one because the scammer knows no name), the verdict is
 * `suspicious` and the score is held just under the `scam` threshold, as for a site on free
 * hosting (`hostingAlone`).
 */
import { findPhrases, foldText } from '../cues/fold-text.js';
import type { MessageKind, Reason } from '../types.js';

/** What such a text says by itself: that the number is new, and how the model reads that. */
const NEW_NUMBER_ALONE: ReadonlySet<string> = new Set([
  'cue.new_number',
  'model.text_scam_wording',
]);

/** Words of a request: money, a payment, a code, a card, a link, a favour. Whole words. */
const ASKS: readonly string[] = [
  'pay',
  'paid',
  'payment',
  'money',
  'cash',
  'transfer',
  'send',
  'bank',
  'bill',
  'card',
  'code',
  'pin',
  'account',
  'favour',
  'favor',
  'lend',
  'borrow',
  'loan',
  'help',
  'click',
  'link',
  'need',
  'ask you',
  'urgent',
  'urgently',
  'asap',
  'emergency',
  'whatsapp me',
  'text me on',
  'message me on',
];

/** Who the "Hi Mum" scam writes to. Whole words. */
const PARENTS: readonly string[] = [
  'mum',
  'mom',
  'mam',
  'mummy',
  'mommy',
  'mother',
  'dad',
  'daddy',
  'father',
  'nan',
  'nana',
  'nanna',
  'gran',
  'granny',
  'grandma',
  'grandpa',
  'grandad',
  'granddad',
];

/** Longer texts are not openers; the rule reads at most this much. */
const MAX_OPENER = 600;

/** True unless the text is a short note that asks for nothing and is not written to a parent. */
function mayBeTheScam(text: string): boolean {
  if (text.length > MAX_OPENER) return true;
  if (/[£$€₹]|\d/.test(text)) return true; // an amount, a number to call, a code
  const folded = foldText(text).text;
  return findPhrases(folded, ASKS).length > 0 || findPhrases(folded, PARENTS).length > 0;
}

export function newNumberAlone(
  score: number,
  thresholds: { readonly scam: number },
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
): number {
  if (kind !== 'sms' || score < thresholds.scam) return score;
  if (!reasons.some((r) => r.code === 'cue.new_number')) return score;
  if (reasons.some((r) => r.weight > 0 && !NEW_NUMBER_ALONE.has(r.code))) return score;
  if (mayBeTheScam(text)) return score;
  return Math.max(0, thresholds.scam - 1e-6);
}
