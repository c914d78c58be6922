import { useLocale } from '../i18n/locale.js';
import { moduleTitle, shellMessages } from '../i18n/shell-messages.js';
import { ABOUT_PATH, modulePath, servesPath } from '../module-paths.js';
import type { ModuleInfo } from '../modules-api.js';
import type { Resource } from '../use-resource.js';
import { AppLink } from './app-link.js';

interface PrimaryNavProps {
  readonly modules: Resource<ModuleInfo[]>;
  readonly path: string;
}

/**
 * "Is this a scam?" (the home page) first, then one link per other installed
 * module in the order the server lists them, then About. The scam checker is
 * always there: it works on the device even while the module list loads (or if
 * it failed; the page itself says what is happening, so it is not repeated here).
 */
export function PrimaryNav({ modules, path }: PrimaryNavProps) {
  const locale = useLocale();
  const installed = modules.state === 'ready' ? modules.data : [];
  const others = installed.filter((module) => modulePath(module.id) !== '/');
  const home = path === '/' || path === '/protect';
  return (
    <nav class="primary-nav" aria-label={shellMessages.t(locale, 'nav.label')}>
      <ul class="primary-nav__list">
        <li>
          <AppLink href="/" class="primary-nav__link" current={home}>
            {shellMessages.t(locale, 'nav.check')}
          </AppLink>
        </li>
        {others.map((module) => (
          <li key={module.id}>
            <AppLink
              href={modulePath(module.id)}
              class="primary-nav__link"
              current={servesPath(module.id, path)}
            >
              {moduleTitle(locale, module)}
            </AppLink>
          </li>
        ))}
        <li>
          <AppLink href={ABOUT_PATH} class="primary-nav__link" current={path === ABOUT_PATH}>
            {shellMessages.t(locale, 'nav.about')}
          </AppLink>
        </li>
      </ul>
    </nav>
  );
}
