import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { messageOf } from '../access/access-client.js';
import type { MemberOrg } from '../access/administered.js';
import { ConfirmButton } from '../access/confirm-button.js';
import { DoneMessage, useAction } from '../access/form-parts.js';
import { formatDate } from '../access/use-loaded.js';
import {
  DeliveryList,
  deliveryListWords,
  SecretPanel,
  webhookAddressProblem,
} from '../access/webhook-parts.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { withNodes } from '../i18n/rich-text.js';
import { safeguardsMessages } from '../i18n/safeguards-messages.js';
import { safeguardsWebhookMessages } from '../i18n/safeguards-webhook-messages.js';
import { useResource } from '../use-resource.js';
import {
  fetchOrgDeliveries,
  fetchOrgWebhook,
  freshWebhook,
  MAX_WEBHOOK_URL_CHARS,
  type NewOrgWebhook,
  type OrgDelivery,
  type OrgWebhook,
  PAUSED_ERROR,
  removeOrgWebhook,
  setOrgWebhook,
  type TestOutcome,
  testOrgWebhook,
} from './safeguards-api.js';

const t = safeguardsWebhookMessages.t;

type Org = MemberOrg;

/**
 * "Send these messages to your own system": for each organization the person administers, where
 * its messages about limits are also posted (optional), a form to set or replace the address, the
 * signing secret shown once, and a way to stop. Plain words first; what a developer needs (the
 * body, the Standard Webhooks signature, retries) sits in a "For your technical team" disclosure.
 */
export function WebhookSection({ orgs }: { readonly orgs: readonly Org[] }) {
  const locale = useLocale();
  if (orgs.length === 0) return null;
  return (
    <section class="sg-section" aria-labelledby="sg-webhook">
      <h2 id="sg-webhook">{t(locale, 'webhook.heading')}</h2>
      <p>{t(locale, 'webhook.lead')}</p>
      <p>{t(locale, 'webhook.how')}</p>
      <TechnicalDetails />
      <ul class="sg-list">
        {orgs.map((o) => (
          <OrgWebhookCard key={o.id} org={o} />
        ))}
      </ul>
    </section>
  );
}

function TechnicalDetails() {
  const locale = useLocale();
  return (
    <details class="sg-details sg-tech">
      <summary>{t(locale, 'webhook.tech')}</summary>
      <ul class="sg-tech__list">
        <li>{t(locale, 'webhook.tech_what')}</li>
        <li>
          {withNodes(t(locale, 'webhook.tech_sign'), {
            standard: (
              <a href="https://www.standardwebhooks.com/" rel="noopener noreferrer">
                {t(locale, 'webhook.tech_standard')}
              </a>
            ),
          })}
        </li>
        <li>{t(locale, 'webhook.tech_retry')}</li>
        <li>{t(locale, 'webhook.tech_test')}</li>
        <li>
          {withNodes(t(locale, 'webhook.tech_doc'), {
            doc: <code>docs/safeguards-console.md</code>,
          })}
        </li>
      </ul>
    </details>
  );
}

/** The signing secret of an address just saved, shown until the admin says it is copied. */
interface Shown {
  readonly url: string;
  readonly secret: string;
}

