/**
 * The scam checker: one pure function from a message to a verdict with its
 * reasons, next steps and indicators. Runs the same in Node and in the
 * browser; the caller hands over the parsed model files.
 *
 * @example
 * const checker = createScamChecker({ models: { text, email, url } });
 * checker.check({ kind: 'auto', content: 'Your parcel is held: pay £1.99 at https://royalmail-fee.top' });
 * // { verdict: 'scam', score: 0.98, category: 'delivery', reasons: [...], ... }
 */

import { DEFAULT_LOCALE, isLocale } from '../../../platform/engine-kit/i18n/messages.js';
import { categorize } from '../advice/categorize.js';
import { nextSteps } from '../advice/next-steps.js';
import { detectKind } from '../detect-kind.js';
import { DEFAULT_EMAIL_LIMITS, parseEmail } from '../email/index.js';
import { english } from '../i18n/checker-messages.js';
import { localizeLines, localizeResult } from '../i18n/localize-result.js';
import { detectLanguage } from '../language/detect-language.js';
import { loadModel, type ScamModel } from '../model/load-model.js';
import { type ModelFile, validateModelFile } from '../model/model-file.js';
import type {
  CheckInput,
  CheckResult,
  IndicatorMatcher,
  LanguageInfo,
  MessageKind,
  MessageRef,
  Reason,
  Verdict,
} from '../types.js';
import { analyseEmail } from './analyse-email.js';
import { analysePhone } from './analyse-phone.js';
import { analyseText } from './analyse-text.js';
import { analyseUrl } from './analyse-url.js';
import { Collector, type SignalFeatures } from './collector.js';
import { type Combiner, DEFAULT_COMBINER, type KindWeights, logit, sigmoid } from './combiner.js';
import { parseCombiner } from './combiner-file.js';
import { adjustedScore } from './verdict-rules.js';

