import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages } from '../i18n/org-messages.js';
import { withNodes } from '../i18n/rich-text.js';
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

const { t } = orgMessages;

/** Expiry choices; the values are durations the server understands. */
const EXPIRIES = [
  { value: '30d', label: 'keys.expires_30d' },
  { value: '90d', label: 'keys.expires_90d' },
  { value: '52w', label: 'keys.expires_52w' },
  { value: 'never', label: 'keys.expires_never' },
] as const;

/** A key just made or replaced: the whole key, shown this once. */
interface Shown {
  readonly name: string;
  readonly key: string;
  /** When it stops working (null: never); for a replaced key, when the old one stops. */
  readonly stopsAt: string | null;
  readonly replaced: boolean;
}

/** The last sentence of the "copy it now" warning, said in the language shown now. */
function noteOf(locale: Locale, shown: Shown): string {
  if (shown.stopsAt === null) return t(locale, 'keys.note_never');
  const date = formatDate(shown.stopsAt, locale);
  return t(locale, shown.replaced ? 'keys.replace_note' : 'keys.note_until', { date });
}

/**
 * An organization's API keys: programs (not people) use them to talk to
 * Shieldwall. Create one (shown once), replace it (rotate), or revoke it.
 */
export function KeysSection({ orgId }: { readonly orgId: string }) {
  const locale = useLocale();
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
      <h2 id="keys-heading">{t(locale, 'keys.heading')}</h2>
      <p>{t(locale, 'keys.text')}</p>
      {shown === null ? (
        <CreateKey orgId={orgId} onCreated={show} />
      ) : (
        <NewKeyPanel
          shown={shown}
          onDone={() => {
            setShown(null);
            setDone(t(locale, 'keys.hidden'));
          }}
        />
      )}
      <DoneMessage text={done} />
      <h3 id="key-list-heading">{t(locale, 'keys.list')}</h3>
      {keys.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'keys.loading')}</LoadingMessage>
      ) : keys.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'keys.failed')}
          error={keys.error}
          onRetry={() => void reload()}
        />
      ) : keys.data.length === 0 ? (
        <p>{t(locale, 'keys.none')}</p>
      ) : (
        <ul class="item-list" aria-labelledby="key-list-heading">
          {keys.data.map((key) => (
            <KeyItem
              key={key.id}
              apiKey={key}
              onRotated={show}
              onRevoked={async () => {
                await reload();
                setDone(t(locale, 'keys.revoked_done', { name: key.name }));
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
  const locale = useLocale();
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
          stopsAt: created.expires_at,
          replaced: false,
        });
      })}
    >
      <h3>{t(locale, 'keys.create_heading')}</h3>
      <TextField
        id="key-name"
        label={t(locale, 'keys.create_name')}
        hint={t(locale, 'keys.create_name_hint')}
        maxLength={100}
        value={name}
        onValue={setName}
      />
      <label class="field-label" for="key-expires">
        {t(locale, 'keys.create_expires')}
      </label>
      <select
        id="key-expires"
        class="field field--select"
        value={expires}
        onChange={(event) => setExpires(event.currentTarget.value)}
      >
        {EXPIRIES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {t(locale, choice.label)}
          </option>
        ))}
      </select>
      <FormAlert error={action.error} heading={t(locale, 'keys.create_failed')} />
      <SubmitButton busy={action.busy} busyText={t(locale, 'keys.create_busy')}>
        {t(locale, 'keys.create_submit')}
      </SubmitButton>
    </form>
  );
}

function NewKeyPanel({ shown, onDone }: { readonly shown: Shown; readonly onDone: () => void }) {
  const locale = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div class="panel panel--highlight">
      <h3 ref={heading} tabIndex={-1}>
        {t(locale, 'keys.new_heading', { name: shown.name })}
      </h3>
      <SecretBox
        label={t(locale, 'keys.new_label', { name: shown.name })}
        text={shown.key}
        copyLabel={t(locale, 'keys.new_copy')}
        copied={t(locale, 'keys.new_copied')}
        warning={
          <p>
            <strong>{t(locale, 'keys.new_once')}</strong> {t(locale, 'keys.new_no_copy')}{' '}
            {noteOf(locale, shown)}
          </p>
        }
      />
      <button type="button" class="button" onClick={onDone}>
        {t(locale, 'keys.new_done')}
      </button>
    </div>
  );
}

function keyStatus(locale: Locale, key: ApiKey): { text: string; live: boolean } {
  if (key.revoked_at !== null)
    return {
      text: t(locale, 'keys.status_revoked', { date: formatDate(key.revoked_at, locale) }),
      live: false,
    };
  if (key.expires_at !== null && Date.parse(key.expires_at) <= Date.now())
    return {
      text: t(locale, 'keys.status_stopped', { date: formatDate(key.expires_at, locale) }),
      live: false,
    };
  return {
    text:
      key.expires_at === null
        ? t(locale, 'keys.status_forever')
        : t(locale, 'keys.status_until', { date: formatDate(key.expires_at, locale) }),
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
  const locale = useLocale();
  const guard = useStepUp();
  const status = keyStatus(locale, apiKey);
  const name = apiKey.name === '' ? t(locale, 'keys.unnamed') : apiKey.name;
  return (
    <li class={`item${status.live ? '' : ' item--inactive'}`}>
      <h4 class="item__title">{name}</h4>
      <p class="item__facts">
        {withNodes(t(locale, 'keys.number', { date: formatDate(apiKey.created_at, locale) }), {
          id: <code>{apiKey.id}</code>,
        })}{' '}
        {apiKey.last_used_at === null
          ? t(locale, 'keys.unused')
          : t(locale, 'keys.last_used', { date: formatDate(apiKey.last_used_at, locale) })}
        <br />
        <strong>{status.text}.</strong>
      </p>
      {status.live ? (
        <div class="button-row">
          <ConfirmButton
            label={t(locale, 'keys.replace_label', { name })}
            question={t(locale, 'keys.replace_question', { name })}
            explanation={t(locale, 'keys.replace_explain')}
            confirm={t(locale, 'keys.replace_confirm')}
            onConfirm={async () => {
              const rotated = await guard(() => rotateKey(apiKey.id));
              await onRotated({
                name: rotated.name,
                key: rotated.key,
                stopsAt: rotated.old_key_expires_at,
                replaced: true,
              });
            }}
          >
            {t(locale, 'keys.replace')}
          </ConfirmButton>
          <ConfirmButton
            label={t(locale, 'keys.revoke_label', { name })}
            question={t(locale, 'keys.revoke_question', { name })}
            explanation={t(locale, 'keys.revoke_explain')}
            confirm={t(locale, 'keys.revoke_confirm')}
            danger
            onConfirm={async () => {
              await revokeKey(apiKey.id);
              await onRevoked();
            }}
          >
            {t(locale, 'keys.revoke')}
          </ConfirmButton>
        </div>
      ) : null}
    </li>
  );
}
