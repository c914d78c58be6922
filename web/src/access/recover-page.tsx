import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
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
  const token = tokenInHash();
  return (
    <Page
      title="Recover your account"
      lead={
        token === ''
          ? 'Lost your phone, your passkeys and your recovery codes? You can get back into your account through your email. For your safety, this takes 3 days.'
          : 'You asked to recover your account because you lost every other way to confirm it is you.'
      }
    >
      {token === '' ? <AskForRecoveryLink /> : <StartRecovery token={token} />}
    </Page>
  );
}

function AskForRecoveryLink() {
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
    <>
      <form
        class="form"
        onSubmit={submitWith(action, async () =>
          setSent((await startRecovery(email.trim())).message),
        )}
      >
        <TextField
          id="recover-email"
          label="Email address of your account"
          hint="We send it a link. After you open it, you wait 3 days, then choose a new password."
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
      <ul class="link-list after-form">
        <li>
          <AppLink href={accessPaths.reset}>Only forgot your password? Reset it instead</AppLink>
        </li>
        <li>
          <AppLink href={accessPaths.signIn}>Sign in</AppLink>
        </li>
      </ul>
    </>
  );
}

/** The person presses the button (the link alone changes nothing), then learns when it ends. */
function StartRecovery({ token }: { readonly token: string }) {
  const action = useAction();
  const [completesAt, setCompletesAt] = useState<string | null>(null);
  if (completesAt !== null)
    return (
      <div class="notice" role="status">
        <p class="notice__title">Recovery started.</p>
        <p>
          You can finish it on <strong>{formatWhen(completesAt)}</strong>. We sent you a link for
          that. Nothing changes until then, and you can stop it from any device where you are still
          signed in.
        </p>
      </div>
    );
  return (
    <>
      <ul class="plain-list">
        <li>For your safety, you wait 3 days. Nothing on your account changes during that time.</li>
        <li>
          We tell you by email, and every device where your account is still signed in shows a
          button to stop it. That way, someone who got into your email can't take your account.
        </li>
        <li>
          After the 3 days, you choose a new password. Your old authenticator app, passkeys and
          recovery codes are then removed.
        </li>
      </ul>
      <FormAlert error={action.error} heading="We couldn't start the recovery." />
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
        {action.busy ? 'Starting…' : 'Start the recovery'}
      </button>
    </>
  );
}

/** `/access/recover/finish#token=…`, the second link: after the wait, a new password. */
export function FinishRecoveryPage() {
  const token = tokenInHash();
  return (
    <Page
      title="Finish recovering your account"
      lead="Choose a new password. Your old authenticator app, passkeys and recovery codes will be removed, and every device will be signed out."
    >
      {token === '' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">This address is not complete.</p>
          <p>Open the link from the email "Account recovery started" again.</p>
        </div>
      ) : (
        <FinishRecovery token={token} />
      )}
    </Page>
  );
}

function FinishRecovery({ token }: { readonly token: string }) {
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  if (done)
    return (
      <div class="notice" role="status">
        <p class="notice__title">Your account is recovered.</p>
        <p>
          <AppLink href={accessPaths.signIn}>Sign in</AppLink> with your new password, then add a
          passkey.
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
        label="New password"
        hint="At least 8 characters. A few ordinary words strung together make a strong one."
        type="password"
        autoComplete="new-password"
        value={password}
        onValue={setPassword}
      />
      <FormAlert error={action.error} heading="Your account is not recovered yet." />
      <SubmitButton busy={action.busy} busyText="Saving…">
        Save new password
      </SubmitButton>
    </form>
  );
}
