import { type Checkpoint, fetchCheckpoint } from '../audit-api.js';
import { auditMessages } from '../i18n/audit-messages.js';
import { useLocale } from '../i18n/locale.js';
import { withNodes } from '../i18n/rich-text.js';
import { useResource } from '../use-resource.js';
import { CopyButton } from './copy-button.js';
import { ErrorMessage } from './error-message.js';
import { formatCount } from './format-time.js';
import { LoadingMessage } from './loading-message.js';

const load = (signal: AbortSignal) => fetchCheckpoint({ signal });

/** The current signed checkpoint, with a button to keep a copy of it. */
export function CheckpointPanel() {
  const locale = useLocale();
  const t = auditMessages.t;
  const [checkpoint, retry] = useResource(load);
  return (
    <section aria-labelledby="checkpoint-heading">
      <h2 id="checkpoint-heading">{t(locale, 'checkpoint.heading')}</h2>
      {checkpoint.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'checkpoint.loading')}</LoadingMessage>
      ) : null}
      {checkpoint.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'checkpoint.failed')}
          error={checkpoint.error}
          onRetry={retry}
        />
      ) : null}
      {checkpoint.state === 'ready' ? <CheckpointView checkpoint={checkpoint.data} /> : null}
    </section>
  );
}

function CheckpointView({ checkpoint }: { readonly checkpoint: Checkpoint }) {
  const locale = useLocale();
  const t = auditMessages.t;
  return (
    <>
      <p>
        {checkpoint.size === 0
          ? t(locale, 'checkpoint.empty')
          : withNodes(auditMessages.plural(locale, 'checkpoint.covers', checkpoint.size), {
              size: <strong>{formatCount(checkpoint.size, locale)}</strong>,
            })}
      </p>
      <pre class="checkpoint">{checkpoint.text}</pre>
      <CopyButton
        text={checkpoint.text}
        label={t(locale, 'checkpoint.copy')}
        confirmation={t(locale, 'checkpoint.copied')}
      />
      <details class="details">
        <summary>{t(locale, 'checkpoint.technical')}</summary>
        <dl class="facts">
          <dt>{t(locale, 'checkpoint.log_name')}</dt>
          <dd>{checkpoint.origin}</dd>
          <dt>{t(locale, 'checkpoint.root')}</dt>
          <dd>
            <code>{checkpoint.root}</code>
          </dd>
          <dt>{t(locale, 'checkpoint.key')}</dt>
          <dd>
            <code>{checkpoint.publicKey}</code>
          </dd>
        </dl>
      </details>
    </>
  );
}
