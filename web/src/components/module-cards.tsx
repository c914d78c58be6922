import { modulePath } from '../module-paths.js';
import type { ModuleInfo } from '../modules-api.js';
import { AppLink } from './app-link.js';

/** One card per installed module: its name as the link, and what it does. */
export function ModuleCards({ modules }: { readonly modules: readonly ModuleInfo[] }) {
  if (modules.length === 0) {
    return (
      <p>
        Nothing is set up on this server yet. The person who looks after it can add parts of
        Shieldwall.
      </p>
    );
  }
  return (
    <ul class="cards">
      {modules.map((module) => (
        <li key={module.id} class="card">
          <h3 class="card__title">
            <AppLink href={modulePath(module.id)} class="card__link">
              {module.title}
            </AppLink>
          </h3>
          <p>{module.summary}</p>
        </li>
      ))}
    </ul>
  );
}
