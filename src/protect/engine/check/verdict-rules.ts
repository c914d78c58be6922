/**
 * Verdict rules: where the combiner's score is moved after it is computed, because the data it
 * was fitted on says something about a kind of message that is not true of it in general. Each
 * rule is narrow, names what it reads, and only ever holds a score at a threshold; none decides
 * alone. `adjustedScore` applies them in order.
 */
import { type FoldedText, findPhrases, foldText, originalSpan } from '../cues/fold-text.js';
import { asksForAName } from '../cues/stranger-opener.js';
import type { Indicator, MessageKind, Reason } from '../types.js';

type Thresholds = { readonly suspicious: number; readonly scam: number };

/** A rule that moved the score says so, in a reason of its own that points at these words. */
export interface RuleNotice {
  readonly code: 'notice.official_channel' | 'notice.yes_no_alert';
  /** The span of the original text the rule read. */
  readonly start: number;
  readonly end: number;
}

export interface AdjustedScore {
  readonly score: number;
  /**
   * Set when a rule moved the score for what the words say: `officialChannelOnly` (the text
   * sends the reader to a way back they already have) or `yesNoAlertAlone` (a card alert that
   * asks only for YES or NO).
   */
  readonly notice?: RuleNotice;
}

export function adjustedScore(
  score: number,
  thresholds: Thresholds,
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
  indicators: readonly Indicator[] = [],
): AdjustedScore {
  const held = nameOpenerAlone(
    newNumberAlone(hostingAlone(score, thresholds, kind, reasons), thresholds, kind, reasons, text),
    thresholds,
    kind,
    reasons,
    text,
  );
  const alert = yesNoAlertAlone(held, thresholds, kind, reasons, text, indicators);
  const official =
    alert.notice === undefined
      ? officialChannelOnly(alert.score, thresholds, kind, reasons, text, indicators)
      : alert;
  const floored = extortionFloor(official.score, thresholds, reasons, indicators);
  return {
    ...official,
    score: bankChangeFloor(lookalikeFloor(floored, thresholds, reasons), thresholds, reasons),
  };
}

/**
 * A request to pay to new bank details is never "no signs". Invoice redirection comes from the
 * real supplier's hacked mailbox, in the real thread, with DMARC passing: a blind helper-written
 * one ("send this month's payments to our secondary account until the review is finished") went
 * from `suspicious` to "no signs" (0.47) once genuine bank-change notices joined the training
 * fixtures, because the words of the two are the same. The advice is the same too (call them on a
 * number you already have before paying), so the score is raised to the `suspicious` threshold,
 * never further, as for a look-alike address (`lookalikeFloor`).
 */
export function bankChangeFloor(
  score: number,
  thresholds: Thresholds,
  reasons: readonly Reason[],
): number {
  if (score >= thresholds.suspicious) return score;
  return reasons.some((r) => r.code === 'cue.bank_details_change' && r.weight > 0)
    ? thresholds.suspicious
    : score;
}

/**
 * "I recorded you through your webcam … send $1,450 in Bitcoin" is a scam, whatever the words
 * around it. The mass sextortion e-mail reads like a personal letter ("I'll get straight to the
 * point"), and the e-mail model, whose genuine mail is mostly personal letters, called a
 * helper-written one "no signs" (0.21) and a fixture 0.52 while the sextortion cue pointed at
 * "split-screen video" and "tracking pixel". When the claim (`cue.sextortion`) and a demand for
 * crypto (`cue.crypto_payment`, or a wallet address in the text) are both there, the score is
 * raised to the `scam` threshold. No genuine message makes both.
 */
export function extortionFloor(
  score: number,
  thresholds: Thresholds,
  reasons: readonly Reason[],
  indicators: readonly Indicator[],
): number {
  if (score >= thresholds.scam) return score;
  const claim = reasons.some((r) => r.code === 'cue.sextortion' && r.weight > 0);
  if (!claim) return score;
  const crypto =
    reasons.some((r) => r.code === 'cue.crypto_payment' && r.weight > 0) ||
    indicators.some((i) => i.type === 'crypto_wallet');
  return crypto ? thresholds.scam : score;
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
  const fired = reasons.some((r) => r.code === 'cue.new_number');
  return heldAsAnOpener(score, thresholds, kind, reasons, text, fired, NEW_NUMBER_ALONE);
}

