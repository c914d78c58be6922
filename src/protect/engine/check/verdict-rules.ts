/**
 * Verdict rules: where the combiner's score is moved after it is computed, because the data it
 * was fitted on says something about a kind of message that is not true of it in general. Each
 * rule is narrow, names what it reads, and only ever holds a score at a threshold; none decides
 * alone. `adjustedScore` applies them in order.
 */
import { findPhrases, foldText } from '../cues/fold-text.js';
import type { MessageKind, Reason } from '../types.js';

type Thresholds = { readonly suspicious: number; readonly scam: number };

export function adjustedScore(
  score: number,
  thresholds: Thresholds,
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
): number {
  const held = newNumberAlone(
    hostingAlone(score, thresholds, kind, reasons),
    thresholds,
    kind,
    reasons,
    text,
  );
  return lookalikeFloor(held, thresholds, reasons);
}

/**
 * What a free-hosting address says by itself: that it is on the service (`x.netlify.app`), under
 * the service's TLD, and what the URL model reads into the host, which is mostly the suffix.
 */
const HOSTING_ALONE: ReadonlySet<string> = new Set([
  'url.shared_hosting',
  'url.cheap_tld',
  'url.suspicious_tld',
  'url.no_https',
  'model.url_scam_wording',
]);

/**
 * Hosting alone never makes a site a scam. The public phishing lists never list a free-hosting
 * site as benign, so the URL model learnt the suffixes as phishing and called every genuine
 * `react-tutorial.netlify.app` a scam at 1.00. A site there is `scam` only with a sign of its
 * own (a borrowed brand, a made-up name, sign-in words, a threat-intel match…); else, like a bare
 * shortened link, `suspicious`: anyone can make a site there, the address does not say who did.
 * The score is held just under the `scam` threshold, so it says the same as the verdict.
 */
export function hostingAlone(
  score: number,
  thresholds: { readonly scam: number },
  kind: MessageKind,
  reasons: readonly Reason[],
): number {
  if (kind !== 'url' || score < thresholds.scam) return score;
  if (!reasons.some((r) => r.code === 'url.shared_hosting')) return score;
  if (reasons.some((r) => r.weight > 0 && !HOSTING_ALONE.has(r.code))) return score;
  return Math.max(0, thresholds.scam - 1e-6);
}

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

/** Signs that an address imitates one brand's own address: a typo of it, or its letters faked. */
const LOOKALIKE: ReadonlySet<string> = new Set(['url.brand_lookalike', 'url.homograph_brand']);

/**
 * An address made to look like a brand's own is never "no signs". `steamcommunnity.com` was
 * "no signs" at 0.45 while its reason said it imitates Steam: the combiner gives the look-alike
 * sign a small weight because, in the public lists, the URL model has already read most such
 * hosts. On those lists no genuine dev address is a look-alike (0 of 1,142; 6 of 6,733 in train,
 * all from a crypto allow-list of names that resemble wallets); so the score is raised to the
 * `suspicious` threshold, never further.
 */
export function lookalikeFloor(
  score: number,
  thresholds: Thresholds,
  reasons: readonly Reason[],
): number {
  if (score >= thresholds.suspicious) return score;
  return reasons.some((r) => r.weight > 0 && LOOKALIKE.has(r.code)) ? thresholds.suspicious : score;
}
