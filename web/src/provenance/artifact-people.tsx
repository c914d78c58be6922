import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { registryMessages } from '../i18n/registry-messages.js';
import {
  type AccessEntry,
  fetchGrants,
  fetchHistory,
  type Grant,
  type History,
  proofUrl,
} from './registry-api.js';
import { describeEntry, who } from './registry-words.js';

const t = registryMessages.t;

type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly value: T };

/** Load once per id (and again on retry); 403 is kept as an answer, not an error. */
function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    load(controller.signal).then(
      (value) => setLoaded({ state: 'ready', value }),
      (error: ApiError) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // The caller names what `load` depends on.
  }, [...deps, attempt]);
  return [loaded, () => setAttempt((n) => n + 1)] as const;
}

function grantee(text: string, locale: Parameters<typeof t>[0]): string {
  const [kind, ...rest] = text.split(':');
  const id = rest.join(':');
  if (kind === 'org') return t(locale, 'grantee.org', { id });
  if (kind === 'user') return t(locale, 'grantee.user', { id });
  if (kind === 'key') return t(locale, 'grantee.key', { id });
  return text;
}

/** Who else may read it (the organization's admins see this; others hear why not). */
export function GrantsSection({ id }: { readonly id: string }) {
  const locale = useLocale();
  const [loaded, retry] = useLoad<Grant[]>((signal) => fetchGrants(id, signal), [id]);
  return (
    <section aria-labelledby="grants-heading" class="registry-card">
      <h2 id="grants-heading">{t(locale, 'grants.heading')}</h2>
      {loaded.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'findings.loading')}</LoadingMessage>
      ) : null}
      {loaded.state === 'failed' && loaded.error.status === 403 ? (
        <p>{t(locale, 'grants.forbidden')}</p>
      ) : null}
      {loaded.state === 'failed' && loaded.error.status !== 403 ? (
        <ErrorMessage heading={t(locale, 'detail.failed')} error={loaded.error} onRetry={retry} />
      ) : null}
      {loaded.state === 'ready' && loaded.value.length === 0 ? (
        <p>{t(locale, 'grants.none')}</p>
      ) : null}
      {loaded.state === 'ready' && loaded.value.length > 0 ? (
        <ul>
          {loaded.value.map((g) => (
            <li key={g.id} class="registry-break">
              {grantee(g.grantee, locale)},{' '}
              {t(locale, 'grants.since', { time: formatTime(new Date(g.createdAt), locale) })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Who used it and when, from the audit log, a page at a time. */
export function HistorySection({
  id,
  first,
}: {
  readonly id: string;
  /** The first page when the page already has it. */
  readonly first: History | null;
}) {
  const locale = useLocale();
  const [loaded, retry] = useLoad<History>(
    (signal) => (first === null ? fetchHistory(id, null, signal) : Promise.resolve(first)),
    [id, first],
  );
  const [older, setOlder] = useState<{ entries: AccessEntry[]; next: number | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const entries =
    loaded.state === 'ready' ? [...loaded.value.entries, ...(older?.entries ?? [])] : [];
  const next = older !== null ? older.next : loaded.state === 'ready' ? loaded.value.next : null;
  const more = async () => {
    if (next === null || busy) return;
    setBusy(true);
    try {
      const page = await fetchHistory(id, next);
      setOlder((o) => ({ entries: [...(o?.entries ?? []), ...page.entries], next: page.next }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="history-heading" class="registry-card">
      <h2 id="history-heading">{t(locale, 'history.heading')}</h2>
      {loaded.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'findings.loading')}</LoadingMessage>
      ) : null}
      {loaded.state === 'failed' && loaded.error.status === 403 ? (
        <p>{t(locale, 'history.forbidden')}</p>
      ) : null}
      {loaded.state === 'failed' && loaded.error.status !== 403 ? (
        <ErrorMessage heading={t(locale, 'detail.failed')} error={loaded.error} onRetry={retry} />
      ) : null}
      {loaded.state === 'ready' ? <p>{t(locale, 'history.intro')}</p> : null}
      {loaded.state === 'ready' && entries.length === 0 ? <p>{t(locale, 'history.none')}</p> : null}
      {entries.length > 0 ? (
        <div class="registry-table-wrap">
          <table class="registry-table">
            <caption class="visually-hidden">{t(locale, 'history.label')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(locale, 'history.when')}</th>
                <th scope="col">{t(locale, 'history.who')}</th>
                <th scope="col">{t(locale, 'history.what')}</th>
                <th scope="col">{t(locale, 'history.entry')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.index} class={e.outcome === 'denied' ? 'registry-row--denied' : ''}>
                  <td data-label={t(locale, 'history.when')}>
                    {formatTime(new Date(e.time), locale)}
                  </td>
                  <td data-label={t(locale, 'history.who')} class="registry-break">
                    {who(e.actor, locale, e.actorName)}
                  </td>
                  <td data-label={t(locale, 'history.what')}>{describeEntry(e, locale)}</td>
                  <td data-label={t(locale, 'history.entry')}>
                    <a href={proofUrl(e.index)}>{e.index}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next !== null ? (
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={busy ? 'true' : undefined}
          onClick={() => void more()}
        >
          {t(locale, 'history.more')}
        </button>
      ) : null}
    </section>
  );
}
