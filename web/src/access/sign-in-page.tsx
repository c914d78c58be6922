import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
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
  const { t } = useAccountWords();
  const [pending, setPending] = useState<string | null>(null);
  const done = async (csrf: string) => {
    rememberCsrfToken(csrf);
    await onSignedIn();
  };
  return (
    <Page title={t('sign_in.title')} lead={reason ?? t('sign_in.lead')}>
      {pending === null ? (
        <>
          <PasskeySignIn onSignedIn={done} />
          <PasswordSignIn onSignedIn={done} onCodeNeeded={setPending} />
          <ul class="link-list">
            <li>
              <AppLink href={accessPaths.signUp}>{t('sign_in.create')}</AppLink>
            </li>
            <li>
              <AppLink href={accessPaths.reset}>{t('sign_in.forgot')}</AppLink>
            </li>
            <li>
              <AppLink href={accessPaths.recover}>{t('sign_in.lost')}</AppLink>
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
  const { t } = useAccountWords();
  const action = useAction();
  const supported = browserSupportsWebAuthn();
  return (
    <section aria-labelledby="passkey-heading" class="panel">
      <h2 id="passkey-heading">{t('passkey_sign_in.heading')}</h2>
      <p>{t('passkey_sign_in.text')}</p>
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
            {action.busy ? t('common.waiting_passkey') : t('passkey_sign_in.button')}
          </button>
          <FormAlert error={action.error} heading={t('passkey_sign_in.failed')} />
        </>
      ) : (
        <div class="notice">
          <p>{t('passkey_sign_in.unsupported')}</p>
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
  const { t } = useAccountWords();
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
      <h2 id="password-heading">{t('password_sign_in.heading')}</h2>
      <form onSubmit={onSubmit} class="form">
        <TextField
          id="sign-in-email"
          label={t('common.email')}
          type="email"
          autoComplete="username"
          value={email}
          onValue={setEmail}
        />
        <TextField
          id="sign-in-password"
          label={t('common.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
        />
        <FormAlert error={action.error} heading={t('sign_in.failed')} />
        <SubmitButton busy={action.busy} busyText={t('sign_in.busy')}>
          {t('common.sign_in')}
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
  const { t } = useAccountWords();
  const action = useAction();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaced the one the person was in: tell them where they are now.
  useLayoutEffect(() => heading.current?.focus(), []);
  const onSubmit = submitWith(action, async () => {
    const answer = await finishSignIn(pendingToken, code, recovery);
    if (answer.status === 'signed_in') await onSignedIn(answer.csrf_token);
  });
  return (
    <section aria-labelledby="code-heading" class="panel">
      <h2 id="code-heading" tabIndex={-1} ref={heading}>
        {t('second.heading')}
      </h2>
      <form onSubmit={onSubmit} class="form">
        {recovery ? (
          <TextField
            id="sign-in-recovery"
            label={t('second.recovery_label')}
            hint={t('second.recovery_hint')}
            autoComplete="off"
            value={code}
            onValue={setCode}
            code
          />
        ) : (
          <TextField
            id="sign-in-code"
            label={t('second.code_label')}
            hint={t('second.code_hint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={16}
            value={code}
            onValue={setCode}
            code
          />
        )}
        <FormAlert error={action.error} heading={t('sign_in.failed')} />
        <div class="button-row">
          <SubmitButton busy={action.busy} busyText={t('sign_in.busy')}>
            {t('common.sign_in')}
          </SubmitButton>
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              setRecovery(!recovery);
              setCode('');
            }}
          >
            {recovery ? t('second.use_app') : t('second.use_recovery')}
          </button>
        </div>
      </form>
      <p>
        <button type="button" class="link-button" onClick={onStartAgain}>
          {t('second.start_again')}
        </button>
      </p>
    </section>
  );
}
