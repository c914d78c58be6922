import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useAccountWords } from '../i18n/account-messages.js';
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
  const { t } = useAccountWords();
  const [passkeys, reloadList] = useLoaded(listPasskeys);
  const { reload: reloadAccount } = useAccount();
  const [done, setDone] = useState('');
  const changed = async (what: string) => {
    await Promise.all([reloadList(), reloadAccount()]);
    setDone(what);
  };
  return (
    <section aria-labelledby="passkeys-heading" class="panel">
      <h2 id="passkeys-heading">{t('passkeys.heading')}</h2>
      <p>{t('passkeys.text')}</p>
      <DoneMessage text={done} />
      {passkeys.state === 'loading' ? (
        <LoadingMessage>{t('passkeys.loading')}</LoadingMessage>
      ) : passkeys.state === 'failed' ? (
        <ErrorMessage
          heading={t('passkeys.load_failed')}
          error={passkeys.error}
          onRetry={() => void reloadList()}
        />
      ) : passkeys.data.length === 0 ? (
        <p>{t('passkeys.none')}</p>
      ) : (
        <ul class="item-list" aria-label={t('passkeys.list')}>
          {passkeys.data.map((passkey) => (
            <PasskeyItem key={passkey.id} passkey={passkey} onChanged={changed} />
          ))}
        </ul>
      )}
      <AddPasskey onAdded={(name) => changed(t('passkeys.added', { name }))} />
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
  const { t, locale } = useAccountWords();
  const guard = useStepUp();
  const [renaming, setRenaming] = useState(false);
  return (
    <li class="item">
      <h3 class="item__title">{passkey.name}</h3>
      <p class="item__facts">
        {t('passkeys.facts_added', { date: formatDate(passkey.created_at, locale) })}{' '}
        {passkey.last_used_at === null
          ? t('passkeys.not_used')
          : t('passkeys.last_used', { date: formatDate(passkey.last_used_at, locale) })}
      </p>
      {renaming ? (
        <RenameForm
          id={`passkey-name-${passkey.id.slice(0, 16)}`}
          label={t('passkeys.rename_label', { name: passkey.name })}
          initial={passkey.name}
          onSave={async (name) => {
            await renamePasskey(passkey.id, name);
            setRenaming(false);
            await onChanged(t('passkeys.renamed', { name }));
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            aria-label={t('passkeys.rename_aria', { name: passkey.name })}
            onClick={() => setRenaming(true)}
          >
            {t('passkeys.rename')}
          </button>
          <ConfirmButton
            label={t('passkeys.remove_aria', { name: passkey.name })}
            question={t('passkeys.remove_question', { name: passkey.name })}
            explanation={t('passkeys.remove_explain')}
            confirm={t('passkeys.remove_confirm')}
            danger
            onConfirm={async () => {
              await guard(() => removePasskey(passkey.id));
              await onChanged(t('passkeys.removed', { name: passkey.name }));
            }}
          >
            {t('common.remove')}
          </ConfirmButton>
        </div>
      )}
    </li>
  );
}

function AddPasskey({ onAdded }: { readonly onAdded: (name: string) => Promise<void> }) {
  const { t } = useAccountWords();
  const guard = useStepUp();
  const action = useAction();
  const [name, setName] = useState('');
  if (!browserSupportsWebAuthn())
    return (
      <div class="notice">
        <p>{t('passkeys.unsupported')}</p>
      </div>
    );
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        const chosen = name.trim() === '' ? t('passkeys.default_name') : name.trim();
        await guard(() => addPasskey(chosen));
        setName('');
        await onAdded(chosen);
      })}
    >
      <h3>{t('passkeys.add_heading')}</h3>
      <TextField
        id="passkey-name"
        label={t('passkeys.name_label')}
        hint={t('passkeys.name_hint')}
        value={name}
        onValue={setName}
        maxLength={60}
        required={false}
      />
      <FormAlert error={action.error} heading={t('passkeys.add_failed')} />
      <SubmitButton busy={action.busy} busyText={t('passkeys.add_busy')}>
        {t('passkeys.add')}
      </SubmitButton>
    </form>
  );
}
