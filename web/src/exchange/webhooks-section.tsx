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
import { intelWebhookMessages } from '../i18n/intel-webhook-messages.js';
import { useLocale } from '../i18n/locale.js';
import { withNodes } from '../i18n/rich-text.js';
import { type Resource, useResource } from '../use-resource.js';
import type { Collection } from './intel-api.js';
import { collectionText, typeName } from './intel-words.js';
import {
  addIntelWebhook,
  type Delivery,
  fetchDeliveries,
  fetchIntelWebhooks,
  HOOK_TYPES,
  type IntelWebhook,
  MAX_HOOK_LIMITS,
  MAX_HOOK_URL_CHARS,
  MAX_HOOKS_PER_ORG,
  removeIntelWebhook,
  sendIntelWebhookTest,
  setIntelWebhookEnabled,
} from './webhooks-api.js';

const t = intelWebhookMessages.t;

/** An organization the signed-in person administers (from `account.me.orgs`). */
export type Org = MemberOrg;

/**
 * "Send new intelligence to your own systems": for each organization the signed-in person
 * administers, its webhooks (address, what each receives, whether it still works, its latest
 * deliveries), a form to add one (optionally limited to some kinds and collections), the signing
 * secret shown once, and removal. Loaded (lazy-webhooks.tsx) only for people who administer an
 * organization. Plain words first; what a developer needs sits in "For your technical team".
 */
export function WebhooksSection({
  orgs,
  collections,
}: {
  readonly orgs: readonly Org[];
  readonly collections: Resource<Collection[]>;
}) {
  const locale = useLocale();
  if (orgs.length === 0) return null;
  // The person's view of the collections: the ones they may read can limit a webhook.
  const readable = collections.state === 'ready' ? collections.data.filter((c) => c.canRead) : [];
  return (
    <section class="intel-section" aria-labelledby="hooks-heading">
      <h2 id="hooks-heading">{t(locale, 'heading')}</h2>
      <p>{t(locale, 'lead')}</p>
      <p>{t(locale, 'how')}</p>
      <TechnicalDetails />
      <ul class="intel-orgs">
        {orgs.map((o) => (
          <OrgWebhooks key={o.id} org={o} collections={readable} />
        ))}
      </ul>
    </section>
  );
}

function TechnicalDetails() {
  const locale = useLocale();
  return (
    <details class="details intel-tech">
      <summary>{t(locale, 'tech')}</summary>
      <ul class="intel-tech__list">
        <li>
          {withNodes(t(locale, 'tech_what'), {
            type: <code>"type": "intel.objects.added"</code>,
          })}
        </li>
        <li>
          {withNodes(t(locale, 'tech_sign'), {
            standard: (
              <a href="https://www.standardwebhooks.com/" rel="noopener noreferrer">
                {t(locale, 'tech_standard')}
              </a>
            ),
          })}
        </li>
        <li>{t(locale, 'tech_retry')}</li>
        <li>
          {withNodes(t(locale, 'tech_test'), {
            type: <code>"type": "webhook.test"</code>,
          })}
        </li>
        <li>
          {withNodes(t(locale, 'tech_api'), {
            api: <code>POST /api/intel/orgs/ORG/webhooks</code>,
          })}
        </li>
        <li>
          {withNodes(t(locale, 'tech_doc'), {
            doc: <code>docs/intel-sharing.md</code>,
          })}
        </li>
      </ul>
    </details>
  );
}

/** The signing secret of a webhook just added, shown until the admin says it is copied. */
interface Shown {
  readonly url: string;
  readonly secret: string;
}

