import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import {
  type AccountMessageKey,
  type AccountWords,
  useAccountWords,
} from '../i18n/account-messages.js';
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

/** What each alert means, as the person choosing them reads it (catalog keys). */
const alertKeys: Readonly<Record<ContactAlert, AccountMessageKey>> = {
  new_sign_in: 'alert.new_sign_in',
  security_change: 'alert.security_change',
  recovery_started: 'alert.recovery_started',
  scam_high_risk: 'alert.scam_high_risk',
  scam_recovery: 'alert.scam_recovery',
};
/** The scam alerts are about the person's messages, not the account: they must choose them. */
const DEFAULT_ALERTS = CONTACT_ALERTS.filter((a) => !a.startsWith('scam_'));
/** An alert this page does not know yet (a newer server) is shown by its name, not dropped. */
const wordsOf = ({ t }: AccountWords, alert: string) =>
  (CONTACT_ALERTS as readonly string[]).includes(alert)
    ? t(alertKeys[alert as ContactAlert])
    : alert;

/** A trusted contact: who gets an email when something happens on the account, and about what. */
export function TrustedContactSection() {
  const { t } = useAccountWords();
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
        {t('contact.heading')}
      </h2>
      <p>{t('contact.text')}</p>
      <DoneMessage text={done} />
      {contact.state === 'loading' ? (
        <LoadingMessage>{t('contact.loading')}</LoadingMessage>
      ) : contact.state === 'failed' ? (
        <ErrorMessage
          heading={t('contact.load_failed')}
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
          onRemoved={() => changed(t('contact.removed', { name: current.name }))}
        />
      ) : (
        <ContactForm
          initial={current}
          onSaved={(name) => changed(t('contact.saved', { name }))}
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
  const words = useAccountWords();
  const { t, locale } = words;
  const guard = useStepUp();
  return (
    <div class="item">
      <h3 class="item__title">{contact.name}</h3>
      <p class="item__facts contact-email">
        {t('contact.since', { email: contact.email, date: formatDate(contact.since, locale) })}
      </p>
      {contact.alerts.length === 0 ? (
        <p>{t('contact.no_emails')}</p>
      ) : (
        <>
          <p id="contact-alerts">{t('contact.gets')}</p>
          <ul class="plain-list" aria-labelledby="contact-alerts">
            {contact.alerts.map((alert) => (
              <li key={alert}>{wordsOf(words, alert)}</li>
            ))}
          </ul>
        </>
      )}
      <div class="button-row">
        <button
          type="button"
          class="button button--secondary"
          aria-label={t('contact.change_aria', { name: contact.name })}
          onClick={onChange}
        >
          {t('contact.change')}
        </button>
        <ConfirmButton
          label={t('contact.remove_aria', { name: contact.name })}
          question={t('contact.remove_question', { name: contact.name })}
          explanation={t('contact.remove_explain')}
          confirm={t('contact.remove_confirm')}
          danger
          onConfirm={async () => {
            await guard(() => removeTrustedContact());
            await onRemoved();
          }}
        >
          {t('common.remove')}
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
  const { t } = useAccountWords();
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
      <h3>
        {initial === null
          ? t('contact.add_heading')
          : t('contact.change_heading', { name: initial.name })}
      </h3>
      <TextField
        id="contact-name"
        label={t('contact.name_label')}
        autoComplete="off"
        value={name}
        onValue={setName}
        maxLength={80}
      />
      <TextField
        id="contact-email"
        label={t('contact.email_label')}
        hint={t('contact.email_hint')}
        type="email"
        autoComplete="off"
        value={email}
        onValue={setEmail}
        maxLength={320}
      />
      <fieldset class="tick-group">
        <legend class="field-label">{t('contact.send_when')}</legend>
        {CONTACT_ALERTS.map((alert) => (
          <div class="tick-option" key={alert}>
            <input
              id={`contact-alert-${alert}`}
              type="checkbox"
              checked={alerts.includes(alert)}
              onChange={(event) => toggle(alert, event.currentTarget.checked)}
            />
            <label for={`contact-alert-${alert}`}>{t(alertKeys[alert])}</label>
          </div>
        ))}
      </fieldset>
      <FormAlert error={action.error} heading={t('contact.not_saved')} />
      <div class="button-row">
        <SubmitButton busy={action.busy} busyText={t('common.saving')}>
          {t('contact.save')}
        </SubmitButton>
        {onCancel === undefined ? null : (
          <button type="button" class="button button--secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
