import { useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages, tierDescription, tierName } from '../i18n/org-messages.js';
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
import { EvidenceSummary, levelName, statusWords } from './verification-parts.js';

const { t } = orgMessages;

const load = (signal: AbortSignal) =>
  Promise.all([listRequests(signal), getTiers(signal)]).then(([requests, tiers]) => ({
    requests,
    tiers,
  }));

/** `/access/verification`: your requests in plain words, evidence steps, appeals, and a new request. */
export function VerificationPage() {
  const locale = useLocale();
  const [data, reload] = useLoaded(load);
  return (
    <>
      <BackLink />
      <Page title={t(locale, 'verification.title')} lead={t(locale, 'verification.lead')}>
        {data.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'verification.loading')}</LoadingMessage>
        ) : data.state === 'failed' ? (
          <ErrorMessage
            heading={t(locale, 'verification.failed')}
            error={data.error}
            onRetry={() => void reload()}
          />
        ) : (
          <>
            <h2 id="requests-heading">{t(locale, 'verification.yours')}</h2>
            {data.data.requests.length === 0 ? (
              <p>{t(locale, 'verification.none')}</p>
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

function RequestItem({
  request,
  tiers,
  onChanged,
}: {
  readonly request: VerificationRequest;
  readonly tiers: readonly Tier[];
  readonly onChanged: () => Promise<void>;
}) {
  const locale = useLocale();
  const { account } = useAccount();
  const tier = levelName(locale, tiers, request.requested_tier);
  const title =
    request.subject.type === 'user'
      ? t(locale, 'verification.for_you', { tier })
      : t(locale, 'verification.for_org', {
          tier,
          org:
            account.me.orgs.find((o) => o.id === request.subject.id)?.name ??
            t(locale, 'verification.your_org'),
        });
  const open = request.status === 'pending' || request.status === 'appealed';
  return (
    <li class="item">
      <h3 class="item__title">{title}</h3>
      <p class="item__facts">
        {t(locale, 'verification.asked', { date: formatDate(request.created_at, locale) })}{' '}
        <strong>{statusWords(request.status, locale)}</strong>
        {request.granted_until === null
          ? ''
          : ` ${t(locale, 'verification.valid_until', { date: formatDate(request.granted_until, locale) })}`}
      </p>
      {request.decision === null ? null : (
        <p>
          {t(locale, 'verification.reviewer_wrote')} <q>{request.decision.reason}</q>
        </p>
      )}
      {request.appeal?.reason == null ? null : (
        <p>
          {t(locale, 'verification.about_appeal')} <q>{request.appeal.reason}</q>
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
            question={t(locale, 'verification.withdraw_question')}
            explanation={t(locale, 'verification.withdraw_explain')}
            confirm={t(locale, 'verification.withdraw_confirm')}
            onConfirm={async () => {
              await withdraw(request.id);
              await onChanged();
            }}
          >
            {t(locale, 'verification.withdraw')}
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
  const locale = useLocale();
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
      <h4>{t(locale, 'appeal.heading')}</h4>
      <p>{t(locale, 'appeal.text')}</p>
      <TextField
        id={`appeal-${id}`}
        label={t(locale, 'appeal.label')}
        multiline
        maxLength={4000}
        value={statement}
        onValue={setStatement}
      />
      <FormAlert error={action.error} heading={t(locale, 'appeal.failed')} />
      <SubmitButton busy={action.busy} busyText={t(locale, 'appeal.busy')}>
        {t(locale, 'appeal.submit')}
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
  const locale = useLocale();
  const { account } = useAccount();
  const action = useAction();
  const choices = tiers.filter((tier) => tier.level > 0);
  const adminOrgs = account.me.orgs.filter((o) => o.role === 'owner' || o.role === 'admin');
  const [subject, setSubject] = useState('me');
  const [level, setLevel] = useState(String(choices[0]?.level ?? 1));
  const [statement, setStatement] = useState('');
  const chosen = choices.find((tier) => String(tier.level) === level);
  return (
    <section aria-labelledby="ask-heading" class="panel">
      <h2 id="ask-heading">{t(locale, 'ask.heading')}</h2>
      <form
        class="form"
        onSubmit={submitWith(action, async () => {
          await submitRequest(subject === 'me' ? null : subject, Number(level), statement.trim());
          setStatement('');
          await onAsked();
        })}
      >
        <label class="field-label" for="ask-subject">
          {t(locale, 'ask.who')}
        </label>
        <select
          id="ask-subject"
          class="field field--select"
          value={subject}
          onChange={(event) => setSubject(event.currentTarget.value)}
        >
          <option value="me">{t(locale, 'ask.me')}</option>
          {adminOrgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
        <label class="field-label" for="ask-tier">
          {t(locale, 'ask.level')}
        </label>
        <p class="hint" id="ask-tier-hint">
          {chosen === undefined ? '' : tierDescription(locale, chosen)}
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
              {tierName(locale, tier)}
            </option>
          ))}
        </select>
        <TextField
          id="ask-statement"
          label={t(locale, 'ask.statement')}
          hint={t(locale, 'ask.statement_hint')}
          multiline
          maxLength={4000}
          value={statement}
          onValue={setStatement}
        />
        <FormAlert error={action.error} heading={t(locale, 'ask.failed')} />
        <SubmitButton busy={action.busy} busyText={t(locale, 'ask.busy')}>
          {t(locale, 'ask.submit')}
        </SubmitButton>
      </form>
    </section>
  );
}
