import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import {
  CONTACT_ALERTS,
  type ContactAlert,
  getTrustedContact,
  removeTrustedContact,
  setTrustedContact,
  type TrustedContact,
} from './account-api.js';
import { ConfirmButton } from './confirm-button.js';
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

/** What each alert means, as the person choosing them reads it. */
const alertWords: Readonly<Record<ContactAlert, string>> = {
  new_sign_in: 'Someone signs in from a new device or at an unusual time',
  security_change: 'Your password, passkeys or sign-in settings change',
  recovery_started: 'Someone tries to recover your account without your second factor',
  scam_high_risk:
    'A message you check is very likely a scam (they get the reason, never the message)',
  scam_recovery: 'You ask for help after a scam ("I already clicked or paid")',
};
/** The scam alerts are about the person's messages, not the account: they must choose them. */
const DEFAULT_ALERTS = CONTACT_ALERTS.filter((a) => !a.startsWith('scam_'));
const wordsOf = (alert: string) => alertWords[alert as ContactAlert] ?? alert;

/** A trusted contact: who gets an email when something happens on the account, and about what. */
export function TrustedContactSection() {
  const [contact, reload] = useLoaded(getTrustedContact);
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const changed = async (what: string) => {
    await reload();
    setEditing(false);
    setDone(what);
    // The form or button that was used is gone: continue from the section's heading.
    heading.current?.focus();
  };
  const current = contact.state === 'ready' ? contact.data : null;
  return (
    <section aria-labelledby="contact-heading" class="panel">
      <h2 id="contact-heading" ref={heading} tabIndex={-1}>
        Trusted contact
      </h2>
      <p>
        A family member or carer who gets an email when something important happens on your account,
        so they can check with you. They can never see or use your account.
      </p>
      <DoneMessage text={done} />
      {contact.state === 'loading' ? (
        <LoadingMessage>Loading your trusted contact…</LoadingMessage>
      ) : contact.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load your trusted contact."
          error={contact.error}
          onRetry={() => void reload()}
        />
      ) : current !== null && !editing ? (
        <ContactCard
          contact={current}
          onChange={() => {
            setDone('');
            setEditing(true);
          }}
          onRemoved={() => changed(`${current.name} is no longer your trusted contact.`)}
        />
      ) : (
        <ContactForm
          initial={current}
          onSaved={(name) =>
            changed(`${name} is now your trusted contact. We sent them an email to tell them.`)
          }
          onCancel={
            current === null
              ? undefined
              : () => {
                  setEditing(false);
                  heading.current?.focus();
                }
          }
        />
      )}
    </section>
  );
}

function ContactCard({
  contact,
  onChange,
  onRemoved,
}: {
  readonly contact: TrustedContact;
  readonly onChange: () => void;
  readonly onRemoved: () => Promise<void>;
}) {
  const guard = useStepUp();
  return (
    <div class="item">
      <h3 class="item__title">{contact.name}</h3>
      <p class="item__facts contact-email">
        {contact.email}. Your trusted contact since {formatDate(contact.since)}.
      </p>
      {contact.alerts.length === 0 ? (
        <p>They get no emails at the moment. Choose "Change" to pick some.</p>
      ) : (
        <>
          <p id="contact-alerts">They get an email when:</p>
          <ul class="plain-list" aria-labelledby="contact-alerts">
            {contact.alerts.map((alert) => (
              <li key={alert}>{wordsOf(alert)}</li>
            ))}
          </ul>
        </>
      )}
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          aria-label={`Change ${contact.name} or their emails`}
          onClick={onChange}
        >
          Change
        </button>
        <ConfirmButton
          label={`Remove ${contact.name}`}
          question={`Remove ${contact.name} as your trusted contact?`}
          explanation="They will stop getting emails about your account. You can name them or someone else again later."
          confirm="Yes, remove them"
          danger
          onConfirm={async () => {
            await guard(() => removeTrustedContact());
            await onRemoved();
          }}
        >
          Remove
        </ConfirmButton>
      </div>
    </div>
  );
}

function ContactForm({
  initial,
  onSaved,
  onCancel,
}: {
  readonly initial: TrustedContact | null;
  readonly onSaved: (name: string) => Promise<void>;
  /** Only when changing an existing contact: go back without saving. */
  readonly onCancel: (() => void) | undefined;
}) {
  const guard = useStepUp();
  const action = useAction();
  const [name, setName] = useState(initial?.name ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  // A new contact gets every account alert unless the person untick some; scam alerts are opt-in.
  const [alerts, setAlerts] = useState<readonly string[]>(initial?.alerts ?? DEFAULT_ALERTS);
  // Changing an existing contact replaced the button that was pressed: start in the form.
  useEffect(() => {
    if (initial !== null) document.getElementById('contact-name')?.focus();
  }, [initial]);
  const toggle = (alert: ContactAlert, on: boolean) =>
    setAlerts(CONTACT_ALERTS.filter((a) => (a === alert ? on : alerts.includes(a))));
  return (
    <form
      class="form"
      onSubmit={submitWith(action, async () => {
        const chosen = name.trim();
        await guard(() => setTrustedContact(chosen, email.trim(), alerts));
        await onSaved(chosen);
      })}
    >
      <h3>{initial === null ? 'Add a trusted contact' : `Change ${initial.name}`}</h3>
      <TextField
        id="contact-name"
        label="Their name"
        autoComplete="off"
        value={name}
        onValue={setName}
        maxLength={80}
      />
      <TextField
        id="contact-email"
        label="Their email address"
        hint="We email them once to say you named them. They can stop the emails at any time."
        type="email"
        autoComplete="off"
        value={email}
        onValue={setEmail}
        maxLength={320}
      />
      <fieldset class="tick-group">
        <legend class="field-label">Send them an email when</legend>
        {CONTACT_ALERTS.map((alert) => (
          <div class="tick-option" key={alert}>
            <input
              id={`contact-alert-${alert}`}
              type="checkbox"
              checked={alerts.includes(alert)}
              onChange={(event) => toggle(alert, event.currentTarget.checked)}
            />
            <label for={`contact-alert-${alert}`}>{alertWords[alert]}</label>
          </div>
        ))}
      </fieldset>
      <FormAlert error={action.error} heading="Your trusted contact is not saved." />
      <div class="button-row">
        <SubmitButton busy={action.busy} busyText="Saving…">
          Save trusted contact
        </SubmitButton>
        {onCancel === undefined ? null : (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
