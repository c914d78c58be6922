import { useEffect, useRef } from 'preact/hooks';
import { PrimaryNav } from './components/primary-nav.js';
import { SiteFooter } from './components/site-footer.js';
import { SiteHeader } from './components/site-header.js';
import { MAIN_ID, SkipLink } from './components/skip-link.js';
import { fetchModules } from './modules-api.js';
import { PageForPath } from './pages/page-for-path.js';
import { useLocation } from './router.js';
import { useResource } from './use-resource.js';

const loadModules = (signal: AbortSignal) => fetchModules({ signal });

/**
 * The shell every module's page plugs into: skip link, header with the main
 * navigation (built from the modules the server has), the page, a footer.
 */
export function App() {
  const { path, visit } = useLocation();
  const [modules, retryModules] = useResource(loadModules);
  const main = useRef<HTMLElement>(null);

  // After navigating (not on first load, which would skip the skip link), start
  // at the top and put focus on the new page's heading so screen readers say
  // where we are and the next Tab continues from there.
  useEffect(() => {
    if (visit === 0) return;
    window.scrollTo(0, 0);
    main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [visit]);

  return (
    <>
      <SkipLink />
      <SiteHeader>
        <PrimaryNav modules={modules} path={path} />
      </SiteHeader>
      <main id={MAIN_ID} ref={main} tabIndex={-1} class="main">
        <PageForPath path={path} modules={modules} onRetryModules={retryModules} />
      </main>
      <SiteFooter />
    </>
  );
}
