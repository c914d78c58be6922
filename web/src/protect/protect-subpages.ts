import type { ComponentType } from 'preact';
import { lazyPage } from './lazy-page.js';
import { ExercisesRoute, PracticeRoute } from './practice/lazy-pages.js';

/**
 * Pages of the protect module besides the scam checker, at `/protect/<slug>`: what to do after a
 * click, where to report, practice, the small-business checkup, email-domain health. They work
 * without the module list (like the checker), so the shell routes them before waiting for it.
 * Each loads on first visit (lazyPage). Add a page with one line here.
 */
export const protectSubpages: Readonly<Record<string, ComponentType>> = {
  checkup: lazyPage(async () => (await import('./checkup/checkup-page.js')).CheckupPage),
  clicked: lazyPage(async () => (await import('./after/clicked-page.js')).ClickedPage),
  'email-domain': lazyPage(
    async () => (await import('./domain/email-domain-page.js')).EmailDomainPage,
  ),
  exercises: ExercisesRoute,
  practice: PracticeRoute,
  report: lazyPage(async () => (await import('./after/report-page.js')).ReportPage),
};

/** The page for `/protect/<slug>`, or undefined for an unknown slug (shown as "not found"). */
export function protectSubpage(path: string): ComponentType | undefined {
  if (!path.startsWith('/protect/')) return undefined;
  const slug = path.slice('/protect/'.length);
  return Object.hasOwn(protectSubpages, slug) ? protectSubpages[slug] : undefined;
}
