import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { useResource } from '../use-resource.js';
import { fetchSubscriptions, type Subscription } from './intel-api.js';

const load = (signal: AbortSignal) => fetchSubscriptions({ signal });

/**
 * "Other servers" (operators only): each TAXII collection this server keeps a
 * copy of, its last sync and last error. Hidden for anyone the server answers
 * 401 or 403, so analysts do not see a section they cannot use.
 */
export function FederationSection({ titles }: { readonly titles: ReadonlyMap<string, string> }) {
  const [subscriptions, retry] = useResource(load);
  if (subscriptions.state === 'loading') return null;
  if (
    subscriptions.state === 'failed' &&
    (subscriptions.error.status === 401 || subscriptions.error.status === 403)
  )
    return null;
  return (
    <section aria-labelledby="federation-heading" class="intel-section">
      <h2 id="federation-heading">Other servers (federation)</h2>
      <p>Collections on other TAXII servers that this server copies, and how the last copy went.</p>
      {subscriptions.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the federation status."
          error={subscriptions.error}
          onRetry={retry}
        />
      ) : null}
      {subscriptions.state === 'ready' && subscriptions.data.length === 0 ? (
        <p>
          This server copies no other servers yet. An operator adds one with{' '}
          <code>shieldwall intel sync add</code>.
        </p>
      ) : null}
      {subscriptions.state === 'ready' && subscriptions.data.length > 0 ? (
        <ul class="intel-list" aria-label="Servers this server copies">
          {subscriptions.data.map((s) => (
            <SubscriptionItem key={s.id} subscription={s} titles={titles} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SubscriptionItem({
  subscription: s,
  titles,
}: {
  readonly subscription: Subscription;
  readonly titles: ReadonlyMap<string, string>;
}) {
  const failing = s.lastError !== null;
  return (
    <li class="intel-item">
      <h3 class="intel-item__heading intel-break">{s.url}</h3>
      <dl class="facts">
        <dt>Copied into</dt>
        <dd>{titles.get(s.localCollection) ?? s.localCollection}</dd>
        <dt>Last good sync</dt>
        <dd>{s.lastSuccess === null ? 'Never yet' : formatTime(new Date(s.lastSuccess))}</dd>
        <dt>Objects copied</dt>
        <dd>{s.objectsSynced.toLocaleString()}</dd>
        <dt>Checks every</dt>
        <dd>{s.intervalSeconds} seconds</dd>
        <dt>Last error</dt>
        <dd class={failing ? 'intel-bad' : undefined}>
          {failing
            ? `${s.lastError} (${s.failures} ${s.failures === 1 ? 'failure' : 'failures'} in a row)`
            : 'None'}
        </dd>
      </dl>
    </li>
  );
}
