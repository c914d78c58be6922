import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
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

/** `/access/devices`: where you are signed in; rename, sign out one, or all but this one. */
export function DevicesPage() {
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
      <Page
        title="Devices"
        lead="These are the computers, phones and tablets where your account is signed in. If you see one you don't know, sign it out and change your password."
      >
        <h2 id="devices-heading" ref={heading} tabIndex={-1}>
          Where you are signed in
        </h2>
        <DoneMessage text={done} />
        {sessions.state === 'loading' ? (
          <LoadingMessage>Loading your devices…</LoadingMessage>
        ) : sessions.state === 'failed' ? (
          <ErrorMessage
            heading="We couldn't load your devices."
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
                  onEnded={() => afterEnd(`${nameOf(session)} is signed out.`)}
                />
              ))}
            </ul>
            {sessions.data.length > 1 ? (
              <ConfirmButton
                question="Sign out everywhere else?"
                explanation="Every other device will be signed out at once. This device stays signed in."
                confirm="Yes, sign out the others"
                onConfirm={async () => {
                  const { ended } = await endOtherSessions();
                  await afterEnd(
                    ended === 1
                      ? '1 other device is signed out.'
                      : `${ended} other devices are signed out.`,
                  );
                }}
              >
                Sign out everywhere else
              </ConfirmButton>
            ) : (
              <p>You are not signed in anywhere else.</p>
            )}
          </>
        )}
      </Page>
    </>
  );
}

const nameOf = (session: DeviceSession) =>
  session.device_name.trim() === '' ? 'Unnamed device' : session.device_name;

function SessionItem({
  session,
  onRenamed,
  onEnded,
}: {
  readonly session: DeviceSession;
  readonly onRenamed: () => Promise<void>;
  readonly onEnded: () => Promise<void>;
}) {
  const [renaming, setRenaming] = useState(false);
  const end = useAction();
  const name = nameOf(session);
  return (
    <li class="item">
      <h3 class="item__title">
        {name}
        {session.current ? <span class="badge">This device</span> : null}
      </h3>
      <p class="item__facts">
        Last used {formatWhen(session.last_seen_at)}, from internet address {session.ip}.
        <br />
        Signed in {formatWhen(session.created_at)}.
      </p>
      {renaming ? (
        <RenameForm
          id={`rename-${session.id.slice(0, 12)}`}
          label={`New name for ${name}`}
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
            aria-label={`Rename ${name}`}
            onClick={() => setRenaming(true)}
          >
            Rename
          </button>
          {session.current ? null : (
            <button
              type="button"
              class="button button--secondary"
              aria-label={`Sign out ${name}`}
              aria-disabled={end.busy}
              onClick={() =>
                void end.run(async () => {
                  await endSession(session.id);
                  await onEnded();
                })
              }
            >
              {end.busy ? 'Signing out…' : 'Sign out'}
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
        <SubmitButton busy={action.busy} busyText="Saving…">
          Save name
        </SubmitButton>
        <button type="button" class="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
