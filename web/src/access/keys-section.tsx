import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { type ApiKey, createOrgKey, listOrgKeys, revokeKey, rotateKey } from './access-api.js';
import { ConfirmButton } from './confirm-button.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { SecretBox } from './secret-box.js';
import { useStepUp } from './step-up.js';
import { formatDate, useLoaded } from './use-loaded.js';

/** Expiry choices; the values are durations the server understands. */
const EXPIRIES = [
  { value: '30d', label: 'In 30 days' },
  { value: '90d', label: 'In 90 days' },
  { value: '52w', label: 'In a year' },
  { value: 'never', label: 'Never (not recommended)' },
] as const;

/** A key just made or replaced: the whole key, shown this once. */
interface Shown {
  readonly name: string;
  readonly key: string;
  readonly note: string;
}

/**
 * An organization's API keys: programs (not people) use them to talk to
 * Shieldwall. Create one (shown once), replace it (rotate), or revoke it.
 */
export function KeysSection({ orgId }: { readonly orgId: string }) {
  const load = useCallback((signal: AbortSignal) => listOrgKeys(orgId, signal), [orgId]);
  const [keys, reload] = useLoaded(load);
  const [shown, setShown] = useState<Shown | null>(null);
  const [done, setDone] = useState('');
  const show = async (next: Shown) => {
    await reload();
    setShown(next);
  };
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <p>
        An API key lets a program, such as your mail filter or firewall, use Shieldwall for this
        organization. Treat it like a password.
      </p>
      {shown === null ? (
        <CreateKey orgId={orgId} onCreated={show} />
      ) : (
        <NewKeyPanel
          shown={shown}
          onDone={() => {
            setShown(null);
            setDone('The key is hidden now. Only its name and number are listed below.');
          }}
        />
      )}
      <DoneMessage text={done} />
      <h3 id="key-list-heading">Keys of this organization</h3>
      {keys.state === 'loading' ? (
        <LoadingMessage>Loading the keys…</LoadingMessage>
      ) : keys.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the keys."
          error={keys.error}
          onRetry={() => void reload()}
        />
      ) : keys.data.length === 0 ? (
        <p>There are no keys yet.</p>
      ) : (
        <ul class="item-list" aria-labelledby="key-list-heading">
          {keys.data.map((key) => (
            <KeyItem
              key={key.id}
              apiKey={key}
              onRotated={show}
              onRevoked={async () => {
                await reload();
                setDone(`The key "${key.name}" is revoked and no longer works.`);
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function CreateKey({
  orgId,
  onCreated,
}: {
  readonly orgId: string;
  readonly onCreated: (shown: Shown) => Promise<void>;
}) {
  const guard = useStepUp();
  const action = useAction();
  const [name, setName] = useState('');
  const [expires, setExpires] = useState<string>('90d');
  return (
    <form
      class="form panel"
      onSubmit={submitWith(action, async () => {
        const created = await guard(() => createOrgKey(orgId, name.trim(), expires));
        setName('');
        await onCreated({
          name: created.name,
          key: created.key,
          note:
            created.expires_at === null
              ? 'It never stops working, unless you revoke it.'
              : `It stops working on ${formatDate(created.expires_at)}.`,
        });
      })}
    >
      <h3>Create a key</h3>
      <TextField
        id="key-name"
        label="What is it for?"
        hint='A name to recognise it later, for example "Mail filter".'
        maxLength={100}
        value={name}
        onValue={setName}
      />
      <label class="field-label" for="key-expires">
        When should it stop working?
      </label>
      <select
        id="key-expires"
        class="field field--select"
        value={expires}
        onChange={(event) => setExpires(event.currentTarget.value)}
      >
        {EXPIRIES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      <FormAlert error={action.error} heading="We couldn't create the key." />
      <SubmitButton busy={action.busy} busyText="Creating…">
        Create key
      </SubmitButton>
    </form>
  );
}

function NewKeyPanel({ shown, onDone }: { readonly shown: Shown; readonly onDone: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="panel panel--highlight">
      <h3 ref={heading} tabIndex={-1}>
        Your new key "{shown.name}"
      </h3>
      <SecretBox
        label={`The new key "${shown.name}"`}
        text={shown.key}
        copyLabel="Copy the key"
        copied="Key copied. Paste it into the program that needs it."
        warning={
          <p>
            <strong>Copy this key now: we show it only this once.</strong> We don't keep a copy we
            could show you again. If you lose it, make a new one. {shown.note}
          </p>
        }
      />
      <button type="button" class="button" onClick={onDone}>
        I have copied it
      </button>
    </div>
  );
}

function keyStatus(key: ApiKey): { text: string; live: boolean } {
  if (key.revoked_at !== null)
    return { text: `Revoked on ${formatDate(key.revoked_at)}`, live: false };
  if (key.expires_at !== null && Date.parse(key.expires_at) <= Date.now())
    return { text: `Stopped working on ${formatDate(key.expires_at)}`, live: false };
  return {
    text:
      key.expires_at === null ? 'Works until revoked' : `Works until ${formatDate(key.expires_at)}`,
    live: true,
  };
}

function KeyItem({
  apiKey,
  onRotated,
  onRevoked,
}: {
  readonly apiKey: ApiKey;
  readonly onRotated: (shown: Shown) => Promise<void>;
  readonly onRevoked: () => Promise<void>;
}) {
  const guard = useStepUp();
  const status = keyStatus(apiKey);
  const name = apiKey.name === '' ? 'Unnamed key' : apiKey.name;
  return (
    <li class={`item${status.live ? '' : ' item--inactive'}`}>
      <h4 class="item__title">{name}</h4>
      <p class="item__facts">
        Number <code>{apiKey.id}</code>. Made {formatDate(apiKey.created_at)}.{' '}
        {apiKey.last_used_at === null
          ? 'Not used yet.'
          : `Last used ${formatDate(apiKey.last_used_at)}.`}
        <br />
        <strong>{status.text}.</strong>
      </p>
      {status.live ? (
        <div class="button-row">
          <ConfirmButton
            label={`Replace ${name}`}
            question={`Replace the key "${name}"?`}
            explanation="We make a new key and show it once. The old key keeps working for one more day, so you have time to put the new one in place."
            confirm="Yes, make a new key"
            onConfirm={async () => {
              const rotated = await guard(() => rotateKey(apiKey.id));
              await onRotated({
                name: rotated.name,
                key: rotated.key,
                note: `The old key stops working on ${formatDate(rotated.old_key_expires_at)}.`,
              });
            }}
          >
            Replace
          </ConfirmButton>
          <ConfirmButton
            label={`Revoke ${name}`}
            question={`Revoke the key "${name}"?`}
            explanation="It stops working at once, everywhere. Programs that use it will be refused. This can't be undone."
            confirm="Yes, revoke it"
            danger
            onConfirm={async () => {
              await revokeKey(apiKey.id);
              await onRevoked();
            }}
          >
            Revoke
          </ConfirmButton>
        </div>
      ) : null}
    </li>
  );
}