/**
 * The hold shared by the opener rules: a text whose sign `fired` is there, whose only signs are
 * in `alone`, and which asks for nothing, is held just under the `scam` threshold.
 */
function heldAsAnOpener(
  score: number,
  thresholds: { readonly scam: number },
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
  fired: boolean,
  alone: ReadonlySet<string>,
): number {
  if (kind !== 'sms' || score < thresholds.scam || !fired) return score;
  if (reasons.some((r) => r.weight > 0 && !alone.has(r.code))) return score;
  if (mayBeTheScam(text)) return score;
  return Math.max(0, thresholds.scam - 1e-6);
}

/** What an "Is this Jenny?" text says by itself: the question, and how the model reads it. */
const NAME_OPENER_ALONE: ReadonlySet<string> = new Set([
  'cue.stranger_opener',
  'model.text_scam_wording',
  'model.unclear',
]);

/**
 * An "Is this Jenny?" text that asks for nothing is `suspicious`, not `scam`.
 *
 * Romance and investment scams open with a message to a name, sent to whoever answers ("Hi, is
 * this Karen? It's Mei from the yoga class"), and ask for money weeks later. An old friend
 * checking a number writes the same words ("Is this still Mike's number? It's Dave from uni",
 * held-out genuine, was a scam at 0.77). The words cannot tell them apart, and the advice is the
 * same: if you do not know who this is, do not reply. So when the question asked of a name
 * (not the phrase cues of the same code, such as "wrong number… but you seem nice") and the
 * text model's reading are the only signs, and the text asks for nothing, the score is held just
 * under the `scam` threshold, as for a new number (`newNumberAlone`).
 */
export function nameOpenerAlone(
  score: number,
  thresholds: { readonly scam: number },
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
): number {
  const opener = reasons.find((r) => r.code === 'cue.stranger_opener');
  const fired = opener !== undefined && asksForAName(opener.evidence?.excerpt ?? '');
  return heldAsAnOpener(score, thresholds, kind, reasons, text, fired, NAME_OPENER_ALONE);
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

/** What a notice says by itself when only its wording is against it. */
const WORDING_ALONE: ReadonlySet<string> = new Set(['model.text_scam_wording', 'model.unclear']);

/**
 * The folded text of a short text message at or above `from` with nothing against it but the
 * model's reading of its words, and no link, number, address or wallet of its own; else null.
 * The notice rules read only such texts.
 */
function wordingAloneText(
  score: number,
  from: number,
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
  indicators: readonly Indicator[],
): FoldedText | null {
  if (kind !== 'sms' || score < from || indicators.length > 0) return null;
  if (reasons.some((r) => r.weight > 0 && !WORDING_ALONE.has(r.code))) return null;
  if (text.length > MAX_OPENER) return null;
  return foldText(text);
}

/**
 * "If this wasn't you, …": a notice of something done on the reader's account, telling them what
 * to do if they did not do it. Then, within the next 160 characters, a way back that the reader
 * already has: the number on their card, the company's own app, a branch. Run on folded text;
 * every repetition is bounded, so the match is linear.
 */
const DISOWNED_THEN_OFFICIAL =
  /(?:\bnot you\b|\bwas(?:n't| not) you\b|\bif (?:you )?(?:did not|didn't|do not|don't)\b|\bif not done by you\b|\bdon't recogni[sz]e\b|\bdo not recogni[sz]e\b|\bnot recogni[sz]ed\b|\bdidn't do this\b|\bsi no (?:has sido t[uú]|ha sido usted|fuiste t[uú])\b|\bno reconoce\b)[\s\S]{0,160}?(?:\bnumber (?:printed )?on (?:the back of )?(?:your|the) (?:bank |debit |credit )?card\b|\b(?:in|through|via|using|with) (?:the |your |our )?(?:[a-z0-9&.'-]{1,20} ){0,2}app\b|\b(?:visit|at|in) (?:your |a |any |our )?(?:local |nearest )?branch\b|\bn[uú]mero (?:que aparece )?(?:en|de) (?:el reverso de )?(?:su|tu) tarjeta\b|\b(?:en|desde|con) (?:la |su |tu |nuestra )?(?:app|aplicaci[oó]n)\b)/;

/** A request to answer the text itself: then the text is its own channel. "Reply STOP" is not. */
const ASKS_A_REPLY =
  /\b(?:reply|respond|text (?:us|me|back)|responde|responda|contesta|conteste)\b(?! (?:stop|help|end|baja|alto)\b)/;