function OrgWebhookCard({ org }: { readonly org: Org }) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => fetchOrgWebhook(org.id, signal), [org.id]);
  const [loaded, retry] = useResource(load);
  // What this page changed since it loaded (undefined: nothing; null: removed).
  const [changed, setChanged] = useState<OrgWebhook | null | undefined>(undefined);
  const [shown, setShown] = useState<Shown | null>(null);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `sg-webhook-${org.id}`;
  const current = changed !== undefined ? changed : loaded.state === 'ready' ? loaded.data : null;

  return (
    <li class="sg-card">
      <article aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`} class="sg-card__title" ref={heading} tabIndex={-1}>
          {org.name}
        </h3>
        {loaded.state === 'loading' && changed === undefined ? (
          <LoadingMessage>{safeguardsMessages.t(locale, 'loading')}</LoadingMessage>
        ) : null}
        {loaded.state === 'failed' && changed === undefined ? (
          <ErrorMessage
            heading={t(locale, 'webhook.failed')}
            error={loaded.error}
            onRetry={retry}
          />
        ) : null}
        {loaded.state === 'ready' || changed !== undefined ? (
          <>
            {current === null ? (
              <p class="sg-status">{t(locale, 'webhook.none')}</p>
            ) : (
              <div
                class={`sg-status ${current.paused_at === null ? 'sg-status--granted' : 'sg-status--denied'}`}
              >
                <p>
                  {withNodes(
                    t(
                      locale,
                      current.paused_at === null ? 'webhook.current' : 'webhook.current_paused',
                    ),
                    { url: <code class="sg-break">{current.url}</code> },
                  )}
                </p>
                <p class="sg-meta">
                  {t(locale, 'webhook.since', { date: formatDate(current.created_at, locale) })}
                </p>
                {current.paused_at === null ? null : (
                  <p class="sg-paused">
                    <strong>
                      {t(locale, 'webhook.paused', {
                        date: formatDate(current.paused_at, locale),
                      })}
                    </strong>{' '}
                    {t(locale, 'webhook.paused_fix')}
                  </p>
                )}
                <Deliveries org={org} />
                {shown === null ? (
                  <div class="sg-actions sg-webhook__remove">
                    <TestButton
                      org={org}
                      onDelivered={() => {
                        // A test that arrives resumes paused deliveries (owner-webhooks.ts).
                        if (current.paused_at !== null) setChanged({ ...current, paused_at: null });
                      }}
                    />
                    <ConfirmButton
                      label={t(locale, 'webhook.remove_label', { name: org.name })}
                      question={t(locale, 'webhook.remove_question', { name: org.name })}
                      explanation={t(locale, 'webhook.remove_explain')}
                      confirm={t(locale, 'webhook.remove_confirm')}
                      danger
                      onConfirm={async () => {
                        await removeOrgWebhook(org.id);
                        setChanged(null);
                        setDone(t(locale, 'webhook.removed', { name: org.name }));
                        // The button is gone with the address: keep focus in this card.
                        setTimeout(() => heading.current?.focus(), 0);
                      }}
                    >
                      {t(locale, 'webhook.remove')}
                    </ConfirmButton>
                  </div>
                ) : null}
              </div>
            )}
            {shown === null ? null : (
              <SecretPanel
                class="sg-secret"
                secret={shown.secret}
                words={{
                  heading: t(locale, 'webhook.secret_heading'),
                  label: t(locale, 'webhook.secret_label', { url: shown.url }),
                  copy: t(locale, 'webhook.copy'),
                  copied: t(locale, 'webhook.copied'),
                  once: t(locale, 'webhook.secret_once'),
                  why: t(locale, 'webhook.secret_why'),
                  done: t(locale, 'webhook.secret_done'),
                }}
                onDone={() => {
                  setShown(null);
                  setDone(t(locale, 'webhook.secret_hidden'));
                  heading.current?.focus();
                }}
              />
            )}
            <DoneMessage text={done} />
            {shown === null ? (
              <AddressForm
                id={id}
                replacing={current !== null}
                onSaved={(answer) => {
                  setChanged(freshWebhook(answer));
                  setDone('');
                  setShown({ url: answer.url, secret: answer.secret });
                }}
                save={(url) => setOrgWebhook(org.id, url)}
              />
            ) : null}
          </>
        ) : null}
      </article>
    </li>
  );
}

function AddressForm({
  id,
  replacing,
  save,
  onSaved,
}: {
  readonly id: string;
  readonly replacing: boolean;
  readonly save: (url: string) => Promise<NewOrgWebhook>;
  readonly onSaved: (answer: NewOrgWebhook) => void;
}) {
  const locale = useLocale();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const input = `${id}-url`;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const url = text.trim();
    const wrong = webhookAddressProblem(url);
    if (wrong !== null) {
      setProblem(t(locale, `webhook.${wrong}`));
      field.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const answer = await save(url);
      setText('');
      setBusy(false);
      onSaved(answer);
    } catch (err) {
      setProblem(`${t(locale, 'webhook.save_failed')} ${messageOf(err)}`);
      setBusy(false);
      field.current?.focus();
    }
  };

  const described = [
    `${input}-hint`,
    replacing ? `${input}-replace` : '',
    problem === null ? '' : `${input}-problem`,
  ]
    .filter((s) => s !== '')
    .join(' ');
  return (
    <form class="sg-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class="field-label" for={input}>
        {t(locale, replacing ? 'webhook.label_new' : 'webhook.label')}
      </label>
      <p class="sg-hint" id={`${input}-hint`}>
        {t(locale, 'webhook.hint')}
      </p>
      {replacing ? (
        <p class="sg-hint" id={`${input}-replace`}>
          {t(locale, 'webhook.hint_replace')}
        </p>
      ) : null}
      <input
        ref={field}
        id={input}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        class="field sg-url"
        maxLength={MAX_WEBHOOK_URL_CHARS}
        value={text}
        aria-describedby={described}
        aria-invalid={problem === null ? undefined : 'true'}
        onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
      />
      {problem === null ? null : (
        <p class="field-error" id={`${input}-problem`} role="alert">
          {problem}
        </p>
      )}
      <div class="sg-actions">
        <button
          type="submit"
          class="button button--large"
          aria-disabled={busy ? 'true' : undefined}
        >
          {t(locale, busy ? 'webhook.saving' : replacing ? 'webhook.replace' : 'webhook.save')}
        </button>
      </div>
    </form>
  );
}

/**
 * The receiving system's answer in plain words (the recorded code beside an unusual one), from the
 * HTTP status when it answered, or the recorded error (`HTTP 503`, `ENOTFOUND`, …).
 */
function problemWords(
  locale: Locale,
  status: number | null,
  error: string | null,
): ComponentChildren {
  const answered = status ?? httpStatusOf(error);
  if (answered !== null) return t(locale, 'webhook.problem_status', { status: answered });
  const code = error ?? '';
  if (code === 'ETIMEDOUT') return t(locale, 'webhook.problem_timeout');
  if (code === 'ECONNREFUSED') return t(locale, 'webhook.problem_refused');
  if (code === 'ENOTFOUND') return t(locale, 'webhook.problem_unknown_host');
  if (code === PAUSED_ERROR) return t(locale, 'webhook.problem_paused');
  // A network error code or the server's own English: marked so.
  return withNodes(t(locale, 'webhook.problem_other'), {
    code: <code lang="en">{code}</code>,
  });
}

/**
 * "Send a test message": posted now, signed like a real one, and the receiving system's answer shown
 * beside the button, so an admin knows the address works before a limit is ever put on them.
 */
function TestButton({ org, onDelivered }: { readonly org: Org; readonly onDelivered: () => void }) {
  const locale = useLocale();
  const action = useAction();
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const send = () =>
    action.run(async () => {
      setOutcome(null);
      const answer = await testOrgWebhook(org.id);
      setOutcome(answer);
      if (answer.delivered) onDelivered();
    });
  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        aria-label={t(locale, 'webhook.test_label', { name: org.name })}
        aria-disabled={action.busy ? 'true' : undefined}
        onClick={() => void send()}
      >
        {t(locale, action.busy ? 'webhook.testing' : 'webhook.test')}
      </button>
      <div class="sg-webhook__test" aria-live="polite">
        {outcome?.delivered === true ? (
          <p class="done-message">
            {t(locale, 'webhook.test_delivered', { status: outcome.status ?? 200 })}
          </p>
        ) : null}
        {outcome !== null && !outcome.delivered ? (
          <p class="field-error">
            {withNodes(t(locale, 'webhook.test_not_delivered'), {
              problem: <span>{problemWords(locale, outcome.status, outcome.error)}</span>,
            })}
          </p>
        ) : null}
        {action.error === null ? null : (
          <p class="field-error">{`${t(locale, 'webhook.test_failed')} ${action.error}`}</p>
        )}
      </div>
    </>
  );
}

/** The words of `problemWords` as a sentence of their own (they are written to follow "Not delivered:"). */
function capitalized(words: ComponentChildren, locale: Locale): ComponentChildren {
  const up = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  if (typeof words === 'string') return up(words);
  if (Array.isArray(words) && typeof words[0] === 'string')
    return [up(words[0]), ...words.slice(1)];
  return words;
}

/** `HTTP 503` → 503 (the delivery worker records a refused answer so); anything else → null. */
function httpStatusOf(error: string | null): number | null {
  const m = error === null ? null : /^HTTP (\d{3})$/.exec(error);
  return m === null ? null : Number(m[1]);
}

const KINDS = ['lever.pulled', 'lever.lifted', 'appeal.granted', 'appeal.denied'] as const;

function kindWords(locale: Locale, kind: string): string {
  const known = KINDS.find((k) => k === kind);
  return t(locale, known === undefined ? 'webhook.kind.other' : `webhook.kind.${known}`);
}

function statusWords(locale: Locale, d: OrgDelivery): string {
  if (d.status === 'delivered') return t(locale, 'webhook.status_delivered');
  if (d.status === 'failed')
    return t(
      locale,
      d.last_error === PAUSED_ERROR ? 'webhook.status_paused' : 'webhook.status_failed',
    );
  return t(locale, d.attempts === 0 ? 'webhook.status_queued' : 'webhook.status_retrying');
}

/** "Latest messages sent", folded away; asked for only when opened. */
function Deliveries({ org }: { readonly org: Org }) {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <details
      class="sg-details sg-webhook__deliveries"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t(locale, 'webhook.deliveries')}</summary>
      {open ? <Latest org={org} /> : null}
    </details>
  );
}

function Latest({ org }: { readonly org: Org }) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => fetchOrgDeliveries(org.id, signal), [org.id]);
  return (
    <DeliveryList
      load={load}
      classPrefix="sg"
      words={deliveryListWords((key, params) => t(locale, `webhook.${key}`, params), {
        name: org.name,
      })}
      toRow={(d: OrgDelivery) => ({
        id: d.id,
        when: formatTime(new Date(d.created_at), locale),
        what: kindWords(locale, d.kind),
        status: statusWords(locale, d),
        failed: d.status === 'failed',
        attempts: formatCount(d.attempts, locale),
        problem:
          d.last_error === null
            ? t(locale, 'webhook.no_error')
            : capitalized(problemWords(locale, null, d.last_error), locale),
      })}
    />
  );
}
