import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { rememberCsrfToken } from './access-client.js';
import { accessPaths } from './access-paths.js';
import { finishSignIn, signInWithPasskey, signInWithPassword } from './account-api.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

interface SignInPageProps {
  /** Why signing in is needed here, when the person came for a signed-in page. */
  readonly reason?: string;
  /** Called with the session's CSRF token remembered; loads the account. */
  readonly onSignedIn: () => Promise<void>;
}

/** Passkey first (the safest and simplest), then email and password, then the code if asked. */
export function SignInPage({ reason, onSignedIn }: SignInPageProps) {
  const [pending, setPending] = useState<string | null>(null);
  const done = async (csrf: string) => {
    rememberCsrfToken(csrf);
    await onSignedIn();
  };
  return (
    <Page
      title="Sign in"
      lead={reason ?? 'Sign in to see how your account is protected and what you can use.'}
    >
      {pending === null ? (
        <>
          <PasskeySignIn onSignedIn={done} />
          <PasswordSignIn onSignedIn={done} onCodeNeeded={setPending} />
          <ul class="link-list">
            <li>
              <AppLink href={accessPaths.signUp}>Create an account</AppLink>
            </li>
            <li>
              <AppLink href={accessPaths.reset}>Forgot your password?</AppLink>
            </li>
            <li>
              <AppLink href={accessPaths.recover}>Lost your phone and your recovery codes?</AppLink>
            </li>
          </ul>
        </>
      ) : (
        <SecondStep
          pendingToken={pending}
          onSignedIn={done}
          onStartAgain={() => setPending(null)}
        />
      )}
    </Page>
  );
}

function PasskeySignIn({ onSignedIn }: { readonly onSignedIn: (csrf: string) => Promise<void> }) {
  const action = useAction();
  const supported = browserSupportsWebAuthn();
  return (
    <section aria-labelledby="passkey-heading" class="panel">
      <h2 id="passkey-heading">With a passkey</h2>
      <p>
        A passkey lets you sign in with your fingerprint, your face or your device's screen lock
        instead of a password, and fake websites can't steal it.
      </p>
      {supported ? (
        <>
          <button
            type="button"
            class="button button--large"
            aria-disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                const answer = await signInWithPasskey();
                await onSignedIn(answer.csrf_token);
              })
            }
          >
            {action.busy ? 'Waiting for your passkey…' : 'Sign in with a passkey'}
          </button>
          <FormAlert error={action.error} heading="We couldn't sign you in with a passkey." />
        </>
      ) : (
        <div class="notice">
          <p>
            This browser can't use passkeys. Please sign in with your email address and password
            below, or try another browser.
          </p>
        </div>
      )}
    </section>
  );
}

function PasswordSignIn({
  onSignedIn,
  onCodeNeeded,
}: {
  readonly onSignedIn: (csrf: string) => Promise<void>;
  readonly onCodeNeeded: (pendingToken: string) => void;
}) {
  const action = useAction();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = submitWith(action, async () => {
    const answer = await signInWithPassword(email.trim(), password);
    if (answer.status === 'second_factor') onCodeNeeded(answer.pending_token);
    else await onSignedIn(answer.csrf_token);
  });
  return (
    <section aria-labelledby="password-heading" class="panel">
      <h2 id="password-heading">With your email and password</h2>
      <form onSubmit={onSubmit} class="form">
        <TextField
          id="sign-in-email"
          label="Email address"
          type="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
        />
        <FormAlert error={action.error} heading="We couldn't sign you in." />
        <SubmitButton busy={action.busy} busyText="Signing in…">
          Sign in
        </SubmitButton>
      </form>
    </section>
  );
}

/** The 6-digit code from the authenticator app, or one recovery code. */
function SecondStep({
  pendingToken,
  onSignedIn,
  onStartAgain,
}: {
  readonly pendingToken: string;
  readonly onSignedIn: (csrf: string) => Promise<void>;
  readonly onStartAgain: () => void;
}) {
  const action = useAction();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaced the one the person was in: tell them where they are now.
  useEffect(() => heading.current?.focus(), []);
  const onSubmit = submitWith(action, async () => {
    const answer = await finishSignIn(pendingToken, code, recovery);
    if (answer.status === 'signed_in') await onSignedIn(answer.csrf_token);
  });
  return (
    <section aria-labelledby="code-heading" class="panel">
      <h2 id="code-heading" tabIndex={-1} ref={heading}>
        One more step
      </h2>
      <form onSubmit={onSubmit} class="form">
        {recovery ? (
          <TextField
            id="sign-in-recovery"
            label="One of your recovery codes"
            hint="The codes you saved when you turned on the authenticator app. Each works once."
            autoComplete="off"
            value={code}
            onValue={setCode}
            code
          />
        ) : (
          <TextField
            id="sign-in-code"
            label="The 6-digit code from your authenticator app"
            hint="Open the app on your phone and type the numbers it shows for Shieldwall."
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={16}
            value={code}
            onValue={setCode}
            code
          />
        )}
        <FormAlert error={action.error} heading="We couldn't sign you in." />
        <div class="button-row">
          <SubmitButton busy={action.busy} busyText="Signing in…">
            Sign in
          </SubmitButton>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}
          >
            {recovery ? 'Use the app instead' : 'Use a recovery code instead'}
          </button>
        </div>
      </form>
      <p>
        <button type="button" class="link-button" onClick={onStartAgain}>
          Start again with another account
        </button>
      </p>
    </section>
  );
}