/**
 * An account alert that sends you only to a way you already have is not a scam on its wording.
 *
 * Genuine bank, card and exchange alerts ("HDFC Bank: Rs.1250.00 debited … Not you? Report via
 * the HDFC Bank app or your branch"; "Kraken: Your withdrawal … has been processed. If you did
 * not request this, lock your account in the Kraken app") use the words of the scams that copy
 * them, and the text model read them as `suspicious` or `scam`. But the scam copy needs a way to
 * reach you when you answer "that wasn't me": a link, a number, an address, a wallet, or a reply.
 * When the text gives none of those, its "if this wasn't you" step points to a way back the reader
 * already has (the number on their card, the company's own app, a branch), and nothing else is
 * against it but the model's reading of the words, the score is held just under the `suspicious`
 * threshold and a reason says why. A link, even to the brand's real site, a number, a request to
 * reply, or any other sign keeps the score as it was. Offers ("order in the app") and investment
 * pitches ("open an account on their app") say no "if this wasn't you", so they are not touched.
 */
export function officialChannelOnly(
  score: number,
  thresholds: Thresholds,
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
  indicators: readonly Indicator[],
): AdjustedScore {
  const folded = wordingAloneText(score, thresholds.suspicious, kind, reasons, text, indicators);
  if (folded === null || ASKS_A_REPLY.test(folded.text)) return { score };
  const m = DISOWNED_THEN_OFFICIAL.exec(folded.text);
  if (m === null) return { score };
  return heldWithNotice(thresholds.suspicious, 'notice.official_channel', folded, m);
}

/** The score held just under `line`, with the notice that says why, pointing at the words `m` read. */
function heldWithNotice(
  line: number,
  code: RuleNotice['code'],
  folded: FoldedText,
  m: RegExpExecArray,
): AdjustedScore {
  const { start, end } = originalSpan(folded, m.index, m.index + m[0].length);
  return { score: Math.max(0, line - 1e-6), notice: { code, start, end } };
}

/**
 * "Did you make this purchase? Reply YES or NO": a question about a card or account
 * transaction, answered by a yes or a no. English and Spanish; bounded, so linear.
 */
const YES_NO_QUESTION =
  /\b(?:reply|respond|text back|responda|responde|conteste|contesta)(?: with)? "?(?:yes|y|1|s[ií])"?\b[\s\S]{0,80}?\b(?:or|if not|otherwise|o|si no)\b[\s\S]{0,30}?"?\b(?:no|n|2)\b/;

/** What the question is about: a payment, a purchase, a card. Whole words. */
const TRANSACTION =
  /\b(?:purchase|transaction|payment|charge|charged|withdrawal|transfer|debit|spend|spent|card ending|compra|cargo|transacci[oó]n|pago|tarjeta terminada)\b/;

/**
 * A card alert that asks only for YES or NO is `suspicious`, not `scam`.
 *
 * Banks text "Did you attempt a $642.18 purchase at BESTBUY on card ending 3391? Reply YES or
 * NO", and scammers send the same words, then ring as the bank's fraud team once the person
 * answers NO. The fixtures hold both, in near-identical words (a genuine Wells Fargo alert and a
 * Bank of America lure), and the text model called a blind genuine Chase alert a scam at 0.94
 * on its carrier footer. The words cannot tell them apart, and the safe course is the same for
 * both: a YES to a purchase you made is harmless; if you did not make it, call the number on your
 * card yourself rather than wait for a call. So when the text asks for YES or NO about a payment,
 * gives no link, number, address or wallet, and nothing but the model's reading of the words is
 * against it, the score is held just under `scam`, and a reason says what to do. A request for a
 * code, a number to call, "an agent will call you", or any other sign keeps the score as it was.
 */
export function yesNoAlertAlone(
  score: number,
  thresholds: Thresholds,
  kind: MessageKind,
  reasons: readonly Reason[],
  text: string,
  indicators: readonly Indicator[],
): AdjustedScore {
  const folded = wordingAloneText(score, thresholds.scam, kind, reasons, text, indicators);
  if (folded === null) return { score };
  const m = YES_NO_QUESTION.exec(folded.text);
  if (m === null || !TRANSACTION.test(folded.text)) return { score };
  return heldWithNotice(thresholds.scam, 'notice.yes_no_alert', folded, m);
}
