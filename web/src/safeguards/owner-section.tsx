import { useCallback, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { effectText, noticeText } from '../../../src/safeguards/notice-text.js';
import { messageOf } from '../access/access-client.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { safeguardsMessages } from '../i18n/safeguards-messages.js';
import { useResource } from '../use-resource.js';
import {
  appealLever,
  fetchMyLevers,
  fetchNotices,
  MAX_APPEAL_CHARS,
  type MyLever,
  markNoticeRead,
  type Notice,
} from './safeguards-api.js';

const t = safeguardsMessages.t;
const dateIn = (locale: Locale) => (iso: string) => formatTime(new Date(iso), locale);

/**
 * "Limits on your account": the limits in force on the person's account and the organizations
 * they manage, each with what it does in plain words, the reason, and an appeal form (once per
 * limit); then the messages they were sent about limits (the same words as the webhook's).
 */
export function OwnerSection({
  orgs,
}: {
  readonly orgs: readonly { readonly id: string; readonly name: string }[];
}) {
  const locale = useLocale();
  const [levers, retryLevers] = useResource(fetchMyLevers);
  const [notices, retryNotices] = useResource(fetchNotices);
  const orgName = (owner: string) =>
    owner.startsWith('org:')
      ? (orgs.find((o) => o.id === owner.slice(4))?.name ?? owner.slice(4))
      : undefined;
  const reload = useCallback(() => {
    retryLevers();
    retryNotices();
  }, [retryLevers, retryNotices]);

  return (
    <>
      <section class="sg-section" aria-labelledby="sg-mine">
        <h2 id="sg-mine">{t(locale, 'mine.heading')}</h2>
        <p>{t(locale, 'mine.lead')}</p>
        {levers.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
        ) : null}
        {levers.state === 'failed' ? (
          <ErrorMessage heading={t(locale, 'failed')} error={levers.error} onRetry={retryLevers} />
        ) : null}
        {levers.state === 'ready' && levers.data.length === 0 ? (
          <p class="sg-empty">{t(locale, 'mine.none')}</p>
        ) : null}
        {levers.state === 'ready' && levers.data.length > 0 ? (
          <ul class="sg-list">
            {levers.data.map((l) => (
              <MyLeverItem
                key={l.lever.id}
                item={l}
                orgName={orgName(l.owner)}
                onAppealed={reload}
              />
            ))}
          </ul>
        ) : null}
      </section>
      <section class="sg-section" aria-labelledby="sg-notices">
        <h2 id="sg-notices">{t(locale, 'notices.heading')}</h2>
        {notices.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
        ) : null}
        {notices.state === 'failed' ? (
          <ErrorMessage
            heading={t(locale, 'notices.failed')}
            error={notices.error}
            onRetry={retryNotices}
          />
        ) : null}
        {notices.state === 'ready' && notices.data.length === 0 ? (
          <p class="sg-empty">{t(locale, 'notices.none')}</p>
        ) : null}
        {notices.state === 'ready' && notices.data.length > 0 ? (
          <ul class="sg-list">
            {notices.data.map((n) => (
              <NoticeItem key={n.id} notice={n} orgName={orgName(n.owner)} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

function MyLeverItem({
  item,
  orgName,
  onAppealed,
}: {
  readonly item: MyLever;
  readonly orgName: string | undefined;
  readonly onAppealed: () => void;
}) {
  const locale = useLocale();
  const { lever, appeal } = item;
  const date = dateIn(locale);
  return (
    <li class="sg-card">
      <article aria-labelledby={`lever-${lever.id}`}>
        <h3 id={`lever-${lever.id}`} class="sg-card__title">
          {effectText(locale, lever, date)}
        </h3>
        {orgName === undefined ? null : (
          <p class="sg-meta">{t(locale, 'mine.org', { name: orgName })}</p>
        )}
        <p class="sg-written">
          {noticeText(locale, 'lever.pulled', { lever, note: null }, date).lines[1]}
        </p>
        {lever.expiresAt === null ? <p class="sg-meta">{t(locale, 'mine.no_end')}</p> : null}
        {appeal === null ? (
          <AppealForm leverId={lever.id} onSent={onAppealed} />
        ) : (
          <div class={`sg-status sg-status--${appeal.status}`} role="status">
            <p>
              {t(locale, `appeal.${appeal.status}`, {
                date: date(appeal.decided_at ?? appeal.created_at),
              })}
            </p>
            {appeal.decision_reason === null ? null : (
              <p class="sg-written">{t(locale, 'appeal.note', { note: appeal.decision_reason })}</p>
            )}
          </div>
        )}
      </article>
    </li>
  );
}

/** A disclosure: a large "Appeal this limit" button that opens a labelled text box. */
function AppealForm({
  leverId,
  onSent,
}: {
  readonly leverId: string;
  readonly onSent: () => void;
}) {
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const id = `appeal-${leverId}`;

  if (!open)
    return (
      <button
        type="button"
        class="button button--large"
        onClick={() => {
          setOpen(true);
          // After the box renders.
          setTimeout(() => box.current?.focus(), 0);
        }}
      >
        {t(locale, 'appeal.open')}
      </button>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const reason = text.trim();
    if (reason === '') return setProblem(t(locale, 'appeal.empty'));
    if (reason.length > MAX_APPEAL_CHARS)
      return setProblem(
        t(locale, 'appeal.too_long', { max: formatCount(MAX_APPEAL_CHARS, locale) }),
      );
    setBusy(true);
    setProblem(null);
    try {
      await appealLever(leverId, reason);
      onSent();
    } catch (err) {
      setProblem(`${t(locale, 'appeal.failed')} ${messageOf(err)}`);
      setBusy(false);
    }
  };

  return (
    <form class="sg-form" onSubmit={(e) => void submit(e)} noValidate>
      <label class="field-label" for={id}>
        {t(locale, 'appeal.label')}
      </label>
      <p class="sg-hint" id={`${id}-hint`}>
        {t(locale, 'appeal.hint', { max: formatCount(MAX_APPEAL_CHARS, locale) })}
      </p>
      <textarea
        ref={box}
        id={id}
        class="field sg-textarea"
        rows={5}
        maxLength={MAX_APPEAL_CHARS}
        value={text}
        aria-describedby={problem === null ? `${id}-hint` : `${id}-hint ${id}-problem`}
        aria-invalid={problem === null ? undefined : 'true'}
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {problem === null ? null : (
        <p class="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
      <div class="sg-actions">
        <button
          type="submit"
          class="button button--large"
          aria-disabled={busy ? 'true' : undefined}
        >
          {t(locale, busy ? 'appeal.sending' : 'appeal.send')}
        </button>
        <button
          type="button"
          class="button button--large button--secondary"
          onClick={() => {
            setOpen(false);
            setProblem(null);
          }}
        >
          {t(locale, 'appeal.cancel')}
        </button>
      </div>
    </form>
  );
}

function NoticeItem({
  notice,
  orgName,
}: {
  readonly notice: Notice;
  readonly orgName: string | undefined;
}) {
  const locale = useLocale();
  const [read, setRead] = useState(notice.read_at !== null);
  const text = noticeText(
    locale,
    notice.kind,
    { lever: notice.lever, note: notice.note },
    dateIn(locale),
  );
  return (
    <li class={`sg-card${read ? '' : ' sg-card--new'}`}>
      <article aria-labelledby={`notice-${notice.id}`}>
        <p class="sg-meta">
          {read ? null : <strong class="sg-badge">{t(locale, 'notices.new')}</strong>}{' '}
          {formatTime(new Date(notice.created_at), locale)}
          {orgName === undefined ? null : ` · ${t(locale, 'mine.org', { name: orgName })}`}
        </p>
        <h3 id={`notice-${notice.id}`} class="sg-card__title">
          {text.title}
        </h3>
        {text.lines.map((line) => (
          <p key={line} class="sg-written">
            {line}
          </p>
        ))}
        {read ? null : (
          <button
            type="button"
            class="button button--secondary"
            onClick={() => {
              void markNoticeRead(notice.id).then(
                () => setRead(true),
                () => undefined,
              );
            }}
          >
            {t(locale, 'notices.mark_read')}
          </button>
        )}
      </article>
    </li>
  );
}
