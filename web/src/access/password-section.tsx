import { useState } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { changePassword, setAdvancedProtection } from './account-api.js';
import { useAccount } from './account-state.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { useStepUp } from './step-up.js';

/** Change the password; other devices are signed out, as the server does. */
export function PasswordSection() {
  const { t, plural } = useAccountWords();
  const { account } = useAccount();
  const guard = useStepUp();
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const hasPassword = account.session.account.has_password;
  return (
    <section aria-labelledby="password-change-heading" class="panel">
      <h2 id="password-change-heading">
        {hasPassword ? t('password.change_heading') : t('password.add_heading')}
      </h2>
      <p>{t('password.others_out')}</p>
      <form
        class="form"
        onSubmit={submitWith(action, async () => {
          const { other_sessions_ended: ended } = await guard(() => changePassword(password));
          setPassword('');
          const changed = t('password.changed');
          setDone(ended > 0 ? `${changed} ${plural('password.ended', ended)}` : changed);
        })}
      >
        <TextField
          id="new-password"
          label={t('common.new_password')}
          hint={t('common.password_hint')}
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
        />
        <FormAlert error={action.error} heading={t('password.failed')} />
        <SubmitButton busy={action.busy} busyText={t('common.saving')}>
          {t('common.save_password')}
        </SubmitButton>
        <DoneMessage text={done} />
      </form>
    </section>
  );
}

/** Advanced protection on or off, as a switch that says what each position means. */
export function AdvancedProtectionSection() {
  const { t } = useAccountWords();
  const { account, reload } = useAccount();
  const guard = useStepUp();
  const action = useAction();
  const facts = account.session.account;
  const on = facts.advanced_protection;
  const toggle = () =>
    void action.run(async () => {
      await guard(() => setAdvancedProtection(!on));
      await reload();
    });
  return (
    <section aria-labelledby="advanced-heading" class="panel">
      <h2 id="advanced-heading">{t('advanced.heading')}</h2>
      <ul class="plain-list">
        <li>{t('advanced.only_passkeys')}</li>
        <li>{t('advanced.no_reset')}</li>
        <li>{t('advanced.more_often')}</li>
      </ul>
      <p>{t('advanced.meant_for')}</p>
      <button
        type="button"
        role="switch"
        aria-checked={on}
        class="switch"
        aria-disabled={action.busy}
        onClick={toggle}
      >
        <span class="switch__track" aria-hidden="true">
          <span class="switch__thumb" />
        </span>
        <span class="switch__label">{t('advanced.heading')}</span>
        <span class="switch__state" aria-hidden="true">
          {on ? t('common.on') : t('common.off')}
        </span>
      </button>
      <p role="status" class="state-line">
        {action.busy ? t('common.saving') : on ? t('advanced.is_on') : t('advanced.is_off')}
      </p>
      <FormAlert error={action.error} />
    </section>
  );
}
