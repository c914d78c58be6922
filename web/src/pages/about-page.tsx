import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { ModuleCards } from '../components/module-cards.js';
import { Page } from '../components/page.js';
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
  return (
    <Page
      title="About Shieldwall"
      lead="Shieldwall is free security software that you run yourself. It helps people spot scams, and helps the people who defend us work together against attacks that use AI."
    >
      <section aria-labelledby="installed-heading">
        <h2 id="installed-heading">What you can use here</h2>
        {modules.state === 'loading' ? (
          <LoadingMessage>Finding out what is set up on this server…</LoadingMessage>
        ) : null}
        {modules.state === 'failed' ? (
          <ErrorMessage
            heading="We can't show what is set up here."
            error={modules.error}
            onRetry={onRetry}
          />
        ) : null}
        {modules.state === 'ready' ? <ModuleCards modules={modules.data} /> : null}
      </section>
      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">What Shieldwall is for</h2>
        <p>
          Shieldwall works like a wall of shields: every person who reports a scam or an attack
          helps protect everyone else. It has six parts. The ones set up on this server have a
          button to open them.
        </p>
        <ul class="plan-list">
          {planParts.map((part) => (
            <li key={part.title} class="plan-list__item">
              <h3>{part.title}</h3>
              <p>{part.text}</p>
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
  if (modules.state !== 'ready') return null;
  const installed = modules.data.filter((module) => ids.includes(module.id));
  // Parts that are not installed say nothing: six "not available" lines would drown the rest.
  if (installed.length === 0) return null;
  return (
    <p class="plan-list__status">
      {installed.map((module) => (
        <AppLink key={module.id} href={modulePath(module.id)} class="button button--secondary">
          {module.title}
          <span aria-hidden="true">→</span>
        </AppLink>
      ))}
    </p>
  );
}
