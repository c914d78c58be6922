import { useLocale } from '../i18n/locale.js';
import { moduleTitle, shellMessages } from '../i18n/shell-messages.js';
import { modulePath } from '../module-paths.js';
import type { ModuleInfo } from '../modules-api.js';
import { AppLink } from './app-link.js';

/** One card per installed module: its name as the link, and what it does. */
export function ModuleCards({ modules }: { readonly modules: readonly ModuleInfo[] }) {
  const locale = useLocale();
  if (modules.length === 0) return <p>{shellMessages.t(locale, 'about.nothing')}</p>;
  return (
    <ul class="cards">
      {modules.map((module) => (
        <li key={module.id} class="card">
          <h3 class="card__title">
            <AppLink href={modulePath(module.id)} class="card__link">
              {moduleTitle(locale, module)}
            </AppLink>
          </h3>
          <p>{module.summary}</p>
        </li>
      ))}
    </ul>
  );
}
