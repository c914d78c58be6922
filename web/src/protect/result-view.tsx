import type { ComponentChildren, Ref } from 'preact';
import { LANGUAGE_REASON, type ShownReason, type ShownResult } from './check-result.js';
import type { CheckPlace } from './check-source.js';
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
export function ResultView({ result, headingRef, place, children }: ResultViewProps) {
  const words = verdictWords[result.verdict];
  const score = scoreOutOf100(result.score);
  const category = result.verdict === 'no_signs' ? null : categoryInWords(result.category);
  const reasons = result.reasons.filter((reason) => reason.code !== LANGUAGE_REASON);
  const languageNote = result.reasons.find((reason) => reason.code === LANGUAGE_REASON);
  const steps = [...result.nextSteps].sort((a, b) => a.priority - b.priority);
  return (
    <section class={`result result--${result.verdict}`} aria-labelledby={RESULT_HEADING_ID}>
      <div class="result__verdict">
        <VerdictIcon verdict={result.verdict} />
        <div>
          <h2 id={RESULT_HEADING_ID} class="result__title" tabIndex={-1} ref={headingRef}>
            <span class="visually-hidden">Result: </span>
            {words.title}
          </h2>
          <p class="result__summary">{words.summary}</p>
        </div>
      </div>

      <div class="result__body">
        <div class="result__score">
          <p class="result__score-value">Scam score: {score} out of 100</p>
          <div class="score-bar" aria-hidden="true">
            <div class="score-bar__fill" style={{ width: `${score}%` }} />
          </div>
          <p class="result__score-hint">The higher the score, the more it looks like a scam.</p>
        </div>
        {category === null ? null : (
          <p class="result__category">
            <strong>What kind:</strong> {category}
          </p>
        )}

        {result.language.supported ? null : (
          <p class="notice result__note">
            {languageNote?.message ??
              'This does not seem to be written in English. Shieldwall is trained on English, so this answer is less certain.'}
          </p>
        )}
        {result.truncated ? (
          <p class="notice result__note">
            This was very long, so we checked only the first part of it. Anything after that part
            was not looked at.
          </p>
        ) : null}
        {result.notes.length === 0 ? null : (
          <div class="notice result__note">
            <p>
              <strong>Some of it could not be read:</strong>
            </p>
            <ul>
              {result.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </div>
        )}

        {/* "No signs" is only as good as what was looked at, so that comes first there. */}
        {result.verdict === 'no_signs' ? <CheckedList checked={result.checked} /> : null}
        <ReasonList
          title={result.verdict === 'no_signs' ? 'What we noticed' : 'Why'}
          reasons={reasons}
        />
        {steps.length === 0 ? null : (
          <>
            <h3>What to do now</h3>
            <ol class="steps">
              {steps.map((step) => (
                <li key={step.code}>{step.message}</li>
              ))}
            </ol>
          </>
        )}
        {result.verdict === 'no_signs' ? null : <CheckedList checked={result.checked} />}
        <details class="details">
          <summary>Technical details</summary>
          <dl class="facts">
            {place === undefined ? null : (
              <>
                <dt>Checked</dt>
                <dd>{place === 'device' ? 'On this device' : 'By the Shieldwall server'}</dd>
              </>
            )}
            <dt>Checker version</dt>
            <dd>
              <code class="result__version">{result.modelVersion || 'Unknown'}</code>
            </dd>
          </dl>
        </details>
        {children}
      </div>
    </section>
  );
}

function CheckedList({ checked }: { readonly checked: readonly string[] }) {
  return (
    <>
      <h3>What we checked</h3>
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
}: {
  readonly title: string;
  readonly reasons: readonly ShownReason[];
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
                  {whereInWords(reason.evidence.field)}:{' '}
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
