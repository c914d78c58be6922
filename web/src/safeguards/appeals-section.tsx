import { useCallback, useState } from 'preact/hooks';
import { messageOf } from '../access/access-client.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { safeguardsMessages } from '../i18n/safeguards-messages.js';
import { useResource } from '../use-resource.js';
import { categoryWords, decisionWord, LeverItem, percent } from './console-sections.js';
import {
  type Appeal,
  decideAppeal,
  fetchAppeals,
  MAX_REASON_CHARS,
  type Review,
} from './safeguards-api.js';
import { SubjectLabel, withSlot } from './subject-label.js';

const t = safeguardsMessages.t;
const STATUSES = ['pending', 'granted', 'denied'] as const;

/**
 * The reviewers' queue: each appeal with what the owner says, the limit, the risk score and the
 * requests cited as evidence (with the start of each stored prompt), and for a waiting appeal a
 * reason box with two large buttons: grant (lift the limit) or deny (keep it).
 */
export function AppealsSection() {
  const locale = useLocale();
  const [status, setStatus] = useState<Appeal['status']>('pending');
  const load = useCallback((signal: AbortSignal) => fetchAppeals(status, signal), [status]);
  const [appeals, retry] = useResource(load);
  return (
    <section class="sg-section" aria-labelledby="sg-appeals">
      <h2 id="sg-appeals" class="visually-hidden">
        {t(locale, 'appeals.heading')}
      </h2>
      <p>{t(locale, 'appeals.lead')}</p>
      <fieldset class="sg-filter">
        <legend>{t(locale, 'appeals.show')}</legend>
        {STATUSES.map((s) => (
          <label key={s} class="sg-filter__option">
            <input
              type="radio"
              name="appeal-status"
              value={s}
              checked={status === s}
              onChange={() => setStatus(s)}
            />
            {t(locale, `appeals.${s}`)}
          </label>
        ))}
      </fieldset>
      {appeals.state === 'loading' ? <LoadingMessage>{t(locale, 'loading')}</LoadingMessage> : null}
      {appeals.state === 'failed' && appeals.error.status === 403 ? (
        <p class="notice">{t(locale, 'forbidden')}</p>
      ) : null}
      {appeals.state === 'failed' && appeals.error.status !== 403 ? (
        <ErrorMessage heading={t(locale, 'failed')} error={appeals.error} onRetry={retry} />
      ) : null}
      {appeals.state === 'ready' && appeals.data.length === 0 ? (
        <p class="sg-empty">{t(locale, 'appeals.none')}</p>
      ) : null}
      {appeals.state === 'ready' && appeals.data.length > 0 ? (
        <ol class="sg-list">
          {appeals.data.map((r) => (
            <AppealItem key={r.appeal.id} review={r} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function AppealItem({ review }: { readonly review: Review }) {
  const locale = useLocale();
  const [current, setCurrent] = useState(review);
  const [done, setDone] = useState('');
  const { appeal } = current;
  const date = (iso: string) => formatTime(new Date(iso), locale);
  return (
    <li class="sg-card sg-appeal">
      <article aria-labelledby={`appeal-${appeal.id}`}>
        <h3 id={`appeal-${appeal.id}`} class="sg-card__title">
          <SubjectLabel id={appeal.target} name={appeal.target_name} />
        </h3>
        {appeal.owner !== appeal.target && appeal.owner.startsWith('org:') ? (
          <p>
            {withSlot(
              (name) => t(locale, 'mine.org', { name }),
              <SubjectLabel id={appeal.owner} name={appeal.owner_name} inline />,
            )}
          </p>
        ) : null}
        <p class="sg-meta">{t(locale, 'appeals.filed', { date: date(appeal.created_at) })}</p>
        <h4>{t(locale, 'appeals.owner_says')}</h4>
        <blockquote class="sg-quote sg-written">{appeal.reason}</blockquote>
        <h4>{t(locale, 'appeals.the_limit')}</h4>
        <ul class="sg-list sg-list--flat">
          <LeverItem lever={current.lever} />
        </ul>
        <p>{t(locale, current.in_force ? 'appeals.still_in_force' : 'appeals.not_in_force')}</p>
        {current.risk.map((r) => (
          <p key={r.subject}>
            {withSlot(
              (subject) =>
                t(locale, 'appeals.risk', {
                  subject,
                  score: formatCount(Math.round(r.score), locale),
                }),
              <SubjectLabel id={r.subject} name={r.name} inline />,
            )}
          </p>
        ))}
        <h4>{t(locale, 'appeals.requests')}</h4>
        {current.requests.length === 0 ? (
          <p>{t(locale, 'appeals.no_requests')}</p>
        ) : (
          <ul class="sg-evidence">
            {current.requests.map((r) => (
              <li key={r.id} class="sg-request">
                <p>
                  <strong>{decisionWord(locale, r.decision)}</strong> · {percent(locale, r.risk)} ·{' '}
                  {categoryWords(locale, r.categories)} · {date(r.at)}
                </p>
                <p class="sg-code sg-break">{r.id}</p>
                {r.prompt === null ? (
                  <p class="sg-meta">{t(locale, 'appeals.prompt_gone')}</p>
                ) : (
                  <>
                    <p class="sg-meta">{t(locale, 'appeals.prompt')}</p>
                    <pre class="sg-prompt sg-break">{r.prompt}</pre>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
        <p role="status" class="sg-done">
          {done}
        </p>
        {appeal.status === 'pending' ? (
          <DecisionForm
            appealId={appeal.id}
            onDecided={(r, message) => {
              setCurrent(r);
              setDone(message);
            }}
          />
        ) : (
          <div class={`sg-status sg-status--${appeal.status}`}>
            <p>
              <strong>{t(locale, `appeals.${appeal.status}`)}</strong>
            </p>
            <p class="sg-written">
              {withSlot(
                (actor) =>
                  t(locale, 'appeals.decided', {
                    date: date(appeal.decided_at ?? appeal.created_at),
                    actor,
                    reason: appeal.decision_reason ?? '',
                  }),
                <SubjectLabel id={appeal.decided_by ?? ''} name={appeal.decided_by_name} inline />,
              )}
            </p>
          </div>
        )}
      </article>
    </li>
  );
}

function DecisionForm({
  appealId,
  onDecided,
}: {
  readonly appealId: string;
  readonly onDecided: (r: Review, message: string) => void;
}) {
  const locale = useLocale();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `decide-${appealId}`;
  const decide = async (grant: boolean) => {
    if (busy) return;
    const why = reason.trim();
    if (why === '') return setProblem(t(locale, 'appeals.reason_needed'));
    setBusy(true);
    setProblem(null);
    try {
      const r = await decideAppeal(appealId, grant, why);
      onDecided(r, t(locale, grant ? 'appeals.done.granted' : 'appeals.done.denied'));
    } catch (err) {
      setProblem(`${t(locale, 'appeals.failed')} ${messageOf(err)}`);
      setBusy(false);
    }
  };
  return (
    <form class="sg-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <label class="field-label" for={id}>
        {t(locale, 'appeals.reason_label')}
      </label>
      <textarea
        id={id}
        class="field sg-textarea"
        rows={3}
        maxLength={MAX_REASON_CHARS}
        value={reason}
        aria-invalid={problem === null ? undefined : 'true'}
        aria-describedby={problem === null ? undefined : `${id}-problem`}
        onInput={(e) => setReason((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {problem === null ? null : (
        <p class="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <div class="sg-actions">
        <button
          type="button"
          class="button button--large"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void decide(true)}
        >
          {t(locale, busy ? 'appeals.busy' : 'appeals.grant')}
        </button>
        <button
          type="button"
          class="button button--large button--secondary"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void decide(false)}
        >
          {t(locale, busy ? 'appeals.busy' : 'appeals.deny')}
        </button>
      </div>
    </form>
  );
}
