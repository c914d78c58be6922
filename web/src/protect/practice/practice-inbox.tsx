import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { practiceMessages, sampleLocale } from '../../../../src/protect/engine/practice/index.js';
import { messageOf } from '../../access/access-client.js';
import { useLocale } from '../../i18n/locale.js';
import {
  getInbox,
  type InboxItem,
  type Metrics,
  markOpened,
  reportMessage,
} from './exercises-api.js';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly items: readonly InboxItem[]; readonly mine: Metrics };

/** Links in a practice message lead to the teaching page; the address shown stays as written. */
const LINK = /https?:\/\/[^\s]+/g;

function when(locale: 'en' | 'es', ms: number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** The member's practice inbox: open a message, report it, or (a lesson) follow its link. */
export function PracticeInbox() {
  const locale = useLocale();
  const t = practiceMessages.t;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [openId, setOpenId] = useState<string | null>(null);
  const [thanks, setThanks] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const inbox = await getInbox();
      setLoaded({ state: 'ready', items: inbox.items, mine: inbox.mine });
    } catch (err) {
      setLoaded({ state: 'failed', message: messageOf(err) });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const open = (item: InboxItem) => {
    setOpenId(item.id);
    setThanks(null);
    if (item.openedAt === null) markOpened(item.id).then(load, () => undefined);
  };
  const report = async (item: InboxItem) => {
    try {
      await reportMessage(item.id);
      setThanks(item.id);
      setProblem(null);
      await load();
    } catch (err) {
      setProblem(messageOf(err));
    }
  };

  if (loaded.state === 'loading') return <p role="status">{t(locale, 'loading')}</p>;
  if (loaded.state === 'failed') return <p role="alert">{loaded.message}</p>;
  const { items, mine } = loaded;
  return (
    <section aria-labelledby="inbox-heading" class="practice-inbox">
      <h2 id="inbox-heading">{t(locale, 'inbox_messages')}</h2>
      {items.length === 0 ? <p>{t(locale, 'inbox_empty')}</p> : null}
      <ul class="inbox-list">
        {items.map((item) => {
          const status =
            item.reportedAt !== null
              ? 'status_reported'
              : item.clickedAt !== null
                ? 'status_clicked'
                : item.openedAt !== null
                  ? 'status_opened'
                  : 'status_new';
          return (
            <li key={item.id} class="inbox-item">
              <p class="inbox-item__head">
                <strong lang={sampleLocale(item.sampleId)}>
                  {item.message.subject ?? item.message.from}
                </strong>
                <span class={`inbox-item__status inbox-item__status--${status}`}>
                  {t(locale, status)}
                </span>
                <span class="inbox-item__when">
                  {t(locale, 'delivered_at', { when: when(locale, item.deliverAt) })}
                </span>
              </p>
              {openId === item.id ? (
                <InboxMessage item={item} />
              ) : (
                <button type="button" class="button button--secondary" onClick={() => open(item)}>
                  {t(locale, 'open_message')}
                  <span class="visually-hidden">: {item.message.subject ?? item.message.from}</span>
                </button>
              )}
              {openId === item.id && item.reportedAt === null ? (
                <button type="button" class="button" onClick={() => void report(item)}>
                  {t(locale, 'report_button')}
                </button>
              ) : null}
              {thanks === item.id ? (
                <p role="status" class="inbox-thanks">
                  {t(locale, 'reported_thanks')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {problem === null ? null : <p role="alert">{problem}</p>}
      <h3>{t(locale, 'your_results')}</h3>
      <p>
        {t(locale, 'your_results_line', {
          reported: mine.reported,
          delivered: mine.delivered,
          clicked: mine.clicked,
        })}
      </p>
    </section>
  );
}

function InboxMessage({ item }: { readonly item: InboxItem }) {
  const locale = useLocale();
  const t = practiceMessages.t;
  const body = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => body.current?.focus(), []);
  const href = `/protect/exercises#caught=${item.token}`;
  const parts: (string | { link: string })[] = [];
  let at = 0;
  for (const match of item.message.body.matchAll(LINK)) {
    parts.push(item.message.body.slice(at, match.index), { link: match[0] });
    at = match.index + match[0].length;
  }
  parts.push(item.message.body.slice(at));
  return (
    <div
      class="practice-message inbox-message"
      lang={sampleLocale(item.sampleId)}
      tabIndex={-1}
      ref={body}
    >
      <div>
        <span class="practice-message__label" lang={locale}>
          {t(locale, 'from_label')}:{' '}
        </span>
        {item.message.from}
      </div>
      {item.message.subject === null ? null : (
        <div>
          <span class="practice-message__label" lang={locale}>
            {t(locale, 'subject_label')}:{' '}
          </span>
          {item.message.subject}
        </div>
      )}
      <p class="inbox-message__body">
        {parts.map((part, i) =>
          typeof part === 'string' ? (
            part
          ) : (
            <a key={i} href={href}>
              {part.link}
            </a>
          ),
        )}
      </p>
    </div>
  );
}
