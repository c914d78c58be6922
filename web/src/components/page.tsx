import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

interface PageProps {
  /** The page's name: its main heading and the first part of the browser tab's title. */
  readonly title: string;
  /** The browser tab's title when it should differ from the heading (the home page's). */
  readonly tabTitle?: string;
  /** One or two plain sentences under the heading: what this page is for. */
  readonly lead?: ComponentChildren;
  readonly children?: ComponentChildren;
}

export const PAGE_HEADING_ID = 'page-heading';

/**
 * Every page starts here, so each has exactly one <h1>, a tab title that says
 * where you are, and a heading the shell can move focus to after navigation
 * (tabIndex -1: focusable by script, not a Tab stop).
 */
export function Page({ title, tabTitle, lead, children }: PageProps) {
  useEffect(() => {
    document.title = tabTitle ?? `${title} – Shieldwall`;
  }, [title, tabTitle]);
  return (
    <>
      <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
        {title}
      </h1>
      {lead === undefined ? null : <p class="lead">{lead}</p>}
      {children}
    </>
  );
}
