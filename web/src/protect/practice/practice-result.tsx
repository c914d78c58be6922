import { useLayoutEffect, useRef } from 'preact/hooks';
import {
  type AttemptResult,
  lessons,
  type PracticeSample,
  practiceMessages,
  sampleFields,
  sampleLocale,
} from '../../../../src/protect/engine/practice/index.js';
import { useLocale } from '../../i18n/locale.js';
import type { CheckResult } from '../engine-types.js';
import { refKey } from './phrase-message.js';

/** What the checker said, once it has answered (or that it could not run). */
export type CheckerAnswer =
  | { readonly state: 'loading' }
  | { readonly state: 'failed' }
  | { readonly state: 'done'; readonly result: CheckResult };

interface PracticeResultProps {
  readonly sample: PracticeSample;
  readonly result: AttemptResult;
  readonly checker: CheckerAnswer;
}

/**
 * How the person did, then every warning sign (or sign of a genuine message) with its lesson, and
 * next to it what the scam checker said about the same message: the same reasons, so practice and
 * checker never disagree silently.
 */
export function PracticeResult({ sample, result, checker }: PracticeResultProps) {
  const locale = useLocale();
  const t = (
    key: Parameters<typeof practiceMessages.t>[1],
    params?: Record<string, number | string>,
  ) => practiceMessages.t(locale, key, params);
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  // The message's own words (its summary, the quoted phrases) are in its set's language.
  const messageLang = sampleLocale(sample.id);
  const found = new Set(result.found.map(refKey));
  const checkerCodes =
    checker.state === 'done'
      ? new Set(checker.result.reasons.map((r) => r.code))
      : new Set<string>();
  const marked = sampleFields(sample).flatMap(({ field, phrases }) =>
    phrases.flatMap((phrase, index) =>
      phrase.flag !== undefined || phrase.safe !== undefined ? [{ field, index, phrase }] : [],
    ),
  );
  const decision = result.decisionCorrect
    ? sample.scam
      ? 'decision_right_scam'
      : 'decision_right_genuine'
    : sample.scam
      ? 'decision_wrong_scam'
      : 'decision_wrong_genuine';
  return (
    <section class="practice-result" aria-labelledby="practice-result-heading">
      <h2 id="practice-result-heading" tabIndex={-1} ref={heading}>
        {t('result_heading')}
      </h2>
      <p class={`practice-verdict practice-verdict--${result.decisionCorrect ? 'right' : 'wrong'}`}>
        <strong>{t(decision)}</strong>
      </p>
      <p>
        {result.total === 0
          ? t('flags_none')
          : t('flags_found', { found: result.found.length, total: result.total })}
        {result.extra.length === 0
          ? null
          : ` ${practiceMessages.plural(locale, 'flags_extra', result.extra.length)}`}
      </p>
      <p class="practice-score">{t('score', { points: result.points })}</p>
      <p lang={messageLang}>{sample.summary}</p>

      <h3>{sample.scam ? t('signs_heading') : t('good_signs_heading')}</h3>
      <ul class="practice-signs">
        {marked.map(({ field, index, phrase }) => {
          const isFlag = phrase.flag !== undefined;
          const lesson = phrase.flag ?? phrase.safe;
          const agreed = (phrase.codes ?? []).filter((c) => checkerCodes.has(c));
          return (
            <li
              key={`${field}:${index}`}
              class={`practice-sign practice-sign--${isFlag ? 'flag' : 'safe'}`}
            >
              <q lang={messageLang}>{phrase.text.trim()}</q>
              {isFlag ? (
                <span
                  class={`practice-sign__state practice-sign__state--${found.has(`${field}:${index}`) ? 'found' : 'missed'}`}
                >
                  {found.has(`${field}:${index}`) ? t('you_found') : t('you_missed')}
                </span>
              ) : null}
              {lesson === undefined ? null : <p>{lessons.t(locale, lesson)}</p>}
              {agreed.length === 0 ? null : (
                <p class="practice-sign__checker">{t('checker_same')}</p>
              )}
            </li>
          );
        })}
      </ul>

      <h3>{t('checker_heading')}</h3>
      {checker.state === 'loading' ? (
        <p role="status">{t('checker_loading')}</p>
      ) : checker.state === 'failed' ? (
        <p role="status">{t('checker_failed')}</p>
      ) : (
        <div role="status">
          <p>
            <strong>{t(`checker_verdict_${checker.result.verdict}`)}</strong>
          </p>
          <ul class="practice-reasons">
            {checker.result.reasons
              // What counted, plus two sentences worth reading though they weigh nothing: a
              // genuine "we never ask for your code", and that the checker is less sure of a
              // message not written in English (every Spanish practice message).
              .filter(
                (r) =>
                  r.weight > 0 ||
                  r.code === 'cue.never_share_warning' ||
                  r.code === 'language.not_english',
              )
              .map((r) => (
                <li key={r.code}>{r.message}</li>
              ))}
          </ul>
        </div>
      )}
    </section>
  );
}
