import { useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages } from '../i18n/org-messages.js';
import {
  type DeviceSession,
  endOtherSessions,
  endSession,
  listSessions,
  renameSession,
} from './account-api.js';
import { BackLink } from './back-link.js';
import { ConfirmButton } from './confirm-button.js';
import {
  DoneMessage,
  FormAlert,
  SubmitButton,
  submitWith,
  TextField,
  useAction,
} from './form-parts.js';
import { formatWhen, useLoaded } from './use-loaded.js';

const { t } = orgMessages;

/** `/access/devices`: where you are signed in; rename, sign out one, or all but this one. */
export function DevicesPage() {
  const locale = useLocale();
  const [sessions, reload] = useLoaded(listSessions);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const afterEnd = async (what: string) => {
    await reload();
    setDone(what);
    // The button that was pressed is gone; continue from the list's heading.
    heading.current?.focus();
  };
  return (
    <>
      <BackLink />
      <Page title={t(locale, 'devices.title')} lead={t(locale, 'devices.lead')}>
        <h2 id="devices-heading" ref={heading} tabIndex={-1}>
          {t(locale, 'devices.heading')}
        </h2>
        <DoneMessage text={done} />
        {sessions.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'devices.loading')}</LoadingMessage>
        ) : sessions.state === 'failed' ? (
          <ErrorMessage
            heading={t(locale, 'devices.failed')}
            error={sessions.error}
            onRetry={() => void reload()}
          />
        ) : (
          <>
            <ul class="item-list" aria-labelledby="devices-heading">
              {sessions.data.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  onRenamed={() => reload()}
                  onEnded={() =>
                    afterEnd(t(locale, 'devices.signed_out', { name: nameOf(locale, session) }))
                  }
                />
              ))}
            </ul>
            {sessions.data.length > 1 ? (
              <ConfirmButton
                question={t(locale, 'devices.others_question')}
                explanation={t(locale, 'devices.others_explain')}
                confirm={t(locale, 'devices.others_confirm')}
                onConfirm={async () => {
                  const { ended } = await endOtherSessions();
                  await afterEnd(orgMessages.plural(locale, 'devices.others_done', ended));
                }}
              >
                {t(locale, 'devices.others_button')}
              </ConfirmButton>
            ) : (
              <p>{t(locale, 'devices.only_here')}</p>
            )}
          </>
        )}
      </Page>
    </>
  );
}

const nameOf = (locale: Locale, session: DeviceSession) =>
  session.device_name.trim() === '' ? t(locale, 'devices.unnamed') : session.device_name;

function SessionItem({
  session,
  onRenamed,
  onEnded,
}: {
  readonly session: DeviceSession;
  readonly onRenamed: () => Promise<void>;
  readonly onEnded: () => Promise<void>;
}) {
  const locale = useLocale();
  const [renaming, setRenaming] = useState(false);
  const end = useAction();
  const name = nameOf(locale, session);
  return (
    <li class="item">
      <h3 class="item__title">
        {name}
        {session.current ? <span class="badge">{t(locale, 'devices.this')}</span> : null}
      </h3>
      <p class="item__facts">
        {t(locale, 'devices.last_used', {
          when: formatWhen(session.last_seen_at, locale),
          ip: session.ip,
        })}
        <br />
        {t(locale, 'devices.signed_in', { when: formatWhen(session.created_at, locale) })}
      </p>
      {renaming ? (
        <RenameForm
          id={`rename-${session.id.slice(0, 12)}`}
          label={t(locale, 'devices.new_name', { name })}
          initial={session.device_name}
          onSave={async (value) => {
            await renameSession(session.id, value);
            await onRenamed();
            setRenaming(false);
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <div class="button-row">
          <button
            type="button"
            class="button button--secondary"
            aria-label={t(locale, 'devices.rename_label', { name })}
            onClick={() => setRenaming(true)}
          >
            {t(locale, 'devices.rename')}
          </button>
          {session.current ? null : (
            <button
              type="button"
              class="button button--secondary"
              aria-label={t(locale, 'devices.sign_out_label', { name })}
              aria-disabled={end.busy}
              onClick={() =>
                void end.run(async () => {
                  await endSession(session.id);
                  await onEnded();
                })
              }
            >
              {end.busy ? t(locale, 'sign_out.busy') : t(locale, 'sign_out.button')}
            </button>
          )}
        </div>
      )}
      <FormAlert error={end.error} />
    </li>
  );
}

/** A one-field form to rename a device or a passkey; focus goes into it when it opens. */
export function RenameForm({
  id,
  label,
  initial,
  onSave,
  onCancel,
}: {
  readonly id: string;
  readonly label: string;
  readonly initial: string;
  readonly onSave: (name: string) => Promise<void>;
  readonly onCancel: () => void;
}) {
  const locale = useLocale();
  const action = useAction();
  const [value, setValue] = useState(initial);
  const form = useRef<HTMLFormElement>(null);
  // Opened by the Rename button, which is now gone: continue in the field.
  useEffect(() => form.current?.querySelector('input')?.focus(), []);
  return (
    <form
      ref={form}
      class="form form--inline"
      onSubmit={submitWith(action, () => onSave(value.trim()))}
    >
      <TextField id={id} label={label} value={value} onValue={setValue} maxLength={60} />
      <FormAlert error={action.error} />
      <div class="button-row">
        <SubmitButton busy={action.busy} busyText={t(locale, 'rename.saving')}>
          {t(locale, 'rename.save')}
        </SubmitButton>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          {t(locale, 'rename.cancel')}
        </button>
      </div>
    </form>
  );
}
