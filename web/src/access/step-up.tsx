import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { accountMessages, useAccountWords } from '../i18n/account-messages.js';
import { currentLocale } from '../i18n/locale.js';
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

/** Made when it happens, so it is said in the language chosen at that moment. */
const cancelled = () =>
  new ApiError(
    'problem',
    accountMessages.t(currentLocale(), 'step_up.cancelled'),
    401,
    'step_up_cancelled',
  );

export function StepUpProvider({ children }: { readonly children: ComponentChildren }) {
  const { t } = useAccountWords();
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
        if (!(await ask())) throw cancelled();
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
          {t('step_up.title')}
        </h2>
        <p id="step-up-why">{t('step_up.why')}</p>
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
  const { t } = useAccountWords();
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
            {passkey.busy ? t('common.waiting_passkey') : t('step_up.use_passkey')}
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
          {canUsePasskey ? <h3>{t('step_up.or_password')}</h3> : null}
          <TextField
            id="step-up-password"
            label={t('step_up.password')}
            type="password"
            autoComplete="current-password"
            value={secret}
            onValue={setSecret}
          />
          {facts.totp_enabled ? (
            <TextField
              id="step-up-code"
              label={t('step_up.code_label')}
              hint={t('step_up.code_hint')}
              autoComplete="one-time-code"
              value={code}
              onValue={setCode}
              code
            />
          ) : null}
          <FormAlert error={password.error} />
          <div class="dialog__actions">
            <SubmitButton busy={password.busy}>{t('step_up.confirm')}</SubmitButton>
            <button type="button" class="button button--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="dialog__actions">
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </>
  );
}
