import { ABOUT_PATH } from '../module-paths.js';
import { AppLink } from './app-link.js';

/** Whose software this is, in plain words. No claims the operator's setup might not keep. */
export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p>
          Shieldwall is free, open-source software. It runs on a server that you, or someone you
          trust, looks after.
        </p>
        <p>
          <AppLink href={ABOUT_PATH} class="site-footer__link">
            About Shieldwall
          </AppLink>
        </p>
      </div>
    </footer>
  );
}
