import { ABOUT_PATH, servesPath } from '../module-paths.js';
import type { ModuleInfo } from '../modules-api.js';
import { protectSubpage } from '../protect/protect-subpages.js';
import type { Resource } from '../use-resource.js';
import { AboutPage } from './about-page.js';
import { LoadingPage } from './loading-page.js';
import { modulePages } from './module-pages.js';
import { ModulePendingPage } from './module-pending-page.js';
import { NotFoundPage } from './not-found-page.js';
import { ScamCheckPage } from './scam-check-page.js';
import { SHARED_PATH, SharedResultPage } from './shared-result-page.js';
import { UnreachablePage } from './unreachable-page.js';

interface PageForPathProps {
  readonly path: string;
  readonly modules: Resource<ModuleInfo[]>;
  readonly onRetryModules: () => void;
}

/**
 * Routes: `/` is "Is this a scam?" (also at `/protect`, the module's own
 * address), `/shared/<token>` a result someone shared, `/about` what Shieldwall
 * is; `/<id>` is an installed module's page. The scam checker works on the
 * device, so its pages never wait for the module list. A module's page is shown
 * only when the server lists the module, so a missing module is "not found"
 * rather than a page whose every request fails.
 */
export function PageForPath({ path, modules, onRetryModules }: PageForPathProps) {
  if (path === '/' || path === '/protect') return <ScamCheckPage />;
  if (path.startsWith('/protect/')) {
    const ProtectPage = protectSubpage(path);
    return ProtectPage === undefined ? <NotFoundPage /> : <ProtectPage />;
  }
  const shared = SHARED_PATH.exec(path);
  if (shared?.[1] !== undefined) return <SharedResultPage token={decodeToken(shared[1])} />;
  if (path === ABOUT_PATH) return <AboutPage modules={modules} onRetry={onRetryModules} />;
  if (modules.state === 'loading') return <LoadingPage />;
  if (modules.state === 'failed')
    return <UnreachablePage error={modules.error} onRetry={onRetryModules} />;
  const module = modules.data.find((candidate) => servesPath(candidate.id, path));
  if (module === undefined) return <NotFoundPage />;
  const ModulePage = modulePages[module.id];
  return ModulePage === undefined ? (
    <ModulePendingPage module={module} />
  ) : (
    <ModulePage module={module} />
  );
}

function decodeToken(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
