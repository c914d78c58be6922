import { useState } from 'preact/hooks';
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
  const { account } = useAccount();
  const guard = useStepUp();
  const action = useAction();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState('');
  const hasPassword = account.session.account.has_password;
  return (
    <section aria-labelledby="password-change-heading" class="panel">
      <h2 id="password-change-heading">
        {hasPassword ? 'Change your password' : 'Add a password'}
      </h2>
      <p>Your other devices will be signed out, in case someone else knew your old password.</p>
      <form
        class="form"
        onSubmit={submitWith(action, async () => {
          const { other_sessions_ended: ended } = await guard(() => changePassword(password));
          setPassword('');
          setDone(
            `Your password is changed.${ended > 0 ? ` ${ended} other ${ended === 1 ? 'device was' : 'devices were'} signed out.` : ''}`,
          );
        })}
      >
        <TextField
          id="new-password"
          label="New password"
          hint="At least 8 characters. A few ordinary words strung together make a strong one."
          type="password"
          autoComplete="new-password"
          value={password}
          onValue={setPassword}
        />
        <FormAlert error={action.error} heading="Your password is not changed." />
        <SubmitButton busy={action.busy} busyText="Saving…">
          Save new password
        </SubmitButton>
        <DoneMessage text={done} />
      </form>
    </section>
  );
}

/** Advanced protection on or off, as a switch that says what each position means. */
export function AdvancedProtectionSection() {
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
      <h2 id="advanced-heading">Advanced protection</h2>
      <ul class="plain-list">
        <li>Only your passkeys can sign in: a stolen password or code is not enough.</li>
        <li>Nobody can reset your password by email, not even someone who gets into your email.</li>
        <li>You are asked to sign in again more often.</li>
      </ul>
      <p>
        It is meant for people attackers may target. You need at least one passkey to turn it on.
      </p>
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
        <span class="switch__label">Advanced protection</span>
        <span class="switch__state" aria-hidden="true">
          {on ? 'On' : 'Off'}
        </span>
      </button>
      <p role="status" class="state-line">
        {action.busy
          ? 'Saving…'
          : on
            ? 'Advanced protection is on.'
            : 'Advanced protection is off.'}
      </p>
      <FormAlert error={action.error} />
    </section>
  );
}
