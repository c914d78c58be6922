import type { ModulePageProps } from '../pages/module-pages.js';
import { lazyPage } from '../protect/lazy-page.js';

/** The page's code, catalogs and styles: their own chunk, loaded on first visit. */
const Console = lazyPage(async () => (await import('./provenance-console.js')).ProvenanceConsole);

/**
 * "Your AI models" (`/provenance`), loaded on first visit so the first load of Shieldwall
 * (the scam checker) stays small for everyone.
 */
export function ProvenancePage(_: ModulePageProps) {
  return <Console />;
}