function OrgWebhooks({
  org,
  collections,
}: {
  readonly org: Org;
  readonly collections: readonly Collection[];
}) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => fetchIntelWebhooks(org.id, signal), [org.id]);
  const [loaded, retry] = useResource(load);
  // The list as this page changed it since it loaded (null: as loaded).
  const [changed, setChanged] = useState<readonly IntelWebhook[] | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const [done, setDone] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `intel-hooks-${org.id}`;
  const hooks = changed ?? (loaded.state === 'ready' ? loaded.data : null);
  const titles = new Map(collections.map((c) => [c.id, collectionText(locale, c.title)] as const));

  return (
    <li class="intel-org">
      <article aria-labelledby={`${id}-name`}>
        <h3 id={`${id}-name`} class="intel-org__name" ref={heading} tabIndex={-1}>
          {org.name}
        </h3>
        {hooks === null && loaded.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
        ) : null}
        {hooks === null && loaded.state === 'failed' ? (
          <ErrorMessage heading={t(locale, 'failed')} error={loaded.error} onRetry={retry} />
        ) : null}
        {hooks === null ? null : (
          <>
            {hooks.length === 0 ? (
              <p class="intel-empty">{t(locale, 'none')}</p>
            ) : (
              <ul class="intel-list" aria-label={t(locale, 'list_label', { name: org.name })}>
                {hooks.map((h) => (
                  <WebhookItem
                    key={h.id}
                    orgId={org.id}
                    hook={h}
                    titles={titles}
                    removable={shown === null}
                    onChanged={(changedHook) =>
                      setChanged(hooks.map((other) => (other.id === h.id ? changedHook : other)))
                    }
                    onRemoved={() => {
                      setChanged(hooks.filter((other) => other.id !== h.id));
                      setDone(t(locale, 'removed', { url: h.url }));
                      // The button is gone with the webhook: keep focus in this organization.
                      setTimeout(() => heading.current?.focus(), 0);
                    }}
                  />
                ))}
              </ul>
            )}
            {shown === null ? null : (
              <SecretPanel
                class="intel-secret"
                secret={shown.secret}
                words={{
                  heading: t(locale, 'secret_heading'),
                  label: t(locale, 'secret_label', { url: shown.url }),
                  copy: t(locale, 'copy'),
                  copied: t(locale, 'copied'),
                  once: t(locale, 'secret_once'),
                  why: t(locale, 'secret_why'),
                  done: t(locale, 'secret_done'),
                }}
                onDone={() => {
                  setShown(null);
                  setDone(t(locale, 'secret_hidden'));
                  heading.current?.focus();
                }}
              />
            )}
            <DoneMessage text={done} />
            {shown !== null ? null : hooks.length >= MAX_HOOKS_PER_ORG ? (
              <p>{t(locale, 'full', { max: MAX_HOOKS_PER_ORG })}</p>
            ) : (
              <AddForm
                id={id}
                collections={collections}
                save={(hook) => addIntelWebhook(org.id, hook)}
                onSaved={(answer) => {
                  setChanged([...hooks, answer.webhook]);
                  setDone('');
                  setShown({ url: answer.webhook.url, secret: answer.secret });
                }}
              />
            )}
          </>
        )}
      </article>
    </li>
  );
}

