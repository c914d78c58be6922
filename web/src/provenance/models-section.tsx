import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { registryMessages } from '../i18n/registry-messages.js';
import {
  type Artifact,
  artifactPath,
  ENVIRONMENTS,
  type Environment,
  fetchArtifacts,
} from './registry-api.js';
import { formatSize, ScanBadge } from './registry-words.js';

const t = registryMessages.t;

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly artifacts: readonly Artifact[] };

/** The models the person may see, newest first, with a filter by environment. */
export function ModelsSection() {
  const locale = useLocale();
  const [environment, setEnvironment] = useState<Environment | undefined>(undefined);
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetchArtifacts(environment, controller.signal).then(
      (artifacts) => setLoaded({ state: 'ready', artifacts }),
      (error: ApiError) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error });
      },
    );
    return () => controller.abort();
    // `attempt` is a dependency only to load again on retry.
  }, [environment, attempt]);

  if (loaded.state === 'failed' && loaded.error.status === 403)
    return <p class="notice">{t(locale, 'forbidden')}</p>;
  return (
    <section aria-labelledby="models-heading" class="registry-section">
      <h2 id="models-heading" class="visually-hidden">
        {t(locale, 'list_label')}
      </h2>
      <fieldset class="registry-filters">
        <legend>{t(locale, 'filters.legend')}</legend>
        <label class="registry-filters__field">
          <span>{t(locale, 'filters.environment')}</span>
          <select
            class="field registry-filters__select"
            value={environment ?? ''}
            onChange={(e) => {
              const v = (e.currentTarget as HTMLSelectElement).value;
              setEnvironment(ENVIRONMENTS.find((x) => x === v));
            }}
          >
            <option value="">{t(locale, 'filters.any')}</option>
            {ENVIRONMENTS.map((env) => (
              <option key={env} value={env}>
                {t(locale, `env.${env}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      {loaded.state === 'loading' ? <LoadingMessage>{t(locale, 'loading')}</LoadingMessage> : null}
      {loaded.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'failed')}
          error={loaded.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : null}
      {loaded.state === 'ready' && loaded.artifacts.length === 0 ? (
        <p class="registry-empty">
          {t(locale, environment === undefined ? 'none' : 'none_filtered')}
        </p>
      ) : null}
      {loaded.state === 'ready' && loaded.artifacts.length > 0 ? (
        <ol class="registry-list" aria-label={t(locale, 'list_label')}>
          {loaded.artifacts.map((a) => (
            <li key={a.id} class="registry-item">
              <article aria-labelledby={`model-${a.id}`}>
                <h3 id={`model-${a.id}`} class="registry-item__title registry-break">
                  <AppLink href={artifactPath(a.id)}>
                    {a.name}{' '}
                    <span class="registry-item__version">
                      {t(locale, 'facts.version', { version: a.version })}
                    </span>
                  </AppLink>
                </h3>
                <dl class="registry-facts">
                  <div>
                    <dt>{t(locale, 'facts.environment')}</dt>
                    <dd>{t(locale, `env.${a.environment}`)}</dd>
                  </div>
                  <div>
                    <dt>{t(locale, 'facts.size')}</dt>
                    <dd>{formatSize(a.size, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t(locale, 'facts.signed')}</dt>
                    <dd class="registry-break">
                      {a.signed
                        ? t(locale, 'facts.signed_by', { name: a.signerName ?? '?' })
                        : t(locale, 'facts.unsigned')}
                    </dd>
                  </div>
                  <div>
                    <dt>{t(locale, 'facts.scan')}</dt>
                    <dd>
                      <ScanBadge verdict={a.scan ?? 'not_scanned'} />
                    </dd>
                  </div>
                  <div>
                    <dt>{t(locale, 'facts.uploaded')}</dt>
                    <dd>{formatTime(new Date(a.createdAt), locale)}</dd>
                  </div>
                </dl>
                {a.status !== 'ready' ? <p>{t(locale, 'facts.status_pending')}</p> : null}
              </article>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
