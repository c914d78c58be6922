import { useCallback, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { getTiers } from './access-api.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { FormAlert, TextField, useAction } from './form-parts.js';
import { useStepUp } from './step-up.js';
import { formatDate, useLoaded } from './use-loaded.js';
import { decide, getReviewItem, type ReviewItem, reviewQueue } from './verification-api.js';
import { EvidenceSummary, statusWords } from './verification-parts.js';

const loadQueue = (signal: AbortSignal) =>
  Promise.all([reviewQueue(signal), getTiers(signal)]).then(([requests, tiers]) => ({
    requests,
    tiers,
  }));

/** `/access/review`, for reviewers: the queue, one request opened, approve or deny with a reason. */
export function ReviewPage() {
  const { account } = useAccount();
  const [queue, reload] = useLoaded(loadQueue);
  const [open, setOpen] = useState<string | null>(null);
  if (!account.me.capabilities.includes('access.review'))
    return (
      <>
        <BackLink />
        <Page title="Reviewer queue">
          <p>
            This page is for the people who check verification requests. Your account is not one of
            them.
          </p>
        </Page>
      </>
    );
  const tierName = (level: number) =>
    queue.state === 'ready'
      ? (queue.data.tiers.find((t) => t.level === level)?.name ?? `Level ${level}`)
      : `Level ${level}`;
  return (
    <>
      <BackLink />
      <Page
        title="Reviewer queue"
        lead="Requests waiting for a decision, oldest first. The applicant reads the reason you give."
      >
        {queue.state === 'loading' ? (
          <LoadingMessage>Loading the queue…</LoadingMessage>
        ) : queue.state === 'failed' ? (
          <ErrorMessage
            heading="We couldn't load the queue."
            error={queue.error}
            onRetry={() => void reload()}
          />
        ) : queue.data.requests.length === 0 ? (
          <p>Nothing is waiting. Thank you!</p>
        ) : (
          <ul class="item-list" aria-label="Waiting requests">
            {queue.data.requests.map((item) => (
              <li key={item.id} class="item">
                <h2 class="item__title item__title--h2">
                  {item.subject.type === 'org' ? 'Organization' : 'Person'} asks for{' '}
                  {tierName(item.requested_tier)}
                </h2>
                <p class="item__facts">
                  {statusWords(item.status)} Waiting since {formatDate(item.queued_at)}.
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
                    aria-label={`Open the request from ${formatDate(item.queued_at)}`}
                    onClick={() => setOpen(item.id)}
                  >
                    Open
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
  const load = useCallback((signal: AbortSignal) => getReviewItem(id, signal), [id]);
  const [item, reload] = useLoaded(load);
  if (item.state === 'loading') return <LoadingMessage>Opening the request…</LoadingMessage>;
  if (item.state === 'failed')
    return (
      <ErrorMessage
        heading="We couldn't open the request."
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
  const guard = useStepUp();
  const action = useAction();
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState<'approve' | 'deny'>('approve');
  return (
    <div class="panel">
      <h3>What they wrote</h3>
      <p class="quote">{item.statement}</p>
      {item.appeal === null ? null : (
        <>
          <h3>Their appeal</h3>
          <p class="quote">{item.appeal.statement}</p>
        </>
      )}
      <h3>Evidence</h3>
      {item.evidence.length === 0 ? <p>None yet.</p> : <EvidenceSummary evidence={item.evidence} />}
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
          label="Your reason"
          hint="The applicant reads this. Be kind and specific."
          multiline
          maxLength={2000}
          value={reason}
          onValue={setReason}
        />
        <FormAlert error={action.error} heading="The decision is not saved." />
        <div class="button-row">
          <button type="submit" class="button" value="approve" aria-disabled={action.busy}>
            {action.busy && choice === 'approve' ? 'Saving…' : 'Approve'}
          </button>
          <button
            type="submit"
            class="button button--secondary button--danger"
            value="deny"
            aria-disabled={action.busy}
          >
            {action.busy && choice === 'deny' ? 'Saving…' : 'Deny'}
          </button>
        </div>
      </form>
    </div>
  );
}