/** A list in the reader's language: "Indicator, Malware and Report". */
function listOf(locale: Locale, items: readonly string[]): string {
  try {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

function WebhookItem({
  orgId,
  hook,
  titles,
  removable,
  onChanged,
  onRemoved,
}: {
  readonly orgId: string;
  readonly hook: IntelWebhook;
  readonly titles: ReadonlyMap<string, string>;
  readonly removable: boolean;
  readonly onChanged: (hook: IntelWebhook) => void;
  readonly onRemoved: () => void;
}) {
  const locale = useLocale();
  const action = useAction();
  const [done, setDone] = useState('');
  // Bumped after a test message is queued: an open delivery list then loads again and shows it.
  const [sent, setSent] = useState(0);
  const everything = hook.types === null && hook.collections === null;
  const turnOn = () =>
    action.run(async () => {
      setDone('');
      onChanged(await setIntelWebhookEnabled(orgId, hook.id, true));
      setDone(t(locale, 'turned_on', { url: hook.url }));
    });
  const test = () =>
    action.run(async () => {
      setDone('');
      await sendIntelWebhookTest(orgId, hook.id);
      setSent((n) => n + 1);
      setDone(t(locale, 'test_sent', { url: hook.url }));
    });
  return (
    <li class="intel-item intel-hook">
      <h4 class="intel-item__heading intel-hook__url intel-break">{hook.url}</h4>
      <dl class="facts">
        <dt>{t(locale, 'receives')}</dt>
        <dd>
          {everything ? <p>{t(locale, 'everything')}</p> : null}
          {hook.types === null ? null : (
            <p>
              {t(locale, 'only_types', {
                types: listOf(
                  locale,
                  hook.types.map((type) => typeName(locale, type)),
                ),
              })}
            </p>
          )}
          {hook.collections === null ? null : (
            <p>
              {t(locale, 'only_collections', {
                collections: listOf(
                  locale,
                  hook.collections.map((c) => titles.get(c) ?? c),
                ),
              })}
            </p>
          )}
        </dd>
        <dt>{t(locale, 'state')}</dt>
        <dd class={hook.enabled ? undefined : 'intel-bad'}>
          {t(locale, hook.enabled ? 'enabled' : 'disabled')}
        </dd>
        <dt>{t(locale, 'created')}</dt>
        <dd>{formatDate(hook.created_at, locale)}</dd>
      </dl>
      <Deliveries orgId={orgId} hook={hook} version={sent} />
      <DoneMessage text={done} />
      {action.error === null ? null : (
        <p class="field-error" role="alert">
          {`${t(locale, hook.enabled ? 'test_failed' : 'turn_on_failed')} ${action.error}`}
        </p>
      )}
      <div class="intel-hook__actions">
        {hook.enabled ? (
          <button
            type="button"
            class="button button--secondary"
            aria-label={t(locale, 'test_label', { url: hook.url })}
            aria-disabled={action.busy ? 'true' : undefined}
            onClick={() => void test()}
          >
            {t(locale, action.busy ? 'sending' : 'test')}
          </button>
        ) : (
          <button
            type="button"
            class="button"
            aria-label={t(locale, 'turn_on_label', { url: hook.url })}
            aria-disabled={action.busy ? 'true' : undefined}
            onClick={() => void turnOn()}
          >
            {t(locale, action.busy ? 'turning_on' : 'turn_on')}
          </button>
        )}
        {removable ? (
          <ConfirmButton
            label={t(locale, 'remove_label', { url: hook.url })}
            question={t(locale, 'remove_question', { url: hook.url })}
            explanation={t(locale, 'remove_explain')}
            confirm={t(locale, 'remove_confirm')}
            danger
            onConfirm={async () => {
              await removeIntelWebhook(orgId, hook.id);
              onRemoved();
            }}
          >
            {t(locale, 'remove')}
          </ConfirmButton>
        ) : null}
      </div>
    </li>
  );
}

/** "Latest deliveries", folded away; asked for only when opened, and again when `version` changes. */
function Deliveries({
  orgId,
  hook,
  version,
}: {
  readonly orgId: string;
  readonly hook: IntelWebhook;
  readonly version: number;
}) {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  return (
    <details
      class="details details--compact intel-hook__deliveries"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>{t(locale, 'deliveries')}</summary>
      {open ? <Latest key={version} orgId={orgId} hook={hook} /> : null}
    </details>
  );
}

function Latest({ orgId, hook }: { readonly orgId: string; readonly hook: IntelWebhook }) {
  const locale = useLocale();
  const load = useCallback(
    (signal: AbortSignal) => fetchDeliveries(orgId, hook.id, signal),
    [orgId, hook.id],
  );
  return (
    <DeliveryList
      load={load}
      classPrefix="intel"
      words={deliveryListWords((key, params) => t(locale, key, params), { url: hook.url })}
      toRow={(d: Delivery) => ({
        id: d.id,
        when: formatTime(new Date(d.created_at), locale),
        what: t(locale, d.type === 'webhook.test' ? 'what_test' : 'what_intel'),
        status: statusWords(locale, d),
        failed: d.status === 'failed',
        attempts: formatCount(d.attempts, locale),
        problem: problemWords(locale, d),
      })}
    />
  );
}

function statusWords(locale: Locale, d: Delivery): string {
  if (d.status === 'delivered') return t(locale, 'status_delivered');
  if (d.status === 'failed') return t(locale, 'status_failed');
  return t(locale, d.attempts === 0 ? 'status_queued' : 'status_retrying');
}

const TURNED_OFF = 'the webhook was removed or disabled';

/** The last problem in plain words when it is a common one, with the recorded code beside it. */
function problemWords(locale: Locale, d: Delivery): ComponentChildren {
  if (d.last_error === null) return t(locale, 'no_error');
  if (d.last_status !== null) return t(locale, 'error_status', { status: d.last_status });
  if (d.last_error === TURNED_OFF) return t(locale, 'error_turned_off');
  const plain =
    d.last_error === 'ETIMEDOUT'
      ? t(locale, 'error_timeout')
      : d.last_error === 'ECONNREFUSED'
        ? t(locale, 'error_refused')
        : d.last_error === 'ENOTFOUND'
          ? t(locale, 'error_unknown_host')
          : null;
  // What the server recorded is an error code or its own English: marked so.
  const recorded = <code lang="en">{d.last_error}</code>;
  return plain === null ? recorded : [`${plain} (`, recorded, ')'];
}

interface NewHook {
  readonly url: string;
  readonly types?: readonly string[];
  readonly collections?: readonly string[];
}

/** Ticked values kept in the order they are offered. */
const ticked = (offered: readonly string[], chosen: ReadonlySet<string>) =>
  offered.filter((v) => chosen.has(v));

function AddForm({
  id,
  collections,
  save,
  onSaved,
}: {
  readonly id: string;
  readonly collections: readonly Collection[];
  readonly save: (hook: NewHook) => Promise<{ webhook: IntelWebhook; secret: string }>;
  readonly onSaved: (answer: { webhook: IntelWebhook; secret: string }) => void;
}) {
  const locale = useLocale();
  const [text, setText] = useState('');
  const [types, setTypes] = useState<ReadonlySet<string>>(new Set());
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [tooMany, setTooMany] = useState(false);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const firstCollection = useRef<HTMLInputElement>(null);
  const limits = useRef<HTMLDetailsElement>(null);
  const input = `${id}-url`;
  const offered = collections.map((c) => c.id);

  const toggle =
    (set: (update: (old: ReadonlySet<string>) => ReadonlySet<string>) => void, value: string) =>
    (event: Event) => {
      const on = (event.currentTarget as HTMLInputElement).checked;
      set((old) => {
        const next = new Set(old);
        if (on) next.add(value);
        else next.delete(value);
        return next;
      });
    };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const url = text.trim();
    const wrong = webhookAddressProblem(url);
    if (wrong !== null) {
      setProblem(t(locale, wrong));
      field.current?.focus();
      return;
    }
    setProblem(null);
    const onlyTypes = ticked(HOOK_TYPES, types);
    const onlyCollections = ticked(offered, chosen);
    if (onlyCollections.length > MAX_HOOK_LIMITS) {
      setTooMany(true);
      if (limits.current !== null) limits.current.open = true;
      firstCollection.current?.focus();
      return;
    }
    setTooMany(false);
    setBusy(true);
    try {
      const answer = await save({
        url,
        ...(onlyTypes.length === 0 ? {} : { types: onlyTypes }),
        ...(onlyCollections.length === 0 ? {} : { collections: onlyCollections }),
      });
      setText('');
      setTypes(new Set());
      setChosen(new Set());
      setBusy(false);
      onSaved(answer);
    } catch (err) {
      setProblem(`${t(locale, 'save_failed')} ${messageOf(err)}`);
      setBusy(false);
      field.current?.focus();
    }
  };

  const described = [`${input}-hint`, problem === null ? '' : `${input}-problem`]
    .filter((s) => s !== '')
    .join(' ');
  return (
    <form
      class="intel-hook-form"
      aria-labelledby={`${id}-add`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h4 id={`${id}-add`} class="intel-hook-form__title">
        {t(locale, 'add_heading')}
      </h4>
      <label class="field-label" for={input}>
        {t(locale, 'label')}
      </label>
      <p class="hint intel-hook-form__hint" id={`${input}-hint`}>
        {t(locale, 'hint')}
      </p>
      <input
        ref={field}
        id={input}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellcheck={false}
        class="field intel-hook-form__url"
        maxLength={MAX_HOOK_URL_CHARS}
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
      <details ref={limits} class="details intel-hook-form__limits">
        <summary>{t(locale, 'limit')}</summary>
        <fieldset class="intel-ticks" aria-describedby={`${id}-types-hint`}>
          <legend class="field-label">{t(locale, 'types_legend')}</legend>
          <p class="hint" id={`${id}-types-hint`}>
            {t(locale, 'types_hint')}
          </p>
          {HOOK_TYPES.map((type) => (
            <label class="intel-tick" key={type}>
              <input type="checkbox" checked={types.has(type)} onChange={toggle(setTypes, type)} />
              <span>{typeName(locale, type)}</span>
            </label>
          ))}
        </fieldset>
        {collections.length === 0 ? null : (
          <fieldset
            class="intel-ticks"
            aria-describedby={`${id}-collections-hint${tooMany ? ` ${id}-collections-problem` : ''}`}
          >
            <legend class="field-label">{t(locale, 'collections_legend')}</legend>
            <p class="hint" id={`${id}-collections-hint`}>
              {t(locale, 'collections_hint')}
            </p>
            {tooMany ? (
              <p class="field-error" id={`${id}-collections-problem`} role="alert">
                {t(locale, 'too_many_collections', { max: MAX_HOOK_LIMITS })}
              </p>
            ) : null}
            {collections.map((c, i) => (
              <label class="intel-tick" key={c.id}>
                <input
                  ref={i === 0 ? firstCollection : undefined}
                  type="checkbox"
                  checked={chosen.has(c.id)}
                  onChange={toggle(setChosen, c.id)}
                />
                <span>{collectionText(locale, c.title)}</span>
              </label>
            ))}
          </fieldset>
        )}
      </details>
      <div class="intel-hook-form__actions">
        <button
          type="submit"
          class="button button--large"
          aria-disabled={busy ? 'true' : undefined}
        >
          {t(locale, busy ? 'saving' : 'save')}
        </button>
      </div>
    </form>
  );
}
