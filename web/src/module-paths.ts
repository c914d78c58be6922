/**
 * Modules whose page lives somewhere other than `/<id>`: the scam checker is
 * the home page, the first thing a person sees.
 */
const modulePaths: Readonly<Record<string, string>> = {
  protect: '/',
};

/** The in-app path of a module's page: `/<id>` unless listed above. */
export function modulePath(id: string): string {
  return modulePaths[id] ?? `/${id}`;
}

/** Modules whose page also answers addresses under its own (`/access/security`, …). */
const modulesWithSubpages: ReadonlySet<string> = new Set([
  'access',
  'detect',
  'exchange',
  'provenance',
  'safeguards',
]);

/** Whether a module's page serves `path`: its own address, or one under it when it has pages of its own. */
export function servesPath(id: string, path: string): boolean {
  const base = modulePath(id);
  return path === base || (modulesWithSubpages.has(id) && path.startsWith(`${base}/`));
}

/** What Shieldwall is: linked from the navigation and the footer. */
export const ABOUT_PATH = '/about';
