import { useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { accessPaths } from './access-paths.js';
import { signUp } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

/** Name, email and a password; then "check your email" for the confirmation link. */
export function SignUpPage() {
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
    <Page
      title="Create an account"
      lead="An account lets you keep your sign-in safe, join your organization and ask to be verified."
    >
      {sent !== null ? (
        <div class="notice" role="status">
          <p class="notice__title">Nearly done</p>
          <p>{sent}</p>
          <p>
            You can already <AppLink href={accessPaths.signIn}>sign in</AppLink>.
          </p>
        </div>
      ) : (
        <form onSubmit={onSubmit} class="form">
          <TextField
            id="sign-up-name"
            label="Your name"
            hint="As you would like people in your organization to see it."
            autoComplete="name"
            maxLength={100}
            value={name}
            onValue={setName}
          />
          <TextField
            id="sign-up-email"
            label="Email address"
            type="email"
            autoComplete="email"
            value={email}
            onValue={setEmail}
          />
          <TextField
            id="sign-up-password"
            label="Choose a password"
            hint="At least 8 characters. A few ordinary words strung together make a strong one that is easy to remember."
            type="password"
            autoComplete="new-password"
            value={password}
            onValue={setPassword}
          />
          <FormAlert error={action.error} heading="We couldn't create your account." />
          <SubmitButton busy={action.busy} busyText="Creating your account…">
            Create account
          </SubmitButton>
        </form>
      )}
      <p class="after-form">
        Already have an account? <AppLink href={accessPaths.signIn}>Sign in</AppLink>
      </p>
    </Page>
  );
}
