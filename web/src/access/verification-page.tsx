import { useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { getTiers, type Tier } from './access-api.js';
import { useAccount } from './account-state.js';
import { BackLink } from './back-link.js';
import { ConfirmButton } from './confirm-button.js';
import { EvidenceSteps } from './evidence-steps.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { formatDate, useLoaded } from './use-loaded.js';
import {
  appeal,
  listRequests,
  submitRequest,
  type VerificationRequest,
  withdraw,
} from './verification-api.js';
import { EvidenceSummary, statusWords } from './verification-parts.js';

const load = (signal: AbortSignal) =>
  Promise.all([listRequests(signal), getTiers(signal)]).then(([requests, tiers]) => ({
    requests,
    tiers,
  }));

/** `/access/verification`: your requests in plain words, evidence steps, appeals, and a new request. */
export function VerificationPage() {
  const [data, reload] = useLoaded(load);
  return (
    <>
      <BackLink />
      <Page
        title="Verification"
        lead="Being verified lets you, or your organization, use more of Shieldwall. A person checks each request."
      >
        {data.state === 'loading' ? (
          <LoadingMessage>Loading your requests…</LoadingMessage>
        ) : data.state === 'failed' ? (
          <ErrorMessage
            heading="We couldn't load your requests."
            error={data.error}
            onRetry={() => void reload()}
          />
        ) : (
          <>
            <h2 id="requests-heading">Your requests</h2>
            {data.data.requests.length === 0 ? (
              <p>You have not asked to be verified yet.</p>
            ) : (
              <ul class="item-list" aria-labelledby="requests-heading">
                {data.data.requests.map((request) => (
                  <RequestItem
                    key={request.id}
                    request={request}
                    tiers={data.data.tiers}
                    onChanged={reload}
                  />
                ))}
              </ul>
            )}
            <AskForm tiers={data.data.tiers} onAsked={reload} />
          </>
        )}
      </Page>
    </>
  );
}

const tierName = (tiers: readonly Tier[], level: number) =>
  tiers.find((t) => t.level === level)?.name ?? `Level ${level}`;

function RequestItem({
  request,
  tiers,
  onChanged,
}: {
  readonly request: VerificationRequest;
  readonly tiers: readonly Tier[];
  readonly onChanged: () => Promise<void>;
}) {
  const { account } = useAccount();
  const who =
    request.subject.type === 'user'
      ? 'you'
      : (account.me.orgs.find((o) => o.id === request.subject.id)?.name ?? 'your organization');
  const open = request.status === 'pending' || request.status === 'appealed';
  return (
    <li class="item">
      <h3 class="item__title">
        {tierName(tiers, request.requested_tier)} for {who}
      </h3>
      <p class="item__facts">
        Asked on {formatDate(request.created_at)}. <strong>{statusWords(request.status)}</strong>
        {request.granted_until === null ? '' : ` Valid until ${formatDate(request.granted_until)}.`}
      </p>
      {request.decision === null ? null : (
        <p>
          The reviewer wrote: <q>{request.decision.reason}</q>
        </p>
      )}
      {request.appeal?.reason == null ? null : (
        <p>
          About your appeal: <q>{request.appeal.reason}</q>
        </p>
      )}
      {request.status === 'pending' ? (
        <EvidenceSteps request={request} onChanged={onChanged} />
      ) : request.evidence.length > 0 ? (
        <EvidenceSummary evidence={request.evidence} />
      ) : null}
      {request.status === 'denied' && request.appeal === null ? (
        <AppealForm id={request.id} onAppealed={onChanged} />
      ) : null}
      {open ? (
        <div class="button-row confirm-row">
          <ConfirmButton
            question="Withdraw this request?"
            explanation="Reviewers will no longer look at it. You can ask again later."
            confirm="Yes, withdraw it"
            onConfirm={async () => {
              await withdraw(request.id);
              await onChanged();
            }}
          >
            Withdraw this request
          </ConfirmButton>
        </div>
      ) : null}
    </li>
  );
}

function AppealForm({
  id,
  onAppealed,
}: {
  readonly id: string;
  readonly onAppealed: () => Promise<void>;
}) {
  const action = useAction();
  const [statement, setStatement] = useState('');
  return (
    <form
      class="form panel"
      onSubmit={submitWith(action, async () => {
        await appeal(id, statement.trim());
        await onAppealed();
      })}
    >
      <h4>Think this is wrong?</h4>
      <p>You can appeal once, within 30 days. A different reviewer will decide.</p>
      <TextField
        id={`appeal-${id}`}
        label="Why should they look again?"
        multiline
        maxLength={4000}
        value={statement}
        onValue={setStatement}
      />
      <FormAlert error={action.error} heading="Your appeal is not sent." />
      <SubmitButton busy={action.busy} busyText="Sending…">
        Send appeal
      </SubmitButton>
    </form>
  );
}

function AskForm({
  tiers,
  onAsked,
}: {
  readonly tiers: readonly Tier[];
  readonly onAsked: () => Promise<void>;
}) {
  const { account } = useAccount();
  const action = useAction();
  const choices = tiers.filter((t) => t.level > 0);
  const adminOrgs = account.me.orgs.filter((o) => o.role === 'owner' || o.role === 'admin');
  const [subject, setSubject] = useState('me');
  const [level, setLevel] = useState(String(choices[0]?.level ?? 1));
  const [statement, setStatement] = useState('');
  const chosen = choices.find((t) => String(t.level) === level);
  return (
    <section aria-labelledby="ask-heading" class="panel">
      <h2 id="ask-heading">Ask to be verified</h2>
      <form
        class="form"
        onSubmit={submitWith(action, async () => {
          await submitRequest(subject === 'me' ? null : subject, Number(level), statement.trim());
          setStatement('');
          await onAsked();
        })}
      >
        <label class="field-label" for="ask-subject">
          Who is it for?
        </label>
        <select
          id="ask-subject"
          class="field field--select"
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
        >
          <option value="me">Just me</option>
          {adminOrgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
        <label class="field-label" for="ask-tier">
          What level?
        </label>
        <p class="hint" id="ask-tier-hint">
          {chosen?.description ?? ''}
        </p>
        <select
          id="ask-tier"
          class="field field--select"
          aria-describedby="ask-tier-hint"
          value={level}
          onChange={(event) => setLevel(event.currentTarget.value)}
        >
          {choices.map((tier) => (
            <option key={tier.level} value={String(tier.level)}>
              {tier.name}
            </option>
          ))}
        </select>
        <TextField
          id="ask-statement"
          label="Tell the reviewer about yourself"
          hint="Who you are, what you do to protect people, and why you need this level. A few sentences are enough."
          multiline
          maxLength={4000}
          value={statement}
          onValue={setStatement}
        />
        <FormAlert error={action.error} heading="Your request is not sent." />
        <SubmitButton busy={action.busy} busyText="Sending…">
          Send request
        </SubmitButton>
      </form>
    </section>
  );
}
