import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { isProblem } from './access-client.js';
import { stepUpWithPasskey, stepUpWithPassword } from './account-api.js';
import { useAccount } from './account-state.js';
import { FormAlert, SubmitButton, submitWith, TextField, useAction } from './form-parts.js';

/**
 * "Confirm it is you": sensitive changes (a new passkey, turning a second
 * factor off, API keys, …) need a sign-in from the last ten minutes. The
 * server answers 401 `step_up_required`; `useStepUp()` wraps such a change so
 * the dialog opens, the person confirms, and the change is tried once more.
 */
type Guard = <T>(work: () => Promise<T>) => Promise<T>;

const StepUpContext = createContext<Guard | null>(null);

export function useStepUp(): Guard {
  const guard = useContext(StepUpContext);
  if (guard === null) throw new Error('useStepUp() outside <StepUpProvider>');
  return guard;
}

const CANCELLED = new ApiError(
  'problem',
  'You did not confirm it is you, so nothing was changed.',
  401,
  'step_up_cancelled',
);

export function StepUpProvider({ children }: { readonly children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Settles the promise of the change that is waiting for the person.
  const pending = useRef<((confirmed: boolean) => void) | null>(null);
  const [open, setOpen] = useState(false);

  const ask = useCallback(
    () =>
      new Promise<boolean>((resolve) => {
        pending.current = resolve;
        setOpen(true);
        dialog.current?.showModal();
      }),
    [],
  );
  const settle = (confirmed: boolean) => {
    const resolve = pending.current;
    pending.current = null;
    setOpen(false);
    if (dialog.current?.open === true) dialog.current.close();
    resolve?.(confirmed);
  };

  const guard = useCallback<Guard>(
    async (work) => {
      try {
        return await work();
      } catch (err) {
        if (!isProblem(err, 'step_up_required')) throw err;
        if (!(await ask())) throw CANCELLED;
        return work();
      }
    },
    [ask],
  );

  return (
    <StepUpContext.Provider value={guard}>
      {children}
      <dialog
        ref={dialog}
        class="dialog"
        aria-labelledby="step-up-title"
        aria-describedby="step-up-why"
        // Escape and the browser's own close end up here: the change is not made.
        onClose={() => settle(false)}
      >
        <h2 id="step-up-title" class="dialog__title">
          Confirm it is you
        </h2>
        <p id="step-up-why">
          This change protects your account, so we check it is really you before making it.
        </p>
        {open ? <StepUpChoices onDone={() => settle(true)} onCancel={() => settle(false)} /> : null}
      </dialog>
    </StepUpContext.Provider>
  );
}

function StepUpChoices({
  onDone,
  onCancel,
}: {
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const { account } = useAccount();
  const facts = account.session.account;
  const passkey = useAction();
  const password = useAction();
  const [secret, setSecret] = useState('');
  const [code, setCode] = useState('');
  const canUsePasskey = facts.passkeys > 0 && browserSupportsWebAuthn();

  return (
    <>
      {canUsePasskey ? (
        <>
          <button
            type="button"
            class="button button--large"
            aria-disabled={passkey.busy}
            onClick={() =>
              void passkey.run(async () => {
                await stepUpWithPasskey();
                onDone();
              })
            }
          >
            {passkey.busy ? 'Waiting for your passkey…' : 'Use your passkey'}
          </button>
          <FormAlert error={passkey.error} />
        </>
      ) : null}
      {facts.has_password ? (
        <form
          onSubmit={submitWith(password, async () => {
            await stepUpWithPassword(secret, code);
            onDone();
          })}
        >
          {canUsePasskey ? <h3>Or use your password</h3> : null}
          <TextField
            id="step-up-password"
            label="Your password"
            type="password"
            autoComplete="current-password"
            value={secret}
            onValue={setSecret}
          />
          {facts.totp_enabled ? (
            <TextField
              id="step-up-code"
              label="Code from your authenticator app"
              hint="The 6 numbers the app shows now, or one of your recovery codes."
              autoComplete="one-time-code"
              value={code}
              onValue={setCode}
              code
            />
          ) : null}
          <FormAlert error={password.error} />
          <div class="dialog__actions">
            <SubmitButton busy={password.busy}>Confirm</SubmitButton>
            <button type="button" class="button button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
