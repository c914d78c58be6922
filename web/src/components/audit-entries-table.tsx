import { type AuditEntries, type AuditEntry, fetchLatestEntries } from '../audit-api.js';
import { type AuditMessageKey, auditMessages } from '../i18n/audit-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
import { ErrorMessage } from './error-message.js';
import { formatCount, formatTime } from './format-time.js';
import { LoadingMessage } from './loading-message.js';

const load = (signal: AbortSignal) => fetchLatestEntries({ signal });

/** The latest entries of the log as a table (stacked into cards on narrow screens by CSS). */
export function AuditEntriesSection() {
  const locale = useLocale();
  const t = auditMessages.t;
  const [entries, retry] = useResource(load);
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">{t(locale, 'entries.heading')}</h2>
      {entries.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'entries.loading')}</LoadingMessage>
      ) : null}
      {entries.state === 'failed' ? (
        <ErrorMessage heading={t(locale, 'entries.failed')} error={entries.error} onRetry={retry} />
      ) : null}
      {entries.state === 'ready' ? <EntriesTable log={entries.data} /> : null}
    </section>
  );
}

function EntriesTable({ log }: { readonly log: AuditEntries }) {
  const locale = useLocale();
  const t = auditMessages.t;
  if (log.entries.length === 0) return <p>{t(locale, 'entries.none')}</p>;
  const caption =
    log.entries.length < log.treeSize
      ? t(locale, 'entries.caption_latest', {
          shown: log.entries.length,
          total: formatCount(log.treeSize, locale),
        })
      : auditMessages.plural(locale, 'entries.caption_all', log.entries.length);
  return (
    <table class="entries">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(locale, 'entries.col_index')}</th>
          <th scope="col">{t(locale, 'entries.col_when')}</th>
          <th scope="col">{t(locale, 'entries.col_who')}</th>
          <th scope="col">{t(locale, 'entries.col_what')}</th>
          <th scope="col">{t(locale, 'entries.col_result')}</th>
        </tr>
      </thead>
      <tbody>
        {log.entries.map((entry) => (
          <EntryRow key={entry.index} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}

/** Each cell carries its column name in data-label: narrow screens show it beside the value. */
function EntryRow({ entry }: { readonly entry: AuditEntry }) {
  const locale = useLocale();
  const t = auditMessages.t;
  return (
    <tr>
      <td data-label={t(locale, 'entries.col_index')} class="entries__index">
        {entry.index}
      </td>
      <td data-label={t(locale, 'entries.col_when')}>
        {entry.time === null ? (
          t(locale, 'entries.unknown_time')
        ) : (
          <time dateTime={entry.time.toISOString()}>{formatTime(entry.time, locale)}</time>
        )}
      </td>
      <td data-label={t(locale, 'entries.col_who')}>{entry.actor}</td>
      <td data-label={t(locale, 'entries.col_what')}>
        {/* One wrapper, so the narrow-screen layout has a label and a single value. */}
        <div>
          <code>{entry.action}</code>
          {entry.subject === undefined ? null : (
            <span class="entries__subject">
              {t(locale, 'entries.about', { subject: entry.subject })}
            </span>
          )}
          {entry.data === undefined ? null : (
            <details class="details details--compact">
              <summary>{t(locale, 'entries.more')}</summary>
              <pre class="entries__data">{JSON.stringify(entry.data, null, 2)}</pre>
            </details>
          )}
        </div>
      </td>
      <td data-label={t(locale, 'entries.col_result')} class="entries__outcome">
        <Outcome outcome={entry.outcome} />
      </td>
    </tr>
  );
}

const outcomeWords: Readonly<Record<string, { key: AuditMessageKey; tone: 'good' | 'bad' }>> = {
  success: { key: 'outcome.success', tone: 'good' },
  failure: { key: 'outcome.failure', tone: 'bad' },
  denied: { key: 'outcome.denied', tone: 'bad' },
  error: { key: 'outcome.error', tone: 'bad' },
};

function Outcome({ outcome }: { readonly outcome: string }) {
  const locale = useLocale();
  // Own keys only: an outcome named like an Object.prototype member is shown as recorded.
  const words = Object.hasOwn(outcomeWords, outcome) ? outcomeWords[outcome] : undefined;
  if (words === undefined) return <>{outcome}</>;
  return <span class={`outcome outcome--${words.tone}`}>{auditMessages.t(locale, words.key)}</span>;
}
