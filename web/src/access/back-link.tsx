import { AppLink } from '../components/app-link.js';
import { accessPaths } from './access-paths.js';

/** The way back up, above the heading of every account page but the overview. */
export function BackLink({
  href = accessPaths.overview,
  children = 'Your account',
}: {
  readonly href?: string;
  readonly children?: string;
}) {
  return (
    <p class="back-link">
      <AppLink href={href}>
        <span aria-hidden="true">←</span>
        Back to {children}
      </AppLink>
    </p>
  );
}
