import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { completePasswordReset, requestPasswordReset } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

/**
 * `/access/reset`: ask for a link by email; `/access/reset#token=…` (the link
 * in that email): choose a new password.
 */
export function PasswordResetPage() {
  const token = tokenInHash();
  return (
    <Page
      title={token === '' ? 'Forgot your password?' : 'Choose a new password'}
      lead={
        token === ''
          ? 'Type the email address of your account. We will send it a link to choose a new password.'
          : 'Choose a new password for your account. You will then be signed out everywhere, to be safe.'
      }
    >
      {token === '' ? <AskForLink /> : <ChooseNewPassword token={token} />}
    </Page>
  );
}

function AskForLink() {
  const action = useAction();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  if (sent !== null)
    return (
      <div class="notice" role="status">
        <p class="notice__title">Check your email</p>
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
        label="Email address"
        type="email"
        autoComplete="username"
        value={email}
        onValue={setEmail}
      />
      <FormAlert error={action.error} heading="We couldn't send the link." />
      <SubmitButton busy={action.busy} busyText="Sending…">
        Send me a link
      </SubmitButton>
    </form>
  );
}

function ChooseNewPassword({ token }: { readonly token: string }) {
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div class="notice" role="status">
        <p class="notice__title">Your password is changed</p>
        <p>
          <AppLink href={accessPaths.signIn}>Sign in</AppLink> with your new password.
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
        label="New password"
        hint="At least 8 characters. A few ordinary words strung together make a strong one."
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <FormAlert error={action.error} heading="We couldn't change your password." />
      <SubmitButton busy={action.busy} busyText="Saving…">
        Save new password
      </SubmitButton>
    </form>
  );
}
