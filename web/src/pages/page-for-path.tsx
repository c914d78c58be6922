import type { ModuleInfo } from '../modules-api.js';
import type { Resource } from '../use-resource.js';
import { HomePage } from './home-page.js';
import { LoadingPage } from './loading-page.js';
import { modulePages } from './module-pages.js';
import { ModulePendingPage } from './module-pending-page.js';
import { NotFoundPage } from './not-found-page.js';
import { UnreachablePage } from './unreachable-page.js';

interface PageForPathProps {
  readonly path: string;
  readonly modules: Resource<ModuleInfo[]>;
  readonly onRetryModules: () => void;
}

/**
 * Routes: `/` is home; `/<id>` is an installed module's page. A module's page
 * is shown only when the server lists the module, so a missing module is "not
 * found" rather than a page whose every request fails.
 */
export function PageForPath({ path, modules, onRetryModules }: PageForPathProps) {
  if (path === '/') return <HomePage modules={modules} onRetry={onRetryModules} />;
  if (modules.state === 'loading') return <LoadingPage />;
  if (modules.state === 'failed')
    return <UnreachablePage error={modules.error} onRetry={onRetryModules} />;
  const module = modules.data.find((candidate) => `/${candidate.id}` === path);
  if (module === undefined) return <NotFoundPage />;
  const ModulePage = modulePages[module.id];
  return ModulePage === undefined ? (
    <ModulePendingPage module={module} />
  ) : (
    <ModulePage module={module} />
  );
}
