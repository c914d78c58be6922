import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import {
  addPasskey,
  listPasskeys,
  type Passkey,
  removePasskey,
  renamePasskey,
} from './account-api.js';
import { useAccount } from './account-state.js';
import { ConfirmButton } from './confirm-button.js';
import { RenameForm } from './devices-page.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { useStepUp } from './step-up.js';
import { formatDate, useLoaded } from './use-loaded.js';

/** Passkeys: what they are, the ones you have (rename, remove), and "Add a passkey". */
export function PasskeysSection() {
  const [passkeys, reloadList] = useLoaded(listPasskeys);
  const { reload: reloadAccount } = useAccount();
  const [done, setDone] = useState('');
  const changed = async (what: string) => {
    await Promise.all([reloadList(), reloadAccount()]);
    setDone(what);
  };
  return (
    <section aria-labelledby="passkeys-heading" class="panel">
      <h2 id="passkeys-heading">Passkeys</h2>
      <p>
        A passkey lets you sign in with your fingerprint, your face or your device's screen lock. It
        is the safest way to sign in: fake websites can't trick you into giving it away.
      </p>
      <DoneMessage text={done} />
      {passkeys.state === 'loading' ? (
        <LoadingMessage>Loading your passkeys…</LoadingMessage>
      ) : passkeys.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load your passkeys."
          error={passkeys.error}
          onRetry={() => void reloadList()}
        />
      ) : passkeys.data.length === 0 ? (
        <p>You have no passkeys yet.</p>
      ) : (
        <ul class="item-list" aria-label="Your passkeys">
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} onChanged={changed} />
          ))}
        </ul>
      )}
      <AddPasskey onAdded={(name) => changed(`Your passkey "${name}" is added.`)} />
    </section>
  );
}

function PasskeyItem({
  passkey,
  onChanged,
}: {
  readonly passkey: Passkey;
  readonly onChanged: (what: string) => Promise<void>;
}) {
  const guard = useStepUp();
  const [renaming, setRenaming] = useState(false);
  return (
    <li class="item">
      <h3 class="item__title">{passkey.name}</h3>
      <p class="item__facts">
        Added {formatDate(passkey.created_at)}.{' '}
        {passkey.last_used_at === null
          ? 'Not used to sign in yet.'
          : `Last used ${formatDate(passkey.last_used_at)}.`}
      </p>
      {renaming ? (
        <RenameForm
          id={`passkey-name-${passkey.id.slice(0, 16)}`}
          label={`New name for ${passkey.name}`}
          initial={passkey.name}
          onSave={async (name) => {
            await renamePasskey(passkey.id, name);
            setRenaming(false);
            await onChanged(`The passkey is now called "${name}".`);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            aria-label={`Rename ${passkey.name}`}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
          <ConfirmButton
            label={`Remove ${passkey.name}`}
            question={`Remove the passkey "${passkey.name}"?`}
            explanation="You will no longer be able to sign in with it. If it is your only way to sign in, Shieldwall will keep it."
            confirm="Yes, remove it"
            danger
            onConfirm={async () => {
              await guard(() => removePasskey(passkey.id));
              await onChanged(`The passkey "${passkey.name}" is removed.`);
            }}
          >
            Remove
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}

function AddPasskey({ onAdded }: { readonly onAdded: (name: string) => Promise<void> }) {
  const guard = useStepUp();
  const action = useAction();
  const [name, setName] = useState('');
  if (!browserSupportsWebAuthn())
    return (
      <div class="notice">
        <p>
          This browser can't make passkeys. Try a recent version of Chrome, Edge, Firefox or Safari,
          or your phone.
        </p>
      </div>
    );
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        const chosen = name.trim() === '' ? 'Passkey' : name.trim();
        await guard(() => addPasskey(chosen));
        setName('');
        await onAdded(chosen);
      })}
    >
      <h3>Add a passkey</h3>
      <TextField
        id="passkey-name"
        label="A name for it (optional)"
        hint='So you can tell your passkeys apart, for example "My phone" or "Work laptop".'
        value={name}
        onValue={setName}
        maxLength={60}
        required={false}
      />
      <FormAlert error={action.error} heading="We couldn't add the passkey." />
      <SubmitButton busy={action.busy} busyText="Follow the steps on your screen…">
        Add a passkey
      </SubmitButton>
    </form>
  );
}
