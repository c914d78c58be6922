import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useLocale } from '../i18n/locale.js';
import { type RegistryMessageKey, registryMessages } from '../i18n/registry-messages.js';
import { artifactPath, type Finding, fetchFindings } from './registry-api.js';
import { who } from './registry-words.js';

const t = registryMessages.t;
const KINDS = ['volume', 'hour', 'network', 'bulk_restricted'];

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly findings: readonly Finding[] };

/**
 * Insider-threat findings for operators: what happened in words, when, whose account, and the
 * lever that acts on it (a command an operator copies). Others hear that this is for operators.
 */
export function FindingsSection() {
  const locale = useLocale();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetchFindings(controller.signal).then(
      (findings) => setLoaded({ state: 'ready', findings }),
      (error: ApiError) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  if (loaded.state === 'loading')
    return <LoadingMessage>{t(locale, 'findings.loading')}</LoadingMessage>;
  if (loaded.state === 'failed')
    return loaded.error.status === 403 ? (
      <p class="notice">{t(locale, 'findings.forbidden')}</p>
    ) : (
      <ErrorMessage
        heading={t(locale, 'findings.failed')}
        error={loaded.error}
        onRetry={() => setAttempt((n) => n + 1)}
      />
    );
  if (loaded.findings.length === 0)
    return <p class="registry-empty">{t(locale, 'findings.none')}</p>;
  return (
    <ol class="registry-list" aria-label={t(locale, 'findings.label')}>
      {loaded.findings.map((f) => (
        <li key={f.id} class="registry-item">
          <article aria-labelledby={`finding-${f.id}`}>
            <h2 id={`finding-${f.id}`} class="registry-item__title">
              {KINDS.includes(f.kind) ? t(locale, `kind.${f.kind}` as RegistryMessageKey) : f.kind}
            </h2>
            <p class="registry-break" lang={locale === 'en' ? undefined : 'en'}>
              {f.explanation}
            </p>
            {locale === 'en' ? null : (
              <p class="registry-muted">{t(locale, 'findings.in_english')}</p>
            )}
            <dl class="registry-facts">
              <div>
                <dt>{t(locale, 'findings.account')}</dt>
                <dd class="registry-break">{who(f.account, locale)}</dd>
              </div>
              <div>
                <dt>{t(locale, 'findings.when')}</dt>
                <dd>{formatTime(new Date(f.at), locale)}</dd>
              </div>
              <div class="registry-facts__wide">
                <dt>{t(locale, 'findings.lever')}</dt>
                <dd>
                  <code class="registry-code registry-break">{f.suggestedLever}</code>
                </dd>
              </div>
            </dl>
            {f.artifactId === null ? null : (
              <p>
                <AppLink href={artifactPath(f.artifactId)}>{t(locale, 'findings.model')}</AppLink>
              </p>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
