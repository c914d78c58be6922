import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';

/** Kind and specific: nothing is broken on the person's side, and here is the way back. */
export function NotFoundPage() {
  return (
    <Page
      title="We can't find that page"
      lead="The address may have a typing mistake, or the page may have moved. Nothing is wrong with your computer."
    >
      <p>
        <AppLink href="/" class="button">
          Go to the home page
        </AppLink>
      </p>
    </Page>
  );
}
