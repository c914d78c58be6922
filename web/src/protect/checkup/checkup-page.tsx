import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  ANSWERS,
  type Answer,
  type Answers,
  AREAS,
  answerWord,
  localizedCheckup,
  type QuestionId,
  scoreCheckup,
} from '../../../../src/protect/engine/checkup/index.js';
import { useAccountState } from '../../access/account-state.js';
import { Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { CheckupResultView, type OrgChoice } from './checkup-result.js';
import { loadAnswers, storeAnswers } from './checkup-storage.js';
import { checkupWords } from './checkup-words.js';
import './checkup.css';

type Step = 'intro' | number | 'result';

/**
 * /protect/checkup: the small-business checkup, one area per screen with a progress bar, large
 * answer targets and plain words, then the result (area bars, top five fixes, exports, history).
 * Works without an account (answers kept on this device); a signed-in owner or admin of an
 * organization can save each completed checkup for it.
 */
export function CheckupPage() {
  const locale = useLocale();
  const w = (key: Parameters<typeof checkupWords.t>[1], params?: Record<string, string | number>) =>
    checkupWords.t(locale, key, params);
  const checkup = localizedCheckup(locale);
  const [answers, setAnswers] = useState<Answers>(loadAnswers);
  const [step, setStep] = useState<Step>('intro');
  const [showMissing, setShowMissing] = useState(false);
  const [account] = useAccountState();
  const orgs: OrgChoice[] =
    account.state === 'signed_in'
      ? account.me.orgs.map((o) => ({ id: o.id, name: o.name, role: o.role }))
      : [];
  const [orgId, setOrgId] = useState<string>('');
  const org = orgs.find((o) => o.id === orgId);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => storeAnswers(answers), [answers]);
  useLayoutEffect(() => {
    // A new screen: move focus to its heading so keyboard and screen-reader users start there
    // (before paint, so there is no moment with the new screen shown and focus still on the button).
    if (step !== 'intro') heading.current?.focus();
  }, [step]);

  const answeredCount = Object.keys(answers).length;
  const result = useMemo(() => scoreCheckup(answers), [answers]);

  const choose = (id: QuestionId, answer: Answer) => setAnswers({ ...answers, [id]: answer });

  if (step === 'result')
    return (
      <Page title={w('title')}>
        <CheckupResultView
          locale={locale}
          answers={answers}
          result={result}
          org={org}
          headingRef={heading}
          onChange={() => setStep(0)}
        />
      </Page>
    );

  if (step === 'intro')
    return (
      <Page title={w('title')} lead={w('lead')}>
        <p>{w('privacy_device')}</p>
        {orgs.length > 0 ? (
          <div class="checkup-field">
            <label for="checkup-org">{w('save_for')}</label>
            <select
              id="checkup-org"
              value={orgId}
              onChange={(e) => setOrgId((e.target as HTMLSelectElement).value)}
            >
              <option value="">{w('this_device')}</option>
              {orgs.map((o) => (
                <option key={o.id} value={o.id}>
                  {w('org_option', { name: o.name, role: o.role })}
                </option>
              ))}
            </select>
            {org !== undefined && !canSave(org) ? (
              <p>{w('member_note', { name: org.name })}</p>
            ) : null}
          </div>
        ) : null}
        <div class="checkup-actions">
          <button
            type="button"
            class="button button--large"
            onClick={() => setStep(answeredCount > 0 ? firstOpenArea(answers) : 0)}
          >
            {answeredCount > 0 ? w('continue') : w('start')}
          </button>
          {answeredCount > 0 ? (
            <>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => setStep('result')}
              >
                {w('see_result')}
              </button>
              <button
                type="button"
                class="button button--secondary"
                onClick={() => {
                  setAnswers({});
                  setStep(0);
                }}
              >
                {w('start_over')}
              </button>
            </>
          ) : null}
        </div>
      </Page>
    );

  const area = AREAS[step] as (typeof AREAS)[number];
  const questions = checkup.questions.filter((q) => q.area === area);
  const areaDone = questions.every((q) => answers[q.id] !== undefined);
  const last = step === AREAS.length - 1;
  const next = () => {
    if (!areaDone) {
      setShowMissing(true);
      return;
    }
    setShowMissing(false);
    setStep(last ? 'result' : step + 1);
  };

  return (
    <Page title={w('title')}>
      <h2 ref={heading} tabIndex={-1} class="checkup-step">
        {w('step', { n: step + 1, total: AREAS.length, area: checkup.areas[step]?.title ?? '' })}
      </h2>
      <progress
        class="checkup-progress"
        max={checkup.questions.length}
        value={answeredCount}
        aria-label={w('progress_label')}
      />
      <p class="checkup-count">
        {w('answered', { done: answeredCount, total: checkup.questions.length })}
      </p>
      {questions.map((q) => (
        <fieldset key={q.id} class="checkup-question" aria-describedby={`why-${q.id}`}>
          <legend>{q.text}</legend>
          <p id={`why-${q.id}`} class="checkup-why">
            <strong>{w('why')}</strong> {q.why}
          </p>
          <div class="checkup-choices">
            {ANSWERS.map((a) => (
              <label key={a} class="checkup-choice">
                <input
                  type="radio"
                  name={q.id}
                  value={a}
                  checked={answers[q.id] === a}
                  onChange={() => choose(q.id, a)}
                />
                <span>{answerWord(locale, a)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      {showMissing && !areaDone ? (
        <p class="notice notice--error" role="alert">
          {w('missing')}
        </p>
      ) : null}
      <div class="checkup-actions">
        <button
          type="button"
          class="button button--secondary"
          onClick={() => setStep(step === 0 ? 'intro' : step - 1)}
        >
          {w('back')}
        </button>
        <button type="button" class="button button--large" onClick={next}>
          {last ? w('see_result') : w('next')}
        </button>
      </div>
    </Page>
  );
}

export function canSave(org: OrgChoice): boolean {
  return org.role === 'owner' || org.role === 'admin';
}

function firstOpenArea(answers: Answers): number {
  const checkup = localizedCheckup('en');
  const index = AREAS.findIndex((area) =>
    checkup.questions.some((q) => q.area === area && answers[q.id] === undefined),
  );
  return index < 0 ? 0 : index;
}
