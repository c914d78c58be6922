import type { ModuleInfo } from '../modules-api.js';
import type { Resource } from '../use-resource.js';
import { AppLink } from './app-link.js';

interface PrimaryNavProps {
  readonly modules: Resource<ModuleInfo[]>;
  readonly path: string;
}

/**
 * Home plus one link per installed module, in the order the server lists them.
 * While the list loads (or if it failed) only Home is shown; the page itself
 * says what is happening, so the message is not repeated here.
 */
export function PrimaryNav({ modules, path }: PrimaryNavProps) {
  const installed = modules.state === 'ready' ? modules.data : [];
  return (
    <nav class="primary-nav" aria-label="Main">
      <ul class="primary-nav__list">
        <li>
          <AppLink href="/" class="primary-nav__link" current={path === '/'}>
            Home
          </AppLink>
        </li>
        {installed.map((module) => (
          <li key={module.id}>
            <AppLink
              href={`/${module.id}`}
              class="primary-nav__link"
              current={path === `/${module.id}`}
            >
              {module.title}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
