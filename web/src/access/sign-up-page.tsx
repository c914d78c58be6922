import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
import { accessPaths } from './access-paths.js';
import { signUp } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

/** Name, email and a password; then "check your email" for the confirmation link. */
export function SignUpPage() {
  const { t } = useAccountWords();
  const action = useAction();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const onSubmit = submitWith(action, async () => {
    const answer = await signUp(email.trim(), name.trim(), password);
    setSent(answer.message);
  });
  return (
    <Page title={t('sign_up.title')} lead={t('sign_up.lead')}>
      {sent !== null ? (
        <div class="notice" role="status">
          <p class="notice__title">{t('sign_up.nearly')}</p>
          <p>{sent}</p>
          <p>
            {withNodes(t('sign_up.already'), {
              link: <AppLink href={accessPaths.signIn}>{t('sign_up.already_link')}</AppLink>,
            })}
          </p>
        </div>
      ) : (
        <form onSubmit={onSubmit} class="form">
          <TextField
            id="sign-up-name"
            label={t('sign_up.name_label')}
            hint={t('sign_up.name_hint')}
            autoComplete="name"
            maxLength={100}
            value={name}
            onValue={setName}
          />
          <TextField
            id="sign-up-email"
            label={t('common.email')}
            type="email"
            autoComplete="email"
            value={email}
            onValue={setEmail}
          />
          <TextField
            id="sign-up-password"
            label={t('sign_up.password_label')}
            hint={t('sign_up.password_hint')}
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
          />
          <FormAlert error={action.error} heading={t('sign_up.failed')} />
          <SubmitButton busy={action.busy} busyText={t('sign_up.busy')}>
            {t('sign_up.submit')}
          </SubmitButton>
        </form>
      )}
      <p class="after-form">
        {withNodes(t('sign_up.have_account'), {
          link: <AppLink href={accessPaths.signIn}>{t('common.sign_in')}</AppLink>,
        })}
      </p>
    </Page>
  );
}
