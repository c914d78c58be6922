import type { ComponentChildren } from 'preact';
import { isPlainClick, navigate } from '../router.js';

interface AppLinkProps {
  /** An in-app path such as `/audit`. */
  readonly href: string;
  readonly children: ComponentChildren;
  readonly class?: string;
  /** Marks the link to the page being shown, for screen readers and styling. */
  readonly current?: boolean;
}

/** A real link (works with "open in new tab") that changes page without a reload. */
export function AppLink({ href, children, class: className, current = false }: AppLinkProps) {
  const onClick = (event: MouseEvent) => {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} class={className} aria-current={current ? 'page' : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
