import { type AuditEntries, type AuditEntry, fetchLatestEntries } from '../audit-api.js';
import { useResource } from '../use-resource.js';
import { ErrorMessage } from './error-message.js';
import { formatTime } from './format-time.js';
import { LoadingMessage } from './loading-message.js';

const load = (signal: AbortSignal) => fetchLatestEntries({ signal });

/** The latest entries of the log as a table (stacked into cards on narrow screens by CSS). */
export function AuditEntriesSection() {
  const [entries, retry] = useResource(load);
  return (
    <section aria-labelledby="entries-heading">
      <h2 id="entries-heading">Latest entries</h2>
      {entries.state === 'loading' ? (
        <LoadingMessage>Loading the latest entries…</LoadingMessage>
      ) : null}
      {entries.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the log entries."
          error={entries.error}
          onRetry={retry}
        />
      ) : null}
      {entries.state === 'ready' ? <EntriesTable log={entries.data} /> : null}
    </section>
  );
}

function EntriesTable({ log }: { readonly log: AuditEntries }) {
  if (log.entries.length === 0) return <p>The log has no entries yet.</p>;
  const caption =
    log.entries.length < log.treeSize
      ? `The latest ${log.entries.length} of ${log.treeSize.toLocaleString()} entries, newest first`
      : `All ${log.entries.length} ${log.entries.length === 1 ? 'entry' : 'entries'}, newest first`;
  return (
    <table class="entries">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">No.</th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What happened</th>
          <th scope="col">Result</th>
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
  return (
    <tr>
      <td data-label="No." class="entries__index">
        {entry.index}
      </td>
      <td data-label="When">
        {entry.time === null ? (
          'Unknown'
        ) : (
          <time dateTime={entry.time.toISOString()}>{formatTime(entry.time)}</time>
        )}
      </td>
      <td data-label="Who">{entry.actor}</td>
      <td data-label="What happened">
        {/* One wrapper, so the narrow-screen layout has a label and a single value. */}
        <div>
          <code>{entry.action}</code>
          {entry.subject === undefined ? null : (
            <span class="entries__subject">about {entry.subject}</span>
          )}
          {entry.data === undefined ? null : (
            <details class="details details--compact">
              <summary>More</summary>
              <pre class="entries__data">{JSON.stringify(entry.data, null, 2)}</pre>
            </details>
          )}
        </div>
      </td>
      <td data-label="Result" class="entries__outcome">
        <Outcome outcome={entry.outcome} />
      </td>
    </tr>
  );
}

const outcomeWords: Readonly<Record<string, { text: string; tone: 'good' | 'bad' }>> = {
  success: { text: 'Succeeded', tone: 'good' },
  failure: { text: 'Failed', tone: 'bad' },
  denied: { text: 'Refused', tone: 'bad' },
  error: { text: 'Failed', tone: 'bad' },
};

function Outcome({ outcome }: { readonly outcome: string }) {
  const words = outcomeWords[outcome];
  if (words === undefined) return <>{outcome}</>;
  return <span class={`outcome outcome--${words.tone}`}>{words.text}</span>;
}
