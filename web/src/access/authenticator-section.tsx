import { useState } from 'preact/hooks';
import { beginTotp, confirmTotp, disableTotp, newRecoveryCodes } from './account-api.js';
import { useAccount } from './account-state.js';
import { ConfirmButton } from './confirm-button.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { RecoveryCodesPanel } from './recovery-codes-panel.js';
import { useStepUp } from './step-up.js';

type Step =
  | { readonly step: 'idle' }
  | { readonly step: 'enrolling'; readonly secret: string; readonly uri: string }
  | { readonly step: 'codes'; readonly codes: readonly string[] };

/**
 * The authenticator app (TOTP): turn on (secret to type or a link to open,
 * then a code to confirm, then the recovery codes once), new recovery codes,
 * turn off.
 */
export function AuthenticatorSection() {
  const { account, reload } = useAccount();
  const facts = account.session.account;
  const guard = useStepUp();
  const start = useAction();
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="totp-heading" class="panel">
      <h2 id="totp-heading">Authenticator app</h2>
      <p>
        An app on your phone (such as Google Authenticator or Microsoft Authenticator) shows a new
        6-digit code every 30 seconds. You type it after your password, so a stolen password alone
        is not enough.
      </p>
      <p class="state-line">
        {facts.totp_enabled
          ? `On. You have ${facts.recovery_codes_left} unused recovery ${facts.recovery_codes_left === 1 ? 'code' : 'codes'}.`
          : 'Off.'}
      </p>
      <DoneMessage text={done} />
      {step.step === 'enrolling' ? (
        <Enrol
          secret={step.secret}
          uri={step.uri}
          onConfirmed={(codes) => setStep({ step: 'codes', codes })}
          onCancel={() => setStep({ step: 'idle' })}
        />
      ) : step.step === 'codes' ? (
        <RecoveryCodesPanel
          codes={step.codes}
          onSaved={() => {
            setStep({ step: 'idle' });
            setDone('Your recovery codes are saved.');
            void reload();
          }}
        />
      ) : facts.totp_enabled ? (
        <div class="button-row">
          <ConfirmButton
            question="Make new recovery codes?"
            explanation="Your old recovery codes will stop working, and we will show you 10 new ones once."
            confirm="Yes, make new codes"
            onConfirm={async () => setStep({ step: 'codes', codes: await guard(newRecoveryCodes) })}
          >
            Make new recovery codes
          </ConfirmButton>
          <ConfirmButton
            question="Turn off the authenticator app?"
            explanation="You will sign in without a code from your phone, and your recovery codes will stop working. Your account will be less safe."
            confirm="Yes, turn it off"
            danger
            onConfirm={async () => {
              await guard(disableTotp);
              await reload();
              setDone('The authenticator app is turned off.');
            }}
          >
            Turn off
          </ConfirmButton>
        </div>
      ) : (
        <>
          <button
            type="button"
            class="button"
            aria-disabled={start.busy}
            onClick={() =>
              void start.run(async () => {
                const { secret, uri } = await guard(beginTotp);
                setStep({ step: 'enrolling', secret, uri });
              })
            }
          >
            {start.busy ? 'Please wait…' : 'Turn on the authenticator app'}
          </button>
          <FormAlert error={start.error} />
        </>
      )}
    </section>
  );
}

/** "ABCD EFGH …": easier to read out and type than one long run of letters. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

function Enrol({
  secret,
  uri,
  onConfirmed,
  onCancel,
}: {
  readonly secret: string;
  readonly uri: string;
  readonly onConfirmed: (codes: readonly string[]) => void;
  readonly onCancel: () => void;
}) {
  const action = useAction();
  const [code, setCode] = useState('');
  return (
    <div class="panel panel--highlight">
      <h3>Set up the app</h3>
      <ol class="step-list">
        <li>Install an authenticator app on your phone, if you don't have one.</li>
        <li>
          In the app, choose to add an account, then <strong>enter a setup key</strong> and type
          this key (the spaces don't matter):
          <p class="setup-key">{grouped(secret)}</p>
          On this phone? <a href={uri}>Open Shieldwall in your authenticator app</a> instead.
        </li>
        <li>Type the 6-digit code the app now shows for Shieldwall:</li>
      </ol>
      <form
        class="form"
        onSubmit={submitWith(action, async () => onConfirmed(await confirmTotp(code)))}
      >
        <TextField
          id="totp-code"
          label="6-digit code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={16}
          value={code}
          onValue={setCode}
          code
        />
        <FormAlert error={action.error} heading="The app is not turned on yet." />
        <div class="button-row">
          <SubmitButton busy={action.busy} busyText="Checking…">
            Turn on
          </SubmitButton>
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
