import type { ApiError } from '../api.js';
import { ErrorMessage } from '../components/error-message.js';
import { Page } from '../components/page.js';

interface UnreachablePageProps {
  readonly error: ApiError;
  readonly onRetry: () => void;
}

/** A module's address when we could not learn which modules the server has. */
export function UnreachablePage({ error, onRetry }: UnreachablePageProps) {
  return (
    <Page title="We can't load this page">
      <ErrorMessage
        heading="Something stopped this page from loading."
        error={error}
        onRetry={onRetry}
      />
    </Page>
  );
}
