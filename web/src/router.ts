import { useEffect, useState } from 'preact/hooks';

/**
 * A very small History API router: real URLs (`/`, `/audit`), no hash. The
 * server answers any page URL with index.html, so reloading or sharing a link
 * works. Everything that changes the page goes through {@link navigate} or the
 * browser's back/forward buttons.
 */

const CHANGE = 'shieldwall:navigate';

/** The current path without a trailing slash (except `/` itself). */
export function currentPath(): string {
  const path = window.location.pathname;
  return path.length > 1 && path.endsWith('/') ? path.replace(/\/+$/, '') || '/' : path;
}

/** Go to an in-app URL without reloading the page. */
export function navigate(to: string): void {
  const here = window.location.pathname + window.location.search + window.location.hash;
  if (to !== here) window.history.pushState(null, '', to);
  // Announce even when the URL is the same, so the page heading still gets focus.
  window.dispatchEvent(new Event(CHANGE));
}

/**
 * The current path, re-rendering on navigation. `visit` counts navigations
 * since the page loaded (0 on first load), so the shell can move focus only
 * when the person has actually gone somewhere.
 */
export function useLocation(): { path: string; visit: number } {
  const [location, setLocation] = useState(() => ({ path: currentPath(), visit: 0 }));
  useEffect(() => {
    const update = () =>
      setLocation((previous) => ({ path: currentPath(), visit: previous.visit + 1 }));
    const onPopState = () => {
      // In-page jumps (`#section`) fire popstate too; they are not a new page.
      if (currentPath() !== location.path) update();
    };
    window.addEventListener(CHANGE, update);
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener(CHANGE, update);
      window.removeEventListener('popstate', onPopState);
    };
  }, [location.path]);
  return location;
}

/**
 * Whether a click on an in-app link should be handled here: a plain left click
 * without modifier keys, so "open in new tab" and friends keep working.
 */
export function isPlainClick(event: MouseEvent): boolean {
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    !event.metaKey &&
    !event.ctrlKey &&
    !event.shiftKey &&
    !event.altKey
  );
}
