import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import type { ModuleInfo } from '../modules-api.js';

/**
 * An installed module this version of the web app has no page for (the server
 * was upgraded before the web app, say). Says so instead of "not found".
 */
export function ModulePendingPage({ module }: { readonly module: ModuleInfo }) {
  return (
    <Page title={module.title} lead={module.summary}>
      <div class="notice">
        <p>
          This part of Shieldwall is set up on the server, but this version of the web page does not
          have a screen for it yet. The person who looks after Shieldwall can update it.
        </p>
      </div>
      <p>
        <AppLink href="/" class="button button--secondary">
          Go to the home page
        </AppLink>
      </p>
    </Page>
  );
}
