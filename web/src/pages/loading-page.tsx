import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';

/** Shown for a module's address while we learn which modules the server has. */
export function LoadingPage() {
  return (
    <Page title="Loading">
      <LoadingMessage>Loading this page…</LoadingMessage>
    </Page>
  );
}
