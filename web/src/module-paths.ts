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

/** What Shieldwall is: linked from the navigation and the footer. */
export const ABOUT_PATH = '/about';
