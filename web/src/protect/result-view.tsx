import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { scoreIsShown } from '../../../src/protect/engine/check/shown-score.js';
import { CATEGORIES, type Category } from '../../../src/protect/engine/types.js';
import { type CheckerPageKey, checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import { AfterVerdictHelp } from './after/after-verdict-help.js';
import {
  LANGUAGE_REASON,
  type ShownReason,
  type ShownResult,
  UNCLEAR_REASON,
} from './check-result.js';
import type { CheckPlace } from './check-source.js';
import type { localizeShown } from './localize-shown.js';
import { categoryInWords, scoreOutOf100, verdictWords, whereInWords } from './plain-words.js';
import { VerdictIcon } from './verdict-icon.js';

interface ResultViewProps {
  readonly result: ShownResult;
  /** The verdict heading, so the page can move focus to it when the result appears. */
  readonly headingRef?: Ref<HTMLHeadingElement>;
  /** Where the check ran, when known (not for a shared result). */
  readonly place?: CheckPlace;
  /** Buttons under the result (report, share, check again); none on a shared result. */
  readonly children?: ComponentChildren;
}

export const RESULT_HEADING_ID = 'result-heading';

/**
 * A result in plain words: the verdict (words, colour and shape), the score out
 * of 100, the kind of scam, why, what to do now, what was checked, and notes
 * when the answer is less certain. The same view for a check and a shared link.
 */
export function ResultView({ result: given, headingRef, place, children }: ResultViewProps) {
  const locale = useLocale();
  const t = (key: CheckerPageKey, params?: Readonly<Record<string, string | number>>) =>
    checkerPageMessages.t(locale, key, params);
  // Said again in the reader's language: switching language needs no new check.
  const localize = useLocalizer();
  const result =
    given.locale === locale || localize === undefined ? given : localize(given, locale);
  const words = verdictWords(
    locale,
    result.verdict,
    result.reasons.some((reason) => reason.code === UNCLEAR_REASON),
  );
  const score = scoreOutOf100(result.score);
  const category = result.verdict === 'no_signs' ? null : categoryInWords(locale, result.category);
  const reasons = result.reasons.filter((reason) => reason.code !== LANGUAGE_REASON);
  const languageNote = result.reasons.find((reason) => reason.code === LANGUAGE_REASON);
  const steps = [...result.nextSteps].sort((a, b) => a.priority - b.priority);
  return (
    <section class={`result result--${result.verdict}`} aria-labelledby={RESULT_HEADING_ID}>
      <div class="result__verdict">
        <VerdictIcon verdict={result.verdict} />
        <div>
          <h2 id={RESULT_HEADING_ID} class="result__title" tabIndex={-1} ref={headingRef}>
            <span class="visually-hidden">{t('result.prefix')}</span>
            {words.title}
          </h2>
          <p class="result__summary">{words.summary}</p>
        </div>
      </div>

      <div class="result__body">
        {scoreIsShown(result) ? (
          <div class="result__score">
            <p class="result__score-value">{t('result.score', { score })}</p>
            <div class="score-bar" aria-hidden="true">
              <div class="score-bar__fill" style={{ width: `${score}%` }} />
            </div>
            <p class="result__score-hint">{t('result.score_hint')}</p>
          </div>
        ) : null}
        {category === null ? null : (
          <p class="result__category">
            <strong>{t('result.kind')}</strong> {category}
          </p>
        )}

        {result.language.supported ? null : (
          <p class="notice result__note">
            {languageNote?.message ?? t('result.language_fallback')}
          </p>
        )}
        {result.truncated ? <p class="notice result__note">{t('result.truncated')}</p> : null}
        {result.notes.length === 0 ? null : (
          <div class="notice result__note">
            <p>
              <strong>{t('result.not_read')}</strong>
            </p>
            <ul>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        )}

        {/* "No signs" is only as good as what was looked at, so that comes first there. */}
        {result.verdict === 'no_signs' ? (
          <CheckedList title={t('result.checked')} checked={result.checked} />
        ) : null}
        <ReasonList
          title={result.verdict === 'no_signs' ? t('result.noticed') : t('result.why')}
          reasons={reasons}
          locale={locale}
        />
        {steps.length === 0 ? null : (
          <>
            <h3>{t('result.what_to_do')}</h3>
            <ol class="steps">
              {steps.map((step) => (
                <li key={step.code}>{step.message}</li>
              ))}
            </ol>
          </>
        )}
        <AfterVerdictHelp verdict={result.verdict} category={categoryOf(result.category)} />
        {result.verdict === 'no_signs' ? null : (
          <CheckedList title={t('result.checked')} checked={result.checked} />
        )}
        <details class="details">
          <summary>{t('result.technical')}</summary>
          <dl class="facts">
            {place === undefined ? null : (
              <>
                <dt>{t('result.checked_where')}</dt>
                <dd>{place === 'device' ? t('result.on_device') : t('result.on_server')}</dd>
              </>
            )}
            <dt>{t('result.version')}</dt>
            <dd>
              <code class="result__version">{result.modelVersion || t('result.unknown')}</code>
            </dd>
          </dl>
        </details>
        {children}
      </div>
    </section>
  );
}

function CheckedList({
  title,
  checked,
}: {
  readonly title: string;
  readonly checked: readonly string[];
}) {
  return (
    <>
      <h3>{title}</h3>
      <ul class="checked-list">
        {checked.map((line) => (
          <li key={line}>{sentence(line)}</li>
        ))}
      </ul>
    </>
  );
}

/**
 * The reasons, each with the words it points at, quoted and highlighted, when
 * the reason does not quote them itself and an earlier reason has not shown them.
 */
function ReasonList({
  title,
  reasons,
  locale,
}: {
  readonly title: string;
  readonly reasons: readonly ShownReason[];
  readonly locale: Locale;
}) {
  if (reasons.length === 0) return null;
  const shown = new Set<string>();
  return (
    <>
      <h3>{title}</h3>
      <ul class="reasons">
        {reasons.map((reason) => {
          const excerpt = reason.evidence?.excerpt.trim() ?? '';
          const key = excerpt.toLowerCase();
          const quote =
            reason.evidence !== undefined &&
            excerpt !== '' &&
            !reason.message.toLowerCase().includes(key) &&
            !shown.has(key);
          if (quote) shown.add(key);
          return (
            <li key={reason.code}>
              {reason.message}
              {quote && reason.evidence !== undefined ? (
                <span class="evidence">
                  {whereInWords(locale, reason.evidence.field)}:{' '}
                  <q>
                    <mark>{excerpt}</mark>
                  </q>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** "the link in it" → "The link in it." */
function sentence(line: string): string {
  const text = line.trim();
  if (text === '') return text;
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/** The engine's category, or `other` for one this page does not know (a newer server's). */
function categoryOf(category: string): Category {
  return (CATEGORIES as readonly string[]).includes(category) ? (category as Category) : 'other';
}

type Localize = typeof localizeShown;
let loadedLocalizer: Localize | undefined;

/** The localizer, once its chunk has loaded (at once after the first time). */
function useLocalizer(): Localize | undefined {
  const [localize, setLocalize] = useState<Localize | undefined>(() => loadedLocalizer);
  useEffect(() => {
    if (localize !== undefined) return;
    let live = true;
    import('./localize-shown.js').then(
      (module) => {
        loadedLocalizer = module.localizeShown;
        if (live) setLocalize(() => module.localizeShown);
      },
      // Offline: the result stays in the language it came in, which is still readable.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [localize]);
  return localize;
}
