/**
 * The scam checker's contract: what goes in, what comes out. Pure types; the
 * engine runs in Node and in the browser and never does I/O.
 */
import type { Locale, Params } from '../../platform/engine-kit/i18n/messages.js';
import type { MessageRef } from './i18n/checker-messages.js';

export type { Locale, Params } from '../../platform/engine-kit/i18n/messages.js';
export type { MessageRef } from './i18n/checker-messages.js';

export type MessageKind = 'sms' | 'email' | 'url' | 'phone';

/** One thing a person wants checked. `auto` lets the engine decide what it is. */
export interface CheckInput {
  readonly kind: 'auto' | MessageKind;
  /** A text message, a URL, a phone number or a whole raw email (RFC 5322) as text. */
  readonly content: string;
  /**
   * The raw bytes of an email file (.eml), when the caller has them: used
   * instead of `content` so 8-bit charsets decode correctly.
   */
  readonly raw?: Uint8Array;
  /** The language the reasons, next steps and notes are written in; English when absent. */
  readonly locale?: Locale;
}

export type Verdict = 'scam' | 'suspicious' | 'no_signs';

export const CATEGORIES = [
  'delivery',
  'bank_payment',
  'account_takeover',
  'government_impersonation',
  'tech_support',
  'prize_lottery',
  'job_task',
  'investment_crypto',
  'romance',
  'invoice_bec',
  'marketing_spam',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Where in the input a reason or indicator points. Offsets are UTF-16 code units into `field`'s text. */
export interface Evidence {
  readonly field:
    | 'text'
    | 'subject'
    | 'from'
    | 'reply_to'
    | 'return_path'
    | 'body'
    | 'url'
    | 'header'
    | 'attachment';
  readonly start: number;
  readonly end: number;
  /** The pointed-at text itself (at most 200 characters). */
  readonly excerpt: string;
}

/** Which family of signals a reason comes from. */
export type SignalSource =
  | 'text_model'
  | 'url'
  | 'email_header'
  | 'cue'
  | 'threat_intel'
  | 'phone'
  | 'language';

export interface Reason {
  /** Stable identifier, e.g. `url.punycode_lookalike`, `cue.gift_card_payment`. */
  readonly code: string;
  /** Plain words a 70-year-old understands, in the result's locale. */
  readonly message: string;
  /**
   * What filled the message's placeholders (a domain, the quoted words), so the
   * same reason can be said again in another language. Absent when it has none.
   */
  readonly params?: Params;
  readonly source: SignalSource;
  /** How much it moved the score, in log-odds (positive = towards scam). */
  readonly weight: number;
  readonly evidence?: Evidence;
}

export type IndicatorType =
  | 'url'
  | 'domain'
  | 'phone'
  | 'email'
  | 'crypto_wallet'
  | 'payment_handle';

export interface Indicator {
  readonly type: IndicatorType;
  /** Normalised value: lower-case host, E.164-like phone where possible, refanged URL. */
  readonly value: string;
  readonly evidence: Evidence;
}

export interface NextStep {
  readonly code: string;
  readonly message: string;
  /** Most urgent first. */
  readonly priority: number;
}

/** A threat-intel matcher injected by the exchange module: known-bad indicators become strong evidence. */
export interface IndicatorMatcher {
  match(indicators: readonly Indicator[]): readonly IndicatorMatch[];
}

export interface IndicatorMatch {
  readonly indicator: Indicator;
  /** Who says it is bad, in plain words ("reported by 12 Shieldwall users", "JPCERT/CC"). */
  readonly source: string;
  /** 0..1 */
  readonly confidence: number;
}

export interface LanguageInfo {
  /** ISO 639-1 code, or 'und' when unsure. */
  readonly code: string;
  /** True when the model was trained for this language (English). */
  readonly supported: boolean;
}

export interface CheckResult {
  readonly kind: MessageKind;
  readonly verdict: Verdict;
  /** Calibrated probability that this is a scam, phishing or spam. */
  readonly score: number;
  readonly category: Category;
  readonly reasons: readonly Reason[];
  readonly nextSteps: readonly NextStep[];
  readonly indicators: readonly Indicator[];
  readonly language: LanguageInfo;
  /** What was looked at, in plain words, so "no signs" never reads as "safe". */
  readonly checked: readonly string[];
  /** Set when the input was larger than the limits and only a part was read. */
  readonly truncated: boolean;
  /**
   * What could not be read, in plain words (a damaged part of an email, an
   * unknown character set, no phone number found). Empty when all was read.
   */
  readonly notes: readonly string[];
  readonly modelVersion: string;
  /** The language `reasons`, `nextSteps`, `checked` and `notes` are written in. */
  readonly locale: Locale;
  /** `checked` as message references (same order), to say it again in another language. */
  readonly checkedRefs: readonly MessageRef[];
  /** `notes` as message references (same order). */
  readonly noteRefs: readonly MessageRef[];
}