export interface CheckLimits {
  /** Characters of a text message read; the rest is ignored and the result says so. */
  readonly maxTextChars: number;
  /** Characters of a URL read (DNS names stop at 253; real links rarely pass 2,000). */
  readonly maxUrlChars: number;
  readonly maxPhoneChars: number;
  /**
   * Characters of an email's decoded body text read (plain and HTML together;
   * the whole file, up to 25 MB, is still walked for its parts and attachments).
   * Ten times a long newsletter: more only costs time, since the wording model
   * reads the first 20,000 characters anyway.
   */
  readonly maxEmailTextChars: number;
  /** Reasons listed in a result (the score counts all of them). */
  readonly maxReasons: number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = {
  maxTextChars: 20_000,
  maxUrlChars: 8_192,
  maxPhoneChars: 64,
  maxEmailTextChars: 200_000,
  maxReasons: 10,
};

export interface ScamCheckerOptions {
  /**
   * Parsed model files (`models/scam-text.json` …) keyed `text`, `email`, `url`,
   * and the fitted combiner (`scam-combiner.json`) keyed `combiner`. Missing
   * models are skipped; without a combiner file the hand-set priors apply.
   */
  readonly models: Readonly<Record<string, unknown>>;
  readonly combiner?: Combiner;
  /** Threat-intel lookup (from the exchange module when present). */
  readonly matcher?: IndicatorMatcher;
  readonly limits?: Partial<CheckLimits>;
}

export interface ScamChecker {
  check(input: CheckInput): CheckResult;
  /** The result and the raw signals behind it (what a combiner is fitted on). */
  analyse(input: CheckInput): { readonly result: CheckResult; readonly features: SignalFeatures };
  /** The models and combiner this checker runs, e.g. `text:scam-text-1a2b…;email:…;combiner:priors-1`. */
  readonly version: string;
}

/** A damaged email can raise one warning per part: a few say enough. */
const MAX_NOTES = 5;

const FALLBACK_THRESHOLDS = { suspicious: 0.35, scam: 0.7 };

/**
 * The bytes of an email: `raw` when given, else `content` as UTF-8, encoding
 * no more than the parser reads (`cut` when some of the text was left out), so
 * a 25 M-character paste costs no more than a 25 MB file.
 */
export function emailBytesOf(input: CheckInput): { bytes: Uint8Array; cut: boolean } {
  if (input.raw !== undefined) return { bytes: input.raw, cut: false };
  const buffer = new Uint8Array(
    Math.min(input.content.length * 3, DEFAULT_EMAIL_LIMITS.maxInputBytes),
  );
  const { read, written } = new TextEncoder().encodeInto(input.content, buffer);
  return { bytes: buffer.subarray(0, written), cut: read < input.content.length };
}

interface Models {
  readonly text?: ScamModel;
  readonly email?: ScamModel;
  readonly url?: ScamModel;
}

/**
 * The models, each checked now (a broken file fails at once) but decoded on
 * first use: a CLI run that checks one text never pays for the email and URL
 * models' weights.
 */
function lazyModels(files: Readonly<Record<string, unknown>>): {
  models: Models;
  versions: string[];
} {
  const versions: string[] = [];
  const cache: Record<string, ScamModel | undefined> = {};
  const models = {};
  for (const key of ['text', 'email', 'url'] as const) {
    const file = files[key];
    if (file === undefined) continue;
    const problem = validateModelFile(file);
    if (problem !== null) throw new Error(`model "${key}": invalid model file: ${problem}`);
    versions.push(`${key}:${(file as ModelFile).version}`);
    Object.defineProperty(models, key, {
      enumerable: true,
      get() {
        if (cache[key] === undefined) {
          const result = loadModel(file);
          if (!result.ok) throw new Error(`model "${key}": ${result.error}`);
          cache[key] = result.model;
        }
        return cache[key];
      },
    });
  }
  return { models, versions };
}

function combinerFrom(json: unknown): Combiner {
  if (json === undefined) return DEFAULT_COMBINER;
  const parsed = parseCombiner(json);
  if (typeof parsed === 'string') throw new Error(`combiner file: ${parsed}`);
  return parsed;
}

function verdictOf(score: number, t: { suspicious: number; scam: number }): Verdict {
  return score >= t.scam ? 'scam' : score >= t.suspicious ? 'suspicious' : 'no_signs';
}

/** The kind's own model, for thresholds and version. */
function modelOfKind(kind: MessageKind, m: Models): ScamModel | undefined {
  return kind === 'sms' ? m.text : kind === 'email' ? m.email : kind === 'url' ? m.url : undefined;
}

/**
 * A verdict says what moved it. When nothing pushed towards "scam" strongly enough to be worth a
 * sentence (the model's lean below its reason threshold, no rule fired: `evident` is false), the
 * score sits near the base rate of messages like it. That is never enough for "scam", and the
 * "suspicious" verdict then says so in plain words (`model.unclear`) instead of showing no reason.
 * `reasons` is the list already cut to `max`; the unclear reason goes first and, past `max`, pushes
 * out the last reason in the message's favour, or else the last reason.
 */
function withEvidence(
  verdict: Verdict,
  evident: boolean,
  reasons: readonly Reason[],
  max: number,
): { verdict: Verdict; reasons: readonly Reason[] } {
  if (verdict === 'no_signs' || evident) return { verdict, reasons };
  const kept = [UNCLEAR, ...reasons];
  while (kept.length > max) {
    let drop = kept.length - 1;
    while (drop > 0 && !((kept[drop] as Reason).weight < 0)) drop--;
    kept.splice(drop > 0 ? drop : kept.length - 1, 1);
  }
  return { verdict: 'suspicious', reasons: kept };
}

const UNCLEAR: Reason = {
  code: 'model.unclear',
  message: english('model.unclear', {}),
  source: 'text_model',
  weight: 0,
};

export function createScamChecker(options: ScamCheckerOptions): ScamChecker {
  const { models, versions } = lazyModels(options.models);
  const combiner = options.combiner ?? combinerFrom(options.models.combiner);
  const limits = { ...DEFAULT_CHECK_LIMITS, ...options.limits };
  const version = [...versions, `combiner:${combiner.version}`].join(';');

  function analyse(input: CheckInput): { result: CheckResult; features: SignalFeatures } {
    const kind: MessageKind =
      input.kind === 'auto'
        ? input.raw !== undefined
          ? 'email'
          : detectKind(input.content)
        : input.kind;
    const weights: KindWeights = combiner.kinds[kind];
    const scales = { model: weights.modelScale, linkModel: weights.linkModelScale };
    const into = new Collector(combiner, kind);
    let truncated = false;
    const notes: MessageRef[] = [];
    let judgedText = '';
    let checked: MessageRef[];
    let language: LanguageInfo = { code: 'und', supported: true };

    if (kind === 'email') {
      const email = emailBytesOf(input);
      const parsed = parseEmail(email.bytes, { maxTextChars: limits.maxEmailTextChars });
      truncated = parsed.truncated || email.cut;
      for (const w of parsed.warnings) {
        if (!notes.some((n) => n.key === `note.${w.code}`)) notes.push({ key: `note.${w.code}` });
      }
      const a = analyseEmail(parsed, models, scales, into);
      judgedText = a.text;
      checked = a.checked;
    } else if (kind === 'url') {
      const url = input.content.trim();
      truncated = url.length > limits.maxUrlChars;
      judgedText = truncated ? url.slice(0, limits.maxUrlChars) : url;
      checked = analyseUrl(judgedText, models.url, weights.modelScale, into);
    } else if (kind === 'phone') {
      const phone = input.content.trim();
      truncated = phone.length > limits.maxPhoneChars;
      checked = analysePhone(phone.slice(0, limits.maxPhoneChars), into);
      if (into.indicators.length === 0) notes.push({ key: 'note.phone_unreadable' });
    } else {
      truncated = input.content.length > limits.maxTextChars;
      judgedText = truncated ? input.content.slice(0, limits.maxTextChars) : input.content;
      const a = analyseText(judgedText, models, scales, into);
      truncated ||= a.modelTruncated;
      checked = a.checked;
    }
    if (kind === 'sms' || kind === 'email') {
      language = detectLanguage(judgedText);
      if (!language.supported) {
        const params = { language: language.code };
        into.put({
          code: 'language.not_english',
          message: english('language.not_english', params),
          params,
          source: 'language',
          weight: 0,
        });
      }
    }
    into.matchIntel(options.matcher);
    if (options.matcher !== undefined) checked.push({ key: 'checked.intel_lists' });

    const thresholds =
      weights.thresholds ?? modelOfKind(kind, models)?.thresholds ?? FALLBACK_THRESHOLDS;
    const all = into.sortedReasons(Number.POSITIVE_INFINITY);
    const evident = all.some((r) => r.weight > 0);
    const combined = sigmoid(into.logOdds());
    const adjusted = adjustedScore(combined, thresholds, kind, all, judgedText, into.indicators);
    const score = adjusted.score;
    if (adjusted.notice !== undefined) {
      // Said, with what it took off the score, so a held or cleared alert does not read as unexplained.
      const { code, start, end } = adjusted.notice;
      const excerpt = judgedText.slice(start, Math.min(end, start + 200));
      into.put({
        code,
        message: english(code, {}),
        source: 'cue',
        weight: logit(score) - logit(combined),
        evidence: { field: 'text', start, end: start + excerpt.length, excerpt },
      });
    }
    const { verdict, reasons } = withEvidence(
      verdictOf(score, thresholds),
      evident,
      into.sortedReasons(limits.maxReasons),
      limits.maxReasons,
    );
    const codes = into.codes();
    const category = verdict === 'no_signs' ? 'other' : categorize(judgedText).category;
    const noteRefs = notes.slice(0, MAX_NOTES);
    // Built in English (the words each part chose), then said in the asked-for language.
    const built: CheckResult = {
      kind,
      verdict,
      score,
      category,
      reasons,
      nextSteps: nextSteps({
        verdict,
        category,
        kind,
        indicators: into.indicators,
        languageSupported: language.supported,
        familyCue: codes.includes('cue.new_number') || codes.includes('cue.family_emergency'),
      }),
      indicators: into.indicators,
      language,
      checked: localizeLines('en', checked, []),
      truncated,
      notes: localizeLines('en', noteRefs, []),
      modelVersion: version,
      locale: 'en',
      checkedRefs: checked,
      noteRefs,
    };
    // An unknown locale (a caller outside the type system) gets English, never an error.
    const locale = isLocale(input.locale) ? input.locale : DEFAULT_LOCALE;
    const result = locale === 'en' ? built : localizeResult(built, locale);
    return { result, features: into.features };
  }

  return { check: (input) => analyse(input).result, analyse, version };
}
