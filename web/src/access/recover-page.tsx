import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { completeRecovery, confirmRecovery, startRecovery } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';
import { formatWhen } from './use-loaded.js';

/**
 * Recovering an account that lost its phone, passkeys and recovery codes.
 * `/access/recover`: ask for a link by email; `/access/recover#token=…` (the
 * link in that email): start the waiting period. Nothing changes until it ends.
 */
export function RecoverPage() {
  const { t } = useAccountWords();
  const token = tokenInHash();
  return (
    <Page
      title={t('recover.title')}
      lead={token === '' ? t('recover.lead_ask') : t('recover.lead_link')}
    >
      {token === '' ? <AskForRecoveryLink /> : <StartRecovery token={token} />}
    </Page>
  );
}

function AskForRecoveryLink() {
  const { t } = useAccountWords();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  if (sent !== null)
    return (
      <div class="notice" role="status">
        <p class="notice__title">{t('common.check_email')}</p>
        <p>{sent}</p>
      </div>
    );
  return (
    <>
      <form
        class="form"
        onSubmit={submitWith(action, async () =>
          setSent((await startRecovery(email.trim())).message),
        )}
      >
        <TextField
          id="recover-email"
          label={t('recover.email_label')}
          hint={t('recover.email_hint')}
          type="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
        <FormAlert error={action.error} heading={t('common.link_failed')} />
        <SubmitButton busy={action.busy} busyText={t('common.sending')}>
          {t('common.send_link')}
        </SubmitButton>
      </form>
      <ul class="link-list after-form">
        <li>
          <AppLink href={accessPaths.reset}>{t('recover.only_password')}</AppLink>
        </li>
        <li>
          <AppLink href={accessPaths.signIn}>{t('common.sign_in')}</AppLink>
        </li>
      </ul>
    </>
  );
}

/** The person presses the button (the link alone changes nothing), then learns when it ends. */
function StartRecovery({ token }: { readonly token: string }) {
  const { t, locale } = useAccountWords();
  const action = useAction();
  const [completesAt, setCompletesAt] = useState<string | null>(null);
  if (completesAt !== null)
    return (
      <div class="notice" role="status">
        <p class="notice__title">{t('recover.started')}</p>
        <p>
          {withNodes(t('recover.finish_on'), {
            when: <strong>{formatWhen(completesAt, locale)}</strong>,
          })}
        </p>
      </div>
    );
  return (
    <>
      <ul class="plain-list">
        <li>{t('recover.wait')}</li>
        <li>{t('recover.told')}</li>
        <li>{t('recover.after')}</li>
      </ul>
      <FormAlert error={action.error} heading={t('recover.start_failed')} />
      <button
        type="button"
        class="button button--large"
        aria-disabled={action.busy}
        onClick={() =>
          void action.run(async () => {
            setCompletesAt((await confirmRecovery(token)).completes_at);
          })
        }
      >
        {action.busy ? t('recover.starting') : t('recover.start')}
      </button>
    </>
  );
}

/** `/access/recover/finish#token=…`, the second link: after the wait, a new password. */
export function FinishRecoveryPage() {
  const { t } = useAccountWords();
  const token = tokenInHash();
  return (
    <Page title={t('finish.title')} lead={t('finish.lead')}>
      {token === '' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('common.incomplete')}</p>
          <p>{t('finish.open_again')}</p>
        </div>
      ) : (
        <FinishRecovery token={token} />
      )}
    </Page>
  );
}

function FinishRecovery({ token }: { readonly token: string }) {
  const { t } = useAccountWords();
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div class="notice" role="status">
        <p class="notice__title">{t('finish.done')}</p>
        <p>
          {withNodes(t('finish.sign_in'), {
            link: <AppLink href={accessPaths.signIn}>{t('common.sign_in_sentence')}</AppLink>,
          })}
        </p>
      </div>
    );
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        await completeRecovery(token, password);
        setDone(true);
      })}
    >
      <TextField
        id="recover-password"
        label={t('common.new_password')}
        hint={t('common.password_hint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <FormAlert error={action.error} heading={t('finish.failed')} />
      <SubmitButton busy={action.busy} busyText={t('common.saving')}>
        {t('common.save_password')}
      </SubmitButton>
    </form>
  );
}
