import { type Checkpoint, fetchCheckpoint } from '../audit-api.js';
import { useResource } from '../use-resource.js';
import { CopyButton } from './copy-button.js';
import { ErrorMessage } from './error-message.js';
import { LoadingMessage } from './loading-message.js';

const load = (signal: AbortSignal) => fetchCheckpoint({ signal });

/** The current signed checkpoint, with a button to keep a copy of it. */
export function CheckpointPanel() {
  const [checkpoint, retry] = useResource(load);
  return (
    <section aria-labelledby="checkpoint-heading">
      <h2 id="checkpoint-heading">Current checkpoint</h2>
      {checkpoint.state === 'loading' ? (
        <LoadingMessage>Loading the checkpoint…</LoadingMessage>
      ) : null}
      {checkpoint.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the checkpoint."
          error={checkpoint.error}
          onRetry={retry}
        />
      ) : null}
      {checkpoint.state === 'ready' ? <CheckpointView checkpoint={checkpoint.data} /> : null}
    </section>
  );
}

function CheckpointView({ checkpoint }: { readonly checkpoint: Checkpoint }) {
  return (
    <>
      <p>
        {checkpoint.size === 0 ? (
          'The log is empty so far. This checkpoint says so, signed.'
        ) : (
          <>
            This checkpoint covers the first <strong>{checkpoint.size.toLocaleString()}</strong>{' '}
            {checkpoint.size === 1 ? 'entry' : 'entries'} of the log.
          </>
        )}
      </p>
      <pre class="checkpoint">{checkpoint.text}</pre>
      <CopyButton
        text={checkpoint.text}
        label="Copy checkpoint"
        confirmation="Checkpoint copied. Paste it somewhere safe, such as an email to yourself."
      />
      <details class="details">
        <summary>Technical details</summary>
        <dl class="facts">
          <dt>Log name</dt>
          <dd>{checkpoint.origin}</dd>
          <dt>Root hash</dt>
          <dd>
            <code>{checkpoint.root}</code>
          </dd>
          <dt>Public key</dt>
          <dd>
            <code>{checkpoint.publicKey}</code>
          </dd>
        </dl>
      </details>
    </>
  );
}
