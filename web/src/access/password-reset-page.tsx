import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { completePasswordReset, requestPasswordReset } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

/**
 * `/access/reset`: ask for a link by email; `/access/reset#token=…` (the link
 * in that email): choose a new password.
 */
export function PasswordResetPage() {
  const { t } = useAccountWords();
  const token = tokenInHash();
  return (
    <Page
      title={token === '' ? t('sign_in.forgot') : t('reset.title_new')}
      lead={token === '' ? t('reset.lead_ask') : t('reset.lead_new')}
    >
      {token === '' ? <AskForLink /> : <ChooseNewPassword token={token} />}
    </Page>
  );
}

function AskForLink() {
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
    <form
      class="form"
      onSubmit={submitWith(action, async () =>
        setSent((await requestPasswordReset(email.trim())).message),
      )}
    >
      <TextField
        id="reset-email"
        label={t('common.email')}
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
  );
}

function ChooseNewPassword({ token }: { readonly token: string }) {
  const { t } = useAccountWords();
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div class="notice" role="status">
        <p class="notice__title">{t('reset.changed')}</p>
        <p>
          {withNodes(t('reset.sign_in'), {
            link: <AppLink href={accessPaths.signIn}>{t('common.sign_in_sentence')}</AppLink>,
          })}
        </p>
      </div>
    );
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        await completePasswordReset(token, password);
        setDone(true);
      })}
    >
      <TextField
        id="reset-password"
        label={t('common.new_password')}
        hint={t('common.password_hint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <FormAlert error={action.error} heading={t('reset.failed')} />
      <SubmitButton busy={action.busy} busyText={t('common.saving')}>
        {t('common.save_password')}
      </SubmitButton>
    </form>
  );
}
