import { useCallback, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages } from '../i18n/org-messages.js';
import { getTiers } from './access-api.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { FormAlert, TextField, useAction } from './form-parts.js';
import { useStepUp } from './step-up.js';
import { formatDate, useLoaded } from './use-loaded.js';
import { decide, getReviewItem, type ReviewItem, reviewQueue } from './verification-api.js';
import { EvidenceSummary, levelName, statusWords } from './verification-parts.js';

const { t } = orgMessages;

const loadQueue = (signal: AbortSignal) =>
  Promise.all([reviewQueue(signal), getTiers(signal)]).then(([requests, tiers]) => ({
    requests,
    tiers,
  }));

/** `/access/review`, for reviewers: the queue, one request opened, approve or deny with a reason. */
export function ReviewPage() {
  const locale = useLocale();
  const { account } = useAccount();
  const [queue, reload] = useLoaded(loadQueue);
  const [open, setOpen] = useState<string | null>(null);
  if (!account.me.capabilities.includes('access.review'))
    return (
      <>
        <BackLink />
        <Page title={t(locale, 'review.title')}>
          <p>{t(locale, 'review.not_reviewer')}</p>
        </Page>
      </>
    );
  const tierName = (level: number) =>
    levelName(locale, queue.state === 'ready' ? queue.data.tiers : [], level);
  return (
    <>
      <BackLink />
      <Page title={t(locale, 'review.title')} lead={t(locale, 'review.lead')}>
        {queue.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'review.loading')}</LoadingMessage>
        ) : queue.state === 'failed' ? (
          <ErrorMessage
            heading={t(locale, 'review.failed')}
            error={queue.error}
            onRetry={() => void reload()}
          />
        ) : queue.data.requests.length === 0 ? (
          <p>{t(locale, 'review.empty')}</p>
        ) : (
          <ul class="item-list" aria-label={t(locale, 'review.list')}>
            {queue.data.requests.map((item) => (
              <li key={item.id} class="item">
                <h2 class="item__title item__title--h2">
                  {t(
                    locale,
                    item.subject.type === 'org' ? 'review.org_asks' : 'review.person_asks',
                    {
                      tier: tierName(item.requested_tier),
                    },
                  )}
                </h2>
                <p class="item__facts">
                  {statusWords(item.status, locale)}{' '}
                  {t(locale, 'review.waiting_since', { date: formatDate(item.queued_at, locale) })}
                </p>
                {open === item.id ? (
                  <ReviewDetails
                    id={item.id}
                    onDecided={async () => {
                      setOpen(null);
                      await reload();
                    }}
                  />
                ) : (
                  <button
                    type="button"
                    class="button button--secondary"
                    aria-label={t(locale, 'review.open_label', {
                      date: formatDate(item.queued_at, locale),
                    })}
                    onClick={() => setOpen(item.id)}
                  >
                    {t(locale, 'review.open')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Page>
    </>
  );
}

function ReviewDetails({
  id,
  onDecided,
}: {
  readonly id: string;
  readonly onDecided: () => Promise<void>;
}) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => getReviewItem(id, signal), [id]);
  const [item, reload] = useLoaded(load);
  if (item.state === 'loading')
    return <LoadingMessage>{t(locale, 'review.opening')}</LoadingMessage>;
  if (item.state === 'failed')
    return (
      <ErrorMessage
        heading={t(locale, 'review.open_failed')}
        error={item.error}
        onRetry={() => void reload()}
      />
    );
  return <Decision item={item.data} onDecided={onDecided} />;
}

function Decision({
  item,
  onDecided,
}: {
  readonly item: ReviewItem;
  readonly onDecided: () => Promise<void>;
}) {
  const locale = useLocale();
  const guard = useStepUp();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<'approve' | 'deny'>('approve');
  return (
    <div class="panel">
      <h3>{t(locale, 'review.statement')}</h3>
      <p class="quote">{item.statement}</p>
      {item.appeal === null ? null : (
        <>
          <h3>{t(locale, 'review.appeal')}</h3>
          <p class="quote">{item.appeal.statement}</p>
        </>
      )}
      <h3>{t(locale, 'review.evidence')}</h3>
      {item.evidence.length === 0 ? (
        <p>{t(locale, 'review.no_evidence')}</p>
      ) : (
        <EvidenceSummary evidence={item.evidence} />
      )}
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          // Which of the two buttons sent the form.
          const picked = event.submitter?.getAttribute('value') === 'deny' ? 'deny' : 'approve';
          setChoice(picked);
          void action.run(async () => {
            await guard(() => decide(item, picked, reason.trim()));
            await onDecided();
          });
        }}
      >
        <TextField
          id={`reason-${item.id}`}
          label={t(locale, 'review.reason')}
          hint={t(locale, 'review.reason_hint')}
          multiline
          maxLength={2000}
          value={reason}
          onValue={setReason}
        />
        <FormAlert error={action.error} heading={t(locale, 'review.failed_save')} />
        <div class="button-row">
          <button type="submit" class="button" value="approve" aria-disabled={action.busy}>
            {t(locale, action.busy && choice === 'approve' ? 'review.saving' : 'review.approve')}
          </button>
          <button
            type="submit"
            class="button button--secondary button--danger"
            value="deny"
            aria-disabled={action.busy}
          >
            {t(locale, action.busy && choice === 'deny' ? 'review.saving' : 'review.deny')}
          </button>
        </div>
      </form>
    </div>
  );
}
