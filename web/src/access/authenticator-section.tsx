import { useState } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
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
  const { t, plural } = useAccountWords();
  const { account, reload } = useAccount();
  const facts = account.session.account;
  const guard = useStepUp();
  const start = useAction();
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [done, setDone] = useState('');
  return (
    <section aria-labelledby="totp-heading" class="panel">
      <h2 id="totp-heading">{t('totp.heading')}</h2>
      <p>{t('totp.text')}</p>
      <p class="state-line">
        {facts.totp_enabled ? plural('totp.on', facts.recovery_codes_left) : t('totp.off')}
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
            setDone(t('totp.codes_saved'));
            void reload();
          }}
        />
      ) : facts.totp_enabled ? (
        <div class="button-row">
          <ConfirmButton
            question={t('totp.new_codes_question')}
            explanation={t('totp.new_codes_explain')}
            confirm={t('totp.new_codes_confirm')}
            onConfirm={async () => setStep({ step: 'codes', codes: await guard(newRecoveryCodes) })}
          >
            {t('totp.new_codes')}
          </ConfirmButton>
          <ConfirmButton
            question={t('totp.off_question')}
            explanation={t('totp.off_explain')}
            confirm={t('totp.off_confirm')}
            danger
            onConfirm={async () => {
              await guard(disableTotp);
              await reload();
              setDone(t('totp.turned_off'));
            }}
          >
            {t('totp.turn_off')}
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
            {start.busy ? t('common.wait') : t('totp.turn_on_app')}
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
  const { t } = useAccountWords();
  const action = useAction();
  const [code, setCode] = useState('');
  return (
    <div class="panel panel--highlight">
      <h3>{t('enrol.heading')}</h3>
      <ol class="step-list">
        <li>{t('enrol.install')}</li>
        <li>
          {withNodes(t('enrol.key'), { strong: <strong>{t('enrol.key_strong')}</strong> })}
          <p class="setup-key">{grouped(secret)}</p>
          {withNodes(t('enrol.on_phone'), { link: <a href={uri}>{t('enrol.on_phone_link')}</a> })}
        </li>
        <li>{t('enrol.type_code')}</li>
      </ol>
      <form
        class="form"
        onSubmit={submitWith(action, async () => onConfirmed(await confirmTotp(code)))}
      >
        <TextField
          id="totp-code"
          label={t('enrol.code_label')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={16}
          value={code}
          onValue={setCode}
          code
        />
        <FormAlert error={action.error} heading={t('enrol.failed')} />
        <div class="button-row">
          <SubmitButton busy={action.busy} busyText={t('enrol.checking')}>
            {t('enrol.turn_on')}
          </SubmitButton>
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
