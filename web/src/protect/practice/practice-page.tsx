import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  type AttemptResult,
  checkerInput,
  type Decision,
  type PhraseRef,
  type PracticeSample,
  practiceMessages,
  practiceSet,
  recordAttempt,
  sampleLocale,
  scoreAttempt,
  summariseProgress,
} from '../../../../src/protect/engine/practice/index.js';
import { Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { checkOnDevice } from '../device-checker.js';
import { PhraseMessage, refKey } from './phrase-message.js';
import { forgetProgress, loadProgress, saveProgress } from './practice-progress.js';
import { type CheckerAnswer, PracticeResult } from './practice-result.js';
import './practice.css';

/**
 * /protect/practice — practise spotting scams with made-up messages, on this device, no account.
 * Choose a message, decide, point at the worrying parts, then see the lessons and what the scam
 * checker says about the same message. The messages are the set written for the reader's
 * language (Spanish readers get the scams people in Spain receive); a message already open stays
 * open, in its own language, if the reader switches language.
 */
export function PracticePage() {
  const locale = useLocale();
  const t = practiceMessages.t;
  const set = practiceSet(locale);
  const [progress, setProgress] = useState(loadProgress);
  const [current, setCurrent] = useState<PracticeSample | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const summary = summariseProgress(progress, set.samples);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const backToList = () => {
    setCurrent(null);
    requestAnimationFrame(() => listHeading.current?.focus());
  };
  const next = () => {
    const index = current === null ? -1 : set.order.indexOf(current);
    const after = set.order.slice(index + 1).find((s) => progress.attempts[s.id] === undefined);
    setCurrent(after ?? set.order[(index + 1) % set.order.length] ?? null);
  };

  return (
    <Page title={t(locale, 'practice_title')} lead={t(locale, 'practice_intro')}>
      <p class="practice-progress" role="status">
        {t(locale, 'progress', {
          done: summary.done,
          total: set.samples.length,
          correct: summary.correct,
          points: summary.averagePoints,
        })}
      </p>
      {notice === null ? null : <p role="status">{notice}</p>}
      {current === null ? (
        <>
          <h2 ref={listHeading} tabIndex={-1}>
            {t(locale, 'choose_message')}
          </h2>
          <ul class="practice-list">
            {set.order.map((s) => {
              const entry = progress.attempts[s.id];
              return (
                <li key={s.id}>
                  <button type="button" class="practice-list__item" onClick={() => setCurrent(s)}>
                    <span class="practice-list__kind">{t(locale, `kind_${s.kind}`)}</span>
                    <span class="practice-list__title">{s.title}</span>
                    {entry === undefined ? null : (
                      <span class="practice-list__done">
                        {t(locale, 'done_mark', { points: entry.bestPoints })}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          <p>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                forgetProgress();
                setProgress(loadProgress());
                setNotice(t(locale, 'progress_reset'));
              }}
            >
              {t(locale, 'reset_progress')}
            </button>
          </p>
        </>
      ) : (
        <PracticeExercise
          key={current.id}
          sample={current}
          onDone={(result) => {
            const updated = recordAttempt(progress, result, Date.now());
            saveProgress(updated);
            setProgress(updated);
            setNotice(null);
          }}
          onNext={next}
          onBack={backToList}
        />
      )}
    </Page>
  );
}

interface PracticeExerciseProps {
  readonly sample: PracticeSample;
  readonly onDone: (result: AttemptResult) => void;
  readonly onNext: () => void;
  readonly onBack: () => void;
}

function PracticeExercise({ sample, onDone, onNext, onBack }: PracticeExerciseProps) {
  const locale = useLocale();
  const t = practiceMessages.t;
  const [decision, setDecision] = useState<Decision | null>(null);
  const [picked, setPicked] = useState<readonly PhraseRef[]>([]);
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<AttemptResult | null>(null);
  const [checker, setChecker] = useState<CheckerAnswer>({ state: 'loading' });
  const messageLocale = sampleLocale(sample.id);
  const [attempt, setAttempt] = useState(0);
  const firstChoice = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const pickedKeys = useMemo(() => new Set(picked.map(refKey)), [picked]);
  // A new message replaces the list: take focus to its heading, so keyboard and screen reader
  // users start reading it (and are not left on a button that no longer exists).
  useLayoutEffect(() => heading.current?.focus(), []);

  const toggle = (ref: PhraseRef) =>
    setPicked((now) =>
      now.some((p) => refKey(p) === refKey(ref))
        ? now.filter((p) => refKey(p) !== refKey(ref))
        : [...now, ref],
    );

  const submit = (event: Event) => {
    event.preventDefault();
    if (decision === null) {
      setMissing(true);
      firstChoice.current?.focus();
      return;
    }
    setMissing(false);
    const scored = scoreAttempt(sample, decision, picked);
    setResult(scored);
    onDone(scored);
  };

  // Once answered, ask the checker on this device, in the reader's language; again if they
  // switch language (it is quick and local), so its reasons read like the rest of the page.
  const answered = result !== null;
  useEffect(() => {
    if (!answered) return;
    let current = true;
    setChecker({ state: 'loading' });
    checkOnDevice({ ...checkerInput(sample), locale }).then(
      (answer) => {
        if (current) setChecker({ state: 'done', result: answer });
      },
      () => {
        if (current) setChecker({ state: 'failed' });
      },
    );
    return () => {
      current = false;
    };
  }, [answered, sample, locale]);

  const again = () => {
    setDecision(null);
    setPicked([]);
    setResult(null);
    setAttempt((n) => n + 1);
    requestAnimationFrame(() => heading.current?.focus());
  };

  return (
    <article class="practice-exercise" key={attempt} aria-labelledby="practice-message-heading">
      <p>
        <button type="button" class="button button--secondary" onClick={onBack}>
          {t(locale, 'back_to_list')}
        </button>
      </p>
      <h2 id="practice-message-heading" ref={heading} tabIndex={-1}>
        {t(locale, 'message_heading')}:{' '}
        <span lang={messageLocale === locale ? undefined : messageLocale}>{sample.title}</span>
      </h2>
      {result === null ? (
        <form onSubmit={submit} noValidate>
          <fieldset
            class="practice-decision"
            aria-describedby={missing ? 'practice-missing' : undefined}
          >
            <legend>{t(locale, 'step_decide')}</legend>
            {(['scam', 'not_scam'] as const).map((value, i) => (
              <label class="practice-choice" key={value}>
                <input
                  type="radio"
                  name="decision"
                  value={value}
                  checked={decision === value}
                  ref={i === 0 ? firstChoice : undefined}
                  onChange={() => setDecision(value)}
                />
                {t(locale, value === 'scam' ? 'answer_scam' : 'answer_not_scam')}
              </label>
            ))}
            {missing ? (
              <p id="practice-missing" class="practice-missing" role="alert">
                {t(locale, 'need_decision')}
              </p>
            ) : null}
          </fieldset>
          <fieldset class="practice-point">
            <legend>{t(locale, 'step_point')}</legend>
            <PhraseMessage sample={sample} picked={pickedKeys} onToggle={toggle} />
            <p class="practice-count" aria-live="polite">
              {practiceMessages.plural(locale, 'marked_count', picked.length)}
            </p>
          </fieldset>
          <button type="submit" class="button button--large">
            {t(locale, 'check_answer')}
          </button>
        </form>
      ) : (
        <>
          <PhraseMessage sample={sample} picked={pickedKeys} onToggle={null} />
          <PracticeResult sample={sample} result={result} checker={checker} />
          <p class="practice-actions">
            <button type="button" class="button" onClick={onNext}>
              {t(locale, 'next_message')}
            </button>
            <button type="button" class="button button--secondary" onClick={again}>
              {t(locale, 'try_again')}
            </button>
            <button type="button" class="button button--secondary" onClick={onBack}>
              {t(locale, 'back_to_list')}
            </button>
          </p>
        </>
      )}
    </article>
  );
}
