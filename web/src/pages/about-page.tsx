import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { ModuleCards } from '../components/module-cards.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { moduleTitle, type ShellMessageKey, shellMessages } from '../i18n/shell-messages.js';
import { modulePath } from '../module-paths.js';
import type { ModuleInfo } from '../modules-api.js';
import type { Resource } from '../use-resource.js';
import { planParts } from './plan-parts.js';

interface AboutPageProps {
  readonly modules: Resource<ModuleInfo[]>;
  readonly onRetry: () => void;
}

/** What Shieldwall is, what you can use here today, and what the whole plan covers. */
export function AboutPage({ modules, onRetry }: AboutPageProps) {
  const locale = useLocale();
  const t = (key: ShellMessageKey) => shellMessages.t(locale, key);
  return (
    <Page title={t('about.title')} lead={t('about.lead')}>
      <section aria-labelledby="installed-heading">
        <h2 id="installed-heading">{t('about.installed')}</h2>
        {modules.state === 'loading' ? <LoadingMessage>{t('about.loading')}</LoadingMessage> : null}
        {modules.state === 'failed' ? (
          <ErrorMessage heading={t('about.failed')} error={modules.error} onRetry={onRetry} />
        ) : null}
        {modules.state === 'ready' ? <ModuleCards modules={modules.data} /> : null}
      </section>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('about.plan')}</h2>
        <p>{t('about.plan_text')}</p>
        <ul class="plan-list">
          {planParts.map((part) => (
            <li key={part.key} class="plan-list__item">
              <h3>{t(`plan.${part.key}.title`)}</h3>
              <p>{t(`plan.${part.key}.text`)}</p>
              <PartAvailability modules={modules} ids={part.modules} />
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}

function PartAvailability({
  modules,
  ids,
}: {
  readonly modules: Resource<ModuleInfo[]>;
  readonly ids: readonly string[];
}) {
  const locale = useLocale();
  if (modules.state !== 'ready') return null;
  const installed = modules.data.filter((module) => ids.includes(module.id));
  // Parts that are not installed say nothing: six "not available" lines would drown the rest.
  if (installed.length === 0) return null;
  return (
    <p class="plan-list__status">
      {installed.map((module) => (
        <AppLink key={module.id} href={modulePath(module.id)} class="button button--secondary">
          {moduleTitle(locale, module)}
          <span aria-hidden="true">→</span>
        </AppLink>
      ))}
    </p>
  );
}
